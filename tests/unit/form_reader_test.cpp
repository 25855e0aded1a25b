// SPDX-License-Identifier: MPL-2.0
// The form read back by the contract: a form the core wrote from the
// four-type catalogue and its data file, taken as a snapshot (what the
// office would hold), gives the organisations, figures and passport of the
// data file, and the engine computes the municipal indicators from it.

#include "msoko/form_reader.hpp"
#include "fods_snapshot.hpp"
#include "msoko/form.hpp"
#include "msoko/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace msoko;

namespace {

const Catalogue& four_types() {
    static const Catalogue c = read_catalogue(MSOKO_SHARED_FIXTURES "/catalogue-four-types.json");
    return c;
}

const FormData& four_data() {
    static const FormData d = read_form_data(MSOKO_SHARED_FIXTURES "/form-data-four-types.json");
    return d;
}

}  // namespace

TEST(FormReader, ReadsTheOrganisationsAndFiguresOfTheDataFile) {
    const Catalogue& c = four_types();
    const FormContents read = read_form(c, test::form_snapshot(c, four_data()));
    const Workbook expected = form_workbook(c, four_data());
    EXPECT_TRUE(read.missing_sheets.empty());
    ASSERT_EQ(read.workbook.organisations().size(), expected.organisations().size());
    for (const auto& org : expected.organisations()) {
        const Organisation* got = read.workbook.organisation(org.code);
        ASSERT_TRUE(got) << org.code;
        EXPECT_EQ(got->type, org.type) << org.code;
        EXPECT_EQ(got->name, org.name) << org.code;
        EXPECT_EQ(got->flags, org.flags) << org.code;
        for (const auto& field : c.fields)
            EXPECT_EQ(read.workbook.value(org.code, field.id), expected.value(org.code, field.id))
                << org.code << " " << field.id;
    }
    // The УДО and the resource-centre flag, which no code of ours names.
    EXPECT_EQ(read.workbook.organisation("301")->type, "supplementary");
    EXPECT_EQ(read.workbook.organisation("301")->flags, std::vector<std::string>{"resource_centre"});
    EXPECT_EQ(read.workbook.value("302", "dod_licence"), Cell::text("нет"));
}

TEST(FormReader, ReadsThePassportByItsKeys) {
    const Catalogue& c = four_types();
    const FormContents read = read_form(c, test::form_snapshot(c, four_data()));
    EXPECT_EQ(read.passport_text("municipality"), "Тестовый муниципальный округ");
    EXPECT_EQ(read.passport_text("period"), "2024/2025 учебный год");
    EXPECT_EQ(read.passport_text(kPassportCatalogueId), c.info.id);
    EXPECT_EQ(read.passport_text(kPassportCatalogueVersion), c.info.version);
    EXPECT_EQ(read.passport_text("supplementary_orgs_expected"), "2");
    EXPECT_EQ(read.passport_text("no_such_item"), "");
}

TEST(FormReader, TheEngineComputesTheMunicipalIndicators) {
    const Catalogue& c = four_types();
    const FormContents read = read_form(c, test::form_snapshot(c, four_data()));
    const std::map<std::string, double> expected = {{"1.1.1", 100.0 * 78 / 90},
                                                    {"1.1.2", 75},
                                                    {"1.2.1", 21.25},
                                                    {"1.2.2", 50},
                                                    {"1.2.3", 500},
                                                    {"1.2.4", 1},
                                                    {"1.2.5", 1},
                                                    {"1.2.6", 420},
                                                    {"1.3.1", 10}};
    // As the form's cells compute them (each direction's table), and by the engine over the whole form.
    for (const auto& values : {form_indicators(c, read), form_indicators(c, read.workbook)}) {
        ASSERT_EQ(values.size(), c.indicators.size());
        for (const auto& v : values) {
            ASSERT_TRUE(v.value.result.has_value()) << v.indicator->id << ": " << v.value.result.reason();
            EXPECT_NEAR(v.value.result.value(), expected.at(v.indicator->id), 1e-9) << v.indicator->id;
            EXPECT_EQ(v.error, 0);
        }
    }
    EXPECT_EQ(read.tables.size(), c.directions.size());
    EXPECT_TRUE(read.tables_with_error_values.empty());
}

// What Calc does with a table MSOKO.INDICATOR cannot pass or read: every
// indicator of its direction is an error, the others compute.
TEST(FormReader, ATableCalcCannotComputeMakesItsDirectionsIndicatorsErrors) {
    const Catalogue& c = four_types();
    WorkbookSnapshot wb = test::form_snapshot(c, four_data());
    const FormLayout layout = form_layout(c, {{"school", 3}, {"kindergarten", 2}, {"supplementary", 3}});
    const auto at = [&](const char* direction, const char* type, std::size_t slot, const char* field) -> Cell& {
        const DirectionSheet& ds = *layout.sheet_of(direction);
        SheetSnapshot& s =
            *std::find_if(wb.sheets.begin(), wb.sheets.end(), [&](auto& x) { return x.name == ds.sheet; });
        return s.values[static_cast<std::size_t>(ds.row_of(type, slot)) * s.cols +
                        static_cast<std::size_t>(ds.column_of(field))];
    };
    at("1.2", "school", 0, "dod_teachers") = Cell::error();      // an error value: Calc passes no table (Err:504)
    at("1.3", "kindergarten", 1, "children") = Cell::number(5);  // figures in a row without an organisation
    const FormContents read = read_form(c, wb);
    EXPECT_EQ(read.tables_with_error_values, std::vector<std::string>{"1.2"});
    for (const auto& v : form_indicators(c, read)) {
        const std::string& d = v.indicator->direction;
        if (d == "1.1") {
            EXPECT_TRUE(v.value.result.has_value()) << v.indicator->id;
        } else {
            EXPECT_EQ(v.value.result.status(), Result::Status::Invalid) << v.indicator->id;
            EXPECT_EQ(v.error, d == "1.2" ? 504 : 502) << v.indicator->id;
        }
    }
    wb.sheets.erase(std::find_if(wb.sheets.begin(), wb.sheets.end(),
                                 [&](auto& x) { return x.name == layout.sheet_of("1.1")->sheet; }));
    const auto without = form_indicators(c, read_form(c, wb));
    EXPECT_EQ(without.front().error, 524) << "a missing sheet: its named range is #REF!";
}

TEST(FormReader, TheTypedValueCountsNotTheTotalsRow) {
    const Catalogue& c = four_types();
    WorkbookSnapshot wb = test::form_snapshot(c, four_data());
    const FormLayout layout = form_layout(c, {{"school", 3}, {"kindergarten", 2}, {"supplementary", 3}});
    const DirectionSheet& ds = *layout.sheet_of("1.2");
    SheetSnapshot& s = *std::find_if(wb.sheets.begin(), wb.sheets.end(), [&](auto& x) { return x.name == ds.sheet; });
    // A mistake in an УДО row is read as typed: the engine says the figure is invalid.
    const std::size_t r = static_cast<std::size_t>(ds.row_of("supplementary", 0));
    const std::size_t col = static_cast<std::size_t>(ds.column_of("dod_children"));
    s.values[r * s.cols + col] = Cell::text("300 детей");
    // The totals row's sums (under the table) are no organisation's figures.
    s.values[static_cast<std::size_t>(ds.total_row()) * s.cols + col] = Cell::number(1e6);
    const FormContents read = read_form(c, wb);
    EXPECT_EQ(read.workbook.value("301", "dod_children"), Cell::text("300 детей"));
    const Engine engine(c, read.workbook);
    EXPECT_EQ(engine.municipality("1.2.3").result.status(), Result::Status::Invalid);
    EXPECT_EQ(read.workbook.organisations().size(), form_workbook(c, four_data()).organisations().size());
}

TEST(FormReader, AFormWithoutItsSheetsReadsEmpty) {
    const Catalogue& c = four_types();
    const FormContents read = read_form(c, WorkbookSnapshot{});
    EXPECT_EQ(read.missing_sheets.size(), c.directions.size());
    ASSERT_EQ(read.workbook.organisations().size(), 1u);  // the municipality's own row
    EXPECT_EQ(read.workbook.organisations().front().code, kMunicipalityCode);
    EXPECT_EQ(read.passport_text("municipality"), "");
}

TEST(FormReader, ValuesShowAsTheFormShowsThem) {
    const FormLayout layout = form_layout(four_types(), {});
    const IndicatorRow& ratio = *layout.indicator_row("1.2.1");    // children per teacher: one decimal
    const IndicatorRow& count = *layout.indicator_row("1.2.3");    // a count: whole, grouped
    const IndicatorRow& plan = *layout.indicator_row("1.2.4");     // a municipal yes/no
    const IndicatorRow& counted = *layout.indicator_row("1.2.5");  // УДО answering «да»: a number
    const IndicatorRow& share = *layout.indicator_row("1.1.1");    // a percentage: one decimal
    EXPECT_EQ(shown_value(ratio, Result::of(21.25), false), "21,3");
    EXPECT_EQ(shown_value(ratio, Result::of(21.25), true), "21.3");
    EXPECT_EQ(shown_value(share, Result::of(100.0 * 78 / 90), false), "86,7");
    EXPECT_EQ(shown_value(share, Result::of(1.005 * 10), false), "10,1");
    EXPECT_EQ(shown_value(share, Result::of(0.04), true), "0.0");
    EXPECT_EQ(shown_value(share, Result::of(100), true), "100.0");
    EXPECT_EQ(shown_value(count, Result::of(1234567), false), "1\u00A0234\u00A0567");
    EXPECT_EQ(shown_value(count, Result::of(1234567), true), "1,234,567");
    EXPECT_EQ(shown_value(count, Result::of(500), true), "500");
    EXPECT_EQ(shown_value(plan, Result::of(1), false), "да");
    EXPECT_EQ(shown_value(plan, Result::of(0), true), "нет");
    EXPECT_EQ(shown_value(counted, Result::of(1), false), "1");
    EXPECT_EQ(shown_value(count, Result::missing("x"), false), "#Н/Д");
    EXPECT_EQ(shown_value(count, Result::not_applicable("x"), true), "#N/A");
    EXPECT_EQ(shown_value(count, Result::invalid("x"), false), "Ошибка:502");
    EXPECT_EQ(shown_value(count, Result::invalid("x"), true), "Err:502");
    EXPECT_EQ(shown_value(count, Result::invalid("x"), false, 504), "Ошибка:504");
}

// SPDX-License-Identifier: MPL-2.0
// The four-type test catalogue end to end in a real Calc (issue 12): a
// catalogue with a fourth organisation type (УДО) and a third flag (РЦ) gets
// its register column, its rows in the direction tables, its indicators and
// its checks with no code of ours naming them. The form is written from the
// catalogue and its data file by the core, opened in an office whose
// extension uses that catalogue (MSOKO_CATALOGUE), recalculated and checked
// by the menu's command.
#include "check_support.hxx"
#include "msoko/form_reader.hpp"
#include "snapshot.hxx"

#include <cmath>

using namespace msoko::test;

namespace {

const fs::path kFourTypesCatalogue = fs::path(MSOKO_TEST_SHARED_FIXTURES) / "catalogue-four-types.json";
const fs::path kFourTypesData = fs::path(MSOKO_TEST_SHARED_FIXTURES) / "form-data-four-types.json";

const msoko::Catalogue& four_types() {
    static const msoko::Catalogue c = msoko::read_catalogue(kFourTypesCatalogue.string());
    return c;
}

msoko::FormLayout layout_of(const msoko::FormData& data) {
    std::map<std::string, std::size_t> slots;
    for (const msoko::OrganisationType* t : four_types().register_types())
        slots[t->id] = data.register_rows(t->plural);
    return msoko::form_layout(four_types(), slots);
}

// Every formula cell of the workbook whose result is an error value, as «sheet!A1».
std::vector<std::string> error_cells(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::vector<std::string> out;
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        auto s = sheet_at(doc, i);
        auto found = Reference<css::sheet::XCellRangesQuery>(s, UNO_QUERY_THROW)
                         ->queryFormulaCells(css::sheet::FormulaResult::ERROR);
        for (const auto& a : found->getRangeAddresses())
            out.push_back(name_of(s) + "!" + msoko::cell_address(a.StartRow, a.StartColumn) +
                          (a.EndRow != a.StartRow || a.EndColumn != a.StartColumn
                               ? ":" + msoko::cell_address(a.EndRow, a.EndColumn)
                               : ""));
    }
    return out;
}

class FourTypes : public OfficeSuite {
protected:
    static void SetUpTestSuite() {
        msoko::office::Options options;
        options.ui_locale = "ru-RU";
        options.environment.emplace_back("MSOKO_CATALOGUE", fs::absolute(kFourTypesCatalogue).string());
        start(options);
    }
    // The form of `data` written by the core, opened with a view (the menu's
    // commands need a frame) and recalculated.
    Reference<css::sheet::XSpreadsheetDocument> open_form(const msoko::FormData& data, const std::string& name) {
        const fs::path dir = fs::temp_directory_path() / ("msoko-four-types-" + std::to_string(getpid()));
        fs::create_directories(dir);
        const fs::path file = dir / (name + ".fods");
        std::ofstream(file) << msoko::form_fods(four_types(), data, "test");
        docs_.push_back(office_->open(file, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
    static msoko::FormData data() { return msoko::read_form_data(kFourTypesData.string()); }
};

TEST_F(FourTypes, TheFilledFormComputesWithoutAnErrorValue) {
    auto doc = open_form(data(), "filled");
    EXPECT_EQ(error_cells(doc), std::vector<std::string>{}) << "no formula of the form shows an error value";
}

TEST_F(FourTypes, TheRegisterAndTheTablesHaveTheUdoRowsAndTheResourceCentreFlag) {
    const msoko::FormData d = data();
    auto doc = open_form(d, "rows");
    const msoko::FormLayout layout = layout_of(d);
    auto reg = sheet(doc, msoko::kRegisterSheet);
    const int flag = layout.flag_column("resource_centre");
    ASSERT_GE(flag, 0);
    EXPECT_EQ(text(reg->getCellByPosition(flag, msoko::FormLayout::kRegisterHeaderRow)), "РЦ");
    EXPECT_EQ(layout.register_slots("supplementary"), 3u);
    EXPECT_EQ(text(reg->getCellByPosition(0, layout.register_row("supplementary", 0))), "301");
    EXPECT_EQ(text(reg->getCellByPosition(flag, layout.register_row("supplementary", 0))), "да");

    const msoko::DirectionSheet& ds = *layout.sheet_of("1.2");
    auto s = sheet(doc, ds.sheet.c_str());
    for (std::size_t slot = 0; slot < 2; ++slot) {
        const int row = ds.row_of("supplementary", slot);
        ASSERT_GE(row, 0);
        EXPECT_EQ(text(s->getCellByPosition(0, row)), slot == 0 ? "301" : "302");
        EXPECT_EQ(text(s->getCellByPosition(2, row)), "УДО") << "the type comes from the register";
        EXPECT_EQ(text(s->getCellByPosition(3, row)), slot == 0 ? "РЦ" : "") << "the flags come from the register";
    }
    EXPECT_EQ(text(s->getCellByPosition(3, ds.row_of("school", 0))), "РЦ");
    EXPECT_EQ(text(s->getCellByPosition(3, ds.row_of("school", 1))), "ШНОР");
    EXPECT_LT(layout.sheet_of("1.1")->row_of("supplementary", 0), 0) << "no УДО rows where no field concerns them";
}

TEST_F(FourTypes, EveryMunicipalIndicatorEqualsTheExpectedValueAndTheEngine) {
    const msoko::FormData d = data();
    auto doc = open_form(d, "indicators");
    // By hand from form-data-four-types.json: 1.1.1 = (48 + 30) / (50 + 40); 1.1.2 the ШНОР school 102:
    // 30 / 40; 1.2.1 = (120 + 60 + 300 + 200) / (6 + 4 + 12 + 10); 1.2.2 one УДО of two has a licence;
    // 1.2.3 = 300 + 200; 1.2.4 the municipal plan «да»; 1.2.5 УДО with «да»: 301; 1.2.6 the resource
    // centres 101 and 301: 120 + 300; 1.3.1 = 90 / 9.
    const std::map<std::string, std::pair<double, const char*>> expected = {{"1.1.1", {100.0 * 78 / 90, "86,7"}},
                                                                            {"1.1.2", {75, "75,0"}},
                                                                            {"1.2.1", {21.25, "21,3"}},
                                                                            {"1.2.2", {50, "50,0"}},
                                                                            {"1.2.3", {500, "500"}},
                                                                            {"1.2.4", {1, "да"}},
                                                                            {"1.2.5", {1, "1"}},
                                                                            {"1.2.6", {420, "420"}},
                                                                            {"1.3.1", {10, "10,0"}}};
    EXPECT_NEAR(expected.at("1.1.1").first, 86.67, 0.005);

    const msoko::Catalogue& c = four_types();
    const msoko::FormLayout layout = layout_of(d);
    const msoko::Workbook from_data = msoko::form_workbook(c, d);
    const msoko::Engine engine(c, from_data);
    // The core from the office's snapshot: what `msoko indicators` prints.
    const msoko::FormContents read = msoko::read_form(c, msoko::uno::snapshot(doc, {}));
    const auto from_snapshot = msoko::form_indicators(c, read);
    ASSERT_EQ(from_snapshot.size(), c.indicators.size());
    EXPECT_EQ(read.passport_text("municipality"), "Тестовый муниципальный округ");

    auto summary = sheet(doc, msoko::kIndicatorsSheet);
    ASSERT_EQ(expected.size(), c.indicators.size());
    for (std::size_t k = 0; k < c.indicators.size(); ++k) {
        const std::string& id = c.indicators[k].id;
        const msoko::IndicatorRow& row = *layout.indicator_row(id);
        ASSERT_EQ(text(summary->getCellByPosition(msoko::IndicatorsColumns::kId, row.row)), id);
        const auto cell = summary->getCellByPosition(msoko::IndicatorsColumns::kValue, row.row);
        ASSERT_EQ(cell->getError(), 0) << id << ": " << text(cell);
        EXPECT_NEAR(cell->getValue(), expected.at(id).first, 1e-9) << id;
        EXPECT_EQ(text(cell), expected.at(id).second) << id;
        const auto by_engine = engine.municipality(id).result;
        ASSERT_TRUE(by_engine.has_value()) << id << ": " << by_engine.reason();
        EXPECT_NEAR(by_engine.value(), cell->getValue(), 1e-9) << id << ": the engine from the data file";
        const msoko::Result& core = from_snapshot[k].value.result;
        ASSERT_TRUE(core.has_value()) << id << ": " << core.reason();
        EXPECT_NEAR(core.value(), cell->getValue(), 1e-9) << id << ": the core from the snapshot";
        EXPECT_EQ(msoko::shown_value(row, core, /*english=*/false), text(cell)) << id;
    }
}

TEST_F(FourTypes, TheCheckFindsTheFormReady) {
    auto doc = open_form(data(), "ready");
    std::string summary;
    const auto rows = validation::validate(*office_, doc, &summary);
    EXPECT_EQ(validation::count(rows, "Ошибка"), 0u)
        << (rows.empty() ? "" : rows.front().sheet + " " + rows.front().cell + ": " + rows.front().message);
    EXPECT_NE(summary.find("форма готова к отправке"), std::string::npos) << summary;
}

TEST_F(FourTypes, TheCheckFindsTextInACountCellOfAnUdoRow) {
    msoko::FormData d = data();
    d.values["302"]["dod_children"] = msoko::Cell::text("200 детей");
    auto doc = open_form(d, "mistake");
    const auto rows = validation::validate(*office_, doc);
    const msoko::FormLayout layout = layout_of(d);
    const msoko::DirectionSheet& ds = *layout.sheet_of("1.2");
    const std::string at = msoko::cell_address(ds.row_of("supplementary", 1), ds.column_of("dod_children"));
    const auto found = std::find_if(rows.begin(), rows.end(), [&](const validation::Row& r) {
        return r.severity == "Ошибка" && r.sheet == ds.sheet && r.cell == at && r.organisation == "302" &&
               r.field == "dod_children" && r.rule == "type.count";
    });
    std::string all;
    for (const auto& r : rows)
        all += "\n" + r.severity + " " + r.sheet + " " + r.cell + " " + r.organisation + " " + r.field + " " + r.rule;
    EXPECT_NE(found, rows.end()) << "text in the count cell " << ds.sheet << "!" << at << " is found; found:" << all;
    if (found != rows.end()) {
        EXPECT_NE(found->message.find("200"), std::string::npos) << found->message;
    }
}

}  // namespace

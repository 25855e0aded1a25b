// SPDX-License-Identifier: MPL-2.0
// The samples: the filled district computes everything, exactly as the engine.
#include "msoko/form_reader.hpp"
#include "snapshot.hxx"
#include "support.hxx"

using namespace msoko::test;

namespace {

TEST_F(Samples, FilledDistrictHasNoErrorValueAnywhere) {
    auto doc = open("sample-district.ods");
    const sal_Int32 n = Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount();
    EXPECT_EQ(n, 15);
    for (sal_Int32 i = 0; i < n; ++i) {
        auto s = sheet_at(doc, i);
        auto errors = Reference<css::sheet::XCellRangesQuery>(s, UNO_QUERY_THROW)
                          ->queryFormulaCells(css::sheet::FormulaResult::ERROR);
        EXPECT_TRUE(errors->getRangeAddressesAsString().isEmpty())
            << name_of(s) << ": error values in " << u8(errors->getRangeAddressesAsString());
    }
}

// Every value of «Показатели» and of every direction's indicator block (each
// organisation row and the municipal row) equals the core engine's.
void expect_engine_values(const Reference<css::sheet::XSpreadsheetDocument>& doc, const msoko::FormData& data) {
    const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    const msoko::Workbook workbook = msoko::form_workbook(catalogue, data);
    const msoko::Engine engine(catalogue, workbook);
    // The register's slots of each type, as the writer sized them: the data
    // file's rows, or more when it lists more organisations.
    std::map<std::string, std::size_t> slots;
    for (const msoko::OrganisationType* t : catalogue.register_types()) {
        const auto listed = std::count_if(data.organisations.begin(), data.organisations.end(),
                                          [&](const msoko::RegisterEntry& o) { return o.type == t->id; });
        slots[t->id] = std::max(data.register_rows(t->plural), static_cast<std::size_t>(listed));
    }
    const msoko::FormLayout layout = msoko::form_layout(catalogue, slots);

    auto expect_same = [](const msoko::IndicatorResult& r, const Reference<css::table::XCell>& c,
                          const std::string& where) {
        if (r.result.has_value()) {
            EXPECT_EQ(c->getError(), 0) << where << ": " << text(c);
            EXPECT_NEAR(c->getValue(), r.result.value(), 1e-9) << where;
        } else {
            EXPECT_TRUE(c->getError() == kNotAvailable || text(c) == "—")
                << where << ": shows " << text(c) << ", the engine says " << r.result.reason();
        }
    };
    auto summary = sheet(doc, "Показатели");
    int compared = 0;
    for (std::size_t k = 0; k < catalogue.indicators.size(); ++k) {
        const auto& ind = catalogue.indicators[k];
        const sal_Int32 row = layout.indicator_row(ind.id)->row;  // the supplementary directions after a heading
        ASSERT_EQ(text(summary->getCellByPosition(0, row)), ind.id);
        expect_same(engine.municipality(ind.id), summary->getCellByPosition(4, row), ind.id + " municipal");
        ++compared;
    }
    for (const auto& ds : layout.directions) {
        auto s = sheet(doc, ds.sheet.c_str());
        for (std::size_t i = 0; i <= ds.rows.size(); ++i) {
            const sal_Int32 row = ds.block_first_row() + static_cast<sal_Int32>(i);
            const bool municipal = i == ds.rows.size();
            const std::string code = municipal ? "" : text(s->getCellByPosition(0, row));
            for (std::size_t k = 0; k < ds.direction->indicators.size(); ++k) {
                const std::string& id = ds.direction->indicators[k];
                const auto c = s->getCellByPosition(ds.block_first_column() + static_cast<sal_Int32>(k), row);
                if (!municipal && code.empty()) {
                    EXPECT_EQ(text(c), "—") << id << ": an empty register slot shows no value in " << ds.sheet;
                    continue;
                }
                expect_same(municipal ? engine.municipality(id) : engine.organisation(id, code), c,
                            id + (municipal ? " municipal row" : " for " + code) + " on " + ds.sheet);
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 1500) << "every organisation and indicator";
}

TEST_F(Samples, EveryIndicatorEqualsTheEngine) {
    expect_engine_values(
        open("sample-district.ods"),
        msoko::read_form_data((fs::path(MSOKO_TEST_SAMPLES) / "data" / "sample-district.json").string()));
}

// What `msoko indicators` prints: the core's values from the office's
// snapshot (the form read back by the contract, every indicator computed by
// the engine) equal the values and texts «Показатели» shows.
std::size_t expect_core_values(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    const msoko::FormLayout layout = msoko::form_layout(catalogue, {});
    const msoko::FormContents form = msoko::read_form(catalogue, msoko::uno::snapshot(doc, {}));
    EXPECT_TRUE(form.missing_sheets.empty());
    EXPECT_EQ(form.passport_text(msoko::kPassportCatalogueId), catalogue.info.id);
    auto summary = sheet(doc, msoko::kIndicatorsSheet);
    std::size_t values = 0;
    for (const msoko::FormIndicator& fi : msoko::form_indicators(catalogue, form)) {
        const msoko::IndicatorRow& row = *layout.indicator_row(fi.indicator->id);
        const auto c = summary->getCellByPosition(msoko::IndicatorsColumns::kValue, row.row);
        const msoko::Result& r = fi.value.result;
        EXPECT_EQ(text(summary->getCellByPosition(msoko::IndicatorsColumns::kId, row.row)), fi.indicator->id);
        if (r.has_value()) {
            ++values;
            EXPECT_EQ(c->getError(), 0) << fi.indicator->id << ": " << text(c);
            EXPECT_NEAR(c->getValue(), r.value(), 1e-9) << fi.indicator->id;
        } else {
            EXPECT_EQ(c->getError(), r.status() == msoko::Result::Status::Invalid ? fi.error : kNotAvailable)
                << fi.indicator->id << ": " << r.reason();
        }
        EXPECT_EQ(msoko::shown_value(row, r, /*english=*/true, fi.error), text(c)) << fi.indicator->id;
    }
    return values;
}

TEST_F(Samples, TheCoreComputesWhatTheIndicatorsSheetShows) {
    // 104 headlines and 24 variants (thresholds of 5.1.1.9, members of 5.1.1.16, 5.2.2.1, 5.2.3.3, 5.2.3.4).
    EXPECT_EQ(expect_core_values(open("sample-district.ods")), 128u);
    // Tables Calc cannot pass (an error value) or read (5.2.1): their indicators are errors, as in the form.
    EXPECT_EQ(expect_core_values(open("sample-district-mistakes.ods")), 74u);
    EXPECT_EQ(expect_core_values(open("msoko-form-blank.ods")), 0u);
}

TEST_F(Samples, RegisterWithEmptySlotsStillLinesUp) {
    // NewForm makes 30 + 30 slots; a district fills some: the blocks must stay aligned.
    msoko::FormData data =
        msoko::read_form_data((fs::path(MSOKO_TEST_SAMPLES) / "data" / "sample-district.json").string());
    data.rows["schools"] = 20;
    data.rows["kindergartens"] = 18;
    const fs::path file = fs::temp_directory_path() / ("msoko-gaps-" + std::to_string(getpid()) + ".fods");
    std::ofstream(file) << msoko::form_fods(msoko::read_catalogue(MSOKO_TEST_CATALOGUE), data, "test");
    docs_.push_back(office_->open(file, Office::Access::ReadOnly));
    recalc(docs_.back());
    expect_engine_values(docs_.back(), data);
    fs::remove(file);
}

TEST_F(Samples, OdsAndFodsHoldTheSameForm) {
    for (const char* base : {"msoko-form-blank", "sample-district", "sample-district-mistakes"}) {
        auto ods = open((std::string(base) + ".ods").c_str());
        auto fods = open((std::string(base) + ".fods").c_str());
        const sal_Int32 n = Reference<css::container::XIndexAccess>(ods->getSheets(), UNO_QUERY_THROW)->getCount();
        ASSERT_EQ(n, Reference<css::container::XIndexAccess>(fods->getSheets(), UNO_QUERY_THROW)->getCount());
        for (sal_Int32 i = 0; i < n; ++i)
            EXPECT_EQ(contents(sheet_at(ods, i)), contents(sheet_at(fods, i)))
                << base << ".ods is stale against its .fods on sheet " << name_of(sheet_at(ods, i))
                << ": regenerate the samples";
    }
}

}  // namespace

// SPDX-License-Identifier: MPL-2.0
// The samples: the filled district computes everything, exactly as the engine.
#include "support.hxx"

using namespace msoko::test;

namespace {

TEST_F(Samples, FilledDistrictHasNoErrorValueAnywhere) {
    auto doc = open("sample-district.ods");
    const sal_Int32 n = Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount();
    EXPECT_EQ(n, 14);
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
    const msoko::Workbook workbook = msoko::form_workbook(data);
    const msoko::Engine engine(catalogue, workbook);
    std::size_t schools = 0, kindergartens = 0;
    for (const auto& o : data.organisations)
        (o.type == "school" ? schools : kindergartens)++;
    const msoko::FormLayout layout =
        msoko::form_layout(catalogue, std::max(data.schools, schools), std::max(data.kindergartens, kindergartens));

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
        const sal_Int32 row = msoko::FormLayout::kIndicatorsFirstRow + static_cast<sal_Int32>(k);
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
                const auto c =
                    s->getCellByPosition(msoko::DirectionSheet::kBlockFirstColumn + static_cast<sal_Int32>(k), row);
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

TEST_F(Samples, RegisterWithEmptySlotsStillLinesUp) {
    // NewForm makes 30 + 30 slots; a district fills some: the blocks must stay aligned.
    msoko::FormData data =
        msoko::read_form_data((fs::path(MSOKO_TEST_SAMPLES) / "data" / "sample-district.json").string());
    data.schools = 20;
    data.kindergartens = 18;
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

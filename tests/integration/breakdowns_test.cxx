// SPDX-License-Identifier: MPL-2.0
// Variants and breakdowns in a real Calc (issue 14): a form of the default
// catalogue written by the core, opened and recalculated, shows a threshold
// variant of 5.1.1.9 and the per-level values of 5.2.3.3 beside their
// headlines (the direction's block) and under them («Показатели»), with the
// values computed by hand; the member figures have their own columns; the
// cell function computes a variant by its id.
#include "msoko/form.hpp"
#include "support.hxx"

#include <unistd.h>

using namespace msoko::test;

namespace {

const msoko::Catalogue& catalogue() {
    static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    return c;
}

// Two schools and the municipality; only the figures of 5.1.1.9 and 5.2.3.3 are typed.
msoko::FormData data() {
    msoko::FormData d;
    d.passport = {{"municipality", "Ольховоборский муниципальный округ"}, {"period", "2024/2025 учебный год"}};
    d.rows = {{"schools", 2}, {"kindergartens", 0}};
    d.organisations = {{"4201", "МБОУ «Ольховоборская СОШ № 1»", "МБОУ «Ольховоборская СОШ № 1»", "school", {}},
                       {"4202", "МБОУ «Ольховоборская СОШ № 2»", "МБОУ «Ольховоборская СОШ № 2»", "school", {}}};
    auto n = [](double v) { return msoko::Cell::number(v); };
    // 5.1.1.9: graduates and their best elective result by band.
    d.values["4201"] = {{"g11_graduates", n(40)},     {"g11_elective_70_79", n(6)}, {"g11_elective_80_89", n(3)},
                        {"g11_elective_90_99", n(2)}, {"g11_elective_100", n(1)},   {"vs_pupils", n(500)},
                        {"vs_pupils_noo", n(200)},    {"vs_pupils_ooo", n(250)},    {"vs_pupils_soo", n(50)},
                        {"vs_volunteers", n(100)},    {"vs_volunteers_noo", n(20)}, {"vs_volunteers_ooo", n(50)},
                        {"vs_volunteers_soo", n(30)}};
    d.values["4202"] = {{"g11_graduates", n(10)},     {"g11_elective_70_79", n(1)}, {"g11_elective_80_89", n(1)},
                        {"g11_elective_90_99", n(0)}, {"g11_elective_100", n(0)},   {"vs_pupils", n(100)},
                        {"vs_pupils_noo", n(40)},     {"vs_pupils_ooo", n(60)},     {"vs_pupils_soo", n(0)},
                        {"vs_volunteers", n(10)},     {"vs_volunteers_noo", n(4)},  {"vs_volunteers_ooo", n(6)},
                        {"vs_volunteers_soo", n(0)}};
    return d;
}

class Breakdowns : public OfficeSuite {
protected:
    static void SetUpTestSuite() { start({}); }
    Reference<css::sheet::XSpreadsheetDocument> open_form() {
        const fs::path file = fs::temp_directory_path() / ("msoko-breakdowns-" + std::to_string(getpid()) + ".fods");
        std::ofstream(file) << msoko::form_fods(catalogue(), data(), "test");
        docs_.push_back(office_->open(file, Office::Access::ReadWrite));
        recalc(docs_.back());
        fs::remove(file);
        return docs_.back();
    }
    static msoko::FormLayout layout() { return msoko::form_layout(catalogue(), {{"school", 2}}); }
};

// The block column of an indicator on its direction's sheet.
sal_Int32 block_column(const msoko::DirectionSheet& ds, const std::string& id) {
    const auto& ids = ds.direction->indicators;
    const auto it = std::find(ids.begin(), ids.end(), id);
    EXPECT_NE(it, ids.end()) << id;
    return ds.block_first_column() + static_cast<sal_Int32>(it - ids.begin());
}

TEST_F(Breakdowns, AThresholdVariantStandsBesideItsHeadlineWithItsValue) {
    auto doc = open_form();
    const msoko::FormLayout l = layout();
    const msoko::DirectionSheet& ds = *l.sheet_of("5.1.1");
    auto s = sheet(doc, ds.sheet.c_str());
    const sal_Int32 headline = block_column(ds, "5.1.1.9"), v80 = block_column(ds, "5.1.1.9.80"),
                    v100 = block_column(ds, "5.1.1.9.100");
    EXPECT_EQ(v80, headline + 1) << "the variants follow their headline";
    EXPECT_EQ(text(s->getCellByPosition(v80, ds.block_header_row())), "5.1.1.9.80 в т. ч. от 80 баллов, %");
    const sal_Int32 r1 = ds.row_of("school", 0), r2 = ds.row_of("school", 1), rm = ds.total_row();
    EXPECT_NEAR(s->getCellByPosition(headline, r1)->getValue(), 30.0, 1e-9);  // (6 + 3 + 2 + 1) / 40
    EXPECT_NEAR(s->getCellByPosition(v80, r1)->getValue(), 15.0, 1e-9);       // (3 + 2 + 1) / 40
    EXPECT_NEAR(s->getCellByPosition(v80, r2)->getValue(), 10.0, 1e-9);       // 1 / 10
    EXPECT_NEAR(s->getCellByPosition(v80, rm)->getValue(), 14.0, 1e-9);       // (6 + 1) / 50
    EXPECT_NEAR(s->getCellByPosition(v100, rm)->getValue(), 2.0, 1e-9);       // 1 / 50

    auto summary = sheet(doc, msoko::kIndicatorsSheet);
    const msoko::IndicatorRow& row = *l.indicator_row("5.1.1.9.80");
    EXPECT_EQ(row.row, l.indicator_row("5.1.1.9")->row + 1) << "under its headline";
    EXPECT_EQ(text(summary->getCellByPosition(msoko::IndicatorsColumns::kTitle, row.row)), "в т. ч. от 80 баллов");
    EXPECT_NEAR(summary->getCellByPosition(msoko::IndicatorsColumns::kValue, row.row)->getValue(), 14.0, 1e-9);

    // The cell function by the variant's id, over the direction's table.
    auto free_cell = s->getCellByPosition(0, rm + 3);
    free_cell->setFormula("=MSOKO.INDICATOR(\"5.1.1.9.90\";" + ou(ds.range_name) + ";4201)");
    recalc(doc);
    EXPECT_EQ(free_cell->getError(), 0) << text(free_cell);
    EXPECT_NEAR(free_cell->getValue(), 7.5, 1e-9);  // (2 + 1) / 40
}

TEST_F(Breakdowns, EachLevelHasItsFiguresAndItsValueBesideTheTotal) {
    auto doc = open_form();
    const msoko::FormLayout l = layout();
    const msoko::DirectionSheet& ds = *l.sheet_of("5.2.3");
    auto s = sheet(doc, ds.sheet.c_str());
    const sal_Int32 total = ds.column_of("vs_volunteers"), noo = ds.column_of("vs_volunteers_noo");
    ASSERT_GE(total, 0);
    EXPECT_EQ(noo, total + 1) << "the member figures follow their total";
    EXPECT_EQ(text(s->getCellByPosition(noo, msoko::DirectionSheet::kCodeRow)), "vs_volunteers_noo");
    const sal_Int32 r1 = ds.row_of("school", 0), r2 = ds.row_of("school", 1), rm = ds.total_row();
    EXPECT_EQ(s->getCellByPosition(noo, r1)->getValue(), 20);
    EXPECT_EQ(s->getCellByPosition(noo, rm)->getValue(), 24) << "the municipal total of the member figure";

    const sal_Int32 headline = block_column(ds, "5.2.3.3"), vnoo = block_column(ds, "5.2.3.3.noo"),
                    vsoo = block_column(ds, "5.2.3.3.soo");
    EXPECT_EQ(text(s->getCellByPosition(vnoo, ds.block_header_row())), "5.2.3.3.noo в т. ч. НОО (1–4 классы), %");
    EXPECT_NEAR(s->getCellByPosition(headline, r1)->getValue(), 20.0, 1e-9);  // 100 / 500
    EXPECT_NEAR(s->getCellByPosition(vnoo, r1)->getValue(), 10.0, 1e-9);      // 20 / 200
    EXPECT_NEAR(s->getCellByPosition(vnoo, r2)->getValue(), 10.0, 1e-9);      // 4 / 40
    EXPECT_NEAR(s->getCellByPosition(vsoo, r1)->getValue(), 60.0, 1e-9);      // 30 / 50
    EXPECT_EQ(text(s->getCellByPosition(vsoo, r2)), "—") << "no pupils of the level: not applicable";
    EXPECT_NEAR(s->getCellByPosition(vnoo, rm)->getValue(), 10.0, 1e-9);           // 24 / 240
    EXPECT_NEAR(s->getCellByPosition(vsoo, rm)->getValue(), 60.0, 1e-9);           // 30 / 50
    EXPECT_NEAR(s->getCellByPosition(headline, rm)->getValue(), 110.0 / 6, 1e-9);  // 110 / 600

    auto summary = sheet(doc, msoko::kIndicatorsSheet);
    const msoko::IndicatorRow& row = *l.indicator_row("5.2.3.3.ooo");
    EXPECT_EQ(text(summary->getCellByPosition(msoko::IndicatorsColumns::kTitle, row.row)), "в т. ч. ООО (5–9 классы)");
    EXPECT_NEAR(summary->getCellByPosition(msoko::IndicatorsColumns::kValue, row.row)->getValue(), 56.0 / 3.1,
                1e-9);  // 56 / 310
}

}  // namespace

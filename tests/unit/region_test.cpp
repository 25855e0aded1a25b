// SPDX-License-Identifier: MPL-2.0
// The regional center's side without an office: forms accepted or refused,
// the region's values as Σ/Σ (never a mean of percentages), the ranking's
// rule, the profiles, indicators.json read back, the region workbook's cells.

#include "msoko/region.hpp"
#include "fods_reader.hpp"
#include "msoko/region_workbook.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace msoko {
namespace {

using test::mini;

/// The mini catalogue with a second ranked indicator (1.1.2, lower is better).
const Catalogue& ranked_mini() {
    static const Catalogue c = [] {
        Catalogue k = parse_catalogue(test::mini_text(), "mini-catalogue.json");
        for (auto& ind : k.indicators)
            if (ind.id == "1.1.2")
                ind.better = Better::Lower;
        return k;
    }();
    return c;
}

IndicatorFigures share(const std::string& id, double num, double den) {
    IndicatorFigures f;
    f.id = id;
    f.status = den > 0 ? Result::Status::Value : Result::Status::NotApplicable;
    if (den > 0)
        f.value = 100.0 * num / den;
    f.numerator = num;
    f.denominator = den;
    return f;
}

IndicatorFigures plain(const std::string& id, double v) {
    IndicatorFigures f;
    f.id = id;
    f.status = Result::Status::Value;
    f.value = v;
    f.numerator = v;
    f.denominator = 0;
    return f;
}

RegionForm form(const std::string& municipality, std::vector<IndicatorFigures> indicators,
                const std::string& prepared_at = "2026-06-30T10:00:00+03:00") {
    RegionForm f;
    f.file = municipality + ".ods";
    f.prepared_at = prepared_at;
    f.figures.catalogue_id = "mini";
    f.figures.catalogue_version = "1";
    f.figures.municipality = municipality;
    f.figures.region = "Энская область";
    f.figures.period = "2025/2026";
    f.figures.check_summary = "Ошибок: 0 — форма готова к отправке";
    f.figures.indicators = std::move(indicators);
    return f;
}

TEST(Region, ShareIsSumOverSumNeverAMeanOfPercentages) {
    std::vector<RegionForm> forms{form("Альфа", {share("1.1.1", 10, 20)}), form("Бета", {share("1.1.1", 30, 40)}),
                                  form("Гамма", {share("1.1.1", 5, 5)})};
    const Region r = consolidate(mini(), std::move(forms), {});
    const RegionValue* v = r.value("1.1.1");
    ASSERT_NE(v, nullptr);
    EXPECT_EQ(v->method, "ratio");
    ASSERT_TRUE(v->value);
    EXPECT_NEAR(*v->value, 100.0 * 45 / 65, 1e-9);  // the mean of 50, 75, 100 would be 75
    EXPECT_EQ(*v->numerator, 45);
    EXPECT_EQ(*v->denominator, 65);
    EXPECT_EQ(v->municipalities, 3u);
}

TEST(Region, CountsAreSummedAndAMunicipalYesIsCounted) {
    IndicatorFigures yes = plain("1.1.7", 1), no = plain("1.1.7", 0), yes2 = plain("1.1.7", 1);
    IndicatorFigures missing;
    missing.id = "1.1.3";
    missing.status = Result::Status::MissingData;
    std::vector<RegionForm> forms{form("Альфа", {plain("1.1.3", 120), yes}), form("Бета", {plain("1.1.3", 80), no}),
                                  form("Гамма", {missing, yes2})};
    const Region r = consolidate(mini(), std::move(forms), {});
    EXPECT_EQ(*r.value("1.1.3")->value, 200);
    EXPECT_EQ(r.value("1.1.3")->method, "sum");
    EXPECT_EQ(r.value("1.1.3")->without_value, std::vector<std::string>{"Гамма"});
    EXPECT_EQ(*r.value("1.1.7")->value, 2);
    EXPECT_EQ(r.value("1.1.7")->method, "yes_count");
    EXPECT_EQ(*r.value("1.1.7")->denominator, 3);
}

TEST(Region, TheBestGets100TheWorst0TheOthersInProportion) {
    std::vector<RegionForm> forms{
        form("Альфа", {share("1.1.1", 50, 100), share("1.1.2", 10, 100)}),
        form("Бета", {share("1.1.1", 75, 100), share("1.1.2", 30, 100)}),
        form("Гамма", {share("1.1.1", 100, 100), share("1.1.2", 20, 100)}),
        form("Дельта", {share("1.1.1", 4, 5), share("1.1.2", 1, 5)}),  // small base: 5 < 10
    };
    const Region r = consolidate(ranked_mini(), std::move(forms), {});
    ASSERT_EQ(r.rankings.size(), 2u);
    const IndicatorRanking& higher = r.rankings[0];
    EXPECT_EQ(higher.indicator->id, "1.1.1");
    // Municipalities by name: Альфа, Бета, Гамма, Дельта.
    EXPECT_NEAR(*higher.scores[0].score, 0, 1e-9);
    EXPECT_NEAR(*higher.scores[1].score, 50, 1e-9);
    EXPECT_NEAR(*higher.scores[2].score, 100, 1e-9);
    EXPECT_FALSE(higher.scores[3].score);
    EXPECT_TRUE(higher.scores[3].small_base);
    EXPECT_EQ(higher.scores[3].place, 0u);
    EXPECT_EQ(higher.scores[2].place, 1u);
    EXPECT_EQ(higher.scores[0].place, 3u);
    EXPECT_EQ(*higher.best, 100);
    EXPECT_EQ(*higher.worst, 50);
    EXPECT_EQ(higher.scored, 3u);
    // Lower is better: 10 % is the best.
    const IndicatorRanking& lower = r.rankings[1];
    EXPECT_NEAR(*lower.scores[0].score, 100, 1e-9);
    EXPECT_NEAR(*lower.scores[1].score, 0, 1e-9);
    EXPECT_NEAR(*lower.scores[2].score, 50, 1e-9);
    // Totals: one direction (1.1) — Альфа (0 + 100) / 2, Бета 25, Гамма 75; Дельта none.
    EXPECT_NEAR(*r.totals[0].total, 50, 1e-9);
    EXPECT_NEAR(*r.totals[1].total, 25, 1e-9);
    EXPECT_NEAR(*r.totals[2].total, 75, 1e-9);
    EXPECT_FALSE(r.totals[3].total);
    EXPECT_EQ(r.totals[2].place, 1u);
    EXPECT_EQ(r.totals[0].place, 2u);
    EXPECT_EQ(r.totals[1].place, 3u);
    EXPECT_EQ(r.totals[3].place, 0u);
    EXPECT_EQ(r.by_place, (std::vector<std::size_t>{2, 0, 1, 3}));
    // Quarters of three places: 1, 2, 3 → zones 1, 2, 3; unranked 0.
    EXPECT_EQ(r.totals[2].zone, 1);
    EXPECT_EQ(r.totals[0].zone, 2);
    EXPECT_EQ(r.totals[1].zone, 3);
    EXPECT_EQ(r.totals[3].zone, 0);
}

TEST(Region, EqualScoresShareAPlaceAndOneMunicipalityIsNotRanked) {
    std::vector<RegionForm> forms{form("Альфа", {share("1.1.1", 50, 100)}), form("Бета", {share("1.1.1", 50, 100)}),
                                  form("Гамма", {share("1.1.1", 20, 100)})};
    const Region r = consolidate(mini(), std::move(forms), {});
    EXPECT_EQ(r.rankings[0].scores[0].place, 1u);
    EXPECT_EQ(r.rankings[0].scores[1].place, 1u);
    EXPECT_EQ(r.rankings[0].scores[2].place, 3u);

    std::vector<RegionForm> one{form("Альфа", {share("1.1.1", 50, 100)})};
    const Region alone = consolidate(mini(), std::move(one), {});
    EXPECT_EQ(alone.rankings[0].scored, 0u);
    EXPECT_FALSE(alone.totals[0].total);
}

TEST(Region, FormsOfAnotherCatalogueVersionOrPeriodAreRefusedNeverMixed) {
    RegionForm other = form("Бета", {share("1.1.1", 1, 10)});
    other.figures.catalogue_id = "other";
    RegionForm old = form("Гамма", {share("1.1.1", 1, 10)});
    old.figures.catalogue_version = "0.9";
    RegionForm last_year = form("Дельта", {share("1.1.1", 1, 10)});
    last_year.figures.period = "2024/2025";
    RegionForm nameless = form("", {share("1.1.1", 1, 10)});
    std::vector<RegionForm> forms{form("Альфа", {share("1.1.1", 10, 20)}), other, old, last_year, nameless};
    const Region r = consolidate(mini(), std::move(forms), {{"сломанный.ods", "не форма МСОКО"}});
    ASSERT_EQ(r.entries.size(), 6u);
    EXPECT_EQ(r.entries[0].status, RegionEntry::Status::Accepted);
    for (std::size_t i = 1; i <= 4; ++i)
        EXPECT_EQ(r.entries[i].status, RegionEntry::Status::Refused) << i;
    EXPECT_NE(r.entries[1].message.find("другого каталога"), std::string::npos);
    EXPECT_NE(r.entries[2].message.find("версии каталога 0.9"), std::string::npos);
    EXPECT_NE(r.entries[3].message.find("2024/2025"), std::string::npos);
    EXPECT_NE(r.entries[4].message.find("не указано"), std::string::npos);
    EXPECT_EQ(r.entries[5].status, RegionEntry::Status::Failed);
    EXPECT_EQ(r.accepted(), 1u);
    EXPECT_NEAR(*r.value("1.1.1")->value, 50, 1e-9);
    EXPECT_FALSE(region_ready(r));
}

TEST(Region, TwoFormsOfOneMunicipalityNeitherUnlessTheNewerIsAsked) {
    auto two = [] {
        return std::vector<RegionForm>{
            form("Ёлкинский район", {share("1.1.1", 10, 20)}, "2026-06-01T10:00:00+03:00"),
            form("  елкинский  РАЙОН ", {share("1.1.1", 30, 40)}, "2026-06-20T10:00:00+03:00"),
            form("Бета", {share("1.1.1", 1, 10)})};
    };
    const Region neither = consolidate(mini(), two(), {});
    EXPECT_EQ(neither.entries[0].status, RegionEntry::Status::Refused);
    EXPECT_EQ(neither.entries[1].status, RegionEntry::Status::Refused);
    EXPECT_NE(neither.entries[0].message.find("ни одна не взята"), std::string::npos);
    EXPECT_EQ(neither.accepted(), 1u);

    RegionOptions newer;
    newer.take_newer = true;
    const Region taken = consolidate(mini(), two(), {}, newer);
    EXPECT_EQ(taken.entries[0].status, RegionEntry::Status::Refused);
    EXPECT_EQ(taken.entries[1].status, RegionEntry::Status::Accepted);
    EXPECT_EQ(taken.accepted(), 2u);
    EXPECT_NEAR(*taken.value("1.1.1")->value, 100.0 * 31 / 50, 1e-9);
}

TEST(Region, MissingMunicipalitiesAgainstTheExpectedList) {
    RegionOptions o;
    o.expected = {"Альфа", "Бета", "Ёлкинский район"};
    std::vector<RegionForm> forms{form("альфа", {share("1.1.1", 1, 10)}), form("Зета", {share("1.1.1", 1, 10)})};
    const Region r = consolidate(mini(), std::move(forms), {}, o);
    EXPECT_EQ(r.missing, (std::vector<std::string>{"Бета", "Ёлкинский район"}));
    EXPECT_NE(r.entries[1].message.find("нет в списке"), std::string::npos);
    EXPECT_NE(region_summary(r).find("нет формы: 2"), std::string::npos);
    EXPECT_EQ(region_check_table(r).size(), 1u + 2u + 2u);
}

TEST(Region, KeysOfNames) {
    EXPECT_EQ(region_key("  Ёлкинский  «муниципальный» округ. "), "елкинский муниципальный округ");
    EXPECT_EQ(region_key("ЕЛКИНСКИЙ муниципальный-округ"), "елкинский муниципальный округ");
}

TEST(Region, IndicatorsJsonIsReadBack) {
    SubmissionFigures f = form("Альфа", {share("1.1.1", 10, 20), plain("1.1.3", 120)}).figures;
    f.indicators[0].last_year = 40.0;
    f.indicators[0].dynamics = 10.0;
    f.responsible = "Иванова И. И.";
    SubmissionWarning w;
    w.number = 3;
    w.kind = "plausibility.dynamics";
    w.sheet = "Показатели";
    w.cell = "D12";
    w.message = "скачок";
    w.explanation = "новая школа";
    f.warnings.push_back(w);
    const std::string text = submission_json(f, {"2026-06-30T10:00:00+03:00", "1.7.0", "Альфа.ods"});
    const RegionForm back = read_submission_json(text, "Альфа — к отправке/indicators.json");
    EXPECT_EQ(back.figures.municipality, "Альфа");
    EXPECT_EQ(back.figures.catalogue_id, "mini");
    EXPECT_EQ(back.prepared_at, "2026-06-30T10:00:00+03:00");
    ASSERT_EQ(back.figures.indicators.size(), 2u);
    EXPECT_EQ(*back.figures.indicators[0].numerator, 10);
    EXPECT_EQ(*back.figures.indicators[0].value, 50);
    EXPECT_EQ(std::get<double>(back.figures.indicators[0].last_year), 40);
    EXPECT_EQ(back.figures.responsible, "Иванова И. И.");
    ASSERT_EQ(back.findings.size(), 1u);
    EXPECT_EQ(back.findings[0].explanation, "новая школа");
    EXPECT_EQ(back.findings[0].cell, "D12");

    EXPECT_THROW(
        {
            try {
                read_submission_json("{\"format\": \"x\"}", "a.json");
            } catch (const std::runtime_error& e) {
                EXPECT_NE(std::string(e.what()).find("«a.json»"), std::string::npos);
                throw;
            }
        },
        std::runtime_error);
    EXPECT_THROW(read_submission_json("{ broken", "b.json"), std::runtime_error);
    EXPECT_THROW(read_submission_json(text.substr(0, text.size() / 2), "c.json"), std::runtime_error);
}

TEST(RegionWorkbook, TheSheetsHoldTheModelsValues) {
    std::vector<RegionForm> forms{form("Альфа", {share("1.1.1", 50, 100), plain("1.1.7", 1)}),
                                  form("Бета", {share("1.1.1", 75, 100), plain("1.1.7", 0)}),
                                  form("Гамма", {share("1.1.1", 100, 100)})};
    RegionOptions o;
    o.expected = {"Альфа", "Бета", "Гамма", "Дельта"};
    const Region r = consolidate(mini(), std::move(forms), {{"x.ods", "не форма"}}, o);
    const RegionWorkbook book = region_workbook(mini(), r, "test");
    const test::Fods fods = test::read_fods(book.fods);
    EXPECT_EQ(fods.sheet_order, (std::vector<std::string>{kRegionReadinessSheet, kRegionValuesSheet,
                                                          kRegionRankingSheet, kRegionScoresSheet, kRegionProfileSheet,
                                                          kRegionChartsSheet, kRegionBankSheet}));
    // «Готовность»: three accepted, one failure, one missing.
    EXPECT_EQ(fods.at(kRegionReadinessSheet, 4, 1).text, "Альфа");
    EXPECT_EQ(fods.at(kRegionReadinessSheet, 7, 2).text, "не прочитана");
    EXPECT_EQ(fods.at(kRegionReadinessSheet, 8, 1).text, "Дельта");
    EXPECT_EQ(fods.at(kRegionReadinessSheet, 8, 2).text, "нет формы");
    // «Показатели региона»: 1.1.1 is the first indicator row.
    EXPECT_EQ(fods.at(kRegionValuesSheet, 4, 0).text, "1.1.1");
    EXPECT_EQ(std::stod(fods.at(kRegionValuesSheet, 4, 3).value), 75);
    EXPECT_EQ(fods.at(kRegionValuesSheet, 4, 4).value, "225");
    EXPECT_EQ(fods.at(kRegionValuesSheet, 4, 5).value, "300");
    EXPECT_EQ(fods.at(kRegionValuesSheet, 3, 7).text, "Альфа");
    EXPECT_EQ(fods.at(kRegionValuesSheet, 4, 8).value, "75");
    // «Рейтинг»: Гамма first with 100.
    EXPECT_EQ(fods.at(kRegionRankingSheet, 4, 1).text, "Гамма");
    EXPECT_EQ(fods.at(kRegionRankingSheet, 4, 2).value, "100");
    EXPECT_EQ(fods.at(kRegionRankingSheet, 6, 1).text, "Альфа");
    EXPECT_EQ(fods.at(kRegionRankingSheet, 6, 2).value, "0");
    // One chart for direction 1.1, over its data block.
    ASSERT_EQ(book.charts.size(), 1u);
    const RegionChart& c = book.charts[0];
    EXPECT_EQ(fods.at(kRegionChartsSheet, c.first_row, 0).text, "Муниципалитет");
    EXPECT_EQ(c.last_row - c.first_row, 3);
    EXPECT_EQ(fods.at(kRegionChartsSheet, c.last_row, 0).text, "Гамма");
    EXPECT_EQ(std::stod(fods.at(kRegionChartsSheet, c.last_row, 2).value), 75);
    // No formula anywhere: the workbook needs no extension.
    for (const auto& [sheet, cells] : fods.sheets)
        for (const auto& [at, cell] : cells)
            EXPECT_TRUE(cell.formula.empty()) << sheet;
}

Procedure procedure(const std::string& name, const std::string& direction, const std::string& document) {
    Procedure p;
    p.name = name;
    p.object = direction;
    p.direction = direction;
    p.level = "муниципальный";
    p.method = "тестирование";
    p.frequency = "ежегодно";
    p.conducted_by = "МКУ ИМЦ";
    p.document = document;
    p.document_date = "2024-08-30";
    p.use = "адресная методическая помощь";
    return p;
}

TEST(RegionWorkbook, TheBankGroupsTheAcceptedMunicipalitiesProcedures) {
    RegionForm a = form("Альфа", {share("1.1.1", 1, 10)});
    a.figures.procedures = {procedure("Мониторинг читательской грамотности 5 кл.", "1.1", "Приказ УО № 45-од")};
    RegionForm b = form("Бета", {share("1.1.1", 1, 10)});
    b.figures.procedures = {procedure("мониторинг читательской грамотности (5 классы)", "1.1", "Приказ № 12")};
    RegionForm c = form("Гамма", {share("1.1.1", 1, 10)});
    c.figures.catalogue_version = "0";  // refused: its procedures are not in the bank
    c.figures.procedures = {procedure("Оценка готовности к школе", "1.1", "Приказ № 3")};
    const Region r = consolidate(mini(), {a, b, c}, {});
    ASSERT_EQ(r.bank.entries.size(), 1u);
    EXPECT_EQ(r.bank.entries[0].municipalities, (std::vector<std::string>{"Альфа", "Бета"}));
    const test::Fods fods = test::read_fods(region_workbook(mini(), r, "test").fods);
    EXPECT_EQ(fods.at(kRegionBankSheet, 4, 0).text.rfind("1.1 ", 0), 0u);  // the direction's heading
    EXPECT_EQ(fods.at(kRegionBankSheet, 5, 1).value, "2");
    EXPECT_EQ(fods.at(kRegionBankSheet, 5, 2).text, "Альфа, Бета");
    EXPECT_NE(fods.at(kRegionBankSheet, 5, 7).text.find("Бета: Приказ № 12 от 30.08.2024"), std::string::npos);
}

}  // namespace
}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
// The shipped catalogue (order № 267/1 and the subsystems of seed 001): its
// shape, and one hand-computed case for every indicator.
#include "msoko/engine.hpp"
#include "msoko/form.hpp"
#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <random>
#include <set>

namespace msoko {
namespace {

const Catalogue& shipped() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

TEST(DefaultCatalogue, HoldsEveryDirectionAndIndicatorOfTheOrder) {
    const Catalogue& c = shipped();
    const std::pair<const char*, std::size_t> order[] = {{"5.1.1", 17}, {"5.1.2", 8},  {"5.1.3", 9}, {"5.1.4", 15},
                                                         {"5.2.1", 7},  {"5.2.2", 10}, {"5.2.3", 6}, {"5.2.4", 13}};
    std::size_t total = 0;
    for (const auto& [id, count] : order) {
        const Direction* d = c.direction(id);
        ASSERT_TRUE(d) << "direction " << id << " is missing";
        // The order's indicators are the headlines; their variants («в т. ч.») follow them.
        const auto headlines = static_cast<std::size_t>(
            std::count_if(d->indicators.begin(), d->indicators.end(),
                          [&](const std::string& ind) { return !c.indicator(ind)->is_variant(); }));
        EXPECT_EQ(headlines, count) << "direction " << id;
        total += headlines;
    }
    EXPECT_EQ(total, 85u) << "section 5 of the order lists 85 indicators";
}

TEST(DefaultCatalogue, AddsTheSubsystemsOfSeed001WithTheirOrigin) {
    const Catalogue& c = shipped();
    for (const char* id : {"S.1", "S.2", "S.3"}) {
        const Direction* d = c.direction(id);
        ASSERT_TRUE(d) << id;
        EXPECT_FALSE(d->note.empty()) << id << " says where it comes from";
        for (const auto& ind : d->indicators)
            EXPECT_FALSE(c.indicator(ind)->note.empty()) << ind << " says where it comes from";
    }
    EXPECT_NE(c.direction("S.1")->title.find("объективности"), std::string::npos);
    EXPECT_NE(c.direction("S.2")->title.find("методической работы"), std::string::npos);
    EXPECT_NE(c.direction("S.3")->title.find("повышения квалификации"), std::string::npos);
}

TEST(DefaultCatalogue, SaysWhereEveryFigureComesFrom) {
    const Catalogue& c = shipped();
    // The order's §3 «методы сбора информации», as a closed list.
    std::set<std::string> titles;
    for (const auto& s : c.sources)
        titles.insert(s.title);
    for (const char* t : {"ФИС ОКО", "ОО-1", "85-К", "1-ДО", "Электронная школа 2.0", "Навигатор", "самообследовани",
                          "анкетирование", "сайты ОО", "документы"})
        EXPECT_TRUE(std::any_of(titles.begin(), titles.end(),
                                [&](const std::string& x) { return x.find(t) != std::string::npos; }))
            << "no source «" << t << "»";
    for (const auto& f : c.fields) {
        EXPECT_FALSE(f.source.empty()) << f.id << " names no source";
        EXPECT_TRUE(c.data_source(f.source)) << f.id;
    }
}

TEST(DefaultCatalogue, SaysEveryIndicatorsGroupAndWhichChangeIsBetter) {
    const Catalogue& c = shipped();
    std::map<IndicatorRole, int> roles;
    for (const auto& ind : c.indicators) {
        EXPECT_NE(ind.role, IndicatorRole::Unspecified)
            << ind.id << " says not whether it is result, context or process";
        EXPECT_NE(ind.better, Better::Unspecified) << ind.id << " says not which direction is better";
        ++roles[ind.role];
    }
    EXPECT_GT(roles[IndicatorRole::Result], 0);
    EXPECT_GT(roles[IndicatorRole::Context], 0);
    EXPECT_GT(roles[IndicatorRole::Process], 0);
    // Results the order wants raised and lowered.
    EXPECT_EQ(c.indicator("5.1.1.3")->better, Better::Higher);
    EXPECT_EQ(c.indicator("5.1.1.15")->better, Better::Lower);
    EXPECT_EQ(c.indicator("5.1.1.3")->role, IndicatorRole::Result);
}

TEST(DefaultCatalogue, MarksTheSubsystemsOfSeed001Supplementary) {
    for (const auto& d : shipped().directions)
        EXPECT_EQ(d.supplementary, d.id.rfind("S.", 0) == 0) << d.id;
}

TEST(DefaultCatalogue, KeepsTheRepeatedAndCompletesTheCutShortIndicator) {
    const Catalogue& c = shipped();
    EXPECT_EQ(c.indicator("5.1.1.7")->duplicate_of, "5.1.1.6") << "the order lists the medal indicator twice";
    EXPECT_EQ(c.indicator("5.1.1.7")->title, c.indicator("5.1.1.6")->title);
    const Indicator* cut = c.indicator("5.1.2.4");
    EXPECT_NE(cut->title.find("понизивших"), std::string::npos);
    EXPECT_GT(cut->title.size(), std::string("Доля участников оценочной процедуры понизивших").size());
    EXPECT_FALSE(cut->note.empty()) << "the completion of «…понизивших» is said in the catalogue";
}

TEST(DefaultCatalogue, TiesSharedFiguresAndEvidence) {
    const Catalogue& c = shipped();
    std::map<Rule::Kind, int> kinds;
    for (const auto& r : c.rules)
        ++kinds[r.kind];
    EXPECT_GT(kinds[Rule::Kind::PartWhole], 0);
    EXPECT_GT(kinds[Rule::Kind::SumEquals], 0);
    EXPECT_GT(kinds[Rule::Kind::SameValue], 0) << "e.g. graduates of grade 9 in 5.1.1 and 5.1.4";
    EXPECT_GT(kinds[Rule::Kind::RequiresEvidence], 0) << "a «да» needs its document";
}

// The rules of issue 14's «Rules that are missing», one of each new kind named here.
TEST(DefaultCatalogue, HasTheRulesBetweenSumsImplicationsAndTheRegister) {
    const Catalogue& c = shipped();
    const auto has = [&](Rule::Kind kind, std::vector<std::string> fields, Rule::Level level = Rule::Level::Error) {
        return std::any_of(c.rules.begin(), c.rules.end(),
                           [&](const Rule& r) { return r.kind == kind && r.fields == fields && r.level == level; });
    };
    EXPECT_TRUE(has(Rule::Kind::SumWithin, {"ap_below_min", "ap_success", "ap_participants"}));
    EXPECT_TRUE(has(Rule::Kind::SumWithin, {"ap_lowered", "ap_confirmed", "ap_participants"}));
    EXPECT_TRUE(has(Rule::Kind::SumWithin, {"g11_elective_70_79", "g11_elective_80_89", "g11_elective_90_99",
                                            "g11_elective_100", "g11_graduates"}));
    EXPECT_TRUE(
        has(Rule::Kind::SumWithin, {"pf_prev_g11_admitted_profile", "pf_prev_g11_spo", "pf_prev_g11_university"}))
        << "a part within a sum (the admissions of the previous year's graduates)";
    EXPECT_TRUE(has(Rule::Kind::Implies, {"met_mmo_subjects", "pd_mmo"}));
    EXPECT_TRUE(has(Rule::Kind::CoversRegister, {"mgr_heads"}));
    EXPECT_TRUE(has(Rule::Kind::CoversRegister, {"tal_children_5_18_addedu", "pf_addedu"}, Rule::Level::Warning))
        << "an implausible figure is a warning";
    EXPECT_TRUE(has(Rule::Kind::PartWhole, {"ap_vpr_participants", "ap_participants"}))
        << "the ВПР works (S.1's obj_vpr_works until 2021.1) within all works";
    EXPECT_TRUE(has(Rule::Kind::PartWhole, {"pd_experts", "mgr_teachers"}));
}

// One organisation of the indicator's kind, with the inputs of its
// computation (numerator side, then denominator side) typed as given.
struct Case {
    const char* indicator;
    std::vector<const char*> inputs;
    double expected;  ///< per organisation; the municipality follows from it
};

void PrintTo(const Case& c, std::ostream* os) {
    *os << c.indicator;
}

Cell typed(const char* s) {
    char* end = nullptr;
    const double v = std::strtod(s, &end);
    return *end == '\0' ? Cell::number(v) : Cell::text(s);
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all = {
        {"5.1.1.1", {"45", "50"}, 90},
        {"5.1.1.2", {"12", "48"}, 25},
        {"5.1.1.3", {"23", "25"}, 92},
        {"5.1.1.4", {"14", "16"}, 87.5},
        {"5.1.1.5", {"2", "25"}, 8},
        {"5.1.1.6", {"3", "20"}, 15},
        {"5.1.1.7", {"3", "20"}, 15},
        {"5.1.1.8", {"7", "20"}, 35},
        {"5.1.1.9", {"5", "3", "1", "1", "20"}, 50},
        {"5.1.1.9.80", {"5", "3", "1", "1", "20"}, 25},
        {"5.1.1.9.90", {"5", "3", "1", "1", "20"}, 10},
        {"5.1.1.9.100", {"5", "3", "1", "1", "20"}, 5},
        {"5.1.1.10", {"30", "120"}, 25},
        {"5.1.1.11", {"18", "24"}, 75},
        {"5.1.1.12", {"12", "24"}, 50},
        {"5.1.1.13", {"6", "24"}, 25},
        {"5.1.1.14", {"9", "36"}, 25},
        {"5.1.1.15", {"4", "160"}, 2.5},
        {"5.1.1.16", {"120", "160"}, 75},
        {"5.1.1.16.g4", {"12", "16"}, 75},
        {"5.1.1.16.g5", {"15", "20"}, 75},
        {"5.1.1.16.g6", {"18", "24"}, 75},
        {"5.1.1.16.g7", {"21", "28"}, 75},
        {"5.1.1.16.g8", {"24", "32"}, 75},
        {"5.1.1.16.g9", {"27", "36"}, 75},
        {"5.1.1.16.g10", {"30", "40"}, 75},
        {"5.1.1.16.g11", {"33", "44"}, 75},
        {"5.1.1.17", {"136", "160"}, 85},
        {"5.1.2.1", {"8", "40"}, 20},
        {"5.1.2.2", {"22", "40"}, 55},
        {"5.1.2.3", {"30", "40"}, 75},
        {"5.1.2.4", {"6", "40"}, 15},
        {"5.1.2.5", {"9", "12"}, 75},
        {"5.1.2.6", {"14"}, 14},
        {"5.1.2.7", {"10", "12"}, 1000.0 / 12},
        {"5.1.2.8", {"3", "12"}, 25},
        {"5.1.3.1", {"57"}, 57},
        {"5.1.3.2", {"2800", "3500"}, 80},
        {"5.1.3.3", {"64"}, 64},
        {"5.1.3.4", {"16", "64"}, 25},
        {"5.1.3.5", {"40"}, 40},
        {"5.1.3.6", {"10", "40"}, 25},
        {"5.1.3.7", {"3", "12"}, 25},
        {"5.1.3.8", {"4"}, 4},
        {"5.1.3.9", {"9", "18"}, 50},
        {"5.1.4.1", {"6", "16"}, 37.5},
        {"5.1.4.2", {"15", "25"}, 60},
        {"5.1.4.3", {"5", "25"}, 20},
        {"5.1.4.4", {"4", "16"}, 25},
        {"5.1.4.5", {"10", "16"}, 62.5},
        {"5.1.4.6", {"12", "16"}, 75},
        {"5.1.4.7", {"2"}, 2},
        {"5.1.4.8", {"90", "300"}, 30},
        {"5.1.4.9", {"150", "600"}, 25},
        {"5.1.4.10", {"240", "300"}, 80},
        {"5.1.4.11", {"35"}, 35},
        {"5.1.4.12", {"6"}, 6},
        {"5.1.4.13", {"8"}, 8},
        {"5.1.4.14", {"30", "600"}, 5},
        {"5.1.4.15", {"420", "600"}, 70},
        {"5.2.1.1", {"27", "30"}, 90},
        {"5.2.1.2", {"12", "30"}, 40},
        {"5.2.1.3", {"4", "32"}, 12.5},
        {"5.2.1.4", {"5", "40"}, 12.5},
        {"5.2.1.5", {"8", "40"}, 20},
        {"5.2.1.6", {"6", "40"}, 15},
        {"5.2.1.7", {"3", "4"}, 75},
        {"5.2.2.1", {"20", "40"}, 50},
        {"5.2.2.1.primary", {"6", "8"}, 75},
        {"5.2.2.1.russian", {"3", "4"}, 75},
        {"5.2.2.1.maths", {"1", "4"}, 25},
        {"5.2.2.1.science", {"2", "5"}, 40},
        {"5.2.2.1.social", {"1", "2"}, 50},
        {"5.2.2.1.foreign", {"0", "3"}, 0},
        {"5.2.2.1.other", {"4", "5"}, 80},
        {"5.2.2.2", {"36", "40"}, 90},
        {"5.2.2.3", {"да"}, 1},
        {"5.2.2.4", {"нет"}, 0},
        {"5.2.2.5", {"6", "40"}, 15},
        {"5.2.2.6", {"4", "40"}, 10},
        {"5.2.2.7", {"Да"}, 1},
        {"5.2.2.8", {"3"}, 3},
        {"5.2.2.9", {"38", "40"}, 95},
        {"5.2.2.10", {"2"}, 2},
        {"5.2.3.1", {"10", "40"}, 25},
        {"5.2.3.2", {"5"}, 5},
        {"5.2.3.3", {"100", "500"}, 20},
        {"5.2.3.3.noo", {"10", "200"}, 5},
        {"5.2.3.3.ooo", {"60", "250"}, 24},
        {"5.2.3.3.soo", {"30", "50"}, 60},
        {"5.2.3.4", {"10", "500"}, 2},
        {"5.2.3.4.noo", {"1", "200"}, 0.5},
        {"5.2.3.4.ooo", {"6", "250"}, 2.4},
        {"5.2.3.4.soo", {"3", "50"}, 6},
        {"5.2.3.5", {"1"}, 1},
        {"5.2.3.6", {"2"}, 2},
        {"5.2.4.1", {"да"}, 1},
        {"5.2.4.2", {"нет"}, 0},
        {"5.2.4.3", {"ДА"}, 1},
        {"5.2.4.4", {"150", "12"}, 12.5},
        {"5.2.4.5", {"9", "12"}, 75},
        {"5.2.4.6", {"3", "12"}, 25},
        {"5.2.4.7", {"да"}, 1},
        {"5.2.4.8", {"нет"}, 0},
        {"5.2.4.9", {"да"}, 1},
        {"5.2.4.10", {"нет"}, 0},
        {"5.2.4.11", {"да"}, 1},
        {"5.2.4.12", {"да"}, 1},
        {"5.2.4.13", {"да"}, 1},
        {"S.1.1", {"да"}, 1},
        {"S.1.2", {"нет"}, 0},
        {"S.1.3", {"50", "400"}, 12.5},
        {"S.1.4", {"да"}, 1},
        {"S.1.5", {"да"}, 1},
        {"S.1.6", {"45", "50"}, 90},
        {"S.1.7", {"да"}, 1},
        {"S.1.8", {"300", "400"}, 75},
        {"S.1.9", {"40", "400"}, 10},
        {"S.2.1", {"да"}, 1},
        {"S.2.2", {"24"}, 24},
        {"S.2.3", {"30", "40"}, 75},
        {"S.2.4", {"да"}, 1},
        {"S.2.5", {"5", "8"}, 62.5},
        {"S.3.1", {"36", "40"}, 90},
        {"S.3.2", {"20", "40"}, 50},
        {"S.3.3", {"6", "8"}, 75},
        {"S.3.4", {"9", "12"}, 75},
        {"S.3.5", {"нет"}, 0},
    };
    return all;
}

class EveryIndicator : public ::testing::TestWithParam<Case> {};

TEST_P(EveryIndicator, HandComputedCase) {
    const Case& c = GetParam();
    const Catalogue& cat = shipped();
    const Indicator* ind = cat.indicator(c.indicator);
    ASSERT_TRUE(ind) << c.indicator;
    const auto inputs = ind->compute.inputs();
    ASSERT_EQ(inputs.size(), c.inputs.size()) << c.indicator << ": the case gives one value per input field";

    Workbook w;
    const std::string type = ind->org_types.front();
    const std::string code = type == "municipality" ? "УО" : "101";
    Organisation org{code, "Организация", type, {}};
    if (!ind->scope_flags.empty())
        org.flags.push_back(ind->scope_flags.front());
    w.add(org);
    for (std::size_t i = 0; i < inputs.size(); ++i)
        w.set(code, inputs[i], typed(c.inputs[i]));
    const Engine e(cat, w);

    const IndicatorResult own = e.organisation(c.indicator, code);
    ASSERT_TRUE(own.result.has_value()) << c.indicator << ": " << own.result.reason();
    EXPECT_NEAR(own.result.value(), c.expected, 1e-9) << c.indicator;

    // With one organisation the municipality equals it, except a share of
    // organisations (100 % or 0 %).
    const IndicatorResult mun = e.municipality(c.indicator);
    ASSERT_TRUE(mun.result.has_value()) << c.indicator << ": " << mun.result.reason();
    const double expected_mun =
        ind->compute.kind == Computation::Kind::OrganisationShare ? 100 * c.expected : c.expected;
    EXPECT_NEAR(mun.result.value(), expected_mun, 1e-9) << c.indicator << " for the municipality";
}

INSTANTIATE_TEST_SUITE_P(Catalogue267, EveryIndicator, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param_info) {
                             std::string name = param_info.param.indicator;
                             for (char& ch : name)
                                 if (ch == '.')
                                     ch = '_';
                             return name;
                         });

TEST(DefaultCatalogue, EveryIndicatorHasAHandComputedCase) {
    std::set<std::string> covered;
    for (const auto& c : cases())
        EXPECT_TRUE(covered.insert(c.indicator).second) << c.indicator << " has two cases";
    for (const auto& ind : shipped().indicators)
        EXPECT_TRUE(covered.count(ind.id)) << ind.id << " has no hand-computed case";
    EXPECT_EQ(covered.size(), shipped().indicators.size());
}

}  // namespace
}  // namespace msoko

namespace msoko {
namespace {

// Issue 11.5: each direction's table as the form writes it, its columns
// shuffled, is read as that direction's table (not the first field's).
TEST(DefaultCatalogue, EveryDirectionTableShuffledKeepsItsDirection) {
    const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    const FormLayout layout = form_layout(c, {{"school", 2}, {"kindergarten", 2}});
    std::mt19937 random(267);
    for (const auto& ds : layout.directions) {
        std::vector<std::string> header;
        for (const auto& fc : ds.columns)
            if (fc.kind != FormColumn::Kind::Code)
                header.push_back(fc.code);
        for (int shuffle = 0; shuffle < 20; ++shuffle) {
            std::shuffle(header.begin(), header.end(), random);
            std::vector<Cell> cells{Cell::text("code")};
            for (const auto& h : header)
                cells.push_back(Cell::text(h));
            const auto read = read_table(c, Range(1, cells.size(), cells));
            ASSERT_TRUE(std::holds_alternative<Table>(read))
                << ds.direction->id << ": " << std::get<Result>(read).reason();
            EXPECT_EQ(std::get<Table>(read).direction, ds.direction->id) << "columns " << join(header);
        }
    }
}

}  // namespace
}  // namespace msoko

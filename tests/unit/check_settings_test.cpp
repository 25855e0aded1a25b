// SPDX-License-Identifier: MPL-2.0
// The thresholds of plausibility a user sets (CheckSettings): each one moves
// what the check reports, the defaults report what the check always did, and
// a value out of its limits is told in Russian.
#include "validation_support.hpp"

#include <cmath>
#include <set>

namespace msoko {
namespace {

using test::form;
using test::mini;
using test::N;
using test::put;
using test::sheet;
using test::T;
using test::where;
using test::with_rule;

// The check with settings, every finding held to the table of kinds.
ValidationReport checked(const WorkbookSnapshot& wb, const CheckSettings& settings) {
    ValidationReport r = validate(mini(), wb, settings);
    test::expect_kinds_kept(r);
    return r;
}

CheckSettings with_dynamics(double points) {
    CheckSettings s;
    s.dynamics_points = points;
    return s;
}

CheckSettings with_small_base(double people) {
    CheckSettings s;
    s.small_base = people;
    return s;
}

CheckSettings with_outlier_distance(double deviations) {
    CheckSettings s;
    s.outlier_distance = deviations;
    return s;
}

// «Показатели» with the share 1.1.1 at 50 % against `last_year`.
WorkbookSnapshot with_last_year(double last_year) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& s = sheet(wb, kIndicatorsSheet);
    s = test::grid(kIndicatorsSheet, 5, 10);
    const std::size_t r = FormLayout::kIndicatorsFirstRow;
    put(s, r, 0, T("1.1.1"));
    put(s, r, 3, T("%"));
    put(s, r, 4, N(50), "=MSOKO.INDICATOR(…)");
    put(s, r, 5, N(last_year));
    put(s, r, 6, N(50 - last_year), "=MSOKO.DYNAMICS(…)");
    return wb;
}

TEST(CheckSettings, TheDefaultsAreTheCheckAsItWas) {
    const CheckSettings s;
    EXPECT_EQ(s.dynamics_points, 10);
    EXPECT_EQ(s.small_base, 10);
    EXPECT_EQ(s.outlier_distance, 3);
    EXPECT_EQ(s.problem(), "");
    const WorkbookSnapshot wb = with_last_year(38);
    const ValidationReport old_way = validate(mini(), wb), new_way = checked(wb, CheckSettings{});
    ASSERT_EQ(old_way.findings.size(), new_way.findings.size());
    for (std::size_t i = 0; i < old_way.findings.size(); ++i)
        EXPECT_EQ(old_way.findings[i].message, new_way.findings[i].message);
}

// Seed 002 leaves the size of a «jump» to the municipality: 12 points is one
// at the default 10, not at 15; 8 points is one at 5.
TEST(CheckSettings, DynamicsPointsDecideWhatAJumpIs) {
    const WorkbookSnapshot twelve = with_last_year(38), eight = with_last_year(42);
    EXPECT_EQ(with_rule(checked(twelve, CheckSettings{}), "plausibility.dynamics").size(), 1u);
    EXPECT_TRUE(with_rule(checked(twelve, with_dynamics(15)), "plausibility.dynamics").empty());
    EXPECT_TRUE(with_rule(checked(eight, CheckSettings{}), "plausibility.dynamics").empty());
    const ValidationReport r = checked(eight, with_dynamics(5));
    const auto found = with_rule(r, "plausibility.dynamics");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->message,
              "Показатель 1.1.1 изменился на 8 п. п. за год (было 42), это улучшение (лучше — выше): проверьте данные "
              "или поясните изменение.");
}

// Issue 14: the catalogue says which direction is better; the finding words
// a change by it, and says nothing of the kind when the catalogue does not.
TEST(CheckSettings, TheDynamicsFindingWordsAChangeByWhichDirectionIsBetter) {
    const ValidationReport r = checked(with_last_year(62), CheckSettings{});
    const auto found = with_rule(r, "plausibility.dynamics");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->message,
              "Показатель 1.1.1 изменился на -12 п. п. за год (было 62), это ухудшение (лучше — выше): проверьте "
              "данные или поясните изменение.");
    WorkbookSnapshot wb = with_last_year(62);
    put(sheet(wb, kIndicatorsSheet), FormLayout::kIndicatorsFirstRow, 0, T("1.1.2"));  // better not said
    const ValidationReport unsaid = checked(wb, CheckSettings{});
    const auto plain = with_rule(unsaid, "plausibility.dynamics");
    ASSERT_EQ(plain.size(), 1u);
    EXPECT_EQ(plain[0]->message,
              "Показатель 1.1.2 изменился на -12 п. п. за год (было 62): проверьте данные или поясните изменение.");
}

// School 101: 12 of 12 passed — 100 % over 12 people.
TEST(CheckSettings, TheSmallBaseDecidesWhichSharesAreUnstable) {
    WorkbookSnapshot wb = form();
    auto& s = sheet(wb, "1.1 Первое направление");
    const auto pupils = where("1.1", "101", "pupils"), passed = where("1.1", "101", "passed");
    put(s, pupils.first, pupils.second, N(12));
    put(s, passed.first, passed.second, N(12));
    const auto of = [](const ValidationReport& r) {
        std::vector<const Finding*> out;
        for (const Finding* f : with_rule(r, "plausibility.small_base"))
            if (f->field == "1.1.1")
                out.push_back(f);
        return out;
    };
    EXPECT_TRUE(of(checked(wb, CheckSettings{})).empty()) << "12 people are not fewer than 10";
    const ValidationReport r = checked(wb, with_small_base(15));
    const auto found = of(r);
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->organisation, "101");
    EXPECT_EQ(found[0]->message,
              "Организация 101: показатель 1.1.1 равен 100 % при знаменателе 12 (меньше 15 человек): доля "
              "неустойчива, сравнивайте осторожно.");
    EXPECT_TRUE(of(checked(wb, with_small_base(12))).empty()) << "fewer than the limit, not as many";
    EXPECT_TRUE(of(checked(wb, with_small_base(0))).empty()) << "0: never";
}

// Seven schools with shares of 75, 70, 72.5, 77.5, 80, 75 and 5 %: 107 (5 %)
// is far from the median (75 %; scaled deviation 3.7 points) at the default 3
// deviations; nobody is at 20; at 1 the schools at 70 and 80 % are too.
WorkbookSnapshot seven_schools() {
    return test::with_schools({"103", "104", "105", "106", "107"}, {28, 29, 31, 32, 2});
}

std::set<std::string> outliers_of_1_1_1(const ValidationReport& r) {
    std::set<std::string> out;
    for (const Finding* f : with_rule(r, "plausibility.outlier"))
        if (f->field == "1.1.1")
            out.insert(f->organisation);
    return out;
}

TEST(CheckSettings, TheOutlierDistanceDecidesWhatIsFarFromTheOthers) {
    const WorkbookSnapshot wb = seven_schools();
    EXPECT_EQ(outliers_of_1_1_1(checked(wb, CheckSettings{})), (std::set<std::string>{"107"}));
    EXPECT_TRUE(outliers_of_1_1_1(checked(wb, with_outlier_distance(20))).empty());
    EXPECT_EQ(outliers_of_1_1_1(checked(wb, with_outlier_distance(1))), (std::set<std::string>{"103", "106", "107"}));
}

TEST(CheckSettings, FewerThanFiveOrganisationsAreNeverCompared) {
    // The form's two schools, one far from the other: no outlier at any distance.
    WorkbookSnapshot wb = form();
    const auto passed = where("1.1", "101", "passed");
    put(sheet(wb, "1.1 Первое направление"), passed.first, passed.second, N(2));
    EXPECT_TRUE(outliers_of_1_1_1(checked(wb, with_outlier_distance(0.5))).empty());
}

TEST(CheckSettings, AValueOutOfItsLimitsIsToldInRussian) {
    using Item = CheckSettings::Item;
    EXPECT_EQ(CheckSettings::problem(Item::DynamicsPoints, 10), "");
    EXPECT_EQ(CheckSettings::problem(Item::DynamicsPoints, 0.1), "") << "both ends are allowed";
    EXPECT_EQ(CheckSettings::problem(Item::DynamicsPoints, 0), "нужно число от 0,1 до 100");
    EXPECT_EQ(CheckSettings::problem(Item::DynamicsPoints, 1e9), "нужно число от 0,1 до 100");
    EXPECT_EQ(CheckSettings::problem(Item::SmallBase, 0), "");
    EXPECT_EQ(CheckSettings::problem(Item::SmallBase, 7.5), "нужно целое число от 0 до 1000");
    EXPECT_EQ(CheckSettings::problem(Item::OutlierDistance, -1), "нужно число от 0,5 до 20");
    EXPECT_EQ(CheckSettings::problem(Item::OutlierDistance, std::nan("")), "нужно число от 0,5 до 20");
    CheckSettings s;
    s.small_base = -2;
    EXPECT_EQ(s.problem(), "малая база (человек): нужно целое число от 0 до 1000");
}

}  // namespace
}  // namespace msoko

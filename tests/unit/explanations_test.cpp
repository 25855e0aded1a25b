// SPDX-License-Identifier: MPL-2.0
// Explanations of findings: which finding of a new check an explanation
// typed after an earlier check belongs to.
#include "msoko/explanations.hpp"

#include <gtest/gtest.h>

namespace msoko {
namespace {

ReportRow row(Severity s, std::string kind, std::string sheet, std::string cell, std::string org, std::string field) {
    ReportRow r;
    r.severity = s;
    r.kind = std::move(kind);
    r.sheet = std::move(sheet);
    r.cell = std::move(cell);
    r.organisation = std::move(org);
    r.field = std::move(field);
    return r;
}

TEST(Explanations, FollowTheOrganisationAndFieldWhenRowsMove) {
    // Explained at D12; a school was added above it, the finding is at D13 now.
    const std::vector<Explanation> kept{
        {"plausibility.dynamics", "5.1.1 Подготовка", "D12", "101", "g9_passed", "Новая школа в районе"}};
    const ReportRow moved =
        row(Severity::Warning, "plausibility.dynamics", "5.1.1 Подготовка", "D13", "101", "g9_passed");
    const Explanation* e = explanation_for(kept, moved);
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->text, "Новая школа в районе");
    // Another organisation at the old cell does not take it.
    EXPECT_EQ(explanation_for(
                  kept, row(Severity::Warning, "plausibility.dynamics", "5.1.1 Подготовка", "D12", "102", "g9_passed")),
              nullptr);
    // Nor the same place under another kind, nor on another sheet.
    EXPECT_EQ(explanation_for(
                  kept, row(Severity::Warning, "plausibility.outlier", "5.1.1 Подготовка", "D13", "101", "g9_passed")),
              nullptr);
    EXPECT_EQ(explanation_for(kept, row(Severity::Warning, "plausibility.dynamics", "5.1.2 Объективность", "D13", "101",
                                        "g9_passed")),
              nullptr);
}

TEST(Explanations, AFindingWithoutOrganisationOrFieldIsMatchedByItsCell) {
    const std::vector<Explanation> kept{{"passport.date", "Паспорт", "C7", "", "", "Дата по приказу"}};
    ASSERT_NE(explanation_for(kept, row(Severity::Warning, "passport.date", "Паспорт", "C7", "", "")), nullptr);
    EXPECT_EQ(explanation_for(kept, row(Severity::Warning, "passport.date", "Паспорт", "C8", "", "")), nullptr);
    // A finding that names a field is not matched by an explanation that names none.
    EXPECT_EQ(explanation_for(kept, row(Severity::Warning, "passport.date", "Паспорт", "C7", "", "date")), nullptr);
}

TEST(Explanations, TheLatestNonBlankOneWins) {
    const std::vector<Explanation> kept{
        {"k", "S", "A1", "", "f", "первое"}, {"k", "S", "A2", "", "f", "второе"}, {"k", "S", "A3", "", "f", "   "}};
    const Explanation* e = explanation_for(kept, row(Severity::Warning, "k", "S", "A9", "", "f"));
    ASSERT_NE(e, nullptr);
    EXPECT_EQ(e->text, "второе");
}

TEST(Explanations, OnlyWarningsWithoutOneHoldThePackageBack) {
    ReportModel m;
    m.rows = {row(Severity::Warning, "k", "S", "A1", "101", "f"), row(Severity::Warning, "k", "S", "A2", "102", "f"),
              row(Severity::Info, "n", "S", "A3", "", "g"), row(Severity::Error, "e", "S", "A4", "", "h")};
    explain(m, {{"k", "S", "A1", "101", "f", "Объяснено"}, {"k", "S", "A2", "102", "f", " \t"}});
    EXPECT_EQ(m.rows[0].explanation, "Объяснено");
    EXPECT_EQ(m.rows[1].explanation, "");
    const auto left = unexplained_warnings(m);
    ASSERT_EQ(left.size(), 1u);
    EXPECT_EQ(left[0]->organisation, "102");
    // What is kept with the form names the finding as the next check will.
    const Explanation kept = explanation_of(m.rows[0]);
    EXPECT_EQ(kept.kind, "k");
    EXPECT_EQ(kept.cell, "A1");
    EXPECT_EQ(kept.organisation, "101");
    EXPECT_EQ(kept.text, "Объяснено");
}

TEST(Explanations, TypedOnesReplaceKeptOnesAndABlankOneTakesItsAway) {
    const std::vector<Explanation> kept{{"k", "S", "A1", "101", "f", "старое"},
                                        {"k", "S", "A2", "102", "f", "уберут"},
                                        {"k", "S", "A3", "103", "f", "той проверки нет"}};
    // The user retyped the first, emptied the second, explained a new one.
    const std::vector<Explanation> typed{{"k", "S", "A5", "101", "f", "новое"},
                                         {"k", "S", "A2", "102", "f", ""},
                                         {"k", "S", "A9", "109", "f", "ещё одно"}};
    const auto merged = merge_explanations(kept, typed);
    ASSERT_EQ(merged.size(), 3u);
    EXPECT_EQ(merged[0].text, "той проверки нет") << "a finding that went away keeps its explanation";
    EXPECT_EQ(merged[1].text, "новое");
    EXPECT_EQ(merged[1].cell, "A5");
    EXPECT_EQ(merged[2].text, "ещё одно");
}

TEST(Explanations, AreKeptAsJsonAndReadBackLeniently) {
    const std::vector<Explanation> all{{"plausibility.outlier", "5.2.1 Руководители", "I18", "4214", "5.2.1.3",
                                        "Руководитель назначен в мае, \"обучение\" — в плане"},
                                       {"passport.date", "Паспорт", "C7", "", "", "Дата по приказу"}};
    const auto back = parse_explanations(explanations_json(all));
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].text, all[0].text);
    EXPECT_EQ(back[0].organisation, "4214");
    EXPECT_EQ(back[1].cell, "C7");
    EXPECT_TRUE(same_finding(back[1], all[1]));
    for (const char* bad : {"", "не JSON", "{}", "[1, \"a\", null]", R"([{"kind": 5, "text": "x"}])",
                            R"([{"kind": "k", "text": "   "}])"})
        EXPECT_TRUE(parse_explanations(bad).empty()) << bad;
}

}  // namespace
}  // namespace msoko

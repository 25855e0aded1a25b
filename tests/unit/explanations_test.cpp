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

}  // namespace
}  // namespace msoko

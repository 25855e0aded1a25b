// SPDX-License-Identifier: MPL-2.0
// Pupil-level functions: MSOKO.MARKS, BELOWMIN, SCOREBAND, DYNAMICS, rule by rule.
#include "msoko/results.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace msoko {
namespace {

using test::E;
using test::N;
using test::T;

Range col(std::vector<Cell> cells) {
    const std::size_t n = cells.size();
    return Range(n, 1, std::move(cells));
}

constexpr auto V = Result::Status::Value;
constexpr auto NA = Result::Status::NotApplicable;
constexpr auto BAD = Result::Status::Invalid;

void expect(const Result& r, Result::Status status, double value, const char* rule) {
    ASSERT_EQ(r.status(), status) << rule << ": " << r.reason();
    if (status == V) {
        EXPECT_DOUBLE_EQ(r.value(), value) << rule;
    } else {
        EXPECT_FALSE(r.reason().empty()) << rule;
    }
}

struct MarksCase {
    const char* rule;
    Range exam, journal;
    const char* mode;
    Result::Status status;
    double value;
};
void PrintTo(const MarksCase& c, std::ostream* os) {
    *os << c.rule;
}
class Marks : public ::testing::TestWithParam<MarksCase> {};
TEST_P(Marks, Rule) {
    const auto& c = GetParam();
    expect(marks(c.exam, c.journal, c.mode), c.status, c.value, c.rule);
}

// Exam 5 4 3 3 against journal 5 5 3 2: one lowered, one raised, two confirmed.
const Range kExam = col({N(5), N(4), N(3), N(3)});
const Range kJournal = col({N(5), N(5), N(3), N(2)});

INSTANTIATE_TEST_SUITE_P(
    Definition, Marks,
    ::testing::Values(
        MarksCase{"подтвердили: equal marks, 2 of 4", kExam, kJournal, "подтвердили", V, 50},
        MarksCase{"понизили: exam lower, 1 of 4", kExam, kJournal, "понизили", V, 25},
        MarksCase{"повысили: exam higher, 1 of 4", kExam, kJournal, "повысили", V, 25},
        MarksCase{"English modes: confirmed", kExam, kJournal, "confirmed", V, 50},
        MarksCase{"English modes: lowered", kExam, kJournal, "lowered", V, 25},
        MarksCase{"English modes: raised", kExam, kJournal, "raised", V, 25},
        MarksCase{"modes in any case", kExam, kJournal, " Подтвердили ", V, 50},
        MarksCase{"an empty cell leaves its pair out", col({N(5), E(), N(4)}), col({N(5), N(3), E()}), "подтвердили", V,
                  100},
        MarksCase{"«нет отметки» leaves its pair out", col({T("нет отметки"), N(4)}), col({N(5), N(3)}), "повысили", V,
                  100},
        MarksCase{"«Х» (Cyrillic) leaves its pair out", col({T("Х"), N(4)}), col({N(5), N(4)}), "подтвердили", V, 100},
        MarksCase{"«X» (Latin) leaves its pair out", col({N(3), N(4)}), col({T("X"), N(5)}), "понизили", V, 100},
        MarksCase{"«-» and «—» leave their pairs out", col({T("-"), N(2), N(3)}), col({N(2), T("—"), N(3)}),
                  "подтвердили", V, 100},
        MarksCase{"rows of a 2-D range pair by position", Range(2, 2, {N(5), N(4), N(3), N(2)}),
                  Range(2, 2, {N(5), N(5), N(3), N(3)}), "понизили", V, 50},
        MarksCase{"no pair left: #N/A", col({E(), T("Х")}), col({N(5), N(4)}), "подтвердили", NA, 0},
        MarksCase{"other text: Err:502", col({T("пять")}), col({N(5)}), "подтвердили", BAD, 0},
        MarksCase{"a mark typed as text: Err:502", col({T("5")}), col({N(5)}), "подтвердили", BAD, 0},
        MarksCase{"a mark out of 2–5: Err:502", col({N(6)}), col({N(5)}), "подтвердили", BAD, 0},
        MarksCase{"a fractional mark: Err:502", col({N(4.5)}), col({N(5)}), "подтвердили", BAD, 0},
        MarksCase{"an error value: Err:502", col({Cell::error()}), col({N(5)}), "подтвердили", BAD, 0},
        MarksCase{"ranges of different lengths: Err:502", col({N(5), N(4)}), col({N(5)}), "подтвердили", BAD, 0},
        MarksCase{"an unknown mode: Err:502", kExam, kJournal, "совпали", BAD, 0}));

struct ScoreCase {
    const char* rule;
    Range scores;
    double a;
    std::optional<double> b;  // SCOREBAND's upper limit; BELOWMIN ignores it
    bool band;
    Result::Status status;
    double value;
};
void PrintTo(const ScoreCase& c, std::ostream* os) {
    *os << c.rule;
}
class Scores : public ::testing::TestWithParam<ScoreCase> {};
TEST_P(Scores, Rule) {
    const auto& c = GetParam();
    expect(c.band ? score_band(c.scores, c.a, c.b) : below_min(c.scores, c.a), c.status, c.value, c.rule);
}

const Range kScores = col({N(100), N(91), N(85), N(70), N(69), N(24), N(23), E()});

INSTANTIATE_TEST_SUITE_P(
    Definition, Scores,
    ::testing::Values(ScoreCase{"BELOWMIN: 1 of 7 below 24 (empty left out)", kScores, 24, {}, false, V, 100.0 / 7},
                      ScoreCase{"BELOWMIN: the minimum itself is not below", col({N(24), N(36)}), 24, {}, false, V, 0},
                      ScoreCase{"BELOWMIN: absent markers left out", col({T("Х"), N(10), N(50)}), 24, {}, false, V, 50},
                      ScoreCase{"BELOWMIN: nobody: #N/A", col({E(), E()}), 24, {}, false, NA, 0},
                      ScoreCase{"BELOWMIN: text: Err:502", col({T("сорок"), N(50)}), 24, {}, false, BAD, 0},
                      ScoreCase{"BELOWMIN: negative score: Err:502", col({N(-1)}), 24, {}, false, BAD, 0},
                      ScoreCase{"SCOREBAND from 70: 4 of 7", kScores, 70, {}, true, V, 400.0 / 7},
                      ScoreCase{"SCOREBAND from 80: 3 of 7", kScores, 80, {}, true, V, 300.0 / 7},
                      ScoreCase{"SCOREBAND from 90: 2 of 7", kScores, 90, {}, true, V, 200.0 / 7},
                      ScoreCase{"SCOREBAND exactly 100", kScores, 100, 100.0, true, V, 100.0 / 7},
                      ScoreCase{"SCOREBAND 70–79: the limits are included, 85 is not", kScores, 70, 79.0, true, V,
                                100.0 / 7},
                      ScoreCase{"SCOREBAND 69–85 includes both limits", kScores, 69, 85.0, true, V, 300.0 / 7},
                      ScoreCase{"SCOREBAND from > to: Err:502", kScores, 80, 70.0, true, BAD, 0},
                      ScoreCase{"SCOREBAND nobody: #N/A", col({E()}), 70, {}, true, NA, 0},
                      ScoreCase{"SCOREBAND error value: Err:502", col({Cell::error()}), 70, {}, true, BAD, 0}));

TEST(Dynamics, IsTheDifferenceInPercentagePoints) {
    expect(dynamics(col({N(62.5)}), col({N(50)})), V, 12.5, "growth");
    expect(dynamics(col({N(40)}), col({N(50)})), V, -10, "decline");
    expect(dynamics(col({E()}), col({N(50)})), NA, 0, "current empty: #N/A");
    expect(dynamics(col({N(50)}), col({E()})), NA, 0, "previous empty: #N/A");
    expect(dynamics(col({T("50%")}), col({N(50)})), BAD, 0, "text: Err:502");
    expect(dynamics(col({N(1), N(2)}), col({N(50)})), BAD, 0, "several cells: Err:502");
}

TEST(NoMark, MarkersOfFisOko) {
    for (const char* m : {"нет отметки", "Нет отметки", "Х", "х", "X", "x", "-", "—", "–", " Х "})
        EXPECT_TRUE(is_no_mark(m)) << m;
    for (const char* m : {"", "0", "нет", "н/я"})
        EXPECT_FALSE(is_no_mark(m)) << m;
}

}  // namespace
}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
// MSOKO.SHARE, rule by rule: 100 × Σ numerators / Σ denominators.
#include "msoko/share.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <ostream>
#include <string>
#include <vector>

namespace msoko {
namespace {

using test::E;
using test::N;
using test::T;

Cell X() {
    return Cell::error();
}
Range col(std::vector<Cell> cells) {
    const std::size_t n = cells.size();
    return Range(n, 1, std::move(cells));
}
Range row(std::vector<Cell> cells) {
    const std::size_t n = cells.size();
    return Range(1, n, std::move(cells));
}

struct ShareCase {
    const char* rule;  // the clause of the function's definition this case checks
    Range numerators;
    Range denominators;
    Result::Status status;
    double value;  // expected value when status is Value
};

void PrintTo(const ShareCase& c, std::ostream* os) {
    *os << c.rule;
}

class ShareRule : public ::testing::TestWithParam<ShareCase> {};

TEST_P(ShareRule, FollowsTheDefinition) {
    const ShareCase& c = GetParam();
    const Result r = share(c.numerators, c.denominators);
    ASSERT_EQ(r.status(), c.status) << c.rule << ": " << r.reason();
    if (c.status == Result::Status::Value)
        EXPECT_DOUBLE_EQ(r.value(), c.value) << c.rule;
    else
        EXPECT_FALSE(r.reason().empty()) << c.rule << ": every failure says why";
}

constexpr auto V = Result::Status::Value;
constexpr auto NA = Result::Status::NotApplicable;
constexpr auto BAD = Result::Status::Invalid;
const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

INSTANTIATE_TEST_SUITE_P(
    Definition, ShareRule,
    ::testing::Values(
        ShareCase{"single numbers: 100 × 5 / 10", Range::single(N(5)), Range::single(N(10)), V, 50.0},
        ShareCase{"ranges: 100 × (3+4) / (10+10)", col({N(3), N(4)}), col({N(10), N(10)}), V, 35.0},
        ShareCase{"a whole share: part = whole gives 100", col({N(7)}), col({N(7)}), V, 100.0},
        ShareCase{"nobody has the property: 0 of 12 gives 0", Range::single(N(0)), Range::single(N(12)), V, 0.0},
        ShareCase{"ranges of different shapes are allowed", row({N(1), N(2), N(3)}),
                  Range(2, 2, {N(4), N(4), N(2), N(2)}), V, 50.0},
        ShareCase{"a 2-D range sums every cell", Range(2, 2, {N(1), N(1), N(1), N(1)}), col({N(8)}), V, 50.0},
        ShareCase{"empty cells count in neither sum", col({N(3), E(), N(1)}), col({N(5), N(3), E()}), V, 50.0},
        ShareCase{"an empty numerator range counts as 0", col({E(), E()}), col({N(4)}), V, 0.0},
        ShareCase{"fractions: 1/3 is not rounded", Range::single(N(1)), Range::single(N(3)), V, 100.0 / 3.0},
        ShareCase{"fractional inputs that sum exactly are accepted", col({N(0.1), N(0.2)}), col({N(0.3)}), V, 100.0},
        ShareCase{"zero denominators: not applicable (#N/A)", Range::single(N(0)), Range::single(N(0)), NA, 0},
        ShareCase{"all cells empty: not applicable (#N/A)", col({E(), E()}), col({E(), E()}), NA, 0},
        ShareCase{"empty denominators with empty numerators: #N/A", col({E()}), col({E()}), NA, 0},
        ShareCase{"text in numerators: Err:502", col({N(1), T("пять")}), col({N(10)}), BAD, 0},
        ShareCase{"text in denominators: Err:502", col({N(1)}), col({T("10")}), BAD, 0},
        ShareCase{"a number typed as text is still text: Err:502", Range::single(T("5")), Range::single(N(10)), BAD, 0},
        ShareCase{"an error value in numerators: Err:502", col({X()}), col({N(10)}), BAD, 0},
        ShareCase{"an error value in denominators: Err:502", col({N(1)}), col({N(10), X()}), BAD, 0},
        ShareCase{"a negative numerator: Err:502", col({N(-1), N(3)}), col({N(10)}), BAD, 0},
        ShareCase{"a negative denominator: Err:502", col({N(1)}), col({N(10), N(-2)}), BAD, 0},
        ShareCase{"negative zero is zero, not negative", Range::single(N(-0.0)), Range::single(N(4)), V, 0.0},
        ShareCase{"infinity: Err:502", Range::single(N(kInf)), Range::single(N(10)), BAD, 0},
        ShareCase{"NaN: Err:502", Range::single(N(1)), Range::single(N(kNaN)), BAD, 0},
        ShareCase{"a part bigger than its whole: Err:502", Range::single(N(11)), Range::single(N(10)), BAD, 0},
        ShareCase{"part bigger than a zero whole is an error, not #N/A", Range::single(N(1)), Range::single(N(0)), BAD,
                  0},
        ShareCase{"the sums are compared, not the cells", col({N(6), N(1)}), col({N(5), N(5)}), V, 70.0}));

TEST(Share, SumsLongRangesWithoutDrift) {
    // 100,000 × 0.1 must be exactly 10,000 as in Calc's own SUM.
    std::vector<Cell> tenths(100000, N(0.1));
    const Result r = share(Range::single(N(5000)), Range(tenths.size(), 1, tenths));
    ASSERT_TRUE(r.has_value()) << r.reason();
    EXPECT_DOUBLE_EQ(r.value(), 50.0);
}

TEST(Share, ReasonNamesThePlaceButNotTheContents) {
    const Result r = share(Range(2, 2, {N(1), N(2), N(3), T("Иванов")}), Range::single(N(100)));
    ASSERT_EQ(r.status(), Result::Status::Invalid);
    EXPECT_NE(r.reason().find("numerators row 2 column 2"), std::string::npos) << r.reason();
    EXPECT_EQ(r.reason().find("Иванов"), std::string::npos) << "no cell contents in reasons (they are logged)";
}

TEST(SumCounts, CountsTheCellsThatHoldNumbers) {
    const auto s = sum_counts(col({N(2), E(), N(0), E()}), "x");
    ASSERT_TRUE(std::holds_alternative<CountSum>(s));
    EXPECT_EQ(std::get<CountSum>(s).used, 2u);
    EXPECT_EQ(std::get<CountSum>(s).sum, 2.0);
}

}  // namespace
}  // namespace msoko

namespace msoko {
namespace {

// Issue 11.8: 100 × Σ must not overflow before dividing.
TEST(Share, HugeEqualSumsAreAHundredPercent) {
    const Result r = share(Range::single(Cell::number(1e308)), Range::single(Cell::number(1e308)));
    ASSERT_EQ(r.status(), Result::Status::Value) << r.reason();
    EXPECT_DOUBLE_EQ(r.value(), 100.0);
    const Result half = share(Range::single(Cell::number(0.5e308)), Range::single(Cell::number(1e308)));
    ASSERT_EQ(half.status(), Result::Status::Value);
    EXPECT_DOUBLE_EQ(half.value(), 50.0);
    EXPECT_EQ(scaled_ratio(100.0, 1.0, 3.0), 100.0 * 1.0 / 3.0) << "exact as before when finite";
}

TEST(Share, ASumBeyondTheLargestDoubleIsInvalidNotANumber) {
    const Range two(1, 2, {Cell::number(1e308), Cell::number(1e308)});
    EXPECT_EQ(share(two, two).status(), Result::Status::Invalid);
}

}  // namespace
}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
#include "msoko/share.hpp"

#include "msoko/sum.hpp"

#include <cmath>
#include <limits>
#include <string>

namespace msoko {

namespace {

std::string place(std::string_view argument, std::size_t r, std::size_t c) {
    return std::string(argument) + " row " + std::to_string(r + 1) + " column " + std::to_string(c + 1);
}

}  // namespace

double scaled_ratio(double multiplier, double part, double whole) {
    const double direct = multiplier * part / whole;
    return std::isfinite(direct) ? direct : multiplier * (part / whole);
}

std::variant<CountSum, Result> sum_counts(const Range& range, std::string_view argument) {
    CompensatedSum sum;  // SHARE agrees with Calc's own (compensated) SUM
    std::size_t used = 0;
    for (std::size_t r = 0; r < range.rows(); ++r) {
        for (std::size_t c = 0; c < range.cols(); ++c) {
            const Cell& cell = range.at(r, c);
            switch (cell.kind()) {
                case Cell::Kind::Empty:
                    continue;
                case Cell::Kind::Text:
                    return Result::invalid("text in " + place(argument, r, c));
                case Cell::Kind::Error:
                    return Result::invalid("error value in " + place(argument, r, c));
                case Cell::Kind::Number:
                    break;
            }
            const double v = cell.number();
            if (!std::isfinite(v))
                return Result::invalid("non-finite number in " + place(argument, r, c));
            if (v < 0.0)
                return Result::invalid("negative number in " + place(argument, r, c));
            sum.add(v);
            ++used;
        }
    }
    if (!std::isfinite(sum.value()))
        return Result::invalid(std::string(argument) + ": the sum is too large for a count");
    return CountSum{sum.value(), used};
}

Result share(const Range& numerators, const Range& denominators) {
    auto num = sum_counts(numerators, "numerators");
    if (auto* bad = std::get_if<Result>(&num))
        return *bad;
    auto den = sum_counts(denominators, "denominators");
    if (auto* bad = std::get_if<Result>(&den))
        return *bad;
    const double n = std::get<CountSum>(num).sum;
    const double d = std::get<CountSum>(den).sum;
    // A part bigger than its whole is a data error even when the whole is 0:
    // someone was counted in the numerator who is missing from the denominator.
    // The tolerance of a few ulps only forgives the rounding of fractional
    // inputs (0.1 + 0.2 of 0.3); whole counts are compared exactly.
    if (part_exceeds_whole(n, d))
        return Result::invalid("sum of numerators exceeds sum of denominators");
    if (d == 0.0)
        return Result::not_applicable("sum of denominators is 0");
    return Result::of(scaled_ratio(100.0, n, d));
}

}  // namespace msoko

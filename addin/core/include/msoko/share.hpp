// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/cell.hpp"
#include "msoko/result.hpp"

#include <string_view>
#include <variant>

namespace msoko {

/// Σ of a range of counts, or the reason it has none. Empty cells are
/// skipped; a text, an error value, a negative or a non-finite number makes
/// the whole range invalid (reason names the argument, row and column).
struct CountSum {
    double sum = 0.0;      ///< Σ of the numbers (compensated summation)
    std::size_t used = 0;  ///< how many cells held a number
};
std::variant<CountSum, Result> sum_counts(const Range& range, std::string_view argument);

/// `multiplier` × part / whole without overflowing on the way: 100 × 1E308
/// is infinite, 100 × (1E308 / 1E308) is 100. Exact as `multiplier × part /
/// whole` whenever that product is finite. Needs a non-zero whole.
double scaled_ratio(double multiplier, double part, double whole);

/// MSOKO.SHARE: 100 × Σ numerators / Σ denominators, in percent.
///
/// - Empty cells count in neither sum; the two ranges may differ in shape.
/// - A text, an error value or a negative number in either range → Invalid.
/// - Σ numerators > Σ denominators (a part bigger than its whole) → Invalid.
/// - Σ denominators = 0 with Σ numerators = 0 → NotApplicable (no one to count).
/// The value is not rounded.
Result share(const Range& numerators, const Range& denominators);

}  // namespace msoko

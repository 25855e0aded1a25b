// SPDX-License-Identifier: MPL-2.0
#pragma once

// Pupil-level result analytics (ВПР, ОГЭ, ЕГЭ, НИКО): one row per
// participant. Shares are in percent and not rounded.

#include "msoko/cell.hpp"
#include "msoko/result.hpp"

#include <optional>
#include <string_view>

namespace msoko {

enum class MarkComparison {
    Confirmed,  ///< «подтвердили»: exam mark = journal mark
    Lowered,    ///< «понизили»: exam mark < journal mark
    Raised,     ///< «повысили»: exam mark > journal mark
};

/// «подтвердили», «понизили», «повысили» or confirmed, lowered, raised (any case).
std::optional<MarkComparison> parse_mark_comparison(std::string_view mode);

/// True for what ФИС ОКО writes where a participant has no mark:
/// «нет отметки», «Х» (Cyrillic or Latin), «-», «—», «–».
bool is_no_mark(std::string_view text);

/// MSOKO.MARKS: 100 × pairs in the `mode` relation / pairs compared.
/// Pairs are taken by position; the ranges must hold the same number of
/// cells. Only pairs where both marks are whole numbers 2–5 count; empty
/// cells and no-mark markers leave their pair out. Any other text, another
/// number, an error value, ranges of different sizes or an unknown mode →
/// Invalid. No pair left → NotApplicable.
Result marks(const Range& exam, const Range& journal, std::string_view mode);

/// MSOKO.BELOWMIN: 100 × participants with a score below `minimum` /
/// participants with a score. Empty cells and no-mark markers are left out;
/// other text, errors and negative scores → Invalid; nobody → NotApplicable.
Result below_min(const Range& scores, double minimum);

/// MSOKO.SCOREBAND: 100 × participants with from ≤ score ≤ to (no upper
/// bound without `to`) / participants with a score. Same rules as below_min;
/// from > to → Invalid.
Result score_band(const Range& scores, double from, std::optional<double> to);

/// MSOKO.DYNAMICS: current − previous, in percentage points. Each is one
/// cell; either empty → NotApplicable; text, errors, several cells → Invalid.
Result dynamics(const Range& current, const Range& previous);

}  // namespace msoko

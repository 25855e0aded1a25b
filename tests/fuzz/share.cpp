// SPDX-License-Identifier: MPL-2.0
// Fuzz target: the sums and shares of the cell functions on ranges built
// from the input — msoko::share and sum_counts (MSOKO.SHARE), marks,
// below_min, score_band and dynamics (the result analytics).
#include "msoko/share.hpp"
#include "msoko/results.hpp"

#include "fuzz_support.hpp"

#include <limits>
#include <vector>

namespace msoko {
namespace {

// A range of up to 6 × 6 cells, of any shape (also 0 × n).
Range range(FuzzedDataProvider& in) {
    const auto rows = in.ConsumeIntegralInRange<std::size_t>(0, 6);
    const auto cols = in.ConsumeIntegralInRange<std::size_t>(0, 6);
    std::vector<Cell> cells;
    for (std::size_t i = 0; i < rows * cols; ++i)
        cells.push_back(fuzz::cell(in));
    return Range(rows, cols, std::move(cells));
}

bool has(const Range& r, Cell::Kind kind) {
    for (const Cell& c : r.cells())
        if (c.kind() == kind)
            return true;
    return false;
}

// A share in percent: a value in [0, 100], or no value with a reason.
void check_percent(const Result& r, double slack = 0) {
    if (r.has_value())
        FUZZ_CHECK(std::isfinite(r.value()) && r.value() >= 0 && r.value() <= 100 * (1 + slack));
    else
        FUZZ_CHECK(!r.reason().empty());
}

void check_share(const Range& num, const Range& den) {
    const auto n = sum_counts(num, "numerators");
    const Result s = share(num, den);
    const Result self = share(den, den);
    if (const auto* sum = std::get_if<CountSum>(&n)) {
        FUZZ_CHECK(sum->used <= num.size());
        FUZZ_CHECK(sum->sum >= 0 && std::isfinite(sum->sum));
    } else {
        FUZZ_CHECK(std::get<Result>(n).status() == Result::Status::Invalid);
    }
    // SHARE forgives a few ulps of a part above its whole (rounding of fractions).
    check_percent(s, 8 * std::numeric_limits<double>::epsilon());
    if (has(num, Cell::Kind::Text) || has(den, Cell::Kind::Text) || has(num, Cell::Kind::Error) ||
        has(den, Cell::Kind::Error))
        FUZZ_CHECK(s.status() == Result::Status::Invalid);
    if (s.status() == Result::Status::NotApplicable)
        FUZZ_CHECK(std::get<CountSum>(sum_counts(den, "denominators")).sum == 0);
    // A share of the same figures twice is 100 % (up to rounding) or nothing to count.
    if (std::holds_alternative<CountSum>(sum_counts(den, "denominators")))
        FUZZ_CHECK(
            (self.has_value() && std::fabs(self.value() - 100) <= 100 * 4 * std::numeric_limits<double>::epsilon()) ||
            self.status() == Result::Status::NotApplicable);
}

void check_results(FuzzedDataProvider& in, const Range& a, const Range& b) {
    static const char* const modes[] = {"подтвердили", "Понизили", "повысили ", "confirmed", "lowered", "RAISED", ""};
    const std::string mode =
        in.ConsumeBool() ? modes[in.ConsumeIntegralInRange<std::size_t>(0, 6)] : in.ConsumeRandomLengthString(16);
    const Result m = marks(a, b, mode);
    check_percent(m);
    if (a.size() != b.size())
        FUZZ_CHECK(m.status() == Result::Status::Invalid);

    const double minimum = fuzz::number(in);
    check_percent(below_min(a, minimum));
    const double from = fuzz::number(in);
    const std::optional<double> to = in.ConsumeBool() ? std::optional<double>(fuzz::number(in)) : std::nullopt;
    const Result band = score_band(a, from, to);
    check_percent(band);
    if (to && *to < from)
        FUZZ_CHECK(band.status() == Result::Status::Invalid);

    const Result d = dynamics(a, b);
    if (d.has_value())
        FUZZ_CHECK(!std::isnan(d.value()) && a.size() == 1 && b.size() == 1);
    else
        FUZZ_CHECK(!d.reason().empty());
}

}  // namespace
}  // namespace msoko

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider in(data, size);
    const msoko::Range a = msoko::range(in);
    const msoko::Range b = msoko::range(in);
    msoko::check_share(a, b);
    msoko::check_results(in, a, b);
    return 0;
}

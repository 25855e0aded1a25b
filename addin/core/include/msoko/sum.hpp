// SPDX-License-Identifier: MPL-2.0
#pragma once

// The arithmetic every sum and every part-whole comparison of the core uses,
// kept once so that the engine, the cell functions and the check agree to
// the last bit.

#include <cmath>
#include <limits>

namespace msoko {

/// Compensated (Neumaier) summation: exact for whole counts, and no drift on
/// long ranges of fractions, so the core's sums agree with Calc's own SUM.
class CompensatedSum {
public:
    void add(double v) {
        const double t = sum_ + v;
        compensation_ += std::fabs(sum_) >= std::fabs(v) ? (sum_ - t) + v : (v - t) + sum_;
        sum_ = t;
    }
    double value() const { return sum_ + compensation_; }

private:
    double sum_ = 0, compensation_ = 0;
};

/// Is `part` above `whole` by more than the rounding of a sum of fractions
/// (a few units in the last place)? Equal figures typed as 0,1 + 0,2 and 0,3
/// are not a part above its whole.
inline bool part_exceeds_whole(double part, double whole) {
    return part > whole + 4.0 * std::numeric_limits<double>::epsilon() * std::fabs(whole);
}

}  // namespace msoko

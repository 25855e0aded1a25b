// SPDX-License-Identifier: MPL-2.0
#pragma once

// Computes every indicator of a catalogue, per organisation and for the
// municipality, from a Workbook. Data problems are typed results, never
// exceptions: a value; not applicable (with why); missing data (with the
// missing fields or organisations); invalid input (with the cell-level reason).
//
// Municipal aggregation: a share is Σ numerators / Σ denominators over the
// organisations that have every figure — never a mean of percentages. An
// organisation with missing figures is left out of both sums and reported in
// `left_out`; an invalid figure anywhere makes the municipal value invalid
// (a wrong total must not be sent), naming the organisations in `invalid`.

#include "msoko/catalogue.hpp"
#include "msoko/result.hpp"
#include "msoko/workbook.hpp"

#include <optional>
#include <string>
#include <vector>

namespace msoko {

/// A typed cell read as the value of a field of the catalogue.
struct FieldValue {
    enum class Status { Empty, Value, Invalid };
    Status status = Status::Empty;
    double value = 0;    ///< the number; for yes_no 1 («да») or 0 («нет»)
    std::string reason;  ///< for Invalid: what is wrong, without the cell's contents

    static FieldValue empty() { return {}; }
    static FieldValue of(double v) { return {Status::Value, v, {}}; }
    static FieldValue invalid(std::string why) { return {Status::Invalid, 0, std::move(why)}; }
};

/// Interprets a cell by the field's type: count (whole number ≥ 0), number,
/// yes_no («да»/«нет», any case; also «yes»/«no», 1/0), within min/max.
/// Dates, texts and links are not numbers: a non-empty cell reads as 1.
FieldValue read_field(const Field& field, const Cell& cell);

struct IndicatorResult {
    Result result = Result::missing("");
    std::vector<std::string> missing_fields;  ///< per organisation: the empty fields
    std::vector<std::string> included;        ///< municipal: organisations in the sums
    std::vector<std::string> left_out;        ///< municipal: organisations with missing figures
    std::vector<std::string> invalid;         ///< municipal: organisations with invalid figures
    /// The sums the value is computed from, when every figure was read: Σ of
    /// the numerator-side fields (the count, sum or «да» for a count, sum or
    /// yes/no) and Σ of the denominator-side fields (the organisations counted
    /// for a share of organisations; 0 when the indicator has no denominator).
    /// Municipal: over the organisations included.
    std::optional<double> numerator, denominator;
};

class Engine {
public:
    /// Both must outlive the engine.
    Engine(const Catalogue& catalogue, const Workbook& workbook) : catalogue_(catalogue), workbook_(workbook) {}

    /// The indicator for one organisation. `threshold` selects the band of a
    /// band_share indicator (its lowest band when absent).
    IndicatorResult organisation(const std::string& indicator, const std::string& code,
                                 std::optional<double> threshold = std::nullopt) const;

    /// The indicator for the municipality.
    IndicatorResult municipality(const std::string& indicator, std::optional<double> threshold = std::nullopt) const;

private:
    struct Figures;  // numerator and denominator sums of one organisation
    IndicatorResult compute(const Indicator& ind, const Organisation& org, std::optional<double> threshold) const;
    std::vector<const Organisation*> concerned(const Indicator& ind) const;

    const Catalogue& catalogue_;
    const Workbook& workbook_;
};

}  // namespace msoko

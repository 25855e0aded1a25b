// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <string>
#include <utility>

namespace msoko {

/// The typed outcome of computing a function or an indicator. Data problems
/// are results, not exceptions: the caller decides how to show them (an
/// error value in a cell, a line in a report).
class Result {
public:
    enum class Status {
        Value,          ///< value() holds the number
        NotApplicable,  ///< nothing to compute (no one to count); reason() says why
        MissingData,    ///< required figures are empty; reason() names them
        Invalid,        ///< the input breaks a rule; reason() names the place
    };

    static Result of(double v) { return Result(Status::Value, v, {}); }
    static Result not_applicable(std::string why) { return Result(Status::NotApplicable, 0.0, std::move(why)); }
    static Result missing(std::string what) { return Result(Status::MissingData, 0.0, std::move(what)); }
    static Result invalid(std::string why) { return Result(Status::Invalid, 0.0, std::move(why)); }

    Status status() const { return status_; }
    bool has_value() const { return status_ == Status::Value; }
    double value() const { return value_; }
    /// Why there is no value: names argument and position, never cell contents
    /// (reasons go to the log, which must hold no personal data).
    const std::string& reason() const { return reason_; }

private:
    Result(Status s, double v, std::string r) : status_(s), value_(v), reason_(std::move(r)) {}
    Status status_;
    double value_;
    std::string reason_;
};

}  // namespace msoko

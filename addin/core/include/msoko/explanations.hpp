// SPDX-License-Identifier: MPL-2.0
#pragma once

// The user's explanations of the check's findings: what the specialist types
// into the report's «Пояснение» column for a warning before the form is sent
// (a jump against last year that is real, a share over few people). They are
// the user's text, kept with the form, and outlive the check that asked for
// them: the next check gives each finding the explanation of the same
// finding — the same kind on the same sheet, and the same organisation and
// field, or, for a finding that names neither, the same cell.

#include "msoko/report_model.hpp"

#include <string>
#include <vector>

namespace msoko {

/// One explanation and the finding it explains.
struct Explanation {
    std::string kind;          ///< the finding's kind (`plausibility.dynamics`)
    std::string sheet, cell;   ///< where the finding was («Показатели», «E12»)
    std::string organisation;  ///< its organisation's code; empty when it names none
    std::string field;         ///< its field or indicator id; empty when it names none
    std::string text;          ///< what the user typed, as typed
};

/// The explanation `row` takes from `explanations`, or nullptr: one of the
/// same kind and sheet with the same organisation and field when the row
/// names an organisation or a field (rows of the tables move), else one at
/// the same cell. Of several that fit, the last (the most recent) one.
const Explanation* explanation_for(const std::vector<Explanation>& explanations, const ReportRow& row);

/// Gives every row of the report its explanation (ReportRow::explanation).
void explain(ReportModel& model, const std::vector<Explanation>& explanations);

/// The explanation of a row as kept with the form.
Explanation explanation_of(const ReportRow& row);

/// The warnings of the report whose explanation is empty (blank text does
/// not explain): while there is one, the form is not sent.
std::vector<const ReportRow*> unexplained_warnings(const ReportModel& model);

}  // namespace msoko

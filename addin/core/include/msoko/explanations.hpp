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
#include <string_view>
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

/// Whether two explanations are of the same finding (as explanation_for
/// matches them): the same kind and sheet, and the same organisation and
/// field, or — naming neither — the same cell.
bool same_finding(const Explanation& a, const Explanation& b);

/// The explanations kept with the form after a check: `kept` (what the form
/// held) less those of the findings `typed` names — the text typed into the
/// report replaces them, a blank one takes them away —, then `typed`'s
/// non-blank ones. An explanation of a finding the check no longer makes
/// stays kept: it is there again when the finding comes back.
std::vector<Explanation> merge_explanations(std::vector<Explanation> kept, const std::vector<Explanation>& typed);

/// The user-defined document property the explanations are kept in: they
/// outlive the report sheet (removed by «Снять отметки проверки» or by
/// hand), and a generated form can carry them (a data file's «explanations»).
inline constexpr const char* kExplanationsProperty = "msoko.explanations";

/// The explanations as the property holds them: a JSON array of objects
/// {kind, sheet, cell, organisation, field, text}.
std::string explanations_json(const std::vector<Explanation>& explanations);

/// Reads explanations_json(). What is not such an array (an empty or edited
/// property) reads as none; an entry without a kind or a text is skipped.
std::vector<Explanation> parse_explanations(std::string_view json);

/// The warnings of the report whose explanation is empty (blank text does
/// not explain): while there is one, the form is not sent.
std::vector<const ReportRow*> unexplained_warnings(const ReportModel& model);

}  // namespace msoko

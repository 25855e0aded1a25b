// SPDX-License-Identifier: MPL-2.0
#pragma once

// Merging the returned sub-forms (msoko/subform.hpp) back into the municipal
// form: which files are the organisations' own sub-forms of this form, which
// of their values go into which cells of the form, which differ from a value
// typed in the form (the user decides), and what the sheet «Сбор форм» says.
// Pure: the extension and the command line read the workbooks into
// snapshots, ask the user about the conflicts and write the cells.
//
// The rule of a cell, for the organisation's field: the sub-form's value S
// (as typed), the form's value F, and the value R the last merge wrote there
// (the record kept in the form, MergedRecord):
//   S empty              → nothing (an empty sub-form cell never erases a value);
//   F == S               → unchanged;
//   F empty, or F == R   → written (a corrected sub-form replaces what the last merge wrote);
//   S == R               → the form's value stays (typed since the last merge of this very value);
//   S the value the user declined before → the form's value stays (decided);
//   else                 → a conflict: the user keeps the form's value or takes the sub-form's.

#include "msoko/catalogue.hpp"
#include "msoko/cell.hpp"
#include "msoko/validation.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace msoko {

/// One file given to the merge.
struct ReturnedSubform {
    std::string file;                          ///< its file name as the user sees it
    std::optional<WorkbookSnapshot> workbook;  ///< null: it could not be read
    std::string unreadable;  ///< then why, Russian («защищён паролем», «файл повреждён или не таблица»)
    /// When the file was last changed, «ГГГГ-ММ-ДД ЧЧ:ММ:СС» (empty: unknown): of two sub-forms of one
    /// organisation made at the same time, the one changed later wins.
    std::string modified;
};

/// What the merges so far wrote for one organisation.
struct MergedOrganisation {
    std::string organisation;  ///< its code
    std::string file;          ///< the file merged last
    std::string made_at;       ///< its sub-form's «made at»
    std::string merged_at;     ///< when it was merged, as the user reads it
    /// field id → the value as the merge wrote it (or found it equal).
    std::map<std::string, Cell> values;
    /// field id → a sub-form's value the user declined, keeping the form's:
    /// the same value sent again is not asked about again.
    std::map<std::string, Cell> declined;
};

/// The record of the merges kept in the municipal form (kMergedProperty).
struct MergedRecord {
    std::vector<MergedOrganisation> organisations;  ///< by code, in the order first merged
    const MergedOrganisation* of(const std::string& code) const;
    MergedOrganisation& entry(const std::string& code);  ///< added when missing
};

/// The user-defined document property of the municipal form the record is kept in.
inline constexpr const char* kMergedProperty = "msoko.merged";

/// The record as the property holds it: {"format": "msoko-merged/1", "organisations": [{organisation,
/// file, made_at, merged_at, values: {field: number | text}, declined: {…}}]}.
std::string merged_json(const MergedRecord& record);
/// Reads merged_json(); what is not such a record (an empty or edited property) reads as none.
MergedRecord parse_merged(const std::string& json);

/// A cell of the form the merge writes or asks about.
struct MergeCell {
    std::string organisation;  ///< its code
    std::string field;         ///< the field's id
    std::string sheet;         ///< the municipal form's direction sheet
    int row = 0, col = 0;      ///< 0-based, in the municipal form
    Cell in_form, in_subform;
};

/// One line of «Сбор форм» per organisation of the register.
struct OrganisationMerge {
    std::string code, name, type;  ///< type: the organisation type's id
    enum class Status { NotReturned, Returned, Refused };
    Status status = Status::NotReturned;
    std::string file, why;  ///< the file taken (or refused); why refused, Russian
    std::size_t taken = 0, unchanged = 0, conflicts = 0;
    /// Values of the sub-form the form keeps without asking (typed in the form since they were merged,
    /// or declined before).
    std::size_t kept = 0;
    /// Values of the sub-form the municipal form has no cell for (its sheet, the organisation's row or
    /// the field's column is missing there): not taken, told.
    std::size_t no_cell = 0;
    std::string check_summary;  ///< the sub-form's own check summary
    std::size_t errors = 0, warnings = 0;
};

struct MergePlan {
    std::vector<MergeCell> writes;     ///< empty cells of the form, or cells still holding the last merge's value
    std::vector<MergeCell> conflicts;  ///< a differing value typed in the form: the user decides
    std::vector<OrganisationMerge> organisations;  ///< not returned first, then refused, then returned
    /// Files not taken that are no organisation's sub-form of this form, or lost to another file of
    /// their organisation: file, why (Russian).
    std::vector<std::pair<std::string, std::string>> other_files;
    /// The record after the merge without the conflicts (decide() adds them as decided).
    MergedRecord record;

    std::size_t count(OrganisationMerge::Status status) const;
};

/// Plans the merge of `returned` into `municipal`. @throws std::runtime_error with a Russian message
/// when `municipal` is not a form of this catalogue and version, or is itself a sub-form.
MergePlan plan_merge(const Catalogue& catalogue, const WorkbookSnapshot& municipal,
                     const std::vector<ReturnedSubform>& returned, const MergedRecord& before,
                     const CheckSettings& settings = {});

/// The merge as the user decided the conflicts: `take[i]` — take the sub-form's value of
/// plan.conflicts[i] (missing entries: keep the form's).
struct MergeOutcome {
    std::vector<MergeCell> writes;  ///< the plan's writes, then the conflicts taken
    std::vector<bool> taken;        ///< per conflict of the plan
    MergedRecord record;            ///< to keep in the form
    std::string merged_at;
};
MergeOutcome decide(const MergePlan& plan, const std::vector<bool>& take, const std::string& merged_at);

/// «Сбор форм» as data: its title, a summary, then tables (each a title, heads and rows of cells);
/// the extension writes it as a sheet, the command line prints it.
struct CollectionTable {
    std::string title;
    std::vector<Cell> heads;
    std::vector<std::vector<Cell>> rows;
    /// A column whose cells are addresses of cells of the form («E12»), each on the sheet
    /// link_sheets[row] (a link jumps there); -1: none.
    int link_column = -1;
    std::vector<std::string> link_sheets;
};
struct CollectionReport {
    std::string title;    ///< «Сбор форм организаций»
    std::string summary;  ///< «Вернули 27 из 29 организаций; не вернули: 2; …»
    /// The organisations (not returned first), the conflicts, the other files — each even when empty.
    std::vector<CollectionTable> tables;
};
CollectionReport collection_report(const Catalogue& catalogue, const MergePlan& plan, const MergeOutcome& outcome);

/// What the user reads when the merge is done (a message box): who has not returned theirs first, then
/// the refused with why (at most `max_names` of each), then the counts.
std::string merge_message(const MergePlan& plan, const MergeOutcome& outcome, std::size_t max_names);

/// One line for a log: counts only («27 returned, 2 refused, 2 not returned, 3 conflicts, 1 other file»).
std::string merge_counts(const MergePlan& plan);

}  // namespace msoko

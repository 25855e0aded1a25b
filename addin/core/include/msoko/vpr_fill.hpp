// SPDX-License-Identifier: MPL-2.0
#pragma once

// Filling the municipal form from imported ВПР results: per school of the
// form's register (matched by its login or its name), the fields the
// catalogue's "vpr"/"fill" names take the school's totals over every
// subject and grade (SchoolTotals). Pure: the glue shows the plan, asks the
// user about the cells already holding another value, writes the cells in
// one undo step and marks each with the comment «из ФИС ОКО».

#include "msoko/catalogue.hpp"
#include "msoko/merge.hpp"
#include "msoko/validation.hpp"
#include "msoko/vpr_analysis.hpp"

#include <map>
#include <string>
#include <vector>

namespace msoko::vpr {

/// How a school of the results was matched with the form.
struct SchoolMatch {
    std::string school, school_name;  ///< the results' login and name
    std::string organisation;         ///< the form's code; empty: not matched
    std::string organisation_name;
    std::string how;  ///< «по логину», «по названию», «сопоставление пользователя»; empty: not matched
};

struct FillPlan {
    std::vector<MergeCell> writes;  ///< empty cells, or cells already holding this value (unchanged ones are left out)
    std::vector<MergeCell> conflicts;  ///< a different value typed: the user keeps it or takes the results'
    std::size_t unchanged = 0;
    std::vector<SchoolMatch> matches;  ///< every school of the results
    std::string comment;               ///< the comment of each written cell
};

/// The normalised name of a school for matching: lower case, «ё» as «е», quotes, «№» spacing and runs
/// of spaces made one, the legal form's abbreviation kept.
std::string school_key(const std::string& name);

/// Plans the fill. `logins`: login → the form's organisation code, given by the user (the command line's
/// --map, the dialog); otherwise a school is matched when exactly one organisation of the register has
/// its name (full or short), or its login in the name. @throws std::runtime_error with a Russian message
/// when `form` is not a form of this catalogue and version, or the catalogue names no field to fill.
FillPlan plan_fill(const Catalogue& catalogue, const WorkbookSnapshot& form, const Analysis& analysis,
                   const std::map<std::string, std::string>& logins = {});

/// The fill as the user decided: `take[i]` takes the results' value of plan.conflicts[i].
std::vector<MergeCell> decided_writes(const FillPlan& plan, const std::vector<bool>& take);

/// What the user reads before confirming: how many schools matched, cells to fill, conflicts, the schools
/// not matched (at most `max_names`).
std::string fill_summary(const FillPlan& plan, std::size_t max_names);

}  // namespace msoko::vpr

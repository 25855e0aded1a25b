// SPDX-License-Identifier: MPL-2.0
#pragma once

// Moving a form to a new version of its catalogue: the form of the current
// version made from a snapshot of the old one — its passport, register
// (with flags), every figure whose field still exists or was renamed or merged
// (the current catalogue's `changes`), last year's values and the documents
// typed on «Показатели» — and the list, in Russian, of what must be filled
// anew and what was dropped. Pure: the old form is only read; the extension
// and the command line read it into a snapshot and write the new form
// (form_fods) from the data made here.

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
#include "msoko/validation.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace msoko {

/// A field of the new form that stays empty and must be filled anew.
struct FieldToFill {
    enum class Why {
        New,        ///< the old version had no such field
        Split,      ///< part of an old field split into several
        Redefined,  ///< the id stayed, its meaning changed
        Widened,    ///< kept, but now filled for organisation types it was not (their cells are new)
    };
    std::string field;  ///< the current field's id
    Why why = Why::New;
    std::string old_field;               ///< Split: the old field
    std::vector<std::string> for_types;  ///< Widened: the organisation types it now concerns too
    std::string text;                    ///< Russian: «5.1.1 …: «title» (id) — новое поле»
};

/// An old field whose values the new form does not take.
struct DroppedField {
    std::string field;       ///< the old field's id
    std::size_t values = 0;  ///< its filled cells in the old form
    std::string text;        ///< Russian: ««title» (id) — поле удалено: why; значений: 12»
};

struct Migration {
    FormData data;  ///< the new form's contents (form_fods writes it)
    std::string from_version, to_version;
    std::size_t values = 0;  ///< the figures taken over
    std::vector<FieldToFill> to_fill;
    std::vector<DroppedField> dropped;
    /// Anything else not taken and why (rows the register does not hold,
    /// values of fields that no longer concern a type), Russian.
    std::vector<std::string> notes;

    /// What the user reads after the move: the count taken over, what must be
    /// filled anew, what was dropped (Russian, several lines); at most
    /// `max_items` lines of each list, then how many more (a message box has
    /// room for some; the command line prints all).
    std::string summary(std::size_t max_items = static_cast<std::size_t>(-1)) const;
};

/// The form of `catalogue`'s version made from `old_form`, a form of
/// `old_catalogue` (same id, an older version). The catalogue's `changes`
/// apply when they lead from the old form's version; otherwise fields are
/// matched by id alone (and a note says so).
/// @throws std::runtime_error with a Russian message when the workbook is not
///   a form of the old catalogue, or the catalogues are not two versions of one.
Migration migrate_form(const Catalogue& old_catalogue, const Catalogue& catalogue, const WorkbookSnapshot& old_form);

/// The version of `old_form` that is to be moved to `catalogue`'s: the
/// version its passport names. @throws std::runtime_error with a Russian
/// message when it is not a form, is a form of another catalogue, is of the
/// current version already or of a newer or unknown one.
std::string migration_source_version(const Catalogue& catalogue, const WorkbookSnapshot& old_form);

/// Is `version` older than the catalogue's own (by compare_versions) — a form
/// of it can be moved to the current version?
bool older_version(const Catalogue& catalogue, const std::string& version);

/// The file name of a version of a catalogue in the history folder,
/// «msoko-267-1-2021.1.json»; empty when the id or version holds characters a
/// file name must not (anything but Latin letters, digits, «.», «-», «_»).
std::string history_file_name(const std::string& id, const std::string& version);

/// Where a catalogue file keeps its earlier versions: the folder «history»
/// beside it; the path of the version's file there (empty: no valid name).
std::string history_catalogue_path(const std::string& catalogue_path, const std::string& id,
                                   const std::string& version);

}  // namespace msoko

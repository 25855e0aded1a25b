// SPDX-License-Identifier: MPL-2.0
#pragma once

// A generated Ф1 file (vpr_model.hpp) as the files come: a flat ODF
// spreadsheet in ФИС ОКО's layout; and, for the tests' own arithmetic, its
// pupils as a plain TSV and what was planted in it as JSON.

#include "vpr_model.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace msoko::vprgen {

/// The sheet rows (0-based) of each pupil's line and of each school's group line.
struct SheetRows {
    std::vector<int> pupil, block;
};
SheetRows sheet_rows(const VprFile& f);

/// The Ф1 sheet as flat ODF: the heading lines, «Уровень сложности задания», the header, per school its
/// group line «МБОУ «…»(edu…) | Кол-во участников: N» and its pupils.
void write_fods(const VprFile& f, std::ostream& out);

/// One line per pupil: school, school_name, class, code, variant, absent (0/1), each task's points (as the
/// file has them: a number, «X», or empty for an absent pupil), primary, mark (the file's; for a file without
/// «Отметка», the boundaries'), journal (empty when missing).
void write_pupils_tsv(const VprFile& f, std::ostream& out);

/// {file, sheet, subject, grade, year, max, boundaries [three, four, five], has_mark_column, tasks [{label,
/// max, level}], schools [{login, name, role, stated, rows, row}], mistakes [{kind, school, row, what}]}.
std::string meta_json(const VprFile& f);

}  // namespace msoko::vprgen

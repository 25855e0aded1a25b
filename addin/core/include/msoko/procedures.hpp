// SPDX-License-Identifier: MPL-2.0
#pragma once

// The municipal assessment procedures (seed 003: «единый банк данных о
// применяемых в практике МОУО муниципальных процедурах оценки качества
// образования»): read from a form's sheet «Процедуры оценки» by the form's
// contract (msoko/form_layout.hpp, ProceduresColumns), and merged over many
// municipalities into one bank, by object (the catalogue's direction), with
// near-identical names grouped. Pure: no office.

#include "msoko/catalogue.hpp"
#include "msoko/validation.hpp"

#include <string>
#include <vector>

namespace msoko {

/// One procedure of a form, each text trimmed as typed.
struct Procedure {
    int row = -1;  ///< its 0-based row on «Процедуры оценки» (for findings); -1: not read from a sheet
    std::string name;  ///< «Наименование процедуры»
    std::string object;  ///< «Объект оценки» as typed («5.1.1 Подготовка обучающихся»)
    /// The direction id `object` names (procedure_object_direction), or ""
    /// when it names none of the catalogue's.
    std::string direction;
    std::string level;  ///< «муниципальный» / «институциональный» as typed (the check says when it is neither)
    std::string method, frequency, participants, conducted_by, document;
    /// «Дата документа»: ISO 8601 ("2024-08-30") when the cell holds a date
    /// (or a text «ДД.ММ.ГГГГ» / «ГГГГ-ММ-ДД» of a real day), else the text as typed.
    std::string document_date;
    std::string use;  ///< «Использование результатов»
};

/// The procedures of a form's «Процедуры оценки», in row order, from the
/// contract's first row to the sheet's last: a row whose input cells are all
/// empty is skipped; none when the workbook has no such sheet. Nothing here
/// throws for a cell's contents (an error value reads as empty).
std::vector<Procedure> read_procedures(const Catalogue& catalogue, const WorkbookSnapshot& workbook);

}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
#pragma once

// The municipal assessment procedures (seed 003: «единый банк данных о
// применяемых в практике МОУО муниципальных процедурах оценки качества
// образования»): read from a form's sheet «Процедуры оценки» by the form's
// contract (msoko/form_layout.hpp, ProceduresColumns), and merged over many
// municipalities into one bank, by object (the catalogue's direction), with
// near-identical names grouped. Pure: no office.

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
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

/// A procedure as a data file gives it to a new form (FormData::procedures):
/// its direction's id, or the object as typed when it names none.
ProcedureEntry procedure_entry(const Procedure& procedure);

// --- the bank (procedures_bank.cpp) ---------------------------------------------

/// The procedures one municipality sent.
struct MunicipalProcedures {
    std::string municipality;
    std::vector<Procedure> procedures;
};

/// One procedure of a municipality as the bank keeps it.
struct BankUse {
    std::string municipality;
    Procedure procedure;
};

/// One procedure as several municipalities name it.
struct BankEntry {
    std::string direction;  ///< the direction id (its object)
    /// The representative name: the spelling most uses have; ties: the
    /// shortest, then the first met.
    std::string name;
    std::vector<std::string> names;           ///< every distinct spelling grouped here, in first-seen order
    std::vector<std::string> municipalities;  ///< who use it: sorted (byte order of UTF-8), unique
    std::vector<std::string> levels, methods, frequencies;  ///< distinct non-empty values, in first-seen order
    std::vector<BankUse> uses;                              ///< each municipality's own row, in the order given
};

struct ProcedureBank {
    /// By the catalogue's direction order, then by the number of
    /// municipalities (most first), then by name (byte order).
    std::vector<BankEntry> entries;
    /// Procedures left out: no name, or an object that is no direction of
    /// the catalogue (the check before submission reports those).
    std::vector<BankUse> left_out;
};

/// The bank of the municipalities' procedures. A procedure joins an entry
/// of its own direction when similar_procedures() says its name is
/// near-identical to a name already in the entry (entries are grouped only
/// within one direction; the municipalities and the procedures are taken in
/// the order given). Deterministic.
ProcedureBank procedure_bank(const Catalogue& catalogue, const std::vector<MunicipalProcedures>& municipalities);

/// The key near-identical names share: lower case (Cyrillic and Latin), ё as
/// е, every character that is not a letter or a digit (quotes «»"„“, brackets,
/// dots, dashes, № …) a space, a number apart from the letters next to it,
/// runs of spaces one, none at the ends; then the ways a grade is written
/// made one (кл, класс, класса, классы, классах, классам → классов; обуч,
/// обуч-ся → обучающихся) and an ordinal's ending after a number dropped
/// («5-х», «9-го» → 5, 9). «Мониторинг читательской
/// грамотности (5 кл.)» and «мониторинг читательской грамотности 5 классов»
/// share the key «мониторинг читательской грамотности 5 классов».
std::string procedure_key(const std::string& name);

/// The similarity at and above which two names of one direction are the same
/// procedure: the Jaccard index of their keys' word sets (|A ∩ B| / |A ∪ B|),
/// words compared by their first kStemLetters letters (a Russian ending
/// aside: «грамотности» = «грамотность»).
inline constexpr double kSimilarProcedures = 0.8;
/// Letters of a word compared (code points); shorter words whole.
inline constexpr std::size_t kStemLetters = 6;

/// Are two names near-identical: the same key, or a word-set Jaccard index of
/// their keys (words by their first kStemLetters letters, prepositions and
/// conjunctions such as в, и, по, на, для left out, numbers counted whole)
/// of at least kSimilarProcedures. A number in one name and not the other
/// (5 vs 9 классов) keeps them apart whatever the index: different grades
/// are different procedures. Empty names are similar to nothing.
bool similar_procedures(const std::string& a, const std::string& b);

}  // namespace msoko

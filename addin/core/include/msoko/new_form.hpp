// SPDX-License-Identifier: MPL-2.0
#pragma once
// A new data-collection form as the user asks for it in the dialog «Создать
// форму сбора данных…»: its passport (municipality, region, period), the
// number of organisations of each type, and, when asked, the register and
// the municipal values of last year's form (they become this year's «значение
// прошлого года»). Pure: the extension reads last year's workbook into a
// snapshot, the core makes the form's data from it.

#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
#include "msoko/validation.hpp"

#include <map>
#include <string>
#include <vector>

namespace msoko {

struct NewFormRequest {
    std::string municipality, region, period;
    /// The organisations of each register type (by type id) the form is for;
    /// the register gets as many rows. A type not named: the organisations
    /// taken from last year's form, or kDefaultRegisterRows without one.
    std::map<std::string, std::size_t> organisations;
};

/// What a new form takes from last year's.
struct LastYearForm {
    std::vector<RegisterEntry> organisations;  ///< in the register's order
    std::map<std::string, double> values;      ///< indicator → its municipal value
    /// Its «Процедуры оценки» (most are run again the next year; the user
    /// removes those that are not), in row order.
    std::vector<ProcedureEntry> procedures;
    std::string municipality, region, period;  ///< its passport's
    /// What was not taken and why, in Russian (another catalogue's
    /// indicators, a row without a type…), for the user.
    std::vector<std::string> notes;
};

/// Reads the register and the municipal values of last year's form.
/// `form_catalogue`: the catalogue of the form's own version when it is an
/// earlier one (history_catalogue_path): the form is then read and its values
/// computed by it, and only the values of indicators this catalogue still has
/// and did not redefine (`changes.indicators`) are taken, the others noted.
/// @throws std::runtime_error with a Russian message when the workbook is not a
///   form of this catalogue («не форма сбора данных МСОКО»).
LastYearForm read_last_year(const Catalogue& catalogue, const WorkbookSnapshot& workbook,
                            const Catalogue* form_catalogue = nullptr);

/// The version of this catalogue that last year's form names in its passport
/// when it is an earlier one (its form is then read by that version's
/// catalogue: history_catalogue_path); empty for a form of this version, of
/// another catalogue or not a form.
std::string earlier_form_version(const Catalogue& catalogue, const WorkbookSnapshot& workbook);

/// The data of the new form: the passport as asked, the register's rows per
/// type, last year's organisations and values when given.
FormData new_form_data(const Catalogue& catalogue, const NewFormRequest& request, const LastYearForm* last_year);

/// The reporting period a form made in this month is most likely for: the
/// school year ending in the last August or the coming one, whichever is
/// nearer to its end («2025/2026 учебный год» from July 2026 to June 2027).
std::string likely_period(int year, int month);

/// «МСОКО Ольховоборский район 2025-2026 учебный год.ods»: what Save As suggests
/// (characters a file name cannot hold replaced).
std::string suggested_file_name(const std::string& municipality, const std::string& period);

}  // namespace msoko

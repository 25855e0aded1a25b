// SPDX-License-Identifier: MPL-2.0
#pragma once

// Reads a form of the catalogue back from a snapshot of the workbook (as the
// office holds it) by the form's contract (msoko/form_layout.hpp): the
// organisations of the register and of the direction tables, each typed
// value by its field code, and the passport's values by their keys; and
// each direction's table as the form's MSOKO.INDICATOR cells receive it
// (with the register's codes, types and flags and the fields linked from
// other directions as the office shows them: references, not computations).
// No indicator, total or «Показатели» cell is read: the engine computes them
// again (form_indicators).

#include "msoko/catalogue.hpp"
#include "msoko/engine.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/table.hpp"
#include "msoko/validation.hpp"
#include "msoko/workbook.hpp"

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace msoko {

struct FormContents {
    /// The register's organisations (in its order), those only a direction
    /// table names, the municipality's row, and every typed figure.
    Workbook workbook;
    /// The passport's value cells by item key (municipality, period, catalogue_id …).
    std::map<std::string, Cell> passport;
    /// Direction sheets of the catalogue the workbook lacks (their figures read as empty).
    std::vector<std::string> missing_sheets;
    /// Each direction's table (by direction id) as the form's MSOKO.INDICATOR
    /// cells read it: the cells of its named range, from the code row to the
    /// row above «Итого по муниципалитету», read by read_table(); Invalid when
    /// the table cannot be read. A direction whose sheet is missing has none.
    std::map<std::string, std::variant<Table, Result>> tables;
    /// Directions whose table holds an error value: Calc computes none of
    /// their indicators (it shows Err:504).
    std::vector<std::string> tables_with_error_values;

    /// A passport value as text ("" when the item is empty or missing).
    std::string passport_text(const std::string& key) const;
};

/// Why a workbook is no form at all, in Russian, for a command that needs
/// one: it has no passport with the catalogue's code or no register.
std::string not_a_form_message();

/// Is the workbook a frozen copy — its passport carrying the stamp's heading
/// (PassportStamp::kHeading in the label column)?
bool is_frozen_copy(const WorkbookSnapshot& snapshot);

/// Reads the form. A sheet, column or row the contract expects and the
/// workbook lacks is left out (the check says what is wrong with the form);
/// nothing here throws for the contents of a cell.
FormContents read_form(const Catalogue& catalogue, const WorkbookSnapshot& snapshot);

/// The municipal value of an indicator, as the form's «Показатели» computes it.
struct FormIndicator {
    const Indicator* indicator = nullptr;
    IndicatorResult value;
    /// Calc's error code when the value is invalid: 502 (an invalid figure or
    /// table), 504 (an error value in the table), 524 (its sheet is missing).
    int error = 0;
};

/// Every indicator of the catalogue, in its order, for the municipality, as
/// the form's «Показатели» computes it: MSOKO.INDICATOR over its direction's
/// table (indicator_in_table), with Calc's errors of a table it cannot pass.
std::vector<FormIndicator> form_indicators(const Catalogue& catalogue, const FormContents& form);

/// Every indicator for the municipality by the engine over the whole form's
/// workbook (all directions' figures at once). Equal to the form's values
/// when every table can be read and holds no error value.
std::vector<FormIndicator> form_indicators(const Catalogue& catalogue, const Workbook& workbook);

/// A municipal value as the form's «Показатели» shows it in a Russian
/// (`english` false) or English office: «да»/«нет» for a municipal yes/no;
/// whole numbers with thousands grouped for counts, sums and organisations
/// counted with «да»; one decimal otherwise; #Н/Д (#N/A) without a value;
/// Ошибка:502 (Err:502) for an invalid one, or the `error` code given.
std::string shown_value(const IndicatorRow& row, const Result& result, bool english, int error = 502);

}  // namespace msoko

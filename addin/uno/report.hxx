// SPDX-License-Identifier: MPL-2.0
#pragma once

// The check before submission inside Calc: a snapshot of the open workbook
// for the core, and the report sheet «Проверка» written back.

#include "msoko/validation.hpp"

#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>
#include <rtl/ustring.hxx>

namespace msoko::uno {

using rtl::OUString;

/// The name the report sheet gets when no sheet of the workbook has it; a
/// user's own sheet of that name (in any case) makes it «Проверка (2)».
inline constexpr const char* kReportSheet = "Проверка";

/// A failure the user can act on: its message (Russian) is shown as it is.
class UserError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// What reading the workbook cost the office: the cells read and the time of
/// the bare getDataArray calls (the least any bulk reader pays).
struct ReadCost {
    std::size_t cells = 0;
    double data_array_ms = 0;  ///< getDataArray itself
    double convert_ms = 0;     ///< what turning its values into the core's cells added (it overlaps the reading)
    double formulas_ms = 0;    ///< finding the formula cells
};

/// Where to look for formula cells: the columns whose code (in the form's
/// code row) is one of `codes`, and every cell of the sheets in `whole_sheets`.
struct FormulaPlaces {
    std::set<std::string> codes;
    std::set<std::string> whole_sheets;
};

/// Every sheet's used area, its values and which cells hold formulas, read in
/// bulk (never cell by cell); the check's own report sheet is left out. With
/// `formulas`, formula cells are looked for only there; otherwise everywhere.
/// @throws UserError when a sheet is too large to read.
WorkbookSnapshot snapshot(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                          const css::uno::Reference<css::task::XStatusIndicator>& progress, ReadCost* cost = nullptr,
                          const FormulaPlaces* formulas = nullptr);

/// The check's own report sheet — recognised by the mark the report writes
/// into it, never by its name — or null; `name` receives its name.
css::uno::Reference<css::sheet::XSpreadsheet> find_report_sheet(
    const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, OUString* name = nullptr);

/// Makes the sheet the report is written into, before anything else changes:
/// the last report's sheet emptied, or a new last sheet with a free name.
/// Returns its name. @throws UserError when the last report's sheet is
/// protected with a password (nothing has changed then).
OUString prepare_report_sheet(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// Writes the report into the sheet prepare_report_sheet() made: the summary,
/// completeness per direction and one row per finding with a link to its
/// cell, and the mark that makes the sheet ours. Changes nothing else.
void write_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& sheet,
                  const ValidationReport& report);

}  // namespace msoko::uno

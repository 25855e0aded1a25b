// SPDX-License-Identifier: MPL-2.0
#pragma once

// The check before submission inside Calc: a snapshot of the open workbook
// for the core, and the report sheet «Проверка» written back.

#include "msoko/validation.hpp"

#include <set>
#include <string>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>

namespace msoko::uno {

inline constexpr const char* kReportSheet = "Проверка";

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
/// bulk (never cell by cell); the report sheet itself is left out. With
/// `formulas`, formula cells are looked for only there; otherwise everywhere.
WorkbookSnapshot snapshot(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                          const css::uno::Reference<css::task::XStatusIndicator>& progress, ReadCost* cost = nullptr,
                          const FormulaPlaces* formulas = nullptr);

/// Replaces the sheet «Проверка» (placed last) with the report: the summary,
/// completeness per direction and one row per finding with a link to its cell.
/// Changes nothing else in the document.
void write_report(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                  const ValidationReport& report);

/// Marks every cell a finding points to (errors red, warnings amber) with a
/// conditional format: the cell's value and own formatting stay untouched,
/// and clear_marks() removes exactly these marks.
void mark_cells(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const ValidationReport& report);

/// Removes the marks (and, unless told otherwise, the report sheet) the check
/// left. Returns the number of ranges unmarked.
std::size_t clear_marks(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                        bool remove_report = true);

}  // namespace msoko::uno

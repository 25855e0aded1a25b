// SPDX-License-Identifier: MPL-2.0
#pragma once

// A workbook as the core's check reads it, taken from a spreadsheet document
// through UNO: the one reader of the extension (in the office's process) and
// of the command line (over the remote bridge of the office it starts).

#include "msoko/catalogue.hpp"
#include "msoko/validation.hpp"

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>

namespace msoko::uno {

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
/// code row) is one of `codes`, every cell of the sheets in `whole_sheets`,
/// and the columns (0-based) of the sheets in `sheet_columns`.
struct FormulaPlaces {
    std::set<std::string> codes;
    std::set<std::string> whole_sheets;
    std::map<std::string, std::vector<int>> sheet_columns;
};

/// Where a form of the catalogue computes cells, which is all the check needs
/// to know of formulas, as the form's contract says: the direction tables'
/// columns that may be computed, and the computed columns of «Показатели».
FormulaPlaces computed_places(const Catalogue& catalogue);

/// Every sheet's used area, its values and which cells hold formulas, read in
/// bulk (never cell by cell); the check's own report sheet is left out. With
/// `formulas`, formula cells are looked for only there; otherwise everywhere.
/// `progress` (may be null) is set to each sheet's index as it is read.
/// @throws UserError when a sheet is too large to read.
WorkbookSnapshot snapshot(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                          const css::uno::Reference<css::task::XStatusIndicator>& progress, ReadCost* cost = nullptr,
                          const FormulaPlaces* formulas = nullptr);

}  // namespace msoko::uno

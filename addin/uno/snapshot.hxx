// SPDX-License-Identifier: MPL-2.0
#pragma once

// A workbook as the core's check reads it, taken from a spreadsheet document
// through UNO: the one reader of the extension (in the office's process) and
// of the command line (over the remote bridge of the office it starts).

#include "msoko/catalogue.hpp"
#include "msoko/validation.hpp"

#include <functional>
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
    double convert_ms = 0;     ///< turning its values into the core's cells (on the worker, overlapping the reading)
    double formulas_ms = 0;    ///< finding the formula cells
    /// How long the calling thread waited for the worker (the check run
    /// while reading) after the last row was read.
    double worker_wait_ms = 0;
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
///
/// The sheets are read in blocks of rows on the calling thread (every UNO
/// call stays there); a worker thread turns each block into the core's cells
/// and runs `while_reading` (when given) on the snapshot as it fills: a
/// sheet's value() and is_formula() wait for their row, so the check reads
/// what has arrived while the office reads the rest. The worker never calls
/// UNO and never sees a row before it is complete. Returns once the worker is
/// done; an exception of `while_reading` is thrown here, after the reading.
/// @throws UserError when a sheet is too large to read.
WorkbookSnapshot snapshot(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                          const css::uno::Reference<css::task::XStatusIndicator>& progress, ReadCost* cost = nullptr,
                          const FormulaPlaces* formulas = nullptr,
                          const std::function<void(const WorkbookSnapshot&)>& while_reading = {});

/// snapshot() with the status bar saying `message` («МСОКО: чтение формы …»)
/// while it reads, ended whatever happens (`progress` may be null).
WorkbookSnapshot snapshot_shown(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                                const css::uno::Reference<css::task::XStatusIndicator>& progress,
                                const std::string& message);

}  // namespace msoko::uno

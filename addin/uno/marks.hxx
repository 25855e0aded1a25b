// SPDX-License-Identifier: MPL-2.0
#pragma once

// The marks of the check before submission: problem cells coloured by
// conditional formats of the extension's own styles, and their removal.

#include "msoko/validation.hpp"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <string>
#include <vector>

namespace msoko::uno {

/// A sheet whose problem cells could not be marked, and how many they are.
struct Unmarked {
    std::string sheet;
    std::size_t cells = 0;
    std::string password_sheet;  ///< the sheet whose password prevented it (this one, or another)
};

/// Marks every cell a finding points to (errors red, warnings amber) with
/// conditional formats, one per sheet and level, so that the cell's value and
/// own formatting stay untouched (a cell with a conditional format of the
/// user's keeps it) and clear_marks() removes exactly these marks. A sheet
/// protected without a password is unprotected for the moment and protected
/// again; one protected with a password is left unmarked and returned (as
/// is every sheet when such a sheet keeps the marks' styles from being made).
std::vector<Unmarked> mark_cells(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                                 const ValidationReport& report);

/// Removes the marks (and, unless told otherwise, the report sheet) the check
/// left, found by their styles — whether or not the report is still there.
/// Returns the number of conditional formats changed.
std::size_t clear_marks(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                        bool remove_report = true);

}  // namespace msoko::uno

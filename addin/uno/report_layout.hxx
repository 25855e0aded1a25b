// SPDX-License-Identifier: MPL-2.0
#pragma once

// Where the report sheet «Проверка» puts what (report.cxx writes it,
// explanations.cxx reads back what the user typed into it). 0-based.

#include <sal/types.h>

#include <cstddef>

namespace msoko::uno::report_layout {

/// The report sheet carries kMark in its hidden mark column, first row: a
/// sheet of the user's that happens to be called «Проверка» is never taken
/// for it (and Calc compares sheet names case-insensitively, so a name cannot
/// tell).
inline constexpr const char* kMark = "org.msoko.calc:report";

/// The title, the summary, a link to the completeness, then the findings'
/// header — the rows that stay in view — and one row per finding.
inline constexpr sal_Int32 kHeaderRow = 3;

/// The columns people read, then the mark's, then the finding's key.
enum Column : sal_Int32 {
    kNumber,
    kLevel,
    kSheet,
    kCell,
    kOrganisation,
    kField,
    kCode,
    kValue,
    kMessage,
    kExplanation,  ///< «Пояснение»: the only column the user types into
    kChecked,
    kRule,
    kColumns,  ///< the columns people read
    kMarkColumn = kColumns,
    // Hidden: which finding a row is (msoko/explanations.hpp), so that an
    // explanation finds its finding again after the user sorted the rows.
    kKeyKind,
    kKeySheet,
    kKeyCell,
    kKeyOrganisation,
    kKeyField,
    kWidth  ///< every column the report writes
};

/// Where earlier reports put the mark: L (issue 13, no «Пояснение») and J
/// (before). Such a sheet is ours too; it holds no explanations.
inline constexpr sal_Int32 kOldMarkColumns[] = {11, 9};

}  // namespace msoko::uno::report_layout

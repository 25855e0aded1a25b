// SPDX-License-Identifier: MPL-2.0
#pragma once

// The explanations the user typed into the report sheet of the last check
// (msoko/explanations.hpp): read back before the next check replaces the
// report, so that they outlive it.

#include "msoko/explanations.hpp"

#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

namespace msoko::uno {

/// Every non-blank «Пояснение» of the workbook's report sheet with the key of
/// the finding its row shows, in the rows' order; none when the workbook has
/// no report sheet, or one written before reports had the column.
std::vector<Explanation> read_explanations(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

}  // namespace msoko::uno

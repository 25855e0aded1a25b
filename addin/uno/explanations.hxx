// SPDX-License-Identifier: MPL-2.0
#pragma once

// The explanations the user typed into the report sheet of the last check
// (msoko/explanations.hpp): read back before the next check replaces the
// report, so that they outlive it.

#include "msoko/explanations.hpp"

#include <vector>

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

namespace msoko::uno {

/// Every «Пояснение» of the workbook's report sheet with the key of the
/// finding its row shows, in the rows' order — blank ones too (the user took
/// an explanation away); none when the workbook has no report sheet, or one
/// written before reports had the column.
std::vector<Explanation> read_explanations(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// The explanations kept in the document's property kExplanationsProperty.
std::vector<Explanation> kept_explanations(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document);

/// Keeps `explanations` in that property (made when the document has none).
void keep_explanations(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                       const std::vector<Explanation>& explanations);

}  // namespace msoko::uno

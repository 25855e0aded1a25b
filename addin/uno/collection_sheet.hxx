// SPDX-License-Identifier: MPL-2.0
#pragma once

// The sheet «Сбор форм» of the municipal form: what the last merge of the
// organisations' sub-forms found (msoko/merge.hpp's CollectionReport), written
// as the core says it. Recognised by a mark in a hidden cell, never by its
// name; the snapshot of the form leaves it out, like the report «Проверка».

#include "msoko/merge.hpp"

#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <rtl/ustring.hxx>

namespace msoko::uno {

/// The mark of the sheet (in its hidden column, first row).
inline constexpr const char* kCollectionMark = "org.msoko.calc:collection";

/// Is this the merge's own sheet «Сбор форм» (by its mark)?
bool is_collection_sheet(const css::uno::Reference<css::sheet::XSpreadsheet>& sheet);

/// Writes the report into the sheet of the last merge (emptied) or into a new
/// last sheet «Сбор форм» (a free name when a sheet of the user's has it);
/// returns the sheet's name. @throws UserError when the last merge's sheet is
/// protected with a password.
rtl::OUString write_collection_sheet(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                                     const CollectionReport& report);

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#pragma once

// The check before submission as every caller runs it — the menu's
// «Проверить форму», «Подготовить к отправке» and `msoko check`/`package`:
// the workbook read in bulk (formulas looked for only where the form
// computes), the core's check run on the rows as they arrive.

#include "msoko/catalogue.hpp"
#include "msoko/validation.hpp"
#include "snapshot.hxx"

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicator.hpp>

namespace msoko::uno {

struct CheckedForm {
    WorkbookSnapshot workbook;  ///< the form as it was read (without the report sheet)
    ValidationReport report;
    ReadCost read;
};

/// Reads and checks the form; `progress` (may be null) steps sheet by sheet.
CheckedForm check_form(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                       const Catalogue& catalogue, const CheckSettings& settings,
                       const css::uno::Reference<css::task::XStatusIndicator>& progress);

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#include "check_run.hxx"

namespace msoko::uno {

CheckedForm check_form(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                       const Catalogue& catalogue, const CheckSettings& settings,
                       const css::uno::Reference<css::task::XStatusIndicator>& progress) {
    CheckedForm out;
    // The check needs to know formulas only where the form computes a cell.
    const FormulaPlaces computed = computed_places(catalogue);
    // The check runs on the rows as they are read (on snapshot()'s worker).
    out.workbook = snapshot(document, progress, &out.read, &computed,
                            [&](const WorkbookSnapshot& wb) { out.report = validate(catalogue, wb, settings); });
    return out;
}

}  // namespace msoko::uno

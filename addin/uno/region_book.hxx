// SPDX-License-Identifier: MPL-2.0
#pragma once

// The regional center's side in the office (issue 17): a municipal form read
// and checked as the region receives it (nothing written into it), and the
// region workbook opened from the core's flat ODF with Calc's own charts.
// Used in the office's process («Данные → МСОКО → Свод по муниципалитетам…»)
// and over the remote bridge (`msoko region`).

#include "msoko/catalogue.hpp"
#include "msoko/region.hpp"
#include "msoko/region_workbook.hpp"
#include "msoko/validation.hpp"

#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <string>

namespace msoko::uno {

/// The form in `document` (opened by the caller, a private copy or read-only)
/// recalculated, read and checked; its figures as the package would give them.
/// `modified`: the file's modification time (ISO 8601), which tells the newer
/// of two forms of one municipality. @throws UserError when it is no form of
/// МСОКО (not_a_form_message()).
RegionForm read_region_form(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                            const Catalogue& catalogue, const CheckSettings& settings, const std::string& file,
                            const std::string& modified);

/// The region workbook loaded from its flat ODF as a new, untitled document
/// (`hidden` for the command line), with a bar chart of each RegionChart:
/// the municipalities' values as bars, the region's value as a line.
/// @throws UserError when the office cannot load it.
css::uno::Reference<css::sheet::XSpreadsheetDocument> open_region_workbook(
    const css::uno::Reference<css::frame::XComponentLoader>& loader, const RegionWorkbook& book, bool hidden);

/// The charts made in an open region workbook (open_region_workbook calls it).
void add_region_charts(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                       const std::vector<RegionChart>& charts);

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#pragma once

// The results workbook of a ВПР import (msoko/vpr_workbook.hpp) opened from
// the core's flat ODF as a new, untitled document, with a Calc column chart
// of each school's histogram of primary scores on «Анализ» (the school's
// pupils and the municipality's, scaled, per score; the Y axis from zero)
// and the heads of its tables frozen in view. Used in the office's process
// («Загрузить результаты ВПР…») and over the remote bridge (`msoko vpr import`).

#include "msoko/vpr_workbook.hpp"

#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <vector>

namespace msoko::uno {

/// The workbook loaded (`hidden` for the command line) with its charts and panes.
/// @throws UserError when the office cannot load it or make its charts.
css::uno::Reference<css::sheet::XSpreadsheetDocument> open_vpr_workbook(
    const css::uno::Reference<css::frame::XComponentLoader>& loader, const vpr::ResultsWorkbook& book, bool hidden);

/// The charts of the histograms made on «Анализ» of an open results workbook.
void add_vpr_charts(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document,
                    const std::vector<vpr::Histogram>& histograms);

}  // namespace msoko::uno

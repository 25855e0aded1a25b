// SPDX-License-Identifier: MPL-2.0
#pragma once

// A column chart of a block of cells, as the region workbook and the ВПР
// results workbook draw theirs: the header row names the series, the first
// column gives the categories, the Y axis starts at 0.

#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <string>

namespace msoko::uno {

struct ColumnChart {
    std::string sheet, name, title;
    int first_row = 0, last_row = 0, first_col = 0, last_col = 0;  ///< the data, 0-based, the header row first
    int anchor_row = 0, anchor_col = 0;                            ///< its top left cell
    int width_cols = 8, height_rows = 14;                          ///< its size in cells (at least 12 × 6 cm)
    int lines = 0;  ///< the last series drawn as lines (the region's value)
};

/// Adds (or replaces) the chart on its sheet. @throws css::uno::Exception from the office.
void add_column_chart(const css::uno::Reference<css::sheet::XSpreadsheetDocument>& document, const ColumnChart& chart);

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
// A column chart of a block of cells (charts.hxx).
#include "charts.hxx"

#include "utf8.hxx"

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/ChartDataRowSource.hpp>
#include <com/sun/star/chart/XAxisYSupplier.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

#include <algorithm>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

void add_column_chart(const Reference<css::sheet::XSpreadsheetDocument>& document, const ColumnChart& c) {
    const OUString sheet_name = from_utf8(c.sheet);
    Reference<css::sheet::XSpreadsheet> sheet(document->getSheets()->getByName(sheet_name), UNO_QUERY_THROW);
    Reference<css::table::XCellRange> cells(sheet, UNO_QUERY_THROW);
    // The chart's place: from its anchor cell's position, as many columns wide and rows tall as it was given.
    Reference<css::beans::XPropertySet> top(cells->getCellByPosition(c.anchor_col, c.anchor_row), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> bottom(
        cells->getCellByPosition(c.anchor_col + c.width_cols, c.anchor_row + c.height_rows), UNO_QUERY_THROW);
    css::awt::Point from, to;
    top->getPropertyValue("Position") >>= from;
    bottom->getPropertyValue("Position") >>= to;
    const css::awt::Rectangle place(from.X, from.Y, std::max<sal_Int32>(to.X - from.X, 12000),
                                    std::max<sal_Int32>(to.Y - from.Y, 6000));
    Reference<css::table::XTableCharts> charts(
        Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts(), UNO_QUERY_THROW);
    const OUString name = from_utf8(c.name);
    if (charts->hasByName(name))
        charts->removeByName(name);
    css::table::CellRangeAddress range;
    range.Sheet = 0;
    const auto names = document->getSheets()->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
        if (names[i] == sheet_name)
            range.Sheet = static_cast<sal_Int16>(i);
    range.StartColumn = c.first_col;
    range.EndColumn = c.last_col;
    range.StartRow = c.first_row;
    range.EndRow = c.last_row;
    charts->addNewByName(name, place, css::uno::Sequence<css::table::CellRangeAddress>(&range, 1),
                         /*ColumnHeaders=*/true, /*RowHeaders=*/true);

    Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(name), UNO_QUERY_THROW);
    Reference<css::chart::XChartDocument> chart(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
    Reference<css::lang::XMultiServiceFactory> factory(chart, UNO_QUERY_THROW);
    Reference<css::chart::XDiagram> diagram(factory->createInstance("com.sun.star.chart.BarDiagram"), UNO_QUERY_THROW);
    chart->setDiagram(diagram);
    Reference<css::beans::XPropertySet> diagram_props(diagram, UNO_QUERY_THROW);
    diagram_props->setPropertyValue("DataRowSource", Any(css::chart::ChartDataRowSource_COLUMNS));
    diagram_props->setPropertyValue("Vertical", Any(false));  // columns standing up
    if (c.lines > 0)
        diagram_props->setPropertyValue("NumberOfLines", Any(sal_Int32(c.lines)));
    Reference<css::beans::XPropertySet> doc_props(chart, UNO_QUERY_THROW);
    doc_props->setPropertyValue("HasMainTitle", Any(true));
    Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
        ->setPropertyValue("String", Any(from_utf8(c.title)));
    doc_props->setPropertyValue("HasLegend", Any(true));
    // From zero: a small difference is not made to look like a chasm, nor two pupils like a peak.
    if (Reference<css::chart::XAxisYSupplier> axes{diagram, UNO_QUERY}; axes.is()) {
        Reference<css::beans::XPropertySet> y(axes->getYAxis(), UNO_QUERY);
        if (y.is()) {
            y->setPropertyValue("AutoMin", Any(false));
            y->setPropertyValue("Min", Any(0.0));
        }
    }
}

}  // namespace msoko::uno

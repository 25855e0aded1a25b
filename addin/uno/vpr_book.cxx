// SPDX-License-Identifier: MPL-2.0
// The results workbook of a ВПР import with Calc's charts (vpr_book.hxx).
#include "vpr_book.hxx"

#include "documents.hxx"
#include "log.hxx"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/ChartDataRowSource.hpp>
#include <com/sun/star/chart/XAxisYSupplier.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

#include <algorithm>
#include <chrono>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

sal_Int16 sheet_index(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name) {
    const auto names = document->getSheets()->getElementNames();
    for (sal_Int32 i = 0; i < names.getLength(); ++i)
        if (names[i] == name)
            return static_cast<sal_Int16>(i);
    throw UserError("в книге результатов нет листа «" + to_utf8(name) + "»");
}

}  // namespace

Reference<css::sheet::XSpreadsheetDocument> open_vpr_workbook(const Reference<css::frame::XComponentLoader>& loader,
                                                              const vpr::ResultsWorkbook& book, bool hidden) {
    // As a template: a new untitled document, which the user saves where they want.
    const auto t0 = std::chrono::steady_clock::now();
    const auto doc = load_flat_odf(loader, book.fods, hidden, /*as_template=*/true, "сделанную книгу результатов ВПР");
    const Reference<css::lang::XComponent> component(doc, UNO_QUERY_THROW);
    try {
        const auto t1 = std::chrono::steady_clock::now();
        add_vpr_charts(doc, book.histograms);
        const auto ms = [](auto a, auto b) {
            return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
        };
        log().info("vpr workbook: {} ms loading its {} bytes of ODF, {} ms making {} charts", ms(t0, t1),
                   book.fods.size(), ms(t1, std::chrono::steady_clock::now()), book.histograms.size());
        // The heads of the tables in view, «Сводка» first, when the document has a view.
        Reference<css::frame::XModel> model(doc, UNO_QUERY);
        Reference<css::sheet::XSpreadsheetView> view(model.is() ? model->getCurrentController() : nullptr, UNO_QUERY);
        Reference<css::sheet::XViewFreezable> freezable(view, UNO_QUERY);
        if (view.is() && freezable.is()) {
            for (const vpr::ResultsWorkbook::Pane& pane : book.panes) {
                view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(
                    doc->getSheets()->getByName(from_utf8(pane.sheet)), UNO_QUERY_THROW));
                freezable->freezeAtPosition(pane.col, pane.row);
            }
            view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(
                doc->getSheets()->getByName(from_utf8(vpr::kSummarySheet)), UNO_QUERY_THROW));
        }
    } catch (const css::uno::Exception& e) {
        close_document(component);
        log().error("vpr: making the charts failed: {}", to_utf8(e.Message));
        throw UserError("LibreOffice не построил диаграммы книги результатов ВПР: " + to_utf8(e.Message));
    } catch (...) {
        close_document(component);
        throw;
    }
    return doc;
}

void add_vpr_charts(const Reference<css::sheet::XSpreadsheetDocument>& document,
                    const std::vector<vpr::Histogram>& histograms) {
    for (const vpr::Histogram& h : histograms) {
        const OUString sheet_name = from_utf8(h.sheet.empty() ? std::string(vpr::kAnalysisSheet) : h.sheet);
        Reference<css::sheet::XSpreadsheet> sheet(document->getSheets()->getByName(sheet_name), UNO_QUERY_THROW);
        Reference<css::table::XCellRange> cells(sheet, UNO_QUERY_THROW);
        Reference<css::table::XTableCharts> charts(
            Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts(), UNO_QUERY_THROW);
        // The chart's place: from its anchor cell, eight columns wide and as many rows tall as it was given.
        Reference<css::beans::XPropertySet> top(cells->getCellByPosition(h.anchor_col, h.anchor_row), UNO_QUERY_THROW);
        Reference<css::beans::XPropertySet> bottom(
            cells->getCellByPosition(h.anchor_col + 8, h.anchor_row + std::max(h.height_rows, 8)), UNO_QUERY_THROW);
        css::awt::Point from, to;
        top->getPropertyValue("Position") >>= from;
        bottom->getPropertyValue("Position") >>= to;
        const css::awt::Rectangle place(from.X, from.Y, std::max<sal_Int32>(to.X - from.X, 12000),
                                        std::max<sal_Int32>(to.Y - from.Y, 6000));
        const OUString name = from_utf8(h.name);
        if (charts->hasByName(name))
            charts->removeByName(name);
        css::table::CellRangeAddress range;
        range.Sheet = sheet_index(document, sheet_name);
        range.StartColumn = h.first_col;
        range.EndColumn = h.last_col;
        range.StartRow = h.first_row;
        range.EndRow = h.last_row;
        // The header row names the series; the first column (the scores) is the categories.
        charts->addNewByName(name, place, css::uno::Sequence<css::table::CellRangeAddress>(&range, 1),
                             /*ColumnHeaders=*/true, /*RowHeaders=*/true);

        Reference<css::document::XEmbeddedObjectSupplier> embedded(charts->getByName(name), UNO_QUERY_THROW);
        Reference<css::chart::XChartDocument> chart(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
        Reference<css::lang::XMultiServiceFactory> factory(chart, UNO_QUERY_THROW);
        Reference<css::chart::XDiagram> diagram(factory->createInstance("com.sun.star.chart.BarDiagram"),
                                                UNO_QUERY_THROW);
        chart->setDiagram(diagram);
        Reference<css::beans::XPropertySet> diagram_props(diagram, UNO_QUERY_THROW);
        diagram_props->setPropertyValue("DataRowSource", Any(css::chart::ChartDataRowSource_COLUMNS));
        diagram_props->setPropertyValue("Vertical", Any(false));  // columns standing up
        Reference<css::beans::XPropertySet> doc_props(chart, UNO_QUERY_THROW);
        doc_props->setPropertyValue("HasMainTitle", Any(true));
        Reference<css::beans::XPropertySet>(chart->getTitle(), UNO_QUERY_THROW)
            ->setPropertyValue("String", Any(from_utf8(h.title)));
        doc_props->setPropertyValue("HasLegend", Any(true));
        // Pupils from zero: a peak is not made out of a difference of two pupils.
        if (Reference<css::chart::XAxisYSupplier> axes{diagram, UNO_QUERY}; axes.is()) {
            Reference<css::beans::XPropertySet> y(axes->getYAxis(), UNO_QUERY);
            if (y.is()) {
                y->setPropertyValue("AutoMin", Any(false));
                y->setPropertyValue("Min", Any(0.0));
            }
        }
    }
}

}  // namespace msoko::uno

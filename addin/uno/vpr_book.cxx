// SPDX-License-Identifier: MPL-2.0
// The results workbook of a ВПР import with Calc's charts (vpr_book.hxx).
#include "vpr_book.hxx"

#include "charts.hxx"

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
        ColumnChart c;
        c.sheet = h.sheet.empty() ? std::string(vpr::kAnalysisSheet) : h.sheet;
        c.name = h.name;
        c.title = h.title;
        c.first_row = h.first_row, c.last_row = h.last_row, c.first_col = h.first_col, c.last_col = h.last_col;
        c.anchor_row = h.anchor_row, c.anchor_col = h.anchor_col;
        c.width_cols = 8;
        c.height_rows = std::max(h.height_rows, 8);
        add_column_chart(document, c);
    }
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
// A municipal form read for the region, and the region workbook with Calc's
// charts (region_book.hxx).
#include "region_book.hxx"

#include "charts.hxx"

#include "check_run.hxx"
#include "documents.hxx"
#include "explanations.hxx"
#include "log.hxx"
#include "msoko/form_reader.hpp"
#include "msoko/report_model.hpp"
#include "msoko/submission.hpp"
#include "msoko/text.hpp"
#include "report.hxx"
#include "temp_file.hxx"
#include "utf8.hxx"

#include <com/sun/star/awt/Point.hpp>
#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Size.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/chart/ChartDataRowSource.hpp>
#include <com/sun/star/chart/XAxisYSupplier.hpp>
#include <com/sun/star/chart/XChartDocument.hpp>
#include <com/sun/star/chart/XDiagram.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/document/XEmbeddedObjectSupplier.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCellRange.hpp>
#include <com/sun/star/table/XTableCharts.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>

#include <fstream>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

RegionForm read_region_form(const Reference<css::sheet::XSpreadsheetDocument>& document, const Catalogue& catalogue,
                            const CheckSettings& settings, const std::string& file, const std::string& modified) {
    // The formulas computed by this office's extension: a form saved where
    // МСОКО was not installed keeps error values otherwise.
    Reference<css::sheet::XCalculatable>(document, UNO_QUERY_THROW)->calculateAll();
    CheckedForm checked = check_form(document, catalogue, settings, nullptr);
    if (not_a_form(checked.report))
        throw UserError(checked.report.findings.empty() ? not_a_form_message()
                                                        : checked.report.findings.front().message);
    ReportModel model = report_model(checked.report, catalogue);
    // The explanations the form keeps of its last check's warnings.
    explain(model, kept_explanations(document));
    // Its figures name the catalogue version of its passport: the region refuses another one.
    const SubmissionFigures figures = submission_figures(catalogue, checked.workbook, model);
    return region_form(file, figures, model, modified, checked.report.frozen_copy);
}

Reference<css::sheet::XSpreadsheetDocument> open_region_workbook(const Reference<css::frame::XComponentLoader>& loader,
                                                                 const RegionWorkbook& book, bool hidden) {
    // As a template: a new untitled document, which the user saves where they want.
    const auto doc =
        load_flat_odf(loader, book.fods, hidden, /*as_template=*/true, "сделанный свод по муниципалитетам");
    const Reference<css::lang::XComponent> component(doc, UNO_QUERY_THROW);
    try {
        add_region_charts(doc, book.charts);
        // The header rows and columns in view, «Готовность» first, when the document has a view.
        Reference<css::frame::XModel> model(doc, UNO_QUERY);
        Reference<css::sheet::XSpreadsheetView> view(model.is() ? model->getCurrentController() : nullptr, UNO_QUERY);
        Reference<css::sheet::XViewFreezable> freezable(view, UNO_QUERY);
        if (view.is() && freezable.is()) {
            for (const RegionPane& pane : book.panes) {
                view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(
                    doc->getSheets()->getByName(from_utf8(pane.sheet)), UNO_QUERY_THROW));
                freezable->freezeAtPosition(pane.col, pane.row);
            }
            view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(
                doc->getSheets()->getByName(from_utf8(kRegionReadinessSheet)), UNO_QUERY_THROW));
        }
    } catch (const css::uno::Exception& e) {
        close_document(component);
        log().error("region: making the charts failed: {}", to_utf8(e.Message));
        throw UserError("LibreOffice не построил диаграммы свода: " + to_utf8(e.Message));
    }
    return doc;
}

void add_region_charts(const Reference<css::sheet::XSpreadsheetDocument>& document,
                       const std::vector<RegionChart>& charts) {
    for (const RegionChart& chart : charts) {
        ColumnChart c;
        c.sheet = chart.sheet;
        c.name = chart.name;
        c.title = chart.title;
        c.first_row = chart.first_row, c.last_row = chart.last_row;
        c.first_col = chart.first_col, c.last_col = chart.last_col;
        c.anchor_row = chart.anchor_row, c.anchor_col = chart.anchor_col;
        c.width_cols = 9;
        c.height_rows = chart.height_rows;
        c.lines = 1;  // the region's value: a line
        add_column_chart(document, c);
    }
}

}  // namespace msoko::uno

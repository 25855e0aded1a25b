// SPDX-License-Identifier: MPL-2.0
// A municipal form read for the region, and the region workbook with Calc's
// charts (region_book.hxx).
#include "region_book.hxx"

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
        Reference<css::sheet::XSpreadsheet> sheet(document->getSheets()->getByName(from_utf8(chart.sheet)),
                                                  UNO_QUERY_THROW);
        Reference<css::table::XCellRange> cells(sheet, UNO_QUERY_THROW);
        // The chart's place: from its anchor cell's position, as many rows tall as it was given.
        Reference<css::beans::XPropertySet> top(cells->getCellByPosition(chart.anchor_col, chart.anchor_row),
                                                UNO_QUERY_THROW);
        Reference<css::beans::XPropertySet> bottom(
            cells->getCellByPosition(chart.anchor_col + 9, chart.anchor_row + chart.height_rows), UNO_QUERY_THROW);
        css::awt::Point from, to;
        top->getPropertyValue("Position") >>= from;
        bottom->getPropertyValue("Position") >>= to;
        const css::awt::Rectangle place(from.X, from.Y, std::max<sal_Int32>(to.X - from.X, 12000),
                                        std::max<sal_Int32>(to.Y - from.Y, 7000));
        Reference<css::table::XTableCharts> table_charts(
            Reference<css::table::XTableChartsSupplier>(sheet, UNO_QUERY_THROW)->getCharts(), UNO_QUERY_THROW);
        const OUString name = from_utf8(chart.name);
        if (table_charts->hasByName(name))
            table_charts->removeByName(name);
        css::table::CellRangeAddress range;
        range.Sheet = [&] {
            const auto names = document->getSheets()->getElementNames();
            for (sal_Int32 i = 0; i < names.getLength(); ++i)
                if (names[i] == from_utf8(chart.sheet))
                    return static_cast<sal_Int16>(i);
            return static_cast<sal_Int16>(0);
        }();
        range.StartColumn = chart.first_col;
        range.EndColumn = chart.last_col;
        range.StartRow = chart.first_row;
        range.EndRow = chart.last_row;
        table_charts->addNewByName(name, place, css::uno::Sequence<css::table::CellRangeAddress>(&range, 1),
                                   /*ColumnHeaders=*/true, /*RowHeaders=*/true);

        Reference<css::document::XEmbeddedObjectSupplier> embedded(table_charts->getByName(name), UNO_QUERY_THROW);
        Reference<css::chart::XChartDocument> chart_doc(embedded->getEmbeddedObject(), UNO_QUERY_THROW);
        Reference<css::lang::XMultiServiceFactory> factory(chart_doc, UNO_QUERY_THROW);
        Reference<css::chart::XDiagram> diagram(factory->createInstance("com.sun.star.chart.BarDiagram"),
                                                UNO_QUERY_THROW);
        chart_doc->setDiagram(diagram);
        Reference<css::beans::XPropertySet> diagram_props(diagram, UNO_QUERY_THROW);
        diagram_props->setPropertyValue("DataRowSource", Any(css::chart::ChartDataRowSource_COLUMNS));
        diagram_props->setPropertyValue("Vertical", Any(false));              // columns standing up
        diagram_props->setPropertyValue("NumberOfLines", Any(sal_Int32(1)));  // the region's value: a line
        Reference<css::beans::XPropertySet> doc_props(chart_doc, UNO_QUERY_THROW);
        doc_props->setPropertyValue("HasMainTitle", Any(true));
        Reference<css::beans::XPropertySet>(chart_doc->getTitle(), UNO_QUERY_THROW)
            ->setPropertyValue("String", Any(from_utf8(chart.title)));
        doc_props->setPropertyValue("HasLegend", Any(true));
        // Bars from zero: a difference of a tenth of a percent is not made to look like a chasm.
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

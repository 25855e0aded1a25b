// SPDX-License-Identifier: MPL-2.0
// msoko check: the check before submission as the menu command runs it — the
// form opened in the private office (the extension computes its formulas),
// read with the extension's own snapshot reader, checked by the core, and the
// report sheet and marks left on the private copy exactly as the menu leaves
// them; what is printed is rendered from the same report model.
#include "check_run.hxx"
#include "commands.hxx"
#include "msoko/catalogue.hpp"
#include "msoko/report_model.hpp"
#include "msoko/validation.hpp"
#include "report.hxx"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>

#include <iostream>

namespace msoko::cli {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

int check(const Common& common, const fs::path& workbook, const fs::path& save, const CheckSettings& settings) {
    const Catalogue catalogue = read_catalogue(common.catalogue.string());
    office::Office office(office_options(common));
    // A private copy takes the report sheet and the marks (a document opened
    // read-only would not) whatever the file's permissions or another user's
    // lock; the file itself is only read. A view only when the copy is saved:
    // it opens on its report.
    auto doc = office.open(workbook, office::Office::Access::Copy, /*with_view=*/!save.empty());
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    uno::PublishedReport published;
    try {
        // As the menu command does.
        const ValidationReport report = uno::check_form(doc, catalogue, settings, {}).report;
        // A workbook that is not a form takes no report sheet (as in the menu command).
        if (uno::not_a_form(report))
            published.shown = report;
        else
            published = uno::publish_report(doc, report, catalogue);
    } catch (const uno::UserError& e) {
        office::Office::close(doc);
        throw office::OfficeError(std::string("проверка не выполнена: ") + e.what() + " / the check did not run");
    }
    if (!save.empty()) {
        Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
        if (Reference<css::sheet::XSpreadsheetView> view{model->getCurrentController(), UNO_QUERY};
            view.is() && !published.sheet.isEmpty())
            view->setActiveSheet(
                Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(published.sheet), UNO_QUERY_THROW));
        store(doc, save, "calc8");
    }
    office::Office::close(doc);
    if (common.keep_profile)
        std::cerr << "Профиль сохранён / profile kept: " << office.profile().string() << "\n";
    // With the explanations typed into the form's last report, as its report sheet shows them.
    const ReportModel model = published.sheet.isEmpty() ? report_model(published.shown, catalogue) : published.model;
    const std::string name = workbook.filename().string();
    switch (common.format) {
        case Format::Text:
            std::cout << report_text(model, name);
            break;
        case Format::Tsv:
            std::cout << report_tsv(model);
            break;
        case Format::Json:
            std::cout << report_json(model, name) << "\n";
            break;
    }
    return model.ready ? kDone : kNotReady;
}

}  // namespace msoko::cli

// SPDX-License-Identifier: MPL-2.0
#include "form_view.hxx"

#include "msoko/form.hpp"

#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>

namespace msoko::uno {

using css::uno::Reference;
using rtl::OUString;

void freeze_panes(const Reference<css::uno::XInterface>& document, const Catalogue& catalogue) {
    Reference<css::frame::XModel> model(document, css::uno::UNO_QUERY);
    Reference<css::sheet::XSpreadsheetDocument> doc(document, css::uno::UNO_QUERY);
    if (!model.is() || !doc.is())
        return;
    Reference<css::sheet::XSpreadsheetView> view(model->getCurrentController(), css::uno::UNO_QUERY);
    Reference<css::sheet::XViewFreezable> freezable(view, css::uno::UNO_QUERY);
    if (!view.is() || !freezable.is())
        return;
    const auto sheets = doc->getSheets();
    Reference<css::sheet::XSpreadsheet> first;
    for (const auto& pane : form_panes(catalogue)) {
        const OUString name = OUString::fromUtf8(pane.sheet.c_str());
        if (!sheets->hasByName(name))
            continue;
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(name), css::uno::UNO_QUERY_THROW);
        view->setActiveSheet(sheet);
        freezable->freezeAtPosition(pane.column, pane.row);
    }
    if (sheets->hasByName(OUString::fromUtf8(kPassportSheet)))
        view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(sheets->getByName(OUString::fromUtf8(kPassportSheet)),
                                                                 css::uno::UNO_QUERY_THROW));
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#include "migrate_form.hxx"

#include "documents.hxx"
#include "extension.hxx"
#include "form_view.hxx"
#include "msoko/form.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/new_form.hpp"
#include "msoko/version.hpp"
#include "snapshot.hxx"
#include "temp_file.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XTitle.hpp>

#include <fstream>
#include <stdexcept>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

Reference<css::lang::XComponent> open_new_form(const Reference<css::uno::XComponentContext>& context,
                                               const Catalogue& catalogue, const FormData& data,
                                               const std::string& file_name) {
    const std::string fods = form_fods(catalogue, data, std::string("МСОКО для Calc ") + extension_version());
    TempFile file(".fods");
    {
        std::ofstream out(file.path(), std::ios::binary);
        out << fods;
        if (!out)
            throw std::runtime_error("cannot write a temporary file");
    }
    // AsTemplate: the user gets an untitled document; Save As suggests the name.
    const auto args = properties({{"AsTemplate", Any(true)},
                                  {"FilterName", Any(OUString("OpenDocument Spreadsheet Flat XML"))},
                                  {"SuggestedSaveAsName", Any(from_utf8(file_name))}});
    Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(context), UNO_QUERY_THROW);
    auto doc = loader->loadComponentFromURL(file.url(), "_blank", 0, args);
    if (!doc.is())
        throw std::runtime_error("LibreOffice did not open the generated form");
    freeze_panes(doc, catalogue);
    const std::string stem = file_name.size() > 4 && file_name.compare(file_name.size() - 4, 4, ".ods") == 0
                                 ? file_name.substr(0, file_name.size() - 4)
                                 : file_name;
    if (Reference<css::frame::XTitle> title{doc, UNO_QUERY}; title.is())
        title->setTitle(from_utf8(stem));
    return doc;
}

Migration migrate_document(const Reference<css::uno::XComponentContext>& context,
                           const Reference<css::sheet::XSpreadsheetDocument>& document,
                           const Reference<css::task::XStatusIndicator>& progress) {
    const Catalogue& catalogue = installed_catalogue(context);
    const WorkbookSnapshot old = snapshot_shown(document, progress, "МСОКО: чтение формы прежней версии…");
    std::string version;
    try {
        version = migration_source_version(catalogue, old);
    } catch (const std::runtime_error& e) {
        throw UserError(e.what());
    }
    const Catalogue& old_catalogue = history_catalogue(context, version);
    try {
        return migrate_form(old_catalogue, catalogue, old);
    } catch (const std::runtime_error& e) {
        throw UserError(e.what());
    }
}

std::string migrated_file_name(const Migration& migration) {
    const auto passport = [&](const char* key) {
        const auto it = migration.data.passport.find(key);
        return it == migration.data.passport.end() ? std::string() : it->second;
    };
    const std::string name = suggested_file_name(passport("municipality"), passport(kPassportPeriod));
    return name.substr(0, name.size() - 4) + " (версия " + migration.to_version + ").ods";
}

}  // namespace msoko::uno

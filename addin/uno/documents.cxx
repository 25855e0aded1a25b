// SPDX-License-Identifier: MPL-2.0
#include "documents.hxx"

#include "log.hxx"
#include "snapshot.hxx"
#include "temp_file.hxx"
#include "utf8.hxx"

#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <fstream>
#include <osl/file.hxx>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;

css::beans::PropertyValue property(const char* name, const Any& value) {
    css::beans::PropertyValue p;
    p.Name = rtl::OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

Sequence<css::beans::PropertyValue> properties(std::initializer_list<std::pair<const char*, Any>> items) {
    Sequence<css::beans::PropertyValue> out(static_cast<sal_Int32>(items.size()));
    sal_Int32 k = 0;
    for (const auto& [name, value] : items)
        out.getArray()[k++] = property(name, value);
    return out;
}

void close_document(const Reference<css::lang::XComponent>& document) noexcept {
    try {
        if (Reference<css::util::XCloseable> c{document, css::uno::UNO_QUERY}; c.is())
            c->close(true);
        else if (document.is())
            document->dispose();
    } catch (...) {
    }
}

rtl::OUString file_url(const std::filesystem::path& file) {
    rtl::OUString url;
    const auto path = std::filesystem::absolute(file).lexically_normal().u8string();
    if (osl::FileBase::getFileURLFromSystemPath(from_utf8(std::string(path.begin(), path.end())), url) !=
        osl::FileBase::E_None)
        throw UserError("недопустимое имя файла «" + std::string(path.begin(), path.end()) + "»");
    return url;
}

css::uno::Reference<css::sheet::XSpreadsheetDocument> load_flat_odf(
    const css::uno::Reference<css::frame::XComponentLoader>& loader, const std::string& fods, bool hidden,
    bool as_template, const std::string& made) {
    using css::uno::Any;
    TempFile flat(".fods", "не удалось создать временный файл: нет доступа к временной папке?");
    {
        std::ofstream out(flat.path(), std::ios::binary);
        out << fods;
        if (!out)
            throw UserError("не удалось записать временный файл: нет места на диске?");
    }
    const auto load = properties({{"Hidden", Any(hidden)},
                                  {"AsTemplate", Any(as_template)},
                                  {"FilterName", Any(rtl::OUString("OpenDocument Spreadsheet Flat XML"))},
                                  {"MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE)},
                                  {"UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE)}});
    css::uno::Reference<css::lang::XComponent> component;
    try {
        component = loader->loadComponentFromURL(flat.url(), "_blank", 0, load);
    } catch (const css::uno::Exception& e) {
        log().error("loading a generated workbook failed: {}", to_utf8(e.Message));
    }
    css::uno::Reference<css::sheet::XSpreadsheetDocument> doc(component, css::uno::UNO_QUERY);
    if (!doc.is()) {
        close_document(component);
        throw UserError("LibreOffice не открыл " + made);
    }
    return doc;
}

std::filesystem::path local_path(const rtl::OUString& url_or_path) {
    if (!url_or_path.startsWith("file:"))
        return std::filesystem::u8path(to_utf8(url_or_path));
    rtl::OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url_or_path, path) != osl::FileBase::E_None)
        throw UserError("«" + to_utf8(url_or_path) + "» не на этом компьютере: откройте файл с диска");
    return std::filesystem::u8path(to_utf8(path));
}

}  // namespace msoko::uno

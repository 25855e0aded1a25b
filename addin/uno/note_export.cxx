// SPDX-License-Identifier: MPL-2.0
#include "note_export.hxx"

#include "documents.hxx"
#include "log.hxx"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/SequenceInputStream.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <osl/file.hxx>

#include <chrono>
#include <utility>
#include <vector>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

std::string cannot_write(const fs::path& file) {
    return "не удалось записать файл «" + file.string() +
           "»: нет доступа к папке, на диске нет места или файл открыт в другой программе";
}

void store(const Reference<css::frame::XStorable>& document, const fs::path& file, const char* filter) {
    const OUString url = file_url(file);
    try {
        document->storeToURL(
            url, properties({{"FilterName", Any(OUString::createFromAscii(filter))}, {"Overwrite", Any(true)}}));
    } catch (const css::uno::Exception& e) {
        log().error("export_note: {} not stored ({}): {}", filter, file.filename().string(), to_utf8(e.Message));
        throw UserError(cannot_write(file));
    }
}

}  // namespace

void export_note(const Reference<css::uno::XComponentContext>& context, const std::string& fodt, const fs::path& odt,
                 const fs::path& pdf) {
    const auto started = std::chrono::steady_clock::now();
    // From memory: no temporary file to leave behind, and a remote office
    // reads the bytes over the bridge.
    const Sequence<sal_Int8> bytes(reinterpret_cast<const sal_Int8*>(fodt.data()), static_cast<sal_Int32>(fodt.size()));
    const Reference<css::io::XInputStream> stream(
        css::io::SequenceInputStream::createStreamFromSequence(context, bytes), UNO_QUERY_THROW);
    Reference<css::lang::XComponent> doc;
    try {
        doc = Reference<css::frame::XComponentLoader>(css::frame::Desktop::create(context), UNO_QUERY_THROW)
                  ->loadComponentFromURL("private:stream", "_blank", 0,
                                         properties({{"Hidden", Any(true)},
                                                     {"InputStream", Any(stream)},
                                                     {"FilterName", Any(OUString("OpenDocument Text Flat XML"))}}));
    } catch (const css::uno::Exception& e) {
        log().error("export_note: the note was not loaded: {}", to_utf8(e.Message));
    }
    const ClosedAtExit closed(doc);  // whatever happens below
    const Reference<css::frame::XStorable> storable(doc, UNO_QUERY);
    const Reference<css::text::XTextDocument> text(doc, UNO_QUERY);
    if (!storable.is() || !text.is())
        throw UserError(
            "LibreOffice Writer не смог открыть пояснительную записку: проверьте, что Writer установлен "
            "(пакет libreoffice-writer)");
    // Text that is not a flat ODF document opens as an empty one: no note to store.
    if (text->getText()->getString().isEmpty())
        throw UserError("пояснительная записка не составлена: LibreOffice Writer не прочитал её текст");
    store(storable, odt, "writer8");
    store(storable, pdf, "writer_pdf_Export");
    log().info(
        "export_note: the note stored as .odt and .pdf in {} ms",
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count());
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#include "subforms_make.hxx"

#include "documents.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "msoko/form.hpp"
#include "msoko/package.hpp"
#include "msoko/subform.hpp"
#include "msoko/version.hpp"
#include "snapshot.hxx"
#include "temp_file.hxx"
#include "utf8.hxx"

#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/embed/ElementModes.hpp>
#include <com/sun/star/embed/StorageFactory.hpp>
#include <com/sun/star/embed/XStorage.hpp>
#include <com/sun/star/embed/XTransactedObject.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/io/XOutputStream.hpp>
#include <com/sun/star/io/XStream.hpp>
#include <com/sun/star/lang/XSingleServiceFactory.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <osl/file.hxx>

#include <fstream>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

std::string u8(const fs::path& p) {
    const auto s = p.u8string();
    return std::string(s.begin(), s.end());
}

// The view settings of a sub-form's flat ODF (the frozen panes of its sheets,
// «Инструкция» in view) put into the .ods stored from it: a hidden document
// stores no view of its own (LibreOffice keeps only a visible view's).
void keep_view_settings(const Reference<css::uno::XComponentContext>& context, const fs::path& ods,
                        const std::string& fods) {
    static const std::string kOpen = R"(<config:config-item-set config:name="ooo:view-settings">)",
                             kClose = "</config:config-item-set>";
    const auto set_in = [](const std::string& xml) -> std::pair<std::size_t, std::size_t> {
        const std::size_t from = xml.find(kOpen);
        const std::size_t to = from == std::string::npos ? from : xml.find(kClose, from);
        return {from, to == std::string::npos ? to : to + kClose.size()};
    };
    const auto [from, to] = set_in(fods);
    if (to == std::string::npos)
        return;
    const Any arguments[] = {Any(file_url(ods)), Any(css::embed::ElementModes::READWRITE)};
    // StorageFactory offers only XSingleServiceFactory, which the SDK marks deprecated as a whole.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    const Reference<css::embed::XStorage> storage(
        css::embed::StorageFactory::create(context)->createInstanceWithArguments(css::uno::Sequence<Any>(arguments, 2)),
        UNO_QUERY_THROW);
#pragma GCC diagnostic pop
    const OnExit dispose([&] { Reference<css::lang::XComponent>(storage, UNO_QUERY_THROW)->dispose(); });
    std::string settings;
    {
        const auto in = storage->openStreamElement("settings.xml", css::embed::ElementModes::READ)->getInputStream();
        css::uno::Sequence<sal_Int8> bytes;
        while (in->readBytes(bytes, 65536) > 0)
            settings.append(reinterpret_cast<const char*>(bytes.getConstArray()),
                            static_cast<std::size_t>(bytes.getLength()));
        in->closeInput();
    }
    const auto [stored_from, stored_to] = set_in(settings);
    if (stored_to == std::string::npos)
        return;
    settings.replace(stored_from, stored_to - stored_from, fods.substr(from, to - from));
    const auto out = storage
                         ->openStreamElement("settings.xml",
                                             css::embed::ElementModes::READWRITE | css::embed::ElementModes::TRUNCATE)
                         ->getOutputStream();
    out->writeBytes(css::uno::Sequence<sal_Int8>(reinterpret_cast<const sal_Int8*>(settings.data()),
                                                 static_cast<sal_Int32>(settings.size())));
    out->closeOutput();
    Reference<css::embed::XTransactedObject>(storage, UNO_QUERY_THROW)->commit();
}

// One sub-form written as .ods: its flat ODF opened hidden, recalculated, stored.
void write_subform(const Reference<css::uno::XComponentContext>& context,
                   const Reference<css::frame::XComponentLoader>& loader, const Catalogue& catalogue,
                   const Subform& subform, const fs::path& target) {
    const std::string fods = form_fods(catalogue, subform.data, std::string("МСОКО для Calc ") + extension_version());
    const auto doc = load_flat_odf(loader, fods, /*hidden=*/true, /*as_template=*/false, "сделанную форму организации");
    const Reference<css::lang::XComponent> component(doc, UNO_QUERY_THROW);
    const ClosedAtExit closed(component);
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
    try {
        Reference<css::frame::XStorable>(component, UNO_QUERY_THROW)
            ->storeToURL(file_url(target),
                         properties({{"FilterName", Any(OUString("calc8"))}, {"Overwrite", Any(true)}}));
    } catch (const css::uno::Exception& e) {
        log().error("subforms: storing a sub-form failed: {}", to_utf8(e.Message));
        throw UserError("не удалось записать файл «" + subform.file_name +
                        "»: нет доступа к папке, нет места на диске или файл открыт другой программой");
    }
    try {
        keep_view_settings(context, target, fods);
    } catch (const css::uno::Exception& e) {  // the file is whole; only its first view is Calc's default
        log().warn("subforms: the view settings of a sub-form were not kept: {}", to_utf8(e.Message));
    }
}

}  // namespace

fs::path default_subforms_folder(const fs::path& form) {
    return form.parent_path() / fs::u8path(u8(form.stem()) + " — формы организаций");
}

SubformsOutcome make_subforms(const Reference<css::uno::XComponentContext>& context,
                              const Reference<css::sheet::XSpreadsheetDocument>& document, const Catalogue& catalogue,
                              const SubformsRequest& request, const Reference<css::task::XStatusIndicator>& progress) {
    SubformsOutcome out;
    const WorkbookSnapshot form = snapshot_shown(document, progress, "МСОКО: чтение формы…");
    std::vector<Subform> subforms;
    try {
        subforms = make_subforms(catalogue, form, prepared_now().text);
    } catch (const std::runtime_error& e) {
        throw UserError(std::string("формы для организаций не сделаны: ") + e.what());
    }
    // The folder: never replaced without asking.
    out.folder = request.folder.empty() ? default_subforms_folder(request.form) : request.folder;
    bool replace = false;
    if (std::error_code ec; fs::exists(fs::symlink_status(out.folder, ec))) {
        replace = request.replace && request.replace(out.folder);
        if (!replace) {
            out.status = SubformsOutcome::Status::Kept;
            out.message = "Папка «" + u8(out.folder) + "» уже есть, и она не заменена: формы организаций не записаны.";
            return out;
        }
    }
    struct Progress {
        Reference<css::task::XStatusIndicator> indicator;
        ~Progress() {
            if (indicator.is())
                indicator->end();
        }
    } shown{progress};
    if (progress.is())
        progress->start(from_utf8("МСОКО: формы для организаций…"), static_cast<sal_Int32>(subforms.size()));
    try {
        StagedFolder staged(out.folder);
        Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(context), UNO_QUERY_THROW);
        for (std::size_t i = 0; i < subforms.size(); ++i) {
            if (progress.is()) {
                progress->setText(from_utf8("МСОКО: форма организации " + std::to_string(i + 1) + " из " +
                                            std::to_string(subforms.size()) + "…"));
                progress->setValue(static_cast<sal_Int32>(i));
            }
            write_subform(context, loader, catalogue, subforms[i], staged.file(subforms[i].file_name));
            out.files.push_back(subforms[i].file_name);
        }
        staged.commit(replace);
    } catch (const PackageError& e) {
        throw UserError(std::string("формы для организаций не записаны: ") + e.what());
    }
    log().info("subforms made: {}", out.files.size());
    out.status = SubformsOutcome::Status::Written;
    const auto passport = [&](const char* key) {
        const auto& p = subforms.front().data.subform_return_to;
        const auto it = p.find(key);
        return it == p.end() ? std::string() : it->second;
    };
    std::string list;
    for (const std::string& f : out.files)
        list += "\n  " + f;
    out.message = "Формы для организаций (файлов: " + std::to_string(out.files.size()) +
                  ", по одному на организацию реестра) записаны в папку «" + u8(out.folder) + "»:" + list +
                  "\n\nОтправьте каждой организации её файл. Организация заполняет жёлтые ячейки, проверяет "
                  "форму (Данные → МСОКО → Проверить форму) и возвращает этот же файл" +
                  (passport("email").empty() ? std::string() : " (на " + passport("email") + ")") +
                  ". Что делать с формой, сказано на её первом листе «" + kInstructionSheet +
                  "». Собрать вернувшиеся формы: Данные → МСОКО → Собрать формы организаций.";
    return out;
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#include "subforms_make.hxx"

#include "documents.hxx"
#include "log.hxx"
#include "msoko/form.hpp"
#include "msoko/package.hpp"
#include "msoko/subform.hpp"
#include "msoko/version.hpp"
#include "snapshot.hxx"
#include "temp_file.hxx"
#include "utf8.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
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

OUString url_of(const fs::path& file) {
    OUString url;
    if (osl::FileBase::getFileURLFromSystemPath(from_utf8(u8(fs::absolute(file))), url) != osl::FileBase::E_None)
        throw UserError("не удалось записать файл «" + u8(file) + "»: недопустимое имя");
    return url;
}

// The view of a sub-form as it is first opened: the panes of its visible
// sheets frozen as a form's (form_panes), «Инструкция» in view. A hidden sheet
// is never made active (Calc would show it).
void sub_form_view(const Reference<css::lang::XComponent>& component, const Catalogue& catalogue) {
    Reference<css::frame::XModel> model(component, UNO_QUERY);
    Reference<css::sheet::XSpreadsheetDocument> doc(component, UNO_QUERY);
    if (!model.is() || !doc.is())
        return;
    Reference<css::sheet::XSpreadsheetView> view(model->getCurrentController(), UNO_QUERY);
    Reference<css::sheet::XViewFreezable> freezable(view, UNO_QUERY);
    if (!view.is() || !freezable.is())
        return;
    const auto sheets = doc->getSheets();
    for (const auto& pane : form_panes(catalogue)) {
        const OUString name = from_utf8(pane.sheet);
        if (!sheets->hasByName(name))
            continue;
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByName(name), UNO_QUERY_THROW);
        bool visible = true;
        Reference<css::beans::XPropertySet>(sheet, UNO_QUERY_THROW)->getPropertyValue("IsVisible") >>= visible;
        if (!visible)
            continue;
        view->setActiveSheet(sheet);
        freezable->freezeAtPosition(pane.column, pane.row);
    }
    if (sheets->hasByName(from_utf8(kInstructionSheet)))
        view->setActiveSheet(
            Reference<css::sheet::XSpreadsheet>(sheets->getByName(from_utf8(kInstructionSheet)), UNO_QUERY_THROW));
}

// One sub-form written as .ods: its flat ODF opened hidden, recalculated, stored.
void write_subform(const Reference<css::frame::XComponentLoader>& loader, const Catalogue& catalogue,
                   const Subform& subform, const fs::path& target) {
    TempFile flat(".fods", "не удалось создать временный файл для формы организации");
    {
        std::ofstream out(flat.path(), std::ios::binary);
        out << form_fods(catalogue, subform.data, std::string("МСОКО для Calc ") + extension_version());
        if (!out)
            throw UserError("не удалось записать временный файл для формы организации: нет места на диске?");
    }
    const auto load = properties({{"Hidden", Any(true)},
                                  {"FilterName", Any(OUString("OpenDocument Spreadsheet Flat XML"))},
                                  {"MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE)},
                                  {"UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE)}});
    Reference<css::lang::XComponent> component;
    try {
        component = loader->loadComponentFromURL(flat.url(), "_blank", 0, load);
    } catch (const css::uno::Exception& e) {
        log().error("subforms: loading a generated sub-form failed: {}", to_utf8(e.Message));
    }
    if (!component.is())
        throw UserError("LibreOffice не открыл сделанную форму организации");
    const ClosedAtExit closed(component);
    Reference<css::sheet::XCalculatable>(component, UNO_QUERY_THROW)->calculateAll();
    sub_form_view(component, catalogue);
    try {
        Reference<css::frame::XStorable>(component, UNO_QUERY_THROW)
            ->storeToURL(url_of(target),
                         properties({{"FilterName", Any(OUString("calc8"))}, {"Overwrite", Any(true)}}));
    } catch (const css::uno::Exception& e) {
        log().error("subforms: storing a sub-form failed: {}", to_utf8(e.Message));
        throw UserError("не удалось записать файл «" + subform.file_name +
                        "»: нет доступа к папке, нет места на диске или файл открыт другой программой");
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
            write_subform(loader, catalogue, subforms[i], staged.file(subforms[i].file_name));
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

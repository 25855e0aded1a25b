// SPDX-License-Identifier: MPL-2.0
// «Данные → МСОКО → Свод по муниципалитетам…»: the regional center's command
// — a folder of municipal forms and packages chosen, each read and checked
// here (hidden, read-only; a form the user has open is read as it is and
// left open), the region made by the core and its workbook opened as a new
// document with Calc's charts (region_book.hxx). The forms are not changed.
#include "dispatcher.hxx"

#include "documents.hxx"
#include "extension.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "msoko/region_files.hpp"
#include "msoko/version.hpp"
#include "options.hxx"
#include "region_book.hxx"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FolderPicker.hpp>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

/// A document of this office already open from `url`, or none.
Reference<css::sheet::XSpreadsheetDocument> open_already(const Reference<css::frame::XDesktop2>& desktop,
                                                         const OUString& url) {
    Reference<css::container::XEnumeration> all = desktop->getComponents()->createEnumeration();
    while (all->hasMoreElements()) {
        Reference<css::frame::XModel> model(all->nextElement(), UNO_QUERY);
        if (model.is() && model->getURL() == url)
            return Reference<css::sheet::XSpreadsheetDocument>(model, UNO_QUERY);
    }
    return {};
}

/// One workbook read for the region; its failure a line of «Готовность».
std::optional<RegionForm> read_workbook(const Reference<css::frame::XDesktop2>& desktop, const Catalogue& catalogue,
                                        const CheckSettings& settings, const RegionInput& input,
                                        std::vector<RegionFailure>& failures) {
    try {
        const OUString url = file_url(input.path);
        if (auto open = open_already(desktop, url); open.is())
            return read_region_form(open, catalogue, settings, input.shown, modified_at(input.path));
        const auto load = properties({{"Hidden", Any(true)},
                                      {"ReadOnly", Any(true)},
                                      {"MacroExecutionMode", Any(css::document::MacroExecMode::NEVER_EXECUTE)},
                                      {"UpdateDocMode", Any(css::document::UpdateDocMode::NO_UPDATE)}});
        Reference<css::lang::XComponent> component;
        try {
            component = Reference<css::frame::XComponentLoader>(desktop, UNO_QUERY_THROW)
                            ->loadComponentFromURL(url, "_blank", 0, load);
        } catch (const css::uno::Exception& e) {
            log().warn("region: a file did not open: {}", to_utf8(e.Message));
        }
        Reference<css::sheet::XSpreadsheetDocument> doc(component, UNO_QUERY);
        if (!doc.is()) {
            close_document(component);
            throw UserError("файл не открылся: он повреждён, защищён паролем или это не таблица");
        }
        const ClosedAtExit closed(component);
        return read_region_form(doc, catalogue, settings, input.shown, modified_at(input.path));
    } catch (const UserError& e) {
        failures.push_back({input.shown, e.what()});
    } catch (const std::runtime_error& e) {
        failures.push_back({input.shown, e.what()});
    }
    return std::nullopt;
}

}  // namespace

void Dispatcher::consolidate_region() {
    const Catalogue& catalogue = installed_catalogue(context_);
    const Options settings = current_options(context_);
    // For macros and tests: «Folder» (a path or file URL), «Expected» (a list file), «Newer» (true / false).
    std::vector<fs::path> given;
    RegionOptions options;
    options.small_base = settings.check.small_base;
    for (const auto& a : arguments_) {
        OUString text;
        bool flag = false;
        if (a.Name == "Folder" && (a.Value >>= text) && !text.isEmpty())
            given.push_back(local_path(text));
        else if (a.Name == "Expected" && (a.Value >>= text) && !text.isEmpty())
            options.expected = read_expected_list(local_path(text));
        else if (a.Name == "Newer" && (a.Value >>= flag))
            options.take_newer = flag;
    }
    if (given.empty()) {
        Reference<css::ui::dialogs::XFolderPicker2> picker = css::ui::dialogs::FolderPicker::create(context_);
        picker->setTitle(from_utf8("МСОКО: папка с формами муниципалитетов"));
        picker->setDescription(from_utf8(
            "Выберите папку с присланными формами (.ods, .xlsx) и пакетами для отправки; вложенные папки тоже "
            "просматриваются. Формы не изменяются."));
        if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
            return;  // the user cancelled
        given.push_back(local_path(picker->getDirectory()));
    }
    Reference<css::task::XStatusIndicator> progress;
    try {
        Reference<css::frame::XController> controller;
        frame_document(&controller);
        if (Reference<css::task::XStatusIndicatorFactory> factory{controller->getFrame(), UNO_QUERY}; factory.is())
            progress = factory->createStatusIndicator();
    } catch (const std::exception&) {
        // no spreadsheet behind the command: no progress bar
    }
    const OnExit flush([] { log().flush(); });
    const OnExit ended([&] {
        if (progress.is())
            progress->end();
    });

    RegionInputs found = find_region_inputs(given);
    if (progress.is())
        progress->start(from_utf8("МСОКО: свод по муниципалитетам…"), static_cast<sal_Int32>(found.inputs.size()));
    const Reference<css::frame::XDesktop2> desktop = css::frame::Desktop::create(context_);
    std::vector<RegionForm> forms;
    std::vector<RegionFailure> failures = found.failures;
    sal_Int32 done = 0;
    for (const RegionInput& input : found.inputs) {
        if (progress.is()) {
            progress->setText(from_utf8("МСОКО: свод — " + input.shown));
            progress->setValue(done);
        }
        if (input.source == RegionForm::Source::Workbook) {
            if (auto form = read_workbook(desktop, catalogue, settings.check, input, failures))
                forms.push_back(std::move(*form));
        } else {
            try {
                forms.push_back(read_region_package(input));
            } catch (const std::runtime_error& e) {
                failures.push_back({input.shown, e.what()});
            }
        }
        ++done;
    }
    const Region region = consolidate(catalogue, std::move(forms), failures, options);
    const RegionWorkbook book =
        region_workbook(catalogue, region, std::string("МСОКО для Calc ") + extension_version());
    const bool scripted = arguments_.hasElements();
    open_region_workbook(Reference<css::frame::XComponentLoader>(desktop, UNO_QUERY_THROW), book, /*hidden=*/false);
    log().info("region: {} files, {} municipalities accepted, {} charts", region.entries.size(), region.accepted(),
               book.charts.size());
    if (!scripted)
        tell(from_utf8("МСОКО: свод по муниципалитетам"),
             from_utf8(region_summary(region) +
                       ".\n\nСвод открыт новым документом: «Готовность» — строка на каждый файл, «Показатели "
                       "региона», «Рейтинг», «Профиль», «Диаграммы». Сохраните его (Файл → Сохранить как…)."),
             false);
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
// «Данные → МСОКО → Подготовить к отправке…»: the Dispatcher's command over
// make_package() (package.hxx), with the questions and answers a user sees.
#include "dispatcher.hxx"

#include "extension.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "options.hxx"
#include "package.hxx"
#include "report_layout.hxx"
#include "utf8.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxResults.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/system/SystemShellExecute.hpp>
#include <com/sun/star/system/SystemShellExecuteFlags.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <osl/file.hxx>

#include <chrono>
#include <optional>

namespace msoko::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

std::filesystem::path system_path(const OUString& url_or_path) {
    if (!url_or_path.startsWith("file:"))
        return std::filesystem::u8path(to_utf8(url_or_path));
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url_or_path, path) != osl::FileBase::E_None)
        throw UserError("папка «" + to_utf8(url_or_path) + "» не на этом компьютере: пакет записывается на диск");
    return std::filesystem::u8path(to_utf8(path));
}

// The report sheet in view, the cell `row`, `column` of it selected (the
// first finding to act on). Nothing happens without a view.
void show_report(const Reference<css::frame::XController>& controller,
                 const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& sheet_name, sal_Int32 row,
                 sal_Int32 column) {
    Reference<css::sheet::XSpreadsheetView> view(controller, UNO_QUERY);
    if (!view.is() || sheet_name.isEmpty())
        return;
    Reference<css::sheet::XSpreadsheet> sheet(document->getSheets()->getByName(sheet_name), UNO_QUERY_THROW);
    view->setActiveSheet(sheet);
    if (row >= 0)
        if (Reference<css::view::XSelectionSupplier> select{controller, UNO_QUERY}; select.is())
            select->select(css::uno::Any(sheet->getCellByPosition(column, row)));
}

}  // namespace

bool Dispatcher::ask(const OUString& title, const OUString& message, bool warning) {
    try {
        auto box =
            message_box(warning ? css::awt::MessageBoxType_WARNINGBOX : css::awt::MessageBoxType_QUERYBOX,
                        css::awt::MessageBoxButtons::BUTTONS_YES_NO | css::awt::MessageBoxButtons::DEFAULT_BUTTON_YES,
                        title, message);
        return box.is() && box->execute() == css::awt::MessageBoxResults::YES;
    } catch (...) {
        log().error("could not ask the user");
        return false;
    }
}

void Dispatcher::package() {
    Reference<css::frame::XController> controller;
    const auto document = frame_document(&controller);
    const Reference<css::frame::XStorable> storable(document, UNO_QUERY_THROW);
    // The package goes next to the form, and its explanations are kept in it.
    if (!storable->hasLocation())
        throw UserError(
            "форма ещё не сохранена. Сохраните её (Файл → Сохранить как…, формат ODF «.ods»): пакет "
            "записывается в папку рядом с файлом формы, а пояснения к предупреждениям хранятся в ней.");
    if (storable->isReadonly())
        throw UserError(
            "форма открыта только для чтения: в неё нельзя записать отчёт проверки и пояснения. "
            "Включите редактирование (Правка → Режим правки) или сохраните копию формы и подготовьте к "
            "отправке её.");
    PackageRequest request;
    request.form = system_path(storable->getLocation());
    request.settings = current_options(context_).check;
    // For macros and tests: «Folder» (a path or file URL) and «Replace» (true / false).
    std::optional<bool> replace_argument;
    for (const auto& a : arguments_) {
        OUString text;
        bool flag = false;
        if (a.Name == "Folder" && (a.Value >>= text) && !text.isEmpty())
            request.folder = system_path(text);
        else if (a.Name == "Replace" && (a.Value >>= flag))
            replace_argument = flag;
    }
    const bool scripted = arguments_.hasElements();
    request.replace = [&](const std::filesystem::path& folder) {
        if (replace_argument)
            return *replace_argument;
        return ask(from_utf8("МСОКО"),
                   from_utf8("Папка «" + to_utf8(OUString::fromUtf8(folder.u8string().c_str())) +
                             "» уже есть — вероятно, с прежним пакетом этой формы.\n\nЗаменить её новым пакетом?"),
                   true);
    };
    Reference<css::task::XStatusIndicator> progress;
    if (Reference<css::task::XStatusIndicatorFactory> factory{controller->getFrame(), UNO_QUERY}; factory.is())
        progress = factory->createStatusIndicator();

    const OnExit flush([] { log().flush(); });  // what happened is in the log at once
    const auto t0 = std::chrono::steady_clock::now();
    const PackageOutcome outcome = make_package(context_, document, installed_catalogue(context_), request, progress);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
    using S = PackageOutcome::Status;
    const OUString title = from_utf8("МСОКО: подготовка к отправке");
    switch (outcome.status) {
        case S::NotAForm:
            log().info("package: the document is not a form");
            tell(title, from_utf8(outcome.message), true);
            return;
        case S::Refused: {
            const bool errors = outcome.verdict.status == PackageVerdict::Status::HasErrors;
            log().info("package refused: {} errors, {} warnings without an explanation", outcome.verdict.errors,
                       outcome.verdict.unexplained.size());
            // The first row to act on: the first error, or the first warning's «Пояснение».
            sal_Int32 row = -1, column = report_layout::kLevel;
            if (errors) {
                row = report_layout::kHeaderRow + 1;
            } else if (!outcome.verdict.unexplained.empty()) {
                row = report_layout::kHeaderRow + static_cast<sal_Int32>(outcome.verdict.unexplained.front().number);
                column = report_layout::kExplanation;
            }
            if (scripted || ask(title, from_utf8(outcome.message + "\n\nПоказать отчёт проверки?"), errors))
                show_report(controller, document, outcome.published.sheet, row, column);
            return;
        }
        case S::Kept:
            log().info("package: the folder exists and is kept");
            tell(title, from_utf8(outcome.message), false);
            return;
        case S::Written:
            break;
    }
    log().info("package written: {} files, {} МСОКО formulas replaced by values, in {} ms", outcome.files.size(),
               outcome.formulas_replaced, ms.count());
    if (scripted)
        return;
    if (ask(title, from_utf8(outcome.message + "\n\nОткрыть папку с пакетом?"), false)) {
        try {
            OUString url;
            osl::FileBase::getFileURLFromSystemPath(OUString::fromUtf8(outcome.folder.u8string().c_str()), url);
            css::system::SystemShellExecute::create(context_)->execute(url, OUString(),
                                                                       css::system::SystemShellExecuteFlags::URIS_ONLY);
        } catch (const css::uno::Exception& e) {
            log().warn("the package's folder could not be opened: {}", to_utf8(e.Message));
            tell(title, from_utf8("Папку не удалось открыть; пакет записан в неё: " + outcome.folder.u8string()),
                 false);
        }
    }
}

}  // namespace msoko::uno

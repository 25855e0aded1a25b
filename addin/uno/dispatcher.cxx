// SPDX-License-Identifier: MPL-2.0
#include "dispatcher.hxx"

#include "check_run.hxx"
#include "documents.hxx"

#include "extension.hxx"
#include "guard.hxx"
#include "marks.hxx"
#include "migrate_form.hxx"
#include "msoko/form.hpp"
#include "msoko/new_form.hpp"
#include "msoko/text.hpp"
#include "new_form_dialog.hxx"
#include "options.hxx"
#include "report.hxx"
#include "snapshot.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/Property.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchDescriptor.hpp>
#include <com/sun/star/frame/InfobarType.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XInfobarProvider.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/sdbc/XRow.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ucb/Command.hpp>
#include <com/sun/star/ucb/UniversalContentBroker.hpp>
#include <com/sun/star/ucb/XCommandProcessor.hpp>
#include <cppuhelper/supportsservice.hxx>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include <chrono>
#include <optional>

namespace msoko::uno {

using css::uno::Reference;
using css::uno::Sequence;

namespace {

OUString text(const char* utf8) {
    return from_utf8(utf8);
}

}  // namespace

Sequence<OUString> Dispatcher::supported_services() {
    Sequence<OUString> names(1);
    names.getArray()[0] = "com.sun.star.frame.ProtocolHandler";
    return names;
}

Dispatcher::Dispatcher(Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

const std::vector<Dispatcher::Command>& Dispatcher::commands() {
    static const std::vector<Command> table{
        {"NewForm", "Создать форму сбора данных", nullptr, &Dispatcher::new_form},
        {"Validate", "Проверить форму", "Проверка формы", &Dispatcher::validate_form},
        {"ClearMarks", "Снять отметки проверки", "Снятие отметок проверки", &Dispatcher::clear_form_marks},
        {"Package", "Подготовить к отправке", "Подготовка к отправке", &Dispatcher::package},
        {"MergeSubforms", "Собрать формы организаций", "Сбор форм организаций", &Dispatcher::collect_subforms},
        {"MakeSubforms", "Формы для организаций", nullptr, &Dispatcher::make_subforms},
        {"ConsolidateRegion", "Свод по муниципалитетам", nullptr, &Dispatcher::consolidate_region},
        {"ImportVpr", "Загрузить результаты ВПР", nullptr, &Dispatcher::import_vpr},
        {"FillFromVpr", "Заполнить форму из результатов ВПР", "Заполнение формы из результатов ВПР",
         &Dispatcher::fill_from_vpr},
        {"Migrate", "Перенести в новую версию формы", nullptr, &Dispatcher::migrate},
        {"Help", "Справка", nullptr, &Dispatcher::show_help},
    };
    return table;
}

const Dispatcher::Command* Dispatcher::command_of(const OUString& path) {
    for (const auto& c : commands())
        if (path.equalsAscii(c.path))
            return &c;
    return nullptr;
}

// XInitialization

void Dispatcher::initialize(const Sequence<css::uno::Any>& arguments) {
    guarded("Dispatcher::initialize", [&] {
        std::lock_guard lock(mutex_);
        for (const auto& a : arguments) {
            Reference<css::frame::XFrame> frame(a, css::uno::UNO_QUERY);
            if (frame.is())
                frame_ = frame;
        }
    });
}

// XDispatchProvider

Reference<css::frame::XDispatch> Dispatcher::queryDispatch(const css::util::URL& url, const OUString&, sal_Int32) {
    return guarded_or("Dispatcher::queryDispatch", Reference<css::frame::XDispatch>(),
                      [&]() -> Reference<css::frame::XDispatch> {
                          if (url.Protocol.equalsAscii(kProtocol) && command_of(url.Path))
                              return this;
                          return {};
                      });
}

Sequence<Reference<css::frame::XDispatch>> Dispatcher::queryDispatches(
    const Sequence<css::frame::DispatchDescriptor>& requests) {
    Sequence<Reference<css::frame::XDispatch>> out(requests.getLength());
    for (sal_Int32 i = 0; i < requests.getLength(); ++i)
        out.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName, requests[i].SearchFlags);
    return out;
}

// XDispatch

void Dispatcher::dispatch(const css::util::URL& url, const Sequence<css::beans::PropertyValue>& arguments) {
    guarded("Dispatcher::dispatch", [&] {
        arguments_ = arguments;
        const OnExit forget([&] { arguments_ = {}; });
        const std::string command = to_utf8(url.Path);
        log().info("command {}", command);
        const Command* known = command_of(url.Path);
        if (!known) {  // queryDispatch offers only the table's commands; a caller may still send others
            log().error("unknown command {}", command);
            return;
        }
        const char* title = known->title;
        // A reason the user can act on is shown as it is; anything else was
        // not foreseen: a Russian sentence, never the office's source location
        // (that goes to the log, with the log's path in the message).
        const auto unforeseen = [&] {
            log().flush();
            const std::string& path = log_path();
            tell(text("МСОКО"),
                 from_utf8(std::string("Не удалось выполнить команду «") + title +
                           "»: внутренняя ошибка расширения. Книга не изменена командой; сохраните работу и "
                           "сообщите о случившемся разработчикам, приложив журнал расширения" +
                           (path.empty() ? std::string(" (msoko.log в профиле LibreOffice).") : ": " + path + ".")),
                 true);
        };
        try {
            if (known->undo)
                as_one_undo_step(known->undo, known->run);
            else
                (this->*known->run)();
        } catch (const UserError& e) {
            log().error("command {} failed: {}", command, e.what());
            log().flush();
            tell(text("МСОКО"), from_utf8(std::string("Команда «") + title + "» не выполнена: " + e.what()), true);
        } catch (const css::uno::Exception& e) {
            log().error("command {} failed: {}", command, to_utf8(e.Message));
            unforeseen();
        } catch (const std::exception& e) {
            log().error("command {} failed: {}", command, e.what());
            unforeseen();
        }
    });
}

void Dispatcher::as_one_undo_step(const char* title, void (Dispatcher::*body)()) {
    // Everything the command changes (the report, the marks, a protection
    // lifted and put back) is one step of Edit → Undo, so that the user's own
    // steps stay right behind it.
    Reference<css::document::XUndoManager> undo;
    try {
        Reference<css::frame::XController> controller;
        if (Reference<css::document::XUndoManagerSupplier> s{frame_document(&controller), css::uno::UNO_QUERY}; s.is())
            undo = s->getUndoManager();
    } catch (const std::exception&) {
        // not a spreadsheet: the command itself says so
    }
    if (undo.is())
        undo->enterUndoContext(from_utf8(title));
    const OnExit leave([&] {
        if (undo.is())
            undo->leaveUndoContext();
    });
    (this->*body)();
}

void Dispatcher::addStatusListener(const Reference<css::frame::XStatusListener>&, const css::util::URL&) {}

void Dispatcher::removeStatusListener(const Reference<css::frame::XStatusListener>&, const css::util::URL&) {}

void Dispatcher::new_form() {
    const Catalogue& catalogue = installed_catalogue(context_);
    std::optional<NewFormAnswers> answers = new_form_arguments(arguments_, catalogue);
    if (!answers) {
        NewFormAnswers defaults;
        const auto now = boost::gregorian::day_clock::local_day();
        defaults.request.period = likely_period(now.year(), now.month());
        Reference<css::awt::XWindowPeer> parent;
        {
            std::lock_guard lock(mutex_);
            if (frame_.is())
                parent.set(frame_->getContainerWindow(), css::uno::UNO_QUERY);
        }
        answers = ask_new_form(context_, parent, catalogue, defaults);
        if (!answers)
            return;  // cancelled
    }
    std::optional<LastYearForm> last;
    if (!answers->last_year_url.isEmpty()) {
        // Reading last year's form takes a few seconds: the status bar says so.
        Reference<css::task::XStatusIndicator> progress;
        {
            std::lock_guard lock(mutex_);
            if (Reference<css::task::XStatusIndicatorFactory> factory{frame_, css::uno::UNO_QUERY}; factory.is())
                progress = factory->createStatusIndicator();
        }
        last = read_last_year_form(
            context_, answers->last_year_url, catalogue, progress,
            [this](const std::string& version) -> const Catalogue& { return history_catalogue(context_, version); });
        log().info("last year's form: {} organisations, {} values", last->organisations.size(), last->values.size());
    }
    const FormData data = new_form_data(catalogue, answers->request, last ? &*last : nullptr);
    open_new_form(context_, catalogue, data,
                  suggested_file_name(answers->request.municipality, answers->request.period));
    log().info("new form from catalogue {} {}", catalogue.info.id, catalogue.info.version);
    if (last && !last->notes.empty())
        tell(text("МСОКО"), from_utf8("Форма создана. Из формы прошлого года " + join(last->notes, "; ") + "."), false);
}

void Dispatcher::migrate() {
    // The open form is only read: the moved form is a new document (no undo step).
    Reference<css::frame::XController> controller;
    const auto document = frame_document(&controller);
    Reference<css::task::XStatusIndicator> progress;
    if (Reference<css::task::XStatusIndicatorFactory> factory{controller->getFrame(), css::uno::UNO_QUERY};
        factory.is())
        progress = factory->createStatusIndicator();
    const Migration moved = migrate_document(context_, document, progress);
    open_new_form(context_, installed_catalogue(context_), moved.data, migrated_file_name(moved));
    log().info("form moved from version {} to {}: {} values, {} fields to fill anew, {} dropped", moved.from_version,
               moved.to_version, moved.values, moved.to_fill.size(), moved.dropped.size());
    tell(text("МСОКО"), from_utf8(moved.summary(20)), false);  // a box has room for twenty lines of each list
}

void Dispatcher::validate_form() {
    Reference<css::frame::XController> controller;
    const auto document = frame_document(&controller);
    const Reference<css::frame::XFrame> frame = controller->getFrame();
    const Catalogue& catalogue = installed_catalogue(context_);

    Reference<css::task::XStatusIndicator> progress;
    if (Reference<css::task::XStatusIndicatorFactory> factory{frame, css::uno::UNO_QUERY}; factory.is())
        progress = factory->createStatusIndicator();
    const sal_Int32 steps =
        Reference<css::container::XIndexAccess>(document->getSheets(), css::uno::UNO_QUERY_THROW)->getCount();
    if (progress.is())
        progress->start(text("МСОКО: проверка формы…"), steps);
    // The status bar is released whatever happens below.
    const OnExit end_progress([&] {
        if (progress.is())
            progress->end();
    });
    using clock = std::chrono::steady_clock;
    const auto ms = [](clock::time_point a, clock::time_point b) {
        return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
    };
    const auto t0 = clock::now();
    // The check runs on the rows as they are read; what is left of it after
    // the reading is timed as «checks». The options page's thresholds.
    const CheckedForm checked = check_form(document, catalogue, current_options(context_).check, progress);
    const ValidationReport& report = checked.report;
    const ReadCost& read = checked.read;
    const auto t2 = clock::now();
    const auto t1 = t2 - std::chrono::duration_cast<clock::duration>(
                             std::chrono::duration<double, std::milli>(read.worker_wait_ms));
    // A workbook that is not a form is left as it is: no report sheet, no
    // marks; the user is told why in one message.
    if (not_a_form(report)) {
        log().info("validation: the document is not a form, nothing changed ({} ms)", ms(t0, t2));
        log().flush();
        tell(text("МСОКО"), from_utf8(report.findings.front().message), true);
        return;
    }
    // A document opened read-only (an attachment, a file someone else has open)
    // takes no report sheet and no marks: the user gets the summary and the way out.
    if (Reference<css::frame::XStorable>(document, css::uno::UNO_QUERY_THROW)->isReadonly()) {
        log().info("validation of a read-only document: {} errors, {} warnings, {} notes in {} ms",
                   report.count(Severity::Error), report.count(Severity::Warning), report.count(Severity::Info),
                   ms(t0, t2));
        log().flush();
        tell(text("МСОКО"),
             from_utf8(report.summary() + ".\n\nКнига открыта только для чтения, поэтому лист «" + kReportSheet +
                       "» с замечаниями и ссылками на "
                       "ячейки не создан. Включите редактирование (Правка → Режим правки или кнопка «Редактировать "
                       "документ») и повторите проверку."),
             !report.ready());
        return;
    }
    const PublishedReport published = publish_report(document, report, catalogue);
    const OUString& report_sheet = published.sheet;
    const ValidationReport& shown = published.shown;
    const auto t5 = clock::now();
    log().info(
        "validation: {} errors, {} warnings, {} notes in {} ms (reading {} ms, checks {} ms, clearing old marks "
        "{} ms, marks {} ms, report {} ms); {} cells, bare getDataArray {:.1f} ms, converting {:.1f} ms, formula "
        "cells {:.1f} ms; {} sheets left unmarked",
        report.count(Severity::Error), report.count(Severity::Warning), report.count(Severity::Info), ms(t0, t5),
        ms(t0, t1), ms(t1, t2), published.clearing_ms, published.marks_ms, published.report_ms, read.cells,
        read.data_array_ms, read.convert_ms, read.formulas_ms, shown.unmarked_sheets.size());
    log().flush();

    // The report is what the user looks at next: it becomes the active sheet.
    if (Reference<css::sheet::XSpreadsheetView> view{controller, css::uno::UNO_QUERY}; view.is())
        view->setActiveSheet(Reference<css::sheet::XSpreadsheet>(document->getSheets()->getByName(report_sheet),
                                                                 css::uno::UNO_QUERY_THROW));

    // A short summary over the document, not a modal box: the report sheet has the rest.
    // (A document without a window — hidden, or headless — has no infobar: the report is enough.)
    try {
        if (Reference<css::frame::XInfobarProvider> bars{controller, css::uno::UNO_QUERY}; bars.is()) {
            const OUString id = "org.msoko.calc.validation";
            if (bars->hasInfobar(id))
                bars->removeInfobar(id);
            bars->appendInfobar(id, from_utf8(shown.summary()),
                                from_utf8("Подробности — на листе «" + to_utf8(report_sheet) +
                                          "»; ссылки в столбце «Ячейка» ведут к ячейкам."),
                                shown.ready() ? css::frame::InfobarType::SUCCESS : css::frame::InfobarType::DANGER, {},
                                true);
        }
    } catch (const css::uno::Exception& e) {
        log().info("no infobar for the validation summary: {}", to_utf8(e.Message));
    }
}

Reference<css::sheet::XSpreadsheetDocument> Dispatcher::frame_document(Reference<css::frame::XController>* controller) {
    Reference<css::frame::XFrame> frame;
    {
        std::lock_guard lock(mutex_);
        frame = frame_;
    }
    Reference<css::frame::XController> c = frame.is() ? frame->getController() : nullptr;
    if (controller)
        *controller = c;
    Reference<css::sheet::XSpreadsheetDocument> document(c.is() ? c->getModel() : nullptr, css::uno::UNO_QUERY);
    if (!document.is())
        throw std::runtime_error("the command works on a Calc spreadsheet");
    return document;
}

void Dispatcher::clear_form_marks() {
    Reference<css::frame::XController> controller;
    const auto document = frame_document(&controller);
    const std::size_t cleared = clear_marks(document);
    log().info("marks cleared from {} ranges", cleared);
    try {
        if (Reference<css::frame::XInfobarProvider> bars{controller, css::uno::UNO_QUERY};
            bars.is() && bars->hasInfobar("org.msoko.calc.validation"))
            bars->removeInfobar("org.msoko.calc.validation");
    } catch (const css::uno::Exception&) {
    }
}

Reference<css::awt::XMessageBox> Dispatcher::message_box(css::awt::MessageBoxType type, sal_Int32 buttons,
                                                         const OUString& title, const OUString& message) {
    Reference<css::frame::XFrame> frame;
    {
        std::lock_guard lock(mutex_);
        frame = frame_;
    }
    if (!frame.is())
        return {};
    Reference<css::awt::XWindowPeer> peer(frame->getContainerWindow(), css::uno::UNO_QUERY);
    Reference<css::awt::XMessageBoxFactory> factory(peer.is() ? peer->getToolkit() : nullptr, css::uno::UNO_QUERY);
    if (!factory.is())
        return {};
    return factory->createMessageBox(peer, type, buttons, title, message);
}

void Dispatcher::tell(const OUString& title, const OUString& message, bool error) {
    try {
        auto box = message_box(error ? css::awt::MessageBoxType_ERRORBOX : css::awt::MessageBoxType_INFOBOX,
                               css::awt::MessageBoxButtons::BUTTONS_OK, title, message);
        if (box.is())
            box->execute();
    } catch (...) {
        log().error("could not show a message box");
    }
}

std::string Dispatcher::help_language(std::string_view ui_locale) {
    // The help has Russian and English pages; any other UI language gets the Russian ones.
    return ui_locale.substr(0, 2) == "en" ? "en" : "ru";
}

std::string Dispatcher::help_url(std::string_view ui_locale, std::string_view page) {
    // A page by its path, as the help's database knows it (the «/» encoded, as
    // LibreOffice's own help URLs have it); the module «scalc» only names the
    // context. System: as LibreOffice's help options say on this platform.
#if defined(_WIN32)
    const char* system = "WIN";
#elif defined(__APPLE__)
    const char* system = "MAC";
#else
    const char* system = "UNIX";
#endif
    return "vnd.sun.star.help://scalc/org.msoko.calc%2F" + std::string(page) +
           ".xhp?Language=" + help_language(ui_locale) + "&System=" + system;
}

namespace {

// The office's UI language («ru-RU», «en-US»), or empty when it cannot be read.
std::string ui_locale(const Reference<css::uno::XComponentContext>& context) {
    try {
        auto provider = css::configuration::theDefaultProvider::get(context);
        Sequence<css::uno::Any> args(1);
        args.getArray()[0] <<=
            css::beans::NamedValue("nodepath", css::uno::Any(OUString("/org.openoffice.Setup/L10N")));
        Reference<css::container::XNameAccess> l10n(
            provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args),
            css::uno::UNO_QUERY_THROW);
        OUString locale;
        l10n->getByName("ooLocale") >>= locale;
        return to_utf8(locale);
    } catch (const css::uno::Exception& e) {
        log().warn("the UI language could not be read: {}", to_utf8(e.Message));
        return {};
    }
}

// Does the help's content provider have the page? (It has none without a
// local help pack, or when the extension's help was not registered.)
bool help_page_exists(const Reference<css::uno::XComponentContext>& context, const OUString& url) {
    auto ucb = css::ucb::UniversalContentBroker::create(context);
    Reference<css::ucb::XCommandProcessor> content(ucb->queryContent(ucb->createContentIdentifier(url)),
                                                   css::uno::UNO_QUERY_THROW);
    Sequence<css::beans::Property> asked(1);
    asked.getArray()[0].Name = "IsErrorDocument";
    asked.getArray()[0].Handle = -1;
    css::ucb::Command command;
    command.Name = "getPropertyValues";
    command.Handle = -1;
    command.Argument <<= asked;
    Reference<css::sdbc::XRow> row(content->execute(command, 0, nullptr), css::uno::UNO_QUERY_THROW);
    return !row->getBoolean(1);
}

}  // namespace

void Dispatcher::show_help() {
    const std::string locale = ui_locale(context_);
    const OUString url = from_utf8(help_url(locale, "start"));
    bool found = false;
    try {
        found = help_page_exists(context_, url);
    } catch (const css::uno::Exception& e) {
        log().warn("the help content provider failed: {}", to_utf8(e.Message));
    }
    if (!found)
        throw UserError(
            "справка расширения не найдена. Её показывает LibreOffice, когда установлены пакет справки "
            "LibreOffice на русском языке и LibreOffice Writer (в Debian и Ubuntu — пакеты libreoffice-help-ru и "
            "libreoffice-writer). Установите их и перезапустите LibreOffice.");
    // The page in a window of its own, read-only: the user's document stays as it is.
    const auto args = properties({{"ReadOnly", css::uno::Any(true)}});
    Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(context_), css::uno::UNO_QUERY_THROW);
    if (!loader->loadComponentFromURL(url, "_blank", 0, args).is())
        throw std::runtime_error("LibreOffice did not open the help page " + to_utf8(url));
    log().info("help opened in {} (UI language {})", help_language(locale), locale.empty() ? "unknown" : locale);
}

// XServiceInfo

OUString Dispatcher::getImplementationName() {
    return OUString::createFromAscii(kImplementationName);
}

sal_Bool Dispatcher::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

Sequence<OUString> Dispatcher::getSupportedServiceNames() {
    return supported_services();
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
// «Данные → МСОКО → Загрузить результаты ВПР…» and «Заполнить форму из
// результатов ВПР…»: the Dispatcher's commands over the ВПР glue — the Ф1
// files chosen (vpr_read.hxx), analysed by the core and opened as the
// results workbook with Calc's charts (vpr_book.hxx); or the open form's
// figures filled from them after the user confirms (vpr_form.hxx).
#include "dispatcher.hxx"

#include "documents.hxx"
#include "extension.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "msoko/version.hpp"
#include "msoko/vpr_analysis.hpp"
#include "msoko/vpr_workbook.hpp"
#include "snapshot.hxx"
#include "utf8.hxx"
#include "vpr_book.hxx"
#include "vpr_form.hxx"
#include "vpr_read.hxx"

#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>

#include <algorithm>
#include <chrono>
#include <set>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

// The Ф1 files chosen in a file picker (several at once); none when cancelled.
std::vector<fs::path> pick_results(const Reference<css::uno::XComponentContext>& context, const char* title) {
    const auto picker =
        css::ui::dialogs::FilePicker::createWithMode(context, css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
    picker->setTitle(from_utf8(title));
    picker->setMultiSelectionMode(true);
    if (Reference<css::ui::dialogs::XFilterManager> filters{picker, UNO_QUERY}; filters.is()) {
        filters->appendFilter(from_utf8("Результаты ВПР (*.xlsx, *.xls, *.ods, *.csv)"),
                              "*.xlsx;*.xls;*.ods;*.fods;*.csv");
        filters->appendFilter(from_utf8("Все файлы (*.*)"), "*.*");
    }
    std::vector<fs::path> out;
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
        return out;
    for (const OUString& url : picker->getSelectedFiles())
        out.push_back(local_path(url));
    return out;
}

// A command argument that names files: one path or URL, or a list of them.
std::vector<fs::path> given_files(const Any& value) {
    std::vector<fs::path> out;
    OUString text;
    Sequence<OUString> list;
    if (value >>= text) {
        if (!text.isEmpty())
            out.push_back(local_path(text));
    } else if (value >>= list) {
        for (const OUString& s : list)
            out.push_back(local_path(s));
    }
    return out;
}

struct ReadFiles {
    std::vector<vpr::ResultsFile> files;
    std::vector<std::string> failed;  ///< why, each naming its file
};

ReadFiles read_all(const Reference<css::frame::XComponentLoader>& loader, const std::vector<fs::path>& paths,
                   const vpr::BoundaryTable& boundaries, const Reference<css::task::XStatusIndicator>& progress,
                   sal_Int32& done, const char* what) {
    ReadFiles out;
    for (const fs::path& path : paths) {
        const std::string name = path.filename().u8string();
        if (progress.is()) {
            progress->setText(from_utf8(std::string("МСОКО: ") + what + " — " + name));
            progress->setValue(done);
        }
        try {
            out.files.push_back(read_results_file(loader, path, name, boundaries));
        } catch (const UserError& e) {
            out.failed.push_back(e.what());
        }
        ++done;
    }
    return out;
}

Reference<css::beans::XPropertySet> add(const Reference<css::lang::XMultiServiceFactory>& factory, const char* service,
                                        const char* name, sal_Int32 x, sal_Int32 y, sal_Int32 width, sal_Int32 height,
                                        sal_Int16& tab) {
    Reference<css::beans::XPropertySet> m(
        factory->createInstance(from_utf8(std::string("com.sun.star.awt.") + service)), UNO_QUERY_THROW);
    m->setPropertyValue("PositionX", Any(x));
    m->setPropertyValue("PositionY", Any(y));
    m->setPropertyValue("Width", Any(width));
    m->setPropertyValue("Height", Any(height));
    m->setPropertyValue("TabIndex", Any(tab++));
    Reference<css::container::XNameContainer>(factory, UNO_QUERY_THROW)->insertByName(from_utf8(name), Any(m));
    return m;
}

// The confirmation of the fill: the summary, then the conflicts as lines of a list (the lines selected
// take the results' value; none selected at first: the form's values stay). nullopt: cancelled.
std::optional<std::vector<bool>> confirm_fill(const Reference<css::uno::XComponentContext>& context,
                                              const Reference<css::awt::XWindowPeer>& parent,
                                              const Catalogue& catalogue, const vpr::FillPlan& plan) {
    constexpr sal_Int32 kWidth = 420, kMargin = 8;
    Reference<css::lang::XMultiServiceFactory> factory(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
        UNO_QUERY_THROW);
    sal_Int16 tab = 0;
    sal_Int32 y = kMargin;
    const sal_Int32 intro_height = 110;
    auto intro = add(factory, "UnoControlFixedTextModel", "intro", kMargin, y, kWidth - 2 * kMargin, intro_height, tab);
    intro->setPropertyValue("MultiLine", Any(true));
    std::string text = vpr::fill_summary(plan, 12) + "\n\nКаждая заполненная ячейка получит примечание «" +
                       plan.comment + "»; всё заполнение отменяется одним шагом (Правка → Отменить).";
    if (!plan.conflicts.empty())
        text +=
            " Ниже — ячейки, где в форме набрано другое значение: отмеченные строки возьмут значение из "
            "результатов ВПР, остальные останутся как в форме.";
    intro->setPropertyValue("Label", Any(from_utf8(text)));
    y += intro_height + 4;
    Reference<css::beans::XPropertySet> list;
    if (!plan.conflicts.empty()) {
        const sal_Int32 list_height = 100;
        list = add(factory, "UnoControlListBoxModel", "conflicts", kMargin, y, kWidth - 2 * kMargin, list_height, tab);
        list->setPropertyValue("MultiSelection", Any(true));
        Sequence<OUString> items(static_cast<sal_Int32>(plan.conflicts.size()));
        for (std::size_t i = 0; i < plan.conflicts.size(); ++i)
            items.getArray()[i] = from_utf8(vpr_conflict_line(catalogue, plan, plan.conflicts[i]));
        list->setPropertyValue("StringItemList", Any(items));
        y += list_height + 6;
    }
    const auto button = [&](const char* name, const char* label, css::awt::PushButtonType type, sal_Int32 x) {
        auto m = add(factory, "UnoControlButtonModel", name, x, y, 62, 14, tab);
        m->setPropertyValue("Label", Any(from_utf8(label)));
        m->setPropertyValue("PushButtonType", Any(sal_Int16(type)));
        return m;
    };
    button("ok", "~Заполнить", css::awt::PushButtonType_OK, kWidth - kMargin - 3 * 62 - 8)
        ->setPropertyValue("DefaultButton", Any(true));
    button("cancel", "Отмена", css::awt::PushButtonType_CANCEL, kWidth - kMargin - 2 * 62 - 4);
    button("help", "~Справка", css::awt::PushButtonType_HELP, kWidth - kMargin - 62);
    y += 14 + kMargin;
    Reference<css::beans::XPropertySet> model(factory, UNO_QUERY_THROW);
    model->setPropertyValue("Title", Any(from_utf8("Заполнить форму из результатов ВПР")));
    model->setPropertyValue("Width", Any(kWidth));
    model->setPropertyValue("Height", Any(y));
    model->setPropertyValue("PositionX", Any(sal_Int32(40)));
    model->setPropertyValue("PositionY", Any(sal_Int32(40)));
    model->setPropertyValue("HelpURL", Any(OUString("org.msoko.calc:FillFromVpr")));
    Reference<css::awt::XControl> dialog(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialog", context),
        UNO_QUERY_THROW);
    dialog->setModel(Reference<css::awt::XControlModel>(model, UNO_QUERY_THROW));
    dialog->createPeer(Reference<css::awt::XToolkit>(css::awt::Toolkit::create(context), UNO_QUERY_THROW), parent);
    const OnExit dispose([&] { Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose(); });
    if (Reference<css::awt::XDialog>(dialog, UNO_QUERY_THROW)->execute() != 1)
        return std::nullopt;
    std::vector<bool> take(plan.conflicts.size(), false);
    if (list.is()) {
        Sequence<sal_Int16> selected;
        list->getPropertyValue("SelectedItems") >>= selected;
        for (const sal_Int16 i : selected)
            if (i >= 0 && static_cast<std::size_t>(i) < take.size())
                take[static_cast<std::size_t>(i)] = true;
    }
    return take;
}

}  // namespace

void Dispatcher::import_vpr() {
    const Catalogue& catalogue = installed_catalogue(context_);
    // For macros and tests: «Files» and «Previous» (last year's, for the dynamics): a path or file URL, or
    // a list of them; no file picker then.
    std::vector<fs::path> files, previous;
    bool scripted = false;
    for (const auto& a : arguments_) {
        if (a.Name == "Files") {
            scripted = true;
            files = given_files(a.Value);
        } else if (a.Name == "Previous") {
            previous = given_files(a.Value);
        }
    }
    if (!scripted) {
        files = pick_results(context_, "Результаты ВПР: выберите файлы «Индивидуальные результаты» (Ф1) из ФИС ОКО");
        if (files.empty())
            return;  // cancelled
        if (ask(from_utf8("МСОКО: результаты ВПР"),
                from_utf8("Добавить результаты прошлого года, чтобы показать динамику доли «2»? (Можно выбрать "
                          "файлы прошлого года тех же предметов и классов.)"),
                false))
            previous = pick_results(context_, "Результаты ВПР прошлого года (для динамики)");
    }
    if (files.empty())
        throw UserError("не выбраны файлы результатов ВПР");
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
    if (progress.is())
        progress->start(from_utf8("МСОКО: чтение результатов ВПР…"),
                        static_cast<sal_Int32>(files.size() + previous.size() + 1));
    const auto t0 = std::chrono::steady_clock::now();
    const vpr::BoundaryTable& boundaries = installed_boundaries(context_);
    const Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(context_), UNO_QUERY_THROW);
    sal_Int32 done = 0;
    ReadFiles now = read_all(loader, files, boundaries, progress, done, "результаты ВПР");
    ReadFiles before = read_all(loader, previous, boundaries, progress, done, "результаты прошлого года");
    if (now.files.empty()) {
        std::string why;
        for (const std::string& f : now.failed)
            why += "\n" + f;
        throw UserError("ни один файл результатов ВПР не прочитан:" + why);
    }
    if (progress.is())
        progress->setText(from_utf8("МСОКО: анализ результатов ВПР…"));
    const vpr::Analysis analysis = vpr::analyse(now.files, before.files, catalogue.vpr);
    const vpr::ResultsWorkbook book =
        vpr::results_workbook(analysis, now.files, std::string("МСОКО для Calc ") + extension_version());
    open_vpr_workbook(loader, book, /*hidden=*/false);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    log().info(
        "vpr import: {} files read, {} failed, {} of last year, {} pupils, {} groups, {} flags, {} charts in {} ms",
        now.files.size(), now.failed.size(), before.files.size(), analysis.pupils, analysis.groups.size(),
        analysis.flags.size(), book.histograms.size(), ms);
    if (scripted)
        return;
    std::string message = "Прочитано файлов: " + std::to_string(now.files.size()) +
                          ", участников: " + std::to_string(analysis.pupils) +
                          "; школ, требующих дополнительного анализа объективности: ";
    std::set<std::string> flagged;
    for (const auto& f : analysis.flags)
        flagged.insert(f.school);
    message += std::to_string(flagged.size()) + "; кандидатов в ШНОР: " + std::to_string(analysis.shnor.size()) + ".";
    const std::size_t failed = now.failed.size() + before.failed.size();
    if (failed) {
        message += "\n\nНе прочитаны (" + std::to_string(failed) + "):";
        for (const auto* list : {&now.failed, &before.failed})
            for (const std::string& f : *list)
                message += "\n" + f;
    }
    message +=
        "\n\nКнига результатов открыта новым документом: «Сводка», «По школам», «Задания», «Анализ» с "
        "гистограммами, «Объективность», «ШНОР», «Участники», «Замечания». Сохраните её (Файл → Сохранить "
        "как…).";
    tell(from_utf8("МСОКО: результаты ВПР"), from_utf8(message), false);
}

void Dispatcher::fill_from_vpr() {
    Reference<css::frame::XController> controller;
    const auto document = frame_document(&controller);
    if (Reference<css::frame::XStorable>(document, UNO_QUERY_THROW)->isReadonly())
        throw UserError(
            "форма открыта только для чтения: в неё нельзя записать результаты ВПР. Включите редактирование "
            "(Правка → Режим правки) и повторите.");
    const Catalogue& catalogue = installed_catalogue(context_);
    // For macros and tests: «Files» (a path or URL, or a list), «Conflicts» ("keep" | "take": every
    // conflict decided so) and «Confirm» (false: no dialog).
    VprFillRequest request;
    bool scripted = false, confirm = true;
    std::optional<bool> take_all;
    for (const auto& a : arguments_) {
        OUString text;
        bool flag = true;
        if (a.Name == "Files") {
            scripted = true;
            request.files = given_files(a.Value);
        } else if (a.Name == "Conflicts" && (a.Value >>= text)) {
            if (text != "keep" && text != "take")
                throw UserError("аргумент Conflicts: «keep» или «take», а не «" + to_utf8(text) + "»");
            take_all = text == "take";
        } else if (a.Name == "Confirm" && (a.Value >>= flag)) {
            confirm = flag;
        }
    }
    if (!scripted) {
        request.files = pick_results(context_, "Результаты ВПР для формы: выберите файлы Ф1 из ФИС ОКО");
        if (request.files.empty())
            return;  // cancelled
    }
    if (request.files.empty())
        throw UserError("не выбраны файлы результатов ВПР");
    Reference<css::awt::XWindowPeer> parent;
    if (Reference<css::frame::XFrame> frame = controller->getFrame(); frame.is())
        parent.set(frame->getContainerWindow(), UNO_QUERY);
    request.decide = [&](const vpr::FillPlan& plan) -> std::optional<std::vector<bool>> {
        if (!confirm)
            return std::vector<bool>(plan.conflicts.size(), take_all.value_or(false));
        auto decided = confirm_fill(context_, parent, catalogue, plan);
        if (decided && take_all)
            std::fill(decided->begin(), decided->end(), *take_all);
        return decided;
    };
    Reference<css::task::XStatusIndicator> progress;
    if (Reference<css::task::XStatusIndicatorFactory> factory{controller->getFrame(), UNO_QUERY}; factory.is())
        progress = factory->createStatusIndicator();
    const OnExit flush([] { log().flush(); });
    const Reference<css::frame::XComponentLoader> loader(css::frame::Desktop::create(context_), UNO_QUERY_THROW);
    const VprFillRun run = uno::fill_from_vpr(loader, document, catalogue, catalogue.vpr,
                                              installed_boundaries(context_), request, progress);
    if (run.cancelled) {
        log().info("vpr fill cancelled");
        return;
    }
    if (!scripted || confirm)
        tell(from_utf8("МСОКО: заполнение из результатов ВПР"), from_utf8(run.message), false);
}

}  // namespace msoko::uno

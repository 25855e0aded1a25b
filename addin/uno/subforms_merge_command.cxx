// SPDX-License-Identifier: MPL-2.0
// «Данные → МСОКО → Собрать формы организаций…»: the Dispatcher's command
// over merge_subforms() (subforms_merge.hxx) — the files chosen, the
// conflicts decided in a dialog, the summary told.
#include "dispatcher.hxx"

#include "extension.hxx"
#include "guard.hxx"
#include "log.hxx"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"
#include "options.hxx"
#include "snapshot.hxx"
#include "subforms_merge.hxx"
#include "utf8.hxx"

#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>

#include <filesystem>
#include <optional>

namespace msoko::uno {

namespace fs = std::filesystem;
using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

fs::path path_of(const OUString& url_or_path) {
    if (!url_or_path.startsWith("file:"))
        return fs::u8path(to_utf8(url_or_path));
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url_or_path, path) != osl::FileBase::E_None)
        throw UserError("файл «" + to_utf8(url_or_path) + "» не на этом компьютере");
    return fs::u8path(to_utf8(path));
}

// A conflict as the dialog lists it.
std::string conflict_line(const Catalogue& catalogue, const MergePlan& plan, const MergeCell& c) {
    std::string name;
    for (const auto& o : plan.organisations)
        if (o.code == c.organisation)
            name = o.name;
    const Field* f = catalogue.field(c.field);
    const auto shown = [](const Cell& v) { return v.kind() == Cell::Kind::Text ? "«" + v.text() + "»" : cell_text(v); };
    // The values first: a field's title is long, the list shows the beginning of a line.
    return c.organisation + " " + name + ", " + cell_address(c.row, c.col) + ": в форме " + shown(c.in_form) +
           ", в форме организации " + shown(c.in_subform) + " — " + (f ? f->title : c.field) + " (" + c.sheet + ")";
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

// «Отметить все» / «Снять отметки»: every line of the list selected, or none.
class SelectAll final : public cppu::WeakImplHelper1<css::awt::XActionListener> {
public:
    SelectAll(Reference<css::beans::XPropertySet> list, sal_Int16 count, bool all)
        : list_(std::move(list)), count_(count), all_(all) {}
    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override {
        try {
            Sequence<sal_Int16> selected(all_ ? count_ : 0);
            for (sal_Int16 i = 0; i < selected.getLength(); ++i)
                selected.getArray()[i] = i;
            list_->setPropertyValue("SelectedItems", Any(selected));
        } catch (const css::uno::Exception&) {
        }
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    Reference<css::beans::XPropertySet> list_;
    sal_Int16 count_;
    bool all_;
};

// The dialog of the conflicts: each a line of a list, the lines selected are taken from the sub-forms.
std::optional<std::vector<bool>> ask_conflicts(const Reference<css::uno::XComponentContext>& context,
                                               const Reference<css::awt::XWindowPeer>& parent,
                                               const Catalogue& catalogue, const MergePlan& plan) {
    constexpr sal_Int32 kWidth = 420, kMargin = 8;
    Reference<css::lang::XMultiServiceFactory> factory(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
        UNO_QUERY_THROW);
    sal_Int16 tab = 0;
    sal_Int32 y = kMargin;
    auto intro = add(factory, "UnoControlFixedTextModel", "intro", kMargin, y, kWidth - 2 * kMargin, 34, tab);
    intro->setPropertyValue("MultiLine", Any(true));
    intro->setPropertyValue(
        "Label", Any(from_utf8("В форме набраны значения, которые отличаются от присланных организациями (" +
                               std::to_string(plan.conflicts.size()) +
                               "). Отметьте те, что нужно взять из форм организаций (Ctrl или Shift — несколько); "
                               "неотмеченные значения формы останутся как есть. Решения попадут на лист «Сбор "
                               "форм».")));
    y += 38;
    const sal_Int32 list_height = 150;
    auto list = add(factory, "UnoControlListBoxModel", "conflicts", kMargin, y, kWidth - 2 * kMargin, list_height, tab);
    list->setPropertyValue("MultiSelection", Any(true));
    const std::size_t shown = std::min<std::size_t>(plan.conflicts.size(), 30000);
    Sequence<OUString> items(static_cast<sal_Int32>(shown));
    for (std::size_t i = 0; i < shown; ++i)
        items.getArray()[i] = from_utf8(conflict_line(catalogue, plan, plan.conflicts[i]));
    list->setPropertyValue("StringItemList", Any(items));
    y += list_height + 6;
    const auto button = [&](const char* name, const char* label, css::awt::PushButtonType type, sal_Int32 x,
                            sal_Int32 width) {
        auto m = add(factory, "UnoControlButtonModel", name, x, y, width, 14, tab);
        m->setPropertyValue("Label", Any(from_utf8(label)));
        m->setPropertyValue("PushButtonType", Any(sal_Int16(type)));
        return m;
    };
    button("all", "Отметить ~все", css::awt::PushButtonType_STANDARD, kMargin, 70);
    button("none", "~Снять отметки", css::awt::PushButtonType_STANDARD, kMargin + 74, 70);
    button("ok", "Со~брать", css::awt::PushButtonType_OK, kWidth - kMargin - 3 * 58 - 8, 58)
        ->setPropertyValue("DefaultButton", Any(true));
    button("cancel", "Отмена", css::awt::PushButtonType_CANCEL, kWidth - kMargin - 2 * 58 - 4, 58);
    button("help", "~Справка", css::awt::PushButtonType_HELP, kWidth - kMargin - 58, 58);
    y += 14 + kMargin;
    Reference<css::beans::XPropertySet> model(factory, UNO_QUERY_THROW);
    model->setPropertyValue("Title", Any(from_utf8("Расхождения со значениями формы")));
    model->setPropertyValue("Width", Any(kWidth));
    model->setPropertyValue("Height", Any(y));
    model->setPropertyValue("PositionX", Any(sal_Int32(40)));
    model->setPropertyValue("PositionY", Any(sal_Int32(40)));
    model->setPropertyValue("HelpURL", Any(OUString("org.msoko.calc:MergeSubforms")));

    Reference<css::awt::XControl> dialog(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialog", context),
        UNO_QUERY_THROW);
    dialog->setModel(Reference<css::awt::XControlModel>(model, UNO_QUERY_THROW));
    dialog->createPeer(Reference<css::awt::XToolkit>(css::awt::Toolkit::create(context), UNO_QUERY_THROW), parent);
    const OnExit dispose([&] { Reference<css::lang::XComponent>(dialog, UNO_QUERY_THROW)->dispose(); });
    Reference<css::awt::XControlContainer> container(dialog, UNO_QUERY_THROW);
    const auto count = static_cast<sal_Int16>(shown);
    Reference<css::awt::XButton>(container->getControl("all"), UNO_QUERY_THROW)
        ->addActionListener(new SelectAll(list, count, true));
    Reference<css::awt::XButton>(container->getControl("none"), UNO_QUERY_THROW)
        ->addActionListener(new SelectAll(list, count, false));
    if (Reference<css::awt::XDialog>(dialog, UNO_QUERY_THROW)->execute() != 1)
        return std::nullopt;
    Sequence<sal_Int16> selected;
    list->getPropertyValue("SelectedItems") >>= selected;
    std::vector<bool> take(plan.conflicts.size(), false);
    for (const sal_Int16 i : selected)
        if (i >= 0 && static_cast<std::size_t>(i) < take.size())
            take[static_cast<std::size_t>(i)] = true;
    return take;
}

// The sub-forms chosen in a file picker (several at once), from the folder beside the form.
std::vector<fs::path> pick_files(const Reference<css::uno::XComponentContext>& context, const fs::path& form) {
    const auto picker =
        css::ui::dialogs::FilePicker::createWithMode(context, css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
    picker->setTitle(from_utf8("Формы организаций: выберите присланные файлы (Ctrl+A — все файлы папки)"));
    picker->setMultiSelectionMode(true);
    if (Reference<css::ui::dialogs::XFilterManager> filters{picker, UNO_QUERY}; filters.is()) {
        filters->appendFilter(from_utf8("Формы организаций (*.ods, *.fods, *.xlsx)"), "*.ods;*.fods;*.xlsx");
        filters->appendFilter(from_utf8("Все файлы (*.*)"), "*.*");
    }
    if (!form.empty()) {
        std::error_code ec;
        fs::path folder = form.parent_path() / fs::u8path(form.stem().u8string() + " — формы организаций");
        if (!fs::is_directory(folder, ec))
            folder = form.parent_path();
        OUString url;
        if (osl::FileBase::getFileURLFromSystemPath(from_utf8(folder.u8string()), url) == osl::FileBase::E_None)
            picker->setDisplayDirectory(url);
    }
    std::vector<fs::path> out;
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
        return out;
    for (const OUString& url : picker->getSelectedFiles())
        out.push_back(path_of(url));
    return out;
}

}  // namespace

void Dispatcher::collect_subforms() {
    Reference<css::frame::XController> controller;
    const auto document = frame_document(&controller);
    const Reference<css::frame::XStorable> storable(document, UNO_QUERY_THROW);
    if (storable->isReadonly())
        throw UserError(
            "форма открыта только для чтения: в неё нельзя записать значения форм организаций. Включите "
            "редактирование (Правка → Режим правки) и повторите сбор.");
    const Catalogue& catalogue = installed_catalogue(context_);
    MergeRequest request;
    request.settings = current_options(context_).check;
    // For macros and tests: «Files» (a path or URL of a file or folder, or a list of them: no file
    // picker) and «Conflicts» ("keep" | "take": every conflict decided so, no dialog).
    std::vector<fs::path> given;
    std::optional<bool> take_all;
    bool scripted = false;
    for (const auto& a : arguments_) {
        OUString text;
        Sequence<OUString> list;
        if (a.Name == "Files") {
            scripted = true;
            if (a.Value >>= text)
                given.push_back(path_of(text));
            else if (a.Value >>= list)
                for (const OUString& s : list)
                    given.push_back(path_of(s));
        } else if (a.Name == "Conflicts" && (a.Value >>= text)) {
            if (text != "keep" && text != "take")
                throw UserError("аргумент Conflicts: «keep» или «take», а не «" + to_utf8(text) + "»");
            take_all = text == "take";
        }
    }
    Reference<css::awt::XWindowPeer> parent;
    if (Reference<css::frame::XFrame> frame = controller->getFrame(); frame.is())
        parent.set(frame->getContainerWindow(), UNO_QUERY);
    if (!scripted) {
        fs::path form;
        if (storable->hasLocation())
            form = path_of(storable->getLocation());
        given = pick_files(context_, form);
        if (given.empty())
            return;  // cancelled
    }
    request.files = returned_files(given);
    if (request.files.empty())
        throw UserError("в выбранной папке нет файлов");
    // Without «Conflicts» the user decides in the dialog (files given by a macro too).
    request.decide = [&](const MergePlan& plan) -> std::optional<std::vector<bool>> {
        if (take_all)
            return std::vector<bool>(plan.conflicts.size(), *take_all);
        return ask_conflicts(context_, parent, catalogue, plan);
    };
    Reference<css::task::XStatusIndicator> progress;
    if (Reference<css::task::XStatusIndicatorFactory> factory{controller->getFrame(), UNO_QUERY}; factory.is())
        progress = factory->createStatusIndicator();
    const OnExit flush([] { log().flush(); });
    const MergeRun run = merge_subforms(context_, document, catalogue, request, progress);
    if (run.cancelled) {
        log().info("subforms merge cancelled at the conflicts");
        return;
    }
    // «Сбор форм» is what the user reads next.
    if (Reference<css::sheet::XSpreadsheetView> view{controller, UNO_QUERY}; view.is())
        view->setActiveSheet(
            Reference<css::sheet::XSpreadsheet>(document->getSheets()->getByName(run.sheet), UNO_QUERY_THROW));
    if (!scripted)
        tell(from_utf8("МСОКО: сбор форм организаций"), from_utf8(run.message), false);
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
// The dialog «Создать форму сбора данных…», made of UNO control models.
#include "new_form_dialog.hxx"

#include "documents.hxx"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/PushButtonType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XActionListener.hpp>
#include <com/sun/star/awt/XButton.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XControlModel.hpp>
#include <com/sun/star/awt/XDialog.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameContainer.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>

#include <cmath>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

constexpr sal_Int32 kWidth = 350, kLabelWidth = 195, kRow = 17, kMargin = 8, kFieldHeight = 12;

std::string count_name(const OrganisationType& t) {
    return "count_" + t.id;
}

// Adds a control model; its tab index follows the last one's.
Reference<css::beans::XPropertySet> add(const Reference<css::lang::XMultiServiceFactory>& factory,
                                        const std::string& service, const std::string& name, sal_Int32 x, sal_Int32 y,
                                        sal_Int32 width, sal_Int32 height, sal_Int16& tab) {
    Reference<css::beans::XPropertySet> m(factory->createInstance(from_utf8("com.sun.star.awt." + service)),
                                          UNO_QUERY_THROW);
    m->setPropertyValue("PositionX", Any(x));
    m->setPropertyValue("PositionY", Any(y));
    m->setPropertyValue("Width", Any(width));
    m->setPropertyValue("Height", Any(height));
    m->setPropertyValue("TabIndex", Any(tab++));
    Reference<css::container::XNameContainer>(factory, UNO_QUERY_THROW)->insertByName(from_utf8(name), Any(m));
    return m;
}

Reference<css::beans::XPropertySet> control(const Reference<css::uno::XInterface>& model, const std::string& name) {
    Reference<css::container::XNameContainer> controls(model, UNO_QUERY_THROW);
    return Reference<css::beans::XPropertySet>(controls->getByName(from_utf8(name)), UNO_QUERY_THROW);
}

std::string text_of(const Reference<css::uno::XInterface>& model, const std::string& name) {
    OUString s;
    control(model, name)->getPropertyValue("Text") >>= s;
    return to_utf8(s.trim());
}

// «Обзор…»: a file chooser for last year's form; the choice goes into the
// file field and ticks the check box.
class Browse final : public cppu::WeakImplHelper1<css::awt::XActionListener> {
public:
    Browse(Reference<css::uno::XComponentContext> context, Reference<css::uno::XInterface> model)
        : context_(std::move(context)), model_(std::move(model)) {}
    void SAL_CALL actionPerformed(const css::awt::ActionEvent&) override {
        try {
            const auto picker = css::ui::dialogs::FilePicker::createWithMode(
                context_, css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
            picker->setTitle(from_utf8("Форма прошлого года"));
            if (Reference<css::ui::dialogs::XFilterManager> filters{picker, UNO_QUERY}; filters.is()) {
                filters->appendFilter(from_utf8("Формы МСОКО (*.ods, *.fods, *.xlsx)"), "*.ods;*.fods;*.xlsx");
                filters->appendFilter(from_utf8("Все файлы (*.*)"), "*.*");
            }
            if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
                return;
            const auto files = picker->getSelectedFiles();
            if (!files.hasElements())
                return;
            OUString path;
            if (osl::FileBase::getSystemPathFromFileURL(files[0], path) != osl::FileBase::E_None)
                path = files[0];
            control(model_, "last_year_file")->setPropertyValue("Text", Any(path));
            control(model_, "last_year")->setPropertyValue("State", Any(sal_Int16(1)));
        } catch (const css::uno::Exception&) {
            // no file chooser: the user types the path
        }
    }
    void SAL_CALL disposing(const css::lang::EventObject&) override {}

private:
    Reference<css::uno::XComponentContext> context_;
    Reference<css::uno::XInterface> model_;
};

}  // namespace

Reference<css::uno::XInterface> new_form_dialog_model(const Reference<css::uno::XComponentContext>& context,
                                                      const Catalogue& catalogue, const NewFormAnswers& defaults) {
    Reference<css::lang::XMultiServiceFactory> factory(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialogModel", context),
        UNO_QUERY_THROW);
    sal_Int16 tab = 0;
    sal_Int32 y = kMargin;
    const sal_Int32 field_x = kMargin + kLabelWidth, field_width = kWidth - field_x - kMargin;
    const auto labelled = [&](const std::string& name, const std::string& label, const std::string& service) {
        add(factory, "UnoControlFixedTextModel", name + "_label", kMargin, y + 2, kLabelWidth - 4, kFieldHeight, tab)
            ->setPropertyValue("Label", Any(from_utf8(label)));
        auto m = add(factory, service, name, field_x, y, field_width, kFieldHeight, tab);
        y += kRow;
        return m;
    };
    const NewFormRequest& r = defaults.request;
    labelled("municipality", "~Муниципальное образование:", "UnoControlEditModel")
        ->setPropertyValue("Text", Any(from_utf8(r.municipality)));
    labelled("region", "~Субъект Российской Федерации:", "UnoControlEditModel")
        ->setPropertyValue("Text", Any(from_utf8(r.region)));
    labelled("period", "~Отчётный период:", "UnoControlEditModel")->setPropertyValue("Text", Any(from_utf8(r.period)));
    for (const OrganisationType* t : catalogue.register_types()) {
        const auto it = r.organisations.find(t->id);
        auto m = labelled(count_name(*t), t->count_title + " (" + t->short_title + "):", "UnoControlNumericFieldModel");
        m->setPropertyValue("DecimalAccuracy", Any(sal_Int16(0)));
        m->setPropertyValue("ValueMin", Any(0.0));
        m->setPropertyValue("ValueMax", Any(static_cast<double>(kMaxRegisterRows)));
        m->setPropertyValue("Spin", Any(true));
        m->setPropertyValue("StrictFormat", Any(true));
        m->setPropertyValue("Value",
                            Any(static_cast<double>(it != r.organisations.end() ? it->second : kDefaultRegisterRows)));
    }
    y += 4;
    add(factory, "UnoControlCheckBoxModel", "last_year", kMargin, y, kWidth - 2 * kMargin, kFieldHeight, tab)
        ->setPropertyValue("Label", Any(from_utf8("~Взять реестр организаций и значения из формы прошлого года:")));
    control(Reference<css::uno::XInterface>(factory, UNO_QUERY), "last_year")
        ->setPropertyValue("State", Any(sal_Int16(defaults.last_year_url.isEmpty() ? 0 : 1)));
    y += kRow - 3;
    OUString path = defaults.last_year_url;
    if (!path.isEmpty())
        osl::FileBase::getSystemPathFromFileURL(defaults.last_year_url, path);
    add(factory, "UnoControlEditModel", "last_year_file", kMargin + 10, y, kWidth - 2 * kMargin - 10 - 54, kFieldHeight,
        tab)
        ->setPropertyValue("Text", Any(path));
    add(factory, "UnoControlButtonModel", "browse", kWidth - kMargin - 50, y - 1, 50, kFieldHeight + 2, tab)
        ->setPropertyValue("Label", Any(from_utf8("~Обзор…")));
    y += kRow + 8;
    const auto button = [&](const char* name, const char* label, sal_Int16 type, sal_Int32 x) {
        auto m = add(factory, "UnoControlButtonModel", name, x, y, 54, 14, tab);
        m->setPropertyValue("Label", Any(from_utf8(label)));
        m->setPropertyValue("PushButtonType", Any(type));
        return m;
    };
    button("ok", "Создать", sal_Int16(css::awt::PushButtonType_OK), kWidth - kMargin - 3 * 54 - 8)
        ->setPropertyValue("DefaultButton", Any(true));
    button("cancel", "Отмена", sal_Int16(css::awt::PushButtonType_CANCEL), kWidth - kMargin - 2 * 54 - 4);
    button("help", "~Справка", sal_Int16(css::awt::PushButtonType_HELP), kWidth - kMargin - 54);
    y += 14 + kMargin;

    Reference<css::beans::XPropertySet> dialog(factory, UNO_QUERY_THROW);
    dialog->setPropertyValue("Title", Any(from_utf8("Новая форма сбора данных МСОКО")));
    dialog->setPropertyValue("Width", Any(kWidth));
    dialog->setPropertyValue("Height", Any(y));
    dialog->setPropertyValue("PositionX", Any(sal_Int32(60)));
    dialog->setPropertyValue("PositionY", Any(sal_Int32(40)));
    dialog->setPropertyValue("HelpURL", Any(OUString("org.msoko.calc:NewForm")));
    return Reference<css::uno::XInterface>(factory, UNO_QUERY_THROW);
}

NewFormAnswers new_form_answers(const Reference<css::uno::XInterface>& model, const Catalogue& catalogue) {
    NewFormAnswers a;
    a.request.municipality = text_of(model, "municipality");
    a.request.region = text_of(model, "region");
    a.request.period = text_of(model, "period");
    for (const OrganisationType* t : catalogue.register_types()) {
        double v = 0;
        control(model, count_name(*t))->getPropertyValue("Value") >>= v;
        a.request.organisations[t->id] =
            std::isfinite(v) && v > 0 ? static_cast<std::size_t>(std::llround(std::min(v, 1e6))) : 0;
    }
    sal_Int16 state = 0;
    control(model, "last_year")->getPropertyValue("State") >>= state;
    const std::string file = text_of(model, "last_year_file");
    if (state == 1 && !file.empty()) {
        OUString url;
        if (osl::FileBase::getFileURLFromSystemPath(from_utf8(file), url) != osl::FileBase::E_None)
            url = from_utf8(file);
        a.last_year_url = url;
    }
    return a;
}

std::string new_form_problem(const NewFormAnswers& a) {
    if (a.request.municipality.empty())
        return "Укажите муниципальное образование: оно войдёт в паспорт формы и в имя файла.";
    if (a.request.region.empty())
        return "Укажите субъект Российской Федерации.";
    if (a.request.period.empty())
        return "Укажите отчётный период, например «2025/2026 учебный год».";
    for (const auto& [type, n] : a.request.organisations)
        if (n > kMaxRegisterRows)
            return "Организаций одного типа может быть не больше " + std::to_string(kMaxRegisterRows) + ".";
    return {};
}

std::optional<NewFormAnswers> ask_new_form(const Reference<css::uno::XComponentContext>& context,
                                           const Reference<css::awt::XWindowPeer>& parent, const Catalogue& catalogue,
                                           const NewFormAnswers& defaults) {
    const Reference<css::uno::XInterface> model = new_form_dialog_model(context, catalogue, defaults);
    Reference<css::awt::XControl> dialog(
        context->getServiceManager()->createInstanceWithContext("com.sun.star.awt.UnoControlDialog", context),
        UNO_QUERY_THROW);
    dialog->setModel(Reference<css::awt::XControlModel>(model, UNO_QUERY_THROW));
    const Reference<css::awt::XToolkit> toolkit(css::awt::Toolkit::create(context), UNO_QUERY_THROW);
    dialog->createPeer(toolkit, parent);
    struct Dispose {
        Reference<css::awt::XControl> d;
        ~Dispose() {
            try {
                Reference<css::lang::XComponent>(d, UNO_QUERY_THROW)->dispose();
            } catch (const css::uno::Exception&) {
            }
        }
    } dispose{dialog};
    Reference<css::awt::XControlContainer> container(dialog, UNO_QUERY_THROW);
    Reference<css::awt::XButton>(container->getControl("browse"), UNO_QUERY_THROW)
        ->addActionListener(new Browse(context, model));
    Reference<css::awt::XDialog> run(dialog, UNO_QUERY_THROW);
    for (;;) {
        if (run->execute() != 1)  // «Отмена», Esc, or a headless office
            return std::nullopt;
        NewFormAnswers answers = new_form_answers(model, catalogue);
        const std::string problem = new_form_problem(answers);
        if (problem.empty())
            return answers;
        Reference<css::awt::XMessageBoxFactory> boxes(toolkit, UNO_QUERY_THROW);
        Reference<css::awt::XWindowPeer> peer(dialog->getPeer(), UNO_QUERY);
        boxes
            ->createMessageBox(peer.is() ? peer : parent, css::awt::MessageBoxType_WARNINGBOX,
                               css::awt::MessageBoxButtons::BUTTONS_OK, from_utf8("МСОКО"), from_utf8(problem))
            ->execute();
    }
}

std::optional<NewFormAnswers> new_form_arguments(const css::uno::Sequence<css::beans::PropertyValue>& arguments,
                                                 const Catalogue& catalogue) {
    NewFormAnswers a;
    bool scripted = false;
    for (const auto& p : arguments) {
        OUString text;
        sal_Int32 number = 0;
        const std::string name = to_utf8(p.Name);
        if (name == "Municipality" && (p.Value >>= text)) {
            a.request.municipality = to_utf8(text.trim());
            scripted = true;
        } else if (name == "Region" && (p.Value >>= text)) {
            a.request.region = to_utf8(text.trim());
        } else if (name == "Period" && (p.Value >>= text)) {
            a.request.period = to_utf8(text.trim());
        } else if (name == "LastYear" && (p.Value >>= text)) {
            a.last_year_url = text;
        } else if (p.Value >>= number) {
            for (const OrganisationType* t : catalogue.register_types())
                if (t->plural == name)
                    a.request.organisations[t->id] = number > 0 ? static_cast<std::size_t>(number) : 0;
        }
    }
    if (!scripted)
        return std::nullopt;
    if (const std::string problem = new_form_problem(a); !problem.empty())
        throw UserError(problem);
    return a;
}

LastYearForm read_last_year_form(const Reference<css::uno::XComponentContext>& context, const OUString& url,
                                 const Catalogue& catalogue, const Reference<css::task::XStatusIndicator>& progress,
                                 const EarlierCatalogue& earlier) {
    const auto args = properties({{"Hidden", css::uno::Any(true)}, {"ReadOnly", css::uno::Any(true)}});
    Reference<css::lang::XComponent> doc;
    try {
        doc = Reference<css::frame::XComponentLoader>(css::frame::Desktop::create(context), UNO_QUERY_THROW)
                  ->loadComponentFromURL(url, "_blank", 0, args);
    } catch (const css::uno::Exception&) {
        // told below, in the user's words
    }
    const Reference<css::sheet::XSpreadsheetDocument> sheets(doc, UNO_QUERY);
    const ClosedAtExit closed(doc);  // whatever happens below
    if (!sheets.is())
        throw UserError("не удалось открыть форму прошлого года: файла нет, он повреждён или это не таблица");
    try {
        const WorkbookSnapshot workbook = snapshot_shown(sheets, progress, "МСОКО: чтение формы прошлого года…");
        // A form of an earlier version is read by its own version's catalogue.
        const std::string version = earlier_form_version(catalogue, workbook);
        return read_last_year(catalogue, workbook, version.empty() ? nullptr : &earlier(version));
    } catch (const std::runtime_error& e) {
        throw UserError(std::string("форма прошлого года не подходит: ") + e.what());
    }
}

}  // namespace msoko::uno

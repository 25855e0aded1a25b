// SPDX-License-Identifier: MPL-2.0
#include "options.hxx"

#include "guard.hxx"
#include "log.hxx"

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XHierarchicalPropertySet.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/lang/XMultiServiceFactory.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilterManager.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <com/sun/star/util/XChangesListener.hpp>
#include <com/sun/star/util/XChangesNotifier.hpp>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <limits>
#include <mutex>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY;
using css::uno::UNO_QUERY_THROW;

namespace {

constexpr double kNotANumber = std::numeric_limits<double>::quiet_NaN();

// The control ids of registry/dialogs/Options.xdl.
constexpr const char* kBuiltin = "CatalogueBuiltin";
constexpr const char* kFromFile = "CatalogueFromFile";
constexpr const char* kFile = "CatalogueFile";
constexpr const char* kBrowse = "CatalogueBrowse";
constexpr const char* kProblem = "Problem";
constexpr const char* kLogLevel = "LogLevel";
constexpr const char* kLogPath = "LogPath";

// A threshold: its control, its key under Check/ and its label as the page words it.
struct Threshold {
    const char* control;
    const char* key;
    const char* label;
    CheckSettings::Item item;
    double CheckSettings::*value;
};
constexpr Threshold kThresholds[] = {
    {"DynamicsPoints", "Check/DynamicsPoints", "Изменение показателя за год больше, п. п.",
     CheckSettings::Item::DynamicsPoints, &CheckSettings::dynamics_points},
    {"SmallBase", "Check/SmallBase", "Малая база: знаменатель меньше, человек", CheckSettings::Item::SmallBase,
     &CheckSettings::small_base},
    {"OutlierDistance", "Check/OutlierDistance", "Удалённость от медианы, медианных отклонений",
     CheckSettings::Item::OutlierDistance, &CheckSettings::outlier_distance},
};

Reference<css::uno::XInterface> open_node(const Reference<css::uno::XComponentContext>& context, bool update) {
    const Reference<css::lang::XMultiServiceFactory> provider = css::configuration::theDefaultProvider::get(context);
    Sequence<Any> args(1);
    args.getArray()[0] <<= css::beans::NamedValue("nodepath", Any(OUString::createFromAscii(kOptionsNode)));
    return provider->createInstanceWithArguments(update
                                                     ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
                                                     : OUString("com.sun.star.configuration.ConfigurationAccess"),
                                                 args);
}

Options read_from(const Reference<css::container::XHierarchicalNameAccess>& node) {
    Options o;
    const auto get = [&](const char* key) { return node->getByHierarchicalName(OUString::createFromAscii(key)); };
    get("Catalogue/FromFile") >>= o.catalogue_from_file;
    OUString text;
    if (get("Catalogue/File") >>= text)
        o.catalogue_file = to_utf8(text);
    for (const Threshold& t : kThresholds) {
        double v = 0;
        const Any a = get(t.key);
        if (sal_Int32 i = 0; a >>= i)
            v = i;
        else if (!(a >>= v))
            continue;
        if (const std::string problem = CheckSettings::problem(t.item, v); !problem.empty())
            log().warn("settings: {} = {} ignored ({}), {} used", t.key, v, problem, format_number(o.check.*t.value));
        else
            o.check.*t.value = v;
    }
    if (get("Log/Level") >>= text) {
        const std::string level = to_utf8(text);
        if (std::find(std::begin(kLogLevels), std::end(kLogLevels), level) != std::end(kLogLevels))
            o.log_level = level;
        else
            log().warn("settings: log level «{}» ignored", level);
    }
    return o;
}

// The settings as last read and whether the configuration changed since.
// Never destroyed: the office may be gone when static objects are, and a UNO
// reference must not be released after it.
struct Watch {
    std::mutex mutex;
    std::optional<Options> options;
    std::atomic<bool> stale{true};
    Reference<css::container::XHierarchicalNameAccess> node;
};

Watch& watch() {
    static Watch* w = new Watch;
    return *w;
}

class StaleOnChange final : public cppu::WeakImplHelper1<css::util::XChangesListener> {
public:
    void SAL_CALL changesOccurred(const css::util::ChangesEvent&) override { watch().stale = true; }
    void SAL_CALL disposing(const css::lang::EventObject&) override { watch().stale = true; }
};

Reference<css::beans::XPropertySet> model(const Reference<css::awt::XControlContainer>& page, const char* id) {
    const Reference<css::awt::XControl> control = page->getControl(OUString::createFromAscii(id));
    if (!control.is())
        throw std::runtime_error(std::string("the options page has no control ") + id);
    return Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
}

void set(const Reference<css::awt::XControlContainer>& page, const char* id, const char* property, const Any& value) {
    model(page, id)->setPropertyValue(OUString::createFromAscii(property), value);
}

template <class T>
T get(const Reference<css::awt::XControlContainer>& page, const char* id, const char* property) {
    T v{};
    model(page, id)->getPropertyValue(OUString::createFromAscii(property)) >>= v;
    return v;
}

std::string text_of(const Reference<css::awt::XControlContainer>& page, const char* id) {
    return to_utf8(get<OUString>(page, id, "Text"));
}

bool from_file(const Reference<css::awt::XControlContainer>& page) {
    return get<sal_Int16>(page, kFromFile, "State") == 1;
}

// The file field and its button serve only the choice «from a file».
void enable_file(const Reference<css::awt::XControlContainer>& page) {
    const bool on = from_file(page);
    set(page, kFile, "Enabled", Any(on));
    set(page, kBrowse, "Enabled", Any(on));
}

// What a threshold's field holds: its value, or why it cannot be stored
// («"Малая база…": введено «abc», нужно целое число от 0 до 1000»).
struct Typed {
    std::optional<double> value;
    std::string problem;
};
Typed typed_threshold(const Reference<css::awt::XControlContainer>& page, const Threshold& t) {
    const std::string typed = text_of(page, t.control);
    const std::optional<double> v = parse_number(typed);
    const std::string problem = CheckSettings::problem(t.item, v ? *v : kNotANumber);
    if (problem.empty())
        return {v, {}};
    return {std::nullopt, "«" + std::string(t.label) + "»: введено «" + typed + "», " + problem};
}

void tell(const Reference<css::awt::XWindow>& window, const std::string& message) {
    try {
        const Reference<css::awt::XWindowPeer> peer(window, UNO_QUERY);
        if (!peer.is())
            return;
        const Reference<css::awt::XMessageBoxFactory> factory(peer->getToolkit(), UNO_QUERY);
        if (!factory.is())
            return;
        const auto box =
            factory->createMessageBox(peer, css::awt::MessageBoxType_WARNINGBOX,
                                      css::awt::MessageBoxButtons::BUTTONS_OK, "МСОКО", from_utf8(message));
        if (box.is())
            box->execute();
    } catch (const css::uno::Exception& e) {
        log().error("settings: the message could not be shown: {}", to_utf8(e.Message));
    }
}

}  // namespace

Options read_options(const Reference<css::uno::XComponentContext>& context) {
    return read_from(Reference<css::container::XHierarchicalNameAccess>(open_node(context, false), UNO_QUERY_THROW));
}

void write_options(const Reference<css::uno::XComponentContext>& context, const Options& o) {
    const Reference<css::uno::XInterface> node = open_node(context, true);
    const Reference<css::beans::XHierarchicalPropertySet> props(node, UNO_QUERY_THROW);
    const auto put = [&](const char* key, const Any& value) {
        props->setHierarchicalPropertyValue(OUString::createFromAscii(key), value);
    };
    put("Catalogue/FromFile", Any(o.catalogue_from_file));
    put("Catalogue/File", Any(from_utf8(o.catalogue_file)));
    put("Check/DynamicsPoints", Any(o.check.dynamics_points));
    put("Check/SmallBase", Any(static_cast<sal_Int32>(std::lround(o.check.small_base))));
    put("Check/OutlierDistance", Any(o.check.outlier_distance));
    put("Log/Level", Any(OUString::createFromAscii(o.log_level.c_str())));
    Reference<css::util::XChangesBatch>(node, UNO_QUERY_THROW)->commitChanges();
}

Options current_options(const Reference<css::uno::XComponentContext>& context) {
    if (!context.is())
        return {};
    Watch& w = watch();
    std::lock_guard lock(w.mutex);
    if (w.options && !w.stale.load())
        return *w.options;
    try {
        // Stale again if the configuration changes while it is read.
        w.stale = false;
        if (!w.node.is()) {
            const Reference<css::uno::XInterface> node = open_node(context, false);
            w.node.set(node, UNO_QUERY_THROW);
            if (const Reference<css::util::XChangesNotifier> notifier{node, UNO_QUERY}; notifier.is())
                notifier->addChangesListener(new StaleOnChange);
        }
        w.options = read_from(w.node);
        set_log_level(w.options->log_level);
        log().debug("settings read: catalogue {}, thresholds {} / {} / {}, log {}",
                    w.options->catalogue_from_file ? "from a file" : "built in", w.options->check.dynamics_points,
                    w.options->check.small_base, w.options->check.outlier_distance, w.options->log_level);
    } catch (const css::uno::Exception& e) {
        // The schema comes with the extension: this is not foreseen. The
        // defaults keep the product working as it does without settings.
        log().error("settings not read, the defaults are used: {}", to_utf8(e.Message));
        w.options = Options{};
    } catch (const std::exception& e) {
        log().error("settings not read, the defaults are used: {}", e.what());
        w.options = Options{};
    }
    return *w.options;
}

std::optional<double> parse_number(const std::string& text) {
    std::string s;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(text[i]);
        // Spaces, also the no-break ones (U+00A0, U+202F) a copied number may carry.
        if (ch == ' ' || ch == '\t')
            continue;
        if (ch == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        if (ch == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            static_cast<unsigned char>(text[i + 2]) == 0xAF) {
            i += 2;
            continue;
        }
        s += ch == ',' ? '.' : static_cast<char>(ch);
    }
    if (s.empty())
        return std::nullopt;
    double v = 0;
    const auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (error != std::errc() || end != s.data() + s.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::string format_number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    std::string out = buffer;
    for (char& ch : out)
        if (ch == '.')
            ch = ',';
    return out;
}

// --- the page

Sequence<OUString> OptionsPage::supported_services() {
    Sequence<OUString> names(1);
    names.getArray()[0] = "org.msoko.calc.OptionsPage";
    return names;
}

OptionsPage::OptionsPage(Reference<css::uno::XComponentContext> context) : context_(std::move(context)) {}

void OptionsPage::to_page(const Reference<css::awt::XControlContainer>& page, const Options& o) {
    set(page, kBuiltin, "State", Any(static_cast<sal_Int16>(o.catalogue_from_file ? 0 : 1)));
    set(page, kFromFile, "State", Any(static_cast<sal_Int16>(o.catalogue_from_file ? 1 : 0)));
    set(page, kFile, "Text", Any(from_utf8(o.catalogue_file)));
    enable_file(page);
    for (const Threshold& t : kThresholds)
        set(page, t.control, "Text", Any(from_utf8(format_number(o.check.*t.value))));
    const auto level = std::find(std::begin(kLogLevels), std::end(kLogLevels), o.log_level);
    Sequence<sal_Int16> selected(1);
    selected.getArray()[0] = static_cast<sal_Int16>(level == std::end(kLogLevels) ? 1 : level - std::begin(kLogLevels));
    set(page, kLogLevel, "SelectedItems", Any(selected));
    const std::string& path = log_path();
    set(page, kLogPath, "Label",
        Any(from_utf8(path.empty() ? std::string("Файл журнала не открыт (профиль LibreOffice недоступен для записи).")
                                   : "Файл журнала: " + path)));
    set(page, kProblem, "Label", Any(OUString()));
}

Options OptionsPage::from_page(const Reference<css::awt::XControlContainer>& page, const Options& previous,
                               bool load_catalogue, std::vector<std::string>& problems) {
    Options o = previous;
    for (const Threshold& t : kThresholds) {
        if (const Typed typed = typed_threshold(page, t); typed.value)
            o.check.*t.value = *typed.value;
        else
            problems.push_back(typed.problem + "; оставлено " + format_number(previous.check.*t.value) + ".");
    }
    const bool wants_file = from_file(page);
    const std::string file = text_of(page, kFile);
    if (!wants_file) {
        o.catalogue_from_file = false;
        o.catalogue_file = file;  // kept for the next time the file is chosen
    } else if (file.empty()) {
        problems.push_back("«Из файла»: файл каталога не указан; каталог не изменён.");
    } else {
        std::string reason;
        if (load_catalogue) {
            try {
                (void)read_catalogue(file);
            } catch (const std::exception& e) {
                reason = e.what();
            }
        }
        if (reason.empty()) {
            o.catalogue_from_file = true;
            o.catalogue_file = file;
        } else {
            problems.push_back("«Из файла»: каталог «" + file + "» не прочитан (" + reason + "); каталог не изменён.");
        }
    }
    const Sequence<sal_Int16> selected = get<Sequence<sal_Int16>>(page, kLogLevel, "SelectedItems");
    if (selected.getLength() == 1 && selected[0] >= 0 && static_cast<std::size_t>(selected[0]) < std::size(kLogLevels))
        o.log_level = kLogLevels[selected[0]];
    return o;
}

void OptionsPage::save(const Reference<css::awt::XWindow>& window, const Reference<css::awt::XControlContainer>& page) {
    const Options previous = read_options(context_);
    std::vector<std::string> problems;
    const Options chosen = from_page(page, previous, true, problems);
    write_options(context_, chosen);
    set_log_level(chosen.log_level);
    log().info("settings saved: catalogue {}, thresholds {} / {} / {}, log {}; {} values not saved",
               chosen.catalogue_from_file ? "from a file" : "built in", chosen.check.dynamics_points,
               chosen.check.small_base, chosen.check.outlier_distance, chosen.log_level, problems.size());
    if (problems.empty()) {
        set(page, kProblem, "Label", Any(OUString()));
        return;
    }
    std::string message = "Параметры МСОКО сохранены, кроме:";
    for (const auto& p : problems)
        message += "\n• " + p;
    set(page, kProblem, "Label", Any(from_utf8(problems.front())));
    tell(window, message);
}

void OptionsPage::choose_catalogue(const Reference<css::awt::XWindow>&,
                                   const Reference<css::awt::XControlContainer>& page) {
    const auto picker =
        css::ui::dialogs::FilePicker::createWithMode(context_, css::ui::dialogs::TemplateDescription::FILEOPEN_SIMPLE);
    picker->setTitle(from_utf8("Каталог показателей МСОКО"));
    if (const Reference<css::ui::dialogs::XFilterManager> filters{picker, UNO_QUERY}; filters.is()) {
        filters->appendFilter(from_utf8("Каталог показателей (*.json)"), "*.json");
        filters->appendFilter(from_utf8("Все файлы (*.*)"), "*.*");
        filters->setCurrentFilter(from_utf8("Каталог показателей (*.json)"));
    }
    const std::string typed = text_of(page, kFile);
    if (!typed.empty()) {
        OUString url;
        if (osl::FileBase::getFileURLFromSystemPath(from_utf8(typed), url) == osl::FileBase::E_None) {
            const sal_Int32 slash = url.lastIndexOf('/');
            if (slash > 0) {
                try {
                    picker->setDisplayDirectory(url.copy(0, slash));
                } catch (const css::uno::Exception&) {
                    // the folder is gone: the picker starts where it likes
                }
            }
        }
    }
    if (picker->execute() != css::ui::dialogs::ExecutableDialogResults::OK)
        return;
    const Sequence<OUString> files = picker->getSelectedFiles();
    if (files.getLength() < 1)
        return;
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(files[0], path) != osl::FileBase::E_None) {
        set(page, kProblem, "Label", Any(from_utf8("Выбранный файл не на этом компьютере: выберите локальный файл.")));
        return;
    }
    set(page, kFile, "Text", Any(path));
    set(page, kBuiltin, "State", Any(sal_Int16(0)));
    set(page, kFromFile, "State", Any(sal_Int16(1)));
    enable_file(page);
    set(page, kProblem, "Label", Any(OUString()));
}

// XContainerWindowEventHandler

sal_Bool OptionsPage::callHandlerMethod(const Reference<css::awt::XWindow>& window, const Any& event,
                                        const OUString& method) {
    return guarded("OptionsPage::callHandlerMethod", [&]() -> sal_Bool {
        const Reference<css::awt::XControlContainer> page(window, UNO_QUERY);
        if (!page.is())
            return false;
        if (method == "external_event") {
            OUString what;
            event >>= what;
            if (what == "initialize" || what == "back") {
                to_page(page, read_options(context_));
                return true;
            }
            if (what == "ok") {
                save(window, page);
                return true;
            }
            return false;
        }
        if (method == "validate") {  // a threshold's field lost the focus: its problem at once
            std::string first;
            for (const Threshold& t : kThresholds)
                if (first.empty())
                    first = typed_threshold(page, t).problem;
            set(page, kProblem, "Label", Any(from_utf8(first)));
            return true;
        }
        if (method == "sourceChanged") {
            enable_file(page);
            return true;
        }
        if (method == "chooseCatalogue") {
            choose_catalogue(window, page);
            return true;
        }
        if (method == "defaults") {
            Options defaults;
            defaults.catalogue_file = text_of(page, kFile);  // the file typed stays, unchosen
            to_page(page, defaults);
            return true;
        }
        return false;
    });
}

Sequence<OUString> OptionsPage::getSupportedMethodNames() {
    const char* names[] = {"external_event", "validate", "sourceChanged", "chooseCatalogue", "defaults"};
    Sequence<OUString> out(static_cast<sal_Int32>(std::size(names)));
    for (std::size_t i = 0; i < std::size(names); ++i)
        out.getArray()[i] = OUString::createFromAscii(names[i]);
    return out;
}

// XServiceInfo

OUString OptionsPage::getImplementationName() {
    return OUString::createFromAscii(kImplementationName);
}

sal_Bool OptionsPage::supportsService(const OUString& name) {
    return cppu::supportsService(this, name);
}

Sequence<OUString> OptionsPage::getSupportedServiceNames() {
    return supported_services();
}

}  // namespace msoko::uno

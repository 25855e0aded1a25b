// SPDX-License-Identifier: MPL-2.0
// The options page (Tools → Options → LibreOffice Calc → МСОКО) in a real
// office: what its configuration holds changes what the check reports, which
// catalogue the functions use and the log's level; its handler fills a page
// made from the installed Options.xdl and stores what a user typed; and the
// Extension Manager's entry (issue 13, defects 12 and the options page).
#include "check_support.hxx"

#include <com/sun/star/awt/Rectangle.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/WindowAttribute.hpp>
#include <com/sun/star/awt/WindowClass.hpp>
#include <com/sun/star/awt/WindowDescriptor.hpp>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XContainerWindowProvider.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/XHierarchicalPropertySet.hpp>
#include <com/sun/star/container/XHierarchicalNameAccess.hpp>
#include <com/sun/star/deployment/PackageInformationProvider.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/util/XChangesBatch.hpp>
#include <osl/file.hxx>

using namespace msoko::test;

namespace {

constexpr const char* kNode = "/org.msoko.calc.Options";

// One value of the extension's configuration, as the office holds it.
using Setting = std::pair<const char*, css::uno::Any>;

class Options : public OfficeSuite {
protected:
    static void SetUpTestSuite() { start({}); }
    void TearDown() override {
        restore_defaults();
        OfficeSuite::TearDown();
    }

    Reference<css::uno::XInterface> node(bool update) const {
        auto provider = css::configuration::theDefaultProvider::get(office_->context());
        Sequence<css::uno::Any> args(1);
        args.getArray()[0] <<= css::beans::NamedValue("nodepath", css::uno::Any(OUString::createFromAscii(kNode)));
        return provider->createInstanceWithArguments(
            update ? OUString("com.sun.star.configuration.ConfigurationUpdateAccess")
                   : OUString("com.sun.star.configuration.ConfigurationAccess"),
            args);
    }
    // Writes values under the extension's node and commits them, as the page's «OK» does.
    void configure(const std::vector<Setting>& values) const {
        const auto update = node(true);
        Reference<css::beans::XHierarchicalPropertySet> props(update, UNO_QUERY_THROW);
        for (const auto& [key, value] : values)
            props->setHierarchicalPropertyValue(OUString::createFromAscii(key), value);
        Reference<css::util::XChangesBatch>(update, UNO_QUERY_THROW)->commitChanges();
    }
    css::uno::Any configured(const char* key) const {
        return Reference<css::container::XHierarchicalNameAccess>(node(false), UNO_QUERY_THROW)
            ->getByHierarchicalName(OUString::createFromAscii(key));
    }
    void restore_defaults() const {
        configure({{"Catalogue/FromFile", css::uno::Any(false)},
                   {"Catalogue/File", css::uno::Any(OUString())},
                   {"Check/DynamicsPoints", css::uno::Any(10.0)},
                   {"Check/SmallBase", css::uno::Any(sal_Int32(10))},
                   {"Check/OutlierDistance", css::uno::Any(3.0)},
                   {"Log/Level", css::uno::Any(OUString("info"))}});
    }

    Reference<css::sheet::XSpreadsheetDocument> copy_of(const char* sample) {
        const fs::path dir = fs::temp_directory_path() / ("msoko-options-" + std::to_string(getpid()));
        fs::create_directories(dir);
        fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / sample, dir / sample, fs::copy_options::overwrite_existing);
        docs_.push_back(office_->open(dir / sample, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
    std::string installed(const char* relative) const {
        const OUString root =
            css::deployment::PackageInformationProvider::get(office_->context())->getPackageLocation("org.msoko.calc");
        return u8(root) + "/" + relative;
    }
};

// The plausibility findings of a report, by kind, told by their messages
// (the report's words, whatever column holds the rule).
struct Plausible {
    std::size_t dynamics = 0, small_base = 0, outliers = 0;
};
Plausible plausible(const std::vector<validation::Row>& rows) {
    Plausible p;
    for (const auto& r : rows) {
        p.dynamics += r.message.find(" п. п. за год (было ") != std::string::npos;
        p.small_base += r.message.find("доля неустойчива, сравнивайте осторожно") != std::string::npos;
        p.outliers += r.message.find("далеко от других организаций") != std::string::npos;
    }
    return p;
}

// The clean sample: no jump of 10 points, shares over small bases, a few
// outliers. Each threshold written into the configuration moves its findings,
// on the next check, without a restart; the defaults bring them back.
TEST_F(Options, TheThresholdsOfTheConfigurationChangeWhatTheCheckReports) {
    auto doc = copy_of("sample-district.ods");
    const Plausible before = plausible(validation::validate(*office_, doc));
    EXPECT_EQ(before.dynamics, 0u);
    ASSERT_GT(before.small_base, 0u);
    ASSERT_GT(before.outliers, 0u);

    configure({{"Check/DynamicsPoints", css::uno::Any(0.1)},
               {"Check/SmallBase", css::uno::Any(sal_Int32(0))},
               {"Check/OutlierDistance", css::uno::Any(20.0)}});
    const Plausible changed = plausible(validation::validate(*office_, doc));
    EXPECT_GT(changed.dynamics, 0u) << "a change of more than 0,1 points is a jump";
    EXPECT_EQ(changed.small_base, 0u) << "small base 0: never noted";
    EXPECT_EQ(changed.outliers, 0u) << "nothing is 20 deviations from the median";

    configure({{"Check/SmallBase", css::uno::Any(sal_Int32(1000))}});
    EXPECT_GT(plausible(validation::validate(*office_, doc)).small_base, before.small_base)
        << "every 0 or 100 % share under 1000 people";

    restore_defaults();
    const Plausible again = plausible(validation::validate(*office_, doc));
    EXPECT_EQ(again.dynamics, before.dynamics);
    EXPECT_EQ(again.small_base, before.small_base);
    EXPECT_EQ(again.outliers, before.outliers);
}

// A value out of its limits in the configuration (edited by hand) is not
// used: the check keeps the default, and the log says why.
TEST_F(Options, AThresholdOutOfItsLimitsIsIgnored) {
    auto doc = copy_of("sample-district.ods");
    const Plausible before = plausible(validation::validate(*office_, doc));
    configure({{"Check/OutlierDistance", css::uno::Any(-5.0)}});
    EXPECT_EQ(plausible(validation::validate(*office_, doc)).outliers, before.outliers);
    EXPECT_NE(validation::log_of(*office_).find("Check/OutlierDistance = -5 ignored"), std::string::npos);
}

// The catalogue of the options page is the one the functions compute with;
// a file that is no catalogue gives the functions no catalogue (the version
// says so), and the built-in one comes back with the setting.
TEST_F(Options, TheCatalogueOfTheSettingsIsTheOneTheFunctionsUse) {
    auto doc = office_->create_spreadsheet();
    docs_.push_back(doc);
    auto s = sheet_at(doc, 0);
    cell(s, "A1")->setFormula("=ORG.MSOKO.CALC.FUNCTIONS.VERSION()");
    const auto version = [&] {
        recalc(doc);
        return text(cell(s, "A1"));
    };
    EXPECT_NE(version().find("каталог msoko-267-1 "), std::string::npos) << version();

    const std::string other = std::string(MSOKO_TEST_SHARED_FIXTURES) + "/catalogue-four-types.json";
    configure({{"Catalogue/FromFile", css::uno::Any(true)}, {"Catalogue/File", css::uno::Any(ou(other))}});
    EXPECT_NE(version().find("каталог four-types "), std::string::npos) << version();

    configure({{"Catalogue/File", css::uno::Any(ou(std::string(MSOKO_TEST_SAMPLES) + "/sample-district.fods"))}});
    EXPECT_NE(version().find("каталог показателей не загружен"), std::string::npos) << version();

    configure({{"Catalogue/FromFile", css::uno::Any(false)}});
    EXPECT_NE(version().find("каталог msoko-267-1 "), std::string::npos) << version();
}

// The whole log, its rotated files included (at debug, a recalculation of a
// form writes more than one file holds).
std::string whole_log(const Office& office) {
    std::string all;
    for (const char* name : {"msoko.3.log", "msoko.2.log", "msoko.1.log", "msoko.log"}) {
        std::ifstream in(office.profile() / "user" / "msoko" / name);
        all += std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    }
    return all;
}

TEST_F(Options, TheLogLevelOfTheSettingsIsTheLogs) {
    configure({{"Log/Level", css::uno::Any(OUString("debug"))}});
    auto doc = copy_of("sample-district.ods");
    validation::validate(*office_, doc);
    // «… [debug] [pid N] settings read: …»: the page's level is in force.
    const std::string log = whole_log(*office_);
    bool at_debug = false;
    for (std::size_t at = log.find("] settings read: "); at != std::string::npos && !at_debug;
         at = log.find("] settings read: ", at + 1))
        at_debug = log.substr(log.rfind('\n', at) + 1, at - log.rfind('\n', at)).find("[debug]") != std::string::npos;
    EXPECT_TRUE(at_debug) << "the log level chosen on the page is not in force";
}

// The page as the options dialog makes it (ContainerWindowProvider over the
// installed Options.xdl, with our handler), driven by the handler's events.
class Page {
public:
    Page(const Office& office, const std::string& xdl) {
        const auto context = office.context();
        handler_.set(context->getServiceManager()->createInstanceWithContext("org.msoko.calc.OptionsPageImpl", context),
                     UNO_QUERY_THROW);
        auto toolkit = css::awt::Toolkit::create(context);
        css::awt::WindowDescriptor d;
        d.Type = css::awt::WindowClass_TOP;
        d.WindowServiceName = "window";
        d.Bounds = css::awt::Rectangle(0, 0, 800, 600);
        d.WindowAttributes = 0;
        parent_ = toolkit->createWindow(d);
        auto provider = context->getServiceManager()->createInstanceWithContext(
            "com.sun.star.awt.ContainerWindowProvider", context);
        window_ = Reference<css::awt::XContainerWindowProvider>(provider, UNO_QUERY_THROW)
                      ->createContainerWindow(ou(xdl), "", parent_, handler_);
        controls_.set(window_, UNO_QUERY_THROW);
    }
    ~Page() {
        for (const Reference<css::uno::XInterface>& w :
             {Reference<css::uno::XInterface>(window_), Reference<css::uno::XInterface>(parent_)})
            if (Reference<css::lang::XComponent> c{w, css::uno::UNO_QUERY}; c.is())
                c->dispose();
    }
    bool event(const char* what) {
        return handler_->callHandlerMethod(window_, css::uno::Any(OUString::createFromAscii(what)), "external_event");
    }
    bool call(const char* method) { return handler_->callHandlerMethod(window_, css::uno::Any(), ou(method)); }
    Reference<css::beans::XPropertySet> model(const char* id) {
        auto control = controls_->getControl(OUString::createFromAscii(id));
        EXPECT_TRUE(control.is()) << "no control " << id << " on the page";
        return Reference<css::beans::XPropertySet>(control->getModel(), UNO_QUERY_THROW);
    }
    std::string text(const char* id) { return get<OUString>(id, "Text"); }
    std::string label(const char* id) { return get<OUString>(id, "Label"); }
    void type(const char* id, const std::string& t) { model(id)->setPropertyValue("Text", css::uno::Any(ou(t))); }
    sal_Int16 state(const char* id) {
        sal_Int16 v = -1;
        model(id)->getPropertyValue("State") >>= v;
        return v;
    }
    void choose(const char* id) {
        model(id == std::string("CatalogueFromFile") ? "CatalogueBuiltin" : "CatalogueFromFile")
            ->setPropertyValue("State", css::uno::Any(sal_Int16(0)));
        model(id)->setPropertyValue("State", css::uno::Any(sal_Int16(1)));
        call("sourceChanged");
    }
    sal_Int16 log_level() {
        Sequence<sal_Int16> selected;
        model("LogLevel")->getPropertyValue("SelectedItems") >>= selected;
        return selected.getLength() == 1 ? selected[0] : -1;
    }
    void select_log_level(sal_Int16 i) {
        Sequence<sal_Int16> selected(1);
        selected.getArray()[0] = i;
        model("LogLevel")->setPropertyValue("SelectedItems", css::uno::Any(selected));
    }
    bool enabled(const char* id) {
        bool on = false;
        model(id)->getPropertyValue("Enabled") >>= on;
        return on;
    }

private:
    template <class T>
    std::string get(const char* id, const char* property) {
        T v;
        model(id)->getPropertyValue(OUString::createFromAscii(property)) >>= v;
        return u8(v);
    }
    Reference<css::awt::XContainerWindowEventHandler> handler_;
    Reference<css::awt::XWindowPeer> parent_;
    Reference<css::awt::XWindow> window_;
    Reference<css::awt::XControlContainer> controls_;
};

TEST_F(Options, ThePageShowsTheSettingsAndStoresWhatIsTyped) {
    Page page(*office_, installed("dialogs/Options.xdl"));
    ASSERT_TRUE(page.event("initialize"));
    EXPECT_EQ(page.state("CatalogueBuiltin"), 1);
    EXPECT_EQ(page.state("CatalogueFromFile"), 0);
    EXPECT_FALSE(page.enabled("CatalogueFile")) << "the file field serves the choice «from a file» only";
    EXPECT_EQ(page.text("DynamicsPoints"), "10");
    EXPECT_EQ(page.text("SmallBase"), "10");
    EXPECT_EQ(page.text("OutlierDistance"), "3");
    EXPECT_EQ(page.log_level(), 1) << "«Обычно»: info";
    EXPECT_NE(page.label("LogPath").find((office_->profile() / "user" / "msoko" / "msoko.log").string()),
              std::string::npos)
        << page.label("LogPath");

    // A decimal comma, a word where a whole number belongs, a value in its limits, another log level.
    page.type("DynamicsPoints", "5,5");
    page.type("SmallBase", "десять");
    page.type("OutlierDistance", " 4 ");
    page.select_log_level(3);
    ASSERT_TRUE(page.call("validate"));
    EXPECT_NE(page.label("Problem").find("«Малая база: знаменатель меньше, человек»: введено «десять», нужно целое "
                                         "число от 0 до 1000"),
              std::string::npos)
        << page.label("Problem");
    ASSERT_TRUE(page.event("ok"));
    double points = 0, distance = 0;
    sal_Int32 base = 0;
    OUString level;
    EXPECT_TRUE(configured("Check/DynamicsPoints") >>= points);
    EXPECT_EQ(points, 5.5);
    EXPECT_TRUE(configured("Check/SmallBase") >>= base);
    EXPECT_EQ(base, 10) << "what cannot be stored keeps its value";
    EXPECT_TRUE(configured("Check/OutlierDistance") >>= distance);
    EXPECT_EQ(distance, 4);
    EXPECT_TRUE(configured("Log/Level") >>= level);
    EXPECT_EQ(u8(level), "error");
    EXPECT_NE(page.label("Problem").find("оставлено 10."), std::string::npos) << page.label("Problem");

    // A catalogue file that is none is not taken; one that is, is.
    page.type("SmallBase", "12");
    page.choose("CatalogueFromFile");
    EXPECT_TRUE(page.enabled("CatalogueFile"));
    page.type("CatalogueFile", std::string(MSOKO_TEST_SAMPLES) + "/sample-district.fods");
    ASSERT_TRUE(page.event("ok"));
    bool from_file = true;
    EXPECT_TRUE(configured("Catalogue/FromFile") >>= from_file);
    EXPECT_FALSE(from_file);
    EXPECT_NE(page.label("Problem").find("не прочитан"), std::string::npos) << page.label("Problem");
    const std::string other = std::string(MSOKO_TEST_SHARED_FIXTURES) + "/catalogue-four-types.json";
    page.type("CatalogueFile", other);
    ASSERT_TRUE(page.event("ok"));
    OUString file;
    EXPECT_TRUE(configured("Catalogue/FromFile") >>= from_file);
    EXPECT_TRUE(from_file);
    EXPECT_TRUE(configured("Catalogue/File") >>= file);
    EXPECT_EQ(u8(file), other);
    EXPECT_TRUE(configured("Check/SmallBase") >>= base);
    EXPECT_EQ(base, 12);
    EXPECT_EQ(page.label("Problem"), "") << "nothing left to say";

    // «Back» shows what is stored; «Значения по умолчанию» shows the defaults without storing them.
    page.type("DynamicsPoints", "77");
    ASSERT_TRUE(page.event("back"));
    EXPECT_EQ(page.text("DynamicsPoints"), "5,5");
    EXPECT_EQ(page.state("CatalogueFromFile"), 1);
    EXPECT_EQ(page.text("CatalogueFile"), other);
    ASSERT_TRUE(page.call("defaults"));
    EXPECT_EQ(page.text("DynamicsPoints"), "10");
    EXPECT_EQ(page.text("OutlierDistance"), "3");
    EXPECT_EQ(page.state("CatalogueBuiltin"), 1);
    EXPECT_EQ(page.log_level(), 1);
    EXPECT_TRUE(configured("Check/DynamicsPoints") >>= points);
    EXPECT_EQ(points, 5.5) << "the defaults are stored only by «OK»";
}

// Issue 13, defect 12: the entry names every feature, its publisher has no
// dead link, installing asks to accept nothing, and the licence is still in the package.
TEST_F(Options, TheExtensionManagerEntry) {
    auto manager = css::deployment::ExtensionManager::get(office_->context());
    Reference<css::deployment::XPackage> package;
    for (const auto& ext : manager->getDeployedExtensions("user", {}, {}))
        if (ext.is() && ext->getIdentifier().Value == "org.msoko.calc")
            package = ext;
    ASSERT_TRUE(package.is());
    EXPECT_TRUE(package->getLicenseText().isEmpty()) << "a licence to accept on installing";
    // The Extension Manager draws any publisher's name as a link: no name, no dead link.
    EXPECT_TRUE(package->getPublisherInfo().First.isEmpty()) << "a publisher shown as a link";
    EXPECT_TRUE(package->getPublisherInfo().Second.isEmpty())
        << "a publisher link: " << u8(package->getPublisherInfo().Second);
    const std::string description = u8(package->getDescription());
    for (const char* feature :
         {"New Data-Collection Form", "MSOKO.INDICATOR", "Check the Form", "Clear the Check's Marks",
          "Tools → Options → LibreOffice Calc → МСОКО", "msoko check", "Mozilla Public License 2.0"})
        EXPECT_NE(description.find(feature), std::string::npos) << feature << " is not in the English description";
    OUString path;
    ASSERT_EQ(osl::FileBase::getSystemPathFromFileURL(ou(installed("LICENSE.txt")), path), osl::FileBase::E_None);
    std::ifstream licence(u8(path));
    std::string first;
    std::getline(licence, first);
    EXPECT_NE(first.find("Mozilla Public License"), std::string::npos) << u8(path);
}

}  // namespace

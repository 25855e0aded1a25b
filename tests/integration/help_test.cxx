// SPDX-License-Identifier: MPL-2.0
// The extension's help in a real office (Russian UI): after unopkg installed
// the .oxt, LibreOffice registered its help package, its content provider
// (vnd.sun.star.help) serves every page in Russian and English, F1 in the
// Function Wizard finds the functions page by the function list's help id, and
// «Данные → МСОКО → Справка» opens the start page without an error.
// Needs a local help pack (libreoffice-help-ru, libreoffice-help-en-us): the
// help compiler and the page transformation take their style sheets from it.
#include "support.hxx"

#include <com/sun/star/beans/Property.hpp>
#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/deployment/XPackage.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/io/XActiveDataSink.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/sdbc/XRow.hpp>
#include <com/sun/star/task/XAbortChannel.hpp>
#include <com/sun/star/ucb/Command.hpp>
#include <com/sun/star/ucb/OpenCommandArgument2.hpp>
#include <com/sun/star/ucb/OpenMode.hpp>
#include <com/sun/star/ucb/UniversalContentBroker.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XCommandProcessor.hpp>
#include <cppuhelper/implbase1.hxx>
#include <rtl/ref.hxx>

#include <regex>

using namespace msoko::test;

namespace {

const fs::path kHelpPages = MSOKO_TEST_HELP_DIR;

// What the content provider answers for a help URL: its title, whether it is
// the provider's «no such page», and the HTML it renders.
struct HelpContent {
    bool error_document = true;
    std::string title, html;
};

class Sink : public cppu::WeakImplHelper1<css::io::XActiveDataSink> {
public:
    void SAL_CALL setInputStream(const Reference<css::io::XInputStream>& stream) override { stream_ = stream; }
    Reference<css::io::XInputStream> SAL_CALL getInputStream() override { return stream_; }

private:
    Reference<css::io::XInputStream> stream_;
};

HelpContent fetch(const Office& office, const std::string& url) {
    auto ucb = css::ucb::UniversalContentBroker::create(office.context());
    Reference<css::ucb::XCommandProcessor> content(ucb->queryContent(ucb->createContentIdentifier(ou(url))),
                                                   UNO_QUERY_THROW);
    Sequence<css::beans::Property> asked(2);
    asked.getArray()[0].Name = "IsErrorDocument";
    asked.getArray()[0].Handle = -1;
    asked.getArray()[1].Name = "Title";
    asked.getArray()[1].Handle = -1;
    css::ucb::Command properties;
    properties.Name = "getPropertyValues";
    properties.Handle = -1;
    properties.Argument <<= asked;
    Reference<css::sdbc::XRow> row(content->execute(properties, 0, nullptr), UNO_QUERY_THROW);
    HelpContent out;
    out.error_document = row->getBoolean(1);
    out.title = u8(row->getString(2));
    if (out.error_document)
        return out;
    rtl::Reference<Sink> sink(new Sink);
    css::ucb::OpenCommandArgument2 open;
    open.Mode = css::ucb::OpenMode::DOCUMENT;
    open.Priority = 32768;
    open.Sink = Reference<css::uno::XInterface>(static_cast<cppu::OWeakObject*>(sink.get()));
    css::ucb::Command command;
    command.Name = "open";
    command.Handle = -1;
    command.Argument <<= open;
    content->execute(command, 0, nullptr);
    const auto stream = sink->getInputStream();
    if (!stream.is())
        return out;
    Sequence<sal_Int8> bytes;
    while (stream->readBytes(bytes, 65536) > 0)
        out.html.append(reinterpret_cast<const char*>(bytes.getConstArray()),
                        static_cast<std::size_t>(bytes.getLength()));
    return out;
}

// The help URL of a page by its path, as Dispatcher::help_url and LibreOffice's own help write it.
std::string page_url(const std::string& page, const std::string& lang) {
    return "vnd.sun.star.help://scalc/org.msoko.calc%2F" + page + ".xhp?Language=" + lang + "&System=UNIX";
}

// The pages that were packed, with their titles, read from the generated files.
std::map<std::string, std::string> packed_pages(const std::string& lang) {
    std::map<std::string, std::string> out;
    static const std::regex title(R"(<title id="tit" xml-lang="[a-z]+">([^<]*)</title>)");
    for (const auto& entry : fs::directory_iterator(kHelpPages / lang / "org.msoko.calc")) {
        std::ifstream in(entry.path(), std::ios::binary);
        const std::string xhp((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        std::smatch m;
        if (std::regex_search(xhp, m, title))
            out[entry.path().stem().string()] = m[1];
    }
    return out;
}

std::string unescape(std::string s) {
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
            s.replace(at, from.size(), to);
    }
    return s;
}

class Help : public OfficeSuite {
protected:
    static void SetUpTestSuite() {
        msoko::office::Options o;
        o.ui_locale = "ru-RU";
        start(o);
    }
};

TEST_F(Help, TheInstalledExtensionHasARegisteredHelpPackage) {
    auto manager = css::deployment::ExtensionManager::get(office_->context());
    const auto extension =
        manager->getDeployedExtension("user", "org.msoko.calc", ou(kOxt.filename().string()), nullptr);
    ASSERT_TRUE(extension.is());
    bool found = false;
    const auto bundle = extension->getBundle(nullptr, nullptr);
    for (sal_Int32 i = 0; i < bundle.getLength(); ++i) {
        const auto& part = bundle[i];
        if (part->getPackageType()->getMediaType() != "application/vnd.sun.star.help")
            continue;
        found = true;
        const auto registered = part->isRegistered(nullptr, nullptr);
        EXPECT_TRUE(registered.IsPresent && registered.Value.Value) << "the help package was not registered";
        // The help compiler wrote the extension's help database for each language.
        const auto data = part->getRegistrationDataURL();
        EXPECT_TRUE(data.IsPresent && !data.Value.isEmpty());
    }
    EXPECT_TRUE(found) << "the .oxt has no help package (META-INF/manifest.xml, application/vnd.sun.star.help)";
}

TEST_F(Help, EveryPageResolvesInRussianAndEnglish) {
    for (const std::string lang : {"ru", "en"}) {
        const auto pages = packed_pages(lang);
        ASSERT_GT(pages.size(), 15u) << lang;
        for (const auto& [page, title] : pages) {
            const auto content = fetch(*office_, page_url(page, lang));
            ASSERT_FALSE(content.error_document) << lang << "/" << page << " is not in the installed help";
            EXPECT_EQ(content.title, unescape(title)) << lang << "/" << page;
            EXPECT_NE(content.html.find("<body lang=\"" + lang), std::string::npos) << lang << "/" << page;
            EXPECT_NE(content.html.find("<h1>"), std::string::npos) << lang << "/" << page;
        }
    }
    // The English UI asks for en-US: the provider falls back to the pages in «en».
    EXPECT_FALSE(fetch(*office_, page_url("start", "en-US")).error_document);
    // A page that does not exist is the provider's error document, not an empty page.
    EXPECT_TRUE(fetch(*office_, page_url("no-such-page", "ru")).error_document);
}

TEST_F(Help, TheFunctionWizardsHelpIdFindsTheFunctionsPage) {
    // F1 in the Function Wizard on an add-in function: the function has no help
    // id, so LibreOffice asks for the function list's own one, as this URL.
    for (const auto& [lang, title] :
         {std::pair<std::string, std::string>{"ru", "Функции МСОКО"}, {"en-US", "МСОКО functions"}}) {
        const auto content =
            fetch(*office_, "vnd.sun.star.help://scalc/formula%2Fui%2Ffunctionpage%2Ffunction?Language=" + lang +
                                "&System=UNIX&Version=7.4");
        ASSERT_FALSE(content.error_document) << lang;
        EXPECT_EQ(content.title, title);
        EXPECT_NE(content.html.find(lang == "ru" ? "МСОКО.ДИАПАЗОНБАЛЛОВ" : "MSOKO.SCOREBAND"), std::string::npos);
    }
    // A command's page by its help id, as a dialog's help-url="org.msoko.calc:Validate" asks for it.
    EXPECT_EQ(fetch(*office_, "vnd.sun.star.help://scalc/org.msoko.calc%3AValidate?Language=ru&System=UNIX").title,
              "Проверить форму");
}

TEST_F(Help, TheHelpCommandOpensTheStartPage) {
    auto doc = office_->create_spreadsheet();
    docs_.push_back(doc);
    Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    css::util::URL url;
    url.Complete = "org.msoko.calc:Help";
    url.Protocol = "org.msoko.calc:";
    url.Path = "Help";
    const auto dispatch = frame->queryDispatch(url, "_self", 0);
    ASSERT_TRUE(dispatch.is()) << "org.msoko.calc:Help is not dispatched";
    dispatch->dispatch(url, {});  // a failure would reach us as a RuntimeException

    // The start page is open in a window of its own, in the UI's language; the workbook is untouched.
    auto desktop = css::frame::Desktop::create(office_->context());
    auto all =
        Reference<css::container::XEnumerationAccess>(desktop->getComponents(), UNO_QUERY_THROW)->createEnumeration();
    Reference<css::frame::XModel> help;
    while (all->hasMoreElements()) {
        Reference<css::frame::XModel> m(all->nextElement(), css::uno::UNO_QUERY);
        if (m.is() && u8(m->getURL()).rfind(page_url("start", "ru"), 0) == 0)
            help = m;
    }
    ASSERT_TRUE(help.is()) << "no window shows " << page_url("start", "ru");
    EXPECT_FALSE(Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)->hasLocation());
    Office::close(help);
}

}  // namespace

// SPDX-License-Identifier: MPL-2.0
// The extension's help as it is packed (build/help, written by msoko-make-help
// from help/<lang>/*.txt): every page is well-formed XML as LibreOffice's help
// compiler reads it, and every function of the IDL and every command of the
// dispatcher's table has a page in Russian and English, named as the Function
// Wizard and the menu name it.
#include "dispatcher.hxx"
#include "function_table.hxx"
#include "msoko/finding_kinds.hpp"

#include <gtest/gtest.h>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;
namespace pt = boost::property_tree;

const fs::path kHelp = MSOKO_HELP_DIR;
constexpr const char* kLanguages[] = {"ru", "en"};

fs::path page_dir(const char* lang) {
    return kHelp / lang / "org.msoko.calc";
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A page as the help compiler sees it: its title, file name, help ids and whole text.
struct Page {
    std::string title, filename, text;
    std::set<std::string> hids;
};

void collect(const pt::ptree& node, Page& page) {
    for (const auto& [name, child] : node) {
        if (name == "bookmark") {
            const std::string branch = child.get<std::string>("<xmlattr>.branch", "");
            if (branch.rfind("hid/", 0) == 0)
                page.hids.insert(branch.substr(4));
        }
        if (name != "<xmlattr>") {
            page.text += child.data();
            page.text += ' ';
            collect(child, page);
        }
    }
}

// Parses one page; a page that is not well-formed XML fails the test that reads it.
Page parse(const fs::path& file) {
    pt::ptree tree;
    std::istringstream in(read(file));
    pt::read_xml(in, tree);  // throws on XML that is not well-formed
    Page page;
    page.title = tree.get<std::string>("helpdocument.meta.topic.title");
    page.filename = tree.get<std::string>("helpdocument.meta.topic.filename");
    collect(tree.get_child("helpdocument.body"), page);
    return page;
}

std::map<std::string, Page> pages(const char* lang) {
    std::map<std::string, Page> out;
    for (const auto& entry : fs::directory_iterator(page_dir(lang)))
        if (entry.path().extension() == ".xhp")
            out.emplace(entry.path().stem().string(), parse(entry.path()));
    return out;
}

// The methods of XFunctions, read from the IDL itself.
std::vector<std::string> idl_methods() {
    const std::string idl = read(MSOKO_IDL_FILE);
    static const std::regex method(
        R"(\n\s+(?:any|string|double|long|sequence<[^;(]*>)\s+(\w+)\s*\((?=\s*(?:\[in\]|\))))");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(idl.begin(), idl.end(), method); it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1]);
    return out;
}

TEST(HelpPages, EveryPageIsWellFormedXmlAndNamesItself) {
    for (const char* lang : kLanguages) {
        ASSERT_TRUE(fs::is_directory(page_dir(lang))) << page_dir(lang);
        std::size_t n = 0;
        for (const auto& entry : fs::directory_iterator(page_dir(lang))) {
            ASSERT_EQ(entry.path().extension(), ".xhp") << entry.path();
            const std::string stem = entry.path().stem().string();
            Page page;
            ASSERT_NO_THROW(page = parse(entry.path())) << entry.path() << " is not well-formed XML";
            EXPECT_FALSE(page.title.empty()) << entry.path();
            // The help compiler files a page under <filename>; the extension's id first.
            EXPECT_EQ(page.filename, "/org.msoko.calc/" + stem + ".xhp") << entry.path();
            EXPECT_TRUE(page.hids.count("org.msoko.calc:" + stem)) << entry.path() << " has no help id of its own";
            ++n;
        }
        EXPECT_GT(n, 15u) << lang;
    }
}

TEST(HelpPages, RussianAndEnglishHaveTheSamePages) {
    std::set<std::string> ru, en;
    for (const auto& [stem, page] : pages("ru"))
        ru.insert(stem);
    for (const auto& [stem, page] : pages("en"))
        en.insert(stem);
    EXPECT_EQ(ru, en);
}

TEST(HelpPages, EveryFunctionOfTheIdlHasAPageInBothLanguages) {
    const auto methods = idl_methods();
    ASSERT_EQ(methods.size(), msoko::uno::function_table().size()) << "the IDL and the function table disagree";
    const auto ru = pages("ru"), en = pages("en");
    for (const auto& method : methods) {
        const auto* f = msoko::uno::find_by_method(method);
        ASSERT_TRUE(f) << method;
        const auto r = ru.find(method), e = en.find(method);
        ASSERT_NE(r, ru.end()) << "no Russian help page for " << method << " (help/ru/" << method << ".txt)";
        ASSERT_NE(e, en.end()) << "no English help page for " << method << " (help/en/" << method << ".txt)";
        // Titled as the Function Wizard names the function, and both names are on it.
        EXPECT_EQ(r->second.title, f->display.ru);
        EXPECT_EQ(e->second.title, f->display.en);
        for (const auto* page : {&r->second, &e->second}) {
            EXPECT_NE(page->text.find(f->display.ru), std::string::npos) << method;
            EXPECT_NE(page->text.find(f->display.en), std::string::npos) << method;
        }
        // Every argument the wizard shows is explained.
        for (const auto& argument : f->parameters) {
            EXPECT_NE(r->second.text.find(argument.name.ru), std::string::npos) << method << ": " << argument.name.ru;
            EXPECT_NE(e->second.text.find(argument.name.en), std::string::npos) << method << ": " << argument.name.en;
        }
    }
}

TEST(HelpPages, EveryCommandHasAPageInBothLanguages) {
    const auto ru = pages("ru"), en = pages("en");
    for (const auto& command : msoko::uno::Dispatcher::commands()) {
        const auto r = ru.find(command.path);
        ASSERT_NE(r, ru.end()) << "no Russian help page for " << command.path;
        EXPECT_TRUE(en.count(command.path)) << "no English help page for " << command.path;
        EXPECT_EQ(r->second.title, command.title) << "the page calls the command what the menu calls it";
        // A dialog of the command opens its page by its help id (dlg:help-url="org.msoko.calc:<Command>").
        EXPECT_TRUE(r->second.hids.count(std::string("org.msoko.calc:") + command.path));
    }
}

TEST(HelpPages, F1InTheFunctionWizardOpensTheFunctionsPage) {
    // An add-in function has no help id of its own (sc's ScUnoAddInHelpIdGenerator
    // knows only Calc's own add-ins), so F1 on one asks for the function list's id.
    for (const char* lang : kLanguages) {
        std::size_t holders = 0;
        for (const auto& [stem, page] : pages(lang))
            if (page.hids.count("formula/ui/functionpage/function")) {
                ++holders;
                EXPECT_EQ(stem, "functions") << lang;
                for (const auto& f : msoko::uno::function_table())
                    EXPECT_NE(page.text.find(lang == std::string("ru") ? f.display.ru : f.display.en),
                              std::string::npos)
                        << lang << ": " << f.method << " is not on the page F1 opens";
            }
        EXPECT_EQ(holders, 1u) << lang;
    }
}

TEST(HelpPages, TheKindsPageListsEveryKindOfFinding) {
    for (const char* lang : kLanguages) {
        const Page page = parse(page_dir(lang) / "kinds.xhp");
        for (const auto& kind : msoko::finding_kinds())
            EXPECT_NE(page.text.find(kind.id), std::string::npos) << lang << ": " << kind.id;
    }
}

TEST(HelpPages, TheHelpCommandOpensTheStartPageInTheUiLanguage) {
    using msoko::uno::Dispatcher;
    EXPECT_EQ(Dispatcher::help_url("ru-RU", "start"),
              "vnd.sun.star.help://scalc/org.msoko.calc%2Fstart.xhp?Language=ru&System=UNIX");
    EXPECT_EQ(Dispatcher::help_url("en-US", "start"),
              "vnd.sun.star.help://scalc/org.msoko.calc%2Fstart.xhp?Language=en&System=UNIX");
    EXPECT_EQ(Dispatcher::help_language("en-GB"), "en");
    EXPECT_EQ(Dispatcher::help_language("de-DE"), "ru") << "another UI language gets the Russian pages";
    EXPECT_EQ(Dispatcher::help_language(""), "ru");
    EXPECT_TRUE(fs::is_regular_file(page_dir("ru") / "start.xhp"));
}

}  // namespace

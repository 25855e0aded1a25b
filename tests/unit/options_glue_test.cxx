// SPDX-License-Identifier: MPL-2.0
// The options page without an office: its files agree with each other and
// with the core (defaults, the handler's methods, the package), and the
// numbers a user types read as they mean.
#include "msoko/validation.hpp"
#include "options.hxx"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <rtl/ref.hxx>
#include <set>
#include <string>

namespace {

const std::string kRegistry = std::string(MSOKO_ADDONS_XCU).substr(0, std::string(MSOKO_ADDONS_XCU).rfind('/'));

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << path;
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The default <value> of a property of the schema.
std::string schema_default(const std::string& xcs, const std::string& prop) {
    const std::regex re("<prop oor:name=\"" + prop + R"re("[^>]*>[\s\S]*?<value>([^<]*)</value>)re");
    std::smatch m;
    return std::regex_search(xcs, m, re) ? m[1].str() : "<none>";
}

TEST(Options, TheSchemasDefaultsAreTheCoresAndThePagesDefaults) {
    const std::string xcs = file_text(kRegistry + "/msoko-options.xcs");
    const msoko::CheckSettings core;
    const msoko::uno::Options page;
    EXPECT_EQ(std::stod(schema_default(xcs, "DynamicsPoints")), core.dynamics_points);
    EXPECT_EQ(std::stod(schema_default(xcs, "SmallBase")), core.small_base);
    EXPECT_EQ(std::stod(schema_default(xcs, "OutlierDistance")), core.outlier_distance);
    EXPECT_EQ(schema_default(xcs, "FromFile"), page.catalogue_from_file ? "true" : "false");
    EXPECT_EQ(schema_default(xcs, "Level"), page.log_level);
    EXPECT_NE(xcs.find(R"(oor:name="Options" oor:package="org.msoko.calc")"), std::string::npos)
        << "the node the handler reads: " << msoko::uno::kOptionsNode;
    EXPECT_STREQ(msoko::uno::kOptionsNode, "/org.msoko.calc.Options");
}

TEST(Options, ThePageItsHandlerAndThePackageAgree) {
    const std::string leaf = file_text(kRegistry + "/OptionsDialog.xcu");
    EXPECT_NE(leaf.find(std::string("<value>") + msoko::uno::OptionsPage::kImplementationName + "</value>"),
              std::string::npos)
        << "OptionsDialog.xcu names the handler by its implementation name";
    EXPECT_NE(leaf.find(R"(<node oor:name="Calc" oor:op="fuse">)"), std::string::npos)
        << "under Tools → Options → LibreOffice Calc";
    EXPECT_NE(leaf.find("<value>org.msoko.calc</value>"), std::string::npos) << "Id: the extension's identifier";
    EXPECT_NE(file_text(kRegistry + "/msoko.components.in")
                  .find(std::string("<implementation name=\"") + msoko::uno::OptionsPage::kImplementationName),
              std::string::npos);
    const std::string manifest = file_text(kRegistry + "/manifest.xml.in");
    EXPECT_NE(manifest.find(R"(manifest:full-path="msoko-options.xcs")"), std::string::npos);
    EXPECT_NE(manifest.find(R"(manifest:full-path="OptionsDialog.xcu")"), std::string::npos);
    const std::string oxt = file_text(MSOKO_OXT_CMAKE);
    for (const char* packed : {"|msoko-options.xcs\"", "|OptionsDialog.xcu\"", "|dialogs/Options.xdl\""})
        EXPECT_NE(oxt.find(packed), std::string::npos) << packed << " is not packed";
    EXPECT_NE(leaf.find("<value>%origin%/dialogs/Options.xdl</value>"), std::string::npos);

    // Every method the page's controls call is one the handler serves.
    rtl::Reference<msoko::uno::OptionsPage> handler(new msoko::uno::OptionsPage(nullptr));
    std::set<std::string> served;
    for (const auto& m : handler->getSupportedMethodNames())
        served.insert(rtl::OUStringToOString(m, RTL_TEXTENCODING_UTF8).getStr());
    EXPECT_TRUE(served.count("external_event")) << "initialize, ok, back";
    const std::string xdl = file_text(kRegistry + "/dialogs/Options.xdl");
    static const std::regex method(R"re(script:macro-name="vnd\.sun\.star\.UNO:(\w+)"\s+script:language="UNO")re");
    std::size_t called = 0;
    for (auto it = std::sregex_iterator(xdl.begin(), xdl.end(), method); it != std::sregex_iterator(); ++it, ++called)
        EXPECT_TRUE(served.count((*it)[1])) << "the page calls " << (*it)[1] << ", which the handler does not serve";
    EXPECT_GE(called, 4u);
    EXPECT_NE(xdl.find(R"(dlg:withtitlebar="false")"), std::string::npos) << "a page inside the dialog";
    EXPECT_TRUE(handler->supportsService("org.msoko.calc.OptionsPage"));
}

TEST(Options, WithoutAnOfficeTheSettingsAreTheDefaultsAndTheHandlerRefusesNothingItCannotDo) {
    const msoko::uno::Options o = msoko::uno::current_options(nullptr);
    EXPECT_FALSE(o.catalogue_from_file);
    EXPECT_EQ(o.check.dynamics_points, msoko::CheckSettings{}.dynamics_points);
    rtl::Reference<msoko::uno::OptionsPage> handler(new msoko::uno::OptionsPage(nullptr));
    EXPECT_FALSE(handler->callHandlerMethod(nullptr, css::uno::Any(rtl::OUString("ok")), "external_event"))
        << "no page: nothing done, no exception";
}

TEST(Options, NumbersReadAsAUserTypesThem) {
    using msoko::uno::parse_number;
    EXPECT_EQ(parse_number("10"), 10.0);
    EXPECT_EQ(parse_number("2,5"), 2.5);
    EXPECT_EQ(parse_number(" 2.5 "), 2.5);
    EXPECT_EQ(parse_number("1\xC2\xA0"
                           "000"),
              1000.0)
        << "a no-break space between thousands";
    EXPECT_EQ(parse_number("-3"), -3.0) << "a number; its limits are the core's to judge";
    for (const char* bad : {"", " ", "abc", "10 п. п.", "1,2,3", "1e999", "nan", "inf"})
        EXPECT_FALSE(parse_number(bad)) << bad;
    EXPECT_EQ(msoko::uno::format_number(10), "10");
    EXPECT_EQ(msoko::uno::format_number(2.5), "2,5");
    EXPECT_EQ(msoko::uno::format_number(0.1), "0,1");
}

}  // namespace

// SPDX-License-Identifier: MPL-2.0
// The UNO glue without an office: every numeric type an API caller may send
// is a number, and the add-in object answers through its interface.
#include "convert.hxx"
#include "dispatcher.hxx"
#include "functions.hxx"
#include "guard.hxx"
#include "vpr_read.hxx"

#include <gtest/gtest.h>
#include <com/sun/star/lang/IllegalArgumentException.hpp>

#include <cppu/unotype.hxx>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <rtl/ref.hxx>
#include <set>

namespace {

using css::uno::Any;
using css::uno::Sequence;
using rtl::OUString;

OUString u8(const char* s) {
    return msoko::uno::from_utf8(s);
}

// sal_uInt16 is also sal_Unicode: its Any is built from the UNO type.
Any unsigned_short(sal_uInt16 v) {
    return Any(&v, cppu::UnoType<cppu::UnoUnsignedShortType>::get());
}

TEST(ToCell, EveryNumericTypeIsANumber) {
    const Any values[] = {Any(sal_Int8(7)),   Any(sal_Int16(7)),  unsigned_short(7),
                          Any(sal_Int32(7)),  Any(sal_uInt32(7)), Any(sal_Int64(7)),
                          Any(sal_uInt64(7)), Any(float(7)),      Any(double(7))};
    for (const Any& v : values) {
        const msoko::Cell c = msoko::uno::to_cell(v);
        ASSERT_EQ(c.kind(), msoko::Cell::Kind::Number) << v.getValueTypeName();
        EXPECT_EQ(c.number(), 7.0) << v.getValueTypeName();
    }
}

TEST(ToCell, StringsAndTheRest) {
    EXPECT_EQ(msoko::uno::to_cell(Any(OUString())).kind(), msoko::Cell::Kind::Empty) << "an empty cell";
    const msoko::Cell t = msoko::uno::to_cell(Any(u8("пять")));
    ASSERT_EQ(t.kind(), msoko::Cell::Kind::Text);
    EXPECT_EQ(t.text(), "пять");
    EXPECT_EQ(msoko::uno::to_cell(Any()).kind(), msoko::Cell::Kind::Error) << "void is how Calc passes #N/A";
}

TEST(ToCell, TextIsTheSameUtf8AsTheOfficeWrites) {
    // ASCII, Cyrillic, «№», a character outside the BMP (a surrogate pair) and long text.
    for (const char* text : {"12 чел.", "МБОУ «Ольховоборская СОШ № 1»",
                             "a\xF0\x9F\x98\x80"
                             "b",
                             "x", "очень длинное наименование организации, длиннее любого короткого буфера"}) {
        const OUString s = u8(text);
        const msoko::Cell c = msoko::uno::to_cell(Any(s));
        ASSERT_EQ(c.kind(), msoko::Cell::Kind::Text);
        EXPECT_EQ(c.text(), text);
        EXPECT_EQ(c.text(), msoko::uno::to_utf8(s));
    }
}

TEST(ToCell, ALoneSurrogateBecomesTheReplacementCharacter) {
    const sal_Unicode units[] = {u'a', 0xD83D, u'b'};
    const msoko::Cell c = msoko::uno::to_cell(Any(OUString(units, 3)));
    ASSERT_EQ(c.kind(), msoko::Cell::Kind::Text);
    EXPECT_EQ(c.text(),
              "a\xEF\xBF\xBD"
              "b");
}

TEST(ToRange, RaggedRowsAreRejected) {
    Sequence<Sequence<Any>> rows(2);
    rows.getArray()[0] = Sequence<Any>(2);
    rows.getArray()[1] = Sequence<Any>(1);
    EXPECT_THROW(msoko::uno::to_range(rows, 0), css::lang::IllegalArgumentException);
}

// A single-value argument arrives as the text Calc makes of the value.
TEST(ToScalar, CalcsTextOfANumberIsTheNumber) {
    using K = msoko::Cell::Kind;
    EXPECT_EQ(msoko::uno::to_scalar(OUString()).kind(), K::Empty) << "an empty cell";
    const std::pair<const char*, double> numbers[] = {{"57.5", 57.5},
                                                      {"57,5", 57.5},
                                                      {"-7331", -7331},
                                                      {"0", 0},
                                                      {"1E+308", 1e308},
                                                      {"0,0000003", 3e-7},
                                                      {"1,23456789012346E+017", 1.23456789012346e17},
                                                      {"6.5E-07", 6.5e-7},
                                                      {"+5", 5}};
    for (const auto& [typed, number] : numbers) {
        const msoko::Cell c = msoko::uno::to_scalar(u8(typed));
        ASSERT_EQ(c.kind(), K::Number) << typed;
        EXPECT_EQ(c.number(), number) << typed;
    }
    for (const char* text :
         {"пять", "1 000", "1.000,5", "5,", ",5", "-", "E5", "5E", "inf", "nan", "1E999", " 5", "5 %", "0x10", "1О"}) {
        const msoko::Cell c = msoko::uno::to_scalar(u8(text));
        ASSERT_EQ(c.kind(), K::Text) << text;
        EXPECT_EQ(c.text(), text);
    }
}

TEST(ToSingle, OneValueOrAnArrayOfOne) {
    using K = msoko::Cell::Kind;
    EXPECT_EQ(msoko::uno::to_single(Any(101.0), 2).number(), 101.0);
    EXPECT_EQ(msoko::uno::to_single(Any(u8("0101")), 2).text(), "0101");
    Sequence<Sequence<Any>> one(1);
    one.getArray()[0] = Sequence<Any>(1);
    one.getArray()[0].getArray()[0] <<= 80.0;
    EXPECT_EQ(msoko::uno::to_single(Any(one), 2).number(), 80.0) << "{80} or A1:A1";
    one.getArray()[0].getArray()[0] <<= OUString();
    EXPECT_EQ(msoko::uno::to_single(Any(one), 2).kind(), K::Empty) << "an empty cell of a range";
    Sequence<Sequence<Any>> two(2);
    two.getArray()[0] = Sequence<Any>(1);
    two.getArray()[1] = Sequence<Any>(1);
    EXPECT_THROW(msoko::uno::to_single(Any(two), 2), css::lang::IllegalArgumentException);
}

Sequence<Sequence<Any>> column(std::initializer_list<Any> values) {
    Sequence<Sequence<Any>> out(static_cast<sal_Int32>(values.size()));
    sal_Int32 i = 0;
    for (const Any& v : values)
        out.getArray()[i++] = Sequence<Any>(&v, 1);
    return out;
}

TEST(Functions, ShareThroughTheInterfaceWithAnyNumericType) {
    rtl::Reference<msoko::uno::Functions> f(new msoko::uno::Functions(nullptr));
    double v = 0;
    ASSERT_TRUE(
        f->share(column({Any(sal_Int16(3)), Any(sal_Int64(4))}), column({Any(float(10)), Any(sal_uInt32(10))})) >>= v);
    EXPECT_DOUBLE_EQ(v, 35.0);
    EXPECT_FALSE(f->share(column({Any(sal_Int8(0))}), column({Any(0.0)})).hasValue()) << "#N/A";
    EXPECT_THROW(f->share(column({Any(OUString("x"))}), column({Any(1.0)})), css::lang::IllegalArgumentException);
    EXPECT_THROW(f->share(column({Any(sal_Int32(-1))}), column({Any(1.0)})), css::lang::IllegalArgumentException);
}

TEST(Functions, MarksAndScoresThroughTheInterface) {
    rtl::Reference<msoko::uno::Functions> f(new msoko::uno::Functions(nullptr));
    double v = 0;
    ASSERT_TRUE(f->marks(column({Any(sal_Int32(5)), Any(sal_Int16(4))}), column({Any(5.0), Any(5.0)}),
                         u8("подтвердили")) >>= v);
    EXPECT_DOUBLE_EQ(v, 50.0);
    ASSERT_TRUE(f->belowMin(column({Any(sal_Int64(10)), Any(30.0)}), "24") >>= v);
    EXPECT_DOUBLE_EQ(v, 50.0);
    ASSERT_TRUE(f->scoreBand(column({Any(sal_Int64(70)), Any(30.0)}), "70", Any()) >>= v);
    EXPECT_DOUBLE_EQ(v, 50.0) << "upper limit omitted";
    ASSERT_TRUE(f->scoreBand(column({Any(sal_Int64(70)), Any(90.0)}), "70", Any(sal_Int32(80))) >>= v);
    EXPECT_DOUBLE_EQ(v, 50.0);
    EXPECT_THROW(f->scoreBand(column({Any(70.0)}), "70", Any(u8("сто"))), css::lang::IllegalArgumentException);
}

TEST(Functions, WithoutItsCatalogueIndicatorsAreErr502NotACrash) {
    // No office: the catalogue cannot be located; the functions say so.
    rtl::Reference<msoko::uno::Functions> f(new msoko::uno::Functions(nullptr));
    EXPECT_THROW(f->indicator("5.1.1.3", column({Any(OUString("code"))}), Any()), css::lang::IllegalArgumentException);
    EXPECT_THROW(f->title("5.1.1.3"), css::lang::IllegalArgumentException);
    EXPECT_NE(f->version().indexOf(u8("каталог показателей не загружен")), -1);
}

TEST(Functions, WizardMetadataInBothLanguages) {
    rtl::Reference<msoko::uno::Functions> f(new msoko::uno::Functions(nullptr));
    css::lang::Locale ru;
    ru.Language = "ru";
    f->setLocale(ru);
    EXPECT_EQ(f->getDisplayFunctionName("indicator"), u8("МСОКО.ПОКАЗАТЕЛЬ"));
    EXPECT_EQ(f->getProgrammaticFuntionName(u8("МСОКО.ПОКАЗАТЕЛЬ")), OUString("indicator"));
    EXPECT_EQ(f->getProgrammaticFuntionName("msoko.indicator"), OUString("indicator")) << "English, any case";
    EXPECT_EQ(f->getDisplayArgumentName("scoreBand", 2), u8("до"));
    css::lang::Locale en;
    en.Language = "en";
    f->setLocale(en);
    EXPECT_EQ(f->getDisplayFunctionName("scoreBand"), OUString("MSOKO.SCOREBAND"));
    EXPECT_EQ(f->getDisplayArgumentName("scoreBand", 2), OUString("to"));
    EXPECT_TRUE(f->getDisplayArgumentName("scoreBand", 3).isEmpty()) << "beyond the last argument";
    EXPECT_TRUE(f->getDisplayFunctionName("nonexistent").isEmpty());
}

}  // namespace

// The dispatcher's table of commands and the menus and toolbars that call
// them (registry/Addons.xcu) name the same commands, with the same Russian
// titles: a command the menu offers is always dispatched, and its messages
// call it what the menu calls it.
TEST(Commands, TheTableAndTheMenusAgree) {
    std::ifstream in(MSOKO_ADDONS_XCU);
    ASSERT_TRUE(in) << MSOKO_ADDONS_XCU;
    const std::string xcu((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    static const std::regex entry(
        R"re(<value>org\.msoko\.calc:(\w+)</value></prop>\s*<prop oor:name="Title">\s*<value xml:lang="ru">([^<]*)</value>)re");
    std::map<std::string, std::set<std::string>> menu;  // command → its Russian titles
    for (auto it = std::sregex_iterator(xcu.begin(), xcu.end(), entry); it != std::sregex_iterator(); ++it)
        menu[(*it)[1]].insert((*it)[2]);
    ASSERT_FALSE(menu.empty());
    std::set<std::string> table;
    for (const auto& c : msoko::uno::Dispatcher::commands()) {
        table.insert(c.path);
        ASSERT_TRUE(msoko::uno::Dispatcher::command_of(OUString::createFromAscii(c.path)));
        const auto it = menu.find(c.path);
        ASSERT_NE(it, menu.end()) << c.path << " is in no menu";
        EXPECT_TRUE(it->second.count(c.title)) << c.path << ": the menu calls it " << *it->second.begin();
    }
    for (const auto& [command, titles] : menu)
        EXPECT_TRUE(table.count(command)) << "the menu offers " << command << ", which the dispatcher does not know";
    EXPECT_FALSE(msoko::uno::Dispatcher::command_of(u8("Validate ")));
}

// Calc showed an item named «s1a» after «s5»: the items of the submenu and of
// the toolbar are named s00, s01 … and t00, t01 … in the order of the file,
// names every way of ordering puts in that same order.
TEST(Commands, MenuAndToolbarItemsAreNamedInTheirOrder) {
    std::ifstream in(MSOKO_ADDONS_XCU);
    const std::string xcu((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    static const std::regex item(R"re(<node oor:name="([st])([^"]*)" oor:op="replace">)re");
    std::map<std::string, int> next{{"s", 0}, {"t", 0}};
    for (auto it = std::sregex_iterator(xcu.begin(), xcu.end(), item); it != std::sregex_iterator(); ++it) {
        char expected[8];
        std::snprintf(expected, sizeof expected, "%02d", next[(*it)[1]]++);
        EXPECT_EQ((*it)[2].str(), expected) << "item " << (*it)[1] << (*it)[2];
    }
    EXPECT_EQ(next["s"], 13) << "the submenu's items";
    EXPECT_EQ(next["t"], 13) << "the toolbar's items";
}

namespace {

std::string file_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The width and height of a PNG file (its IHDR chunk), or 0 × 0.
std::pair<unsigned, unsigned> png_size(const std::string& path) {
    const std::string png = file_text(path);
    if (png.size() < 24 || png.compare(1, 3, "PNG") != 0 || png.compare(12, 4, "IHDR") != 0)
        return {0, 0};
    const auto be32 = [&](std::size_t at) {
        unsigned v = 0;
        for (std::size_t i = 0; i < 4; ++i)
            v = v << 8 | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    return {be32(16), be32(20)};
}

}  // namespace

// Issue 13, defect 8: the buttons were both on a toolbar of their own and
// merged into Calc's standard bar, and «Снять отметки проверки» had no icon.
// One toolbar, every command of the table on it, each with a 16 and a 26 px icon
// that the package ships.
TEST(Commands, OneToolbarWithEveryCommandAndItsIcons) {
    const std::string xcu = file_text(MSOKO_ADDONS_XCU);
    const std::string registry = std::string(MSOKO_ADDONS_XCU).substr(0, std::string(MSOKO_ADDONS_XCU).rfind('/'));
    EXPECT_EQ(xcu.find("OfficeToolbarMerging"), std::string::npos) << "buttons merged into Calc's own toolbars too";
    const auto toolbar_at = xcu.find(R"(<node oor:name="OfficeToolBar">)");
    const auto images_at = xcu.find(R"(<node oor:name="Images">)");
    ASSERT_NE(toolbar_at, std::string::npos);
    ASSERT_NE(images_at, std::string::npos);
    const std::string toolbars = xcu.substr(toolbar_at, images_at - toolbar_at), images = xcu.substr(images_at);
    static const std::regex toolbar(R"re(<node oor:name="(org\.msoko\.calc\.[\w.]+)" oor:op="replace">)re");
    std::set<std::string> names;
    for (auto it = std::sregex_iterator(toolbars.begin(), toolbars.end(), toolbar); it != std::sregex_iterator(); ++it)
        names.insert((*it)[1]);
    EXPECT_EQ(names, (std::set<std::string>{"org.msoko.calc.toolbar"})) << "one toolbar";
    EXPECT_NE(
        file_text(registry + "/CalcWindowState.xcu").find("private:resource/toolbar/addon_org.msoko.calc.toolbar"),
        std::string::npos)
        << "the toolbar has its name in View → Toolbars";

    static const std::regex url(R"re(<value>org\.msoko\.calc:(\w+)</value>)re");
    std::set<std::string> on_toolbar;
    for (auto it = std::sregex_iterator(toolbars.begin(), toolbars.end(), url); it != std::sregex_iterator(); ++it)
        on_toolbar.insert((*it)[1]);
    std::set<std::string> table;
    for (const auto& c : msoko::uno::Dispatcher::commands())
        table.insert(c.path);
    EXPECT_EQ(on_toolbar, table) << "every command on the toolbar, once";

    // Each command's images: <prop URL> then its two image URLs.
    static const std::regex image(
        R"re(<prop oor:name="URL"><value>org\.msoko\.calc:(\w+)</value></prop>\s*<node oor:name="UserDefinedImages">\s*)re"
        R"re(<prop oor:name="ImageSmallURL"><value>vnd\.sun\.star\.extension://org\.msoko\.calc/([^<]+)</value></prop>\s*)re"
        R"re(<prop oor:name="ImageBigURL"><value>vnd\.sun\.star\.extension://org\.msoko\.calc/([^<]+)</value></prop>)re");
    std::set<std::string> with_icons;
    const std::string oxt = file_text(std::string(MSOKO_OXT_CMAKE));
    for (auto it = std::sregex_iterator(images.begin(), images.end(), image); it != std::sregex_iterator(); ++it) {
        const std::string command = (*it)[1], small = (*it)[2], big = (*it)[3];
        with_icons.insert(command);
        EXPECT_EQ(png_size(registry + "/" + small), (std::pair<unsigned, unsigned>{16, 16})) << command << " " << small;
        EXPECT_EQ(png_size(registry + "/" + big), (std::pair<unsigned, unsigned>{26, 26})) << command << " " << big;
        EXPECT_NE(oxt.find("|" + small + "\""), std::string::npos) << small << " is not packed (cmake/Oxt.cmake)";
        EXPECT_NE(oxt.find("|" + big + "\""), std::string::npos) << big << " is not packed (cmake/Oxt.cmake)";
    }
    EXPECT_EQ(with_icons, table) << "a command without its icon";
}

// A CSV of ФИС ОКО is imported with its own separator and encoding: «;» (Excel in Russian), tab, or
// «,» only when neither is there; UTF-8, else Windows-1251; a decimal comma unless «,» separates.
TEST(VprCsv, TheSeparatorAndTheEncodingAreToldFromTheFirstBytes) {
    EXPECT_EQ(msoko::uno::csv_filter_options("a;b;\"c,d\"\n1;2;3\n"), "59,34,76,1,,1049,false,false");
    EXPECT_EQ(msoko::uno::csv_filter_options("a\tb\tc;d\n"), "9,34,76,1,,1049,false,false");
    EXPECT_EQ(msoko::uno::csv_filter_options("a,b,c\n"), "44,34,76,1,,1033,false,false");
    EXPECT_EQ(msoko::uno::csv_filter_options("\xCA\xEE\xE4;\xD3\xF7\n"), "59,34,34,1,,1049,false,false")
        << "«Код;Уч» in Windows-1251 is no UTF-8";
}

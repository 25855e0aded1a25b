// SPDX-License-Identifier: MPL-2.0
// Integration tests: the built .oxt installed into a throwaway profile of a
// real headless LibreOffice; workbooks loaded, recalculated and read back.
#include "office/office.hxx"
#include "msoko/engine.hpp"
#include "msoko/form.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>

#include <com/sun/star/beans/NamedValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/configuration/theDefaultProvider.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/deployment/ExtensionManager.hpp>
#include <com/sun/star/document/XUndoManagerSupplier.hpp>
#include <com/sun/star/frame/DispatchHelper.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/FunctionArgument.hpp>
#include <com/sun/star/sheet/ValidationType.hpp>
#include <com/sun/star/sheet/XCalculatable.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetConditionalEntry.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetView.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/sheet/XViewFreezable.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/CellProtection.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>

#include <signal.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using msoko::office::Office;
using rtl::OUString;

std::string u8(const OUString& s) {
    return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr();
}
OUString ou(const std::string& s) {
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

// Calc's error codes as ORG.OPENOFFICE.ERRORTYPE and XCell::getError report them.
constexpr sal_Int32 kErr502 = 502;          // invalid argument: what our functions raise
constexpr sal_Int32 kNotAvailable = 32767;  // #N/A
constexpr sal_Int32 kNoName = 525;          // #NAME?: the function is unknown

const fs::path kOxt = MSOKO_TEST_OXT;
const fs::path kFixtures = MSOKO_TEST_FIXTURES;

Reference<css::sheet::XSpreadsheet> sheet(const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* name) {
    return Reference<css::sheet::XSpreadsheet>(doc->getSheets()->getByName(ou(name)), UNO_QUERY_THROW);
}

Reference<css::table::XCell> cell(const Reference<css::sheet::XSpreadsheet>& s, const char* a1) {
    return Reference<css::table::XCell>(s->getCellRangeByName(OUString::createFromAscii(a1))->getCellByPosition(0, 0),
                                        UNO_QUERY_THROW);
}

std::string text(const Reference<css::table::XCell>& c) {
    return u8(Reference<css::text::XText>(c, UNO_QUERY_THROW)->getString());
}

void recalc(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    Reference<css::sheet::XCalculatable>(doc, UNO_QUERY_THROW)->calculateAll();
}

// Properties of one function as the Function Wizard gets them.
struct Description {
    std::string name, description;
    sal_Int32 category = -1;
    std::vector<std::pair<std::string, std::string>> arguments;  // name, description
};

std::optional<Description> describe(const Office& office, const std::string& display_name) {
    auto factory = office.context()->getServiceManager();
    Reference<css::container::XIndexAccess> all(
        factory->createInstanceWithContext("com.sun.star.sheet.FunctionDescriptions", office.context()),
        UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        Sequence<css::beans::PropertyValue> props;
        all->getByIndex(i) >>= props;
        Description d;
        for (const auto& p : props) {
            if (p.Name == "Name") {
                OUString v;
                p.Value >>= v;
                d.name = u8(v);
            } else if (p.Name == "Description") {
                OUString v;
                p.Value >>= v;
                d.description = u8(v);
            } else if (p.Name == "Category") {
                p.Value >>= d.category;
            } else if (p.Name == "Arguments") {
                Sequence<css::sheet::FunctionArgument> args;
                p.Value >>= args;  // empty for a function without arguments
                for (const auto& a : args)
                    d.arguments.emplace_back(u8(a.Name), u8(a.Description));
            }
        }
        if (d.name == display_name)
            return d;
    }
    return std::nullopt;
}

// ---------------------------------------------------------------------------
// An office in the English UI, shared by the tests of this suite.

class EnglishCalc : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        msoko::office::Options o;
        o.extension = kOxt;
        o.ui_locale = "en-US";
        office_ = std::make_unique<Office>(o);
    }
    static void TearDownTestSuite() { office_.reset(); }

    void SetUp() override { ASSERT_TRUE(office_) << "the office did not start"; }
    void TearDown() override {
        if (doc_.is())
            Office::close(doc_);
    }

    static std::unique_ptr<Office> office_;
    Reference<css::sheet::XSpreadsheetDocument> doc_;
};
std::unique_ptr<Office> EnglishCalc::office_;

TEST_F(EnglishCalc, ExtensionIsDeployedAndRegistered) {
    auto manager = css::deployment::ExtensionManager::get(office_->context());
    auto deployed = manager->getDeployedExtensions("user", {}, {});
    bool found = false;
    for (const auto& ext : deployed) {
        if (ext.is() && ext->getIdentifier().Value == "org.msoko.calc") {
            found = true;
            EXPECT_EQ(u8(ext->getVersion()), MSOKO_EXPECTED_VERSION);
            EXPECT_EQ(u8(ext->getDisplayName()), "МСОКО for Calc") << "the English name in the English UI";
        }
    }
    EXPECT_TRUE(found) << "org.msoko.calc is not among the user's extensions";
}

// Every row of a fixture's "checks" sheet: A says what, B computes, C
// expects, D compares; E1 is the AND of all rows.
// The МСОКО submenu of the Data menu as the installed extension configures it:
// every command of the extension, in order, with its Russian title.
TEST_F(EnglishCalc, DataMenuHoldsEveryCommand) {
    auto provider = css::configuration::theDefaultProvider::get(office_->context());
    css::beans::NamedValue path{"nodepath",
                                css::uno::Any(OUString("/org.openoffice.Office.Addons/AddonUI/OfficeMenuBarMerging/"
                                                       "org.msoko.calc.menu/m1/MenuItems/m11/Submenu"))};
    Sequence<css::uno::Any> args(1);
    args.getArray()[0] <<= path;
    Reference<css::container::XNameAccess> submenu(
        provider->createInstanceWithArguments("com.sun.star.configuration.ConfigurationAccess", args), UNO_QUERY_THROW);
    auto names = submenu->getElementNames();
    std::vector<OUString> sorted(names.begin(), names.end());
    std::sort(sorted.begin(), sorted.end());  // the office orders items by node name
    std::vector<std::string> urls;
    for (const auto& n : sorted) {
        Reference<css::container::XNameAccess> item(submenu->getByName(n), UNO_QUERY_THROW);
        urls.push_back(u8(item->getByName("URL").get<OUString>()));
    }
    const std::vector<std::string> expected{"org.msoko.calc:Validate", "org.msoko.calc:ClearMarks", "private:separator",
                                            "org.msoko.calc:NewForm"};
    EXPECT_EQ(urls, expected);
}

void expect_all_checks(const Reference<css::sheet::XSpreadsheetDocument>& doc, int at_least) {
    auto checks = sheet(doc, "checks");
    int rows = 0;
    for (sal_Int32 r = 1; !text(checks->getCellByPosition(0, r)).empty(); ++r, ++rows) {
        auto ok = checks->getCellByPosition(3, r);
        EXPECT_TRUE(ok->getError() == 0 && ok->getValue() == 1.0)
            << "row " << r + 1 << ": " << text(checks->getCellByPosition(0, r)) << " — got "
            << text(checks->getCellByPosition(1, r)) << " (error " << checks->getCellByPosition(1, r)->getError()
            << "), expected " << text(checks->getCellByPosition(2, r));
    }
    EXPECT_GE(rows, at_least) << "the fixture lost its checks";
    EXPECT_EQ(cell(checks, "E1")->getValue(), 1.0) << "summary AND of all checks";
}

TEST_F(EnglishCalc, ShareFixtureAllChecksPass) {
    doc_ = office_->open(kFixtures / "share.fods");
    recalc(doc_);
    expect_all_checks(doc_, 15);
}

TEST_F(EnglishCalc, FunctionsFixtureAllChecksPass) {
    doc_ = office_->open(kFixtures / "functions.fods");
    recalc(doc_);
    expect_all_checks(doc_, 39);
}

TEST_F(EnglishCalc, IndicatorsFollowTheTableWithoutHardRecalculation) {
    doc_ = office_->open(kFixtures / "functions.fods");
    recalc(doc_);
    auto checks = sheet(doc_, "checks");
    auto grid = sheet(doc_, "grid");
    auto table = sheet(doc_, "t511");
    ASSERT_DOUBLE_EQ(cell(checks, "B2")->getValue(), 92.0);
    cell(table, "C2")->setValue(20);  // 101: 20 of 25 now got the certificate
    EXPECT_DOUBLE_EQ(cell(checks, "B2")->getValue(), 80.0) << "MSOKO.INDICATOR follows its table";
    EXPECT_DOUBLE_EQ(cell(grid, "C1")->getValue(), 80.0) << "MSOKO.INDICATORS follows its table";
    EXPECT_DOUBLE_EQ(cell(grid, "C5")->getValue(), 6000.0 / 65) << "and the municipal row";
}

TEST_F(EnglishCalc, SavedAsOdsAndReopenedStillComputes) {
    doc_ = office_->open(kFixtures / "functions.fods");
    const fs::path ods = fs::temp_directory_path() / ("msoko-reopen-" + std::to_string(getpid()) + ".ods");
    Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "FilterName";
    args.getArray()[0].Value <<= OUString("calc8");
    Reference<css::frame::XStorable>(doc_, UNO_QUERY_THROW)->storeToURL(ou(msoko::office::file_url(ods)), args);
    Office::close(doc_);
    doc_ = office_->open(ods);
    recalc(doc_);
    expect_all_checks(doc_, 39);
    Office::close(doc_);
    doc_.clear();
    fs::remove(ods);
}

TEST_F(EnglishCalc, WorkbookLockedByAnotherUserOpensReadOnly) {
    // A specialist has the workbook open in Calc: its lock file is there.
    const fs::path dir = fs::temp_directory_path() / ("msoko-lock-test-" + std::to_string(getpid()));
    fs::create_directories(dir);
    fs::copy_file(kFixtures / "share.fods", dir / "share.fods", fs::copy_options::overwrite_existing);
    char host[256] = {};
    gethostname(host, sizeof host - 1);
    const char* user = std::getenv("USER");
    std::ofstream(dir / ".~lock.share.fods#")
        << "," << (user ? user : "root") << "," << host << ",25.11.2026 10:00,file:///tmp/other-profile;";
    doc_ = office_->open(dir / "share.fods", Office::Access::ReadOnly);
    recalc(doc_);
    EXPECT_EQ(cell(sheet(doc_, "checks"), "E1")->getValue(), 1.0);
    Office::close(doc_);
    doc_.clear();
    EXPECT_TRUE(fs::exists(dir / ".~lock.share.fods#")) << "the other user's lock stays";
    fs::remove_all(dir);
}

// Each bad input, set through the API into a new sheet, gives its exact
// error code — and the input cells keep exactly what was typed.
struct BadInput {
    const char* rule;
    const char* a1;  // contents of A1 and A2 (numerators), B1 and B2 (denominators)
    const char* a2;
    const char* b1;
    const char* b2;
    sal_Int32 error;
};

TEST_F(EnglishCalc, BadInputsGiveExactErrorCodes) {
    const BadInput cases[] = {
        {"text in a numerator cell", "пять", "1", "10", "10", kErr502},
        {"text in a denominator cell", "1", "", "ten", "10", kErr502},
        {"a number stored as text", "'5", "", "10", "", kErr502},
        {"a negative numerator", "-1", "2", "10", "", kErr502},
        {"a negative denominator", "1", "", "10", "-5", kErr502},
        {"a part bigger than its whole", "7", "5", "6", "5", kErr502},
        {"a part with no whole at all", "1", "", "", "", kErr502},
        {"zero denominators", "0", "", "0", "0", kNotAvailable},
        {"empty cells everywhere", "", "", "", "", kNotAvailable},
    };
    doc_ = office_->create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc_->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    cell(s, "C1")->setFormula("=MSOKO.SHARE(A1:A2;B1:B2)");
    for (const auto& c : cases) {
        const char* addr[] = {"A1", "A2", "B1", "B2"};
        const char* values[] = {c.a1, c.a2, c.b1, c.b2};
        for (int i = 0; i < 4; ++i)
            cell(s, addr[i])->setFormula(ou(values[i]));  // as typed: "'5" stays text
        recalc(doc_);
        EXPECT_EQ(cell(s, "C1")->getError(), c.error) << c.rule << ": shows " << text(cell(s, "C1"));
        for (int i = 0; i < 4; ++i) {
            const std::string typed = values[i][0] == '\'' ? values[i] + 1 : values[i];
            EXPECT_EQ(text(cell(s, addr[i])), typed) << c.rule << ": the function changed input " << addr[i];
        }
    }
}

TEST_F(EnglishCalc, ErrorCellsInArgumentsNeverGiveANumber) {
    // Calc resolves an error in an argument before the add-in is called: a
    // single error cell propagates its own error, a range holding one gives
    // Err:504; MSOKO.SHARE never turns it into a number.
    doc_ = office_->create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc_->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    cell(s, "A1")->setFormula("=1/0");
    cell(s, "A2")->setValue(1);
    cell(s, "B1")->setValue(10);
    cell(s, "B2")->setFormula("=NA()");
    cell(s, "C1")->setFormula("=MSOKO.SHARE(A1;B1)");
    cell(s, "C2")->setFormula("=MSOKO.SHARE(A1:A2;B1)");
    cell(s, "C3")->setFormula("=MSOKO.SHARE(A2;B1:B2)");
    cell(s, "C4")->setFormula("=MSOKO.SHARE(A2;B2)");
    recalc(doc_);
    for (const char* a : {"C1", "C2", "C3", "C4"}) {
        auto c = cell(s, a);
        EXPECT_NE(c->getError(), 0) << a << " shows " << text(c);
    }
    EXPECT_EQ(cell(s, "C1")->getError(), 532) << "#DIV/0! propagates from a single cell";
    EXPECT_EQ(cell(s, "C2")->getError(), 504) << "a range holding #DIV/0!: Calc's Err:504";
    EXPECT_EQ(cell(s, "C3")->getError(), 504) << "a range holding #N/A: Calc's Err:504";
    EXPECT_EQ(cell(s, "C4")->getError(), kNotAvailable) << "#N/A propagates from a single cell";
}

TEST_F(EnglishCalc, ResultFollowsTheDataWhenItChanges) {
    doc_ = office_->create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc_->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    cell(s, "A1")->setValue(1);
    cell(s, "B1")->setValue(4);
    cell(s, "C1")->setFormula("=MSOKO.SHARE(A1;B1)");
    EXPECT_DOUBLE_EQ(cell(s, "C1")->getValue(), 25.0);
    cell(s, "A1")->setValue(3);  // no explicit recalculation: Calc tracks the dependency
    EXPECT_DOUBLE_EQ(cell(s, "C1")->getValue(), 75.0);
}

TEST_F(EnglishCalc, FormulaNamesInEveryGrammar) {
    doc_ = office_->create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc_->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    auto c = cell(s, "A1");
    c->setFormula("=MSOKO.SHARE(1;2)");
    EXPECT_EQ(u8(c->getFormula()), "=ORG.MSOKO.CALC.FUNCTIONS.SHARE(1;2)") << "the API grammar stores the service name";
    OUString local;
    Reference<css::beans::XPropertySet>(c, UNO_QUERY_THROW)->getPropertyValue("FormulaLocal") >>= local;
    EXPECT_EQ(u8(local), "=MSOKO.SHARE(1,2)");
    c->setFormula("=ORG.MSOKO.CALC.FUNCTIONS.SHARE(1;2)");
    EXPECT_DOUBLE_EQ(c->getValue(), 50.0);
}

TEST_F(EnglishCalc, VersionNamesExtensionAndInstalledCatalogue) {
    doc_ = office_->create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc_->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    cell(s, "A1")->setFormula("=MSOKO.VERSION()");
    recalc(doc_);
    const std::string v = text(cell(s, "A1"));
    EXPECT_EQ(v.rfind(std::string("МСОКО для Calc ") + MSOKO_EXPECTED_VERSION + "; каталог msoko-267-1 версии ", 0), 0u)
        << "the catalogue must be found inside the installed extension: " << v;
}

TEST_F(EnglishCalc, FunctionWizardInEnglish) {
    const auto share = describe(*office_, "MSOKO.SHARE");
    ASSERT_TRUE(share) << "MSOKO.SHARE is missing from the Function Wizard";
    EXPECT_EQ(share->category, 11) << "Add-In category";
    EXPECT_EQ(share->description.rfind("Share in percent: 100 × sum of numerators / sum of denominators.", 0), 0u)
        << share->description;
    ASSERT_EQ(share->arguments.size(), 2u);
    EXPECT_EQ(share->arguments[0].first, "numerators");
    EXPECT_EQ(share->arguments[1].first, "denominators");
    EXPECT_NE(share->arguments[0].second.find("A number or a range"), std::string::npos);
    EXPECT_NE(share->arguments[1].second.find("the total the share is taken of"), std::string::npos);

    const auto version = describe(*office_, "MSOKO.VERSION");
    ASSERT_TRUE(version);
    EXPECT_NE(version->description.find("indicator catalogue"), std::string::npos);
    EXPECT_TRUE(version->arguments.empty());
}

// Every MSOKO function, its description and each argument have texts.
void expect_complete_wizard(const Office& office, const std::vector<std::pair<const char*, std::size_t>>& functions) {
    for (const auto& [name, arguments] : functions) {
        const auto d = describe(office, name);
        ASSERT_TRUE(d) << name << " is missing from the Function Wizard";
        EXPECT_GT(d->description.size(), 20u) << name;
        ASSERT_EQ(d->arguments.size(), arguments) << name;
        for (const auto& [arg, text] : d->arguments) {
            EXPECT_FALSE(arg.empty()) << name;
            EXPECT_GT(text.size(), 10u) << name << " " << arg;
        }
    }
}

TEST_F(EnglishCalc, FunctionWizardDescribesEveryFunction) {
    expect_complete_wizard(*office_, {{"MSOKO.SHARE", 2},
                                      {"MSOKO.VERSION", 0},
                                      {"MSOKO.INDICATOR", 3},
                                      {"MSOKO.INDICATORS", 1},
                                      {"MSOKO.TITLE", 1},
                                      {"MSOKO.UNIT", 1},
                                      {"MSOKO.MARKS", 3},
                                      {"MSOKO.BELOWMIN", 2},
                                      {"MSOKO.SCOREBAND", 3},
                                      {"MSOKO.DYNAMICS", 2}});
    const auto marks = describe(*office_, "MSOKO.MARKS");
    EXPECT_EQ(marks->arguments[2].first, "mode");
    EXPECT_NE(marks->arguments[2].second.find("confirmed"), std::string::npos);
}

std::string samples_name(const Reference<css::sheet::XSpreadsheet>& s) {
    return u8(Reference<css::container::XNamed>(s, UNO_QUERY_THROW)->getName());
}

// The command NewForm, as the menu sends it, creates the form from the catalogue.
void new_form_checks(Office& office, Reference<css::sheet::XSpreadsheetDocument>& doc_);
TEST_F(EnglishCalc, NewFormThroughTheDispatcher) {
    try {
        new_form_checks(*office_, doc_);
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}
void new_form_checks(Office& office, Reference<css::sheet::XSpreadsheetDocument>& doc_) {
    Office* office_ = &office;
    doc_ = office_->create_spreadsheet();  // the menu acts on a Calc document's frame
    Reference<css::frame::XModel> model(doc_, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    auto helper = css::frame::DispatchHelper::create(office_->context());
    helper->executeDispatch(frame, "org.msoko.calc:NewForm", "_self", 0, {});

    // The new, untitled document with the form.
    Reference<css::sheet::XSpreadsheetDocument> form;
    auto components = office_->desktop()->getComponents()->createEnumeration();
    while (components->hasMoreElements()) {
        Reference<css::sheet::XSpreadsheetDocument> d(components->nextElement(), css::uno::UNO_QUERY);
        if (d.is() && d->getSheets()->hasByName(ou("Паспорт")))
            form = d;
    }
    ASSERT_TRUE(form.is()) << "NewForm opened no form";
    EXPECT_TRUE(Reference<css::frame::XModel>(form, UNO_QUERY_THROW)->getURL().isEmpty()) << "untitled, not saved";
    Reference<css::container::XIndexAccess> sheets(form->getSheets(), UNO_QUERY_THROW);
    std::vector<std::string> names;
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
        names.push_back(u8(Reference<css::container::XNamed>(sheets->getByIndex(i), UNO_QUERY_THROW)->getName()));
    ASSERT_EQ(names.size(), 14u) << "Паспорт, Организации, 11 directions, Показатели";
    EXPECT_EQ(names[0], "Паспорт");
    EXPECT_EQ(names[1], "Организации");
    EXPECT_EQ(names[2], "5.1.1 Подготовка обучающихся");
    EXPECT_EQ(names[13], "Показатели");

    // Named ranges the functions and the validation use.
    Reference<css::beans::XPropertySet> doc_props(form, UNO_QUERY_THROW);
    Reference<css::container::XNameAccess> ranges(doc_props->getPropertyValue("NamedRanges"), UNO_QUERY_THROW);
    for (const char* n : {"tbl_5_1_1", "tbl_5_2_4", "tbl_S_3", "msoko_catalogue_id", "msoko_catalogue_version",
                          "indicators_table", "register_table"})
        EXPECT_TRUE(ranges->hasByName(OUString::createFromAscii(n))) << n;

    auto s511 = sheet(form, "5.1.1 Подготовка обучающихся");
    EXPECT_EQ(text(cell(s511, "A4")), "code") << "the field-code row";
    EXPECT_EQ(text(cell(s511, "E4")), "noo_pupils");
    // Validity of an input cell: a whole number in the field's range, with help.
    Reference<css::beans::XPropertySet> input(cell(s511, "E5"), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> validation(input->getPropertyValue("Validation"), UNO_QUERY_THROW);
    css::sheet::ValidationType type;
    validation->getPropertyValue("Type") >>= type;
    EXPECT_EQ(type, css::sheet::ValidationType_WHOLE);
    bool show_error = false;
    validation->getPropertyValue("ShowErrorMessage") >>= show_error;
    EXPECT_TRUE(show_error);
    OUString help;
    validation->getPropertyValue("InputMessage") >>= help;
    EXPECT_NE(u8(help).find("Целое число от 0"), std::string::npos) << u8(help);
    // Protection: the sheet is protected, input cells are not locked, codes are.
    EXPECT_TRUE(Reference<css::util::XProtectable>(s511, UNO_QUERY_THROW)->isProtected());
    css::util::CellProtection protection;
    input->getPropertyValue("CellProtection") >>= protection;
    EXPECT_FALSE(protection.IsLocked) << "input cells stay editable";
    Reference<css::beans::XPropertySet>(cell(s511, "E4"), UNO_QUERY_THROW)->getPropertyValue("CellProtection") >>=
        protection;
    EXPECT_TRUE(protection.IsLocked) << "the field-code row is protected";
    // Header rows and columns stay in view (frozen panes), «Паспорт» comes first.
    Reference<css::sheet::XSpreadsheetView> view(
        Reference<css::frame::XModel>(form, UNO_QUERY_THROW)->getCurrentController(), UNO_QUERY_THROW);
    EXPECT_EQ(samples_name(view->getActiveSheet()), "Паспорт");
    view->setActiveSheet(s511);
    EXPECT_TRUE(Reference<css::sheet::XViewFreezable>(view, UNO_QUERY_THROW)->hasFrozenPanes());
    // The catalogue's identity in the passport, and the indicator block.
    auto passport = sheet(form, "Паспорт");
    EXPECT_EQ(text(cell(passport, "B14")), "msoko-267-1");
    recalc(form);
    auto indicators = sheet(form, "Показатели");
    EXPECT_EQ(text(cell(indicators, "A4")), "5.1.1.1");
    EXPECT_EQ(cell(indicators, "E4")->getError(), kNotAvailable) << "a blank form has no values yet";
    Office::close(form);
}

// ---------------------------------------------------------------------------
// The Russian UI: names and wizard texts in Russian; English names still work.

TEST(RussianCalc, FunctionWizardAndNames) {
    msoko::office::Options o;
    o.extension = kOxt;
    o.ui_locale = "ru-RU";
    Office office(o);

    const auto share = describe(office, "МСОКО.ДОЛЯ");
    ASSERT_TRUE(share) << "МСОКО.ДОЛЯ is missing from the Russian Function Wizard";
    EXPECT_EQ(share->description.rfind("Доля в процентах: 100 × сумма числителей / сумма знаменателей.", 0), 0u)
        << share->description;
    ASSERT_EQ(share->arguments.size(), 2u);
    EXPECT_EQ(share->arguments[0].first, "числители");
    EXPECT_EQ(share->arguments[1].first, "знаменатели");
    EXPECT_NE(share->arguments[1].second.find("общее число"), std::string::npos);
    expect_complete_wizard(office, {{"МСОКО.ДОЛЯ", 2},
                                    {"МСОКО.ВЕРСИЯ", 0},
                                    {"МСОКО.ПОКАЗАТЕЛЬ", 3},
                                    {"МСОКО.ПОКАЗАТЕЛИ", 1},
                                    {"МСОКО.НАЗВАНИЕ", 1},
                                    {"МСОКО.ЕДИНИЦА", 1},
                                    {"МСОКО.ОТМЕТКИ", 3},
                                    {"МСОКО.НИЖЕПОРОГА", 2},
                                    {"МСОКО.ДИАПАЗОНБАЛЛОВ", 3},
                                    {"МСОКО.ДИНАМИКА", 2}});
    const auto indicator = describe(office, "МСОКО.ПОКАЗАТЕЛЬ");
    EXPECT_EQ(indicator->arguments[2].first, "организация");
    EXPECT_NE(indicator->description.find("муниципалитета"), std::string::npos);
    EXPECT_FALSE(describe(office, "SUM")) << "Calc's own functions are Russian too (СУММ) in this UI";
    EXPECT_TRUE(describe(office, "СУММ"));

    auto doc = office.create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> a1(cell(s, "A1"), UNO_QUERY_THROW);
    a1->setPropertyValue("FormulaLocal", css::uno::Any(ou("=МСОКО.ДОЛЯ(1;4)")));
    cell(s, "A2")->setFormula("=MSOKO.SHARE(3;4)");  // the API always speaks English
    recalc(doc);
    EXPECT_DOUBLE_EQ(cell(s, "A1")->getValue(), 25.0) << "typed in Russian";
    EXPECT_DOUBLE_EQ(cell(s, "A2")->getValue(), 75.0) << "English name through the API in the Russian UI";
    OUString local;
    Reference<css::beans::XPropertySet>(cell(s, "A2"), UNO_QUERY_THROW)->getPropertyValue("FormulaLocal") >>= local;
    EXPECT_EQ(u8(local), "=МСОКО.ДОЛЯ(3;4)") << "shown in Russian";
    EXPECT_EQ(u8(cell(s, "A1")->getFormula()), "=ORG.MSOKO.CALC.FUNCTIONS.SHARE(1;4)") << "stored by service name";

    Office::close(doc);
}

TEST(RussianCalc, EnglishFunctionNamesOption) {
    // Tools → Options → Calc → Formula → "Use English function names".
    msoko::office::Options o;
    o.extension = kOxt;
    o.ui_locale = "ru-RU";
    o.settings.push_back({"/org.openoffice.Office.Calc/Formula/Syntax", "EnglishFunctionName", "true"});
    Office office(o);
    auto doc = office.create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    Reference<css::beans::XPropertySet> a1(cell(s, "A1"), UNO_QUERY_THROW);
    a1->setPropertyValue("FormulaLocal", css::uno::Any(ou("=MSOKO.SHARE(1;2)")));
    recalc(doc);
    EXPECT_DOUBLE_EQ(cell(s, "A1")->getValue(), 50.0) << "typed in English with English function names on";
    OUString local;
    a1->getPropertyValue("FormulaLocal") >>= local;
    EXPECT_EQ(u8(local), "=MSOKO.SHARE(1;2)");
    Office::close(doc);
}

// ---------------------------------------------------------------------------
// Lifecycle: the log lands in the profile without cell contents; the
// extension removes cleanly; nothing is left running.

TEST(Lifecycle, LogInProfileWithoutCellContents) {
    msoko::office::Options o;
    o.extension = kOxt;
    o.keep_profile = true;
    fs::path root;
    {
        Office office(o);
        root = office.profile().parent_path();
        auto doc = office.create_spreadsheet();
        Reference<css::sheet::XSpreadsheet> s(
            Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
        cell(s, "A1")->setFormula("Петров Пётр");
        cell(s, "B1")->setFormula("=MSOKO.SHARE(A1;10)");
        recalc(doc);
        EXPECT_EQ(cell(s, "B1")->getError(), kErr502);
        Office::close(doc);
    }  // the office terminates and flushes the log
    const fs::path log = root / "profile" / "user" / "msoko" / "msoko.log";
    const bool exists = fs::is_regular_file(log);
    std::stringstream content;
    content << std::ifstream(log).rdbuf();
    fs::remove_all(root);
    ASSERT_TRUE(exists) << "no log at " << log;
    EXPECT_NE(content.str().find("MSOKO.SHARE: rejected input: text in numerators row 1 column 1"), std::string::npos)
        << content.str();
    EXPECT_EQ(content.str().find("Петров"), std::string::npos) << "cell contents must never reach the log";
}

TEST(Lifecycle, RemovesCleanlyAndLeavesNoProcess) {
    msoko::office::Options o;
    o.extension = kOxt;
    pid_t pid = -1;
    fs::path profile;
    {
        Office office(o);
        profile = office.profile();
        office.remove_extension("org.msoko.calc");
        pid = office.pid();
        auto manager = css::deployment::ExtensionManager::get(office.context());
        for (const auto& ext : manager->getDeployedExtensions("user", {}, {}))
            EXPECT_FALSE(ext.is() && ext->getIdentifier().Value == "org.msoko.calc") << "still deployed";
        auto doc = office.create_spreadsheet();
        Reference<css::sheet::XSpreadsheet> s(
            Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
        cell(s, "A1")->setFormula("=ORG.MSOKO.CALC.FUNCTIONS.SHARE(1;2)");
        recalc(doc);
        EXPECT_EQ(cell(s, "A1")->getError(), kNoName) << "the function must be gone after removal";
        Office::close(doc);
    }
    ASSERT_GT(pid, 0);
    EXPECT_NE(kill(pid, 0), 0) << "soffice.bin " << pid << " still runs after shutdown";
    EXPECT_FALSE(fs::exists(profile)) << "the throwaway profile (and its .lock) must be gone";
}

// A stand-in for unopkg: a shell script in a directory of its own, which
// runs `body` and then the real unopkg.
fs::path unopkg_wrapper(const fs::path& dir, const std::string& body) {
    fs::create_directories(dir);
    const fs::path script = dir / "unopkg";
    std::ofstream(script) << "#!/bin/sh\n" << body << "\nexec " << MSOKO_TEST_LO_PROGRAM_DIR << "/unopkg \"$@\"\n";
    fs::permissions(script, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                fs::perms::others_read | fs::perms::others_exec);
    return script;
}

// A directory removed when the test ends, also when an assertion fails.
struct RemovedAtEnd {
    fs::path dir;
    ~RemovedAtEnd() {
        std::error_code ec;
        fs::remove_all(dir, ec);
    }
};

// Does the installed extension compute? (The office is ready for a test.)
void expect_extension_works(Office& office) {
    auto doc = office.create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    cell(s, "A1")->setFormula("=ORG.MSOKO.CALC.FUNCTIONS.SHARE(1;2)");
    recalc(doc);
    EXPECT_DOUBLE_EQ(cell(s, "A1")->getValue(), 50.0);
    Office::close(doc);
}

// Just after LibreOffice is installed, an unopkg started beside another one
// may lose the race to create the shared extension folder and fail with a
// NameClashException: the installation runs it once more.
TEST(Lifecycle, InstallRunsUnopkgAgainAfterTheSharedFolderRace) {
    const fs::path dir = fs::temp_directory_path() / ("msoko-unopkg-race-" + std::to_string(getpid()));
    const RemovedAtEnd removed{dir};
    msoko::office::Options o;
    o.extension = kOxt;
    o.unopkg = unopkg_wrapper(dir, "echo call >> '" + (dir / "calls").string() + "'\nif [ ! -e '" +
                                       (dir / "lost").string() + "' ]; then : > '" + (dir / "lost").string() +
                                       "'; echo 'ERROR: Exception occurred: [context=\"shared\"] caught unexpected "
                                       "com.sun.star.ucb.NameClashException: folder exists and overwrite forbidden at "
                                       "./desktop/source/deployment/manager/dp_manager.cxx:448'; exit 1; fi");
    {
        std::unique_ptr<Office> office;
        ASSERT_NO_THROW(office = std::make_unique<Office>(o));
        expect_extension_works(*office);
    }
    std::ifstream calls(dir / "calls");
    const auto n = std::count(std::istreambuf_iterator<char>(calls), std::istreambuf_iterator<char>(), '\n');
    EXPECT_EQ(n, 2) << "one failed run, one that installs";
}

// Offices started side by side (test suites in parallel) install their
// extension one unopkg at a time: the wrapper notes any run that starts while
// another is still in progress (it stays a second longer, enough to overlap).
TEST(Lifecycle, UnopkgRunsOneAtATime) {
    const fs::path dir = fs::temp_directory_path() / ("msoko-unopkg-turns-" + std::to_string(getpid()));
    const RemovedAtEnd removed{dir};
    msoko::office::Options o;
    o.extension = kOxt;
    o.unopkg = unopkg_wrapper(dir, "mkdir '" + (dir / "busy").string() + "' 2>/dev/null || echo overlap >> '" +
                                       (dir / "overlaps").string() + "'\nsleep 1\nrmdir '" + (dir / "busy").string() +
                                       "' 2>/dev/null\n");
    // Each office lives and ends on its own thread: the office's process dies
    // with the thread that started it (PR_SET_PDEATHSIG).
    std::vector<std::thread> threads;
    std::vector<std::string> failures(2);
    for (std::size_t i = 0; i < failures.size(); ++i)
        threads.emplace_back([&, i] {
            try {
                Office office(o);
            } catch (const std::exception& e) {
                failures[i] = e.what();
            }
        });
    for (auto& t : threads)
        t.join();
    for (const auto& f : failures)
        EXPECT_EQ(f, "");
    EXPECT_FALSE(fs::exists(dir / "overlaps")) << "two unopkg ran at the same time";
}

}  // namespace

// ---------------------------------------------------------------------------
// The samples: the filled district computes everything, exactly as the engine.

namespace samples {

Reference<css::sheet::XSpreadsheet> sheet_at(const Reference<css::sheet::XSpreadsheetDocument>& doc, sal_Int32 i) {
    return Reference<css::sheet::XSpreadsheet>(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(i), UNO_QUERY_THROW);
}

std::string name_of(const Reference<css::sheet::XSpreadsheet>& s) {
    return u8(Reference<css::container::XNamed>(s, UNO_QUERY_THROW)->getName());
}

// The formulas (or constants) of a sheet's used area, as one text.
std::string contents(const Reference<css::sheet::XSpreadsheet>& s) {
    auto cursor = s->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    auto all = s->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
    const auto formulas = Reference<css::sheet::XCellRangeFormula>(all, UNO_QUERY_THROW)->getFormulaArray();
    std::string out;
    for (const auto& row : formulas) {
        for (const auto& f : row)
            out += u8(f) + "\t";
        out += "\n";
    }
    return out;
}

}  // namespace samples

class Samples : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        msoko::office::Options o;
        o.extension = kOxt;
        o.keep_profile = std::getenv("MSOKO_KEEP_PROFILE") != nullptr;
        office_ = std::make_unique<Office>(o);
    }
    static void TearDownTestSuite() { office_.reset(); }
    void TearDown() override {
        for (auto& d : docs_)
            Office::close(d);
    }
    Reference<css::sheet::XSpreadsheetDocument> open(const char* name) {  // read-only, hidden
        docs_.push_back(office_->open(fs::path(MSOKO_TEST_SAMPLES) / name, Office::Access::ReadOnly));
        recalc(docs_.back());
        return docs_.back();
    }
    static std::unique_ptr<Office> office_;
    std::vector<Reference<css::sheet::XSpreadsheetDocument>> docs_;
};
std::unique_ptr<Office> Samples::office_;

TEST_F(Samples, FilledDistrictHasNoErrorValueAnywhere) {
    auto doc = open("sample-district.ods");
    const sal_Int32 n = Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount();
    EXPECT_EQ(n, 14);
    for (sal_Int32 i = 0; i < n; ++i) {
        auto s = samples::sheet_at(doc, i);
        auto errors = Reference<css::sheet::XCellRangesQuery>(s, UNO_QUERY_THROW)
                          ->queryFormulaCells(css::sheet::FormulaResult::ERROR);
        EXPECT_TRUE(errors->getRangeAddressesAsString().isEmpty())
            << samples::name_of(s) << ": error values in " << u8(errors->getRangeAddressesAsString());
    }
}

// Every value of «Показатели» and of every direction's indicator block (each
// organisation row and the municipal row) equals the core engine's.
void expect_engine_values(const Reference<css::sheet::XSpreadsheetDocument>& doc, const msoko::FormData& data) {
    const msoko::Catalogue catalogue = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    const msoko::Workbook workbook = msoko::form_workbook(data);
    const msoko::Engine engine(catalogue, workbook);
    std::size_t schools = 0, kindergartens = 0;
    for (const auto& o : data.organisations)
        (o.type == "school" ? schools : kindergartens)++;
    const msoko::FormLayout layout =
        msoko::form_layout(catalogue, std::max(data.schools, schools), std::max(data.kindergartens, kindergartens));

    auto expect_same = [](const msoko::IndicatorResult& r, const Reference<css::table::XCell>& c,
                          const std::string& where) {
        if (r.result.has_value()) {
            EXPECT_EQ(c->getError(), 0) << where << ": " << text(c);
            EXPECT_NEAR(c->getValue(), r.result.value(), 1e-9) << where;
        } else {
            EXPECT_TRUE(c->getError() == kNotAvailable || text(c) == "—")
                << where << ": shows " << text(c) << ", the engine says " << r.result.reason();
        }
    };
    auto summary = sheet(doc, "Показатели");
    int compared = 0;
    for (std::size_t k = 0; k < catalogue.indicators.size(); ++k) {
        const auto& ind = catalogue.indicators[k];
        const sal_Int32 row = msoko::FormLayout::kIndicatorsFirstRow + static_cast<sal_Int32>(k);
        ASSERT_EQ(text(summary->getCellByPosition(0, row)), ind.id);
        expect_same(engine.municipality(ind.id), summary->getCellByPosition(4, row), ind.id + " municipal");
        ++compared;
    }
    for (const auto& ds : layout.directions) {
        auto s = sheet(doc, ds.sheet.c_str());
        for (std::size_t i = 0; i <= ds.rows.size(); ++i) {
            const sal_Int32 row = ds.block_first_row() + static_cast<sal_Int32>(i);
            const bool municipal = i == ds.rows.size();
            const std::string code = municipal ? "" : text(s->getCellByPosition(0, row));
            for (std::size_t k = 0; k < ds.direction->indicators.size(); ++k) {
                const std::string& id = ds.direction->indicators[k];
                const auto c =
                    s->getCellByPosition(msoko::DirectionSheet::kBlockFirstColumn + static_cast<sal_Int32>(k), row);
                if (!municipal && code.empty()) {
                    EXPECT_EQ(text(c), "—") << id << ": an empty register slot shows no value in " << ds.sheet;
                    continue;
                }
                expect_same(municipal ? engine.municipality(id) : engine.organisation(id, code), c,
                            id + (municipal ? " municipal row" : " for " + code) + " on " + ds.sheet);
                ++compared;
            }
        }
    }
    EXPECT_GT(compared, 1500) << "every organisation and indicator";
}

TEST_F(Samples, EveryIndicatorEqualsTheEngine) {
    expect_engine_values(
        open("sample-district.ods"),
        msoko::read_form_data((fs::path(MSOKO_TEST_SAMPLES) / "data" / "sample-district.json").string()));
}

TEST_F(Samples, RegisterWithEmptySlotsStillLinesUp) {
    // NewForm makes 30 + 30 slots; a district fills some: the blocks must stay aligned.
    msoko::FormData data =
        msoko::read_form_data((fs::path(MSOKO_TEST_SAMPLES) / "data" / "sample-district.json").string());
    data.schools = 20;
    data.kindergartens = 18;
    const fs::path file = fs::temp_directory_path() / ("msoko-gaps-" + std::to_string(getpid()) + ".fods");
    std::ofstream(file) << msoko::form_fods(msoko::read_catalogue(MSOKO_TEST_CATALOGUE), data, "test");
    docs_.push_back(office_->open(file, Office::Access::ReadOnly));
    recalc(docs_.back());
    expect_engine_values(docs_.back(), data);
    fs::remove(file);
}

TEST_F(Samples, OdsAndFodsHoldTheSameForm) {
    for (const char* base : {"msoko-form-blank", "sample-district", "sample-district-mistakes"}) {
        auto ods = open((std::string(base) + ".ods").c_str());
        auto fods = open((std::string(base) + ".fods").c_str());
        const sal_Int32 n = Reference<css::container::XIndexAccess>(ods->getSheets(), UNO_QUERY_THROW)->getCount();
        ASSERT_EQ(n, Reference<css::container::XIndexAccess>(fods->getSheets(), UNO_QUERY_THROW)->getCount());
        for (sal_Int32 i = 0; i < n; ++i)
            EXPECT_EQ(samples::contents(samples::sheet_at(ods, i)), samples::contents(samples::sheet_at(fods, i)))
                << base << ".ods is stale against its .fods on sheet " << samples::name_of(samples::sheet_at(ods, i))
                << ": regenerate the samples";
    }
}

// ---------------------------------------------------------------------------
// The check before submission, dispatched as the menu does, on real workbooks.

namespace validation {

struct Row {
    std::string severity, sheet, cell, organisation, field, value, message, rule;
};

// Dispatches org.msoko.calc:Validate on the document's frame and reads back the report sheet.
std::vector<Row> validate(Office& office, const Reference<css::sheet::XSpreadsheetDocument>& doc,
                          std::string* summary = nullptr) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    css::frame::DispatchHelper::create(office.context())
        ->executeDispatch(frame, "org.msoko.calc:Validate", "_self", 0, {});
    EXPECT_TRUE(doc->getSheets()->hasByName(ou("Проверка"))) << "no report sheet";
    std::vector<Row> rows;
    if (!doc->getSheets()->hasByName(ou("Проверка")))
        return rows;
    auto s = sheet(doc, "Проверка");
    if (summary)
        *summary = text(cell(s, "A2"));
    sal_Int32 r = 0;
    while (text(s->getCellByPosition(0, r)) != "№" && r < 200)
        ++r;
    for (++r; !text(s->getCellByPosition(0, r)).empty(); ++r) {
        Row row;
        std::string* fields[] = {&row.severity, &row.sheet, &row.cell,    &row.organisation,
                                 &row.field,    &row.value, &row.message, &row.rule};
        for (int c = 0; c < 8; ++c)
            *fields[c] = text(s->getCellByPosition(1 + c, r));
        rows.push_back(row);
    }
    return rows;
}

std::size_t count(const std::vector<Row>& rows, const std::string& severity) {
    return static_cast<std::size_t>(
        std::count_if(rows.begin(), rows.end(), [&](const Row& r) { return r.severity == severity; }));
}

// Every cell's formula or constant, outside the report.
std::map<std::string, std::string> everything(const Reference<css::sheet::XSpreadsheetDocument>& doc) {
    std::map<std::string, std::string> out;
    Reference<css::container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        auto s = samples::sheet_at(doc, i);
        if (samples::name_of(s) != "Проверка")
            out[samples::name_of(s)] = samples::contents(s);
    }
    return out;
}

}  // namespace validation

class Validation : public Samples {
protected:
    Reference<css::sheet::XSpreadsheetDocument> open_with_view(const fs::path& file) {
        docs_.push_back(office_->open(file, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
    void foreign_and_empty();
    void structure_changes();
    Reference<css::sheet::XSpreadsheetDocument> copy_of(const char* sample) {
        const fs::path dir = fs::temp_directory_path() / ("msoko-validation-" + std::to_string(getpid()));
        fs::create_directories(dir);
        fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / sample, dir / sample, fs::copy_options::overwrite_existing);
        return open_with_view(dir / sample);
    }
};

TEST_F(Validation, FilledSampleIsReadyAndKeepsEveryValue) {
    auto doc = copy_of("sample-district.ods");
    const auto before = validation::everything(doc);
    std::string summary;
    const auto rows = validation::validate(*office_, doc, &summary);
    EXPECT_EQ(validation::count(rows, "Ошибка"), 0u) << (rows.empty() ? "" : rows.front().message);
    EXPECT_NE(summary.find("форма готова к отправке"), std::string::npos) << summary;
    EXPECT_EQ(validation::everything(doc), before) << "the check changed a cell outside its report";
    EXPECT_EQ(samples::name_of(samples::sheet_at(doc, 14)), "Проверка") << "the report is the last sheet";
    // A second run replaces the report, it does not add another.
    validation::validate(*office_, doc);
    EXPECT_EQ(Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount(), 15);
}

TEST_F(Validation, FindsEveryDeliberateMistake) {
    auto doc = copy_of("sample-district-mistakes.ods");
    const auto rows = validation::validate(*office_, doc);
    // kind of mistake (samples/data/sample-district-mistakes.json) → the rule that must report it,
    // the organisation and the field or column.
    struct Expected {
        const char* kind;
        const char* rule;
        const char* organisation;
        const char* field;
    };
    const Expected expected[] = {
        {"text_in_count", "type.count", "4201", "tal_teachers_courses"},
        {"space_in_number", "type.count", "4202", "vs_programs"},
        {"decimal_comma", "type.count", "4203", "pf_workplaces"},
        {"negative_count", "type.count", "4204", "vs_volunteer_groups"},
        {"above_max", "type.count", "4206", "vs_rdsh"},
        {"required_empty", "required", "4207", "mgr_multi_subject"},
        {"formula_error", "type.error_value", "4208", "pd_contests"},
        {"unknown_code", "register.unknown_code", "4290", ""},
        {"part_exceeds_whole", "5.1.1/part_whole", "4210", "fl_math_success"},
        {"sum_mismatch", "/sum_equals", "4211", "pf_pupils"},
        {"same_value_mismatch", "/same_value", "4212", ""},
        {"dash_in_count", "type.count", "4213", "pf_worldskills"},
        {"computed_cell_overwritten", "form.formula_overwritten", "4215", "name"},
        {"fractional_count", "type.count", "4305", "pd_vacancies"},
        {"invalid_yes_no", "type.yes_no", "4306", "doo_family_support"},
        {"duplicate_name", "register.duplicate_name", "4312", ""},
        {"duplicate_code", "register.duplicate_code", "4313", ""},
        {"evidence_missing", "/requires_evidence", "УО", ""},
        {"evidence_date_outside_period", "/requires_evidence", "УО", "obj_regulation_date"},
        {"malformed_link", "type.link", "УО", "met_mmo_subjects_link"},
        {"passport_count_mismatch", "register.count", "", ""},
        {"dynamics_jump", "plausibility.dynamics", "", "5.1.4.8"},
        {"outlier", "plausibility.outlier", "4205", ""},
        {"small_base_extreme", "plausibility.small_base", "4214", ""},
    };
    for (const auto& e : expected) {
        const bool found = std::any_of(rows.begin(), rows.end(), [&](const validation::Row& r) {
            return r.rule.find(e.rule) != std::string::npos && r.organisation == e.organisation &&
                   (std::string(e.field).empty() || r.field == e.field);
        });
        EXPECT_TRUE(found) << e.kind << ": no finding of " << e.rule << " for " << e.organisation << " " << e.field;
    }
    const auto link = std::find_if(rows.begin(), rows.end(), [](const validation::Row& r) {
        return r.rule == "type.count" && r.organisation == "4201";
    });
    ASSERT_NE(link, rows.end());
    EXPECT_NE(link->message.find("возможно, имелось в виду 12"), std::string::npos) << link->message;
    EXPECT_FALSE(link->cell.empty()) << "the cell column links to the cell";
}

TEST_F(Validation, ForeignAndEmptyWorkbooksGetExactlyOneError) {
    try {
        foreign_and_empty();
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

void Validation::foreign_and_empty() {
    for (const fs::path& file : {kFixtures / "share.fods", kFixtures / "functions.fods"}) {
        auto doc = open_with_view(file);
        const auto rows = validation::validate(*office_, doc);
        ASSERT_EQ(rows.size(), 1u) << file.filename();
        EXPECT_EQ(rows[0].rule, "form.identity");
        EXPECT_NE(rows[0].message.find("не является формой"), std::string::npos);
    }
    auto empty = office_->create_spreadsheet();
    docs_.push_back(empty);
    const auto rows = validation::validate(*office_, empty);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].rule, "form.identity");
}

namespace validation {

void dispatch(Office& office, const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* command) {
    Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
    Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    css::frame::DispatchHelper::create(office.context())->executeDispatch(frame, ou(command), "_self", 0, {});
}

// The add-in's log in the office's profile.
std::string log_of(const Office& office) {
    std::ifstream log(office.profile() / "user" / "msoko" / "msoko.log");
    std::stringstream all;
    all << log.rdbuf();
    return all.str();
}

// Number of conditional-format entries of the check's styles on a cell.
int marks_on(const Reference<css::table::XCell>& c) {
    Reference<css::container::XIndexAccess> entries(
        Reference<css::beans::XPropertySet>(c, UNO_QUERY_THROW)->getPropertyValue("ConditionalFormat"),
        UNO_QUERY_THROW);
    int n = 0;
    for (sal_Int32 i = 0; i < entries->getCount(); ++i)
        n += u8(Reference<css::sheet::XSheetConditionalEntry>(entries->getByIndex(i), UNO_QUERY_THROW)->getStyleName())
                 .rfind("МСОКО_", 0) == 0;
    return n;
}

}  // namespace validation

TEST_F(Validation, MarksProblemCellsAndClearMarksRemovesThemAndTheReport) {
    auto doc = copy_of("sample-district-mistakes.ods");
    const auto before = validation::everything(doc);
    const auto rows = validation::validate(*office_, doc);
    // «12 чел.» typed for 4201 in 5.1.3: the report names the cell, and the cell is marked.
    const auto finding = std::find_if(rows.begin(), rows.end(), [](const validation::Row& r) {
        return r.rule == "type.count" && r.organisation == "4201";
    });
    ASSERT_NE(finding, rows.end());
    EXPECT_EQ(finding->severity, "Ошибка");
    EXPECT_EQ(finding->sheet, "5.1.3 Таланты");
    auto talents = sheet(doc, "5.1.3 Таланты");
    auto marked = cell(talents, finding->cell.c_str());
    EXPECT_EQ(text(marked), "12 чел.") << "the link points at the typed value";
    EXPECT_EQ(validation::marks_on(marked), 1) << "the problem cell is marked";
    EXPECT_EQ(validation::marks_on(cell(talents, "B5")), 0) << "other cells are not";
    // A second check does not stack marks.
    validation::validate(*office_, doc);
    EXPECT_EQ(validation::marks_on(marked), 1);

    validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
    EXPECT_EQ(validation::marks_on(marked), 0) << "ClearMarks removes the mark";
    EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка"))) << "and the report";
    EXPECT_EQ(validation::everything(doc), before) << "neither the check nor ClearMarks changed a value";
    EXPECT_TRUE(Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->isProtected())
        << "the sheet is protected again";
}

// A form opened read-only takes no report and no marks; the check still runs
// (the log has its counts) and tells the user how to get the report.
TEST_F(Validation, AReadOnlyFormIsCheckedWithoutWritingIntoIt) {
    try {
        docs_.push_back(office_->open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district-mistakes.ods",
                                      Office::Access::ReadOnly, /*with_view=*/true));
        auto doc = docs_.back();
        recalc(doc);
        const auto before = validation::everything(doc);
        validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка")));
        EXPECT_EQ(validation::marks_on(cell(sheet(doc, "5.1.3 Таланты"), "N5")), 0);
        EXPECT_EQ(validation::everything(doc), before);
        const std::string all = validation::log_of(*office_);
        EXPECT_NE(all.find("validation of a read-only document: 24 errors"), std::string::npos);
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// A stray value at the sheet's last cell makes its used area a billion cells:
// the check refuses with a message naming the cell, and nothing is lost.
TEST_F(Validation, AHugeUsedAreaIsRefusedWithoutACrash) {
    try {
        auto doc = copy_of("sample-district.ods");
        auto talents = sheet(doc, "5.1.3 Таланты");
        Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->unprotect(OUString());
        cell(talents, "AMJ1048576")->setFormula("x");
        const std::string typed = text(cell(talents, "N5"));
        validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка"))) << "no report of a check that did not run";
        EXPECT_EQ(text(cell(talents, "AMJ1048576")), "x");
        EXPECT_EQ(text(cell(talents, "N5")), typed);
        // The office is alive and the check works again once the stray value is gone.
        Reference<css::sheet::XSheetOperation>(talents->getCellRangeByName("AMJ1048576"), UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::STRING);
        const auto rows = validation::validate(*office_, doc);
        EXPECT_EQ(validation::count(rows, "Ошибка"), 0u);
        const std::string all = validation::log_of(*office_);
        EXPECT_NE(all.find("занят до ячейки AMJ1048576"), std::string::npos) << "the log names the cell";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.1: a second check, or ClearMarks, after a check whose findings had
// no cell (an empty workbook, a foreign one, a ready form with an extra sheet)
// killed the office. The office stays alive and each run gives one report.
TEST_F(Validation, ChecksAndClearMarksInAnyOrderKeepTheOfficeAlive) {
    try {
        auto empty = office_->create_spreadsheet();
        docs_.push_back(empty);
        Reference<css::frame::XModel>(empty, UNO_QUERY_THROW);
        for (int i = 0; i < 2; ++i)
            EXPECT_EQ(validation::validate(*office_, empty).size(), 1u) << "run " << i;
        validation::dispatch(*office_, empty, "org.msoko.calc:ClearMarks");
        EXPECT_FALSE(empty->getSheets()->hasByName(ou("Проверка")));
        validation::dispatch(*office_, empty, "org.msoko.calc:ClearMarks");  // nothing left to clear

        auto doc = copy_of("sample-district.ods");
        doc->getSheets()->insertNewByName(ou("Заметки"), 3);
        for (int i = 0; i < 2; ++i) {
            const auto rows = validation::validate(*office_, doc);
            EXPECT_EQ(validation::count(rows, "Ошибка"), 0u);
            EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const validation::Row& r) {
                return r.rule == "structure.sheet_extra" && r.sheet == "Заметки";
            })) << "the extra sheet";
        }
        validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
        validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка")));
        std::string summary;
        validation::validate(*office_, doc, &summary);
        EXPECT_EQ(summary.rfind("Ошибок: 0 ", 0), 0u) << "the office still checks: " << summary;
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception (the office died?): " << u8(e.Message);
    }
}

// Issue 11.2: a sheet of the user's named «проверка» (Calc compares sheet
// names case-insensitively) is never written into: the report gets a free
// name, is recognised as ours at the next check, and ClearMarks removes only it.
TEST_F(Validation, AUserSheetNamedLikeTheReportIsNeverTouched) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        doc->getSheets()->insertNewByName(ou("проверка"), 2);
        auto notes = sheet(doc, "проверка");
        for (sal_Int32 r = 0; r < 12; ++r)
            for (sal_Int32 c = 0; c < 12; ++c)
                notes->getCellByPosition(c, r)->setFormula(ou("заметка " + std::to_string(r * 12 + c)));
        const std::string before = samples::contents(notes);
        for (int run = 0; run < 2; ++run) {
            validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
            EXPECT_EQ(samples::contents(notes), before) << "run " << run << ": the user's sheet was written into";
            ASSERT_TRUE(doc->getSheets()->hasByName(ou("Проверка (2)"))) << "the report takes a free name";
            EXPECT_NE(text(cell(sheet(doc, "Проверка (2)"), "A2")).find("Ошибок: "), std::string::npos);
            EXPECT_EQ(Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getCount(), 16)
                << "one report, reused at the next check";
        }
        validation::dispatch(*office_, doc, "org.msoko.calc:ClearMarks");
        EXPECT_FALSE(doc->getSheets()->hasByName(ou("Проверка (2)")));
        ASSERT_TRUE(doc->getSheets()->hasByName(ou("проверка")));
        EXPECT_EQ(samples::contents(notes), before);
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.9: a password on one sheet stops only that sheet's marks, and the
// summary says which sheet and why.
TEST_F(Validation, APasswordOnOneSheetLeavesOnlyThatSheetUnmarked) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        auto talents = sheet(doc, "5.1.3 Таланты");
        Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->unprotect(OUString());
        Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->protect(ou("секрет"));
        std::string summary;
        const auto rows = validation::validate(*office_, doc, &summary);
        EXPECT_NE(summary.find("защищённых паролем: «5.1.3 Таланты»"), std::string::npos) << summary;
        EXPECT_TRUE(std::any_of(rows.begin(), rows.end(), [](const validation::Row& r) {
            return r.rule == "report.unmarked" && r.sheet == "5.1.3 Таланты";
        }));
        EXPECT_EQ(validation::marks_on(cell(talents, "N5")), 0) << "the sheet under a password is not marked";
        // Another sheet's problem cell is marked.
        const auto other = std::find_if(rows.begin(), rows.end(), [](const validation::Row& r) {
            return r.severity == "Ошибка" && r.sheet == "5.1.4 Профориентация" && !r.cell.empty();
        });
        ASSERT_NE(other, rows.end());
        EXPECT_EQ(validation::marks_on(cell(sheet(doc, "5.1.4 Профориентация"), other->cell.c_str())), 1);
        EXPECT_TRUE(Reference<css::util::XProtectable>(talents, UNO_QUERY_THROW)->isProtected());
        EXPECT_TRUE(
            Reference<css::util::XProtectable>(sheet(doc, "5.1.4 Профориентация"), UNO_QUERY_THROW)->isProtected())
            << "a sheet unprotected for its marks is protected again";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.10: a report that cannot be written (its sheet under a password)
// is refused with a Russian reason and what to do — never an office source
// location — and nothing in the workbook changes.
TEST_F(Validation, AReportThatCannotBeWrittenIsRefusedInRussian) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        validation::validate(*office_, doc);
        auto report = sheet(doc, "Проверка");
        Reference<css::util::XProtectable>(report, UNO_QUERY_THROW)->protect(ou("секрет"));
        const std::string before = samples::contents(report);
        const auto everything = validation::everything(doc);
        validation::dispatch(*office_, doc, "org.msoko.calc:Validate");
        EXPECT_EQ(samples::contents(report), before);
        EXPECT_EQ(validation::everything(doc), everything);
        const std::string log = validation::log_of(*office_);
        EXPECT_NE(log.find("failed: Отчёт проверки не записан: лист «Проверка» с отчётом прошлой проверки защищён "
                           "паролем"),
                  std::string::npos);
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// Issue 11.4 and 11.12: marks are set in bulk — one conditional format per
// sheet and level, not one per cell (each of those copied the whole list for
// undo) — and rows of figures without organisations are one finding per sheet.
TEST_F(Validation, MarksAreSetInBulkAndRowsWithoutCodesAreOneFinding) {
    try {
        auto doc = copy_of("sample-district-mistakes.ods");
        auto undo = Reference<css::document::XUndoManagerSupplier>(doc, UNO_QUERY_THROW)->getUndoManager();
        undo->clear();
        const auto rows = validation::validate(*office_, doc);
        std::set<std::string> marked_sheets;
        std::size_t marked_cells = 0;
        for (const auto& r : rows)
            if (!r.cell.empty() && r.severity != "Сведения") {
                marked_sheets.insert(r.sheet);
                ++marked_cells;
            }
        std::size_t formats = 0;
        for (const auto& title : undo->getAllUndoActionTitles())
            formats += u8(title) == "Conditional Format";
        EXPECT_GT(marked_cells, 2 * marked_sheets.size());
        EXPECT_LE(formats, 2 * marked_sheets.size())
            << marked_cells << " cells on " << marked_sheets.size() << " sheets";

        // Three organisations taken out of the register: their rows keep their figures but lose their codes.
        auto reg = sheet(doc, "Организации");
        Reference<css::util::XProtectable>(reg, UNO_QUERY_THROW)->unprotect(OUString());
        Reference<css::sheet::XSheetOperation>(reg->getCellRangeByName("A4:A6"), UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::STRING | css::sheet::CellFlags::VALUE);
        recalc(doc);
        const auto again = validation::validate(*office_, doc);
        EXPECT_EQ(std::count_if(again.begin(), again.end(),
                                [](const validation::Row& r) {
                                    return r.rule == "register.row_without_code" && r.sheet == "5.1.3 Таланты" &&
                                           r.message.find("Таких строк на листе: 3") != std::string::npos;
                                }),
                  1)
            << "one finding for the sheet, with the count";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

// A form whose structure was changed by hand: each change is found and named.
TEST_F(Validation, FindsRenamedMovedDeletedAndInsertedColumnsAndSheets) {
    try {
        structure_changes();
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
}

void Validation::structure_changes() {
    auto doc = copy_of("sample-district.ods");
    auto talents = sheet(doc, "5.1.3 Таланты");
    auto unprotect = [](const Reference<css::sheet::XSpreadsheet>& s) {
        Reference<css::util::XProtectable>(s, UNO_QUERY_THROW)->unprotect(OUString());
    };
    unprotect(talents);
    // A field column lost: its code in the code row was overwritten. (Calc itself
    // refuses to delete or insert whole columns through the indicator block's array.)
    for (sal_Int32 c = 0; c < 40; ++c)
        if (text(talents->getCellByPosition(c, 3)) == "tal_olymp_winners")
            talents->getCellByPosition(c, 3)->setFormula("olymp");
    // A renamed direction sheet and an added column on another.
    Reference<css::container::XNamed>(sheet(doc, "5.2.3 Воспитание"), UNO_QUERY_THROW)->setName(ou("5.2.3 Моё"));
    auto career = sheet(doc, "5.1.4 Профориентация");
    unprotect(career);
    cell(career, "AZ4")->setFormula("my_notes");
    // A deleted sheet.
    doc->getSheets()->removeByName(ou("S.2 Методическая работа"));

    const auto rows = validation::validate(*office_, doc);
    auto has = [&](const char* severity, const char* sheet_name, const char* rule, const char* field) {
        return std::any_of(rows.begin(), rows.end(), [&](const validation::Row& r) {
            return r.severity == severity && r.sheet == sheet_name && r.rule == rule &&
                   (std::string(field).empty() || r.field == field);
        });
    };
    EXPECT_TRUE(has("Ошибка", "5.1.3 Таланты", "structure.column", "tal_olymp_winners")) << "deleted column";
    EXPECT_TRUE(has("Предупреждение", "5.2.3 Моё", "structure.sheet_name", "")) << "renamed sheet";
    EXPECT_TRUE(has("Предупреждение", "5.1.4 Профориентация", "structure.column_extra", "my_notes")) << "added column";
    EXPECT_TRUE(has("Предупреждение", "5.1.3 Таланты", "structure.column_extra", "olymp")) << "renamed code";
    EXPECT_TRUE(has("Ошибка", "S.2 Методическая работа", "structure.sheet", "")) << "deleted sheet";
    // The renamed sheet is still checked, and nothing on the broken sheet gives follow-on errors.
    EXPECT_FALSE(std::any_of(rows.begin(), rows.end(), [](const validation::Row& r) {
        return r.sheet == "5.1.3 Таланты" && r.rule.rfind("structure.", 0) != 0;
    })) << "a sheet whose columns are lost gets structure findings, not follow-on errors";
}

// The corpus of broken workbooks (tests/fixtures/check, written from cases.json
// by `cmake --build build --target corpus`): each file gets exactly the
// findings its recipe lists — severity, sheet, cell and rule — and the check
// changes no value in it.
namespace corpus {

using Finding = std::tuple<std::string, std::string, std::string, std::string>;  // severity, sheet, cell, rule

struct Case {
    std::string name, about;
    std::multiset<Finding> expected;
};
void PrintTo(const Case& c, std::ostream* os) {
    *os << c.name;
}

std::multiset<Finding> findings(const boost::json::value& list) {
    std::multiset<Finding> out;
    for (const auto& f : list.as_array()) {
        const auto& a = f.as_array();
        out.insert({std::string(a.at(0).as_string()), std::string(a.at(1).as_string()),
                    std::string(a.at(2).as_string()), std::string(a.at(3).as_string())});
    }
    return out;
}

// Every case with its complete expected list: the valid form's findings plus
// the case's own, less those it makes go (unless the case stands alone).
std::vector<Case> load() {
    std::ifstream in(fs::path(MSOKO_TEST_CORPUS) / "cases.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto recipe = boost::json::parse(text.str()).as_object();
    std::vector<Case> cases;
    std::multiset<Finding> valid;
    for (const auto& v : recipe.at("cases").as_array()) {
        const auto& o = v.as_object();
        Case c{std::string(o.at("name").as_string()), std::string(o.at("about").as_string()), {}};
        const auto own = o.contains("expected") ? findings(o.at("expected")) : std::multiset<Finding>{};
        if (c.name == "valid")
            valid = own;
        if (o.contains("alone") && o.at("alone").as_bool()) {
            c.expected = own;
        } else {
            c.expected = valid;
            c.expected.insert(own.begin(), own.end());
            if (o.contains("gone"))
                for (const auto& g : findings(o.at("gone"))) {
                    auto it = c.expected.find(g);
                    if (it != c.expected.end())
                        c.expected.erase(it);
                }
        }
        cases.push_back(std::move(c));
    }
    return cases;
}

std::string show(const Finding& f) {
    return std::get<0>(f) + " | " + std::get<1>(f) + " | " + std::get<2>(f) + " | " + std::get<3>(f);
}

}  // namespace corpus

class Corpus : public Samples, public ::testing::WithParamInterface<corpus::Case> {};

TEST_P(Corpus, ExactFindingsAndNoValueChanged) {
    const corpus::Case& c = GetParam();
    const fs::path dir = fs::temp_directory_path() / ("msoko-corpus-" + std::to_string(getpid()));
    fs::create_directories(dir);
    const fs::path file = dir / (c.name + ".ods");
    fs::copy_file(fs::path(MSOKO_TEST_CORPUS) / file.filename(), file, fs::copy_options::overwrite_existing);
    try {
        docs_.push_back(office_->open(file, Office::Access::ReadWrite, /*with_view=*/true));
        auto doc = docs_.back();
        recalc(doc);
        const auto before = validation::everything(doc);
        std::multiset<corpus::Finding> actual;
        for (const auto& r : validation::validate(*office_, doc))
            actual.insert({r.severity, r.sheet, r.cell, r.rule});
        std::string missing, extra;
        for (const auto& f : c.expected)
            if (actual.count(f) < c.expected.count(f) && missing.find(corpus::show(f)) == std::string::npos)
                missing += "\n  " + corpus::show(f);
        for (const auto& f : actual)
            if (c.expected.count(f) < actual.count(f) && extra.find(corpus::show(f)) == std::string::npos)
                extra += "\n  " + corpus::show(f);
        EXPECT_TRUE(actual == c.expected) << c.about << "\nnot found:" << missing << "\nnot expected:" << extra;
        EXPECT_EQ(validation::everything(doc), before) << "the check changed a value outside its report";
    } catch (const css::uno::Exception& e) {
        FAIL() << "UNO exception: " << u8(e.Message);
    }
    fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Check, Corpus, ::testing::ValuesIn(corpus::load()),
                         [](const ::testing::TestParamInfo<corpus::Case>& info) {
                             std::string name = info.param.name;
                             std::replace(name.begin(), name.end(), '-', '_');
                             return name;
                         });

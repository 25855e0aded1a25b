// SPDX-License-Identifier: MPL-2.0
// The cell functions and the commands in an office with the English UI:
// deployment, menus, every function and error, the Function Wizard, NewForm.
#include <com/sun/star/frame/XTitle.hpp>
#include "support.hxx"

using namespace msoko::test;

namespace {

// ---------------------------------------------------------------------------
// An office in the English UI, shared by the tests of this suite.

class EnglishCalc : public OfficeSuite {
protected:
    static void SetUpTestSuite() {
        msoko::office::Options o;
        o.ui_locale = "en-US";
        start(o);
    }
    void TearDown() override {
        if (doc_.is())
            Office::close(doc_);
        OfficeSuite::TearDown();
    }
    Reference<css::sheet::XSpreadsheetDocument> doc_;
};

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
        // «s00», «s01» …: names of one width and digits only, which every way of
        // ordering names puts in the same order (Calc showed «s1a» after «s5»).
        const std::string name = u8(n);
        EXPECT_TRUE(name.size() == 3 && name[0] == 's' && std::isdigit(static_cast<unsigned char>(name[1])) &&
                    std::isdigit(static_cast<unsigned char>(name[2])))
            << name;
        Reference<css::container::XNameAccess> item(submenu->getByName(n), UNO_QUERY_THROW);
        urls.push_back(u8(item->getByName("URL").get<OUString>()));
    }
    const std::vector<std::string> expected{
        "org.msoko.calc:Validate",     "org.msoko.calc:ClearMarks",    "org.msoko.calc:Package",
        "org.msoko.calc:MakeSubforms", "org.msoko.calc:MergeSubforms", "org.msoko.calc:ConsolidateRegion",
        "org.msoko.calc:ImportVpr",    "org.msoko.calc:FillFromVpr",   "private:separator",
        "org.msoko.calc:NewForm",      "org.msoko.calc:Migrate",       "private:separator",
        "org.msoko.calc:Help"};
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

// ---------------------------------------------------------------------------
// Every argument takes what Calc's own functions take (issue 13, defect 11):
// a literal, a single cell (an empty one stays empty), a range, an inline
// array and the result of an expression. Each formula is typed into a sheet
// of the functions fixture (its tables t511 and pupils) and what Calc shows
// is compared: a number, or an error code.

struct Shown {
    sal_Int32 error = 0;  ///< 0: a number is shown
    double value = 0;
};
Shown value(double v) {
    return {0, v};
}
Shown error(sal_Int32 code) {
    return {code, 0};
}

struct Typed {
    std::string formula;  // API grammar: ";" between arguments, "." in numbers
    Shown shown;
    const char* why;
};

// The inputs on a sheet "typed" inserted first into the functions fixture:
// A1 empty, A2 57.5, A3 60, A4 text, A5 0, A6 1/3, A7 50 (a minimum),
// A8 "confirmed", A9 "5.1.1.3", A10 101 (an organisation code), A11 a formula
// giving "", B1:B4 scores 10, 30, 70, 90.
Reference<css::sheet::XSpreadsheet> typed_inputs(Office& office, Reference<css::sheet::XSpreadsheetDocument>& doc) {
    doc = office.open(kFixtures / "functions.fods");
    doc->getSheets()->insertNewByName("typed", 0);
    auto s = sheet(doc, "typed");
    cell(s, "A2")->setValue(57.5);
    cell(s, "A3")->setValue(60);
    cell(s, "A4")->setFormula(ou("пять"));
    cell(s, "A5")->setValue(0);
    cell(s, "A6")->setFormula("=1/3");
    cell(s, "A7")->setValue(50);
    cell(s, "A8")->setFormula("confirmed");
    cell(s, "A9")->setFormula("5.1.1.3");
    cell(s, "A10")->setValue(101);
    cell(s, "A11")->setFormula("=\"\"");
    const double scores[] = {10, 30, 70, 90};
    for (sal_Int32 r = 0; r < 4; ++r)
        s->getCellByPosition(1, r)->setValue(scores[r]);
    return s;
}

// Types each formula into column D and compares what Calc shows.
void expect_shown(const Reference<css::sheet::XSpreadsheetDocument>& doc, const Reference<css::sheet::XSpreadsheet>& s,
                  const std::vector<Typed>& cases) {
    for (std::size_t k = 0; k < cases.size(); ++k)
        s->getCellByPosition(3, static_cast<sal_Int32>(k))->setFormula(ou(cases[k].formula));
    recalc(doc);
    for (std::size_t k = 0; k < cases.size(); ++k) {
        const auto& c = cases[k];
        auto result = s->getCellByPosition(3, static_cast<sal_Int32>(k));
        const sal_Int32 error = result->getError();
        if (c.shown.error != 0) {
            EXPECT_EQ(error, c.shown.error) << c.formula << " (" << c.why << ") shows " << text(result);
        } else {
            EXPECT_EQ(error, 0) << c.formula << " (" << c.why << ") shows " << text(result);
            if (error == 0) {
                EXPECT_NEAR(result->getValue(), c.shown.value, 1e-9) << c.formula << " (" << c.why << ")";
            }
        }
    }
}

TEST_F(EnglishCalc, TypedDynamicsTakesLiteralsCellsArraysAndExpressions) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=MSOKO.DYNAMICS(57.5;60)", value(-2.5), "two literals: current − previous"},
                     {"=MSOKO.DYNAMICS(A2;A3)", value(-2.5), "two cells"},
                     {"=MSOKO.DYNAMICS(A2;60)", value(-2.5), "a cell and a literal"},
                     {"=MSOKO.DYNAMICS(A2*2;A3)", value(55), "an expression"},
                     {"=MSOKO.DYNAMICS({57.5};{60})", value(-2.5), "inline arrays of one value"},
                     {"=MSOKO.DYNAMICS(A2;A5)", value(57.5), "0 last year is a value, not an empty cell"},
                     {"=MSOKO.DYNAMICS(A2;A1)", error(kNotAvailable), "an empty previous cell"},
                     {"=MSOKO.DYNAMICS(A1;60)", error(kNotAvailable), "an empty current cell"},
                     {"=MSOKO.DYNAMICS(A11;A3)", error(kNotAvailable), "a formula giving an empty text"},
                     {"=MSOKO.DYNAMICS(A4;A3)", error(kErr502), "text in a cell"},
                     {"=MSOKO.DYNAMICS(\"пять\";60)", error(kErr502), "a literal text"},
                     {"=MSOKO.DYNAMICS(NA();60)", error(kNotAvailable), "#N/A stays #N/A"},
                     {"=MSOKO.DYNAMICS(1/0;60)", error(532), "#DIV/0! propagates, as in Calc's own functions"},
                     {"=MSOKO.DYNAMICS(A20:A21;60)", error(519),
                      "a range with no cell in the formula's row: #VALUE!, as in Calc's own functions"},
                 });
    // Calc passes the value as its text with 15 significant digits (as in
    // ""&A6): exact for what a form holds, within 1e-14 of any other number.
    s->getCellByPosition(3, 20)->setFormula("=MSOKO.DYNAMICS(A6;0)");
    s->getCellByPosition(3, 21)->setFormula("=MSOKO.DYNAMICS(100*97/338;0)");
    s->getCellByPosition(3, 22)->setFormula("=MSOKO.DYNAMICS(-1E+300;-2E+300)");
    s->getCellByPosition(3, 23)->setFormula("=MSOKO.DYNAMICS(62.5;50)");
    recalc(doc_);
    EXPECT_NEAR(s->getCellByPosition(3, 20)->getValue(), 1.0 / 3, 1e-14);
    EXPECT_NEAR(s->getCellByPosition(3, 21)->getValue(), 100.0 * 97 / 338, 28.7e-14);
    EXPECT_EQ(s->getCellByPosition(3, 22)->getValue(), 1e300);
    EXPECT_EQ(s->getCellByPosition(3, 23)->getValue(), 12.5);
}

TEST_F(EnglishCalc, TypedShareTakesLiteralsCellsArraysAndExpressions) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=MSOKO.SHARE(1;4)", value(25), "two literals"},
                     {"=MSOKO.SHARE(A5;A3)", value(0), "two cells"},
                     {"=MSOKO.SHARE(A1;10)", value(0), "an empty numerator cell counts nothing"},
                     {"=MSOKO.SHARE(A1;A1)", error(kNotAvailable), "nothing of nothing"},
                     {"=MSOKO.SHARE({1;2};{2;2})", value(75), "inline arrays"},
                     {"=MSOKO.SHARE(B1:B2;B3:B4)", value(25), "ranges"},
                     {"=MSOKO.SHARE(A7/5;A7)", value(20), "an expression"},
                     {"=MSOKO.SHARE(A4;10)", error(kErr502), "text"},
                 });
}

TEST_F(EnglishCalc, TypedIndicatorTakesLiteralsCellsArraysAndExpressions) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(
        doc_, s,
        {
            {"=MSOKO.INDICATOR(\"5.1.1.3\";$t511.A1:D5;101)", value(92), "literals"},
            {"=MSOKO.INDICATOR(A9;$t511.A1:D5;A10)", value(92), "cells"},
            {"=MSOKO.INDICATOR(\"5.1.1.3\";$t511.A1:D5;{101})", value(92), "an inline array of one code"},
            {"=MSOKO.INDICATOR(\"5.1.1.3\";$t511.A1:D5;A10:A10)", value(92), "a range of one cell"},
            {"=MSOKO.INDICATOR(\"5.1.1.\"&3;$t511.A1:D5;100+1)", value(92), "expressions"},
            {"=MSOKO.INDICATOR({\"5.1.1.3\"};$t511.A1:D5)", value(100.0 * 63 / 65), "an inline array of one id"},
            {"=MSOKO.INDICATOR(\"5.1.1.3\";{\"code\";\"g9_graduates\";\"g9_certificate\"|101;25;23};101)", value(92),
             "a table typed as an inline array"},
            {"=MSOKO.INDICATOR(A1;$t511.A1:D5)", error(kErr502), "an empty id cell"},
            {"=MSOKO.INDICATOR(\"5.1.1.3\";$t511.A1:D5;A10:A11)", error(kErr502), "two cells for one organisation"},
            {"=MSOKO.INDICATOR(\"5.1.1.3\";$t511.A1:D5;A11)", error(kErr502), "an empty code"},
        });
}

TEST_F(EnglishCalc, TypedIndicatorsTakeARangeAnArrayAndAnExpression) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=INDEX(MSOKO.INDICATORS($t511.A1:D5);1;3)", value(92), "a range"},
                     {"=INDEX(MSOKO.INDICATORS({\"code\";\"g9_graduates\";\"g9_certificate\"|101;25;23});1;3)",
                      value(92), "an inline array"},
                     {"=INDEX(MSOKO.INDICATORS(IF(1;$t511.A1:D5));1;3)", value(92), "an expression"},
                     {"=INDEX(MSOKO.INDICATORS(A1);1;1)", error(kErr502), "an empty cell is no table"},
                 });
}

TEST_F(EnglishCalc, TypedTitleAndUnitTakeLiteralsCellsArraysAndExpressions) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=LEN(MSOKO.TITLE(\"5.1.1.3\"))>20", value(1), "a literal"},
                     {"=MSOKO.TITLE(A9)=MSOKO.TITLE(\"5.1.1.3\")", value(1), "a cell"},
                     {"=MSOKO.TITLE({\"5.1.1.3\"})=MSOKO.TITLE(\"5.1.1.3\")", value(1), "an inline array"},
                     {"=MSOKO.TITLE(\"5.1.1.\"&3)=MSOKO.TITLE(\"5.1.1.3\")", value(1), "an expression"},
                     {"=MSOKO.TITLE(A1)", error(kErr502), "an empty cell"},
                     {"=MSOKO.UNIT(\"5.1.1.3\")=\"%\"", value(1), "a literal"},
                     {"=MSOKO.UNIT(A9)=\"%\"", value(1), "a cell"},
                     {"=MSOKO.UNIT({\"5.1.1.3\"})=\"%\"", value(1), "an inline array"},
                     {"=MSOKO.UNIT(\"5.1.1.\"&3)=\"%\"", value(1), "an expression"},
                     {"=MSOKO.UNIT(A1)", error(kErr502), "an empty cell"},
                 });
}

TEST_F(EnglishCalc, TypedMarksTakeLiteralsCellsArraysAndExpressions) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=MSOKO.MARKS({5;4};{5;5};\"confirmed\")", value(50), "inline arrays"},
                     {"=MSOKO.MARKS(5;5;A8)", value(100), "literal marks, the mode from a cell"},
                     {"=MSOKO.MARKS(3+2;5;\"подтвердили\")", value(100), "an expression"},
                     {"=MSOKO.MARKS($pupils.A2:A6;$pupils.B2:B6;{\"понизили\"})", value(25),
                      "ranges, the mode as an inline array"},
                     {"=MSOKO.MARKS(A1:A1;5;\"confirmed\")", error(kNotAvailable), "an empty cell: no pair"},
                     {"=MSOKO.MARKS(5;5;A1)", error(kErr502), "an empty mode"},
                 });
}

TEST_F(EnglishCalc, TypedBelowMinTakesLiteralsCellsArraysAndExpressions) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=MSOKO.BELOWMIN(B1:B4;50)", value(50), "a literal minimum"},
                     {"=MSOKO.BELOWMIN(B1:B4;A7)", value(50), "a minimum from a cell"},
                     {"=MSOKO.BELOWMIN(B1:B4;{50})", value(50), "an inline array"},
                     {"=MSOKO.BELOWMIN(B1:B4;A7-25)", value(25), "an expression"},
                     {"=MSOKO.BELOWMIN({10;30;70};50)", value(200.0 / 3), "inline scores"},
                     {"=MSOKO.BELOWMIN(30;50)", value(100), "a literal score"},
                     {"=MSOKO.BELOWMIN(B1:B4;A1)", error(kNotAvailable), "an empty minimum is no minimum"},
                     {"=MSOKO.BELOWMIN(B1:B4;A4)", error(kErr502), "text for the minimum"},
                     {"=MSOKO.BELOWMIN(A3:A4;A1)", error(kErr502), "bad scores say so before an empty minimum"},
                 });
}

TEST_F(EnglishCalc, TypedScoreBandTakesLiteralsCellsArraysAndExpressions) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=MSOKO.SCOREBAND(B1:B4;70;80)", value(25), "literal limits"},
                     {"=MSOKO.SCOREBAND(B1:B4;A3;A3+30)", value(50), "a cell and an expression"},
                     {"=MSOKO.SCOREBAND(B1:B4;{70};{80})", value(25), "inline arrays"},
                     {"=MSOKO.SCOREBAND(B1:B4;70;A10:A10)", value(50), "an upper limit from a range of one cell"},
                     {"=MSOKO.SCOREBAND({70;90;30};70)", value(200.0 / 3), "inline scores, no upper limit"},
                     {"=MSOKO.SCOREBAND(B1:B4;A1)", error(kNotAvailable), "an empty lower limit"},
                     {"=MSOKO.SCOREBAND(B1:B4;A4)", error(kErr502), "text for the lower limit"},
                     {"=MSOKO.SCOREBAND(A3:A4;A1)", error(kErr502), "bad scores say so before an empty limit"},
                     {"=MSOKO.SCOREBAND(B1:B4;70;A4)", error(kErr502), "text for the upper limit"},
                     {"=MSOKO.SCOREBAND(B1:B4;70;B1:B2)", error(kErr502), "two cells for one limit"},
                 });
}

// What Calc 7.4 hands an add-in, measured through the functions: a single
// cell given for a range argument (`any[][]`) or an `any` argument reaches it
// as 0 when empty (Calc reads the cell as a number first); a range of one cell
// keeps it empty. The functions' results say so.
TEST_F(EnglishCalc, TypedASingleEmptyCellForARangeArgumentArrivesAsZero) {
    auto s = typed_inputs(*office_, doc_);
    expect_shown(doc_, s,
                 {
                     {"=MSOKO.BELOWMIN(A1;50)", value(100), "A1 arrives as the score 0"},
                     {"=MSOKO.BELOWMIN(A1:A1;50)", error(kNotAvailable), "A1:A1 arrives empty: nobody"},
                     {"=MSOKO.SCOREBAND(B1:B4;0;A1)", value(0), "an empty upper limit arrives as 0: the band 0 to 0"},
                 });
}

// The defect as reported: typed in a Russian Calc, with the decimal comma.
// Calc hands a number to a single-value argument as its text in the office's
// locale ("57,5"), which the functions read back.
TEST(RussianCalc, FunctionsTakeLiteralsWithTheDecimalComma) {
    msoko::office::Options o;
    o.extension = kOxt;
    o.ui_locale = "ru-RU";
    Office office(o);
    auto doc = office.create_spreadsheet();
    Reference<css::sheet::XSpreadsheet> s(
        Reference<css::container::XIndexAccess>(doc->getSheets(), UNO_QUERY_THROW)->getByIndex(0), UNO_QUERY_THROW);
    const auto local = [&](const char* a1, const std::string& formula) {
        Reference<css::beans::XPropertySet>(cell(s, a1), UNO_QUERY_THROW)
            ->setPropertyValue("FormulaLocal", css::uno::Any(ou(formula)));
    };
    cell(s, "A2")->setValue(62.5);
    cell(s, "A3")->setValue(50);
    cell(s, "A4")->setFormula("=2/3*1E+20");
    local("B1", "=МСОКО.ДИНАМИКА(57,5;60)");
    local("B2", "=МСОКО.ДИНАМИКА(A2;A3)");
    local("B3", "=МСОКО.ДИНАМИКА(A2;A1)");
    local("B4", "=МСОКО.ДИНАМИКА(A2*0,5;{60,25})");
    local("B5", "=МСОКО.ДИНАМИКА(0,0000003;0)");
    local("B6", "=МСОКО.ДИНАМИКА(A4;0)");
    local("B7", "=МСОКО.НИЖЕПОРОГА({10;30;70;90};49,5)");
    local("B8", "=МСОКО.ДИАПАЗОНБАЛЛОВ({10;30;70;90};29,5;70,5)");
    local("C2", "=\"\"&A2");  // a number as Calc makes it a text: what a single-value argument gets
    recalc(doc);
    EXPECT_EQ(text(cell(s, "C2")), "62,5") << "the decimal comma of the Russian locale";
    for (const char* a : {"B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"})
        EXPECT_TRUE(cell(s, a)->getError() == 0 || a == std::string("B3")) << a << " shows " << text(cell(s, a));
    EXPECT_DOUBLE_EQ(cell(s, "B1")->getValue(), -2.5) << "МСОКО.ДИНАМИКА(57,5;60): 57,5 − 60";
    EXPECT_DOUBLE_EQ(cell(s, "B2")->getValue(), 12.5);
    EXPECT_EQ(cell(s, "B3")->getError(), kNotAvailable) << "an empty previous cell";
    EXPECT_DOUBLE_EQ(cell(s, "B4")->getValue(), 31.25 - 60.25);
    EXPECT_DOUBLE_EQ(cell(s, "B5")->getValue(), 3e-7) << "written 0,0000003";
    EXPECT_NEAR(cell(s, "B6")->getValue(), 2.0 / 3 * 1e20, 1e6) << "written 6,66666666666667E+019";
    EXPECT_DOUBLE_EQ(cell(s, "B7")->getValue(), 50.0);
    EXPECT_DOUBLE_EQ(cell(s, "B8")->getValue(), 50.0);
    Office::close(doc);
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
    const auto forms = [&] {
        std::vector<Reference<css::sheet::XSpreadsheetDocument>> out;
        auto components = office_->desktop()->getComponents()->createEnumeration();
        while (components->hasMoreElements()) {
            Reference<css::sheet::XSpreadsheetDocument> d(components->nextElement(), css::uno::UNO_QUERY);
            if (d.is() && d->getSheets()->hasByName(ou("Паспорт")))
                out.push_back(d);
        }
        return out;
    };
    // From the menu, the command asks in its dialog first; a headless office
    // cancels every dialog, so no form is made.
    helper->executeDispatch(frame, "org.msoko.calc:NewForm", "_self", 0, {});
    ASSERT_TRUE(forms().empty()) << "a form made though the dialog was cancelled";
    // The dialog's answers as the command's arguments (a macro's way).
    const auto arg = [](const char* name, css::uno::Any value) {
        css::beans::PropertyValue p;
        p.Name = OUString::createFromAscii(name);
        p.Value = std::move(value);
        return p;
    };
    helper->executeDispatch(
        frame, "org.msoko.calc:NewForm", "_self", 0,
        arguments({arg("Municipality", css::uno::Any(ou("Ольховоборский район"))),
                   arg("Region", css::uno::Any(ou("Энская область"))),
                   arg("Period", css::uno::Any(ou("2025/2026 учебный год"))),
                   arg("schools", css::uno::Any(sal_Int32(12))), arg("kindergartens", css::uno::Any(sal_Int32(9)))}));
    ASSERT_EQ(forms().size(), 1u) << "NewForm opened no form";
    const Reference<css::sheet::XSpreadsheetDocument> form = forms().front();
    EXPECT_TRUE(Reference<css::frame::XModel>(form, UNO_QUERY_THROW)->getURL().isEmpty()) << "untitled, not saved";
    Reference<css::container::XIndexAccess> sheets(form->getSheets(), UNO_QUERY_THROW);
    std::vector<std::string> names;
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i)
        names.push_back(u8(Reference<css::container::XNamed>(sheets->getByIndex(i), UNO_QUERY_THROW)->getName()));
    ASSERT_EQ(names.size(), 15u) << "Паспорт, Организации, 11 directions, Показатели, Процедуры оценки";
    EXPECT_EQ(names[0], "Паспорт");
    EXPECT_EQ(names[1], "Организации");
    EXPECT_EQ(names[2], "5.1.1 Подготовка обучающихся");
    EXPECT_EQ(names[13], "Показатели");
    EXPECT_EQ(names[14], "Процедуры оценки");

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
    EXPECT_EQ(name_of(view->getActiveSheet()), "Паспорт");
    view->setActiveSheet(s511);
    EXPECT_TRUE(Reference<css::sheet::XViewFreezable>(view, UNO_QUERY_THROW)->hasFrozenPanes());
    // The catalogue's identity in the passport, the dialog's answers, and the indicator block.
    auto passport = sheet(form, "Паспорт");
    EXPECT_EQ(text(cell(passport, "B14")), "msoko-267-1");
    EXPECT_EQ(text(cell(passport, "B4")), "Ольховоборский район");
    EXPECT_EQ(text(cell(passport, "B5")), "Энская область");
    EXPECT_EQ(text(cell(passport, "B6")), "2025/2026 учебный год");
    EXPECT_DOUBLE_EQ(cell(passport, "B12")->getValue(), 12.0);
    EXPECT_DOUBLE_EQ(cell(passport, "B13")->getValue(), 9.0);
    // The register has the rows asked for: 12 schools, then 9 kindergartens, then nothing.
    auto reg = sheet(form, "Организации");
    EXPECT_EQ(text(cell(reg, "D15")), "ОО");
    EXPECT_EQ(text(cell(reg, "D16")), "ДОО");
    EXPECT_EQ(text(cell(reg, "D24")), "ДОО");
    EXPECT_EQ(text(cell(reg, "D25")), "");
    // Save As suggests the name; the window shows it.
    bool suggested = false;
    for (const auto& p : Reference<css::frame::XModel>(form, UNO_QUERY_THROW)->getArgs())
        if (p.Name == "SuggestedSaveAsName") {
            OUString name;
            p.Value >>= name;
            EXPECT_EQ(u8(name), "МСОКО Ольховоборский район 2025-2026 учебный год.ods");
            suggested = true;
        }
    EXPECT_TRUE(suggested) << "no SuggestedSaveAsName in the document's arguments";
    EXPECT_EQ(u8(Reference<css::frame::XTitle>(form, UNO_QUERY_THROW)->getTitle()),
              "МСОКО Ольховоборский район 2025-2026 учебный год");
    recalc(form);
    auto indicators = sheet(form, "Показатели");
    EXPECT_EQ(text(cell(indicators, "A4")), "5.1.1.1");
    EXPECT_EQ(cell(indicators, "E4")->getError(), kNotAvailable) << "a blank form has no values yet";
    Office::close(form);
}

}  // namespace

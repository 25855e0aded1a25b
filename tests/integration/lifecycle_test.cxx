// SPDX-License-Identifier: MPL-2.0
// The Russian UI, and the life of the extension: install, log, removal, unopkg.
#include "support.hxx"

using namespace msoko::test;

namespace {

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

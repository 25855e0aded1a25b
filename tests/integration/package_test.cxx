// SPDX-License-Identifier: MPL-2.0
// Issue 15: «Подготовить к отправке» dispatched as the menu does, on real
// forms in real Calc — refused while a warning has no explanation or the
// form has errors, written whole once every warning is explained; the
// explanations reach the figures and the note; the form's own cells and its
// file stay as they were.
#include "check_support.hxx"
#include "explanations.hxx"
#include "guard.hxx"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <com/sun/star/util/XSearchable.hpp>

#include <boost/json.hpp>

using namespace msoko::test;

namespace {

std::string bytes_of(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

class Package : public Samples {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("msoko-package-" + std::to_string(getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override {
        Samples::TearDown();
        fs::remove_all(dir_);
    }
    Reference<css::sheet::XSpreadsheetDocument> open_copy(const char* sample, const std::string& as) {
        form_ = dir_ / fs::u8path(as);
        fs::copy_file(fs::path(MSOKO_TEST_SAMPLES) / sample, form_, fs::copy_options::overwrite_existing);
        docs_.push_back(office_->open(form_, Office::Access::ReadWrite, /*with_view=*/true));
        recalc(docs_.back());
        return docs_.back();
    }
    // The command as a macro dispatches it: Replace given, so that it asks nothing.
    void package(const Reference<css::sheet::XSpreadsheetDocument>& doc, bool replace) {
        Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
        Reference<css::frame::XDispatchProvider> frame(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
        css::beans::PropertyValue arg;
        arg.Name = "Replace";
        arg.Value <<= replace;
        css::frame::DispatchHelper::create(office_->context())
            ->executeDispatch(frame, "org.msoko.calc:Package", "_self", 0,
                              css::uno::Sequence<css::beans::PropertyValue>(&arg, 1));
    }
    fs::path folder() const { return dir_ / fs::u8path(form_.stem().u8string() + " — к отправке"); }
    // Anything in the form's folder but the form, its lock file and the package: a half-written package.
    std::vector<std::string> leftovers() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(dir_)) {
            const std::string name = e.path().filename().u8string();
            if (e.path() != form_ && e.path() != folder() && name.rfind(".~lock.", 0) != 0)
                out.push_back(name);
        }
        return out;
    }
    fs::path dir_, form_;
};

TEST_F(Package, AWarningWithoutExplanationHoldsItBackUntilExplained) {
    auto doc = open_copy("sample-district.ods", "Ольховоборский — МСОКО.ods");
    // The sample keeps explanations of its warnings; this user has typed none yet.
    msoko::uno::keep_explanations(doc, {});
    const auto cells = validation::everything(doc);
    const std::string file = bytes_of(form_);

    package(doc, false);
    EXPECT_FALSE(fs::exists(folder())) << "a package with warnings left unexplained";
    EXPECT_TRUE(leftovers().empty()) << leftovers().front();
    EXPECT_NE(validation::log_of(*office_).find("package refused: 0 errors, 11 warnings without an explanation"),
              std::string::npos);
    EXPECT_EQ(validation::everything(doc), cells) << "a refused package changed a cell of the form";

    // The user explains every warning in the report's «Пояснение» but one: still refused.
    auto report = sheet(doc, "Проверка");
    const auto columns = validation::report_columns(report, 3);
    ASSERT_EQ(columns.count("Пояснение"), 1u);
    const sal_Int32 column = columns.at("Пояснение");
    std::vector<sal_Int32> rows;
    for (sal_Int32 r = 4; text(report->getCellByPosition(0, r)) != ""; ++r)
        if (text(report->getCellByPosition(columns.at("Уровень"), r)) == "Предупреждение")
            rows.push_back(r);
    ASSERT_EQ(rows.size(), 11u);
    for (std::size_t i = 0; i + 1 < rows.size(); ++i)
        report->getCellByPosition(column, rows[i])
            ->setFormula(ou("Проверено по данным школы, пояснение № " + std::to_string(i + 1)));
    package(doc, false);
    EXPECT_FALSE(fs::exists(folder()));
    EXPECT_NE(validation::log_of(*office_).find("package refused: 0 errors, 1 warnings without an explanation"),
              std::string::npos);

    // The last one explained (the report was written anew: its rows are found again).
    report = sheet(doc, "Проверка");
    sal_Int32 last = -1;
    for (sal_Int32 r = 4; text(report->getCellByPosition(0, r)) != ""; ++r)
        if (text(report->getCellByPosition(columns.at("Уровень"), r)) == "Предупреждение" &&
            text(report->getCellByPosition(column, r)).empty())
            last = r;
    ASSERT_GE(last, 0);
    report->getCellByPosition(column, last)->setFormula(ou("Школа & «Ёлочка»: <новый> корпус"));
    package(doc, false);
    ASSERT_TRUE(fs::is_directory(folder())) << validation::log_of(*office_);
    EXPECT_TRUE(leftovers().empty()) << leftovers().front();
    for (const char* f : {"Ольховоборский — МСОКО.ods", "Ольховоборский — МСОКО.xlsx", "indicators.csv",
                          "indicators.json", "Пояснительная записка.odt", "Пояснительная записка.pdf", "SHA256SUMS"})
        EXPECT_GT(fs::file_size(folder() / fs::u8path(f)), 0u) << f;
    const std::string sums = "cd '" + folder().string() + "' && sha256sum --quiet -c SHA256SUMS";
    EXPECT_EQ(std::system(sums.c_str()), 0) << "SHA256SUMS does not match its files";

    // The explanations reach the figures and the note.
    const std::string json = bytes_of(folder() / "indicators.json");
    const boost::json::value figures = boost::json::parse(json);
    EXPECT_EQ(figures.at("format").as_string(), "msoko-submission/1");
    EXPECT_NE(json.find("Школа & «Ёлочка»: <новый> корпус"), std::string::npos);
    EXPECT_NE(json.find("пояснение № 10"), std::string::npos);
    EXPECT_NE(bytes_of(folder() / "indicators.csv").find("Школа & «Ёлочка»: <новый> корпус"), std::string::npos);
    {
        css::uno::Sequence<css::beans::PropertyValue> args(1);
        args.getArray()[0].Name = "Hidden";
        args.getArray()[0].Value <<= true;
        auto note =
            Reference<css::frame::XComponentLoader>(css::frame::Desktop::create(office_->context()), UNO_QUERY_THROW)
                ->loadComponentFromURL(ou(msoko::office::file_url(folder() / "Пояснительная записка.odt")), "_blank", 0,
                                       args);
        const msoko::uno::OnExit close([&] { Reference<css::util::XCloseable>(note, UNO_QUERY_THROW)->close(true); });
        // Searched in the whole note, its tables included.
        Reference<css::util::XSearchable> search(note, UNO_QUERY_THROW);
        for (const char* wanted :
             {"Школа & «Ёлочка»: <новый> корпус", "Ольховоборский муниципальный округ", "пояснение № 10"}) {
            auto descriptor = search->createSearchDescriptor();
            descriptor->setSearchString(ou(wanted));
            EXPECT_TRUE(search->findFirst(descriptor).is()) << "the note lacks «" << wanted << "»";
        }
    }

    // The form: its cells as they were (outside the report), its file untouched;
    // the explanations kept with it.
    EXPECT_EQ(validation::everything(doc), cells) << "the package changed a cell of the form";
    EXPECT_EQ(bytes_of(form_), file) << "the package changed the form's file";
    EXPECT_EQ(msoko::uno::kept_explanations(doc).size(), 11u);

    // Again: the folder exists — kept without Replace, replaced with it.
    std::ofstream(folder() / "marker") << "x";
    package(doc, false);
    EXPECT_TRUE(fs::exists(folder() / "marker")) << "an existing package replaced without asking";
    package(doc, true);
    EXPECT_FALSE(fs::exists(folder() / "marker"));
    EXPECT_TRUE(fs::exists(folder() / "SHA256SUMS"));
    EXPECT_TRUE(leftovers().empty()) << leftovers().front();
}

TEST_F(Package, ErrorsHoldItBackAndChangeNothing) {
    auto doc = open_copy("sample-district-mistakes.ods", "mistakes.ods");
    const auto cells = validation::everything(doc);
    const std::string file = bytes_of(form_);
    package(doc, true);
    EXPECT_FALSE(fs::exists(folder()));
    EXPECT_TRUE(leftovers().empty());
    EXPECT_NE(validation::log_of(*office_).find("package refused: 31 errors"), std::string::npos);
    EXPECT_EQ(validation::everything(doc), cells);
    EXPECT_EQ(bytes_of(form_), file);
    // The report is there, as «Проверить форму» leaves it.
    EXPECT_TRUE(doc->getSheets()->hasByName(ou("Проверка")));
}

TEST_F(Package, AnUnsavedFormIsToldToBeSavedFirst) {
    auto doc = open_copy("sample-district.ods", "saved.ods");
    auto fresh = office_->create_spreadsheet();
    docs_.push_back(fresh);
    package(fresh, true);
    EXPECT_NE(validation::log_of(*office_).find("форма ещё не сохранена"), std::string::npos);
    EXPECT_TRUE(leftovers().empty());
    (void)doc;
}

}  // namespace

// SPDX-License-Identifier: MPL-2.0
// The explanatory note of the submission package in a real office (issue 15):
// the filled sample opened with the extension and checked, its warnings
// explained, the note rendered by the core and stored by Writer as .odt and
// .pdf (note_export.hxx); the .odt reopened in Writer holds the note's text
// and tables, the .pdf is an A4 document of several pages whose text has the
// municipality, the warnings' explanations and the page numbers.
//
// MSOKO_NOTE_KEEP=1 leaves the files in the test's folder (its path printed).
#include "guard.hxx"
#include "note_export.hxx"
#include "snapshot.hxx"
#include "support.hxx"

#include "msoko/explanations.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/note.hpp"
#include "msoko/report_model.hpp"

#include <com/sun/star/container/XEnumeration.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/text/XTextDocument.hpp>
#include <com/sun/star/text/XTextTable.hpp>
#include <com/sun/star/text/XTextTablesSupplier.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include <cstdio>
#include <regex>

using namespace msoko::test;

namespace {

class Note : public OfficeSuite {
protected:
    static void SetUpTestSuite() {
        start({});
        dir_ = fs::temp_directory_path() / ("msoko-note-test-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    static void TearDownTestSuite() {
        if (std::getenv("MSOKO_NOTE_KEEP"))
            std::printf("The note's files are kept in %s\n", dir_.string().c_str());
        else
            fs::remove_all(dir_);
        OfficeSuite::TearDownTestSuite();
    }
    static const msoko::Catalogue& catalogue() {
        static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
        return c;
    }
    static inline fs::path dir_;
};

// Every table cell's text of a Writer document.
std::set<std::string> table_texts(const Reference<css::text::XTextDocument>& doc, std::size_t& tables) {
    std::set<std::string> out;
    Reference<css::container::XIndexAccess> all(
        Reference<css::text::XTextTablesSupplier>(doc, UNO_QUERY_THROW)->getTextTables(), UNO_QUERY_THROW);
    tables = static_cast<std::size_t>(all->getCount());
    for (sal_Int32 i = 0; i < all->getCount(); ++i) {
        Reference<css::text::XTextTable> table(all->getByIndex(i), UNO_QUERY_THROW);
        for (const OUString& name : table->getCellNames())
            out.insert(u8(Reference<css::text::XText>(table->getCellByName(name), UNO_QUERY_THROW)->getString()));
    }
    return out;
}

// What a program prints (its standard output), or "" when it cannot run.
std::string output_of(const std::string& command) {
    std::string out;
    if (FILE* p = ::popen(command.c_str(), "r")) {
        char buf[4096];
        while (const std::size_t n = std::fread(buf, 1, sizeof buf, p))
            out.append(buf, n);
        ::pclose(p);
    }
    return out;
}

std::string quoted(const fs::path& p) {
    std::string out = "'";
    for (const char ch : p.string())
        out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return out + "'";
}

std::size_t open_components(const Reference<css::uno::XComponentContext>& context) {
    auto e = css::frame::Desktop::create(context)->getComponents()->createEnumeration();
    std::size_t n = 0;
    for (; e->hasMoreElements(); e->nextElement())
        ++n;
    return n;
}

TEST_F(Note, TheSampleNoteIsStoredAsOdtAndPdf) {
    auto doc = open("sample-district.ods");
    const msoko::uno::FormulaPlaces computed = msoko::uno::computed_places(catalogue());
    const msoko::WorkbookSnapshot snapshot = msoko::uno::snapshot(doc, {}, nullptr, &computed);
    msoko::ReportModel model = msoko::report_model(msoko::validate(catalogue(), snapshot), catalogue());
    ASSERT_EQ(model.errors, 0u) << model.summary;
    ASSERT_GT(model.warnings, 0u) << "the sample's check has no warning to explain";
    std::vector<msoko::Explanation> explanations;
    for (const auto& row : model.rows) {
        msoko::Explanation e = msoko::explanation_of(row);
        e.text = "Пояснение № " + std::to_string(row.number) + ": значение проверено по документам <ОО> & \"УО\"";
        explanations.push_back(e);
    }
    msoko::explain(model, explanations);
    ASSERT_TRUE(msoko::unexplained_warnings(model).empty());
    const msoko::FormContents form = msoko::read_form(catalogue(), snapshot);
    const std::vector<msoko::FormIndicator> indicators = msoko::form_indicators(catalogue(), form);
    const std::string fodt =
        msoko::explanatory_note_fodt(catalogue(), snapshot, form, model, indicators,
                                     {"1 декабря 2026 г., 21:35", MSOKO_EXPECTED_VERSION, "sample-district.ods"});

    const fs::path odt = dir_ / "Пояснительная записка.odt", pdf = dir_ / "Пояснительная записка.pdf";
    const std::size_t before = open_components(office_->context());
    msoko::uno::export_note(office_->context(), fodt, odt, pdf);
    EXPECT_EQ(open_components(office_->context()), before) << "the note was left open";

    // The .odt: a zip Writer reopens, with the note's text and tables.
    ASSERT_TRUE(fs::exists(odt));
    {
        std::ifstream in(odt, std::ios::binary);
        char head[2] = {};
        in.read(head, 2);
        EXPECT_EQ(std::string(head, 2), "PK");
    }
    const std::string municipality = form.passport_text("municipality");
    ASSERT_FALSE(municipality.empty());
    {
        css::uno::Sequence<css::beans::PropertyValue> args(1);
        args.getArray()[0].Name = "Hidden";
        args.getArray()[0].Value <<= true;
        auto component =
            Reference<css::frame::XComponentLoader>(css::frame::Desktop::create(office_->context()), UNO_QUERY_THROW)
                ->loadComponentFromURL(ou(msoko::office::file_url(odt)), "_blank", 0, args);
        const Reference<css::text::XTextDocument> text(component, css::uno::UNO_QUERY);
        ASSERT_TRUE(text.is()) << "Writer did not open the .odt";
        const msoko::uno::OnExit close(
            [&] { Reference<css::util::XCloseable>(component, UNO_QUERY_THROW)->close(true); });
        const std::string body = u8(text->getText()->getString());
        EXPECT_NE(body.find("Пояснительная записка"), std::string::npos);
        EXPECT_NE(body.find(municipality), std::string::npos);
        EXPECT_NE(body.find(form.passport_text("period")), std::string::npos);
        std::size_t tables = 0;
        const std::set<std::string> cells = table_texts(text, tables);
        EXPECT_GE(tables, 6u);  // passport, completeness, warnings, notes, indicators, signatures
        for (const auto& row : model.rows) {
            if (row.severity != msoko::Severity::Warning)
                continue;
            EXPECT_TRUE(cells.count(row.explanation)) << row.number;
            // The message, and the cell's value after it.
            EXPECT_TRUE(std::any_of(cells.begin(), cells.end(), [&](const std::string& c) {
                return c.rfind(row.message, 0) == 0;
            })) << row.number;
        }
        for (const auto& fi : indicators)
            EXPECT_TRUE(cells.count(fi.indicator->id)) << fi.indicator->id;
        EXPECT_TRUE(cells.count(form.passport_text("responsible") + ", " + form.passport_text("position")));
    }

    // The .pdf: A4, at least two pages, its text has the note's.
    ASSERT_TRUE(fs::exists(pdf));
    {
        std::ifstream in(pdf, std::ios::binary);
        char head[5] = {};
        in.read(head, 5);
        EXPECT_EQ(std::string(head, 5), "%PDF-");
    }
    const std::string info = output_of("pdfinfo " + quoted(pdf));
    ASSERT_FALSE(info.empty()) << "pdfinfo (poppler-utils) is not installed: make setup";
    std::smatch m;
    ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)")));
    const int pages = std::stoi(m[1]);
    EXPECT_GE(pages, 2);
    EXPECT_NE(info.find("(A4)"), std::string::npos) << info;
    // Its text with the lines of a paragraph joined.
    const std::string pdf_text =
        std::regex_replace(output_of("pdftotext -enc UTF-8 " + quoted(pdf) + " -"), std::regex("\\s+"), " ");
    EXPECT_NE(pdf_text.find(municipality), std::string::npos);
    EXPECT_NE(pdf_text.find("Страница 1 из " + std::to_string(pages)), std::string::npos);
    EXPECT_NE(pdf_text.find("Страница " + std::to_string(pages) + " из " + std::to_string(pages)), std::string::npos);
    EXPECT_NE(pdf_text.find("М. П."), std::string::npos);
    EXPECT_NE(pdf_text.find("значение проверено по документам <ОО> & \"УО\""), std::string::npos);
}

TEST_F(Note, AFileThatCannotBeWrittenIsNamed) {
    msoko::ReportModel empty;
    empty.summary = "Ошибок: 0 · Предупреждений: 0 · Сведений: 0 — форма готова к отправке";
    const std::string fodt =
        msoko::explanatory_note_fodt(catalogue(), {}, msoko::FormContents{}, empty, {}, msoko::NoteMeta{});
    // A folder where a file is: nobody can write there, not even root.
    std::ofstream(dir_ / "файл") << "не папка";
    const fs::path missing = dir_ / "файл" / "Пояснительная записка.odt";
    const std::size_t before = open_components(office_->context());
    try {
        msoko::uno::export_note(office_->context(), fodt, missing, dir_ / "x.pdf");
        FAIL() << "no error for a folder that cannot be made";
    } catch (const msoko::uno::UserError& e) {
        EXPECT_NE(std::string(e.what()).find(missing.string()), std::string::npos) << e.what();
    }
    EXPECT_EQ(open_components(office_->context()), before) << "the note was left open";
    EXPECT_FALSE(fs::exists(dir_ / "x.pdf"));
    // Text that is not a document: Writer cannot open it, and says so.
    EXPECT_THROW(msoko::uno::export_note(office_->context(), "not xml", dir_ / "y.odt", dir_ / "y.pdf"),
                 msoko::uno::UserError);
}

}  // namespace

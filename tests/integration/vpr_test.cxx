// SPDX-License-Identifier: MPL-2.0
// ВПР results in real Calc (issue 18): Ф1 files in the real layout made here
// (written cell by cell into a new Calc document and stored as xlsx: two
// subjects and grades, a school line whose count disagrees with its rows, an
// «X», «нет отметки», an empty journal mark, an absent pupil), read through
// the office's import; the command «Загрузить результаты ВПР» opens the
// results workbook whose figures equal those computed here by hand, with
// Calc's charts; «Заполнить форму из результатов ВПР» fills a copy of the
// sample form with the hand-computed totals, each cell with its note, in one
// undo step, a typed different value kept; a file of another layout gives a
// clear message and no crash. One office for the whole suite.
#include "support.hxx"

#include "msoko/form_reader.hpp"
#include "msoko/text.hpp"
#include "msoko/vpr_analysis.hpp"
#include "msoko/vpr_fill.hpp"
#include "msoko/vpr_workbook.hpp"
#include "snapshot.hxx"
#include "vpr_form.hxx"
#include "vpr_read.hxx"

#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/document/XUndoManager.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetAnnotationAnchor.hpp>
#include <com/sun/star/table/XTableChartsSupplier.hpp>
#include <com/sun/star/text/XSimpleText.hpp>

#include <cmath>
#include <fstream>
#include <map>
#include <optional>

namespace {

using namespace msoko::test;
namespace fs = std::filesystem;
using css::uno::Any;

const msoko::Catalogue& catalogue() {
    static const msoko::Catalogue c = msoko::read_catalogue(MSOKO_TEST_CATALOGUE);
    return c;
}

// One pupil's line: the tasks' points as typed («X»: no answer; "": empty), the mark and the journal's.
struct Line {
    std::vector<std::string> scores;
    double primary = 0;
    std::string mark, journal;  // a number, «нет отметки», or ""
    bool absent = false;
};

struct School {
    std::string login, name;
    int stated = 0;  // «Кол-во участников: N»
    std::vector<Line> pupils;
};

struct Task {
    std::string head;   // «1 (2б)»
    const char* level;  // Б | П
};

struct F1 {
    std::string subject;
    int grade = 0;
    std::vector<Task> tasks;
    double max = 0;
    std::vector<School> schools;
};

const School kSchool1Russian{"edu420001",
                             "МБОУ «Ольховоборская СОШ № 1»",
                             12,
                             {{{"2", "1", "2", "3"}, 8, "5", "5"},
                              {{"2", "1", "2", "2"}, 7, "5", "4"},
                              {{"2", "1", "1", "2"}, 6, "4", "4"},
                              {{"2", "0", "1", "2"}, 5, "4", "5"},
                              {{"1", "1", "1", "1"}, 4, "3", "3"},
                              {{"1", "1", "0", "1"}, 3, "3", "4"},
                              {{"1", "0", "1", "1"}, 3, "3", "нет отметки"},
                              {{"1", "0", "0", "1"}, 2, "2", "3"},
                              {{"0", "X", "0", "1"}, 1, "2", "2"},
                              {{"0", "0", "0", "0"}, 0, "2", ""},
                              {{"2", "1", "2", "1"}, 6, "4", "3"},
                              {{"", "", "", ""}, 0, "", "", true}}};
// Its line says 9 participants; 6 rows follow.
const School kSchool2Russian{"edu420002",
                             "МБОУ «Ольховоборская СОШ № 2»",
                             9,
                             {{{"2", "1", "2", "3"}, 8, "5", "3"},
                              {{"2", "1", "2", "2"}, 7, "5", "5"},
                              {{"1", "1", "1", "1"}, 4, "3", "3"},
                              {{"0", "0", "1", "1"}, 2, "2", "3"},
                              {{"1", "0", "1", "1"}, 3, "3", "2"},
                              {{"1", "1", "1", "2"}, 5, "4", "4"}}};
const School kSchool1Maths{"edu420001",
                           "МБОУ «Ольховоборская СОШ № 1»",
                           5,
                           {{{"1", "2"}, 3, "5", "5"},
                            {{"1", "1"}, 2, "4", "4"},
                            {{"0", "1"}, 1, "3", "4"},
                            {{"0", "0"}, 0, "2", "3"},
                            {{"1", "0"}, 1, "3", "3"}}};

const F1 kRussian{"Русский язык",
                  4,
                  {{"1 (2б)", "Б"}, {"2 (1б)", "Б"}, {"3.1 (2б)", "П"}, {"4К1 (3б)", "П"}},
                  8,
                  {kSchool1Russian, kSchool2Russian}};
const F1 kMaths{"Математика", 5, {{"1 (1б)", "Б"}, {"2 (2б)", "П"}}, 3, {kSchool1Maths}};

Any number_or_text(const std::string& s) {
    if (s.empty())
        return Any();
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    return end && *end == '\0' ? Any(v) : Any(ou(s));
}

// The file as ФИС ОКО lays it out: heading lines, the levels' line, the header, then per school its
// group line and its pupils.
std::vector<std::vector<Any>> f1_rows(const F1& f) {
    const std::size_t tasks = f.tasks.size(), width = 6 + tasks + 3;
    std::vector<std::vector<Any>> rows;
    const auto row = [&] { return std::vector<Any>(width); };
    auto r = row();
    r[0] = Any(ou("Индивидуальные результаты"));
    rows.push_back(r);
    r = row();
    r[0] = Any(ou("ВПР 2026 " + f.subject + " " + std::to_string(f.grade) + " класс"));
    rows.push_back(r);
    r = row();
    r[0] = Any(ou("Предмет:"));
    r[1] = Any(ou(f.subject));
    rows.push_back(r);
    r = row();
    r[0] = Any(ou("Максимальный первичный балл:"));
    r[1] = Any(f.max);
    rows.push_back(r);
    r = row();
    r[0] = Any(ou("Дата:"));
    r[1] = Any(ou("15.04.2026"));
    rows.push_back(r);
    rows.push_back(row());
    r = row();
    r[5] = Any(ou("Уровень сложности задания"));
    for (std::size_t t = 0; t < tasks; ++t)
        r[6 + t] = Any(ou(f.tasks[t].level));
    rows.push_back(r);
    r = row();
    const char* heads[] = {"ОО", "Муниципалитет", "Название ОО", "Код участника", "Класс", "Вариант"};
    for (std::size_t c = 0; c < 6; ++c)
        r[c] = Any(ou(heads[c]));
    for (std::size_t t = 0; t < tasks; ++t)
        r[6 + t] = Any(ou(f.tasks[t].head));
    r[6 + tasks] = Any(ou("Первичный балл"));
    r[7 + tasks] = Any(ou("Отметка"));
    r[8 + tasks] = Any(ou("Отметка по журналу"));
    rows.push_back(r);
    int code = 10000 + f.grade * 1000;
    for (const School& s : f.schools) {
        r = row();
        r[0] = Any(ou(s.name + "(" + s.login + ")"));
        r[1] = Any(ou("Кол-во участников: " + std::to_string(s.stated)));
        rows.push_back(r);
        for (const Line& p : s.pupils) {
            r = row();
            r[0] = Any(ou(s.login));
            r[1] = Any(ou("Ольховоборский муниципальный район"));
            r[2] = Any(ou(s.name));
            r[3] = Any(double(++code));
            r[4] = Any(ou(std::to_string(f.grade) + "а"));
            r[5] = p.absent ? Any(ou("отсутствовал")) : Any(ou("1"));
            if (!p.absent) {
                for (std::size_t t = 0; t < tasks; ++t)
                    r[6 + t] = number_or_text(p.scores[t]);
                r[6 + tasks] = Any(p.primary);
                r[7 + tasks] = number_or_text(p.mark);
                r[8 + tasks] = number_or_text(p.journal);
            }
            rows.push_back(r);
        }
    }
    return rows;
}

void store_rows(Office& office, const std::vector<std::vector<Any>>& rows, const std::string& sheet_name,
                const fs::path& file) {
    auto doc = office.create_spreadsheet();
    auto first = sheet_at(doc, 0);
    Reference<css::container::XNamed>(first, UNO_QUERY_THROW)->setName(ou(sheet_name));

    Sequence<Sequence<Any>> data(static_cast<sal_Int32>(rows.size()));
    // An empty cell as an empty text: setDataArray leaves it empty (a void element took the office down).
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<Any> row = rows[i];
        for (Any& a : row)
            if (!a.hasValue())
                a <<= OUString();
        data.getArray()[i] = Sequence<Any>(row.data(), static_cast<sal_Int32>(row.size()));
    }
    Reference<css::sheet::XCellRangeData>(
        first->getCellRangeByPosition(0, 0, static_cast<sal_Int32>(rows.front().size()) - 1,
                                      static_cast<sal_Int32>(rows.size()) - 1),
        UNO_QUERY_THROW)
        ->setDataArray(data);
    Reference<css::frame::XStorable>(doc, UNO_QUERY_THROW)
        ->storeToURL(ou(msoko::office::file_url(file)),
                     arguments({{"FilterName", -1, Any(OUString("Calc MS Excel 2007 XML")),
                                 css::beans::PropertyState_DIRECT_VALUE}}));
    Office::close(doc);
}

// The rows as a CSV file: «;» between fields, a field holding «;» or «"» quoted; in UTF-8 or Windows-1251.
void store_csv(const std::vector<std::vector<Any>>& rows, const fs::path& file, bool cp1251) {
    std::string csv;
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            std::string field;
            double v = 0;
            OUString t;
            if (row[c] >>= v)
                field = msoko::format_number(v);
            else if (row[c] >>= t)
                field = u8(t);
            if (field.find_first_of(";\"") != std::string::npos) {
                std::string quoted = "\"";
                for (const char ch : field)
                    quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
                field = quoted + "\"";
            }
            csv += (c ? ";" : "") + field;
        }
        csv += "\r\n";
    }
    if (cp1251) {
        const rtl::OString bytes = rtl::OUStringToOString(ou(csv), RTL_TEXTENCODING_MS_1251);
        csv.assign(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
    }
    std::ofstream(file, std::ios::binary) << csv;
}

Sequence<OUString> urls(const std::vector<fs::path>& files) {
    Sequence<OUString> out(static_cast<sal_Int32>(files.size()));
    for (std::size_t i = 0; i < files.size(); ++i)
        out.getArray()[i] = ou(msoko::office::file_url(files[i]));
    return out;
}

// A sheet's used area as texts and numbers (numbers as the office gives them).
std::vector<std::vector<Any>> used(const Reference<css::sheet::XSpreadsheet>& s) {
    auto cursor = s->createCursor();
    Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
    const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
    const auto data = Reference<css::sheet::XCellRangeData>(s->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow),
                                                            UNO_QUERY_THROW)
                          ->getDataArray();
    std::vector<std::vector<Any>> out;
    for (const auto& row : data)
        out.emplace_back(row.begin(), row.end());
    return out;
}

std::string text_of(const Any& a) {
    OUString s;
    return (a >>= s) ? u8(s) : std::string();
}

std::optional<double> number_of(const Any& a) {
    double v = 0;
    if (a >>= v)
        return v;
    return std::nullopt;
}

class Vpr : public OfficeSuite {
protected:
    static void SetUpTestSuite() {
        start({});
        dir_ = fs::temp_directory_path() / ("msoko-vpr-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        try {
            make_files();
        } catch (const css::uno::Exception& e) {
            FAIL() << "the test's files were not made: " << u8(e.Message);
        }
    }
    static void make_files() {
        store_rows(*office_, f1_rows(kRussian), "РУ 4 Индивидуальные результаты", russian());
        store_rows(*office_, f1_rows(kMaths), "МА 5 Индивидуальные результаты", maths());
        // Another layout: a class list with marks.
        store_rows(
            *office_,
            {{Any(ou("Фамилия")), Any(ou("Имя")), Any(ou("Балл"))}, {Any(ou("Иванов")), Any(ou("Пётр")), Any(12.0)}},
            "Лист1", other());
        store_csv(f1_rows(kRussian), dir_ / "РУ 4 utf-8.csv", false);
        store_csv(f1_rows(kRussian), dir_ / "РУ 4 windows-1251.csv", true);
    }
    static void TearDownTestSuite() {
        OfficeSuite::TearDownTestSuite();
        fs::remove_all(dir_);
    }
    static fs::path russian() { return dir_ / "РУ 4 Индивидуальные результаты.xlsx"; }
    static fs::path maths() { return dir_ / "МА 5 Индивидуальные результаты.xlsx"; }
    static fs::path other() { return dir_ / "список класса.xlsx"; }

    static Reference<css::frame::XComponentLoader> loader() {
        return Reference<css::frame::XComponentLoader>(office_->desktop(), UNO_QUERY_THROW);
    }
    static msoko::vpr::BoundaryTable boundaries() {
        return msoko::vpr::read_boundaries(
            (fs::path(MSOKO_TEST_CATALOGUE).parent_path() / "vpr-boundaries.json").string());
    }
    // The open documents having a sheet of this name.
    static std::vector<Reference<css::sheet::XSpreadsheetDocument>> with_sheet(const char* name) {
        std::vector<Reference<css::sheet::XSpreadsheetDocument>> out;
        auto all = office_->desktop()->getComponents()->createEnumeration();
        while (all->hasMoreElements()) {
            Reference<css::sheet::XSpreadsheetDocument> d(all->nextElement(), css::uno::UNO_QUERY);
            if (d.is() && d->getSheets()->hasByName(ou(name)))
                out.push_back(d);
        }
        return out;
    }
    void dispatch(const Reference<css::sheet::XSpreadsheetDocument>& doc, const char* command,
                  const std::vector<css::beans::PropertyValue>& args) {
        Reference<css::frame::XModel> model(doc, UNO_QUERY_THROW);
        Reference<css::frame::XDispatchProvider> provider(model->getCurrentController()->getFrame(), UNO_QUERY_THROW);
        css::frame::DispatchHelper::create(office_->context())
            ->executeDispatch(provider, ou(std::string("org.msoko.calc:") + command), "", 0, arguments(args));
    }

    static inline fs::path dir_;
};

css::beans::PropertyValue arg(const char* name, const Any& value) {
    return {OUString::createFromAscii(name), -1, value, css::beans::PropertyState_DIRECT_VALUE};
}

TEST_F(Vpr, TheOfficeReadsTheFileAsItIsAndTheCountThatDisagreesIsAFinding) {
    const msoko::vpr::ResultsFile f = msoko::uno::read_results_file(loader(), russian(), "РУ 4.xlsx", boundaries());
    EXPECT_EQ(f.subject, "Русский язык");
    EXPECT_EQ(f.grade, 4);
    EXPECT_EQ(f.year, 2026);
    ASSERT_EQ(f.tasks.size(), 4u);
    EXPECT_EQ(f.tasks[3].label, "4К1");
    EXPECT_EQ(f.tasks[3].max, 3);
    EXPECT_EQ(f.tasks[3].level, msoko::vpr::TaskLevel::Advanced);
    ASSERT_EQ(f.pupils.size(), 18u);  // every row kept, the absent pupil too
    EXPECT_TRUE(f.pupils[11].absent);
    EXPECT_FALSE(f.pupils[8].scores[1].has_value()) << "«X»: no answer";
    EXPECT_FALSE(f.pupils[6].journal.has_value()) << "«нет отметки»";
    EXPECT_FALSE(f.pupils[9].journal.has_value()) << "an empty journal mark";
    EXPECT_EQ(f.pupils[12].school, "edu420002");
    bool count = false;
    for (const auto& finding : f.findings)
        if (finding.kind == "vpr.count" && finding.school == "edu420002")
            count = true;
    EXPECT_TRUE(count) << "«Кол-во участников: 9» over 6 rows";
}

TEST_F(Vpr, ACsvFileInUtf8OrWindows1251ReadsAsTheSpreadsheetDoes) {
    const auto expected = msoko::uno::read_results_file(loader(), russian(), "РУ 4.xlsx", boundaries());
    for (const char* name : {"РУ 4 utf-8.csv", "РУ 4 windows-1251.csv"}) {
        const auto f = msoko::uno::read_results_file(loader(), dir_ / name, name, boundaries());
        EXPECT_EQ(f.subject, "Русский язык") << name;
        ASSERT_EQ(f.pupils.size(), expected.pupils.size()) << name;
        for (std::size_t i = 0; i < f.pupils.size(); ++i) {
            EXPECT_EQ(f.pupils[i].school_name, expected.pupils[i].school_name) << name << " " << i;
            EXPECT_EQ(f.pupils[i].primary, expected.pupils[i].primary) << name << " " << i;
            EXPECT_EQ(f.pupils[i].mark, expected.pupils[i].mark) << name << " " << i;
            EXPECT_EQ(f.pupils[i].journal, expected.pupils[i].journal) << name << " " << i;
            EXPECT_EQ(f.pupils[i].absent, expected.pupils[i].absent) << name << " " << i;
        }
    }
}

TEST_F(Vpr, AFileOfAnotherLayoutIsNamedWithWhatWasExpected) {
    try {
        msoko::uno::read_results_file(loader(), other(), "список класса.xlsx", boundaries());
        FAIL() << "a class list read as a Ф1 report";
    } catch (const msoko::uno::UserError& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find("список класса.xlsx"), std::string::npos) << message;
        EXPECT_NE(message.find("Код участника"), std::string::npos) << message;
    }
    // The command given only that file tells and leaves the office running.
    auto form = office_->open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::Copy, true);
    docs_.push_back(form);
    const auto before = with_sheet(msoko::vpr::kSchoolsSheet).size();
    dispatch(form, "ImportVpr", {arg("Files", Any(urls({other()})))});
    EXPECT_EQ(with_sheet(msoko::vpr::kSchoolsSheet).size(), before) << "no results workbook without results";
    EXPECT_TRUE(office_->desktop()->getComponents()->createEnumeration()->hasMoreElements());
}

TEST_F(Vpr, TheImportCommandOpensTheResultsWorkbookWithTheFiguresComputedByHandAndItsCharts) {
    auto form = office_->open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::Copy, true);
    docs_.push_back(form);
    for (const auto& d : with_sheet(msoko::vpr::kSchoolsSheet))
        Office::close(d);
    dispatch(form, "ImportVpr", {arg("Files", Any(urls({russian(), maths()})))});
    const auto opened = with_sheet(msoko::vpr::kSchoolsSheet);
    ASSERT_EQ(opened.size(), 1u) << "no results workbook was opened";
    const auto book = opened.front();
    docs_.push_back(book);
    EXPECT_FALSE(Reference<css::frame::XStorable>(book, UNO_QUERY_THROW)->hasLocation()) << "new, untitled";

    // «По школам»: the row of a school and subject, the columns by their heads.
    const auto rows = used(sheet(book, msoko::vpr::kSchoolsSheet));
    std::size_t head = rows.size();
    for (std::size_t r = 0; r < rows.size() && head == rows.size(); ++r)
        for (const Any& c : rows[r])
            if (text_of(c) == "Участники")
                head = r;
    ASSERT_LT(head, rows.size()) << "no head «Участники» on «По школам»";
    const auto column = [&](const char* name) {
        for (std::size_t c = 0; c < rows[head].size(); ++c)
            if (text_of(rows[head][c]) == name)
                return c;
        ADD_FAILURE() << "no column «" << name << "»";
        return std::size_t(0);
    };
    const auto row_of = [&](const std::string& school, const std::string& subject) -> const std::vector<Any>* {
        for (std::size_t r = head + 1; r < rows.size(); ++r) {
            bool has_school = false, has_subject = false;
            for (const Any& c : rows[r]) {
                const std::string t = text_of(c);
                has_school = has_school || t.find(school) != std::string::npos;
                has_subject = has_subject || t.find(subject) != std::string::npos;
            }
            if (has_school && has_subject)
                return &rows[r];
        }
        return nullptr;
    };
    const auto* school1 = row_of("СОШ № 1", "Русский язык");
    ASSERT_TRUE(school1) << "no row of СОШ № 1, Русский язык";
    EXPECT_EQ(number_of((*school1)[column("Участники")]), 11.0);  // 12 rows, one absent
    EXPECT_EQ(number_of((*school1)[column("Отсутствовали")]), 1.0);
    EXPECT_EQ(number_of((*school1)[column("«2»")]), 3.0);
    EXPECT_NEAR(number_of((*school1)[column("% «2»")]).value_or(-1), 100.0 * 3 / 11, 0.051);
    // Compared with the journal: 9 (one «нет отметки», one empty); lowered 3, confirmed 4, raised 2.
    EXPECT_EQ(number_of((*school1)[column("Сравнено с журналом")]), 9.0);
    EXPECT_NEAR(number_of((*school1)[column("Понизили, %")]).value_or(-1), 100.0 * 3 / 9, 0.051);
    EXPECT_NEAR(number_of((*school1)[column("Подтвердили, %")]).value_or(-1), 100.0 * 4 / 9, 0.051);
    EXPECT_NEAR(number_of((*school1)[column("Повысили, %")]).value_or(-1), 100.0 * 2 / 9, 0.051);
    const auto* school2 = row_of("СОШ № 2", "Русский язык");
    ASSERT_TRUE(school2);
    EXPECT_EQ(number_of((*school2)[column("Участники")]), 6.0);
    EXPECT_NEAR(number_of((*school2)[column("% «2»")]).value_or(-1), 100.0 / 6, 0.051);
    const auto* maths1 = row_of("СОШ № 1", "Математика");
    ASSERT_TRUE(maths1);
    EXPECT_EQ(number_of((*maths1)[column("Участники")]), 5.0);
    // The municipality: Σ over the pupils of both schools, 17 participants and four «2».
    const auto* municipality = row_of("Муниципалитет", "Русский язык");
    ASSERT_TRUE(municipality);
    EXPECT_EQ(number_of((*municipality)[column("Участники")]), 17.0);
    EXPECT_NEAR(number_of((*municipality)[column("% «2»")]).value_or(-1), 100.0 * 4 / 17, 0.051);

    // The histograms: Calc's charts on «Анализ».
    Reference<css::table::XTableChartsSupplier> charts(sheet(book, msoko::vpr::kAnalysisSheet), UNO_QUERY_THROW);
    EXPECT_GE(charts->getCharts()->getElementNames().getLength(), 1);
}

TEST_F(Vpr, TheFormIsFilledWithTheHandComputedTotalsInOneUndoStepAndATypedValueIsKept) {
    auto form = office_->open(fs::path(MSOKO_TEST_SAMPLES) / "sample-district.ods", Office::Access::Copy, true);
    docs_.push_back(form);
    recalc(form);
    // Where the fill goes, as the core plans it: the cells of 4201 and 4202 emptied, one of them typed anew.
    std::vector<msoko::vpr::ResultsFile> files{
        msoko::uno::read_results_file(loader(), russian(), "РУ 4.xlsx", boundaries()),
        msoko::uno::read_results_file(loader(), maths(), "МА 5.xlsx", boundaries())};
    const auto analysis = msoko::vpr::analyse(files, {}, catalogue().vpr);
    const auto planned = msoko::vpr::plan_fill(catalogue(), msoko::uno::snapshot(form, nullptr), analysis);
    std::vector<msoko::MergeCell> cells = planned.writes;
    cells.insert(cells.end(), planned.conflicts.begin(), planned.conflicts.end());
    ASSERT_EQ(cells.size(), 10u) << "five fields for each of the two schools";
    for (const auto& c : cells)
        Reference<css::sheet::XSpreadsheet>(form->getSheets()->getByName(ou(c.sheet)), UNO_QUERY_THROW)
            ->getCellByPosition(c.col, c.row)
            ->setFormula("");
    const msoko::MergeCell typed = cells.front();
    auto typed_cell =
        Reference<css::sheet::XSpreadsheet>(form->getSheets()->getByName(ou(typed.sheet)), UNO_QUERY_THROW)
            ->getCellByPosition(typed.col, typed.row);
    typed_cell->setValue(999);
    const auto before = msoko::read_form(catalogue(), msoko::uno::snapshot(form, nullptr)).workbook;

    dispatch(form, "FillFromVpr",
             {arg("Files", Any(urls({russian(), maths()}))), arg("Conflicts", Any(OUString("keep"))),
              arg("Confirm", Any(false))});

    const auto after = msoko::read_form(catalogue(), msoko::uno::snapshot(form, nullptr)).workbook;
    const auto& fill = catalogue().vpr.fill;
    // By hand: СОШ № 1 — 11 + 5 participants, «2»: 3 + 1, «4» or «5»: 5 + 2, confirmed 4 + 3, lowered 3 + 2;
    // СОШ № 2 — 6 participants, one «2», three «4» or «5», confirmed 3, lowered 1.
    const std::map<std::string, std::map<std::string, double>> expected{
        {"4201",
         {{fill.participants, 16}, {fill.below_min, 4}, {fill.success, 7}, {fill.confirmed, 7}, {fill.lowered, 5}}},
        {"4202",
         {{fill.participants, 6}, {fill.below_min, 1}, {fill.success, 3}, {fill.confirmed, 3}, {fill.lowered, 1}}}};
    for (const auto& [code, fields] : expected)
        for (const auto& [field, value] : fields) {
            const msoko::Cell& v = after.value(code, field);
            if (code == typed.organisation && field == typed.field) {
                EXPECT_EQ(v, msoko::Cell::number(999)) << "the typed value is kept";
                continue;
            }
            EXPECT_EQ(v, msoko::Cell::number(value)) << code << " " << field;
        }
    // Each written cell carries the note «из ФИС ОКО»; the kept one has none.
    for (const auto& c : cells) {
        auto cell = Reference<css::sheet::XSpreadsheet>(form->getSheets()->getByName(ou(c.sheet)), UNO_QUERY_THROW)
                        ->getCellByPosition(c.col, c.row);
        const std::string note = u8(
            Reference<css::text::XSimpleText>(
                Reference<css::sheet::XSheetAnnotationAnchor>(cell, UNO_QUERY_THROW)->getAnnotation(), UNO_QUERY_THROW)
                ->getString());
        if (c.organisation == typed.organisation && c.field == typed.field)
            EXPECT_EQ(note, "") << "the kept cell";
        else
            EXPECT_EQ(note, "из ФИС ОКО") << c.organisation << " " << c.field;
    }
    // One undo step takes it all back.
    Reference<css::document::XUndoManager> undo =
        Reference<css::document::XUndoManagerSupplier>(form, UNO_QUERY_THROW)->getUndoManager();
    EXPECT_EQ(u8(undo->getCurrentUndoActionTitle()), "Заполнение формы из результатов ВПР");
    undo->undo();
    const auto undone = msoko::read_form(catalogue(), msoko::uno::snapshot(form, nullptr)).workbook;
    for (const auto& c : cells)
        EXPECT_EQ(undone.value(c.organisation, c.field), before.value(c.organisation, c.field))
            << c.organisation << " " << c.field;
}

}  // namespace

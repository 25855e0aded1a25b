// SPDX-License-Identifier: MPL-2.0
// «Процедуры оценки»: the form writes the sheet and its validities from the
// contract and the data file; the core reads the procedures back; the check
// finds each mistake at its cell; the package carries them; a form without
// the sheet stays ready.
#include "msoko/procedures.hpp"
#include "fods_reader.hpp"
#include "fods_snapshot.hpp"
#include "msoko/new_form.hpp"
#include "msoko/report_model.hpp"
#include "msoko/submission.hpp"
#include "validation_support.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>

namespace msoko {
namespace {

using C = ProceduresColumns;
using test::checked;
using test::form;
using test::mini;
using test::N;
using test::put;
using test::sheet;
using test::T;

const Catalogue& shipped() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

// Two procedures of the shipped catalogue, the second without a date.
FormData with_procedures() {
    FormData d;
    d.procedures.push_back({"Муниципальный мониторинг читательской грамотности обучающихся 5-х классов", "5.1.1",
                            "муниципальный", "диагностическая работа", "ежегодно", "обучающиеся 5-х классов",
                            "Управление образования", "Приказ УО № 45-од", "2024-08-30",
                            "адресная методическая помощь школам"});
    d.procedures.push_back({"Анкетирование родителей о качестве дошкольного образования", "5.2.4", "институциональный",
                            "анкетирование", "в апреле и октябре", "родители воспитанников", "ДОО",
                            "Положение о ВСОКО, приказ № 12", "", ""});
    return d;
}

const test::Fods& written() {
    static const test::Fods f = test::read_fods(form_fods(shipped(), with_procedures(), "test"));
    return f;
}

std::vector<const Finding*> of_kind(const ValidationReport& r, const std::string& kind) {
    std::vector<const Finding*> out;
    for (const auto& f : r.findings)
        if (f.kind == kind)
            out.push_back(&f);
    return out;
}

// --- the form writer ------------------------------------------------------------

TEST(ProceduresSheet, WrittenAfterIndicatorsWithTheContractsHeads) {
    const test::Fods& f = written();
    const auto& order = f.sheet_order;
    const auto ind = std::find(order.begin(), order.end(), kIndicatorsSheet);
    ASSERT_NE(ind, order.end());
    ASSERT_NE(ind + 1, order.end());
    EXPECT_EQ(*(ind + 1), kProceduresSheet);
    EXPECT_EQ(order, form_sheet_names(shipped()));
    for (int col = 0; col < C::kCount; ++col)
        EXPECT_EQ(f.at(kProceduresSheet, C::kHeaderRow, col).text, C::head(col)) << col;
    EXPECT_EQ(std::string(C::head(C::kObject)), "Объект оценки (направление МСОКО)");
    // 30 numbered rows by default, none after them.
    EXPECT_EQ(f.at(kProceduresSheet, C::kFirstRow, C::kNumber).text, "1");
    EXPECT_EQ(f.at(kProceduresSheet, C::kFirstRow + 29, C::kNumber).text, "30");
    EXPECT_EQ(f.at(kProceduresSheet, C::kFirstRow + 30, C::kNumber).text, "");
    EXPECT_EQ(f.named_ranges.at("procedures_table"), "$'Процедуры оценки'.$A$3:.$K$33");
}

TEST(ProceduresSheet, DataWrittenAsTyped_ObjectAsItsSheetName_DateAsADate) {
    const test::Fods& f = written();
    const int r = C::kFirstRow;
    EXPECT_EQ(f.at(kProceduresSheet, r, C::kName).text,
              "Муниципальный мониторинг читательской грамотности обучающихся 5-х классов");
    EXPECT_EQ(f.at(kProceduresSheet, r, C::kObject).text, direction_sheet_name(*shipped().direction("5.1.1")));
    EXPECT_EQ(f.at(kProceduresSheet, r, C::kLevel).text, "муниципальный");
    EXPECT_EQ(f.at(kProceduresSheet, r, C::kDocument).text, "Приказ УО № 45-од");
    EXPECT_EQ(f.at(kProceduresSheet, r, C::kDate).value_type, "date");
    EXPECT_EQ(f.at(kProceduresSheet, r, C::kDate).text, "30.08.2024");
    EXPECT_EQ(f.at(kProceduresSheet, r + 1, C::kFrequency).text, "в апреле и октябре");
    EXPECT_EQ(f.at(kProceduresSheet, r + 1, C::kDate).text, "");
}

TEST(ProceduresSheet, EveryInputHasARussianHelpAndTheListsAreTheContracts) {
    const test::Fods& f = written();
    const int r = C::kFirstRow + 5;  // an empty row: the same validities
    for (int col = C::kName; col < C::kCount; ++col) {
        const std::string v = f.at(kProceduresSheet, r, col).validation;
        ASSERT_FALSE(v.empty()) << C::head(col);
        EXPECT_EQ(f.validation_titles.at(v), C::head(col));
        std::string help = f.validation_helps.at(v);  // its lines as one text
        std::replace(help.begin(), help.end(), '\n', ' ');
        EXPECT_NE(help.find("Заполняет УО"), std::string::npos) << C::head(col);
        EXPECT_NE(help.find(C::required(col) ? "обязательно, когда строка заполнена" : "необязательно"),
                  std::string::npos)
            << C::head(col) << ": " << help;
    }
    EXPECT_EQ(f.at(kProceduresSheet, r, C::kNumber).validation, "");
    const std::string objects = f.validation_conditions.at(f.at(kProceduresSheet, r, C::kObject).validation);
    for (const auto& d : shipped().directions)
        EXPECT_NE(objects.find("\"" + direction_sheet_name(d) + "\""), std::string::npos) << d.id;
    EXPECT_EQ(f.validation_conditions.at(f.at(kProceduresSheet, r, C::kLevel).validation),
              "of:cell-content-is-in-list(\"муниципальный\";\"институциональный\")");
    EXPECT_NE(f.validation_conditions.at(f.at(kProceduresSheet, r, C::kFrequency).validation).find("\"ежегодно\""),
              std::string::npos);
    EXPECT_EQ(f.validation_conditions.at(f.at(kProceduresSheet, r, C::kDate).validation),
              "of:cell-content-is-date() and cell-content-is-between(32874,73050)");
    // The frequency's list only suggests: another text is taken without a message.
    const std::string fods = form_fods(shipped(), with_procedures(), "test");
    const std::string freq = f.at(kProceduresSheet, r, C::kFrequency).validation;
    const auto at = fods.find("table:name=\"" + freq + "\"");
    ASSERT_NE(at, std::string::npos);
    const std::string entry = fods.substr(at, fods.find("</table:content-validation>", at) - at);
    EXPECT_NE(entry.find("table:error-message table:message-type=\"stop\" table:title=\"Неверное значение\" "
                         "table:display=\"false\""),
              std::string::npos)
        << entry;
}

TEST(ProceduresSheet, DataMayAskMoreRows) {
    FormData d = with_procedures();
    d.procedure_rows = 40;
    const test::Fods f = test::read_fods(form_fods(shipped(), d, "test"));
    EXPECT_EQ(f.at(kProceduresSheet, C::kFirstRow + 39, C::kNumber).text, "40");
    EXPECT_EQ(f.at(kProceduresSheet, C::kFirstRow + 40, C::kNumber).text, "");
    const FormData parsed = parse_form_data(R"({"format": "msoko-form-data/1", "procedure_rows": 12,
        "procedures": [{"name": "Мониторинг", "direction": "5.1.1", "level": "муниципальный"}]})",
                                            "d.json");
    ASSERT_TRUE(parsed.procedure_rows);
    EXPECT_EQ(*parsed.procedure_rows, 12u);
    EXPECT_TRUE(parsed.rows.empty()) << "procedure_rows is no register type's rows";
    ASSERT_EQ(parsed.procedures.size(), 1u);
    EXPECT_EQ(parsed.procedures[0].direction, "5.1.1");
    EXPECT_EQ(parsed.procedures[0].document, "");
    EXPECT_THROW(parse_form_data(R"({"format": "msoko-form-data/1", "procedures": {}})", "d.json"), CatalogueError);
    EXPECT_THROW(parse_form_data(R"({"format": "msoko-form-data/1", "procedure_rows": 5000})", "d.json"),
                 CatalogueError);
}

TEST(ProceduresSheet, DataFileWrittenBackKeepsTheProcedures) {
    FormData d = with_procedures();
    d.procedure_rows = 45;
    const FormData back = parse_form_data(form_data_json(d), "d.json");
    ASSERT_EQ(back.procedures.size(), 2u);
    EXPECT_EQ(back.procedures[0].name, d.procedures[0].name);
    EXPECT_EQ(back.procedures[0].document_date, "2024-08-30");
    EXPECT_EQ(back.procedures[1].frequency, "в апреле и октябре");
    EXPECT_EQ(back.procedures[1].use, "");
    ASSERT_TRUE(back.procedure_rows);
    EXPECT_EQ(*back.procedure_rows, 45u);
    EXPECT_FALSE(parse_form_data(form_data_json(FormData{}), "d.json").procedure_rows);
}

TEST(ProceduresSheet, ObjectTextsMapBackToExactlyOneDirection) {
    for (const auto& d : shipped().directions) {
        const Direction* back = procedure_object_direction(shipped(), procedure_object_text(d));
        ASSERT_NE(back, nullptr) << d.id;
        EXPECT_EQ(back->id, d.id);
    }
    EXPECT_EQ(procedure_object_direction(shipped(), " 5.1.1. ")->id, "5.1.1");
    const Direction& d = *shipped().direction("5.2.4");
    EXPECT_EQ(procedure_object_direction(shipped(), "  " + d.short_title + " ")->id, "5.2.4");
    EXPECT_EQ(procedure_object_direction(shipped(), "9.9.9 Нет такого"), nullptr);
    EXPECT_EQ(procedure_object_direction(shipped(), ""), nullptr);
}

// --- read_procedures -------------------------------------------------------------

TEST(ReadProcedures, ReadsTheWrittenFormBack) {
    const WorkbookSnapshot wb = test::fods_snapshot(shipped(), form_fods(shipped(), with_procedures(), "test"));
    const std::vector<Procedure> p = read_procedures(shipped(), wb);
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].row, C::kFirstRow);
    EXPECT_EQ(p[0].direction, "5.1.1");
    EXPECT_EQ(p[0].object, direction_sheet_name(*shipped().direction("5.1.1")));
    EXPECT_EQ(p[0].document_date, "2024-08-30");
    EXPECT_EQ(p[0].conducted_by, "Управление образования");
    EXPECT_EQ(p[0].use, "адресная методическая помощь школам");
    EXPECT_EQ(p[1].row, C::kFirstRow + 1);
    EXPECT_EQ(p[1].direction, "5.2.4");
    EXPECT_EQ(p[1].level, "институциональный");
    EXPECT_EQ(p[1].document_date, "");
}

TEST(ReadProcedures, EmptyRowsSkippedErrorsEmptyNothingThrows) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& s = sheet(wb, kProceduresSheet);
    put(s, C::kFirstRow + 1, C::kName, T("  Мониторинг  "));
    put(s, C::kFirstRow + 1, C::kObject, T("1.2"));
    put(s, C::kFirstRow + 1, C::kDate, T("01.09.2023"));
    put(s, C::kFirstRow + 3, C::kNumber, N(4));  // «№» alone: an empty row
    put(s, C::kFirstRow + 3, C::kUse, Cell::error());
    put(s, C::kFirstRow + 2, C::kName, N(2024));
    put(s, C::kFirstRow + 2, C::kDate, T("вчера"));
    const std::vector<Procedure> p = read_procedures(mini(), wb);
    ASSERT_EQ(p.size(), 2u);
    EXPECT_EQ(p[0].row, C::kFirstRow + 1);
    EXPECT_EQ(p[0].name, "Мониторинг");
    EXPECT_EQ(p[0].direction, "1.2");
    EXPECT_EQ(p[0].document_date, "2023-09-01");
    EXPECT_EQ(p[1].name, "2024");
    EXPECT_EQ(p[1].direction, "");
    EXPECT_EQ(p[1].document_date, "вчера");
    WorkbookSnapshot none = form();
    none.sheets.pop_back();
    EXPECT_TRUE(read_procedures(mini(), none).empty());
    WorkbookSnapshot tiny;
    tiny.sheets.push_back(test::grid(kProceduresSheet, 1, 1));  // narrower than the contract
    EXPECT_TRUE(read_procedures(mini(), tiny).empty());
}

// --- the check -----------------------------------------------------------------------

// A complete procedure of the test catalogue in row `r`.
void good_row(SheetSnapshot& s, std::size_t r) {
    put(s, r, C::kName, T("Мониторинг первого направления"));
    put(s, r, C::kObject, T("1.1 Первое направление"));
    put(s, r, C::kLevel, T("муниципальный"));
    put(s, r, C::kConductedBy, T("Управление образования"));
    put(s, r, C::kDocument, T("Приказ УО № 45-од"));
    put(s, r, C::kDate, N(45534));  // 30.08.2024
}

TEST(CheckProcedures, ACompleteRowGivesNothing) {
    WorkbookSnapshot wb = form();
    good_row(sheet(wb, kProceduresSheet), C::kFirstRow);
    const ValidationReport r = checked(mini(), wb);
    EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
}

TEST(CheckProcedures, EveryMistakeAtItsCell) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& s = sheet(wb, kProceduresSheet);
    s = test::grid(kProceduresSheet, C::kFirstRow + 10, C::kCount);
    const std::size_t r = C::kFirstRow;
    for (std::size_t i = 0; i < 4; ++i)
        good_row(s, r + i);
    put(s, r, C::kName, Cell::empty());  // row 4: no name, no one who carries it out
    put(s, r, C::kConductedBy, T(" "));
    put(s, r + 1, C::kObject, T("5.9 Чужое направление"));  // row 5
    put(s, r + 1, C::kLevel, T("региональный"));
    put(s, r + 2, C::kDocument, T("Положение о ВСОКО"));  // row 6
    put(s, r + 2, C::kDate, T("весной"));
    put(s, r + 3, C::kDate, N(32873));  // row 7: 31.12.1989
    good_row(s, r + 5);                 // row 9 (row 8 empty): a date to come
    put(s, r + 5, C::kDate, N(2958000));
    const ValidationReport rep = checked(mini(), wb);
    EXPECT_FALSE(rep.ready());
    std::vector<std::tuple<std::string, int, int>> got;
    for (const Finding& f : rep.findings) {
        EXPECT_EQ(f.sheet, kProceduresSheet) << f.message;
        got.emplace_back(f.kind, f.row, f.col);
    }
    std::sort(got.begin(), got.end());
    const int r0 = C::kFirstRow;
    std::vector<std::tuple<std::string, int, int>> want = {{"procedures.required", r0, C::kName},
                                                           {"procedures.required", r0, C::kConductedBy},
                                                           {"procedures.object", r0 + 1, C::kObject},
                                                           {"procedures.level", r0 + 1, C::kLevel},
                                                           {"procedures.document_number", r0 + 2, C::kDocument},
                                                           {"procedures.date", r0 + 2, C::kDate},
                                                           {"procedures.date_range", r0 + 3, C::kDate},
                                                           {"procedures.date_range", r0 + 5, C::kDate}};
    std::sort(want.begin(), want.end());
    EXPECT_EQ(got, want);
    const Finding& unnamed = *of_kind(rep, "procedures.required").front();
    EXPECT_EQ(unnamed.message, "Процедура в строке 4: не заполнено «Наименование процедуры».");
    EXPECT_EQ(unnamed.field, "name");
    const Finding& object = *of_kind(rep, "procedures.object").front();
    EXPECT_EQ(object.value, "5.9 Чужое направление");
    EXPECT_NE(object.message.find("«1.1 Первое направление»"), std::string::npos) << object.message;
    EXPECT_EQ(object.severity, Severity::Error);
    const auto ranges = of_kind(rep, "procedures.date_range");
    ASSERT_EQ(ranges.size(), 2u);
    EXPECT_NE(ranges[0]->message.find("31.12.1989 раньше 1990 года"), std::string::npos) << ranges[0]->message;
    EXPECT_NE(ranges[1]->message.find("позже сегодняшнего дня"), std::string::npos) << ranges[1]->message;
}

TEST(CheckProcedures, NumbersOfDocumentsAsPeopleWriteThem) {
    for (const char* ok : {"Приказ УО № 45-од", "приказ №45", "Приказ N 12 от 01.09.2024", "Постановление № А-7"}) {
        WorkbookSnapshot wb = form();
        good_row(sheet(wb, kProceduresSheet), C::kFirstRow);
        put(sheet(wb, kProceduresSheet), C::kFirstRow, C::kDocument, T(ok));
        EXPECT_TRUE(of_kind(checked(mini(), wb), "procedures.document_number").empty()) << ok;
    }
    for (const char* bad : {"Приказ", "Приказ от 01.09.2024", "Положение о ВСОКО, №", "Nord"}) {
        WorkbookSnapshot wb = form();
        good_row(sheet(wb, kProceduresSheet), C::kFirstRow);
        put(sheet(wb, kProceduresSheet), C::kFirstRow, C::kDocument, T(bad));
        EXPECT_EQ(of_kind(checked(mini(), wb), "procedures.document_number").size(), 1u) << bad;
    }
}

TEST(CheckProcedures, AFormWithoutTheSheetIsReadyWithOneNote) {
    WorkbookSnapshot wb = form();
    wb.sheets.pop_back();  // a form made before the sheet existed
    const ValidationReport r = checked(mini(), wb);
    EXPECT_TRUE(r.ready());
    ASSERT_EQ(r.findings.size(), 1u) << r.findings.back().message;
    EXPECT_EQ(r.findings[0].kind, "procedures.sheet_missing");
    EXPECT_EQ(r.findings[0].severity, Severity::Info);
    EXPECT_NE(r.findings[0].message.find("Вставить лист из файла"), std::string::npos);
}

TEST(CheckProcedures, TheSheetIsTheForms_NotAForeignOne) {
    WorkbookSnapshot wb = form();
    const ValidationReport r = checked(mini(), wb);
    EXPECT_TRUE(of_kind(r, "structure.sheet_extra").empty());
    EXPECT_TRUE(of_kind(r, "structure.sheet_order").empty());
    // Moved before «Показатели»: named as moved, still not foreign.
    std::swap(wb.sheets[wb.sheets.size() - 1], wb.sheets[wb.sheets.size() - 2]);
    const ValidationReport moved = checked(mini(), wb);
    EXPECT_TRUE(of_kind(moved, "structure.sheet_extra").empty());
    EXPECT_EQ(of_kind(moved, "structure.sheet_order").size(), 1u);
}

// --- this year's form from last year's ----------------------------------------------

TEST(NewFormProcedures, LastYearsProceduresAreTaken) {
    WorkbookSnapshot last = form();
    good_row(sheet(last, kProceduresSheet), C::kFirstRow + 1);
    const LastYearForm l = read_last_year(mini(), last);
    ASSERT_EQ(l.procedures.size(), 1u);
    EXPECT_EQ(l.procedures[0].direction, "1.1");
    EXPECT_EQ(l.procedures[0].document_date, "2024-08-30");
    NewFormRequest request;
    request.municipality = "Тестовый район";
    const FormData d = new_form_data(mini(), request, &l);
    ASSERT_EQ(d.procedures.size(), 1u);
    EXPECT_EQ(d.procedures[0].name, "Мониторинг первого направления");
    EXPECT_TRUE(new_form_data(mini(), request, nullptr).procedures.empty());
}

// --- the package ---------------------------------------------------------------------

TEST(SubmissionProcedures, WrittenInIndicatorsJsonAndReadBack) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& s = sheet(wb, kProceduresSheet);
    good_row(s, C::kFirstRow + 2);
    put(s, C::kFirstRow + 2, C::kFrequency, T("ежегодно"));
    const ReportModel model = report_model(validate(mini(), wb), mini());
    const SubmissionFigures f = submission_figures(mini(), wb, model);
    ASSERT_EQ(f.procedures.size(), 1u);
    const std::string js = submission_json(f, {"2026-12-01T21:35:57+03:00", "0.1.0", "form.ods"});
    const boost::json::value root = boost::json::parse(js);
    const boost::json::array& list = root.at("procedures").as_array();
    ASSERT_EQ(list.size(), 1u);
    const boost::json::object& p = list[0].as_object();
    EXPECT_EQ(p.at("row").as_int64(), C::kFirstRow + 2 + 1) << "the row as the sheet numbers it";
    EXPECT_EQ(p.at("name").as_string(), "Мониторинг первого направления");
    EXPECT_EQ(p.at("direction").as_string(), "1.1");
    EXPECT_EQ(p.at("object").as_string(), "1.1 Первое направление");
    EXPECT_EQ(p.at("document_date").as_string(), "2024-08-30");
    EXPECT_EQ(p.at("frequency").as_string(), "ежегодно");
    EXPECT_TRUE(p.at("use").is_string());
    const std::vector<Procedure> back = submission_procedures(js);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].row, f.procedures[0].row);
    EXPECT_EQ(back[0].direction, "1.1");
    EXPECT_EQ(back[0].document, "Приказ УО № 45-од");
    // A package made before procedures were: none; not a package: a clear exception.
    EXPECT_TRUE(submission_procedures(R"({"format": "msoko-submission/1"})").empty());
    EXPECT_THROW(submission_procedures("not json"), std::runtime_error);
    EXPECT_THROW(submission_procedures(R"({"procedures": {}})"), std::runtime_error);
    // An empty sheet: an empty list.
    const SubmissionFigures empty = submission_figures(mini(), form(), report_model(validate(mini(), form()), mini()));
    EXPECT_TRUE(boost::json::parse(submission_json(empty, {})).at("procedures").as_array().empty());
}

}  // namespace
}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
// The report model of the check before submission: the rows every view shows
// (the report sheet, msoko check's text, TSV and JSON), in the report's order,
// with their column texts — built here from a report made by hand.
#include "msoko/report_model.hpp"

#include "msoko/catalogue.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

namespace msoko {
namespace {

// Two errors (one closing a long list of 120 cells), a warning about a whole
// row, a note without a place; completeness of two directions.
ValidationReport sample() {
    ValidationReport r;
    r.findings.push_back({Severity::Error, "5.1.1 Подготовка обучающихся", 11, 3, "4201", "f_5_1_1_1", "12 чел.",
                          "Текст вместо числа: «12 чел.»", "type.count", 0, "type.count", "type.count"});
    r.findings.push_back({Severity::Error, "5.1.2 Объективность", 40, 5, "", "", "", "… и ещё 120 таких ячеек",
                          "5.1.2/part_whole", 120, "rule.part_whole", "5.1.2/part_whole/obj_low/obj_total"});
    r.findings.push_back({Severity::Warning, "Организации", 7, -1, "4203", "", "", "Строка\tс табуляцией\nи переносом",
                          "register.duplicate_name", 0, "register.duplicate_name", "register.duplicate_name"});
    r.findings.push_back({Severity::Info, "Паспорт", -1, -1, "", "", "", "Лист перемещён", "structure.sheet_order", 0,
                          "structure.sheet_order", "structure.sheet_order"});
    r.completeness.push_back({"5.1.1", "5.1.1 Подготовка обучающихся", 150, 149});
    r.completeness.push_back({"5.1.2", "5.1.2 Объективность", 3, 1});
    return r;
}

TEST(ReportModel, SummaryAndCountsAreTheReportsOwn) {
    const ValidationReport r = sample();
    const ReportModel m = report_model(r);
    EXPECT_EQ(m.title, "Проверка формы перед отправкой");
    EXPECT_EQ(m.summary, r.summary());
    EXPECT_EQ(m.errors, 121u) << "the closing finding counts the findings it stands for";
    EXPECT_EQ(m.warnings, 1u);
    EXPECT_EQ(m.notes, 1u);
    EXPECT_FALSE(m.ready);
    EXPECT_TRUE(report_model(ValidationReport{}).ready);
}

TEST(ReportModel, CompletenessRowsRoundToOneDecimalWithAComma) {
    const ReportModel m = report_model(sample());
    ASSERT_EQ(m.completeness.size(), 2u);
    EXPECT_EQ(m.completeness_header, (std::vector<std::string>{"Лист", "Полей", "Заполнено", "%"}));
    EXPECT_EQ(m.completeness[0].sheet, "5.1.1 Подготовка обучающихся");
    EXPECT_EQ(m.completeness[0].required, 150u);
    EXPECT_EQ(m.completeness[0].filled, 149u);
    EXPECT_DOUBLE_EQ(m.completeness[0].percent, 99.3);
    EXPECT_EQ(m.completeness[0].percent_text, "99,3");
    EXPECT_EQ(m.completeness[1].percent_text, "33,3");
}

TEST(ReportModel, RowsKeepTheReportsOrderAndColumnTexts) {
    const ReportModel m = report_model(sample());
    EXPECT_EQ(m.finding_header,
              (std::vector<std::string>{"№", "Уровень", "Лист", "Ячейка", "Организация", "Поле", "Код", "Значение",
                                        "Сообщение", "Пояснение", "Что проверено", "Правило"}));
    ASSERT_EQ(m.rows.size(), 4u);
    const ReportRow& first = m.rows[0];
    EXPECT_EQ(first.number, 1u);
    EXPECT_EQ(first.severity_text, "Ошибка");
    EXPECT_EQ(first.sheet, "5.1.1 Подготовка обучающихся");
    EXPECT_EQ(first.cell, "D12");
    EXPECT_EQ(first.link, "#$'5.1.1 Подготовка обучающихся'.D12");
    EXPECT_EQ(first.organisation, "4201");
    EXPECT_EQ(first.field, "f_5_1_1_1");
    EXPECT_EQ(first.value, "12 чел.");
    EXPECT_EQ(first.message, "Текст вместо числа: «12 чел.»");
    EXPECT_EQ(first.id, "type.count");
    EXPECT_EQ(m.rows[1].more, 120u);
    // A catalogue rule: the report's «Правило», its kind, and an id told apart from its kin.
    EXPECT_EQ(m.rows[1].rule, "5.1.2/part_whole");
    EXPECT_EQ(m.rows[1].kind, "rule.part_whole");
    EXPECT_EQ(m.rows[1].id, "5.1.2/part_whole/obj_low/obj_total");
    EXPECT_EQ(m.rows[1].cell, "F41");
    // A finding about a whole row points at its first cell; one without a place has no cell and no link.
    EXPECT_EQ(m.rows[2].severity_text, "Предупреждение");
    EXPECT_EQ(m.rows[2].cell, "A8");
    EXPECT_EQ(m.rows[3].severity_text, "Сведения");
    EXPECT_EQ(m.rows[3].cell, "");
    EXPECT_EQ(m.rows[3].link, "");
    for (std::size_t i = 0; i < m.rows.size(); ++i)
        EXPECT_EQ(m.rows[i].number, i + 1);
}

TEST(ReportModel, UnmarkedSheetsReachTheSummaryAndTheRows) {
    ValidationReport r = sample();
    r.note_unmarked("5.1.2 Объективность", 3, "5.1.2 Объективность");
    const ReportModel m = report_model(r);
    EXPECT_EQ(m.unmarked_sheets, std::vector<std::string>{"5.1.2 Объективность"});
    EXPECT_NE(m.summary.find("Не отмечены ячейки на листах, защищённых паролем: «5.1.2 Объективность»"),
              std::string::npos);
    EXPECT_EQ(m.rows.back().id, "report.unmarked");
}

TEST(ReportModel, TextHasSummaryCompletenessAndEveryFinding) {
    const std::string text = report_text(report_model(sample()), "form.ods");
    const std::string expected = "Проверка формы: form.ods\n" + sample().summary() +
                                 "\n"
                                 "\nЗаполненность обязательных полей:\n"
                                 "  5.1.1 Подготовка обучающихся                99,3 %\n"
                                 "  5.1.2 Объективность                         33,3 %\n"
                                 "\n"
                                 "Ошибка          5.1.1 Подготовка обучающихся!D12\n"
                                 "    Текст вместо числа: «12 чел.» [type.count]\n"
                                 "Ошибка          5.1.2 Объективность!F41\n"
                                 "    … и ещё 120 таких ячеек [5.1.2/part_whole]\n"
                                 "Предупреждение  Организации!A8\n"
                                 "    Строка\tс табуляцией\nи переносом [register.duplicate_name]\n"
                                 "Сведения        Паспорт\n"
                                 "    Лист перемещён [structure.sheet_order]\n";
    EXPECT_EQ(text, expected);
}

TEST(ReportModel, TsvIsOneEscapedLinePerFinding) {
    ReportModel m = report_model(sample());
    m.rows[2].explanation = "Две школы\tс одним названием";
    const std::string tsv = report_tsv(m);
    EXPECT_EQ(
        tsv,
        "Ошибка\t5.1.1 Подготовка обучающихся\tD12\t4201\tf_5_1_1_1\t12 чел.\tТекст вместо числа: «12 "
        "чел.»\ttype.count\t\n"
        "Ошибка\t5.1.2 Объективность\tF41\t\t\t\t… и ещё 120 таких ячеек\t5.1.2/part_whole\t\n"
        "Предупреждение\tОрганизации\tA8\t4203\t\t\tСтрока\\tс табуляцией\\nи переносом\tregister.duplicate_name\t"
        "Две школы\\tс одним названием\n"
        "Сведения\tПаспорт\t\t\t\t\tЛист перемещён\tstructure.sheet_order\t\n");
}

TEST(ReportModel, JsonHasEveryFindingWithItsColumns) {
    const boost::json::value v = boost::json::parse(report_json(report_model(sample()), "form.ods"));
    const auto& o = v.as_object();
    EXPECT_EQ(o.at("format").as_string(), "msoko-check-report/1");
    EXPECT_EQ(o.at("workbook").as_string(), "form.ods");
    EXPECT_EQ(o.at("summary").as_string(), sample().summary());
    EXPECT_FALSE(o.at("ready").as_bool());
    EXPECT_EQ(o.at("counts").at("errors").to_number<std::size_t>(), 121u);
    EXPECT_EQ(o.at("counts").at("warnings").to_number<std::size_t>(), 1u);
    EXPECT_EQ(o.at("counts").at("notes").to_number<std::size_t>(), 1u);
    const auto& completeness = o.at("completeness").as_array();
    ASSERT_EQ(completeness.size(), 2u);
    EXPECT_EQ(completeness[0].at("direction").as_string(), "5.1.1");
    EXPECT_EQ(completeness[0].at("required").to_number<std::size_t>(), 150u);
    EXPECT_DOUBLE_EQ(completeness[0].at("percent").to_number<double>(), 99.3);
    const auto& findings = o.at("findings").as_array();
    ASSERT_EQ(findings.size(), 4u);
    const auto& f = findings[0].as_object();
    EXPECT_EQ(f.at("number").to_number<int>(), 1);
    EXPECT_EQ(f.at("severity").as_string(), "error");
    EXPECT_EQ(f.at("severity_text").as_string(), "Ошибка");
    EXPECT_EQ(f.at("sheet").as_string(), "5.1.1 Подготовка обучающихся");
    EXPECT_EQ(f.at("cell").as_string(), "D12");
    EXPECT_EQ(f.at("row").to_number<int>(), 12) << "1-based, as Calc shows it";
    EXPECT_EQ(f.at("column").to_number<int>(), 4);
    EXPECT_EQ(f.at("organisation").as_string(), "4201");
    EXPECT_EQ(f.at("field").as_string(), "f_5_1_1_1");
    EXPECT_EQ(f.at("value").as_string(), "12 чел.");
    EXPECT_EQ(f.at("message").as_string(), "Текст вместо числа: «12 чел.»");
    EXPECT_EQ(f.at("id").as_string(), "type.count");
    EXPECT_EQ(findings[1].at("more").to_number<int>(), 120);
    EXPECT_EQ(findings[1].at("rule").as_string(), "5.1.2/part_whole");
    EXPECT_EQ(findings[1].at("kind").as_string(), "rule.part_whole");
    EXPECT_EQ(findings[1].at("id").as_string(), "5.1.2/part_whole/obj_low/obj_total");
    EXPECT_EQ(findings[2].at("severity").as_string(), "warning");
    EXPECT_TRUE(findings[2].at("column").is_null());
    EXPECT_EQ(findings[2].at("message").as_string(), "Строка\tс табуляцией\nи переносом");
    EXPECT_EQ(findings[3].at("severity").as_string(), "info");
    EXPECT_TRUE(findings[3].at("cell").is_null());
    EXPECT_TRUE(findings[3].at("row").is_null());
    EXPECT_TRUE(o.at("unmarked_sheets").as_array().empty());
}

const Catalogue& shipped() {
    static const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    return c;
}

Finding finding(Severity severity, std::string sheet, std::string field, std::string value, std::string kind) {
    Finding f;
    f.severity = severity;
    f.sheet = std::move(sheet);
    f.row = 4;
    f.col = 13;
    f.field = std::move(field);
    f.value = std::move(value);
    f.kind = std::move(kind);
    f.rule = f.kind;
    f.message = "…";
    return f;
}

// Issue 13.6: the report names a field by its Russian title (its code stays
// in its own column) and says in plain words what each kind of check is.
TEST(ReportModel, RowsNameTheFieldByItsTitleAndTheKindByItsDescription) {
    ValidationReport r;
    r.findings.push_back(finding(Severity::Error, "5.1.3 Таланты", "tal_teachers_courses", "12 чел.", "type.count"));
    r.findings.push_back(finding(Severity::Error, "Организации", "code", "4313", "register.duplicate_code"));
    r.findings.push_back(finding(Severity::Error, "5.1.4 Профориентация", "name", "МБОУ", "form.formula_overwritten"));
    r.findings.push_back(finding(Severity::Warning, "5.1.4 Профориентация", "my_notes", "", "structure.column_extra"));
    r.findings.push_back(finding(Severity::Warning, "Показатели", "5.1.4.8", "31,2", "plausibility.dynamics"));
    const ReportModel m = report_model(r, shipped());
    ASSERT_EQ(m.rows.size(), 5u);
    const Field* talents = shipped().field("tal_teachers_courses");
    ASSERT_NE(talents, nullptr);
    EXPECT_EQ(m.rows[0].field, "tal_teachers_courses");
    EXPECT_EQ(m.rows[0].field_title, talents->title);
    EXPECT_EQ(m.rows[0].field_title.rfind("Число педагогических работников", 0), 0u) << m.rows[0].field_title;
    EXPECT_EQ(m.rows[0].kind_text, finding_kind("type.count")->description);
    EXPECT_NE(m.rows[0].kind_text.find("Поле-количество"), std::string::npos);
    EXPECT_EQ(m.rows[1].field_title, "Код") << "the register's column head";
    EXPECT_EQ(m.rows[2].field_title, "Наименование организации") << "a direction table's fixed column";
    EXPECT_EQ(m.rows[3].field_title, "") << "a column the user added has no title: its code names it";
    EXPECT_EQ(m.rows[4].field_title, shipped().indicator("5.1.4.8")->title);
    EXPECT_EQ(m.rows[4].kind_text, finding_kind("plausibility.dynamics")->description);
    // Without the catalogue: no titles, the kinds' descriptions all the same.
    const ReportModel bare = report_model(r);
    EXPECT_EQ(bare.rows[0].field_title, "");
    EXPECT_EQ(bare.rows[0].kind_text, m.rows[0].kind_text);
}

// Issue 13.6: a share the form computes reads as the form shows it
// (31,178518150174 → 31,2); a typed value stays exactly as typed.
TEST(ReportModel, ComputedSharesAreRoundedAsTheFormShowsThemTypedValuesStay) {
    ValidationReport r;
    r.findings.push_back(
        finding(Severity::Warning, "Показатели", "5.1.4.8", "31,178518150174", "plausibility.dynamics"));
    r.findings.push_back(finding(Severity::Warning, "Показатели", "5.1.4.8", "-0,0004", "plausibility.dynamics"));
    r.findings.push_back(
        finding(Severity::Warning, "5.1.1 Подготовка обучающихся", "5.1.1.16", "611", "plausibility.outlier"));
    r.findings.push_back(
        finding(Severity::Warning, "5.1.1 Подготовка обучающихся", "5.1.1.16", "91,96", "plausibility.outlier"));
    r.findings.push_back(finding(Severity::Error, "Показатели", "5.1.4.8", "12,345678", "indicators.last_year"));
    r.findings.push_back(finding(Severity::Error, "5.2.2 Развитие педагогов", "pd_vacancies", "1,55555", "type.count"));
    const ReportModel m = report_model(r, shipped());
    ASSERT_EQ(m.rows.size(), 6u);
    EXPECT_EQ(m.rows[0].value, "31,2");
    EXPECT_EQ(m.rows[1].value, "0,0");
    EXPECT_EQ(m.rows[2].value, "611") << "no more decimals than the form shows: as it is";
    EXPECT_EQ(m.rows[3].value, "92,0");
    EXPECT_EQ(m.rows[4].value, "12,345678") << "last year's value is typed";
    EXPECT_EQ(m.rows[5].value, "1,55555") << "a typed field";
    EXPECT_EQ(report_model(r).rows[0].value, "31,178518150174") << "without the catalogue, as found";
    // The JSON agrees with the sheet.
    const boost::json::value v = boost::json::parse(report_json(m, "form.ods"));
    const auto& f = v.at("findings").as_array()[0];
    EXPECT_EQ(f.at("value").as_string(), "31,2");
    EXPECT_EQ(f.at("field_title").as_string(), shipped().indicator("5.1.4.8")->title);
    EXPECT_EQ(f.at("kind_text").as_string(), finding_kind("plausibility.dynamics")->description);
}

TEST(ReportModel, IndicatorDecimalsAreTheFormsOwn) {
    for (const Indicator& i : shipped().indicators) {
        const int d = indicator_decimals(i);
        if (i.unit == "%") {
            EXPECT_EQ(d, 1) << i.id;
        } else if (i.compute.kind == Computation::Kind::Count || i.compute.kind == Computation::Kind::Sum) {
            EXPECT_EQ(d, 0) << i.id;
        }
    }
    Indicator count;
    count.compute.kind = Computation::Kind::Count;
    EXPECT_EQ(indicator_decimals(count), 0);
    Indicator per_person;
    per_person.compute.kind = Computation::Kind::Ratio;
    per_person.unit = "чел.";
    EXPECT_EQ(indicator_decimals(per_person), 1);
}

}  // namespace
}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
// The figures of the submission package (indicators.json, indicators.csv):
// the municipal values are the form's «Показатели» values, the organisations'
// the engine's, with the sums they come from, last year's value as typed, the
// dynamics as the form shows it, and the user's explanations of the warnings;
// the CSV is what Russian Excel opens, and a text that looks like a formula
// stays a text.

#include "msoko/submission.hpp"
#include "msoko/engine.hpp"
#include "msoko/explanations.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/report_model.hpp"
#include "validation_support.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <locale>
#include <sstream>

namespace msoko {
namespace {

namespace json = boost::json;
using test::form;
using test::mini;
using test::N;
using test::put;
using test::sheet;
using test::T;

using C = IndicatorsColumns;

// The test form with «Показатели» as Calc shows it: each indicator's row
// with its id, unit and the form's value, and last year's values typed.
WorkbookSnapshot with_indicators(WorkbookSnapshot wb, const std::map<std::string, Cell>& last_year = {}) {
    const FormLayout layout = form_layout(mini(), {});
    const FormContents read = read_form(mini(), wb);
    const std::vector<FormIndicator> values = form_indicators(mini(), read);
    SheetSnapshot s = test::grid(kIndicatorsSheet, static_cast<std::size_t>(layout.indicators.back().row + 1),
                                 static_cast<std::size_t>(C::kCount));
    for (std::size_t i = 0; i < layout.indicators.size(); ++i) {
        const IndicatorRow& row = layout.indicators[i];
        const auto r = static_cast<std::size_t>(row.row);
        put(s, r, C::kId, T(row.indicator->id.c_str()));
        put(s, r, C::kUnit, T(row.unit.c_str()));
        const Result& v = values[i].value.result;
        put(s, r, C::kValue, v.has_value() ? N(v.value()) : Cell::error(), "=MSOKO.INDICATOR(…)");
        if (const auto last = last_year.find(row.indicator->id); last != last_year.end())
            put(s, r, C::kLastYear, last->second);
    }
    sheet(wb, kIndicatorsSheet) = s;
    return wb;
}

// The check's report of the snapshot with every warning explained by `explain_with` (when given).
ReportModel explained(const WorkbookSnapshot& wb, const std::string& explain_with = "") {
    ReportModel m = report_model(validate(mini(), wb), mini());
    if (!explain_with.empty()) {
        std::vector<Explanation> kept;
        for (const ReportRow& r : m.rows)
            if (r.severity == Severity::Warning) {
                kept.push_back(explanation_of(r));
                kept.back().text = explain_with;
            }
        explain(m, kept);
    }
    return m;
}

std::string str(const json::value& v) {
    return v.is_string() ? std::string(v.as_string()) : "<not a string: " + json::serialize(v) + ">";
}

const IndicatorFigures& of(const SubmissionFigures& f, const std::string& id) {
    for (const auto& i : f.indicators)
        if (i.id == id)
            return i;
    throw std::runtime_error("no indicator " + id);
}

const OrganisationFigure* org(const IndicatorFigures& f, const std::string& code) {
    for (const auto& o : f.organisations)
        if (o.code == code)
            return &o;
    return nullptr;
}

// The rows of a CSV text (RFC 4180 with `;`), each a list of fields.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ';') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty() && field.empty())
        rows.pop_back();
    return rows;
}

TEST(Submission, MunicipalValuesAreTheFormsAndOrganisationsTheEngines) {
    const WorkbookSnapshot wb = with_indicators(form());
    const SubmissionFigures f = submission_figures(mini(), wb, explained(wb));
    const FormContents read = read_form(mini(), wb);
    const std::vector<FormIndicator> expected = form_indicators(mini(), read);
    const Engine engine(mini(), read.workbook);
    ASSERT_EQ(f.indicators.size(), mini().indicators.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const IndicatorFigures& got = f.indicators[i];
        EXPECT_EQ(got.id, mini().indicators[i].id);  // the catalogue's order
        EXPECT_EQ(got.status, expected[i].value.result.status()) << got.id;
        ASSERT_EQ(got.value.has_value(), expected[i].value.result.has_value()) << got.id;
        if (got.value) {
            EXPECT_EQ(*got.value, expected[i].value.result.value()) << got.id;
        }
        for (const OrganisationFigure& o : got.organisations) {
            const IndicatorResult r = engine.organisation(got.id, o.code);
            EXPECT_EQ(o.status, r.result.status()) << got.id << " " << o.code;
            if (o.value) {
                EXPECT_EQ(*o.value, r.result.value()) << got.id << " " << o.code;
            }
        }
    }
    EXPECT_EQ(f.catalogue_id, mini().info.id);
    EXPECT_EQ(f.catalogue_version, mini().info.version);
    EXPECT_EQ(f.municipality, "Тестовый район");
    EXPECT_EQ(f.region, "Тестовая область");
    EXPECT_EQ(f.period, "2024/2025 учебный год");
    EXPECT_EQ(f.responsible, "Иванова И. И.");
    EXPECT_EQ(f.email, "uo@example.ru");
    EXPECT_EQ(f.filled_on, "2025-09-25");  // the date serial 45925
}

TEST(Submission, EachValueComesWithItsSumsAndTheOrganisationsInThem) {
    const WorkbookSnapshot wb = with_indicators(form());
    const SubmissionFigures f = submission_figures(mini(), wb, explained(wb));
    // 1.1.1: Σ passed / Σ pupils over both schools, never a mean of percentages.
    const IndicatorFigures& share = of(f, "1.1.1");
    EXPECT_EQ(share.status, Result::Status::Value);
    EXPECT_DOUBLE_EQ(*share.value, 75);
    EXPECT_EQ(share.shown, "75,0");
    EXPECT_EQ(share.numerator, 60);
    EXPECT_EQ(share.denominator, 80);
    EXPECT_EQ(share.included, (std::vector<std::string>{"101", "102"}));
    EXPECT_TRUE(share.left_out.empty());
    ASSERT_EQ(share.organisations.size(), 2u);  // schools only, in the register's order
    EXPECT_EQ(share.organisations[0].code, "101");
    EXPECT_EQ(share.organisations[0].name, "Школа № 1");
    EXPECT_EQ(share.organisations[0].type, "school");
    EXPECT_EQ(share.organisations[0].type_short, "ОО");
    EXPECT_EQ(share.organisations[0].numerator, 30);
    EXPECT_EQ(share.organisations[0].denominator, 40);
    // 1.1.2 concerns the ШНОР only.
    const IndicatorFigures& shnor = of(f, "1.1.2");
    ASSERT_EQ(shnor.organisations.size(), 1u);
    EXPECT_EQ(shnor.organisations[0].code, "101");
    // 1.1.6 is the municipality's own row: no organisation.
    const IndicatorFigures& events = of(f, "1.1.6");
    EXPECT_TRUE(events.organisations.empty());
    EXPECT_EQ(events.value, 10);
    // A municipal flag: «да»/«нет», and the document of its evidence (npa_number).
    const IndicatorFigures& npa = of(f, "1.1.7");
    EXPECT_EQ(npa.value, 0);
    EXPECT_EQ(npa.shown, "нет");
    ASSERT_TRUE(npa.evidence);
    EXPECT_EQ(npa.evidence->document, "№ 1");
    EXPECT_EQ(npa.evidence->date, "");
    EXPECT_FALSE(of(f, "1.1.1").evidence);
    // A variant names its headline (none in this catalogue has one).
    EXPECT_EQ(share.variant_of, "");
}

TEST(Submission, MissingFiguresLeaveTheOrganisationOutAndSayWhich) {
    WorkbookSnapshot wb = form();
    const auto [r, c] = test::where("1.1", "102", "passed");
    put(sheet(wb, "1.1 Первое направление"), r, c, Cell::empty());
    wb = with_indicators(wb);
    const SubmissionFigures f = submission_figures(mini(), wb, explained(wb));
    const IndicatorFigures& share = of(f, "1.1.1");
    EXPECT_DOUBLE_EQ(*share.value, 75);  // 30 / 40 of school 101 alone
    EXPECT_EQ(share.included, (std::vector<std::string>{"101"}));
    EXPECT_EQ(share.left_out, (std::vector<std::string>{"102"}));
    EXPECT_EQ(share.numerator, 30);
    EXPECT_EQ(share.denominator, 40);
    const OrganisationFigure* missing = org(share, "102");
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->status, Result::Status::MissingData);
    EXPECT_FALSE(missing->value);
    EXPECT_FALSE(missing->reason.empty());
    EXPECT_EQ(missing->missing_fields, (std::vector<std::string>{"passed"}));
}

TEST(Submission, ATableTheFormCannotPassGivesItsErrorAndNoSums) {
    WorkbookSnapshot wb = with_indicators(form());
    wb.sheets.erase(std::find_if(wb.sheets.begin(), wb.sheets.end(),
                                 [](const SheetSnapshot& s) { return s.name == "1.2 Второе направление"; }));
    const SubmissionFigures f = submission_figures(mini(), wb, explained(wb));
    const IndicatorFigures& pupils = of(f, "1.2.1");
    EXPECT_EQ(pupils.status, Result::Status::Invalid);
    EXPECT_FALSE(pupils.value);
    EXPECT_EQ(pupils.reason, "в книге нет листа направления");
    EXPECT_EQ(pupils.shown, "#ССЫЛКА!");  // as Calc shows a reference to a missing sheet
    // The engine would give the schools' empty figures as missing data: not the form's value, so no sums.
    EXPECT_FALSE(pupils.numerator);
    EXPECT_FALSE(pupils.denominator);
    EXPECT_TRUE(pupils.included.empty());
    const auto rows = parse_csv(submission_csv(f).substr(3));
    const auto row = std::find_if(rows.begin(), rows.end(), [](const auto& x) { return x[0] == "1.2.1"; });
    ASSERT_NE(row, rows.end());
    EXPECT_EQ((*row)[5], "");
    EXPECT_EQ((*row)[6], "ошибка в данных");
    EXPECT_EQ((*row)[7], "в книге нет листа направления");
    // The other direction is as it was.
    EXPECT_EQ(of(f, "1.1.1").value, 75);
}

TEST(Submission, LastYearAsTypedTheDynamicsAsShownAndTheExplanations) {
    // 1.1.1 is 75 % against 60 % last year: a jump of 15 points, a warning.
    const WorkbookSnapshot wb =
        with_indicators(form(), {{"1.1.1", N(60)}, {"1.1.3", T("около 5")}, {"1.1.10", N(66.66)}});
    const ReportModel m = explained(wb, "Новая методика подготовки");
    ASSERT_GE(m.warnings, 1u);
    const SubmissionFigures f = submission_figures(mini(), wb, m);
    const IndicatorFigures& share = of(f, "1.1.1");
    EXPECT_EQ(std::get<double>(share.last_year), 60);
    EXPECT_EQ(share.dynamics, 15);
    EXPECT_EQ(std::get<std::string>(of(f, "1.1.3").last_year), "около 5");
    EXPECT_FALSE(of(f, "1.1.3").dynamics);
    // 66 − 66,66 = −0,66: one decimal, as the form's «Динамика» shows it.
    EXPECT_EQ(of(f, "1.1.10").dynamics, -0.7);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(of(f, "1.2.1").last_year));
    // 75 − 74,95 = 0,05 (the double 0,04999…): «0,1», as Calc shows it.
    EXPECT_EQ(submission_figures(mini(), with_indicators(form(), {{"1.1.1", N(74.95)}}), m).indicators[0].dynamics,
              0.1);
    EXPECT_TRUE(std::holds_alternative<std::monostate>(of(f, "1.1.7").last_year));  // a municipal yes/no has none

    // The warning is in the list with its place and explanation, and belongs to 1.1.1.
    const auto w = std::find_if(f.warnings.begin(), f.warnings.end(),
                                [](const SubmissionWarning& x) { return x.kind == "plausibility.dynamics"; });
    ASSERT_NE(w, f.warnings.end());
    EXPECT_EQ(w->sheet, kIndicatorsSheet);
    EXPECT_EQ(w->field, "1.1.1");
    EXPECT_FALSE(w->cell.empty());
    EXPECT_FALSE(w->message.empty());
    EXPECT_EQ(w->explanation, "Новая методика подготовки");
    const std::size_t index = static_cast<std::size_t>(w - f.warnings.begin());
    EXPECT_NE(std::find(share.warnings.begin(), share.warnings.end(), index), share.warnings.end());
    EXPECT_EQ(std::find(of(f, "1.2.1").warnings.begin(), of(f, "1.2.1").warnings.end(), index),
              of(f, "1.2.1").warnings.end());
    EXPECT_EQ(f.warnings_count, m.warnings);
    EXPECT_EQ(f.check_summary, m.summary);

    // The explanation reaches the JSON and the CSV's municipal row of 1.1.1.
    const std::string js = submission_json(f, {"2026-12-01T21:35:57+03:00", "0.1.0", "form.ods"});
    EXPECT_NE(js.find("Новая методика подготовки"), std::string::npos);
    const auto rows = parse_csv(submission_csv(f).substr(3));
    const auto row = std::find_if(rows.begin(), rows.end(), [](const auto& x) { return x[0] == "1.1.1"; });
    ASSERT_NE(row, rows.end());
    EXPECT_EQ((*row)[3], kMunicipalityCode);
    EXPECT_EQ((*row)[10], "60");
    EXPECT_EQ((*row)[11], "15");
    EXPECT_EQ((*row)[12], "Новая методика подготовки");
}

TEST(Submission, TheJsonHoldsNumbersAsNumbersAndIdsAsStrings) {
    const WorkbookSnapshot wb = with_indicators(form(), {{"1.1.1", N(70.5)}});
    const SubmissionFigures f = submission_figures(mini(), wb, explained(wb, "пояснение"));
    const std::string text = submission_json(f, {"2026-12-01T21:35:57+03:00", "0.1.0", "Тестовый — МСОКО.ods"});
    ASSERT_FALSE(text.empty());
    EXPECT_EQ(text.back(), '\n');
    const json::object root = json::parse(text).as_object();
    EXPECT_EQ(str(root.at("format")), "msoko-submission/1");
    EXPECT_EQ(str(root.at("prepared_at")), "2026-12-01T21:35:57+03:00");
    EXPECT_EQ(str(root.at("extension_version")), "0.1.0");
    EXPECT_EQ(str(root.at("form_file")), "Тестовый — МСОКО.ods");
    EXPECT_EQ(str(root.at("catalogue").at("id")), mini().info.id);
    EXPECT_EQ(str(root.at("municipality")), "Тестовый район");
    EXPECT_EQ(str(root.at("responsible").at("name")), "Иванова И. И.");
    EXPECT_EQ(root.at("check").at("ready").as_bool(), f.ready);
    const json::array& inds = root.at("indicators").as_array();
    ASSERT_EQ(inds.size(), f.indicators.size());
    for (std::size_t i = 0; i < inds.size(); ++i) {
        const json::object& o = inds[i].as_object();
        const IndicatorFigures& fi = f.indicators[i];
        EXPECT_TRUE(o.at("id").is_string());
        EXPECT_EQ(str(o.at("id")), fi.id);
        EXPECT_EQ(str(o.at("status")), status_key(fi.status));
        if (fi.value)
            EXPECT_EQ(json::value_to<double>(o.at("value")), *fi.value) << fi.id;  // not rounded
        else
            EXPECT_TRUE(o.at("value").is_null()) << fi.id;
        EXPECT_EQ(o.at("organisations").as_array().size(), fi.organisations.size());
    }
    const json::object& share = inds[0].as_object();
    EXPECT_TRUE(share.at("numerator").is_int64());  // a whole number as an integer
    EXPECT_EQ(share.at("numerator").as_int64(), 60);
    EXPECT_TRUE(share.at("last_year").is_double());
    EXPECT_EQ(share.at("last_year").as_double(), 70.5);
    EXPECT_EQ(json::value_to<double>(share.at("dynamics")), 4.5);
    EXPECT_EQ(str(share.at("organisations").at(0).at("code")), "101");
    // An id like «1.1.10» stays a string.
    EXPECT_EQ(str(inds[9].at("id")), "1.1.10");
}

TEST(Submission, TheCsvIsWhatRussianExcelOpens) {
    WorkbookSnapshot wb = form();
    // An organisation whose name a spreadsheet would take for a formula.
    put(sheet(wb, kRegisterSheet), 4, 1, T("=HYPERLINK(\"http://x\";\"y\")"));
    wb = with_indicators(wb, {{"1.1.1", N(80)}});
    const SubmissionFigures f = submission_figures(mini(), wb, explained(wb));
    const std::string csv = submission_csv(f);
    ASSERT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);  // the BOM
    EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
    // CRLF only: no bare LF line ends.
    for (std::size_t i = csv.find('\n'); i != std::string::npos; i = csv.find('\n', i + 1))
        EXPECT_EQ(csv[i - 1], '\r');
    const auto rows = parse_csv(csv.substr(3));
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0], (std::vector<std::string>{"Код показателя", "Показатель", "Единица", "Код организации",
                                                 "Организация", "Значение", "Статус", "Причина", "Числитель",
                                                 "Знаменатель", "Прошлый год", "Динамика", "Пояснение"}));
    std::size_t expected_rows = 1;
    for (const auto& i : f.indicators)
        expected_rows += 1 + i.organisations.size();
    EXPECT_EQ(rows.size(), expected_rows);
    for (const auto& r : rows)
        EXPECT_EQ(r.size(), 13u);
    // 1.1.1's rows: the municipality, then each school, decimal comma, no grouping.
    EXPECT_EQ(rows[1][0], "1.1.1");
    EXPECT_EQ(rows[1][4], "Тестовый район");
    EXPECT_EQ(rows[1][5], "75");
    EXPECT_EQ(rows[1][6], "значение");
    EXPECT_EQ(rows[1][8], "60");
    EXPECT_EQ(rows[1][9], "80");
    EXPECT_EQ(rows[1][11], "-5");  // a number: never neutralised
    EXPECT_EQ(rows[2][3], "101");
    EXPECT_EQ(rows[3][3], "102");
    EXPECT_EQ(rows[3][4], "'=HYPERLINK(\"http://x\";\"y\")");  // inert: a text, not a formula
    EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"http://x\"\";\"\"y\"\")\""), std::string::npos);
    // 1.1.5: a share of kindergartens, none with «да».
    const auto kids = std::find_if(rows.begin(), rows.end(), [](const auto& r) { return r[0] == "1.1.5"; });
    ASSERT_NE(kids, rows.end());
    EXPECT_EQ((*kids)[5], "0");  // no kindergarten with «да»
}

TEST(Submission, ACsvFieldIsQuotedAndNeutralisedAsNeeded) {
    EXPECT_EQ(csv_field("просто текст"), "просто текст");
    EXPECT_EQ(csv_field("а;б"), "\"а;б\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("две\nстроки"), "\"две\nстроки\"");
    for (const char* risky : {"=1+2", "+7 900", "-5", "@SUM(A1)", "\tx", "\rx"})
        EXPECT_EQ(csv_field(risky).find('\''), csv_field(risky)[0] == '"' ? 1u : 0u) << risky;
    EXPECT_EQ(csv_field("=1+2"), "'=1+2");
    EXPECT_EQ(csv_field("-5", true), "-5");
    EXPECT_EQ(csv_field("-0,7", true), "-0,7");
    EXPECT_EQ(csv_field("\rx"), "\"'\rx\"");
    EXPECT_EQ(csv_field(""), "");
}

TEST(Submission, AFractionKeepsEveryDigitOfTheDouble) {
    WorkbookSnapshot wb = form();
    const auto [r, c] = test::where("1.1", "101", "passed");
    put(sheet(wb, "1.1 Первое направление"), r, c, N(31));
    const auto [pr, pc] = test::where("1.1", "102", "pupils");
    put(sheet(wb, "1.1 Первое направление"), pr, pc, N(41));
    wb = with_indicators(wb);
    const SubmissionFigures f = submission_figures(mini(), wb, explained(wb));
    const double v = *of(f, "1.1.1").value;
    EXPECT_DOUBLE_EQ(v, 100.0 * 61 / 81);
    EXPECT_EQ(of(f, "1.1.1").shown, "75,3");
    // The CSV: a decimal comma and as many digits as give the double back.
    const auto rows = parse_csv(submission_csv(f).substr(3));
    std::string csv_value = rows[1][5];
    ASSERT_NE(csv_value.find(','), std::string::npos) << csv_value;
    std::replace(csv_value.begin(), csv_value.end(), ',', '.');
    std::istringstream in(csv_value);
    in.imbue(std::locale::classic());
    double back = 0;
    in >> back;
    EXPECT_EQ(back, v) << rows[1][5];
    const auto school =
        std::find_if(rows.begin(), rows.end(), [](const auto& x) { return x[0] == "1.1.1" && x[3] == "101"; });
    ASSERT_NE(school, rows.end());
    EXPECT_EQ((*school)[5], "77,5");  // 31 / 40
    // The JSON: the double itself.
    const json::value root = json::parse(submission_json(f, {}));
    EXPECT_EQ(json::value_to<double>(root.at("indicators").at(0).at("value")), v);
}

}  // namespace
}  // namespace msoko

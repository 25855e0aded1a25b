// SPDX-License-Identifier: MPL-2.0
// The check before submission on snapshots built here, without an office: a
// small form of the test catalogue, then one mistake at a time.
#include "validation_support.hpp"

#include <gtest/gtest.h>

namespace msoko {
namespace {

using test::checked;
using test::E;
using test::form;
using test::grid;
using test::layout_of;
using test::mini;
using test::N;
using test::put;
using test::sheet;
using test::T;
using test::where;
using test::with_rule;

TEST(Validation, AValidFormIsReady) {
    const ValidationReport r = checked(mini(), form());
    EXPECT_EQ(r.count(Severity::Error), 0u)
        << (r.findings.empty() ? "" : r.findings.front().rule + ": " + r.findings.front().message);
    EXPECT_TRUE(r.ready());
    EXPECT_NE(r.summary().find("форма готова к отправке"), std::string::npos);
    ASSERT_FALSE(r.completeness.empty());
    EXPECT_DOUBLE_EQ(r.completeness.front().percent(), 100.0);
}

TEST(Validation, NotAFormIsOneError) {
    WorkbookSnapshot foreign;
    foreign.sheets.push_back(grid("Лист1", 3, 3));
    const ValidationReport r = checked(mini(), foreign);
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].rule, "form.identity");
    EXPECT_FALSE(r.ready());
}

TEST(Validation, AnotherVersionIsOneError) {
    WorkbookSnapshot wb = form();
    put(sheet(wb, kPassportSheet), 14, 1, T("0.9"));
    put(sheet(wb, kRegisterSheet), 3, 0, T("101"));  // and nothing else is looked at
    const ValidationReport r = checked(mini(), wb);
    ASSERT_EQ(r.findings.size(), 1u);
    EXPECT_EQ(r.findings[0].rule, "form.version");
    EXPECT_NE(r.findings[0].message.find("0.9"), std::string::npos);
}

struct Mistake {
    const char* name;
    const char* direction;
    const char* code;
    const char* field;
    Cell value;
    const char* rule;
    const char* message;  // a piece of it
};
void PrintTo(const Mistake& m, std::ostream* os) {
    *os << m.name;
}

class ValidationFinds : public ::testing::TestWithParam<Mistake> {};

TEST_P(ValidationFinds, ItsCellAndRule) {
    const Mistake& m = GetParam();
    WorkbookSnapshot wb = form();
    const auto [row, col] = where(m.direction, m.code, m.field);
    put(sheet(wb, layout_of(m.direction).sheet), row, col, m.value);
    const ValidationReport r = checked(mini(), wb);
    const auto found = with_rule(r, m.rule);
    ASSERT_FALSE(found.empty()) << m.name << ": no " << m.rule
                                << "; first finding: " << (r.findings.empty() ? "none" : r.findings.front().message);
    const Finding& f = *found.front();
    EXPECT_EQ(f.severity, Severity::Error);
    EXPECT_EQ(f.sheet, layout_of(m.direction).sheet);
    EXPECT_EQ(f.row, static_cast<int>(row)) << m.name;
    EXPECT_EQ(f.col, static_cast<int>(col)) << m.name;
    EXPECT_EQ(f.organisation, m.code);
    EXPECT_NE(f.message.find(m.message), std::string::npos) << f.message;
}

INSTANTIATE_TEST_SUITE_P(
    OneAtATime, ValidationFinds,
    ::testing::Values(
        Mistake{"text in a count", "1.1", "101", "pupils", T("40 чел."), "type.count", "возможно, имелось в виду 40"},
        Mistake{"a decimal comma in a count", "1.1", "101", "honours", T("3,5"), "type.count", "имелось в виду 3,5"},
        Mistake{"a negative count", "1.1", "102", "honours", N(-1), "type.count", "отрицательное"},
        Mistake{"above the maximum", "1.1", "102", "pupils", N(6000), "type.count", "вне допустимого диапазона"},
        Mistake{"a required cell left empty", "1.1", "102", "passed", Cell::empty(), "required", "не заполнено"},
        Mistake{"an error value", "1.1", "101", "passed", Cell::error(), "type.error_value", "ошибка"},
        Mistake{"neither yes nor no", "1.1", "201", "fgos", T("может быть"), "type.yes_no", "«да» или «нет»"},
        Mistake{"a part above its whole", "1.1", "101", "passed", N(41), "1.1/part_whole", "больше"},
        Mistake{"parts that do not add up", "1.1", "102", "b90", N(11), "1.1/sum_equals", "не равно сумме"},
        Mistake{"the same figure differs", "1.2", "101", "pupils_again", N(39), "1.2/same_value", "не совпадает"}));

TEST(Validation, EvidenceForEveryYes) {
    WorkbookSnapshot wb = form();
    const auto [row, col] = where("1.1", "УО", "npa");
    put(sheet(wb, layout_of("1.1").sheet), row, col, T("да"));
    const auto [erow, ecol] = where("1.1", "УО", "npa_number");
    put(sheet(wb, layout_of("1.1").sheet), erow, ecol, Cell::empty());
    const ValidationReport report = checked(mini(), wb);
    const auto found = with_rule(report, "1.1/requires_evidence");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->field, "npa_number");
    EXPECT_EQ(found[0]->row, static_cast<int>(erow));
}

// Document dates: one after the period is an error; an earlier one, a document
// still in force, is accepted, with a note when older than five years before
// the period (which begins on 01.09.2024).
TEST(Validation, EvidenceDatesAgainstThePeriod) {
    std::string text = test::mini_text();
    const std::string field =
        R"({"id": "npa_number", "title": "Номер НПА", "type": "text", "unit": "", "org_types": ["municipality"], "filled_by": "УО", "required": false},)";
    const std::string evidence = R"("evidence": ["npa_number"])";
    ASSERT_NE(text.find(field), std::string::npos);
    ASSERT_NE(text.find(evidence), std::string::npos);
    text.replace(
        text.find(field), field.size(),
        field +
            R"({"id": "npa_date", "title": "Дата НПА", "type": "date", "unit": "", "org_types": ["municipality"], "filled_by": "УО", "required": false},)");
    text.replace(text.find(evidence), evidence.size(), R"("evidence": ["npa_number", "npa_date"])");
    const Catalogue c = parse_catalogue(text, "mini-with-date.json");
    const FormLayout layout = form_layout(c, {{"school", 2}, {"kindergarten", 1}});
    const DirectionSheet& ds = *layout.sheet_of("1.1");
    const auto row = static_cast<std::size_t>(ds.row_of("municipality", 0));
    const auto date_at = [&](Cell date) {
        WorkbookSnapshot wb = form(c);
        SheetSnapshot& s = sheet(wb, ds.sheet);
        put(s, row, static_cast<std::size_t>(ds.column_of("npa")), T("да"));
        put(s, row, static_cast<std::size_t>(ds.column_of("npa_date")), std::move(date));
        return checked(c, wb);
    };
    const auto kinds = [](const ValidationReport& r) {
        std::vector<std::string> out;
        for (const Finding* f : with_rule(r, "1.1/requires_evidence"))
            out.push_back(f->kind);
        return out;
    };
    using V = std::vector<std::string>;
    EXPECT_EQ(kinds(date_at(T("15.01.2025"))), V{}) << "within the period";
    EXPECT_EQ(kinds(date_at(T("20.08.2024"))), V{}) << "a plan approved in August, before the period";
    EXPECT_EQ(kinds(date_at(T("12.03.2020"))), V{}) << "a municipal act of 2020, still in force";
    EXPECT_EQ(kinds(date_at(T("12.03.2019"))), V{"rule.evidence_date_old"}) << "accepted, with a note";
    EXPECT_EQ(kinds(date_at(T("01.09.2019"))), V{}) << "exactly five years before";
    EXPECT_EQ(kinds(date_at(T("31.08.2019"))), V{"rule.evidence_date_old"});
    const ValidationReport after = date_at(T("01.09.2025"));
    EXPECT_EQ(kinds(after), V{"rule.evidence_date"});
    EXPECT_EQ(after.count(Severity::Error), 1u);
    const ValidationReport old = date_at(T("2010-05-17"));
    ASSERT_EQ(kinds(old), V{"rule.evidence_date_old"});
    EXPECT_EQ(old.count(Severity::Error), 0u);
    const Finding* note = with_rule(old, "1.1/requires_evidence")[0];
    EXPECT_EQ(note->severity, Severity::Info);
    EXPECT_EQ(note->value, "17.05.2010");
    EXPECT_EQ(note->message,
              "Муниципальный уровень, «Дата НПА»: документ от 17.05.2010 издан более чем за пять лет до начала "
              "отчётного периода (01.09.2024); убедитесь, что он действует.");
}

TEST(Validation, RegisterDuplicatesAndCounts) {
    WorkbookSnapshot wb = form();
    put(sheet(wb, kRegisterSheet), 4, 0, T("101"));  // 102 typed as 101
    put(sheet(wb, kPassportSheet), 11, 1, N(3));     // the passport announces 3 schools
    const ValidationReport r = checked(mini(), wb);
    EXPECT_EQ(with_rule(r, "register.duplicate_code").size(), 1u);
    EXPECT_EQ(with_rule(r, "register.count").size(), 1u);
    EXPECT_FALSE(with_rule(r, "register.unknown_code").empty()) << "102 on the direction sheets is not registered";
}

TEST(Validation, TheRegisterCountsATypeWrittenInAnotherCase) {
    // The type column read as the catalogue's short name (organisation_type_by_short):
    // «оо» and « ОО » are schools.
    WorkbookSnapshot wb = form();
    const auto type_col = static_cast<std::size_t>(form_layout(mini(), {}).register_column("type"));
    put(sheet(wb, kRegisterSheet), FormLayout::kRegisterFirstRow, type_col, T("оо"));
    put(sheet(wb, kRegisterSheet), FormLayout::kRegisterFirstRow + 1, type_col, T(" ОО "));
    EXPECT_TRUE(with_rule(checked(mini(), wb), "register.count").empty());
    put(sheet(wb, kRegisterSheet), FormLayout::kRegisterFirstRow + 1, type_col, T("ДОО"));
    EXPECT_EQ(with_rule(checked(mini(), wb), "register.count").size(), 2u)
        << "one school now, two announced; two kindergartens, one announced";
}

TEST(Validation, ThePassportIsReadByItsLabelsWhereverTheyAre) {
    // A row inserted above the items moves them: the check finds them by label.
    WorkbookSnapshot wb = form();
    SheetSnapshot& p = sheet(wb, kPassportSheet);
    SheetSnapshot moved = grid(kPassportSheet, p.rows + 1, p.cols);
    for (std::size_t r = 0; r < p.rows; ++r)
        for (std::size_t c = 0; c < p.cols; ++c)
            put(moved, r + 1, c, p.value(r, c));
    p = moved;
    EXPECT_TRUE(checked(mini(), wb).findings.empty());
    const FormLayout layout = form_layout(mini(), {});  // the item lives in the layout: kept while it is used
    const PassportItem& version = *layout.passport.item(kPassportCatalogueVersion);
    put(p, static_cast<std::size_t>(version.row) + 1, PassportLayout::kValueColumn, T("0.9"));
    EXPECT_EQ(with_rule(checked(mini(), wb), "form.version").size(), 1u);
}

TEST(Validation, AComputedCellOverwritten) {
    WorkbookSnapshot wb = form();
    const auto [row, col] = where("1.1", "101", "name");
    put(sheet(wb, layout_of("1.1").sheet), row, col, T("Школа"), "");  // the formula is gone
    const ValidationReport report = checked(mini(), wb);
    const auto found = with_rule(report, "form.formula_overwritten");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->col, static_cast<int>(col));
}

TEST(Validation, ALostColumnIsNamedWithoutFollowOnErrors) {
    WorkbookSnapshot wb = form();
    const auto [row, col] = where("1.1", "101", "honours");
    (void)row;
    put(sheet(wb, layout_of("1.1").sheet), DirectionSheet::kCodeRow, col, T("honors"));
    const ValidationReport r = checked(mini(), wb);
    ASSERT_EQ(with_rule(r, "structure.column").size(), 1u);
    EXPECT_EQ(with_rule(r, "structure.column").front()->field, "honours");
    EXPECT_EQ(with_rule(r, "structure.column_extra").size(), 1u);
    for (const auto& f : r.findings) {
        if (f.sheet == layout_of("1.1").sheet) {
            EXPECT_EQ(f.rule.rfind("structure.", 0), 0u) << f.rule << ": " << f.message;
        }
    }
}

TEST(Validation, AnAddedSheetIsAWarningAndAMovedOneIsNoted) {
    WorkbookSnapshot wb = form();
    wb.sheets.insert(wb.sheets.begin() + 2, grid("Черновик", 3, 3));
    std::swap(wb.sheets[0], wb.sheets[1]);  // «Организации» before «Паспорт»
    const ValidationReport r = checked(mini(), wb);
    const auto extra = with_rule(r, "structure.sheet_extra");
    ASSERT_EQ(extra.size(), 1u);
    EXPECT_EQ(extra[0]->severity, Severity::Warning);
    EXPECT_EQ(extra[0]->sheet, "Черновик");
    const auto order = with_rule(r, "structure.sheet_order");
    ASSERT_EQ(order.size(), 1u);
    EXPECT_EQ(order[0]->severity, Severity::Info);
    EXPECT_EQ(order[0]->sheet, kPassportSheet);
    EXPECT_EQ(r.count(Severity::Error), 0u) << "neither is an error: the data are read by sheet names";
}

TEST(Validation, ACopiedDirectionSheetIsExtraAndTheOriginalStaysInPlace) {
    WorkbookSnapshot wb = form();
    const std::string original = layout_of("1.1").sheet;
    SheetSnapshot copy = sheet(wb, original);
    copy.name = original + "_2";                    // Calc's name for a copy
    wb.sheets.insert(wb.sheets.begin() + 2, copy);  // before the original
    const ValidationReport r = checked(mini(), wb);
    const auto extra = with_rule(r, "structure.sheet_extra");
    ASSERT_EQ(extra.size(), 1u);
    EXPECT_EQ(extra[0]->sheet, original + "_2");
    EXPECT_TRUE(with_rule(r, "structure.sheet_order").empty());
    EXPECT_TRUE(with_rule(r, "structure.sheet_name").empty());
}

TEST(Validation, ARenamedDirectionSheetIsReadAndNamed) {
    WorkbookSnapshot wb = form();
    sheet(wb, layout_of("1.1").sheet).name = "1.1 Моё";
    const ValidationReport r = checked(mini(), wb);
    const auto renamed = with_rule(r, "structure.sheet_name");
    ASSERT_EQ(renamed.size(), 1u);
    EXPECT_EQ(renamed[0]->sheet, "1.1 Моё");
    EXPECT_TRUE(with_rule(r, "structure.sheet_extra").empty());
    EXPECT_TRUE(with_rule(r, "structure.sheet").empty());
    EXPECT_EQ(r.count(Severity::Error), 0u);
}

TEST(Validation, AVersionTypedAsANumberStillMatches) {
    Catalogue c = mini();
    c.info.version = "2021.1";
    WorkbookSnapshot wb = form();
    put(sheet(wb, kPassportSheet), 13, 1, T(c.info.id.c_str()));
    put(sheet(wb, kPassportSheet), 14, 1, N(2021.1));  // Calc read «2021.1» as a number
    const ValidationReport r = checked(c, wb);
    EXPECT_TRUE(with_rule(r, "form.version").empty()) << (r.findings.empty() ? "" : r.findings.front().message);
}

// «Показатели» as the form writes it: the value (E) and the dynamics (G) are
// formulas, last year's value (F) is typed; a municipal yes/no has neither F nor G.
SheetSnapshot& indicators_rows(WorkbookSnapshot& wb) {
    SheetSnapshot& s = sheet(wb, kIndicatorsSheet);
    s = grid(kIndicatorsSheet, 6, 10);
    const char* rows[][2] = {{"1.1.1", "%"}, {"1.1.3", "человек"}, {"1.1.7", "да/нет"}};
    for (std::size_t i = 0; i < 3; ++i) {
        const std::size_t r = FormLayout::kIndicatorsFirstRow + i;
        put(s, r, 0, T(rows[i][0]));
        put(s, r, 3, T(rows[i][1]));
        put(s, r, 4, N(50), "=MSOKO.INDICATOR(…)");
        if (i < 2) {
            put(s, r, 5, N(48));
            put(s, r, 6, N(2), "=MSOKO.DYNAMICS(…)");
        }
    }
    return s;
}

TEST(Validation, IndicatorsSheetAsWrittenHasNoFindings) {
    WorkbookSnapshot wb = form();
    indicators_rows(wb);
    const ValidationReport r = checked(mini(), wb);
    for (const auto& f : r.findings)
        EXPECT_NE(f.sheet, kIndicatorsSheet) << f.rule << ": " << f.message;
}

TEST(Validation, IndicatorsSheetValueTypedOverAndLastYearNotANumber) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& s = indicators_rows(wb);
    const std::size_t first = FormLayout::kIndicatorsFirstRow;
    put(s, first, 4, N(75));              // 1.1.1: the value typed over its formula
    put(s, first, 5, T("12,5 %"));        // 1.1.1: last year as text
    put(s, first + 1, 5, N(-3));          // 1.1.3: a negative count of people last year
    put(s, first + 2, 6, T("рост"), "");  // 1.1.7 (yes/no): nothing is computed there, nothing to check
    const ValidationReport r = checked(mini(), wb);
    const auto overwritten = with_rule(r, "form.formula_overwritten");
    ASSERT_EQ(overwritten.size(), 1u);
    EXPECT_EQ(overwritten[0]->row, static_cast<int>(first));
    EXPECT_EQ(overwritten[0]->col, 4);
    EXPECT_EQ(overwritten[0]->field, "1.1.1");
    const auto numbers = with_rule(r, "type.number");
    ASSERT_EQ(numbers.size(), 2u);
    EXPECT_EQ(numbers[0]->row, static_cast<int>(first));
    EXPECT_EQ(numbers[0]->col, 5);
    EXPECT_NE(numbers[0]->message.find("возможно, имелось в виду 12,5"), std::string::npos) << numbers[0]->message;
    EXPECT_EQ(numbers[1]->row, static_cast<int>(first + 1));
    EXPECT_NE(numbers[1]->message.find("вне допустимого диапазона"), std::string::npos) << numbers[1]->message;
}

// A frozen copy (its passport stamped) holds the values of «Показатели» where
// the form has formulas: that is what the copy is, not a value typed over.
TEST(Validation, AFrozenCopysIndicatorValuesAreNotTypedOver) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& s = indicators_rows(wb);
    const std::size_t first = FormLayout::kIndicatorsFirstRow;
    put(s, first, 4, N(50));  // 1.1.1: the formula's value, without the formula
    put(s, first, 6, N(2));
    EXPECT_EQ(with_rule(checked(mini(), wb), "form.formula_overwritten").size(), 2u);
    put(sheet(wb, kPassportSheet), 19, PassportLayout::kLabelColumn, T(PassportStamp::kHeading));
    const ValidationReport r = checked(mini(), wb);
    EXPECT_TRUE(r.frozen_copy);
    EXPECT_TRUE(with_rule(r, "form.formula_overwritten").empty());
    EXPECT_FALSE(checked(mini(), form()).frozen_copy);
}

TEST(Validation, AFormInItsOwnOrderHasNoSheetFindings) {
    const ValidationReport r = checked(mini(), form());
    EXPECT_TRUE(with_rule(r, "structure.sheet_extra").empty());
    EXPECT_TRUE(with_rule(r, "structure.sheet_order").empty());
}

struct Reading {
    const char* typed;
    const char* suggested;
};

// Issue 11.12: one cause, one finding. An emptied register leaves every row
// of every direction without its organisation: one finding names the cause.
TEST(Validation, AnEmptiedRegisterIsOneFindingNotOnePerRow) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& reg = sheet(wb, kRegisterSheet);
    for (std::size_t r = 3; r < reg.rows; ++r)
        for (std::size_t c = 0; c < reg.cols; ++c)
            put(reg, r, c, E());
    for (auto& s : wb.sheets)  // the code formulas now give empty cells, as Calc shows them
        if (s.name != kPassportSheet && s.name != kRegisterSheet && s.name != kIndicatorsSheet)
            for (std::size_t r = DirectionSheet::kCodeRow + 1; r < s.rows; ++r)
                if (s.is_formula(r, 0))
                    put(s, r, 0, E(), "=reg");
    const ValidationReport r = checked(mini(), wb);
    ASSERT_EQ(with_rule(r, "register.empty").size(), 1u);
    EXPECT_TRUE(with_rule(r, "register.row_without_code").empty());
    EXPECT_NE(with_rule(r, "register.empty")[0]->message.find("строк с данными"), std::string::npos);
}

// With organisations in the register, rows without a code are one finding per
// sheet, at the first such row, with their count.
TEST(Validation, RowsWithoutCodeAreCountedPerSheet) {
    WorkbookSnapshot wb = form();
    const std::size_t row = where("1.1", "101", "pupils").first;
    const std::size_t row2 = where("1.1", "102", "pupils").first;
    SheetSnapshot& s = sheet(wb, layout_of("1.1").sheet);
    put(s, row, 0, E(), "=reg");
    put(s, row2, 0, E(), "=reg");
    const ValidationReport r = checked(mini(), wb);
    const auto found = with_rule(r, "register.row_without_code");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->row, static_cast<int>(std::min(row, row2)));
    EXPECT_NE(found[0]->message.find("Таких строк на листе: 2"), std::string::npos) << found[0]->message;
}

// Issue 11.11: an error value in a computed cell is a finding at that cell —
// a code cell giving =1/0 is not «a row without a code» somewhere else.
TEST(Validation, AnErrorInAComputedCellIsAFindingAtThatCell) {
    WorkbookSnapshot wb = form();
    const std::size_t row = where("1.1", "101", "pupils").first;
    SheetSnapshot& s = sheet(wb, layout_of("1.1").sheet);
    put(s, row, 0, Cell::error(), "=1/0");
    put(s, row + 1, 1, Cell::error(), "=reg");  // the name of 102
    const ValidationReport r = checked(mini(), wb);
    const auto errors = with_rule(r, "type.error_value");
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0]->row, static_cast<int>(row));
    EXPECT_EQ(errors[0]->col, 0);
    EXPECT_EQ(errors[1]->row, static_cast<int>(row) + 1);
    EXPECT_EQ(errors[1]->col, 1);
    EXPECT_TRUE(with_rule(r, "register.row_without_code").empty());
}

// Issue 11.4: a mistake repeated over a huge table is listed 50 times, then
// counted in one closing finding; the summary counts them all.
TEST(Validation, ManyFindingsOfOneRuleAreCappedAndCounted) {
    // A direction sheet with 1000 more school rows, each with text in a count.
    WorkbookSnapshot wb = form();
    const DirectionSheet& ds = layout_of("1.1");
    SheetSnapshot& s = sheet(wb, ds.sheet);
    SheetSnapshot tall = grid(s.name, s.rows + 1000, s.cols);
    for (std::size_t r = 0; r < s.rows; ++r)
        for (std::size_t c = 0; c < s.cols; ++c)
            put(tall, r < static_cast<std::size_t>(ds.first_row()) ? r : r + 1000, c, s.value(r, c),
                s.is_formula(r, c) ? "=f" : "");
    const int pupils = ds.column_of("pupils");
    for (std::size_t i = 0; i < 1000; ++i) {
        const std::size_t r = static_cast<std::size_t>(ds.first_row()) + i;
        put(tall, r, 0, T(("9" + std::to_string(1000 + i)).c_str()), "=reg");
        put(tall, r, 2, T("ОО"), "=reg");
        put(tall, r, static_cast<std::size_t>(pupils), T("12 чел."));
    }
    s = tall;
    const ValidationReport r = checked(mini(), wb);
    std::size_t listed = 0, closing = 0, stands_for = 0;
    for (const auto& f : r.findings)
        if (f.sheet == ds.sheet && f.rule == "type.count") {
            ++(f.more ? closing : listed);
            stands_for += f.more;
        }
    EXPECT_EQ(listed, kMaxFindingsPerRule);
    EXPECT_EQ(closing, 1u);
    EXPECT_EQ(stands_for, 1000u - kMaxFindingsPerRule);
    EXPECT_GE(r.count(Severity::Error), 1000u) << "the summary counts every finding";
    const auto closer = std::find_if(r.findings.begin(), r.findings.end(),
                                     [](const Finding& f) { return f.more && f.rule == "type.count"; });
    ASSERT_NE(closer, r.findings.end());
    EXPECT_NE(closer->message.find("и ещё 950"), std::string::npos) << closer->message;
    // The closing finding follows the last one it continues.
    EXPECT_EQ(std::prev(closer)->rule, "type.count");
}

TEST(Validation, SheetsLeftUnmarkedAreInTheSummary) {
    ValidationReport r = checked(mini(), form());
    r.note_unmarked("5.1.1 Подготовка", 3, "5.1.1 Подготовка");
    EXPECT_NE(r.summary().find("защищённых паролем: «5.1.1 Подготовка»"), std::string::npos) << r.summary();
    ASSERT_EQ(with_rule(r, "report.unmarked").size(), 1u);
    EXPECT_NE(with_rule(r, "report.unmarked")[0]->message.find("3 проблемных ячеек"), std::string::npos);
    r.note_unmarked("1.2 Второе направление", 2, "1.1 Первое направление");
    ASSERT_EQ(with_rule(r, "report.unmarked").size(), 2u);
    EXPECT_EQ(with_rule(r, "report.unmarked")[1]->kind, "report.unmarked_styles");
    test::expect_kinds_kept(r);
}

// A kindergarten with children and no teachers: no children-per-teacher value
// of its own, yet its children count in the municipal sum — the check names it.
TEST(Validation, PeopleWithNoOneToCountThemByAreAWarning) {
    WorkbookSnapshot wb = form();
    const auto [row, col] = where("1.1", "201", "k_teachers");
    put(sheet(wb, layout_of("1.1").sheet), row, col, N(0));
    const ValidationReport r = checked(mini(), wb);
    const auto found = with_rule(r, "plausibility.zero_base");
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0]->severity, Severity::Warning);
    EXPECT_EQ(found[0]->row, static_cast<int>(row));
    EXPECT_EQ(found[0]->col, static_cast<int>(col));
    EXPECT_NE(found[0]->message.find("входят в муниципальную сумму"), std::string::npos);
}

TEST(SuggestedNumber, ReadsWhatWasMeant) {
    const Reading cases[] = {{"12 чел.", "12"}, {"1 2", "12"}, {"12,5", "12.5"}, {"-", ""},
                             {"около 7", "7"},  {"-3", "-3"},  {"нет", ""},      {"1 234,5 руб.", "1234.5"}};
    for (const auto& c : cases)
        EXPECT_EQ(suggested_number(c.typed), c.suggested) << c.typed;
}

}  // namespace
}  // namespace msoko

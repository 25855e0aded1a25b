// SPDX-License-Identifier: MPL-2.0
// The engine on a small catalogue: per organisation, for the municipality,
// and every way data can be missing, not applicable or invalid.
#include "msoko/engine.hpp"
#include "msoko/form_data.hpp"
#include "msoko/results.hpp"
#include "msoko/table.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace msoko {
namespace {

using test::mini;
using test::N;
using test::T;

// Three schools (one ШНОР, one half-filled, one without graduates), three
// kindergartens (one not filled) and the municipality's own row.
Workbook sample() {
    Workbook w;
    w.add({"101", "МБОУ «Ольховоборская СОШ»", "school", {"shnor"}});
    w.add({"102", "МБОУ «Кедровская СОШ»", "school", {}});
    w.add({"103", "МБОУ «Сосновская ООШ»", "school", {}});
    w.add({"104", "МБОУ «Озёрная НОШ»", "school", {}});
    w.add({"201", "МБДОУ «Солнышко»", "kindergarten", {}});
    w.add({"202", "МБДОУ «Ромашка»", "kindergarten", {}});
    w.add({"203", "МБДОУ «Теремок»", "kindergarten", {}});
    w.add({"УО", "Управление образования", "municipality", {}});
    const std::pair<const char*, std::vector<std::pair<const char*, Cell>>> rows[] = {
        {"101",
         {{"pupils", N(40)}, {"passed", N(38)}, {"honours", N(4)}, {"b70", N(10)}, {"b80", N(5)}, {"b90", N(2)}}},
        {"102",
         {{"pupils", N(60)}, {"passed", N(60)}, {"honours", N(6)}, {"b70", N(20)}, {"b80", N(10)}, {"b90", N(6)}}},
        {"103", {{"passed", N(10)}}},
        {"104", {{"pupils", N(0)}, {"passed", N(0)}, {"honours", N(0)}, {"b70", N(0)}, {"b80", N(0)}, {"b90", N(0)}}},
        {"201", {{"children", N(120)}, {"k_teachers", N(10)}, {"fgos", T("Да")}}},
        {"202", {{"children", N(80)}, {"k_teachers", N(10)}, {"fgos", T(" нет ")}}},
        {"УО", {{"events", N(12)}, {"npa", T("да")}}},
    };
    for (const auto& [code, values] : rows)
        for (const auto& [field, cell] : values)
            w.set(code, field, cell);
    return w;
}

constexpr auto V = Result::Status::Value;
constexpr auto NA = Result::Status::NotApplicable;
constexpr auto MISSING = Result::Status::MissingData;
constexpr auto BAD = Result::Status::Invalid;

struct OrgCase {
    const char* rule;
    const char* indicator;
    const char* code;  // nullptr: the municipality
    std::optional<double> threshold;
    Result::Status status;
    double value;
};

void PrintTo(const OrgCase& c, std::ostream* os) {
    *os << c.rule;
}

class EngineComputes : public ::testing::TestWithParam<OrgCase> {};

TEST_P(EngineComputes, AsTheMethodologySays) {
    const OrgCase& c = GetParam();
    const Catalogue cat = mini();
    const Workbook w = sample();
    const Engine e(cat, w);
    const IndicatorResult r =
        c.code ? e.organisation(c.indicator, c.code, c.threshold) : e.municipality(c.indicator, c.threshold);
    ASSERT_EQ(r.result.status(), c.status) << c.rule << ": " << r.result.reason();
    if (c.status == V) {
        EXPECT_NEAR(r.result.value(), c.value, 1e-12) << c.rule;
    } else {
        EXPECT_FALSE(r.result.reason().empty()) << c.rule;
    }
}

INSTANTIATE_TEST_SUITE_P(
    MiniCatalogue, EngineComputes,
    ::testing::Values(
        OrgCase{"ratio per school: 100 × 38 / 40", "1.1.1", "101", {}, V, 95.0},
        OrgCase{"ratio per school: all passed", "1.1.1", "102", {}, V, 100.0},
        OrgCase{"ratio with a missing denominator: missing data", "1.1.1", "103", {}, MISSING, 0},
        OrgCase{"ratio of 0 of 0: not applicable", "1.1.1", "104", {}, NA, 0},
        OrgCase{"a school indicator for a kindergarten: not applicable, not zero", "1.1.1", "201", {}, NA, 0},
        OrgCase{"municipal share = Σ numerators / Σ denominators = 98 / 100, not the mean 97.5",
                "1.1.1",
                nullptr,
                {},
                V,
                98.0},
        OrgCase{"ШНОР-only indicator for a ШНОР school", "1.1.2", "101", {}, V, 95.0},
        OrgCase{"ШНОР-only indicator for another school: not applicable", "1.1.2", "102", {}, NA, 0},
        OrgCase{"ШНОР-only municipal share counts ШНОР schools only", "1.1.2", nullptr, {}, V, 95.0},
        OrgCase{"count per school", "1.1.3", "101", {}, V, 4.0},
        OrgCase{"municipal count = Σ over schools that filled it", "1.1.3", nullptr, {}, V, 10.0},
        OrgCase{"per-teacher ratio (multiplier 1)", "1.1.4", "201", {}, V, 12.0},
        OrgCase{"municipal per-teacher ratio = Σ children / Σ teachers", "1.1.4", nullptr, {}, V, 10.0},
        OrgCase{"yes/no per kindergarten: «Да» is 1", "1.1.5", "201", {}, V, 1.0},
        OrgCase{"yes/no per kindergarten: « нет » is 0", "1.1.5", "202", {}, V, 0.0},
        OrgCase{"share of kindergartens answering «да» among those that answered", "1.1.5", nullptr, {}, V, 50.0},
        OrgCase{"unanswered kindergarten: missing data", "1.1.5", "203", {}, MISSING, 0},
        OrgCase{"municipal count from the municipality's row", "1.1.6", nullptr, {}, V, 12.0},
        OrgCase{"a municipal indicator for a school: not applicable", "1.1.6", "101", {}, NA, 0},
        OrgCase{"municipal flag «да»", "1.1.7", nullptr, {}, V, 1.0},
        OrgCase{"score band from the lowest band: 100 × (10+5+2) / 40", "1.1.8", "101", {}, V, 42.5},
        OrgCase{"score band from 80: 100 × (5+2) / 40", "1.1.8", "101", 80.0, V, 17.5},
        OrgCase{"score band from 90: 100 × 2 / 40", "1.1.8", "101", 90.0, V, 5.0},
        OrgCase{"a threshold that is not a band: invalid", "1.1.8", "101", 75.0, BAD, 0},
        OrgCase{"municipal score band = 100 × (17 + 36 + 0) / (40 + 60 + 0)", "1.1.8", nullptr, {}, V, 53.0},
        OrgCase{"municipal score band from 90 = 100 × 8 / 100", "1.1.8", nullptr, 90.0, V, 8.0},
        OrgCase{"a threshold for a plain ratio: invalid", "1.1.1", "101", 70.0, BAD, 0},
        OrgCase{"a duplicate indicator computes like its original", "1.1.9", nullptr, {}, V, 98.0},
        OrgCase{"sum of fields per school: 38 + 4", "1.1.10", "101", {}, V, 42.0},
        OrgCase{"an unknown indicator: invalid", "9.9.9", "101", {}, BAD, 0},
        OrgCase{"an unknown organisation: invalid", "1.1.1", "999", {}, BAD, 0}));

TEST(Engine, MunicipalShareReportsWhoIsLeftOut) {
    const Catalogue cat = mini();
    const Workbook w = sample();
    const IndicatorResult r = Engine(cat, w).municipality("1.1.1");
    ASSERT_TRUE(r.result.has_value());
    EXPECT_EQ(r.included, (std::vector<std::string>{"101", "102", "104"}));
    EXPECT_EQ(r.left_out, std::vector<std::string>{"103"});
    EXPECT_TRUE(r.invalid.empty());
}

TEST(Engine, ResultsCarryTheSumsTheyAreComputedFrom) {
    const Catalogue cat = mini();
    const Workbook w = sample();
    const Engine e(cat, w);
    // 1.1.1 passed / pupils: 38 + 60 + 0 of 40 + 60 + 0 (103 is left out).
    const IndicatorResult m = e.municipality("1.1.1");
    ASSERT_TRUE(m.numerator && m.denominator);
    EXPECT_DOUBLE_EQ(*m.numerator, 98);
    EXPECT_DOUBLE_EQ(*m.denominator, 100);
    const IndicatorResult one = e.organisation("1.1.1", "101");
    ASSERT_TRUE(one.numerator && one.denominator);
    EXPECT_DOUBLE_EQ(*one.numerator, 38);
    EXPECT_DOUBLE_EQ(*one.denominator, 40);
    // Without every figure there are no sums to show.
    const IndicatorResult missing = e.organisation("1.1.1", "103");
    EXPECT_FALSE(missing.numerator);
    EXPECT_FALSE(missing.denominator);
}

TEST(Engine, MissingDataNamesTheEmptyFields) {
    const Catalogue cat = mini();
    const Workbook w = sample();
    const IndicatorResult r = Engine(cat, w).organisation("1.1.8", "103");
    ASSERT_EQ(r.result.status(), MISSING);
    EXPECT_EQ(r.missing_fields, (std::vector<std::string>{"b70", "b80", "b90", "pupils"}));
}

struct BadValue {
    const char* rule;
    const char* code;
    const char* field;
    Cell value;
    const char* indicator;
    const char* reason;  // a piece of the cell-level reason
};

void PrintTo(const BadValue& c, std::ostream* os) {
    *os << c.rule;
}

class EngineRejects : public ::testing::TestWithParam<BadValue> {};

TEST_P(EngineRejects, PerOrganisationAndForTheMunicipality) {
    const BadValue& c = GetParam();
    const Catalogue cat = mini();
    Workbook w = sample();
    w.set(c.code, c.field, c.value);
    const Engine e(cat, w);
    const IndicatorResult org = e.organisation(c.indicator, c.code);
    ASSERT_EQ(org.result.status(), BAD) << c.rule << ": " << org.result.reason();
    EXPECT_NE(org.result.reason().find(c.reason), std::string::npos) << org.result.reason();
    EXPECT_NE(org.result.reason().find(std::string("организация ") + c.code), std::string::npos)
        << "the reason names the organisation: " << org.result.reason();
    const IndicatorResult mun = e.municipality(c.indicator);
    ASSERT_EQ(mun.result.status(), BAD) << c.rule << ": a wrong figure must not give a municipal value";
    EXPECT_EQ(mun.invalid, std::vector<std::string>{c.code});
}

INSTANTIATE_TEST_SUITE_P(
    Cells, EngineRejects,
    ::testing::Values(BadValue{"text in a count", "102", "pupils", T("шестьдесят"), "1.1.1", "текст вместо числа"},
                      BadValue{"a number typed as text", "102", "pupils", T("60"), "1.1.1", "текст вместо числа"},
                      BadValue{"a negative count", "102", "passed", N(-1), "1.1.1", "отрицательное количество"},
                      BadValue{"a fractional count", "102", "passed", N(59.5), "1.1.1", "дробное число"},
                      BadValue{"above the field's maximum", "102", "pupils", N(5001), "1.1.1",
                               "вне допустимого диапазона [0; 5000]"},
                      BadValue{"an error value", "102", "pupils", Cell::error(), "1.1.1", "ошибка"},
                      BadValue{"a part bigger than its whole", "102", "passed", N(61), "1.1.1", "больше целого"},
                      BadValue{"neither yes nor no", "202", "fgos", T("может быть"), "1.1.5", "«да» или «нет»"},
                      BadValue{"a yes/no number other than 1 or 0", "202", "fgos", N(2), "1.1.5", "«да» или «нет»"},
                      BadValue{"bands above the total", "101", "b70", N(100), "1.1.8", "больше целого"}));

TEST(Engine, NoMunicipalityRowIsMissingData) {
    const Catalogue cat = mini();
    Workbook w;
    w.add({"101", "Школа", "school", {}});
    const IndicatorResult r = Engine(cat, w).municipality("1.1.7");
    EXPECT_EQ(r.result.status(), MISSING);
}

TEST(Engine, NobodyFilledIsMissingData) {
    const Catalogue cat = mini();
    Workbook w;
    w.add({"101", "Школа", "school", {}});
    EXPECT_EQ(Engine(cat, w).municipality("1.1.1").result.status(), MISSING);
}

TEST(Engine, NoOrganisationInScopeIsNotApplicable) {
    const Catalogue cat = mini();
    Workbook w;
    w.add({"102", "Школа без признаков", "school", {}});
    w.set("102", "pupils", Cell::number(10));
    w.set("102", "passed", Cell::number(9));
    EXPECT_EQ(Engine(cat, w).municipality("1.1.2").result.status(), NA) << "1.1.2 is for ШНОР only";
}

TEST(FormData, AWrongStructureNamesTheFile) {
    try {
        parse_form_data(R"({"format": "msoko-form-data/1", "organisations": {}})", "data.json");
        FAIL() << "accepted";
    } catch (const CatalogueError& e) {
        EXPECT_EQ(e.file(), "data.json");
    }
}

TEST(Workbook, RefusesADuplicateCode) {
    Workbook w;
    EXPECT_TRUE(w.add({"101", "А", "school", {}}));
    EXPECT_FALSE(w.add({"101", "Б", "school", {}}));
    EXPECT_EQ(w.organisations().size(), 1u);
}

struct Reading {
    const char* rule;
    FieldType type;
    Cell cell;
    FieldValue::Status status;
    double value;
};

void PrintTo(const Reading& r, std::ostream* os) {
    *os << r.rule;
}

class ReadField : public ::testing::TestWithParam<Reading> {};

TEST_P(ReadField, ByType) {
    const Reading& r = GetParam();
    Field f;
    f.id = "f";
    f.type = r.type;
    const FieldValue v = read_field(f, r.cell);
    ASSERT_EQ(v.status, r.status) << r.rule << ": " << v.reason;
    if (r.status == FieldValue::Status::Value) {
        EXPECT_EQ(v.value, r.value) << r.rule;
    }
}

constexpr auto OK = FieldValue::Status::Value;
constexpr auto EMPTY = FieldValue::Status::Empty;
constexpr auto INVALID = FieldValue::Status::Invalid;

INSTANTIATE_TEST_SUITE_P(
    Types, ReadField,
    ::testing::Values(
        Reading{"empty is empty", FieldType::Count, Cell::empty(), EMPTY, 0},
        Reading{"a count", FieldType::Count, N(7), OK, 7}, Reading{"zero is a count", FieldType::Count, N(0), OK, 0},
        Reading{"a fraction is a number", FieldType::Number, N(2.5), OK, 2.5},
        Reading{"a negative number is allowed without min", FieldType::Number, N(-2), OK, -2},
        Reading{"infinity is not a number", FieldType::Number, N(INFINITY), INVALID, 0},
        Reading{"«ДА»", FieldType::YesNo, T("ДА"), OK, 1}, Reading{"«Нет»", FieldType::YesNo, T("Нет"), OK, 0},
        Reading{"«yes»", FieldType::YesNo, T("Yes"), OK, 1}, Reading{"1 as yes", FieldType::YesNo, N(1), OK, 1},
        Reading{"a blank answer is empty", FieldType::YesNo, T("  "), EMPTY, 0},
        Reading{"«данет» is not an answer", FieldType::YesNo, T("данет"), INVALID, 0},
        Reading{"a filled text field", FieldType::Text, T("№ 12"), OK, 1},
        Reading{"an error in a link field", FieldType::Link, Cell::error(), INVALID, 0}));

}  // namespace
}  // namespace msoko

namespace msoko {
namespace {

// Found by the fuzzer: sums beyond the largest double are invalid, never NaN.
TEST(Engine, SumsBeyondTheLargestNumberAreInvalid) {
    const Range typed(3, 4,
                      {Cell::text("c"), Cell::text("type"), Cell::text("children"), Cell::text("k_teachers"),
                       Cell::number(1), Cell::text("ДОО"), Cell::number(1e308), Cell::number(1e308), Cell::number(2),
                       Cell::text("ДОО"), Cell::number(1e308), Cell::number(1e308)});
    EXPECT_EQ(indicator_in_table(test::mini(), typed, "1.1.4", std::nullopt).status(), Result::Status::Invalid);
    EXPECT_DOUBLE_EQ(indicator_in_table(test::mini(), typed, "1.1.4", "1").value(), 1.0);
}

TEST(Dynamics, ADifferenceBeyondTheLargestNumberIsInvalid) {
    EXPECT_EQ(dynamics(Range::single(Cell::number(1e308)), Range::single(Cell::number(-1e308))).status(),
              Result::Status::Invalid);
}

}  // namespace
}  // namespace msoko

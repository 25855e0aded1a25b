// SPDX-License-Identifier: MPL-2.0
// The rule kinds sum_within, implies and covers_register and a rule's level:
// the loader reads each and rejects each mistake with its own message; the
// check finds a broken rule at the exact cell, naming fields and values.
#include "validation_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace msoko {
namespace {

using test::checked;
using test::form;
using test::layout_of;
using test::N;
using test::put;
using test::sheet;
using test::T;
using test::where;
using test::with_rule;

// The test catalogue with `rules` added to direction 1.1's (after its three:
// the first added one is /directions/0/rules/3).
std::string with_rules(const std::string& rules) {
    std::string text = test::mini_text();
    const std::string anchor = R"({"kind": "sum_equals", "parts": ["b70", "b80"], "total": "b90"})";
    const auto pos = text.find(anchor);
    if (pos == std::string::npos)
        throw std::runtime_error("the test catalogue lost its sum_equals rule");
    text.insert(pos + anchor.size(), ", " + rules);
    return text;
}

const char* const kSumWithin = R"({"kind": "sum_within", "parts": ["b70", "b80"], "whole": ["passed"]})";
const char* const kPartWithinSum =
    R"({"kind": "sum_within", "parts": ["honours"], "whole": ["b70", "b80"], "level": "warning"})";
const char* const kImplies =
    R"({"kind": "implies", "if": {"field": "npa", "is": "да"}, "then": {"field": "events", "above": 0}})";
const char* const kImpliesAcross =
    R"({"kind": "implies", "if": {"field": "pupils_again", "above": 35}, "then": {"field": "honours", "above": 0}})";
const char* const kCoversRegister = R"({"kind": "covers_register", "field": "events"})";
const char* const kCoversSchools = R"({"kind": "covers_register", "field": "events", "org_types": ["school"]})";
const char* const kCoversSum =
    R"({"kind": "covers_register", "field": "events", "sum_of": ["honours"], "level": "warning"})";

std::string all_new_rules() {
    return std::string(kSumWithin) + ", " + kPartWithinSum + ", " + kImplies + ", " + kImpliesAcross + ", " +
           kCoversRegister + ", " + kCoversSchools + ", " + kCoversSum;
}

const Catalogue& with_new_rules() {
    static const Catalogue c = parse_catalogue(with_rules(all_new_rules()), "mini-rules.json");
    return c;
}

TEST(RuleKinds, LoadsEachKindAndLevel) {
    const Catalogue& c = with_new_rules();
    ASSERT_GE(c.rules.size(), 10u);
    const Rule& within = c.rules[3];
    EXPECT_EQ(within.kind, Rule::Kind::SumWithin);
    EXPECT_EQ(within.parts, 2u);
    EXPECT_EQ(within.fields, (std::vector<std::string>{"b70", "b80", "passed"}));
    EXPECT_EQ(within.level, Rule::Level::Error);
    EXPECT_EQ(within.direction, "1.1");
    EXPECT_EQ(within.source, "/directions/0/rules/3");
    const Rule& part = c.rules[4];
    EXPECT_EQ(part.parts, 1u);
    EXPECT_EQ(part.level, Rule::Level::Warning);
    const Rule& implies = c.rules[5];
    EXPECT_EQ(implies.kind, Rule::Kind::Implies);
    EXPECT_EQ(implies.fields, (std::vector<std::string>{"npa", "events"}));
    ASSERT_EQ(implies.conditions.size(), 2u);
    EXPECT_EQ(implies.conditions[0].is, std::optional<bool>(true));
    EXPECT_FALSE(implies.conditions[0].above);
    EXPECT_EQ(implies.conditions[1].above, std::optional<double>(0));
    EXPECT_TRUE(implies.conditions[0].holds(1));
    EXPECT_FALSE(implies.conditions[0].holds(0));
    EXPECT_FALSE(implies.conditions[1].holds(0));
    EXPECT_TRUE(implies.conditions[1].holds(0.5));
    const Rule& covers = c.rules[7];
    EXPECT_EQ(covers.kind, Rule::Kind::CoversRegister);
    EXPECT_EQ(covers.fields, std::vector<std::string>{"events"});
    EXPECT_EQ(covers.org_types, (std::vector<std::string>{"school", "kindergarten"})) << "every type of the register";
    EXPECT_EQ(c.rules[8].org_types, std::vector<std::string>{"school"});
    const Rule& sum = c.rules[9];
    EXPECT_EQ(sum.fields, (std::vector<std::string>{"events", "honours"}));
    EXPECT_EQ(sum.org_types, std::vector<std::string>{"school"}) << "the types of the figures added up";
    EXPECT_EQ(sum.level, Rule::Level::Warning);
    EXPECT_STREQ(to_string(Rule::Kind::SumWithin), "sum_within");
    EXPECT_STREQ(to_string(Rule::Kind::Implies), "implies");
    EXPECT_STREQ(to_string(Rule::Kind::CoversRegister), "covers_register");
}

TEST(RuleKinds, AnyRuleMayBeAWarning) {
    const Catalogue c =
        parse_catalogue(with_rules(R"({"kind": "part_whole", "part": "b70", "whole": "pupils", "level": "warning"}, )"
                                   R"({"kind": "same_value", "fields": ["pupils", "pupils_again"], "level": "error"})"),
                        "mini.json");
    EXPECT_EQ(c.rules[3].level, Rule::Level::Warning);
    EXPECT_EQ(c.rules[4].level, Rule::Level::Error);
    EXPECT_EQ(c.rules[0].level, Rule::Level::Error) << "the default";
}

struct BadRule {
    const char* name;
    const char* rule;     // added to direction 1.1's rules, as /directions/0/rules/3
    const char* where;    // the JSON path the error must name
    const char* message;  // a piece of the message
};

void PrintTo(const BadRule& b, std::ostream* os) {
    *os << b.name;
}

class RuleKindsReject : public ::testing::TestWithParam<BadRule> {};

TEST_P(RuleKindsReject, NamingPlaceAndProblem) {
    const BadRule& b = GetParam();
    try {
        parse_catalogue(with_rules(b.rule), "mini.json");
        FAIL() << b.name << ": accepted";
    } catch (const CatalogueError& e) {
        EXPECT_EQ(e.file(), "mini.json");
        EXPECT_EQ(e.where(), b.where) << b.name << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find(b.message), std::string::npos) << b.name << ": " << e.what();
    }
}

#define RULE3 "/directions/0/rules/3"

INSTANTIATE_TEST_SUITE_P(
    EveryCheck, RuleKindsReject,
    ::testing::Values(
        // sum_within
        BadRule{"a member of another kind", R"({"kind": "sum_within", "parts": ["b70", "b80"], "total": "passed"})",
                RULE3 "/total", "unknown member 'total'"},
        BadRule{"parts as one string", R"({"kind": "sum_within", "parts": "b70", "whole": ["passed"]})", RULE3 "/parts",
                "must be an array"},
        BadRule{"a field id that is no string", R"({"kind": "sum_within", "parts": ["b70", 5], "whole": ["passed"]})",
                RULE3 "/parts/1", "must be a non-empty string"},
        BadRule{"no whole", R"({"kind": "sum_within", "parts": ["b70", "b80"], "whole": []})", RULE3 "/whole",
                "must not be empty"},
        BadRule{"one part within one whole", R"({"kind": "sum_within", "parts": ["b70"], "whole": ["passed"]})", RULE3,
                "is a part_whole rule"},
        BadRule{"a part among its own wholes",
                R"({"kind": "sum_within", "parts": ["b70", "passed"], "whole": ["passed"]})", RULE3 "/whole/0",
                "is a part among its own wholes"},
        BadRule{"a part twice", R"({"kind": "sum_within", "parts": ["b70", "b70"], "whole": ["passed"]})",
                RULE3 "/parts/1", "twice among the parts"},
        BadRule{"an unknown part", R"({"kind": "sum_within", "parts": ["b70", "b85"], "whole": ["passed"]})",
                RULE3 "/parts/1", "unknown field 'b85'"},
        BadRule{"a yes/no part", R"({"kind": "sum_within", "parts": ["b70", "fgos"], "whole": ["passed"]})",
                RULE3 "/parts/1", "needs count or number fields"},
        BadRule{"parts and whole of different organisations",
                R"({"kind": "sum_within", "parts": ["children", "k_teachers"], "whole": ["pupils"]})", RULE3,
                "no organisation type in common"},
        // level
        BadRule{"an unknown level", R"({"kind": "part_whole", "part": "b70", "whole": "pupils", "level": "info"})",
                RULE3 "/level", "unknown level 'info'; expected error or warning"},
        BadRule{"a level that is no string",
                R"({"kind": "part_whole", "part": "b70", "whole": "pupils", "level": true})", RULE3 "/level",
                "must be a string"},
        // implies
        BadRule{"no then", R"({"kind": "implies", "if": {"field": "npa", "is": "да"}})", RULE3 "/then",
                "required member is missing"},
        BadRule{"a condition that is no object",
                R"({"kind": "implies", "if": "npa", "then": {"field": "events", "above": 0}})", RULE3 "/if",
                "must be an object"},
        BadRule{
            "an unknown member of a condition",
            R"({"kind": "implies", "if": {"field": "npa", "equals": "да"}, "then": {"field": "events", "above": 0}})",
            RULE3 "/if/equals", "unknown member 'equals'"},
        BadRule{"a count without above",
                R"({"kind": "implies", "if": {"field": "events"}, "then": {"field": "npa", "is": "да"}})", RULE3 "/if",
                "an implies on a field that is not yes_no needs 'above'"},
        BadRule{"is on a count",
                R"({"kind": "implies", "if": {"field": "events", "is": "да"}, "then": {"field": "npa", "is": "да"}})",
                RULE3 "/if/is", "'is' needs a yes_no field"},
        BadRule{"a yes/no without is",
                R"({"kind": "implies", "if": {"field": "npa"}, "then": {"field": "events", "above": 0}})", RULE3 "/if",
                "an implies needs 'is'"},
        BadRule{"above on a yes/no",
                R"({"kind": "implies", "if": {"field": "events", "above": 0}, "then": {"field": "npa", "above": 0}})",
                RULE3 "/then/above", "is yes_no: say 'is'"},
        BadRule{"an answer other than да or нет",
                R"({"kind": "implies", "if": {"field": "npa", "is": "yes"}, "then": {"field": "events", "above": 0}})",
                RULE3 "/if/is", "expected «да» or «нет», not 'yes'"},
        BadRule{"an answer that is no string",
                R"({"kind": "implies", "if": {"field": "npa", "is": true}, "then": {"field": "events", "above": 0}})",
                RULE3 "/if/is", "must be a string"},
        BadRule{"a threshold that is no number",
                R"({"kind": "implies", "if": {"field": "npa", "is": "да"}, "then": {"field": "events", "above": "0"}})",
                RULE3 "/then/above", "must be a number"},
        BadRule{
            "is and above at once",
            R"({"kind": "implies", "if": {"field": "npa", "is": "да", "above": 0}, "then": {"field": "events", "above": 0}})",
            RULE3 "/if", "not both"},
        BadRule{"a field its own condition",
                R"({"kind": "implies", "if": {"field": "npa", "is": "да"}, "then": {"field": "npa", "is": "нет"}})",
                RULE3 "/then/field", "is its own condition"},
        BadRule{
            "a text field",
            R"({"kind": "implies", "if": {"field": "npa", "is": "да"}, "then": {"field": "npa_number", "is": "да"}})",
            RULE3 "/then/field", "needs a yes_no, count or number field"},
        BadRule{"an unknown field",
                R"({"kind": "implies", "if": {"field": "npa", "is": "да"}, "then": {"field": "event", "above": 0}})",
                RULE3 "/then/field", "unknown field 'event'"},
        BadRule{"fields of different organisations",
                R"({"kind": "implies", "if": {"field": "fgos", "is": "да"}, "then": {"field": "events", "above": 0}})",
                RULE3, "no organisation type in common"},
        // covers_register
        BadRule{"a field of organisations", R"({"kind": "covers_register", "field": "pupils"})", RULE3 "/field",
                "needs a field of the municipality alone"},
        BadRule{"a yes/no field", R"({"kind": "covers_register", "field": "npa"})", RULE3 "/field",
                "needs count or number fields"},
        BadRule{"a municipal figure summed", R"({"kind": "covers_register", "field": "events", "sum_of": ["events"]})",
                RULE3 "/sum_of/0", "filled by the municipality too"},
        BadRule{"a figure summed twice",
                R"({"kind": "covers_register", "field": "events", "sum_of": ["honours", "honours"]})",
                RULE3 "/sum_of/1", "twice in sum_of"},
        BadRule{"nothing summed", R"({"kind": "covers_register", "field": "events", "sum_of": []})", RULE3 "/sum_of",
                "must not be empty"},
        BadRule{"the municipal level counted",
                R"({"kind": "covers_register", "field": "events", "org_types": ["municipality"]})",
                RULE3 "/org_types/0", "not with the municipal level"},
        BadRule{"an unknown type counted",
                R"({"kind": "covers_register", "field": "events", "org_types": ["college"]})", RULE3 "/org_types/0",
                "unknown organisation type 'college'"},
        BadRule{"types counted and figures summed",
                R"({"kind": "covers_register", "field": "events", "sum_of": ["honours"], "org_types": ["school"]})",
                RULE3 "/org_types", "one or the other"},
        BadRule{"unknown rule names the new kinds", R"({"kind": "sum_below", "parts": ["b70"]})", RULE3 "/kind",
                "sum_within, implies or covers_register"}));

#undef RULE3

// The check: the test form is valid for every added rule; each mistake below
// breaks one of them, found at its cell with its fields and values named.

TEST(RuleKindsCheck, AValidFormBreaksNone) {
    const ValidationReport r = checked(with_new_rules(), form(with_new_rules()));
    for (const char* rule : {"1.1/sum_within", "1.1/implies", "1.1/covers_register"})
        EXPECT_TRUE(with_rule(r, rule).empty()) << rule << ": " << with_rule(r, rule).front()->message;
    EXPECT_TRUE(r.ready());
}

// The form with the figure of `code` for `field` (on its direction's sheet) set to `v`.
WorkbookSnapshot with(WorkbookSnapshot wb, const char* direction, const char* code, const char* field, Cell v) {
    const auto [row, col] = where(direction, code, field);
    put(sheet(wb, layout_of(direction).sheet), row, col, std::move(v));
    return wb;
}

// The one finding of `rule`, which must be at the cell of `code`'s `field`.
const Finding& found_at(const ValidationReport& r, const char* rule, const char* direction, const char* code,
                        const char* field) {
    const auto found = with_rule(r, rule);
    static const Finding none;
    EXPECT_EQ(found.size(), 1u) << rule;
    if (found.empty())
        return none;
    const Finding& f = *found.front();
    const auto [row, col] = where(direction, code, field);
    EXPECT_EQ(f.sheet, layout_of(direction).sheet);
    EXPECT_EQ(f.row, static_cast<int>(row)) << rule;
    EXPECT_EQ(f.col, static_cast<int>(col)) << rule;
    EXPECT_EQ(f.field, field);
    EXPECT_EQ(f.organisation, code);
    return f;
}

TEST(RuleKindsCheck, PartsAboveTheirWholeAtTheFirstPart) {
    const Catalogue& c = with_new_rules();
    const ValidationReport r = checked(c, with(form(c), "1.1", "101", "b70", N(30)));
    const Finding& f = found_at(r, "1.1/sum_within", "1.1", "101", "b70");
    EXPECT_EQ(f.severity, Severity::Error);
    EXPECT_EQ(f.kind, "rule.sum_within");
    EXPECT_EQ(f.id, "1.1/sum_within/b70");
    EXPECT_EQ(f.value, "30");
    EXPECT_EQ(f.message,
              "Организация 101: «Результат 70–79 баллов» (30) + «Результат 80–89 баллов» (5) = 35 — больше, чем "
              "«Получили аттестат» (30); по правилу каталога сумма частей не больше целого.");
}

TEST(RuleKindsCheck, APartAboveASumOfAWarningRuleIsAWarning) {
    const Catalogue& c = with_new_rules();
    const ValidationReport r = checked(c, with(form(c), "1.1", "102", "honours", N(11)));
    const Finding& f = found_at(r, "1.1/sum_within", "1.1", "102", "honours");
    EXPECT_EQ(f.severity, Severity::Warning);
    EXPECT_EQ(f.id, "1.1/sum_within/honours");
    EXPECT_NE(f.message.find("«Аттестат с отличием» (11) — больше, чем «Результат 70–79 баллов» (5) + «Результат "
                             "80–89 баллов» (5) = 10"),
              std::string::npos)
        << f.message;
    EXPECT_EQ(r.count(Severity::Error), 0u);
    EXPECT_TRUE(r.ready()) << "a warning does not keep the form from being sent";
}

TEST(RuleKindsCheck, AllFiguresOfASumWithinAreNeeded) {
    const Catalogue& c = with_new_rules();
    WorkbookSnapshot wb = with(form(c), "1.1", "101", "b70", N(30));
    const ValidationReport r = checked(c, with(wb, "1.1", "101", "passed", Cell::empty()));
    EXPECT_TRUE(with_rule(r, "1.1/sum_within").empty()) << "the empty whole is reported as required, not as a sum";
}

TEST(RuleKindsCheck, AYesThatRequiresAFigure) {
    const Catalogue& c = with_new_rules();
    WorkbookSnapshot wb = with(form(c), "1.1", "УО", "npa", T("да"));
    EXPECT_TRUE(with_rule(checked(c, wb), "1.1/implies").empty()) << "10 events: the rule holds";
    const ValidationReport r = checked(c, with(wb, "1.1", "УО", "events", N(0)));
    const Finding& f = found_at(r, "1.1/implies", "1.1", "УО", "events");
    EXPECT_EQ(f.kind, "rule.implies");
    EXPECT_EQ(f.severity, Severity::Error);
    EXPECT_EQ(f.message,
              "Муниципальный уровень: «Есть муниципальный НПА» — «да», поэтому «Муниципальных мероприятий» должно "
              "быть больше 0, а в ячейке 0.");
    const ValidationReport no = checked(c, with(form(c), "1.1", "УО", "events", N(0)));
    EXPECT_TRUE(with_rule(no, "1.1/implies").empty()) << "«нет»: nothing is implied";
}

TEST(RuleKindsCheck, AFigureAboveAThresholdOnAnotherSheet) {
    const Catalogue& c = with_new_rules();
    const ValidationReport r = checked(c, with(form(c), "1.1", "101", "honours", N(0)));
    const Finding& f = found_at(r, "1.1/implies", "1.1", "101", "honours");
    EXPECT_EQ(f.message,
              "Организация 101: «Выпускников (второй раз)» (лист «1.2 Второе направление») — 40 (больше 35), поэтому "
              "«Аттестат с отличием» должно быть больше 0, а в ячейке 0.");
    const ValidationReport below =
        checked(c, with(with(form(c), "1.1", "101", "honours", N(0)), "1.2", "101", "pupils_again", N(35)));
    EXPECT_TRUE(with_rule(below, "1.1/implies").empty()) << "35 is not above 35";
}

TEST(RuleKindsCheck, FewerHeadsThanOrganisations) {
    const Catalogue& c = with_new_rules();
    const ValidationReport r = checked(c, with(form(c), "1.1", "УО", "events", N(2)));
    std::vector<const Finding*> found;
    for (const Finding* f : with_rule(r, "1.1/covers_register"))
        if (f->kind == "rule.covers_register")  // not the sum of honours (6), also above 2
            found.push_back(f);
    ASSERT_EQ(found.size(), 1u) << "2 covers the 2 schools, not the 3 organisations";
    const Finding& f = *found.front();
    EXPECT_EQ(f.kind, "rule.covers_register");
    EXPECT_EQ(f.field, "events");
    EXPECT_EQ(f.organisation, "УО");
    EXPECT_EQ(f.id.rfind("1.1/covers_register/events/", 0), 0u) << f.id;
    EXPECT_EQ(f.message,
              "Муниципальный уровень: «Муниципальных мероприятий» (2) меньше числа организаций в реестре "
              "«Организации» (ОО, ДОО): 3.");
    const auto [row, col] = where("1.1", "УО", "events");
    EXPECT_EQ(f.row, static_cast<int>(row));
    EXPECT_EQ(f.col, static_cast<int>(col));
}

TEST(RuleKindsCheck, AMunicipalFigureBelowTheOrganisationsSum) {
    const Catalogue& c = with_new_rules();
    const ValidationReport r = checked(c, with(form(c), "1.1", "101", "honours", N(8)));
    const auto found = with_rule(r, "1.1/covers_register");
    ASSERT_EQ(found.size(), 1u);
    const Finding& f = *found.front();
    EXPECT_EQ(f.kind, "rule.covers_register_sum");
    EXPECT_EQ(f.severity, Severity::Warning);
    EXPECT_EQ(f.message,
              "Муниципальный уровень: «Муниципальных мероприятий» (10) меньше суммы «Аттестат с отличием» "
              "по организациям (11).");
    EXPECT_TRUE(r.ready());
}

TEST(RuleKindsCheck, TheSumIsOverTheOrganisationsOfTheRegister) {
    const Catalogue& c = with_new_rules();
    // School 103 is on the direction sheets but not in the register: its 3 honours are not added.
    WorkbookSnapshot wb = test::with_schools({"103"}, {30});
    const ValidationReport r = checked(c, with(wb, "1.1", "УО", "events", N(7)));
    EXPECT_FALSE(with_rule(r, "register.unknown_code").empty());
    for (const Finding* f : with_rule(r, "1.1/covers_register"))
        EXPECT_NE(f->kind, "rule.covers_register_sum") << f->message;
    const ValidationReport below = checked(c, with(wb, "1.1", "УО", "events", N(5)));
    bool found = false;
    for (const Finding* f : with_rule(below, "1.1/covers_register"))
        found = found || (f->kind == "rule.covers_register_sum" && f->message.find("(6)") != std::string::npos);
    EXPECT_TRUE(found) << "5 is below the register's 3 + 3 honours";
}

}  // namespace
}  // namespace msoko

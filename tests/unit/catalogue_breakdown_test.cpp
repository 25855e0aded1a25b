// SPDX-License-Identifier: MPL-2.0
// Indicator variants and breakdowns: the loader expands a headline's variants
// and a breakdown's members into ordinary indicators and fields, derives the
// rule that members add up to their total, rejects each inconsistency with its
// own message; the engine computes variants and members like any indicator.
#include "msoko/catalogue.hpp"
#include "msoko/engine.hpp"

#include "test_support.hpp"
#include "validation_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace msoko {
namespace {

using test::N;

// Schools and kindergartens; pupils and volunteers by level (members add up),
// teachers and the diagnosed by subject (they need not: a teacher of two subjects).
const char* const kText = R"({
  "format": "msoko-catalogue/1", "id": "bd", "version": "1", "title": "Разрезы", "source": "тест",
  "organisation_types": [
    {"id": "school", "title": "общеобразовательная организация", "short": "ОО"},
    {"id": "kindergarten", "title": "дошкольная образовательная организация", "short": "ДОО"},
    {"id": "municipality", "title": "муниципальный уровень", "short": "УО", "level": "municipality"}
  ],
  "flags": [],
  "dimensions": [
    {"id": "levels", "title": "Уровни образования", "members": [{"id": "noo", "title": "НОО"}, {"id": "ooo", "title": "ООО"}, {"id": "soo", "title": "СОО"}]},
    {"id": "subjects", "title": "Учебные предметы", "additive": false, "members": [{"id": "maths", "title": "математика"}, {"id": "russian", "title": "русский язык"}]}
  ],
  "directions": [
    {
      "id": "1.1", "group": "1. Тест", "title": "Направление", "source": "тест",
      "fields": [
        {"id": "pupils", "title": "Обучающихся", "type": "count", "unit": "человек", "org_types": ["school"], "filled_by": "ОО", "required": true, "min": 0, "max": 5000, "breakdown": "levels"},
        {"id": "volunteers", "title": "Волонтеров", "type": "count", "unit": "человек", "org_types": ["school"], "filled_by": "ОО", "required": true, "breakdown": "levels"},
        {"id": "graduates", "title": "Выпускников", "type": "count", "unit": "человек", "org_types": ["school"], "filled_by": "ОО", "required": true},
        {"id": "b70", "title": "70–79 баллов", "type": "count", "unit": "человек", "org_types": ["school"], "filled_by": "ОО", "required": true},
        {"id": "b80", "title": "80–89 баллов", "type": "count", "unit": "человек", "org_types": ["school"], "filled_by": "ОО", "required": true},
        {"id": "b90", "title": "90–100 баллов", "type": "count", "unit": "человек", "org_types": ["school"], "filled_by": "ОО", "required": true},
        {"id": "teachers", "title": "Педагогов", "type": "count", "unit": "человек", "org_types": ["school", "kindergarten"], "filled_by": "ОО", "required": true, "breakdown": {"dimension": "subjects", "org_types": ["school"]}},
        {"id": "diagnosed", "title": "Прошли диагностику", "type": "count", "unit": "человек", "org_types": ["school", "kindergarten"], "filled_by": "ОО", "required": true, "breakdown": {"dimension": "subjects", "org_types": ["school"]}},
        {"id": "trained", "title": "Прошли курсы", "type": "yes_no", "unit": "да/нет", "org_types": ["school"], "filled_by": "ОО", "required": true}
      ],
      "indicators": [
        {"id": "1.1.1", "title": "Доля волонтеров", "unit": "%", "org_types": ["school"], "compute": {"kind": "ratio", "numerator": ["volunteers"], "denominator": ["pupils"]}, "breakdown": "levels"},
        {"id": "1.1.2", "title": "Доля получивших от 70 баллов", "unit": "%", "org_types": ["school"], "compute": {"kind": "band_share", "bands": [{"from": 70, "field": "b70"}, {"from": 80, "field": "b80"}, {"from": 90, "field": "b90"}], "denominator": ["graduates"]},
         "variants": [{"id": "1.1.2.80", "label": "в т. ч. от 80 баллов", "from": 80}, {"id": "1.1.2.90", "label": "в т. ч. от 90 баллов", "title": "Доля получивших от 90 баллов", "from": 90}, {"id": "1.1.2.top", "label": "число получивших от 90 баллов", "unit": "человек", "compute": {"kind": "count", "field": "b90"}}]},
        {"id": "1.1.3", "title": "Доля прошедших диагностику", "unit": "%", "org_types": ["school", "kindergarten"], "compute": {"kind": "ratio", "numerator": ["diagnosed"], "denominator": ["teachers"]}, "breakdown": "subjects"},
        {"id": "1.1.4", "title": "Выпускников", "unit": "человек", "org_types": ["school"], "compute": {"kind": "count", "field": "graduates"}}
      ],
      "rules": [
        {"kind": "part_whole", "part": "b90", "whole": "graduates"}
      ]
    }
  ]
})";

Catalogue load(const std::string& text = kText) {
    return parse_catalogue(text, "bd.json");
}

std::vector<std::string> ids(const std::vector<Indicator>& v) {
    std::vector<std::string> out;
    for (const auto& i : v)
        out.push_back(i.id);
    return out;
}

TEST(CatalogueBreakdown, ExpandsVariantsAndMembersRightAfterTheirHeadline) {
    const Catalogue c = load();
    const std::vector<std::string> expected = {"1.1.1", "1.1.1.noo",   "1.1.1.ooo",     "1.1.1.soo",
                                               "1.1.2", "1.1.2.80",    "1.1.2.90",      "1.1.2.top",
                                               "1.1.3", "1.1.3.maths", "1.1.3.russian", "1.1.4"};
    EXPECT_EQ(ids(c.indicators), expected);
    EXPECT_EQ(c.directions[0].indicators, expected);
    const Indicator& v80 = *c.indicator("1.1.2.80");
    EXPECT_EQ(v80.variant_of, "1.1.2");
    EXPECT_TRUE(v80.is_variant());
    EXPECT_FALSE(c.indicator("1.1.2")->is_variant());
    EXPECT_EQ(v80.label, "в т. ч. от 80 баллов");
    EXPECT_EQ(v80.title, "Доля получивших от 70 баллов — в т. ч. от 80 баллов");
    EXPECT_EQ(c.indicator("1.1.2.90")->title, "Доля получивших от 90 баллов");
    EXPECT_EQ(v80.compute.kind, Computation::Kind::BandShare);
    EXPECT_EQ(*v80.compute.from, 80);
    EXPECT_FALSE(c.indicator("1.1.2")->compute.from);
    const Indicator& top = *c.indicator("1.1.2.top");
    EXPECT_EQ(top.compute.kind, Computation::Kind::Count);
    EXPECT_EQ(top.unit, "человек");
    ASSERT_EQ(c.variants("1.1.2").size(), 3u);
    EXPECT_EQ(c.variants("1.1.2")[2]->id, "1.1.2.top");
    EXPECT_TRUE(c.variants("1.1.2.80").empty());
    EXPECT_TRUE(c.variants("1.1.4").empty());

    const Indicator& noo = *c.indicator("1.1.1.noo");
    EXPECT_EQ(c.indicator("1.1.1")->breakdown, "levels");
    EXPECT_EQ(noo.variant_of, "1.1.1");
    EXPECT_EQ(noo.member, "noo");
    EXPECT_EQ(noo.label, "в т. ч. НОО");
    EXPECT_EQ(noo.title, "Доля волонтеров — НОО");
    EXPECT_EQ(noo.compute.numerator, std::vector<std::string>{"volunteers_noo"});
    EXPECT_EQ(noo.compute.denominator, std::vector<std::string>{"pupils_noo"});
    // Subjects are broken down for schools only: so are the subject variants.
    EXPECT_EQ(c.indicator("1.1.3")->org_types, (std::vector<std::string>{"school", "kindergarten"}));
    EXPECT_EQ(c.indicator("1.1.3.maths")->org_types, std::vector<std::string>{"school"});
    EXPECT_EQ(c.indicator("1.1.3.maths")->compute.numerator, std::vector<std::string>{"diagnosed_maths"});
}

TEST(CatalogueBreakdown, AddsMemberFieldsBesideTheirTotal) {
    const Catalogue c = load();
    const std::vector<std::string> expected = {"pupils",
                                               "pupils_noo",
                                               "pupils_ooo",
                                               "pupils_soo",
                                               "volunteers",
                                               "volunteers_noo",
                                               "volunteers_ooo",
                                               "volunteers_soo",
                                               "graduates",
                                               "b70",
                                               "b80",
                                               "b90",
                                               "teachers",
                                               "teachers_maths",
                                               "teachers_russian",
                                               "diagnosed",
                                               "diagnosed_maths",
                                               "diagnosed_russian",
                                               "trained"};
    EXPECT_EQ(c.directions[0].fields, expected);
    const Field& m = *c.field("pupils_ooo");
    EXPECT_EQ(m.breakdown_of, "pupils");
    EXPECT_EQ(m.member, "ooo");
    EXPECT_EQ(m.title, "Обучающихся — ООО");
    EXPECT_EQ(m.direction, "1.1");
    EXPECT_EQ(*m.max, 5000);
    EXPECT_TRUE(m.breakdown.empty());
    EXPECT_EQ(c.field("pupils")->breakdown, "levels");
    EXPECT_EQ(c.field("teachers_maths")->org_types, std::vector<std::string>{"school"});
    ASSERT_EQ(c.members("pupils").size(), 3u);
    EXPECT_EQ(c.members("pupils")[2]->id, "pupils_soo");
    EXPECT_TRUE(c.members("graduates").empty());
    ASSERT_TRUE(c.dimension("subjects"));
    EXPECT_FALSE(c.dimension("subjects")->additive);
    EXPECT_TRUE(c.dimension("levels")->additive);
    EXPECT_EQ(c.dimension("levels")->member("soo")->title, "СОО");
}

TEST(CatalogueBreakdown, DerivesMembersAddUpToTheTotalWithTheBreakdownsPath) {
    const Catalogue c = load();
    std::vector<const Rule*> sums, parts;
    for (const auto& r : c.rules)
        if (r.derived && r.kind == Rule::Kind::SumEquals)
            sums.push_back(&r);
        else if (r.derived && r.kind == Rule::Kind::PartWhole && r.source.find("/breakdown") != std::string::npos)
            parts.push_back(&r);
    ASSERT_EQ(sums.size(), 2u);
    EXPECT_EQ(sums[0]->fields, (std::vector<std::string>{"pupils_noo", "pupils_ooo", "pupils_soo", "pupils"}));
    EXPECT_EQ(sums[0]->source, "/directions/0/fields/0/breakdown");
    EXPECT_EQ(sums[1]->source, "/directions/0/fields/1/breakdown");
    EXPECT_EQ(sums[0]->direction, "1.1");
    // Subjects do not add up: each member is at most the total.
    ASSERT_EQ(parts.size(), 4u);
    EXPECT_EQ(parts[0]->fields, (std::vector<std::string>{"teachers_maths", "teachers"}));
    EXPECT_EQ(parts[0]->source, "/directions/0/fields/6/breakdown");
    // A member variant's single-field share gives its part ≤ whole as any share does.
    bool member_share = false;
    for (const auto& r : c.rules)
        member_share = member_share || (r.kind == Rule::Kind::PartWhole && r.fields[0] == "volunteers_noo" &&
                                        r.fields[1] == "pupils_noo");
    EXPECT_TRUE(member_share);
}

TEST(CatalogueBreakdown, AnExplicitSumOfTheMembersIsNotRepeated) {
    std::string text = kText;
    const std::string anchor = R"({"kind": "part_whole", "part": "b90", "whole": "graduates"})";
    text.replace(
        text.find(anchor), anchor.size(),
        anchor + R"(, {"kind": "sum_equals", "parts": ["pupils_soo", "pupils_noo", "pupils_ooo"], "total": "pupils"})");
    const Catalogue c = load(text);
    std::size_t sums = 0;
    for (const auto& r : c.rules)
        sums += r.kind == Rule::Kind::SumEquals && r.fields.back() == "pupils" ? 1 : 0;
    EXPECT_EQ(sums, 1u);
}

struct Broken {
    const char* name;
    const char* find;
    const char* replace;
    const char* where;
    const char* message;
};

void PrintTo(const Broken& b, std::ostream* os) {
    *os << b.name;
}

class BreakdownRejects : public ::testing::TestWithParam<Broken> {};

TEST_P(BreakdownRejects, NamingThePlaceAndTheProblem) {
    const Broken& b = GetParam();
    std::string text = kText;
    const auto pos = text.find(b.find);
    ASSERT_NE(pos, std::string::npos) << b.name << ": the test's anchor is not in the file";
    ASSERT_EQ(text.find(b.find, pos + 1), std::string::npos) << b.name << ": the anchor is not unique";
    text.replace(pos, std::string(b.find).size(), b.replace);
    try {
        load(text);
        FAIL() << b.name << ": accepted";
    } catch (const CatalogueError& e) {
        EXPECT_EQ(e.where(), b.where) << b.name << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find(b.message), std::string::npos) << b.name << ": " << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    EveryCheck, BreakdownRejects,
    ::testing::Values(
        Broken{"a field broken down by an unknown dimension", R"("required": true, "breakdown": "levels"},
        {"id": "graduates")",
               R"("required": true, "breakdown": "grades"},
        {"id": "graduates")",
               "/directions/0/fields/1/breakdown",
               "unknown dimension 'grades'; the catalogue's dimensions: levels, subjects"},
        Broken{"an object breakdown by an unknown dimension",
               R"("breakdown": {"dimension": "subjects", "org_types": ["school"]}},
        {"id": "diagnosed")",
               R"("breakdown": {"dimension": "subject", "org_types": ["school"]}},
        {"id": "diagnosed")",
               "/directions/0/fields/6/breakdown/dimension", "unknown dimension 'subject'"},
        Broken{"an indicator broken down by an unknown dimension",
               R"("denominator": ["pupils"]}, "breakdown": "levels")",
               R"("denominator": ["pupils"]}, "breakdown": "level")", "/directions/0/indicators/0/breakdown",
               "unknown dimension 'level'"},
        Broken{"an indicator none of whose fields is broken down", R"("field": "graduates"}})",
               R"("field": "graduates"}, "breakdown": "levels"})", "/directions/0/indicators/3/breakdown",
               "none of the fields of indicator 1.1.4 is broken down by 'levels'"},
        Broken{"an indicator broken down by another dimension than its fields",
               R"("denominator": ["teachers"]}, "breakdown": "subjects")",
               R"("denominator": ["teachers"]}, "breakdown": "levels")", "/directions/0/indicators/2/breakdown",
               "none of the fields of indicator 1.1.3 is broken down by 'levels'"},
        Broken{"a variant id not under its headline", R"({"id": "1.1.2.80", )", R"({"id": "1.1.3.80", )",
               "/directions/0/indicators/1/variants/0/id", "is not under its headline: expected '1.1.2.<suffix>'"},
        Broken{"a variant id with a bad suffix", R"({"id": "1.1.2.80", )", R"({"id": "1.1.2.", )",
               "/directions/0/indicators/1/variants/0/id", "is not under its headline"},
        Broken{"a variant id twice", R"({"id": "1.1.2.90", )", R"({"id": "1.1.2.80", )",
               "/directions/0/indicators/1/variants/1/id", "duplicate indicator id '1.1.2.80'"},
        Broken{"a variant without a label", R"("label": "в т. ч. от 80 баллов", )", "",
               "/directions/0/indicators/1/variants/0/label", "required member is missing"},
        Broken{"a variant's threshold that is no band", R"("label": "в т. ч. от 80 баллов", "from": 80)",
               R"("label": "в т. ч. от 80 баллов", "from": 85)", "/directions/0/indicators/1/variants/0/from",
               "has no band from 85; its bands are from 70, 80, 90"},
        Broken{"a threshold for a headline that is no band_share",
               R"("denominator": ["teachers"]}, "breakdown": "subjects")",
               R"("denominator": ["teachers"]}, "variants": [{"id": "1.1.3.x", "label": "x", "from": 80}])",
               "/directions/0/indicators/2/variants/0/from", "'from' needs a band_share headline; 1.1.3 is a ratio"},
        Broken{"a variant with neither threshold nor computation", R"(, "from": 80})", "}",
               "/directions/0/indicators/1/variants/0", "a variant needs 'from'"},
        Broken{"a variant with both threshold and computation", R"(, "from": 80})",
               R"(, "from": 80, "compute": {"kind": "count", "field": "b80"}})",
               "/directions/0/indicators/1/variants/0", "exclude each other"},
        Broken{"a variant computing from an unknown field", R"("field": "b90"}}]})", R"("field": "b99"}}]})",
               "/directions/0/indicators/1/variants/2/compute/field", "unknown field 'b99'"},
        Broken{"a variant with a misspelt member", R"("label": "в т. ч. от 80 баллов", )",
               R"("label": "в т. ч. от 80 баллов", "lable": "x", )", "/directions/0/indicators/1/variants/0/lable",
               "unknown member 'lable'"},
        Broken{"an empty list of variants", R"("field": "graduates"}})", R"("field": "graduates"}, "variants": []})",
               "/directions/0/indicators/3/variants", "must not be empty"},
        Broken{"duplicate members", R"({"id": "ooo", "title": "ООО"})", R"({"id": "noo", "title": "ООО"})",
               "/dimensions/0/members/1/id", "duplicate member 'noo' of dimension 'levels'"},
        Broken{"duplicate member titles", R"({"id": "ooo", "title": "ООО"})", R"({"id": "ooo", "title": "нОО"})",
               "/dimensions/0/members/1/title", "duplicate member title"},
        Broken{"a member id that cannot end a field id", R"({"id": "soo", "title": "СОО"})",
               R"({"id": "С", "title": "СОО"})", "/dimensions/0/members/2/id", "must be lower-case"},
        Broken{"duplicate dimensions", R"({"id": "subjects", "title": "Учебные предметы")",
               R"({"id": "levels", "title": "Учебные предметы")", "/dimensions/1/id",
               "duplicate dimension id 'levels'"},
        Broken{"a dimension of one member",
               R"("members": [{"id": "maths", "title": "математика"}, {"id": "russian", "title": "русский язык"}])",
               R"("members": [{"id": "maths", "title": "математика"}])", "/dimensions/1/members",
               "at least two members"},
        Broken{"a dimension's additive that is no boolean", R"("additive": false)", R"("additive": "нет")",
               "/dimensions/1/additive", "must be true or false"},
        Broken{
            "a yes/no field broken down",
            R"("unit": "да/нет", "org_types": ["school"], "filled_by": "ОО", "required": true})",
            R"("unit": "да/нет", "org_types": ["school"], "filled_by": "ОО", "required": true, "breakdown": "levels"})",
            "/directions/0/fields/8/breakdown", "only count and number fields can be broken down"},
        Broken{"a breakdown for a type the field lacks",
               R"("required": true, "breakdown": "levels"},
        {"id": "graduates")",
               R"("required": true, "breakdown": {"dimension": "levels", "org_types": ["kindergarten"]}},
        {"id": "graduates")",
               "/directions/0/fields/1/breakdown/org_types/0", "is not filled for it"},
        Broken{"a breakdown that is neither a name nor an object",
               R"("required": true, "breakdown": "levels"},
        {"id": "graduates")",
               R"("required": true, "breakdown": ["levels"]},
        {"id": "graduates")",
               "/directions/0/fields/1/breakdown", "must be a dimension id or an object"},
        Broken{"a field that is a member field of a breakdown", R"({"id": "graduates", )", R"({"id": "pupils_noo", )",
               "/directions/0/fields/2/id", "is a member field of the breakdown of 'pupils'"},
        Broken{
            "a member field with the id of an earlier field", R"({"id": "graduates", )",
            R"({"id": "teachers_maths", "title": "x", "type": "count", "unit": "", "org_types": ["school"], "filled_by": "ОО", "required": false}, {"id": "graduates", )",
            "/directions/0/fields/7/breakdown", "the member field 'teachers_maths' of the breakdown"},
        Broken{
            "a member variant with the id of an explicit variant",
            R"("denominator": ["pupils"]}, "breakdown": "levels")",
            R"("denominator": ["pupils"]}, "breakdown": "levels", "variants": [{"id": "1.1.1.noo", "label": "x", "compute": {"kind": "count", "field": "pupils"}}])",
            "/directions/0/indicators/0/breakdown", "has the id of another indicator"},
        Broken{"a headline position counts headlines only", R"({"id": "1.1.3", "title")",
               R"({"id": "1.1.2.1", "title")", "/directions/0/indicators/2/id", "must be '1.1.3'"}));

TEST(CatalogueBreakdown, CatalogueWithoutDimensionsLoadsAsBefore) {
    const Catalogue c = parse_catalogue(test::mini_text(), "mini.json");
    EXPECT_TRUE(c.dimensions.empty());
    for (const auto& ind : c.indicators)
        EXPECT_FALSE(ind.is_variant());
}

// --- the engine --------------------------------------------------------------------

Workbook data() {
    Workbook w;
    w.add({"101", "СОШ № 1", "school", {}});
    w.add({"102", "СОШ № 2", "school", {}});
    w.add({"201", "Детский сад", "kindergarten", {}});
    w.add({"УО", "Управление образования", "municipality", {}});
    const std::pair<const char*, std::vector<std::pair<const char*, Cell>>> rows[] = {
        {"101",
         {{"pupils", N(100)},
          {"pupils_noo", N(40)},
          {"pupils_ooo", N(40)},
          {"pupils_soo", N(20)},
          {"volunteers", N(30)},
          {"volunteers_noo", N(10)},
          {"volunteers_ooo", N(10)},
          {"volunteers_soo", N(10)},
          {"graduates", N(20)},
          {"b70", N(4)},
          {"b80", N(3)},
          {"b90", N(1)},
          {"teachers", N(30)},
          {"teachers_maths", N(5)},
          {"teachers_russian", N(4)},
          {"diagnosed", N(10)},
          {"diagnosed_maths", N(5)},
          {"diagnosed_russian", N(1)}}},
        {"102",
         {{"pupils", N(50)},
          {"pupils_noo", N(20)},
          {"pupils_ooo", N(30)},
          {"pupils_soo", N(0)},
          {"volunteers", N(5)},
          {"volunteers_noo", N(0)},
          {"volunteers_ooo", N(5)},
          {"volunteers_soo", N(0)},
          {"graduates", N(10)},
          {"b70", N(1)},
          {"b80", N(0)},
          {"b90", N(1)},
          {"teachers", N(20)},
          {"teachers_maths", N(3)},
          {"teachers_russian", N(4)},
          {"diagnosed", N(4)},
          {"diagnosed_maths", N(3)},
          {"diagnosed_russian", N(1)}}},
        {"201", {{"teachers", N(12)}, {"diagnosed", N(6)}}},
    };
    for (const auto& [code, values] : rows)
        for (const auto& [field, cell] : values)
            w.set(code, field, cell);
    return w;
}

TEST(EngineVariants, AThresholdVariantCountsFromItsThreshold) {
    const Catalogue c = load();
    const Workbook w = data();
    const Engine e(c, w);
    EXPECT_DOUBLE_EQ(e.organisation("1.1.2", "101").result.value(), 40.0);     // (4+3+1)/20
    EXPECT_DOUBLE_EQ(e.organisation("1.1.2.80", "101").result.value(), 20.0);  // (3+1)/20
    EXPECT_DOUBLE_EQ(e.organisation("1.1.2.90", "101").result.value(), 5.0);   // 1/20
    EXPECT_DOUBLE_EQ(e.municipality("1.1.2.80").result.value(), 100.0 * 5 / 30);
    EXPECT_DOUBLE_EQ(e.municipality("1.1.2.90").result.value(), 100.0 * 2 / 30);
    // An explicit threshold still wins, as for the headline.
    EXPECT_DOUBLE_EQ(e.organisation("1.1.2.80", "101", 70.0).result.value(), 40.0);
    EXPECT_DOUBLE_EQ(e.municipality("1.1.2.top").result.value(), 2.0);
    EXPECT_EQ(e.organisation("1.1.2.top", "201").result.status(), Result::Status::NotApplicable);
}

TEST(EngineVariants, AMemberOfABreakdownIsComputedFromItsMemberFields) {
    const Catalogue c = load();
    const Workbook w = data();
    const Engine e(c, w);
    EXPECT_DOUBLE_EQ(e.organisation("1.1.1", "101").result.value(), 30.0);
    EXPECT_DOUBLE_EQ(e.organisation("1.1.1.noo", "101").result.value(), 25.0);
    EXPECT_DOUBLE_EQ(e.organisation("1.1.1.soo", "101").result.value(), 50.0);
    EXPECT_EQ(e.organisation("1.1.1.soo", "102").result.status(), Result::Status::NotApplicable);  // 0 of 0
    EXPECT_DOUBLE_EQ(e.municipality("1.1.1.ooo").result.value(), 100.0 * 15 / 70);
    // Members of sums over the municipality: never a mean of the schools' shares.
    EXPECT_DOUBLE_EQ(e.municipality("1.1.1.noo").result.value(), 100.0 * 10 / 60);
    EXPECT_DOUBLE_EQ(e.organisation("1.1.3.maths", "101").result.value(), 100.0);
    EXPECT_DOUBLE_EQ(e.municipality("1.1.3.russian").result.value(), 25.0);
    EXPECT_DOUBLE_EQ(e.municipality("1.1.3").result.value(), 100.0 * 20 / 62);
    // Kindergartens have no subjects: the subject variants do not concern them.
    EXPECT_EQ(e.organisation("1.1.3.maths", "201").result.status(), Result::Status::NotApplicable);
    EXPECT_DOUBLE_EQ(e.organisation("1.1.3", "201").result.value(), 50.0);
}

TEST(EngineVariants, AMissingMemberFigureIsMissingForThatMemberOnly) {
    const Catalogue c = load();
    Workbook w = data();
    w.set("102", "volunteers_ooo", Cell());
    const Engine e(c, w);
    EXPECT_EQ(e.organisation("1.1.1.ooo", "102").result.status(), Result::Status::MissingData);
    EXPECT_DOUBLE_EQ(e.organisation("1.1.1.noo", "102").result.value(), 0.0);
    const auto m = e.municipality("1.1.1.ooo");
    EXPECT_EQ(m.left_out, std::vector<std::string>{"102"});
    EXPECT_DOUBLE_EQ(m.result.value(), 25.0);  // 10/40
}

// --- the check ------------------------------------------------------------------------

// The test form of this catalogue (every figure 10), the members of school
// 101 made to add up to its total: Σ members ≠ total in school 102 only, at
// its total's cell; a subject above the total at the subject's cell.
TEST(CheckBreakdowns, FindsMembersThatDoNotAddUpAtTheTotalsCell) {
    const Catalogue c = load();
    WorkbookSnapshot wb = test::form(c);
    const FormLayout layout = form_layout(c, {{"school", 2}, {"kindergarten", 1}});
    const DirectionSheet& ds = *layout.sheet_of("1.1");
    SheetSnapshot& s = test::sheet(wb, ds.sheet);
    const auto at = [&](std::size_t slot, const char* field) {
        return std::pair<std::size_t, std::size_t>{static_cast<std::size_t>(ds.row_of("school", slot)),
                                                   static_cast<std::size_t>(ds.column_of(field))};
    };
    for (std::size_t slot : {0u, 1u})
        for (const char* total : {"pupils", "volunteers"}) {
            const auto [r, col] = at(slot, total);
            test::put(s, r, col, N(30));  // 10 + 10 + 10
        }
    test::put(s, at(1, "pupils").first, at(1, "pupils").second, N(31));
    test::put(s, at(0, "teachers_maths").first, at(0, "teachers_maths").second, N(11));  // above its total 10
    const ValidationReport r = test::checked(c, wb);
    const auto sums = test::with_rule(r, "1.1/sum_equals");
    ASSERT_EQ(sums.size(), 1u);
    EXPECT_EQ(sums[0]->organisation, "102");
    EXPECT_EQ(sums[0]->field, "pupils");
    EXPECT_EQ(sums[0]->row, static_cast<int>(at(1, "pupils").first));
    EXPECT_EQ(sums[0]->col, static_cast<int>(at(1, "pupils").second));
    std::vector<std::string> parts;
    for (const Finding* f : test::with_rule(r, "1.1/part_whole"))
        parts.push_back(f->organisation + " " + f->field);
    EXPECT_EQ(parts, std::vector<std::string>{"101 teachers_maths"});
}

// --- the default catalogue -----------------------------------------------------------

TEST(DefaultCatalogueBreakdowns, ShowsEveryValueTheTitlesPromise) {
    const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    auto variant_ids = [&](const std::string& headline) {
        std::vector<std::string> out;
        for (const Indicator* v : c.variants(headline))
            out.push_back(v->id);
        return out;
    };
    // 5.1.1.9: from 70 (the headline), 80, 90, 100.
    EXPECT_EQ(variant_ids("5.1.1.9"), (std::vector<std::string>{"5.1.1.9.80", "5.1.1.9.90", "5.1.1.9.100"}));
    EXPECT_EQ(*c.indicator("5.1.1.9.100")->compute.from, 100);
    EXPECT_NE(c.indicator("5.1.1.9")->note.find("Профильная математика предметом по выбору не считается"),
              std::string::npos);
    // 5.1.1.16 by parallel, 5.2.2.1 by subject (schools), 5.2.3.3 and 5.2.3.4 by level.
    EXPECT_EQ(variant_ids("5.1.1.16").size(), 8u);
    EXPECT_EQ(variant_ids("5.1.1.16").front(), "5.1.1.16.g4");
    EXPECT_EQ(c.indicator("5.1.1.16.g9")->compute.numerator, std::vector<std::string>{"ap_success_g9"});
    EXPECT_EQ(variant_ids("5.2.2.1").size(), 7u);
    EXPECT_EQ(c.indicator("5.2.2.1.maths")->org_types, std::vector<std::string>{"school"});
    EXPECT_EQ(c.indicator("5.2.2.1.maths")->compute.denominator, std::vector<std::string>{"pd_ped_workers_maths"});
    EXPECT_EQ(variant_ids("5.2.3.3"), (std::vector<std::string>{"5.2.3.3.noo", "5.2.3.3.ooo", "5.2.3.3.soo"}));
    EXPECT_EQ(variant_ids("5.2.3.4").size(), 3u);
    EXPECT_EQ(c.indicator("5.2.3.4.soo")->compute.denominator, std::vector<std::string>{"vs_pupils_soo"});
    // The per-level figures keep their ids (their values migrate); their totals are new.
    for (const char* id : {"vs_pupils_noo", "vs_pupils_ooo", "vs_pupils_soo", "vs_volunteers_noo", "vs_volunteers_ooo",
                           "vs_volunteers_soo", "vs_prevention_noo", "vs_prevention_ooo", "vs_prevention_soo"})
        ASSERT_TRUE(c.field(id)) << id;
    EXPECT_EQ(c.field("vs_volunteers_ooo")->breakdown_of, "vs_volunteers");
    EXPECT_EQ(c.field("vs_volunteers")->direction, "5.2.3");
    // Every member figure is on its total's sheet and the form stays usable.
    for (const auto& d : c.directions)
        EXPECT_LE(d.fields.size(), 60u) << d.id;
}

}  // namespace
}  // namespace msoko

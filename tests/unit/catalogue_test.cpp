// SPDX-License-Identifier: MPL-2.0
// The catalogue loader: a consistent file loads completely; each kind of
// inconsistency is rejected with its own message, naming file and JSON path.
#include "msoko/catalogue.hpp"
#include "msoko/catalogue_doc.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <string>

namespace msoko {
namespace {

using test::mini_text;

TEST(Catalogue, LoadsEverythingOfAConsistentFile) {
    const Catalogue c = parse_catalogue(mini_text(), "mini.json");
    EXPECT_EQ(c.info.id, "mini");
    ASSERT_EQ(c.directions.size(), 2u);
    EXPECT_EQ(c.fields.size(), 14u);
    EXPECT_EQ(c.indicators.size(), 11u);
    EXPECT_EQ(c.directions[0].indicators.front(), "1.1.1");
    const Field* pupils = c.field("pupils");
    ASSERT_TRUE(pupils);
    EXPECT_EQ(pupils->direction, "1.1");
    EXPECT_EQ(pupils->type, FieldType::Count);
    EXPECT_EQ(*pupils->max, 5000);
    const Indicator* band = c.indicator("1.1.8");
    ASSERT_TRUE(band);
    EXPECT_EQ(band->compute.kind, Computation::Kind::BandShare);
    ASSERT_EQ(band->compute.bands.size(), 3u);
    EXPECT_EQ(band->compute.bands[1].from, 80);
    EXPECT_EQ(c.indicator("1.1.9")->duplicate_of, "1.1.1");
    EXPECT_EQ(c.indicator("1.1.2")->scope_flags, std::vector<std::string>{"shnor"});
    EXPECT_EQ(c.indicator("1.1.4")->compute.multiplier, 1.0);
}

TEST(Catalogue, LoadsSourcesRolesAndSupplementaryDirections) {
    const Catalogue c = parse_catalogue(mini_text(), "mini.json");
    ASSERT_EQ(c.sources.size(), 2u);
    EXPECT_EQ(c.sources[0].id, "gia");
    EXPECT_EQ(c.field("pupils")->source, "gia");
    EXPECT_EQ(c.source_title(*c.field("pupils")), "региональная база ГИА");
    EXPECT_EQ(c.field("passed")->source, "") << "a field's source is optional in the format";
    EXPECT_EQ(c.source_title(*c.field("passed")), "");
    EXPECT_EQ(c.indicator("1.1.1")->role, IndicatorRole::Result);
    EXPECT_EQ(c.indicator("1.1.1")->better, Better::Higher);
    EXPECT_EQ(c.indicator("1.1.2")->role, IndicatorRole::Unspecified);
    EXPECT_EQ(c.indicator("1.1.2")->better, Better::Unspecified);
    EXPECT_FALSE(c.direction("1.1")->supplementary);
    EXPECT_TRUE(c.direction("1.2")->supplementary);
    EXPECT_STREQ(title(Better::Lower), "ниже — лучше");
    EXPECT_STREQ(title(IndicatorRole::Context), "контекстный");
}

// docs/indicators.md: per indicator its group, which change is better and its
// note; per field its source; the list of sources; supplementary directions said.
TEST(Catalogue, TheIndicatorsDocShowsSourcesRolesAndNotes) {
    const std::string md = indicators_markdown(parse_catalogue(mini_text(), "mini.json"));
    EXPECT_NE(md.find("Источники данных (у каждого поля — один из них): региональная база ГИА (`gia`); документы УО"),
              std::string::npos);
    EXPECT_NE(md.find("| № | Показатель | Ед. | Для кого | Группа | Лучше | Как считается | Примечание |"),
              std::string::npos);
    EXPECT_NE(md.find("| 1.1.1 | Доля получивших аттестат | % | ОО | результативный | выше | "), std::string::npos);
    EXPECT_NE(md.find(" | повтор 1.1.1 для теста |\n"), std::string::npos) << "the note has its column";
    EXPECT_NE(md.find("| Код | Поле | Тип | Ед. | Диапазон | Обязательно | Заполняет | Источник |"), std::string::npos);
    EXPECT_NE(md.find("| `pupils` | Выпускников | count | человек | 0–5000 | да | ОО | региональная база ГИА |"),
              std::string::npos);
    const auto second = md.find("## 1.2. Второе направление");
    ASSERT_NE(second, std::string::npos);
    EXPECT_NE(md.find("*Дополнительное направление", second), std::string::npos);
    EXPECT_EQ(md.find("*Дополнительное направление"), md.find("*Дополнительное направление", second))
        << "only the supplementary direction says so";
}

TEST(Catalogue, LoadsACatalogueWithoutSources) {
    // Catalogues written before the list of sources (2021.1) still load.
    std::string text = mini_text();
    for (const char* piece :
         {", \"source\": \"gia\"", ", \"supplementary\": true", ", \"role\": \"result\", \"better\": \"higher\""}) {
        const auto pos = text.find(piece);
        ASSERT_NE(pos, std::string::npos) << piece;
        text.erase(pos, std::string(piece).size());
    }
    const auto from = text.find("  \"sources\"");
    ASSERT_NE(from, std::string::npos);
    text.erase(from, text.find('\n', from) - from + 1);
    const Catalogue c = parse_catalogue(text, "mini.json");
    EXPECT_TRUE(c.sources.empty());
    EXPECT_EQ(c.field("pupils")->source, "");
    EXPECT_EQ(c.indicator("1.1.1")->role, IndicatorRole::Unspecified);
    EXPECT_FALSE(c.direction("1.2")->supplementary);
}

TEST(Catalogue, DerivesPartWholeRulesFromSingleFieldShares) {
    const Catalogue c = parse_catalogue(mini_text(), "mini.json");
    std::vector<std::pair<std::string, std::string>> derived;
    for (const auto& r : c.rules)
        if (r.derived)
            derived.emplace_back(r.fields[0], r.fields[1]);
    // 1.1.1 gives passed ≤ pupils; 1.1.2 and the duplicate 1.1.9 repeat it;
    // 1.1.4 is a ratio per teacher (multiplier 1), not a share: no rule.
    ASSERT_EQ(derived.size(), 1u);
    EXPECT_EQ(derived[0], std::make_pair(std::string("passed"), std::string("pupils")));
    std::size_t explicit_rules = 0;
    for (const auto& r : c.rules)
        explicit_rules += r.derived ? 0 : 1;
    EXPECT_EQ(explicit_rules, 4u);
}

struct Broken {
    const char* name;
    const char* find;     // a unique piece of the valid file…
    const char* replace;  // …replaced to break it
    const char* where;    // the JSON path the error must name
    const char* message;  // a piece of the message
};

void PrintTo(const Broken& b, std::ostream* os) {
    *os << b.name;
}

class CatalogueRejects : public ::testing::TestWithParam<Broken> {};

TEST_P(CatalogueRejects, NamingFilePlaceAndProblem) {
    const Broken& b = GetParam();
    std::string text = mini_text();
    const auto pos = text.find(b.find);
    ASSERT_NE(pos, std::string::npos) << b.name << ": the test's anchor is not in the file";
    ASSERT_EQ(text.find(b.find, pos + 1), std::string::npos) << b.name << ": the anchor is not unique";
    text.replace(pos, std::string(b.find).size(), b.replace);
    try {
        parse_catalogue(text, "mini.json");
        FAIL() << b.name << ": accepted";
    } catch (const CatalogueError& e) {
        EXPECT_EQ(e.file(), "mini.json");
        EXPECT_EQ(e.where(), b.where) << b.name << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find(b.message), std::string::npos) << b.name << ": " << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    EveryCheck, CatalogueRejects,
    ::testing::Values(
        Broken{"syntax error names line and column", "\"id\": \"mini\",", "\"id\": \"mini\" ,,", "line 3 column 17",
               "not valid JSON"},
        Broken{"another format version", "msoko-catalogue/1", "msoko-catalogue/2", "/format", "is not supported"},
        Broken{"a misspelt member", "\"required\": false}", "\"required\": false, \"reqired\": true}",
               "/directions/0/fields/11/reqired", "unknown member 'reqired'"},
        Broken{"a required member missing", "\"title\": \"Число отличников\", ", "", "/directions/0/indicators/2/title",
               "required member is missing"},
        Broken{"unknown field in an indicator", "\"field\": \"honours\"", "\"field\": \"honors\"",
               "/directions/0/indicators/2/compute/field", "unknown field 'honors'"},
        Broken{"unknown field in a rule", "\"part\": \"honours\"", "\"part\": \"honors\"", "/directions/0/rules/0/part",
               "unknown field 'honors'"},
        Broken{"unknown field in a band", "\"field\": \"b80\"", "\"field\": \"b85\"",
               "/directions/0/indicators/7/compute/bands/1/field", "unknown field 'b85'"},
        Broken{"duplicate field id", "\"id\": \"pupils_again\"", "\"id\": \"pupils\"", "/directions/1/fields/0/id",
               "duplicate field id 'pupils'"},
        Broken{"duplicate direction id", "\"id\": \"1.2\", \"group\"", "\"id\": \"1.1\", \"group\"", "/directions/1/id",
               "duplicate direction id '1.1'"},
        Broken{"duplicate organisation type", "{\"id\": \"kindergarten\", \"title\"", "{\"id\": \"school\", \"title\"",
               "/organisation_types/1/id", "duplicate id 'school'"},
        Broken{"indicator ids out of order", "\"id\": \"1.1.3\"", "\"id\": \"1.1.30\"", "/directions/0/indicators/2/id",
               "must be '1.1.3'"},
        Broken{"indicator of another direction", "\"id\": \"1.2.1\"", "\"id\": \"1.1.11\"",
               "/directions/1/indicators/0/id", "must be '1.2.1'"},
        Broken{"ratio across organisation types", "\"denominator\": [\"k_teachers\"]", "\"denominator\": [\"pupils\"]",
               "/directions/0/indicators/3/compute/numerator/0", "must belong to the same organisation types"},
        Broken{"indicator for a type its fields lack",
               "\"title\": \"Число отличников\", \"unit\": \"человек\", \"org_types\": [\"school\"]",
               "\"title\": \"Число отличников\", \"unit\": \"человек\", \"org_types\": [\"school\", \"kindergarten\"]",
               "/directions/0/indicators/2/org_types/1", "is not filled for it"},
        Broken{"a share of organisations over a count", "\"kind\": \"organisation_share\", \"field\": \"fgos\"",
               "\"kind\": \"organisation_share\", \"field\": \"children\"", "/directions/0/indicators/4/compute/field",
               "needs a yes_no field"},
        Broken{"a ratio of yes/no answers", "\"numerator\": [\"children\"]", "\"numerator\": [\"fgos\"]",
               "/directions/0/indicators/3/compute/numerator/0", "needs count or number fields"},
        Broken{"evidence for a non-flag", "\"flag\": \"npa\"", "\"flag\": \"events\"", "/directions/0/rules/1/flag",
               "needs a yes_no flag"},
        Broken{"a number as evidence", "\"evidence\": [\"npa_number\"]", "\"evidence\": [\"events\"]",
               "/directions/0/rules/1/evidence/0", "must be text, date or link"},
        Broken{"unknown organisation type",
               "\"org_types\": [\"municipality\"], \"filled_by\": \"УО\", \"required\": false",
               "\"org_types\": [\"municipalty\"], \"filled_by\": \"УО\", \"required\": false",
               "/directions/0/fields/11/org_types/0", "unknown organisation type 'municipalty'"},
        Broken{"unknown flag", "\"scope_flags\": [\"shnor\"]", "\"scope_flags\": [\"shfnsu\"]",
               "/directions/0/indicators/1/scope_flags/0", "unknown flag 'shfnsu'"},
        Broken{"unknown field type", "\"type\": \"number\"", "\"type\": \"decimal\"", "/directions/0/fields/12/type",
               "unknown field type 'decimal'"},
        Broken{"unknown computation", "\"kind\": \"sum\"", "\"kind\": \"total\"",
               "/directions/0/indicators/9/compute/kind", "unknown computation 'total'"},
        Broken{"unknown rule", "\"kind\": \"same_value\"", "\"kind\": \"equal\"", "/directions/1/rules/0/kind",
               "unknown rule 'equal'"},
        Broken{"min above max", "\"min\": 0, \"max\": 40", "\"min\": 50, \"max\": 40", "/directions/0/fields/12/min",
               "min is greater than max"},
        Broken{"a range on a yes/no field", "\"unit\": \"да/нет\", \"org_types\": [\"kindergarten\"]",
               "\"unit\": \"да/нет\", \"min\": 0, \"org_types\": [\"kindergarten\"]", "/directions/0/fields/8/min",
               "only to count and number"},
        Broken{"a field id with capitals", "\"id\": \"share_hours\"", "\"id\": \"ShareHours\"",
               "/directions/0/fields/12/id", "must be lower-case"},
        Broken{"a reserved field id", "\"id\": \"share_hours\"", "\"id\": \"type\"", "/directions/0/fields/12/id",
               "is reserved"},
        Broken{"a municipal count that also counts organisations",
               "\"org_types\": [\"municipality\"], \"compute\": {\"kind\": \"count\"",
               "\"org_types\": [\"municipality\", \"school\"], \"compute\": {\"kind\": \"count\"",
               "/directions/0/indicators/5/org_types", "either the municipality or organisations"},
        Broken{"bands out of order", "{\"from\": 80, ", "{\"from\": 65, ",
               "/directions/0/indicators/7/compute/bands/1/from", "ascending"},
        Broken{"unknown duplicate target", "\"duplicate_of\": \"1.1.1\"", "\"duplicate_of\": \"1.1.99\"",
               "/directions/0/indicators/8/duplicate_of", "unknown indicator '1.1.99'"},
        Broken{"a cycle of duplicates", "\"title\": \"Доля получивших аттестат\", ",
               "\"title\": \"Доля получивших аттестат\", \"duplicate_of\": \"1.1.9\", ",
               "/directions/0/indicators/0/duplicate_of", "cycle of duplicates: 1.1.1 → 1.1.9 → 1.1.1"},
        Broken{"a total among its own parts", "\"parts\": [\"b70\", \"b80\"]", "\"parts\": [\"b70\", \"b90\"]",
               "/directions/0/rules/2/parts/1", "is among its own parts"},
        Broken{"a cycle of totals", "{\"kind\": \"sum_equals\", \"parts\": [\"b70\", \"b80\"], \"total\": \"b90\"}",
               "{\"kind\": \"sum_equals\", \"parts\": [\"b70\", \"b80\"], \"total\": \"b90\"}, "
               "{\"kind\": \"sum_equals\", \"parts\": [\"b90\", \"honours\"], \"total\": \"b70\"}",
               "/directions/0/rules/2", "cycle of sum_equals totals: b70 → b90 → b70"},
        Broken{"a same_value of one field", "\"fields\": [\"pupils\", \"pupils_again\"]", "\"fields\": [\"pupils\"]",
               "/directions/1/rules/0/fields", "at least two fields"},
        Broken{"unknown source of a field", "\"source\": \"gia\"}", "\"source\": \"fis\"}",
               "/directions/0/fields/0/source", "unknown source 'fis'"},
        Broken{"duplicate source id", "{\"id\": \"uo_docs\"", "{\"id\": \"gia\"", "/sources/1/id",
               "duplicate source id 'gia'"},
        Broken{"a source without title", "\"title\": \"документы УО\"", "\"title\": \"\"", "/sources/1/title",
               "must not be empty"},
        Broken{"a misspelt member of a source", "\"title\": \"документы УО\"}",
               "\"title\": \"документы УО\", \"short\": \"УО\"}", "/sources/1/short", "unknown member 'short'"},
        Broken{"unknown role", "\"role\": \"result\"", "\"role\": \"outcome\"", "/directions/0/indicators/0/role",
               "unknown role 'outcome'; expected result, context or process"},
        Broken{"unknown direction of better", "\"better\": \"higher\"", "\"better\": \"up\"",
               "/directions/0/indicators/0/better",
               "unknown direction of better 'up'; expected higher, lower or neither"},
        Broken{"supplementary not a boolean", "\"supplementary\": true", "\"supplementary\": \"да\"",
               "/directions/1/supplementary", "must be true or false"},
        Broken{"a direction without indicators",
               "{\"id\": \"1.2.1\", \"title\": \"Выпускников\", \"unit\": \"человек\", \"org_types\": [\"school\"], "
               "\"compute\": {\"kind\": \"count\", \"field\": \"pupils_again\"}}",
               "", "/directions/1/indicators", "at least one indicator"}));

TEST(Catalogue, LoadsSumsWhosePartsSortAfterTheirTotal) {
    // A regression: walking the sum graph must not change it while iterating.
    std::string text = mini_text();
    const std::string anchor = "{\"kind\": \"sum_equals\", \"parts\": [\"b70\", \"b80\"], \"total\": \"b90\"}";
    const auto pos = text.find(anchor);
    ASSERT_NE(pos, std::string::npos);
    text.insert(pos + anchor.size(),
                ", {\"kind\": \"sum_equals\", \"parts\": [\"passed\", \"pupils\"], \"total\": \"b70\"}");
    const Catalogue c = parse_catalogue(text, "mini.json");
    EXPECT_EQ(c.rules.size(), 6u);
}

TEST(Catalogue, ReadMissingFileNamesIt) {
    EXPECT_THROW(read_catalogue("/nonexistent/catalogue.json"), CatalogueError);
}

}  // namespace
}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
// Direction tables as the cell functions receive them: fields found by code,
// organisations by the first column, reserved type/flags/name columns.
#include "msoko/table.hpp"
#include "msoko/engine.hpp"
#include "msoko/text.hpp"

#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace msoko {
namespace {

using test::E;
using test::mini;
using test::N;
using test::T;

// Columns in another order than the catalogue's, an extra notes column and a blank row.
Range schools() {
    return Range(5, 5, {T("Код"),    T("passed"), T("примечание"),
                        T("pupils"), T("flags"),  //
                        N(101),      N(38),       T("ok"),
                        N(40),       T("ШНОР"),  //
                        T("102"),    N(60),       E(),
                        N(60),       E(),  //
                        E(),         E(),         E(),
                        E(),         E(),  //
                        T("103 "),   N(10),       E(),
                        E(),         E()});
}

TEST(Table, FindsFieldsByCodeAndOrganisationsByFirstColumn) {
    auto read = read_table(mini(), schools());
    ASSERT_TRUE(std::holds_alternative<Table>(read)) << std::get<Result>(read).reason();
    const Table& t = std::get<Table>(read);
    EXPECT_EQ(t.fields, (std::vector<std::string>{"passed", "pupils"}));
    EXPECT_EQ(t.organisations, (std::vector<std::string>{"101", "102", "103"})) << "numbers without decimals, trimmed";
    EXPECT_EQ(t.direction, "1.1");
    const Organisation* o = t.workbook.organisation("101");
    ASSERT_TRUE(o);
    EXPECT_EQ(o->type, "school") << "a school-only table needs no type column";
    EXPECT_TRUE(o->has_flag("shnor"));
    EXPECT_EQ(t.workbook.value("101", "pupils").number(), 40);
}

TEST(Table, IndicatorPerOrganisationAndMunicipality) {
    EXPECT_DOUBLE_EQ(indicator_in_table(mini(), schools(), "1.1.1", "101").value(), 95);
    EXPECT_DOUBLE_EQ(indicator_in_table(mini(), schools(), "1.1.1", std::nullopt).value(), 98)
        << "98 of 100: school 103 lacks its denominator and is left out";
    EXPECT_DOUBLE_EQ(indicator_in_table(mini(), schools(), "1.1.2", std::nullopt).value(), 95) << "ШНОР only";
    EXPECT_EQ(indicator_in_table(mini(), schools(), "1.1.2", "102").status(), Result::Status::NotApplicable);
    EXPECT_EQ(indicator_in_table(mini(), schools(), "1.1.1", "103").status(), Result::Status::MissingData);
}

TEST(Table, TypeColumnForMixedTables) {
    const Range mixed(4, 5, {T("code"), T("type"), T("pupils"), T("children"), T("fgos"),  //
                             N(101),    T("ОО"),   N(10),       E(),           E(),        //
                             N(201),    T("доо"),  E(),         N(50),         T("да"),    //
                             T("УО"),   T("УО"),   E(),         E(),           E()});
    auto read = read_table(mini(), mixed);
    ASSERT_TRUE(std::holds_alternative<Table>(read)) << std::get<Result>(read).reason();
    const Table& t = std::get<Table>(read);
    EXPECT_EQ(t.workbook.organisation("101")->type, "school");
    EXPECT_EQ(t.workbook.organisation("201")->type, "kindergarten");
    EXPECT_EQ(t.workbook.organisation("УО")->type, "municipality");
    EXPECT_DOUBLE_EQ(indicator_in_table(mini(), mixed, "1.1.5", std::nullopt).value(), 100);
}

TEST(Table, MunicipalityRowByItsCode) {
    const Range municipal(3, 3,
                          {T("code"), T("events"), T("npa"),  //
                           T("УО"), N(7), T("да"),            //
                           E(), E(), E()});
    EXPECT_DOUBLE_EQ(indicator_in_table(mini(), municipal, "1.1.6", std::nullopt).value(), 7);
    EXPECT_DOUBLE_EQ(indicator_in_table(mini(), municipal, "1.1.7", "УО").value(), 1);
}

struct BadTable {
    const char* rule;
    Range table;
    const char* id;
    std::optional<std::string> organisation;
    const char* reason;
};
void PrintTo(const BadTable& b, std::ostream* os) {
    *os << b.rule;
}
class TableRejects : public ::testing::TestWithParam<BadTable> {};
TEST_P(TableRejects, WithAReason) {
    const BadTable& b = GetParam();
    const Result r = indicator_in_table(mini(), b.table, b.id, b.organisation);
    ASSERT_EQ(r.status(), Result::Status::Invalid) << b.rule << ": " << r.reason();
    EXPECT_NE(r.reason().find(b.reason), std::string::npos) << r.reason();
}

INSTANTIATE_TEST_SUITE_P(
    Every, TableRejects,
    ::testing::Values(
        BadTable{"unknown indicator id", schools(), "9.9", std::nullopt, "unknown indicator"},
        BadTable{"a field the indicator needs is missing", schools(), "1.1.3", std::nullopt, "needs field honours"},
        BadTable{"an organisation not in the table", schools(), "1.1.1", "999", "not in the table"},
        BadTable{"a single cell is no table", Range(1, 1, {N(5)}), "1.1.1", std::nullopt, "header row"},
        BadTable{"no catalogue field in the header", Range(2, 2, {T("a"), T("b"), N(1), N(2)}), "1.1.1", std::nullopt,
                 "no field code"},
        BadTable{"a duplicate field column", Range(2, 3, {T("c"), T("pupils"), T("pupils"), N(1), N(2), N(3)}), "1.1.1",
                 std::nullopt, "appears twice"},
        BadTable{"a duplicate organisation", Range(3, 2, {T("c"), T("pupils"), N(1), N(2), N(1), N(3)}), "1.1.1",
                 std::nullopt, "appears twice in the table"},
        BadTable{"figures without an organisation code", Range(2, 2, {T("c"), T("pupils"), E(), N(3)}), "1.1.1",
                 std::nullopt, "no organisation code"},
        BadTable{"mixed types without a type column",
                 Range(2, 3, {T("c"), T("pupils"), T("children"), N(1), N(2), N(3)}), "1.1.1", std::nullopt,
                 "needs a 'type' column"},
        BadTable{"an unknown type", Range(2, 3, {T("c"), T("type"), T("pupils"), N(1), T("вуз"), N(3)}), "1.1.1",
                 std::nullopt, "unknown organisation type"},
        BadTable{"an unknown flag", Range(2, 3, {T("c"), T("flags"), T("pupils"), N(1), T("ШНОР; ВИП"), N(3)}), "1.1.1",
                 std::nullopt, "unknown flag"},
        BadTable{"bad data in a cell", Range(2, 3, {T("c"), T("pupils"), T("passed"), N(1), T("сорок"), N(3)}), "1.1.1",
                 std::nullopt, "текст вместо числа"}));

TEST(Table, IndicatorsGridCoversTheDirection) {
    auto grid = indicators_in_table(mini(), schools());
    ASSERT_TRUE(std::holds_alternative<IndicatorGrid>(grid));
    const IndicatorGrid& g = std::get<IndicatorGrid>(grid);
    EXPECT_EQ(g.indicators.size(), 10u) << "every indicator of direction 1.1, in catalogue order";
    EXPECT_EQ(g.indicators.front(), "1.1.1");
    EXPECT_EQ(g.rows, (std::vector<std::string>{"101", "102", "", "103", ""}))
        << "every data row of the table (the blank one too, so the result lines up), then the municipality";
    EXPECT_EQ(g.municipal_row, 4u);
    ASSERT_EQ(g.values.size(), 5u);
    EXPECT_DOUBLE_EQ(g.values[0][0].value(), 95);
    EXPECT_EQ(g.values[2][0].status(), Result::Status::MissingData) << "the blank row";
    EXPECT_EQ(g.values[3][0].status(), Result::Status::MissingData) << "103 lacks its denominator";
    EXPECT_DOUBLE_EQ(g.values[4][0].value(), 98);
    EXPECT_EQ(g.values[0][2].status(), Result::Status::Invalid)
        << "1.1.3 needs honours, which the table lacks: an error of the table, as in MSOKO.INDICATOR";
    EXPECT_EQ(g.values[1][1].status(), Result::Status::NotApplicable) << "1.1.2 is for ШНОР only";
}

TEST(TableCache, ReadsAnEqualTableOnce) {
    Range changed = Range(2, 2, {T("c"), T("pupils"), N(1), N(7)});
    Range third = Range(2, 2, {T("c"), T("pupils"), N(2), N(8)});
    TableCache cache(TableCache::cost(schools()) + TableCache::cost(changed));  // room for two
    const auto first = cache.get(mini(), schools());
    const auto again = cache.get(mini(), schools());
    EXPECT_EQ(first.get(), again.get()) << "an equal range gets the cached table";
    EXPECT_EQ(cache.hits(), 1u);

    const auto other = cache.get(mini(), changed);
    EXPECT_NE(other.get(), first.get());
    ASSERT_TRUE(std::holds_alternative<Table>(*other));
    EXPECT_EQ(std::get<Table>(*other).workbook.value("1", "pupils").number(), 7) << "a changed cell is read again";

    cache.get(mini(), third);  // evicts schools(), the least recently used
    EXPECT_LE(cache.bytes(), TableCache::cost(schools()) + TableCache::cost(changed));
    EXPECT_NE(cache.get(mini(), schools()).get(), first.get()) << "least recently used dropped beyond the budget";
    EXPECT_EQ(cache.hits(), 1u);
}

// Issue 11.3: the cache is bounded by memory, not by a count of tables: a
// table bigger than the whole budget is computed and not kept, and clear()
// (a document closed) frees everything.
TEST(TableCache, BoundedByBytesAndClearedWhenADocumentCloses) {
    TableCache cache(TableCache::cost(schools()) - 1);
    const auto a = cache.get(mini(), schools());
    ASSERT_TRUE(std::holds_alternative<Table>(*a));
    EXPECT_EQ(cache.bytes(), 0u) << "too big to keep";
    EXPECT_NE(cache.get(mini(), schools()).get(), a.get());

    TableCache roomy;
    roomy.get(mini(), schools());
    EXPECT_GT(roomy.bytes(), 0u);
    roomy.clear();
    EXPECT_EQ(roomy.bytes(), 0u);
}

// Issue 11.5: the direction comes from all the table's fields, in any order.
TEST(Table, DirectionFromAllFieldsInAnyColumnOrder) {
    const Catalogue& c = mini();
    for (const auto& d : c.directions) {
        std::vector<std::string> header{"type"};  // shuffled too
        for (const auto& id : d.indicators)
            for (const auto& f : c.indicator(id)->compute.inputs())
                if (std::find(header.begin(), header.end(), f) == header.end())
                    header.push_back(f);
        std::sort(header.begin(), header.end());
        int permutations = 0;
        do {
            std::vector<Cell> cells{T("code")};
            for (const auto& f : header)
                cells.push_back(T(f.c_str()));
            const auto read = read_table(c, Range(1, cells.size(), cells));
            ASSERT_TRUE(std::holds_alternative<Table>(read)) << std::get<Result>(read).reason();
            EXPECT_EQ(std::get<Table>(read).direction, d.id) << "header order " << join(header);
        } while (std::next_permutation(header.begin(), header.end()) && ++permutations < 24);
    }
}

// Issue 11.7: a note in a row without a code is not data: the table reads.
TEST(Table, ANoteBesideABlankRowIsIgnored) {
    const Range t(3, 4,
                  {T("c"), T("pupils"), T("passed"), T("примечание"),  //
                   N(1), N(40), N(30), E(),                            //
                   E(), E(), E(), T("проверить в марте")});
    const auto read = read_table(mini(), t);
    ASSERT_TRUE(std::holds_alternative<Table>(read)) << std::get<Result>(read).reason();
    EXPECT_EQ(std::get<Table>(read).row_codes, (std::vector<std::string>{"1", ""}));
}

TEST(TableCache, KeepsErrorsToo) {
    TableCache cache;
    const Range bad(1, 1, {N(5)});
    const auto e = cache.get(mini(), bad);
    ASSERT_TRUE(std::holds_alternative<Result>(*e));
    EXPECT_EQ(std::get<Result>(*e).status(), Result::Status::Invalid);
}

}  // namespace
}  // namespace msoko

namespace msoko {
namespace {

// The rules README.md states where the function descriptions are silent.
TEST(TableRules, InvalidWinsOverMissing) {
    const Range t(2, 3, {T("c"), T("pupils"), T("passed"), N(1), E(), T("сорок")});
    EXPECT_EQ(indicator_in_table(mini(), t, "1.1.1", "1").status(), Result::Status::Invalid)
        << "one figure invalid, the other missing: invalid";
}

TEST(TableRules, AnInvalidFigureBlocksOnlyTheOrganisationsTheIndicatorConcerns) {
    const Range t(3, 5,
                  {T("c"), T("type"), T("pupils"), T("passed"), T("children"),  //
                   N(1), T("ОО"), N(40), N(30), E(),                            //
                   N(2), T("ДОО"), E(), E(), T("много")});
    const Result schools = indicator_in_table(mini(), t, "1.1.1", std::nullopt);
    ASSERT_EQ(schools.status(), Result::Status::Value) << "a kindergarten's bad figure does not block a school share";
    EXPECT_DOUBLE_EQ(schools.value(), 75);
}

TEST(TableRules, YesNoTypedAsTextOneIsInvalid) {
    const Field& fgos = *mini().field("fgos");
    EXPECT_EQ(read_field(fgos, N(1)).status, FieldValue::Status::Value);
    EXPECT_EQ(read_field(fgos, T("1")).status, FieldValue::Status::Invalid) << "«1» as text is neither да nor нет";
}

TEST(TableRules, CodesMatchAsTypedAndANumberWithoutLeadingZeros) {
    const Range t(2, 3, {T("c"), T("pupils"), T("passed"), T("0101"), N(40), N(30)});
    EXPECT_EQ(indicator_in_table(mini(), t, "1.1.1", "0101").status(), Result::Status::Value);
    EXPECT_EQ(indicator_in_table(mini(), t, "1.1.1", "101").status(), Result::Status::Invalid)
        << "101 typed as a number is not the code «0101»";
    EXPECT_EQ(organisation_code(N(0)), std::optional<std::string>("0"))
        << "an empty cell passed as the organisation arrives as 0: a code no table has";
}

}  // namespace
}  // namespace msoko

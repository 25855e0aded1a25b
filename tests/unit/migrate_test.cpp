// SPDX-License-Identifier: MPL-2.0
// Moving a form to a new catalogue version (issue 14, «Versions»): the
// catalogue's `changes` as the loader reads and checks them, the migration on
// two small versions of the test catalogue (renamed, removed, merged, split,
// redefined and new fields), and the check's one finding for an older version.
#include "msoko/migrate.hpp"

#include "msoko/form.hpp"
#include "msoko/form_reader.hpp"
#include "validation_support.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace msoko {
namespace {

namespace json = boost::json;
using test::checked;
using test::form;
using test::mini_text;
using test::N;
using test::put;
using test::sheet;
using test::T;

// A required count of `orgs` (schools by default).
json::object field(const char* id, json::array orgs = {"school"}) {
    return json::object{{"id", id},          {"title", std::string("Поле ") + id}, {"type", "count"},
                        {"unit", "человек"}, {"org_types", std::move(orgs)},       {"filled_by", "ОО"},
                        {"required", true}};
}

// The test catalogue of `version` with `fields` added to its second direction and `changes`, if any.
std::string version_of(const char* version, const std::vector<json::object>& fields,
                       const json::value& changes = nullptr) {
    json::value root = json::parse(mini_text());
    root.as_object()["version"] = version;
    json::array& f = root.as_object()["directions"].as_array()[1].as_object()["fields"].as_array();
    for (const auto& o : fields)
        f.push_back(o);
    if (!changes.is_null())
        root.as_object()["changes"] = changes;
    return json::serialize(root);
}

// Version 1: the test catalogue and fields that the next version renames, removes, merges, splits and redefines.
const Catalogue& old_version() {
    static const Catalogue c = parse_catalogue(
        version_of("1", {field("was_named"), field("gone"), field("dup"), field("extra"), field("pooled"),
                         field("staff"), field("wide"), field("lvl_a"), field("lvl_b")}),
        "v1.json");
    return c;
}

// Version 2 and what became of version 1's fields.
const json::value& changes_of_v2() {
    static const json::value v = json::parse(R"({"from": "1", "fields": [
        {"old": "was_named", "new": "now_named"},
        {"old": "gone", "removed": "не требуется приказом"},
        {"old": "dup", "into": "pupils_again"},
        {"old": "extra", "into": "honours", "sum": true},
        {"old": "pooled", "split": ["part_a", "part_b"], "keep": "part_a"},
        {"old": "staff", "redefined": "считаются только учителя"},
        {"field": "lvl_total", "sum_of": ["lvl_a", "lvl_b"]}
    ]})");
    return v;
}

const Catalogue& new_version() {
    static const Catalogue c = parse_catalogue(
        version_of("2",
                   {field("now_named"), field("part_a"), field("part_b"), field("staff"), field("brand_new"),
                    field("wide", {"school", "kindergarten"}), field("lvl_a"), field("lvl_b"), field("lvl_total")},
                   changes_of_v2()),
        "v2.json");
    return c;
}

// --- the loader --------------------------------------------------------------------

TEST(CatalogueChanges, AreReadWithEveryKind) {
    const CatalogueChanges& ch = new_version().changes;
    EXPECT_EQ(ch.from, "1");
    ASSERT_EQ(ch.fields.size(), 7u);
    EXPECT_EQ(ch.fields.back().kind, FieldChange::Kind::Summed);
    EXPECT_EQ(ch.fields.back().target, "lvl_total");
    EXPECT_EQ(ch.fields.back().sum_of, (std::vector<std::string>{"lvl_a", "lvl_b"}));
    EXPECT_EQ(ch.of("was_named")->kind, FieldChange::Kind::Renamed);
    EXPECT_EQ(ch.of("was_named")->target, "now_named");
    EXPECT_EQ(ch.of("gone")->kind, FieldChange::Kind::Removed);
    EXPECT_EQ(ch.of("gone")->reason, "не требуется приказом");
    EXPECT_EQ(ch.of("dup")->kind, FieldChange::Kind::Merged);
    EXPECT_FALSE(ch.of("dup")->sum);
    EXPECT_TRUE(ch.of("extra")->sum);
    EXPECT_EQ(ch.of("pooled")->split, (std::vector<std::string>{"part_a", "part_b"}));
    EXPECT_EQ(ch.of("pooled")->keep, "part_a");
    EXPECT_EQ(ch.of("staff")->kind, FieldChange::Kind::Redefined);
    EXPECT_EQ(ch.of("pooled")->source, "/changes/fields/4");
    EXPECT_EQ(ch.of("pupils"), nullptr);
    EXPECT_TRUE(parse_catalogue(mini_text(), "mini.json").changes.from.empty()) << "optional";
}

TEST(CatalogueChanges, NameTheIndicatorsWhoseDefinitionChanged) {
    const Catalogue c = parse_catalogue(
        version_of(
            "2", {field("now_named")},
            json::parse(
                R"({"from": "1", "fields": [], "indicators": [{"id": "1.1.2", "redefined": "база — учителя"}]})")),
        "v2.json");
    ASSERT_NE(c.changes.redefined("1.1.2"), nullptr);
    EXPECT_EQ(c.changes.redefined("1.1.2")->reason, "база — учителя");
    EXPECT_EQ(c.changes.redefined("1.1.2")->source, "/changes/indicators/0");
    EXPECT_EQ(c.changes.redefined("1.1.1"), nullptr);
}

struct BrokenChange {
    const char* name;
    const char* changes;  // the `changes` member
    const char* where;    // the JSON path the error must name
    const char* message;  // a piece of the message
};

class BrokenChanges : public ::testing::TestWithParam<BrokenChange> {};

TEST_P(BrokenChanges, AreRejectedWithTheirPlace) {
    const BrokenChange& b = GetParam();
    try {
        parse_catalogue(version_of("2", {field("now_named"), field("part_a"), field("staff")}, json::parse(b.changes)),
                        "v2.json");
        FAIL() << b.name << ": loaded";
    } catch (const CatalogueError& e) {
        EXPECT_EQ(e.where(), b.where) << b.name << ": " << e.what();
        EXPECT_NE(std::string(e.what()).find(b.message), std::string::npos) << b.name << ": " << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(
    Loader, BrokenChanges,
    ::testing::Values(
        BrokenChange{"renamed_but_still_a_field", R"({"from": "1", "fields": [{"old": "pupils", "new": "now_named"}]})",
                     "/changes/fields/0/old", "still a field of this catalogue"},
        BrokenChange{"renamed_to_no_field", R"({"from": "1", "fields": [{"old": "x", "new": "nowhere"}]})",
                     "/changes/fields/0/new", "'nowhere' is not a field"},
        BrokenChange{"two_renamed_to_one",
                     R"({"from": "1", "fields": [{"old": "x", "new": "now_named"}, {"old": "y", "new": "now_named"}]})",
                     "/changes/fields/1/new", "say \"into\""},
        BrokenChange{"removed_but_still_a_field", R"({"from": "1", "fields": [{"old": "staff", "removed": "…"}]})",
                     "/changes/fields/0/old", "still a field"},
        BrokenChange{"removed_without_a_reason", R"({"from": "1", "fields": [{"old": "x", "removed": ""}]})",
                     "/changes/fields/0/removed", "must not be empty"},
        BrokenChange{"merged_into_no_field", R"({"from": "1", "fields": [{"old": "x", "into": "nowhere"}]})",
                     "/changes/fields/0/into", "not a field"},
        BrokenChange{"summed_into_a_yes_no", R"({"from": "1", "fields": [{"old": "x", "into": "fgos", "sum": true}]})",
                     "/changes/fields/0/sum", "only into count or number"},
        BrokenChange{"split_without_targets", R"({"from": "1", "fields": [{"old": "x", "split": []}]})",
                     "/changes/fields/0/split", "must not be empty"},
        BrokenChange{"split_into_no_field", R"({"from": "1", "fields": [{"old": "x", "split": ["part_a", "no"]}]})",
                     "/changes/fields/0/split/1", "not a field"},
        BrokenChange{"kept_part_not_a_target",
                     R"({"from": "1", "fields": [{"old": "x", "split": ["part_a"], "keep": "staff"}]})",
                     "/changes/fields/0/keep", "not one of the fields"},
        BrokenChange{"split_old_field_still_there",
                     R"({"from": "1", "fields": [{"old": "staff", "split": ["part_a"]}]})", "/changes/fields/0/old",
                     "not one of the fields it is split into"},
        BrokenChange{"redefined_no_field", R"({"from": "1", "fields": [{"old": "x", "redefined": "…"}]})",
                     "/changes/fields/0/old", "keeps its id"},
        BrokenChange{"two_kinds", R"({"from": "1", "fields": [{"old": "x", "new": "now_named", "removed": "…"}]})",
                     "/changes/fields/0", "exactly one of"},
        BrokenChange{"no_kind", R"({"from": "1", "fields": [{"old": "x"}]})", "/changes/fields/0", "exactly one of"},
        BrokenChange{"one_field_twice",
                     R"({"from": "1", "fields": [{"old": "x", "removed": "a"}, {"old": "x", "removed": "b"}]})",
                     "/changes/fields/1/old", "named by two changes"},
        BrokenChange{"from_this_version", R"({"from": "2", "fields": []})", "/changes/from", "earlier version"},
        BrokenChange{"from_a_newer_version", R"({"from": "3", "fields": []})", "/changes/from", "newer"},
        BrokenChange{"sum_of_no_field", R"({"from": "1", "fields": [{"field": "nowhere", "sum_of": ["a"]}]})",
                     "/changes/fields/0/field", "not a field"},
        BrokenChange{"sum_into_a_yes_no", R"({"from": "1", "fields": [{"field": "fgos", "sum_of": ["a"]}]})",
                     "/changes/fields/0/field", "only count or number"},
        BrokenChange{"sum_of_nothing", R"({"from": "1", "fields": [{"field": "staff", "sum_of": []}]})",
                     "/changes/fields/0/sum_of", "must not be empty"},
        BrokenChange{
            "two_sums_of_one_field",
            R"({"from": "1", "fields": [{"field": "staff", "sum_of": ["a"]}, {"field": "staff", "sum_of": ["b"]}]})",
            "/changes/fields/1/field", "sum of two changes"},
        BrokenChange{"unknown_member", R"({"from": "1", "fields": [], "renames": []})", "/changes/renames",
                     "unknown member"},
        BrokenChange{"redefined_no_indicator",
                     R"({"from": "1", "fields": [], "indicators": [{"id": "9.9.9", "redefined": "…"}]})",
                     "/changes/indicators/0/id", "not an indicator"},
        BrokenChange{"indicator_redefined_twice",
                     R"({"from": "1", "fields": [], "indicators": [{"id": "1.1.1", "redefined": "a"},
                        {"id": "1.1.1", "redefined": "b"}]})",
                     "/changes/indicators/1/id", "two changes"},
        BrokenChange{"indicator_redefined_without_a_reason",
                     R"({"from": "1", "fields": [], "indicators": [{"id": "1.1.1", "redefined": ""}]})",
                     "/changes/indicators/0/redefined", "must not be empty"},
        BrokenChange{"unknown_member_of_a_change",
                     R"({"from": "1", "fields": [{"old": "x", "new": "now_named", "keep": "y"}]})",
                     "/changes/fields/0/keep", "unknown member"}),
    [](const ::testing::TestParamInfo<BrokenChange>& p) { return std::string(p.param.name); });

TEST(CatalogueChanges, VersionsAreOrderedByTheirNumbers) {
    EXPECT_LT(*compare_versions("2021.1", "2021.2"), 0);
    EXPECT_LT(*compare_versions("2021.2", "2021.10"), 0);
    EXPECT_GT(*compare_versions("2022", "2021.9"), 0);
    EXPECT_EQ(*compare_versions("2021.1", "2021.1.0"), 0);
    EXPECT_FALSE(compare_versions("2021.1", "новая").has_value());
    EXPECT_FALSE(compare_versions("2021..1", "2021.1").has_value());
    EXPECT_TRUE(older_version(new_version(), "1"));
    EXPECT_FALSE(older_version(new_version(), "2"));
    EXPECT_FALSE(older_version(new_version(), "3"));
}

TEST(CatalogueChanges, HistoryFilesAreNamedByIdAndVersion) {
    EXPECT_EQ(history_file_name("msoko-267-1", "2021.1"), "msoko-267-1-2021.1.json");
    EXPECT_EQ(history_catalogue_path("/x/catalogue/msoko-267-1.json", "msoko-267-1", "2021.1"),
              "/x/catalogue/history/msoko-267-1-2021.1.json");
    EXPECT_EQ(history_file_name("msoko-267-1", "../../etc/passwd"), "") << "a version typed into a passport";
    EXPECT_EQ(history_file_name("msoko-267-1", "2021/1"), "");
    EXPECT_EQ(history_file_name("msoko-267-1", ""), "");
}

// --- the migration -----------------------------------------------------------------------

// A filled form of version 1 (every figure typed: see test::form), with last year's values on «Показатели».
WorkbookSnapshot old_form() {
    WorkbookSnapshot wb = form(old_version());
    const FormLayout layout = form_layout(old_version(), {});
    SheetSnapshot& ind = sheet(wb, kIndicatorsSheet);
    ind = SheetSnapshot::blank(kIndicatorsSheet, static_cast<std::size_t>(FormLayout::kIndicatorsFirstRow) + 20,
                               IndicatorsColumns::kCount);
    for (const IndicatorRow& row : layout.indicators) {
        const std::size_t r = static_cast<std::size_t>(row.row);
        put(ind, r, IndicatorsColumns::kId, T(row.indicator->id.c_str()));
        if (row.role(IndicatorsColumns::kLastYear) == CellRole::Typed)
            put(ind, r, IndicatorsColumns::kLastYear, N(50.5 + static_cast<double>(r)));
        if (row.evidence == IndicatorRow::Evidence::Typed) {
            put(ind, r, IndicatorsColumns::kDocument, T("Приказ № 7"));
            put(ind, r, IndicatorsColumns::kDate, N(45500));  // 29.07.2024
        }
    }
    return wb;
}

std::set<std::string> fields_to_fill(const Migration& m) {
    std::set<std::string> out;
    for (const FieldToFill& f : m.to_fill)
        out.insert(f.field);
    return out;
}

TEST(Migration, KeepsEveryValueWhoseFieldStaysOrIsRenamedOrMerged) {
    const WorkbookSnapshot old = old_form();
    const FormContents before = read_form(old_version(), old);
    const Migration m = migrate_form(old_version(), new_version(), old);
    EXPECT_EQ(m.from_version, "1");
    EXPECT_EQ(m.to_version, "2");
    // The passport, the register with its flags.
    EXPECT_EQ(m.data.passport.at("municipality"), "Тестовый район");
    EXPECT_EQ(m.data.passport.at(kPassportPeriod), "2024/2025 учебный год");
    EXPECT_EQ(m.data.passport.at("date"), "2025-09-25") << "a date serial as the data file spells it";
    EXPECT_EQ(m.data.passport.at("schools_expected"), "2");
    EXPECT_FALSE(m.data.passport.count(kPassportCatalogueVersion)) << "the form writes its own version";
    ASSERT_EQ(m.data.organisations.size(), 3u);
    EXPECT_EQ(m.data.organisations[0].flags, std::vector<std::string>{"shnor"});
    EXPECT_EQ(m.data.register_rows("schools"), 2u);
    // Every figure of a field kept by id, cell by cell.
    std::size_t kept = 0;
    for (const Organisation& org : before.workbook.organisations())
        for (const Field& f : old_version().fields) {
            const Cell& v = before.workbook.value(org.code, f.id);
            if (v.is_empty() || !new_version().field(f.id) || new_version().changes.of(f.id) || f.id == "honours" ||
                f.id == "pupils_again")
                continue;
            ASSERT_TRUE(m.data.values.count(org.code)) << org.code;
            ASSERT_TRUE(m.data.values.at(org.code).count(f.id)) << org.code << " " << f.id;
            EXPECT_EQ(m.data.values.at(org.code).at(f.id), v) << org.code << " " << f.id;
            ++kept;
        }
    EXPECT_GT(kept, 15u);
    const auto& school = m.data.values.at("101");
    EXPECT_EQ(school.at("now_named"), before.workbook.value("101", "was_named")) << "renamed";
    EXPECT_EQ(school.at("pupils_again"), N(40)) << "merged duplicate: the field's own value stays";
    EXPECT_EQ(school.at("honours"), N(3 + 10)) << "merged with sum: added";
    EXPECT_EQ(school.at("part_a"), before.workbook.value("101", "pooled")) << "split: the kept part";
    EXPECT_EQ(school.at("lvl_total"), N(10 + 10)) << "a new total of parts that stay";
    EXPECT_EQ(school.at("lvl_a"), N(10));
    for (const char* none : {"was_named", "gone", "dup", "extra", "pooled", "part_b", "staff", "brand_new"})
        EXPECT_FALSE(school.count(none)) << none;
    EXPECT_EQ(m.values, [&] {
        std::size_t n = 0;
        for (const auto& [code, values] : m.data.values)
            n += values.size();
        return n;
    }());
    // Last year's values and the documents of «Показатели», by indicator.
    const FormLayout layout = form_layout(new_version(), {});
    for (const IndicatorRow& row : layout.indicators) {
        if (row.role(IndicatorsColumns::kLastYear) == CellRole::Typed) {
            ASSERT_TRUE(m.data.previous.count(row.indicator->id)) << row.indicator->id;
            EXPECT_EQ(m.data.previous.at(row.indicator->id), 50.5 + row.row);
        }
        if (row.evidence == IndicatorRow::Evidence::Typed) {
            ASSERT_TRUE(m.data.evidence.count(row.indicator->id)) << row.indicator->id;
            EXPECT_EQ(m.data.evidence.at(row.indicator->id).document, "Приказ № 7");
            EXPECT_EQ(m.data.evidence.at(row.indicator->id).date, "2024-07-29");
        }
    }
    EXPECT_FALSE(m.data.previous.empty());
    // The new form is written from it.
    EXPECT_NO_THROW(form_fods(new_version(), m.data, "test"));
}

TEST(Migration, ListsWhatMustBeFilledAnewAndWhatWasDropped) {
    const Migration m = migrate_form(old_version(), new_version(), old_form());
    EXPECT_EQ(fields_to_fill(m), (std::set<std::string>{"part_b", "staff", "brand_new", "wide"}));
    for (const FieldToFill& f : m.to_fill) {
        const FieldToFill::Why want = f.field == "part_b"  ? FieldToFill::Why::Split
                                      : f.field == "staff" ? FieldToFill::Why::Redefined
                                      : f.field == "wide"  ? FieldToFill::Why::Widened
                                                           : FieldToFill::Why::New;
        if (f.field == "wide") {
            EXPECT_EQ(f.for_types, std::vector<std::string>{"kindergarten"});
        }
        EXPECT_EQ(f.why, want) << f.field;
        EXPECT_NE(f.text.find("(" + f.field + ")"), std::string::npos) << f.text;
    }
    std::map<std::string, std::size_t> dropped;
    for (const DroppedField& d : m.dropped)
        dropped[d.field] = d.values;
    // Two schools had each of them.
    EXPECT_EQ(dropped, (std::map<std::string, std::size_t>{{"gone", 2}, {"staff", 2}}));
    const std::string summary = m.summary();
    for (const char* piece : {"Форма версии 1 перенесена в форму версии 2", "Заполните заново (4)",
                              "теперь заполняется и для ДОО", "часть разделённого поля «Поле pooled» (pooled)",
                              "новое поле", "определение изменено: считаются только учителя",
                              "поле удалено: не требуется приказом; значений: 2", "разные значения"})
        EXPECT_NE(summary.find(piece), std::string::npos) << piece << "\n" << summary;
    // A message box shows a few lines of each list and says how many more.
    const std::string shorter = m.summary(2);
    EXPECT_NE(shorter.find("… и ещё 2 (незаполненные обязательные поля покажет «Проверить форму»)"), std::string::npos)
        << shorter;
    EXPECT_EQ(shorter.find("теперь заполняется и для ДОО"), std::string::npos) << "the fourth of the list";
}

TEST(Migration, WithoutChangesFromItsVersionFieldsAreMatchedById) {
    // Version 3 declares its changes from version 2: a form of version 1 keeps only the ids both have.
    const Catalogue v3 =
        parse_catalogue(version_of("3", {field("now_named"), field("staff")},
                                   json::parse(R"({"from": "2", "fields": [{"old": "part_a", "removed": "…"}]})")),
                        "v3.json");
    const Migration m = migrate_form(old_version(), v3, old_form());
    EXPECT_EQ(fields_to_fill(m), (std::set<std::string>{"now_named"}));
    EXPECT_TRUE(m.data.values.at("101").count("staff"));
    ASSERT_FALSE(m.notes.empty());
    EXPECT_NE(m.notes.front().find("описаны от версии 2"), std::string::npos) << m.notes.front();
}

TEST(Migration, RefusesWhatItCannotMove) {
    // The current version already; another catalogue; a workbook that is no form.
    const auto refused = [](const Catalogue& from, const Catalogue& to, const WorkbookSnapshot& wb, const char* why) {
        try {
            migrate_form(from, to, wb);
            ADD_FAILURE() << "moved: " << why;
        } catch (const std::runtime_error& e) {
            EXPECT_NE(std::string(e.what()).find(why), std::string::npos) << e.what();
        }
    };
    refused(new_version(), new_version(), form(new_version()), "уже версии 2");
    json::value other = json::parse(mini_text());
    other.as_object()["id"] = "other";
    refused(old_version(), new_version(), form(parse_catalogue(json::serialize(other), "other.json")),
            "другому каталогу");
    WorkbookSnapshot none;
    none.sheets.push_back(SheetSnapshot::blank("Лист1", 3, 3));
    refused(old_version(), new_version(), none, "не является формой");
    EXPECT_EQ(migration_source_version(new_version(), old_form()), "1");
}

TEST(Migration, TheOldFormIsOnlyRead) {
    const WorkbookSnapshot old = old_form();
    const WorkbookSnapshot copy = old;
    migrate_form(old_version(), new_version(), old);
    ASSERT_EQ(old.sheets.size(), copy.sheets.size());
    for (std::size_t i = 0; i < old.sheets.size(); ++i)
        EXPECT_EQ(old.sheets[i].values, copy.sheets[i].values) << old.sheets[i].name;
}

// --- the check ----------------------------------------------------------------------------

TEST(Migration, AFormOfAnOlderVersionGetsOneFindingSayingHowToMoveIt) {
    const ValidationReport older = checked(new_version(), old_form());
    ASSERT_EQ(older.findings.size(), 1u);
    EXPECT_EQ(older.findings[0].kind, "form.older_version");
    EXPECT_EQ(older.findings[0].rule, "form.version");
    EXPECT_NE(older.findings[0].message.find("прежней версии каталога (1)"), std::string::npos);
    EXPECT_NE(older.findings[0].message.find("Данные → МСОКО → Перенести в новую версию формы"), std::string::npos);
    EXPECT_NE(older.findings[0].message.find("msoko migrate"), std::string::npos);
    // A newer or unknown version: the finding of another version, as before.
    for (const char* version : {"3", "версия X"}) {
        WorkbookSnapshot wb = form(new_version());
        const FormLayout layout = form_layout(new_version(), {});
        put(sheet(wb, kPassportSheet), static_cast<std::size_t>(layout.passport.row(kPassportCatalogueVersion)),
            PassportLayout::kValueColumn, T(version));
        const ValidationReport other = checked(new_version(), wb);
        ASSERT_EQ(other.findings.size(), 1u) << version;
        EXPECT_EQ(other.findings[0].kind, "form.version") << version;
    }
}

// «Процедуры оценки» move as typed: a direction by its id, an object that is none as it reads.
TEST(Migration, KeepsTheProcedures) {
    using C = ProceduresColumns;
    WorkbookSnapshot old = old_form();
    SheetSnapshot& s = sheet(old, kProceduresSheet);
    put(s, C::kFirstRow, C::kName, T("Мониторинг первого направления"));
    put(s, C::kFirstRow, C::kObject, T("1.1 Первое направление"));
    put(s, C::kFirstRow, C::kDocument, T("Приказ УО № 45-од"));
    put(s, C::kFirstRow, C::kDate, N(45534));
    put(s, C::kFirstRow + 2, C::kName, T("Другая"));
    put(s, C::kFirstRow + 2, C::kObject, T("7.7 Нет такого"));
    const Migration m = migrate_form(old_version(), new_version(), old);
    ASSERT_EQ(m.data.procedures.size(), 2u);
    EXPECT_EQ(m.data.procedures[0].direction, "1.1");
    EXPECT_EQ(m.data.procedures[0].document, "Приказ УО № 45-од");
    EXPECT_EQ(m.data.procedures[0].document_date, "2024-08-30");
    EXPECT_EQ(m.data.procedures[1].direction, "7.7 Нет такого");
    const std::string fods = form_fods(new_version(), m.data, "test");
    EXPECT_NE(fods.find("Мониторинг первого направления"), std::string::npos);
}

}  // namespace
}  // namespace msoko

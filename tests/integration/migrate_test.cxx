// SPDX-License-Identifier: MPL-2.0
// «Перенести в новую версию формы» in a real office (issue 14, «Versions»): the
// filled 2021.1 sample (tests/fixtures/sample-district-2021.1.ods) moved to the
// current version of the catalogue keeps every value whose field is kept —
// compared cell by cell, by the two catalogues and the current one's `changes`
// — and its check lists exactly the new fields as empty; the old form is not
// changed. Written from the two catalogues alone: while the shipped catalogue
// is still 2021.1, a 2021.2-like one made here from it (a field renamed, one
// removed, one merged, one new) stands in for it.
#include "check_support.hxx"
#include "snapshot.hxx"
#include "support.hxx"

#include "msoko/form_reader.hpp"
#include "msoko/migrate.hpp"
#include "msoko/validation.hpp"

#include <com/sun/star/util/XModifiable.hpp>

using namespace msoko::test;

namespace {

namespace json = boost::json;

const fs::path kOld = fs::path(MSOKO_TEST_SHARED_FIXTURES) / "sample-district-2021.1.ods";

std::string file_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

std::size_t occurrences(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
        ++n;
    return n;
}

// A 2021.2-like catalogue from the 2021.1 one: the first field renamed, the
// first field nothing refers to removed, the second field of a same_value
// rule merged into the first, a new required field, and their `changes`.
std::string stand_in(const std::string& v1) {
    json::value root = json::parse(v1);
    json::object& o = root.as_object();
    o["version"] = "2021.2";
    json::array changes;
    json::array& directions = o["directions"].as_array();
    // Merged: a figure asked twice (same_value) becomes one.
    std::string merged, into;
    for (auto& d : directions) {
        json::value* found = d.as_object().if_contains("rules");
        if (!found)
            continue;
        json::array& rules = found->as_array();
        for (std::size_t i = 0; i < rules.size() && merged.empty(); ++i)
            if (rules[i].as_object().at("kind").as_string() == "same_value" &&
                rules[i].as_object().at("fields").as_array().size() == 2) {
                into = json::value_to<std::string>(rules[i].as_object().at("fields").as_array()[0]);
                merged = json::value_to<std::string>(rules[i].as_object().at("fields").as_array()[1]);
                rules.erase(rules.begin() + static_cast<std::ptrdiff_t>(i));
            }
    }
    std::string removed;
    const std::string text = json::serialize(root);
    for (auto& d : directions) {
        auto& fields = d.as_object()["fields"].as_array();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::string id = json::value_to<std::string>(fields[i].as_object().at("id"));
            if (id == merged || (removed.empty() && occurrences(text, "\"" + id + "\"") == 1)) {
                if (id != merged)
                    removed = id;
                fields.erase(fields.begin() + static_cast<std::ptrdiff_t>(i));
                --i;
            }
        }
    }
    json::array& first = directions[0].as_object()["fields"].as_array();
    const std::string renamed = json::value_to<std::string>(first[0].as_object().at("id"));
    first.push_back(json::object{{"id", "test_new_v2"},
                                 {"title", "Новое поле версии 2021.2 (для теста)"},
                                 {"type", "count"},
                                 {"unit", "человек"},
                                 {"org_types", json::array{"school"}},
                                 {"filled_by", "ОО"},
                                 {"required", true},
                                 {"min", 0},
                                 {"max", 5000}});
    // A new total of two school counts that stay.
    json::array parts;
    for (const auto& f : directions[0].as_object()["fields"].as_array()) {
        const json::object& fo = f.as_object();
        const std::string id = json::value_to<std::string>(fo.at("id"));
        if (parts.size() < 2 && id != renamed && id != into && fo.at("type").as_string() == "count" &&
            fo.at("org_types").as_array() == json::array{"school"})
            parts.push_back(json::value(id));
    }
    first.push_back(json::object{{"id", "test_sum_v2"},
                                 {"title", "Сумма двух полей версии 2021.1 (для теста)"},
                                 {"type", "count"},
                                 {"unit", "человек"},
                                 {"org_types", json::array{"school"}},
                                 {"filled_by", "ОО"},
                                 {"required", true},
                                 {"min", 0}});
    changes.push_back({{"field", "test_sum_v2"}, {"sum_of", parts}});
    if (!merged.empty())
        changes.push_back({{"old", merged}, {"into", into}});
    if (!removed.empty())
        changes.push_back({{"old", removed}, {"removed", "для теста"}});
    changes.push_back({{"old", renamed}, {"new", renamed + "_v2"}});
    o["changes"] = json::object{{"from", "2021.1"}, {"fields", std::move(changes)}};
    std::string out = json::serialize(root);
    replace_all(out, "\"" + renamed + "\"", "\"" + renamed + "_v2\"");
    if (!merged.empty())
        replace_all(out, "\"" + merged + "\"", "\"" + into + "\"");
    replace_all(out, "\"old\":\"" + renamed + "_v2\"", "\"old\":\"" + renamed + "\"");
    replace_all(out, "\"old\":\"" + into + "\"", "\"old\":\"" + merged + "\"");
    return out;
}

class Migrate : public OfficeSuite {
protected:
    static void SetUpTestSuite() {
        // The shipped catalogue, or the one MSOKO_CATALOGUE names (the office uses it too).
        const char* chosen = std::getenv("MSOKO_CATALOGUE");
        const fs::path shipped = chosen && *chosen ? fs::path(chosen) : fs::path(MSOKO_TEST_CATALOGUE);
        const fs::path history = shipped.parent_path() / "history" / "msoko-267-1-2021.1.json";
        old_catalogue_ = std::make_unique<msoko::Catalogue>(msoko::read_catalogue(history.string()));
        msoko::Catalogue current = msoko::read_catalogue(shipped.string());
        msoko::office::Options options;
        if (current.info.version == old_catalogue_->info.version) {
            // Not yet a new version: the stand-in, with the history beside it (as the extension looks for it).
            dir_ = fs::temp_directory_path() / ("msoko-migrate-" + std::to_string(getpid()));
            fs::create_directories(dir_ / "history");
            fs::copy_file(history, dir_ / "history" / history.filename(), fs::copy_options::overwrite_existing);
            const fs::path made = dir_ / "msoko-267-1.json";
            std::ofstream(made, std::ios::binary) << stand_in(file_text(history));
            current = msoko::read_catalogue(made.string());
            options.environment.emplace_back("MSOKO_CATALOGUE", made.string());
        }
        catalogue_ = std::make_unique<msoko::Catalogue>(std::move(current));
        start(options);
    }
    static void TearDownTestSuite() {
        OfficeSuite::TearDownTestSuite();
        if (!dir_.empty())
            fs::remove_all(dir_);
    }

    static inline std::unique_ptr<msoko::Catalogue> old_catalogue_, catalogue_;
    static inline fs::path dir_;
};

// The fields of the current version the 2021.1 form cannot fill: absent from
// 2021.1 and filled by no change, the parts of split fields but the kept one,
// redefined fields — from the two catalogues alone.
std::set<std::string> new_fields(const msoko::Catalogue& old, const msoko::Catalogue& now) {
    std::set<std::string> filled, out;
    for (const auto& c : now.changes.fields) {
        using K = msoko::FieldChange::Kind;
        if (c.kind == K::Summed &&
            std::any_of(c.sum_of.begin(), c.sum_of.end(), [&](const std::string& part) { return old.field(part); }))
            filled.insert(c.target);
        if (!old.field(c.old_id))
            continue;
        if (c.kind == K::Renamed || c.kind == K::Merged)
            filled.insert(c.target);
        if (c.kind == K::Split)
            for (const auto& part : c.split)
                (part == c.keep ? filled : out).insert(part);
        if (c.kind == K::Redefined)
            out.insert(c.old_id);
    }
    for (const auto& f : now.fields)
        if (!old.field(f.id) && !filled.count(f.id))
            out.insert(f.id);
    // A kept, renamed or merged field now filled for organisation types its old fields were not: new cells.
    std::map<std::string, std::set<std::string>> types_of;
    for (const auto& f : old.fields) {
        const msoko::FieldChange* c = now.changes.from == old.info.version ? now.changes.of(f.id) : nullptr;
        using K = msoko::FieldChange::Kind;
        const std::string target = !c                                              ? (now.field(f.id) ? f.id : "")
                                   : c->kind == K::Renamed || c->kind == K::Merged ? c->target
                                   : c->kind == K::Split                           ? c->keep
                                                                                   : "";
        if (!target.empty())
            types_of[target].insert(f.org_types.begin(), f.org_types.end());
    }
    for (const auto& c : now.changes.fields)
        if (c.kind == msoko::FieldChange::Kind::Summed)
            for (const auto& part : c.sum_of)
                if (const msoko::Field* f = old.field(part))
                    types_of[c.target].insert(f->org_types.begin(), f->org_types.end());
    for (const auto& [id, types] : types_of)
        for (const auto& type : now.field(id)->org_types)
            if (!types.count(type))
                out.insert(id);
    return out;
}

TEST_F(Migrate, TheCheckOfThe2021FormSaysHowToMoveIt) {
    auto doc = office_->open(kOld, Office::Access::Copy);  // writable: the report sheet goes into it
    docs_.push_back(doc);
    const auto rows = validation::validate(*office_, doc);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].rule, "form.version");
    EXPECT_NE(rows[0].message.find("Перенести в новую версию формы"), std::string::npos) << rows[0].message;
    EXPECT_NE(rows[0].message.find(old_catalogue_->info.version), std::string::npos) << rows[0].message;
}

TEST_F(Migrate, The2021FormMovesWithEveryKeptValueAndOnlyTheNewFieldsEmpty) {
    const msoko::Catalogue& old = *old_catalogue_;
    const msoko::Catalogue& now = *catalogue_;
    ASSERT_FALSE(now.changes.from.empty()) << "the current catalogue declares no changes";
    const std::string bytes_before = file_text(kOld);
    auto before = office_->open(kOld, Office::Access::ReadOnly);
    docs_.push_back(before);
    recalc(before);
    Reference<css::frame::XDispatchProvider> frame(
        Reference<css::frame::XModel>(before, UNO_QUERY_THROW)->getCurrentController()->getFrame(), UNO_QUERY_THROW);
    css::frame::DispatchHelper::create(office_->context())
        ->executeDispatch(frame, "org.msoko.calc:Migrate", "_self", 0, {});
    Reference<css::sheet::XSpreadsheetDocument> after;
    auto components = office_->desktop()->getComponents()->createEnumeration();
    while (components->hasMoreElements()) {
        Reference<css::sheet::XSpreadsheetDocument> d(components->nextElement(), css::uno::UNO_QUERY);
        if (d.is() && d != before && d->getSheets()->hasByName(ou("Паспорт")) &&
            Reference<css::frame::XModel>(d, UNO_QUERY_THROW)->getURL().isEmpty())
            after = d;
    }
    ASSERT_TRUE(after.is()) << "no new form";
    docs_.push_back(after);
    recalc(after);
    // The old form is not changed, in the office or on disk.
    EXPECT_FALSE(Reference<css::util::XModifiable>(before, UNO_QUERY_THROW)->isModified());
    EXPECT_EQ(file_text(kOld), bytes_before);

    const msoko::WorkbookSnapshot then_snapshot = msoko::uno::snapshot(before, {});
    const msoko::WorkbookSnapshot now_snapshot = msoko::uno::snapshot(after, {});
    const msoko::FormContents then = msoko::read_form(old, then_snapshot);
    const msoko::FormContents moved = msoko::read_form(now, now_snapshot);
    EXPECT_EQ(moved.passport_text(msoko::kPassportCatalogueVersion), now.info.version);
    for (const char* key : {"municipality", "region", "period", "responsible", "position", "email"})
        EXPECT_EQ(moved.passport_text(key), then.passport_text(key)) << key;
    EXPECT_EQ(moved.passport.at("date"), then.passport.at("date"));

    // The register: the same organisations, in order, with their flags.
    ASSERT_EQ(moved.workbook.organisations().size(), then.workbook.organisations().size());
    for (std::size_t i = 0; i < then.workbook.organisations().size(); ++i) {
        const auto &a = then.workbook.organisations()[i], &b = moved.workbook.organisations()[i];
        EXPECT_EQ(b.code, a.code);
        EXPECT_EQ(b.name, a.name);
        EXPECT_EQ(b.type, a.type);
        EXPECT_EQ(b.flags, a.flags) << a.code;
    }

    // Every figure of a kept field, cell by cell: kept by id, or renamed or merged per `changes`.
    std::size_t compared = 0;
    for (const auto& org : then.workbook.organisations())
        for (const auto& f : old.fields) {
            const msoko::FieldChange* change = now.changes.from == old.info.version ? now.changes.of(f.id) : nullptr;
            std::string target = now.field(f.id) ? f.id : "";
            if (change) {
                using K = msoko::FieldChange::Kind;
                target = change->kind == K::Renamed || change->kind == K::Merged ? change->target
                         : change->kind == K::Split                              ? change->keep
                                                                                 : "";
                if (change->kind == K::Merged && (change->sum || !then.workbook.value(org.code, target).is_empty()))
                    continue;  // the field's own value stays (compared as its own), or the values are added
            }
            if (target.empty() ||
                !now.field(target)->concerns(org.type == old.municipal_type().id ? now.municipal_type().id : org.type))
                continue;
            const msoko::Cell& was = then.workbook.value(org.code, f.id);
            const msoko::Cell& is = moved.workbook.value(org.code, target);
            EXPECT_EQ(is, was) << org.code << " " << f.id << " → " << target;
            compared += was.is_empty() ? 0 : 1;
        }
    // A field that is the sum of old fields: their sum.
    if (now.changes.from == old.info.version)
        for (const auto& c : now.changes.fields) {
            if (c.kind != msoko::FieldChange::Kind::Summed)
                continue;
            for (const auto& org : moved.workbook.organisations()) {
                double sum = 0;
                bool any = false;
                for (const auto& part : c.sum_of)
                    if (const msoko::Cell& v = then.workbook.value(org.code, part);
                        old.field(part) && v.kind() == msoko::Cell::Kind::Number) {
                        sum += v.number();
                        any = true;
                    }
                if (any) {
                    EXPECT_EQ(moved.workbook.value(org.code, c.target), msoko::Cell::number(sum))
                        << org.code << " " << c.target;
                }
            }
        }
    EXPECT_GT(compared, 1000u);

    // Last year's values, by indicator.
    using C = msoko::IndicatorsColumns;
    auto then_ind = sheet(before, "Показатели"), now_ind = sheet(after, "Показатели");
    std::map<std::string, double> last_then, last_now;
    for (auto [s, out] : {std::pair{then_ind, &last_then}, std::pair{now_ind, &last_now}})
        for (sal_Int32 r = C::kFirstRow; r < C::kFirstRow + 400; ++r) {
            const std::string id = text(s->getCellByPosition(C::kId, r));
            if (id.empty())
                continue;  // a heading row
            auto last = s->getCellByPosition(C::kLastYear, r);
            if (last->getType() == css::table::CellContentType_VALUE)
                (*out)[id] = last->getValue();
        }
    EXPECT_GT(last_then.size(), 50u);
    std::size_t redefined = 0;
    for (const auto& [id, value] : last_then)
        if (now.changes.redefined(id)) {
            EXPECT_EQ(last_now.count(id), 0u) << id << ": redefined since 2021.1, not comparable";
            ++redefined;
        } else if (now.indicator(id)) {
            ASSERT_TRUE(last_now.count(id)) << id;
            EXPECT_DOUBLE_EQ(last_now.at(id), value) << id;
        }
    EXPECT_EQ(redefined > 0, !now.changes.indicators.empty()) << "the fixture has values of redefined indicators";

    // The check lists exactly the new fields as empty: every cell of a required new field, and no cell of a
    // field 2021.1 had (the 2021.1 form is clean) but one that was optional and left empty there. Counted
    // with the findings the report sums up («… и ещё N таких замечаний»).
    const std::set<std::string> expected = new_fields(old, now);
    ASSERT_FALSE(expected.empty());
    std::set<std::pair<std::string, std::string>> new_cells, optional_before;
    for (const auto& org : moved.workbook.organisations()) {
        const std::string type = org.type;
        for (const auto& f : now.fields) {
            if (!f.required || !f.concerns(type))
                continue;
            const msoko::Field* was = old.field(f.id);
            if (expected.count(f.id)) {
                new_cells.insert({org.code, f.id});
                EXPECT_TRUE(moved.workbook.value(org.code, f.id).is_empty() || !was) << org.code << " " << f.id;
            } else if (was && !was->required && then.workbook.value(org.code, f.id).is_empty()) {
                optional_before.insert({org.code, f.id});
            }
        }
    }
    const msoko::ValidationReport checked = msoko::validate(now, now_snapshot);
    std::size_t reported = 0;
    std::set<std::pair<std::string, std::string>> listed;
    for (const auto& f : checked.findings) {
        if (f.rule != "required")
            continue;
        reported += f.kind == "report.more" ? f.more : 1;
        if (f.kind == "report.more")
            continue;
        listed.insert({f.organisation, f.field});
        EXPECT_TRUE(new_cells.count({f.organisation, f.field}) || optional_before.count({f.organisation, f.field}))
            << f.organisation << " " << f.field << ": reported empty, but 2021.1 had it filled";
    }
    const bool summed = std::any_of(checked.findings.begin(), checked.findings.end(), [](const msoko::Finding& f) {
        return f.rule == "required" && f.kind == "report.more";
    });
    for (const auto& cell : new_cells) {
        if (!summed) {  // every one listed
            EXPECT_TRUE(listed.count(cell)) << cell.first << " " << cell.second << ": a new field not reported empty";
        }
    }
    EXPECT_GE(reported, new_cells.size());
    EXPECT_LE(reported, new_cells.size() + optional_before.size());
}

TEST_F(Migrate, TheMigrationListsTheNewFieldsToFill) {
    auto before = office_->open(kOld, Office::Access::ReadOnly);
    docs_.push_back(before);
    const msoko::Migration m = msoko::migrate_form(*old_catalogue_, *catalogue_, msoko::uno::snapshot(before, {}));
    std::set<std::string> listed;
    for (const auto& f : m.to_fill)
        listed.insert(f.field);
    EXPECT_EQ(listed, new_fields(*old_catalogue_, *catalogue_));
    for (const auto& c : catalogue_->changes.fields) {
        if (c.kind != msoko::FieldChange::Kind::Removed || !old_catalogue_->field(c.old_id))
            continue;
        EXPECT_TRUE(std::any_of(m.dropped.begin(), m.dropped.end(), [&](const msoko::DroppedField& d) {
            return d.field == c.old_id;
        })) << c.old_id;
    }
    EXPECT_NE(m.summary().find("перенесена в форму версии " + catalogue_->info.version), std::string::npos);
}

}  // namespace

// SPDX-License-Identifier: MPL-2.0
// The merge of returned sub-forms into the municipal form (issue 16): the
// planner over snapshots — values taken, unchanged, conflicts, the record of
// what was merged, every refusal — and «Сбор форм» as data.
#include "msoko/merge.hpp"
#include "msoko/subform.hpp"
#include "validation_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace msoko {
namespace {

using test::form;
using test::mini;
using test::N;
using test::put;
using test::T;
using test::where;
using S = OrganisationMerge::Status;

const FormLayout& layout() {
    static const FormLayout l = form_layout(mini(), {{"school", 2}, {"kindergarten", 1}});
    return l;
}

std::string the_form_id() {
    return form_id("mini", "Тестовая область", "Тестовый район", "2024/2025 учебный год");
}

// The cells an organisation types: (direction, field).
std::vector<std::pair<std::string, std::string>> typed_fields(const std::string& type) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& ds : layout().directions)
        for (std::size_t c = 0; c < ds.columns.size(); ++c)
            if (ds.columns[c].kind == FormColumn::Kind::Input && ds.role(c, type, false) == CellRole::Typed)
                out.emplace_back(ds.direction->id, ds.columns[c].code);
    return out;
}

const char* type_of(const std::string& code) {
    return code[0] == '2' ? "kindergarten" : "school";
}

void set(WorkbookSnapshot& wb, const std::string& direction, const std::string& code, const std::string& field,
         Cell v) {
    const auto [r, c] = where(direction.c_str(), code.c_str(), field.c_str());
    test::sheet(wb, layout().sheet_of(direction)->sheet).set(r, c, std::move(v));
}

const Cell& get(const WorkbookSnapshot& wb, const std::string& direction, const std::string& code,
                const std::string& field) {
    const auto [r, c] = where(direction.c_str(), code.c_str(), field.c_str());
    return wb.sheet(layout().sheet_of(direction)->sheet)->value(r, c);
}

// The test form with no figure of any organisation typed (the municipality's stay).
WorkbookSnapshot municipal() {
    WorkbookSnapshot wb = form();
    for (const char* code : {"101", "102", "201"})
        for (const auto& [d, f] : typed_fields(type_of(code)))
            set(wb, d, code, f, Cell::empty());
    return wb;
}

// The sub-form of one organisation of the test form: its block, only its row in the register and the
// tables, its figures as form() has them.
WorkbookSnapshot subform(const std::string& code, const std::string& made_at = "02.12.2026 10:15",
                         const std::string& id = the_form_id()) {
    WorkbookSnapshot wb = form();
    SheetSnapshot& passport = test::sheet(wb, kPassportSheet);
    const SubformBlock block = SubformBlock::of(layout().passport);
    SheetSnapshot grown =
        SheetSnapshot::blank(passport.name, static_cast<std::size_t>(block.last_row() + 2), passport.cols);
    for (std::size_t r = 0; r < passport.rows; ++r)
        for (std::size_t c = 0; c < passport.cols; ++c)
            grown.set(r, c, passport.value(r, c), passport.is_formula(r, c));
    put(grown, static_cast<std::size_t>(block.heading_row), 0, T(SubformBlock::kHeading));
    const std::pair<const char*, std::string> values[] = {{kSubformOrganisation, code},
                                                          {kSubformOrganisationName, "Школа"},
                                                          {kSubformFormId, id},
                                                          {kSubformMadeAt, made_at}};
    for (const auto& [key, value] : values) {
        const StampItem* item = block.item(key);
        put(grown, static_cast<std::size_t>(item->row), 0, T(item->label.c_str()));
        put(grown, static_cast<std::size_t>(item->row), 1, T(value.c_str()));
    }
    passport = grown;
    SheetSnapshot& reg = test::sheet(wb, kRegisterSheet);
    for (std::size_t r = 3; r < reg.rows; ++r)
        if (cell_text(reg.value(r, 0)) != code)
            for (std::size_t c = 0; c < reg.cols; ++c)
                reg.set(r, c, Cell::empty());
    for (const auto& ds : layout().directions) {
        SheetSnapshot& s = test::sheet(wb, ds.sheet);
        for (int r = ds.first_row(); r <= ds.last_row(); ++r) {
            const std::string c = cell_text(s.value(static_cast<std::size_t>(r), 0));
            if (c != code && c != kMunicipalityCode)
                for (std::size_t col = 0; col < s.cols; ++col)
                    s.set(static_cast<std::size_t>(r), col, Cell::empty());
        }
    }
    return wb;
}

ReturnedSubform returned(const std::string& file, WorkbookSnapshot wb, const std::string& modified = "") {
    ReturnedSubform r;
    r.file = file;
    r.workbook = std::move(wb);
    r.modified = modified;
    return r;
}

// The form with the outcome's writes made, as the extension makes them.
void apply(WorkbookSnapshot& wb, const std::vector<MergeCell>& writes) {
    for (const MergeCell& w : writes)
        test::sheet(wb, w.sheet).set(static_cast<std::size_t>(w.row), static_cast<std::size_t>(w.col), w.in_subform);
}

const OrganisationMerge& line(const MergePlan& plan, const std::string& code) {
    for (const auto& o : plan.organisations)
        if (o.code == code)
            return o;
    throw std::runtime_error("no line of " + code);
}

std::string why_of(const MergePlan& plan, const std::string& file) {
    for (const auto& [f, why] : plan.other_files)
        if (f == file)
            return why;
    return "";
}

TEST(Merge, EmptyFormTakesEveryValueOfTheSubformIntoItsCells) {
    const WorkbookSnapshot wb = municipal();
    const MergePlan plan = plan_merge(mini(), wb, {returned("101 Школа № 1.ods", subform("101"))}, {});
    const auto fields = typed_fields("school");
    ASSERT_EQ(plan.writes.size(), fields.size());
    EXPECT_TRUE(plan.conflicts.empty());
    for (const auto& [d, f] : fields) {
        const auto w = std::find_if(plan.writes.begin(), plan.writes.end(),
                                    [&, f = f](const MergeCell& c) { return c.field == f; });
        ASSERT_NE(w, plan.writes.end()) << f;
        const auto [r, c] = where(d.c_str(), "101", f.c_str());
        EXPECT_EQ(w->sheet, layout().sheet_of(d)->sheet);
        EXPECT_EQ(w->row, static_cast<int>(r)) << f;
        EXPECT_EQ(w->col, static_cast<int>(c)) << f;
        EXPECT_EQ(w->organisation, "101");
        EXPECT_TRUE(w->in_form.is_empty());
        EXPECT_EQ(w->in_subform, get(form(), d, "101", f)) << f;
    }
    // Who has not returned theirs comes first, in the register's order; then the returned.
    ASSERT_EQ(plan.organisations.size(), 3u);
    EXPECT_EQ(plan.organisations[0].code, "102");
    EXPECT_EQ(plan.organisations[0].status, S::NotReturned);
    EXPECT_EQ(plan.organisations[1].code, "201");
    EXPECT_EQ(plan.organisations[1].status, S::NotReturned);
    const OrganisationMerge& school = plan.organisations[2];
    EXPECT_EQ(school.code, "101");
    EXPECT_EQ(school.name, "Школа № 1");
    EXPECT_EQ(school.type, "school");
    EXPECT_EQ(school.status, S::Returned);
    EXPECT_EQ(school.file, "101 Школа № 1.ods");
    EXPECT_EQ(school.taken, fields.size());
    EXPECT_EQ(school.unchanged, 0u);
    EXPECT_FALSE(school.check_summary.empty());
    EXPECT_TRUE(plan.other_files.empty());
    EXPECT_EQ(plan.count(S::NotReturned), 2u);
    // The record holds what was written.
    const MergedOrganisation* rec = plan.record.of("101");
    ASSERT_NE(rec, nullptr);
    EXPECT_EQ(rec->values.size(), fields.size());
    EXPECT_EQ(rec->file, "101 Школа № 1.ods");
    EXPECT_EQ(rec->made_at, "02.12.2026 10:15");
}

TEST(Merge, TheSameSubformTwiceWritesNothing) {
    WorkbookSnapshot wb = municipal();
    const std::vector<ReturnedSubform> files{returned("101.ods", subform("101")), returned("201.ods", subform("201"))};
    const MergePlan first = plan_merge(mini(), wb, files, {});
    const MergeOutcome done = decide(first, {}, "02.12.2026 12:00");
    EXPECT_EQ(done.writes.size(), typed_fields("school").size() + typed_fields("kindergarten").size());
    apply(wb, done.writes);
    EXPECT_EQ(done.record.of("101")->merged_at, "02.12.2026 12:00");
    const MergedRecord record = parse_merged(merged_json(done.record));
    const MergePlan again = plan_merge(mini(), wb, files, record);
    EXPECT_TRUE(again.writes.empty());
    EXPECT_TRUE(again.conflicts.empty());
    EXPECT_EQ(line(again, "101").unchanged, typed_fields("school").size());
    EXPECT_EQ(line(again, "101").taken, 0u);
    EXPECT_EQ(line(again, "201").unchanged, typed_fields("kindergarten").size());
}

TEST(Merge, AValueTypedInTheFormThatDiffersIsAConflictTheUserDecides) {
    WorkbookSnapshot wb = municipal();
    set(wb, "1.1", "101", "pupils", N(41));
    set(wb, "1.1", "101", "passed", N(30));  // equal to the sub-form's: unchanged
    const std::vector<ReturnedSubform> files{returned("101.ods", subform("101"))};
    const MergePlan plan = plan_merge(mini(), wb, files, {});
    ASSERT_EQ(plan.conflicts.size(), 1u);
    const MergeCell& c = plan.conflicts[0];
    EXPECT_EQ(c.organisation, "101");
    EXPECT_EQ(c.field, "pupils");
    EXPECT_EQ(c.in_form, N(41));
    EXPECT_EQ(c.in_subform, N(40));
    EXPECT_EQ(line(plan, "101").conflicts, 1u);
    EXPECT_EQ(line(plan, "101").unchanged, 1u);
    EXPECT_EQ(plan.writes.size(), typed_fields("school").size() - 2);
    for (const MergeCell& w : plan.writes)
        EXPECT_NE(w.field, "pupils") << "a typed value is never written over without asking";

    // Kept: the form's value stays, and the same value sent again is not asked about again.
    const MergeOutcome kept = decide(plan, {false}, "02.12.2026 12:00");
    EXPECT_EQ(kept.writes.size(), plan.writes.size());
    EXPECT_EQ(kept.taken, std::vector<bool>{false});
    apply(wb, kept.writes);
    EXPECT_EQ(get(wb, "1.1", "101", "pupils"), N(41));
    const MergePlan again = plan_merge(mini(), wb, files, parse_merged(merged_json(kept.record)));
    EXPECT_TRUE(again.conflicts.empty());
    EXPECT_TRUE(again.writes.empty());
    EXPECT_EQ(line(again, "101").kept, 1u);

    // Taken: the sub-form's value is written.
    const MergeOutcome took = decide(plan, {true}, "02.12.2026 12:00");
    EXPECT_EQ(took.writes.size(), plan.writes.size() + 1);
    EXPECT_EQ(took.writes.back().field, "pupils");
    EXPECT_EQ(took.record.of("101")->values.at("pupils"), N(40));
}

TEST(Merge, ACorrectedSubformReplacesWhatTheLastMergeWrote) {
    WorkbookSnapshot wb = municipal();
    const MergePlan first = plan_merge(mini(), wb, {returned("101.ods", subform("101"))}, {});
    const MergeOutcome done = decide(first, {}, "02.12.2026 12:00");
    apply(wb, done.writes);
    WorkbookSnapshot corrected = subform("101");
    set(corrected, "1.1", "101", "passed", N(31));
    const MergePlan second = plan_merge(mini(), wb, {returned("101 исправленная.ods", corrected)}, done.record);
    EXPECT_TRUE(second.conflicts.empty()) << "the cell still holds what the merge wrote";
    ASSERT_EQ(second.writes.size(), 1u);
    EXPECT_EQ(second.writes[0].field, "passed");
    EXPECT_EQ(second.writes[0].in_form, N(30));
    EXPECT_EQ(second.writes[0].in_subform, N(31));
    EXPECT_EQ(second.record.of("101")->file, "101 исправленная.ods");

    // The user typed over a merged value: a corrected sub-form asks; the same sub-form again does not.
    set(wb, "1.1", "101", "passed", N(35));
    const MergePlan asks = plan_merge(mini(), wb, {returned("101 исправленная.ods", corrected)}, done.record);
    ASSERT_EQ(asks.conflicts.size(), 1u);
    EXPECT_EQ(asks.conflicts[0].in_form, N(35));
    EXPECT_TRUE(asks.writes.empty());
    const MergePlan same = plan_merge(mini(), wb, {returned("101.ods", subform("101"))}, done.record);
    EXPECT_TRUE(same.conflicts.empty());
    EXPECT_TRUE(same.writes.empty());
    EXPECT_EQ(line(same, "101").kept, 1u);
}

TEST(Merge, AnEmptySubformCellNeverErasesAndTextIsMergedAsTyped) {
    WorkbookSnapshot wb = municipal();
    set(wb, "1.1", "101", "passed", N(30));
    WorkbookSnapshot sub = subform("101");
    set(sub, "1.1", "101", "passed", Cell::empty());
    set(sub, "1.1", "101", "honours", T("   "));
    set(sub, "1.1", "101", "pupils", T("40 чел."));
    const MergePlan plan = plan_merge(mini(), wb, {returned("101.ods", sub)}, {});
    EXPECT_TRUE(plan.conflicts.empty());
    for (const MergeCell& w : plan.writes) {
        EXPECT_NE(w.field, "passed");
        EXPECT_NE(w.field, "honours");
    }
    const auto pupils =
        std::find_if(plan.writes.begin(), plan.writes.end(), [](const MergeCell& c) { return c.field == "pupils"; });
    ASSERT_NE(pupils, plan.writes.end());
    EXPECT_EQ(pupils->in_subform, T("40 чел.")) << "as typed: the municipal check then points to it";
    EXPECT_GT(line(plan, "101").errors, 0u)
        << "the sub-form's own check found the text: " << line(plan, "101").check_summary;
}

TEST(Merge, AValueTheFormHasNoCellForIsCountedNotLost) {
    WorkbookSnapshot wb = municipal();
    // The municipal form's column of «share_hours» renamed: that value of the sub-form has nowhere to go.
    const auto [r, c] = where("1.1", "101", "share_hours");
    (void)r;
    test::sheet(wb, "1.1 Первое направление").set(DirectionSheet::kCodeRow, c, T("renamed"));
    const MergePlan plan = plan_merge(mini(), wb, {returned("101.ods", subform("101"))}, {});
    EXPECT_EQ(line(plan, "101").status, S::Returned);
    EXPECT_EQ(line(plan, "101").no_cell, 1u);
    EXPECT_EQ(plan.writes.size(), typed_fields("school").size() - 1);
    const CollectionReport report = collection_report(mini(), plan, decide(plan, {}, "now"));
    EXPECT_NE(cell_text(report.tables[0].rows[2][9]).find("нет ячейки"), std::string::npos);
}

TEST(Merge, FilesThatAreNoSubformOfThisFormAreOtherFiles) {
    const WorkbookSnapshot wb = municipal();
    ReturnedSubform locked;
    locked.file = "пароль.ods";
    locked.unreadable = "файл защищён паролем";
    WorkbookSnapshot not_a_form;
    not_a_form.sheets.push_back(SheetSnapshot::blank("Лист1", 3, 3));
    WorkbookSnapshot other_catalogue = subform("101");
    test::sheet(other_catalogue, kPassportSheet)
        .set(static_cast<std::size_t>(layout().passport.row(kPassportCatalogueId)), 1, T("другой"));
    const std::vector<ReturnedSubform> files{
        locked,
        returned("таблица.ods", not_a_form),
        returned("форма муниципалитета.ods", form()),
        returned("другой каталог.ods", other_catalogue),
        returned("другой год.ods", subform("101", "02.12.2026 10:15",
                                           form_id("mini", "Тестовая область", "Тестовый район", "2025/2026"))),
        returned("999.ods", subform("999")),
    };
    const MergePlan plan = plan_merge(mini(), wb, files, {});
    ASSERT_EQ(plan.other_files.size(), files.size());
    EXPECT_EQ(why_of(plan, "пароль.ods"), "файл защищён паролем");
    EXPECT_NE(why_of(plan, "таблица.ods").find("не форма МСОКО"), std::string::npos);
    EXPECT_NE(why_of(plan, "форма муниципалитета.ods").find("не форма организации"), std::string::npos);
    EXPECT_NE(why_of(plan, "другой каталог.ods").find("другого каталога"), std::string::npos);
    EXPECT_NE(why_of(plan, "другой год.ods").find("другой формы муниципалитета"), std::string::npos);
    EXPECT_NE(why_of(plan, "999.ods").find("с кодом 999"), std::string::npos) << why_of(plan, "999.ods");
    EXPECT_TRUE(plan.writes.empty());
    EXPECT_EQ(plan.count(S::NotReturned), 3u);
}

TEST(Merge, AnotherVersionOrAChangedStructureRefusesTheOrganisationsFile) {
    const WorkbookSnapshot wb = municipal();
    WorkbookSnapshot old = subform("101");
    test::sheet(old, kPassportSheet)
        .set(static_cast<std::size_t>(layout().passport.row(kPassportCatalogueVersion)), 1, T("0.9"));
    WorkbookSnapshot no_sheet = subform("102");
    no_sheet.sheets.erase(std::find_if(no_sheet.sheets.begin(), no_sheet.sheets.end(),
                                       [](const SheetSnapshot& s) { return s.name == "1.2 Второе направление"; }));
    WorkbookSnapshot no_column = subform("201");
    const auto [r, c] = where("1.1", "201", "children");
    test::sheet(no_column, "1.1 Первое направление").set(DirectionSheet::kCodeRow, c, T("moved"));
    (void)r;
    const MergePlan plan = plan_merge(
        mini(), wb, {returned("101.ods", old), returned("102.ods", no_sheet), returned("201.ods", no_column)}, {});
    EXPECT_EQ(plan.count(S::Refused), 3u);
    EXPECT_NE(line(plan, "101").why.find("версии «0.9»"), std::string::npos) << line(plan, "101").why;
    EXPECT_NE(line(plan, "102").why.find("нет листа «1.2 Второе направление»"), std::string::npos)
        << line(plan, "102").why;
    EXPECT_NE(line(plan, "201").why.find("нет столбца children"), std::string::npos) << line(plan, "201").why;
    EXPECT_EQ(line(plan, "201").file, "201.ods");
    EXPECT_TRUE(plan.writes.empty());
    EXPECT_TRUE(plan.record.organisations.empty());
}

TEST(Merge, OfTwoFilesOfOneOrganisationTheNewerIsTaken) {
    const WorkbookSnapshot wb = municipal();
    WorkbookSnapshot later = subform("101", "03.12.2026 09:00");
    set(later, "1.1", "101", "passed", N(31));
    // Made later wins, whatever the order of the files.
    const MergePlan plan =
        plan_merge(mini(), wb, {returned("новая.ods", later), returned("старая.ods", subform("101"))}, {});
    EXPECT_EQ(line(plan, "101").status, S::Returned);
    EXPECT_EQ(line(plan, "101").file, "новая.ods");
    EXPECT_NE(why_of(plan, "старая.ods").find("более ранняя"), std::string::npos);
    // Made at once: the file changed later wins.
    WorkbookSnapshot changed = subform("101");
    set(changed, "1.1", "101", "passed", N(32));
    const MergePlan by_file = plan_merge(
        mini(), wb,
        {returned("a.ods", changed, "2026-12-05 10:00:00"), returned("b.ods", subform("101"), "2026-12-04 10:00:00")},
        {});
    EXPECT_EQ(line(by_file, "101").file, "a.ods");
    // The same file twice: one is taken, the other is a repeat.
    const MergePlan copy =
        plan_merge(mini(), wb, {returned("a.ods", subform("101")), returned("копия a.ods", subform("101"))}, {});
    EXPECT_EQ(line(copy, "101").status, S::Returned);
    EXPECT_NE(why_of(copy, "копия a.ods").find("повтор"), std::string::npos);
    // Two different files and nothing tells which is newer: neither is taken.
    const MergePlan unsure =
        plan_merge(mini(), wb, {returned("a.ods", changed), returned("b.ods", subform("101"))}, {});
    EXPECT_EQ(line(unsure, "101").status, S::Refused);
    EXPECT_NE(line(unsure, "101").why.find("«a.ods», «b.ods»"), std::string::npos) << line(unsure, "101").why;
    EXPECT_TRUE(unsure.writes.empty());
}

TEST(Merge, TheMunicipalFormMustBeAFormOfThisVersionAndNoSubform) {
    EXPECT_THROW(plan_merge(mini(), subform("101"), {}, {}), std::runtime_error);
    WorkbookSnapshot nothing;
    nothing.sheets.push_back(SheetSnapshot::blank("Лист1", 2, 2));
    EXPECT_THROW(plan_merge(mini(), nothing, {}, {}), std::runtime_error);
    WorkbookSnapshot old = form();
    test::sheet(old, kPassportSheet)
        .set(static_cast<std::size_t>(layout().passport.row(kPassportCatalogueVersion)), 1, T("0.9"));
    EXPECT_THROW(plan_merge(mini(), old, {}, {}), std::runtime_error);
    EXPECT_NO_THROW(plan_merge(mini(), form(), {}, {}));
}

TEST(Merge, TheRecordRoundTripsAndAnythingElseReadsAsNone) {
    MergedRecord r;
    r.entry("201").values["children"] = N(0);
    MergedOrganisation& e = r.entry("101");
    e.file = "101 «Школа».ods";
    e.made_at = "02.12.2026 10:15";
    e.merged_at = "03.12.2026 11:00";
    e.values["pupils"] = N(40.5);
    e.values["npa_number"] = T("№ 12 \"б\"");
    e.declined["passed"] = N(3);
    const MergedRecord back = parse_merged(merged_json(r));
    ASSERT_EQ(back.organisations.size(), 2u);
    const MergedOrganisation* b = back.of("101");
    ASSERT_NE(b, nullptr);
    EXPECT_EQ(b->file, e.file);
    EXPECT_EQ(b->made_at, e.made_at);
    EXPECT_EQ(b->merged_at, e.merged_at);
    EXPECT_EQ(b->values, e.values);
    EXPECT_EQ(b->declined, e.declined);
    EXPECT_EQ(back.of("201")->values.at("children"), N(0));
    for (const char* bad :
         {"", "[]", "{\"format\":\"other\",\"organisations\":[]}", "not json", "{\"organisations\":1}"})
        EXPECT_TRUE(parse_merged(bad).organisations.empty()) << bad;
}

TEST(Merge, CollectionReportShowsWhoHasNotReturnedFirstThenConflictsThenOtherFiles) {
    WorkbookSnapshot wb = municipal();
    set(wb, "1.1", "101", "pupils", N(41));
    ReturnedSubform broken;
    broken.file = "битый.ods";
    broken.unreadable = "файл повреждён или не таблица";
    const MergePlan plan = plan_merge(mini(), wb, {returned("101.ods", subform("101")), broken}, {});
    const MergeOutcome outcome = decide(plan, {true}, "02.12.2026 12:00");
    const CollectionReport report = collection_report(mini(), plan, outcome);
    EXPECT_EQ(report.title, "Сбор форм организаций");
    EXPECT_NE(report.summary.find("Приняты формы 1 из 3 организаций. Не вернули: 2. Не приняты: 0."), std::string::npos)
        << report.summary;
    ASSERT_EQ(report.tables.size(), 3u);
    const CollectionTable& orgs = report.tables[0];
    ASSERT_EQ(orgs.rows.size(), 3u);
    for (const auto& row : orgs.rows)
        EXPECT_EQ(row.size(), orgs.heads.size());
    EXPECT_EQ(orgs.rows[0][0], T("102"));
    EXPECT_EQ(orgs.rows[0][3], T("не вернула форму"));
    EXPECT_EQ(orgs.rows[1][2], T("ДОО"));
    EXPECT_EQ(orgs.rows[2][3], T("принята"));
    EXPECT_EQ(orgs.rows[2][4], N(static_cast<double>(typed_fields("school").size() - 1)));
    EXPECT_EQ(orgs.rows[2][6], N(1));
    EXPECT_EQ(orgs.rows[2][7], N(static_cast<double>(line(plan, "101").errors)));
    EXPECT_EQ(orgs.rows[2][9], T(line(plan, "101").check_summary.c_str()));
    EXPECT_EQ(orgs.rows[2][10], T("101.ods"));
    const CollectionTable& conflicts = report.tables[1];
    ASSERT_EQ(conflicts.rows.size(), 1u);
    EXPECT_EQ(conflicts.rows[0][4], T("41"));
    EXPECT_EQ(conflicts.rows[0][5], T("40"));
    EXPECT_EQ(conflicts.rows[0][6], T("взято из формы организации"));
    EXPECT_EQ(conflicts.rows[0][7], T("Выпускников (pupils)"));
    EXPECT_EQ(conflicts.rows[0][2], T(cell_address(plan.conflicts[0].row, plan.conflicts[0].col).c_str()));
    EXPECT_EQ(conflicts.link_column, 2);
    EXPECT_EQ(conflicts.link_sheets, std::vector<std::string>{"1.1 Первое направление"});
    const CollectionTable& other = report.tables[2];
    ASSERT_EQ(other.rows.size(), 1u);
    EXPECT_EQ(other.rows[0][1], T("битый.ods"));
    EXPECT_EQ(other.rows[0][2], T("файл повреждён или не таблица"));
    const std::string message = merge_message(plan, outcome, 1);
    EXPECT_EQ(message.rfind("Не вернули форму (2):\n• 102 Школа № 2\n… и ещё 1\n\nПриняты формы 1 из 3", 0), 0u)
        << message;
    EXPECT_EQ(merge_counts(plan), "1 returned, 0 refused, 2 not returned, 1 conflicts, " +
                                      std::to_string(plan.writes.size()) + " values to write, 1 other files");
}

}  // namespace
}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
// Ф1 «Индивидуальные результаты»: the reader (layout by its headers, the
// irregularities as findings), the figures per school and for the
// municipality against values computed by hand, the boundaries table.
#include "msoko/catalogue.hpp"
#include "msoko/results.hpp"
#include "msoko/vpr_analysis.hpp"
#include "vpr_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace msoko {
namespace {

using test::E;
using test::F1;
using test::N;
using test::pupil;
using test::T;
using namespace vpr;

// Tasks 1 (2б, Б), 2 (1б, Б), 3 (3б, П): maximum 6; boundaries «3» 2, «4» 3, «5» 5.
BoundaryTable table() {
    return parse_boundaries(R"({"format": "msoko-vpr-boundaries/1", "boundaries": [
        {"year": 2026, "subject": "Русский язык", "grade": 4, "max": 6, "three": 2, "four": 3, "five": 5}]})",
                            "test");
}

F1 small() {
    F1 f;
    f.tasks = {{"1", 2, "Б"}, {"2", 1, "Б"}, {"3К1", 3, "П"}};
    test::F1School a{"edu100001", "МБОУ «Тестовая СОШ № 1»", {}};
    a.pupils.push_back(pupil("10001", {2, 1, 3}, 5, N(5)));  // confirmed
    test::F1Pupil p2 = pupil("10002", {1, 0, 0}, 2, N(3));   // lowered
    p2.scores[1] = T("X");                                   // no answer: 0 points
    a.pupils.push_back(p2);
    a.pupils.push_back(pupil("10003", {2, 1, 0}, 4, T("нет отметки")));  // not compared
    test::F1Pupil absent;
    absent.code = "10004";
    absent.variant = "отсутствовал";
    a.pupils.push_back(absent);
    test::F1School b{"edu100002", "МБОУ «Тестовая ООШ»", {}};
    b.pupils.push_back(pupil("20001", {1, 1, 1}, 4, N(3)));  // raised
    b.pupils.push_back(pupil("20002", {2, 1, 2}, 5, N(5)));  // confirmed
    f.schools = {a, b};
    return f;
}

const GroupStats& group(const Analysis& a, const std::string& school) {
    const auto it =
        std::find_if(a.groups.begin(), a.groups.end(), [&](const GroupStats& g) { return g.school == school; });
    EXPECT_NE(it, a.groups.end()) << school;
    return *it;
}

std::size_t count_kind(const std::vector<Finding>& f, const std::string& kind) {
    return static_cast<std::size_t>(
        std::count_if(f.begin(), f.end(), [&](const Finding& x) { return x.kind == kind; }));
}

TEST(Vpr, ReadsTheLayoutByItsHeadersNotByFixedRows) {
    F1 f = small();
    f.blank_rows_on_top = 3;
    const ResultsFile r = read_results({{"Лист1", Range()}, f.sheet()}, "ру4.xlsx", table());
    EXPECT_EQ(r.sheet, "РУ 4 Индивидуальные результаты");
    EXPECT_EQ(r.subject, "Русский язык");
    EXPECT_EQ(r.grade, 4);
    EXPECT_EQ(r.year, 2026);
    EXPECT_EQ(r.date, "16.04.2026");
    ASSERT_TRUE(r.max_score);
    EXPECT_EQ(*r.max_score, 6);
    ASSERT_EQ(r.tasks.size(), 3u);
    EXPECT_EQ(r.tasks[2].label, "3К1");
    EXPECT_EQ(r.tasks[2].max, 3);
    EXPECT_EQ(r.tasks[0].level, TaskLevel::Basic);
    EXPECT_EQ(r.tasks[2].level, TaskLevel::Advanced);
    ASSERT_EQ(r.pupils.size(), 6u);
    EXPECT_EQ(r.schools.size(), 2u);
    EXPECT_EQ(r.pupils[0].school, "edu100001");
    EXPECT_EQ(r.pupils[1].scores[1], std::nullopt);  // «X»
    EXPECT_TRUE(r.pupils[3].absent);
    EXPECT_FALSE(r.pupils[2].journal);  // «нет отметки»
    EXPECT_TRUE(r.boundaries);
    EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
}

TEST(Vpr, FiguresPerSchoolAndForTheMunicipalityEqualTheHandComputedOnes) {
    const ResultsFile r = read_results({small().sheet()}, "ру4.xlsx", table());
    const Analysis a = analyse({r}, {}, default_vpr_settings());
    ASSERT_EQ(a.groups.size(), 3u);  // the municipality, then both schools
    EXPECT_TRUE(a.groups[0].school.empty());

    const GroupStats& s = group(a, "edu100001");
    EXPECT_EQ(s.participants, 3u);
    EXPECT_EQ(s.absent, 1u);
    EXPECT_EQ(s.marks, (std::array<std::size_t, 4>{1, 0, 1, 1}));
    EXPECT_NEAR(*s.share_2, 100.0 / 3, 1e-9);
    EXPECT_NEAR(*s.share_45, 200.0 / 3, 1e-9);
    EXPECT_EQ(s.compared, 2u);
    EXPECT_EQ(s.lowered, 1u);
    EXPECT_EQ(s.confirmed, 1u);
    EXPECT_EQ(s.raised, 0u);
    ASSERT_EQ(s.task_percent.size(), 3u);
    EXPECT_NEAR(*s.task_percent[0], 100.0 * 5 / 6, 1e-9);  // (2 + 1 + 2) / (2 × 3)
    EXPECT_NEAR(*s.task_percent[1], 100.0 * 2 / 3, 1e-9);  // (1 + X + 1) / (1 × 3)
    EXPECT_NEAR(*s.task_percent[2], 100.0 * 3 / 9, 1e-9);  // (3 + 0 + 0) / (3 × 3)
    EXPECT_NEAR(*s.mean_percent, 100.0 * (6 + 1 + 3) / 3 / 6, 1e-9);
    EXPECT_EQ(s.histogram, (std::vector<std::size_t>{0, 1, 0, 1, 0, 0, 1}));
    EXPECT_EQ(s.sample, SampleSize::NoAnalysis);

    const GroupStats& m = a.groups[0];
    EXPECT_EQ(m.participants, 5u);
    EXPECT_EQ(m.marks, (std::array<std::size_t, 4>{1, 0, 2, 2}));
    EXPECT_NEAR(*m.share_2, 20, 1e-9);
    EXPECT_EQ(m.compared, 4u);
    EXPECT_EQ(m.lowered + m.confirmed + m.raised, 4u);
    EXPECT_EQ(m.raised, 1u);
    EXPECT_NEAR(*m.task_percent[0], 80, 1e-9);  // (2 + 1 + 2 + 1 + 2) / (2 × 5)

    // The school's totals for the form: «part ≤ whole» by construction.
    ASSERT_EQ(a.schools.size(), 2u);
    const auto t =
        std::find_if(a.schools.begin(), a.schools.end(), [](const SchoolTotals& x) { return x.school == "edu100001"; });
    EXPECT_EQ(t->participants, 3u);
    EXPECT_EQ(t->below_min, 1u);
    EXPECT_EQ(t->success, 2u);
    EXPECT_EQ(t->confirmed, 1u);
    EXPECT_EQ(t->lowered, 1u);
}

TEST(Vpr, IrregularitiesAreFindingsAndTheRowsAreKept) {
    F1 f = small();
    f.schools[1].stated = 3;                  // the school line says 3, two rows under it
    f.schools[1].pupils[1].code = "20001";    // a duplicate code
    f.schools[0].pupils[0].scores[0] = N(3);  // 3 points for a task of 2
    f.schools[0].pupils[0].primary = N(7);
    f.schools[0].pupils[2].mark = N(6);  // no mark 6
    f.schools[1].pupils[0].mark = N(5);  // 3 points make a «4» by the boundaries
    const ResultsFile r = read_results({f.sheet()}, "ру4.xlsx", table());
    EXPECT_EQ(r.pupils.size(), 6u);
    EXPECT_EQ(count_kind(r.findings, "vpr.count"), 1u);
    EXPECT_EQ(count_kind(r.findings, "vpr.duplicate"), 1u);
    EXPECT_EQ(count_kind(r.findings, "vpr.score_max"), 1u);
    EXPECT_EQ(count_kind(r.findings, "vpr.mark_range"), 1u);
    EXPECT_GE(count_kind(r.findings, "vpr.mark_boundaries"), 1u);
    for (const Finding& x : r.findings) {
        EXPECT_EQ(x.message.find("20001"), std::string::npos) << "a pupil's code in a finding: " << x.message;
        EXPECT_FALSE(x.message.empty());
    }
    const auto count =
        std::find_if(r.findings.begin(), r.findings.end(), [](const Finding& x) { return x.kind == "vpr.count"; });
    EXPECT_NE(count->message.find("3"), std::string::npos);
    EXPECT_NE(count->message.find("2"), std::string::npos);
    EXPECT_EQ(count->school, "edu100002");
    EXPECT_FALSE(r.pupils[2].mark);  // «6» is no mark
}

TEST(Vpr, AnotherLayoutIsRefusedNamingWhatWasExpectedAndFound) {
    const Range other(2, 2, {T("Фамилия"), T("Отметка"), T("Иванов"), N(5)});
    try {
        read_results({{"Лист1", other}}, "журнал.xlsx", table());
        FAIL() << "no LayoutError";
    } catch (const LayoutError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find("журнал.xlsx"), std::string::npos);
        EXPECT_NE(m.find("Код участника"), std::string::npos);
        EXPECT_NE(m.find("«Фамилия»"), std::string::npos) << m;
    }
    EXPECT_FALSE(is_results_sheet(other));
}

TEST(Vpr, AnOlderExportWithoutMarksTakesThemFromTheYearsBoundaries) {
    F1 f = small();
    f.mark_column = false;
    const ResultsFile r = read_results({f.sheet()}, "ру4-старый.xlsx", table());
    EXPECT_FALSE(r.has_mark_column);
    ASSERT_TRUE(r.pupils[0].mark);
    EXPECT_EQ(*r.pupils[0].mark, 5);  // 6 points
    EXPECT_TRUE(r.pupils[0].mark_from_boundaries);
    EXPECT_EQ(*r.pupils[1].mark, 2);  // 1 point
    EXPECT_EQ(*r.pupils[2].mark, 4);  // 3 points
    EXPECT_FALSE(r.pupils[3].mark);   // absent

    f.year = 2019;  // no boundaries of that year: said, not guessed
    const ResultsFile old = read_results({f.sheet()}, "ру4-2019.xlsx", table());
    EXPECT_FALSE(old.pupils[0].mark);
    EXPECT_EQ(count_kind(old.findings, "vpr.no_boundaries"), 1u);
}

TEST(Vpr, MostMarksOffTheTableSayTheTableIsNotThisYearsOnce) {
    F1 f = small();
    const BoundaryTable other = parse_boundaries(R"({"format": "msoko-vpr-boundaries/1", "boundaries": [
        {"year": 2026, "subject": "Русский язык", "grade": 4, "max": 6, "three": 4, "four": 5, "five": 6}]})",
                                                 "other");
    const ResultsFile r = read_results({f.sheet()}, "ру4.xlsx", other);
    EXPECT_EQ(count_kind(r.findings, "vpr.boundaries_table"), 1u);
    EXPECT_EQ(count_kind(r.findings, "vpr.mark_boundaries"), 0u);
    EXPECT_EQ(*r.pupils[2].mark, 4);  // the file's mark kept
}

TEST(Vpr, TheBoundariesTableRefusesBoundariesThatDoNotRise) {
    EXPECT_THROW(parse_boundaries(R"({"format": "msoko-vpr-boundaries/1", "boundaries": [
        {"year": 2026, "subject": "Математика", "grade": 5, "max": 20, "three": 7, "four": 7, "five": 17}]})",
                                  "bad"),
                 std::runtime_error);
    EXPECT_THROW(parse_boundaries(R"({"format": "other", "boundaries": []})", "bad"), std::runtime_error);
    EXPECT_THROW(parse_boundaries(R"({"format": "msoko-vpr-boundaries/1", "boundaries": [
        {"year": 2026, "subject": "Математика", "grade": 5, "max": 20, "three": 7, "four": 12, "five": 17},
        {"year": 2026, "subject": "математика", "grade": 5, "max": 20, "three": 7, "four": 12, "five": 17}]})",
                                  "twice"),
                 std::runtime_error);
}

TEST(Vpr, TheShippedBoundariesLoadAndEachMarkRises) {
    const BoundaryTable t = read_boundaries(MSOKO_CORE_SOURCES "/../../catalogue/vpr-boundaries.json");
    ASSERT_FALSE(t.entries.empty());
    for (const auto& e : t.entries) {
        EXPECT_EQ(e.mark(0), 2);
        EXPECT_EQ(e.mark(e.max), 5);
        EXPECT_EQ(e.mark(e.from[1]), 4);
        EXPECT_EQ(e.mark(e.from[1] - 1), 3);
    }
    EXPECT_TRUE(t.find(2026, "русский язык", 4));
    EXPECT_FALSE(t.find(2026, "Русский язык", 11));
}

TEST(Vpr, SampleSizesAndTaskBandsFollowTheThresholds) {
    const VprSettings s = default_vpr_settings();
    EXPECT_EQ(sample_size(50, s), SampleSize::Informative);
    EXPECT_EQ(sample_size(49, s), SampleSize::Caution);
    EXPECT_EQ(sample_size(20, s), SampleSize::Caution);
    EXPECT_EQ(sample_size(19, s), SampleSize::Limited);
    EXPECT_EQ(sample_size(10, s), SampleSize::Limited);
    EXPECT_EQ(sample_size(9, s), SampleSize::NoAnalysis);
    EXPECT_EQ(task_band(60, TaskLevel::Basic, s), TaskBand::Sufficient);
    EXPECT_EQ(task_band(58, TaskLevel::Basic, s), TaskBand::Uncertain);
    EXPECT_EQ(task_band(56.9, TaskLevel::Basic, s), TaskBand::Insufficient);
    EXPECT_EQ(task_band(30, TaskLevel::Advanced, s), TaskBand::Sufficient);
    EXPECT_EQ(task_band(29, TaskLevel::Advanced, s), TaskBand::Uncertain);
    EXPECT_EQ(task_band(28.4, TaskLevel::Advanced, s), TaskBand::Insufficient);
}

TEST(Vpr, TheSameWorkInTwoFilesIsCountedOnce) {
    const ResultsFile one = read_results({small().sheet()}, "район.xlsx", table());
    const ResultsFile two = read_results({small().sheet()}, "школа.xlsx", table());
    const Analysis a = analyse({one, two}, {}, default_vpr_settings());
    EXPECT_EQ(a.groups[0].participants, 5u);
    EXPECT_EQ(count_kind(a.findings, "vpr.duplicate_file"), 1u);
}

// =МСОКО.ОТМЕТКИ over the results' columns gives the analysis' shares: one definition of «понизили».
TEST(Vpr, TheCellFunctionsAgreeWithTheAnalysis) {
    const ResultsFile r = read_results({small().sheet()}, "ру4.xlsx", table());
    const Analysis a = analyse({r}, {}, default_vpr_settings());
    std::vector<Cell> exam, journal;
    for (const Pupil& p : r.pupils) {
        if (p.school != "edu100001" || p.absent)
            continue;
        exam.push_back(p.mark ? N(*p.mark) : E());
        journal.push_back(p.journal ? N(*p.journal) : T("нет отметки"));
    }
    const Range e(exam.size(), 1, exam), j(journal.size(), 1, journal);
    const GroupStats& g = group(a, "edu100001");
    EXPECT_NEAR(marks(e, j, "понизили").value(), *g.lowered_share, 1e-9);
    EXPECT_NEAR(marks(e, j, "подтвердили").value(), *g.confirmed_share, 1e-9);
    EXPECT_NEAR(marks(e, j, "повысили").value(), *g.raised_share, 1e-9);
}

// A municipality's file of many pupils: read and analysed whole (the time is the benchmark's, not a test's).
TEST(Vpr, AFileOfManyPupilsIsReadWhole) {
    F1 f;
    f.tasks = {{"1", 2, "Б"}, {"2", 1, "Б"}, {"3К1", 3, "П"}};
    constexpr int kSchools = 40, kPupils = 250;
    for (int s = 0; s < kSchools; ++s) {
        test::F1School school{"edu7" + std::to_string(10000 + s), "МБОУ «СОШ № " + std::to_string(s + 1) + "»", {}};
        for (int i = 0; i < kPupils; ++i) {
            const double a = i % 3, b = i % 2, c = (i + s) % 4;
            const double sum = std::min(a, 2.0) + b + c;
            school.pupils.push_back(
                pupil(std::to_string(s * kPupils + i), {std::min(a, 2.0), b, c}, table().entries[0].mark(sum), N(4)));
        }
        f.schools.push_back(std::move(school));
    }
    const ResultsFile r = read_results({f.sheet()}, "район.xlsx", table());
    ASSERT_EQ(r.pupils.size(), static_cast<std::size_t>(kSchools * kPupils));
    EXPECT_EQ(r.schools.size(), static_cast<std::size_t>(kSchools));
    EXPECT_TRUE(r.findings.empty());
    const Analysis a = analyse({r}, {}, default_vpr_settings());
    EXPECT_EQ(a.groups.size(), static_cast<std::size_t>(kSchools + 1));
    EXPECT_EQ(a.groups[0].participants, static_cast<std::size_t>(kSchools * kPupils));
}

TEST(Vpr, TheCataloguesVprMemberIsReadAndChecked) {
    const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    EXPECT_EQ(c.vpr.fill.participants, "ap_vpr_participants");
    EXPECT_EQ(c.vpr.fill.lowered, "ap_vpr_lowered");
    EXPECT_EQ(c.vpr.fill_comment, "из ФИС ОКО");
    EXPECT_EQ(c.vpr.advanced.insufficient, 28.5);
    EXPECT_EQ(c.vpr.shnor.size(), 3u);
    EXPECT_EQ(test::mini().vpr.fill.participants, "");  // no member: the defaults, nothing to fill

    std::string text = test::mini_text();
    const auto with = [&](const std::string& member) {
        std::string t = text;
        t.insert(t.rfind('}'), ", \"vpr\": " + member);
        return t;
    };
    EXPECT_THROW(parse_catalogue(with(R"({"fill": {"participants": "no_such_field"}})"), "m"), CatalogueError);
    EXPECT_THROW(parse_catalogue(with(R"({"tasks": {"basic": {"sufficient": 50, "insufficient": 60}}})"), "m"),
                 CatalogueError);
    EXPECT_THROW(parse_catalogue(with(R"({"shnor": {"criteria": [{"id": "x", "measure": "mood", "at_least": 1,
                                 "title": "t"}]}})"),
                                 "m"),
                 CatalogueError);
    EXPECT_THROW(parse_catalogue(with(R"({"typo": 1})"), "m"), CatalogueError);
    const Catalogue ok = parse_catalogue(with(R"({"samples": {"informative": 40, "caution": 15, "groups": 5}})"), "m");
    EXPECT_EQ(ok.vpr.informative, 40u);
}

}  // namespace
}  // namespace msoko

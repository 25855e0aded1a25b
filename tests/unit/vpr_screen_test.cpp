// SPDX-License-Identifier: MPL-2.0
// The objectivity screen raised on a planted school and not on clean ones,
// ШНОР candidates, the dynamics against last year, the form filled from the
// results, and the results workbook.
#include "fods_snapshot.hpp"
#include "msoko/catalogue.hpp"
#include "msoko/form_data.hpp"
#include "msoko/vpr_analysis.hpp"
#include "msoko/vpr_fill.hpp"
#include "msoko/vpr_workbook.hpp"
#include "vpr_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace msoko {
namespace {

using test::F1;
using test::N;
using test::T;
using namespace vpr;

// Ten tasks of 1 point, the first seven basic: maximum 10; boundaries «3» 4, «4» 6, «5» 8.
BoundaryTable table() {
    return parse_boundaries(R"({"format": "msoko-vpr-boundaries/1", "boundaries": [
        {"year": 2026, "subject": "Математика", "grade": 5, "max": 10, "three": 4, "four": 6, "five": 8},
        {"year": 2025, "subject": "Математика", "grade": 5, "max": 10, "three": 4, "four": 6, "five": 8}]})",
                            "test");
}

int mark_of(int score) {
    return score >= 8 ? 5 : score >= 6 ? 4 : score >= 4 ? 3 : 2;
}

// A pupil scoring `score`: the basic tasks solved first (a clean school), or the advanced ones (planted).
test::F1Pupil scored(const std::string& code, int score, Cell journal, bool advanced_first) {
    std::vector<double> s(10, 0.0);
    for (int k = 0; k < score; ++k)
        s[static_cast<std::size_t>(advanced_first ? 9 - k : k)] = 1;
    return test::pupil(code, s, mark_of(score), std::move(journal));
}

// Clean schools: scores 0…10 in turn, journal = the mark. The planted one: piles at the boundaries «3»
// and «5», its journal marks the opposite of its scores, the hard tasks done before the easy ones.
F1 maths(int year, int clean_pupils = 30) {
    F1 f;
    f.year = year;
    f.subject = "Математика";
    f.grade = 5;
    for (int k = 1; k <= 10; ++k)
        f.tasks.push_back({std::to_string(k), 1, k <= 7 ? "Б" : "П"});
    int code = 1;
    for (const char* login : {"edu500001", "edu500002"}) {
        test::F1School s{login, std::string("МБОУ «Чистая СОШ № ") + login[8] + "»", {}};
        for (int i = 0; i < clean_pupils; ++i)
            s.pupils.push_back(scored(std::to_string(code++), i % 11, N(mark_of(i % 11)), false));
        f.schools.push_back(s);
    }
    test::F1School p{"edu500009", "МБОУ «Отмеченная СОШ»", {}};
    for (int i = 0; i < 30; ++i) {
        const int score = i < 12 ? 4 : i < 22 ? 8 : i < 26 ? 9 : 10;
        p.pupils.push_back(scored(std::to_string(code++), score, N(score == 4 ? 5 : 3), true));
    }
    f.schools.push_back(p);
    return f;
}

std::set<std::string> rules_of(const Analysis& a, const std::string& school) {
    std::set<std::string> out;
    for (const auto& f : a.flags)
        if (f.school == school)
            out.insert(f.rule);
    return out;
}

TEST(VprScreen, FlagsThePlantedSchoolByEveryRuleAndNotTheCleanOnes) {
    const Analysis a = analyse({read_results({maths(2026).sheet()}, "ма5.xlsx", table())}, {}, default_vpr_settings());
    EXPECT_EQ(rules_of(a, "edu500009"),
              (std::set<std::string>{"boundary_peak", "mean_above", "correlation", "journal_gaps", "easy_hard"}));
    EXPECT_TRUE(rules_of(a, "edu500001").empty());
    EXPECT_TRUE(rules_of(a, "edu500002").empty());
    for (const auto& f : a.flags) {
        EXPECT_FALSE(f.title.empty());
        EXPECT_FALSE(f.figures.empty()) << f.rule;
    }
    const auto peak = std::find_if(a.flags.begin(), a.flags.end(), [](const ObjectivityFlag& f) {
        return f.rule == "boundary_peak" && f.figures.find("при 4 баллах") != std::string::npos;
    });
    ASSERT_NE(peak, a.flags.end());
    EXPECT_NE(peak->figures.find("12 участников"), std::string::npos) << peak->figures;
}

TEST(VprScreen, NoGroupAnalysisUnderTenParticipants) {
    F1 f = maths(2026);
    f.schools[2].pupils.resize(9);  // the planted school, 9 pupils: its figures, but no flag
    const Analysis a = analyse({read_results({f.sheet()}, "ма5.xlsx", table())}, {}, default_vpr_settings());
    EXPECT_TRUE(rules_of(a, "edu500009").empty());
}

TEST(VprScreen, ShnorCandidatesAreTheSchoolsUnderTheCataloguesCriteria) {
    const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    const Analysis a = analyse({read_results({maths(2026).sheet()}, "ма5.xlsx", table())}, {}, c.vpr);
    // Clean schools: scores 0–3 (a «2») for 12 of 30 pupils — 40 % ≥ 20 %; the planted one has no «2».
    ASSERT_EQ(a.shnor.size(), 2u);
    EXPECT_EQ(a.shnor[0].works, 30u);
    EXPECT_FALSE(a.shnor[0].met.empty());
    EXPECT_NE(a.shnor[0].met[0].find("40"), std::string::npos) << a.shnor[0].met[0];
    EXPECT_EQ(a.shnor[0].figures.size(), c.vpr.shnor.size());
    for (const auto& s : a.shnor)
        EXPECT_NE(s.school, "edu500009");

    VprSettings strict = c.vpr;
    strict.shnor_min_works = 31;  // too few works to judge
    EXPECT_TRUE(analyse({read_results({maths(2026).sheet()}, "ма5.xlsx", table())}, {}, strict).shnor.empty());
}

TEST(VprScreen, TheShareOfTwosUpByTenPointsOnLastYearIsANegativeDynamics) {
    F1 last = maths(2025);
    for (auto& s : last.schools)  // last year every clean pupil scored at least 2 more: fewer «2»
        for (std::size_t i = 0; i < s.pupils.size() && s.login != "edu500009"; ++i) {
            const int score = std::min(10, static_cast<int>(i % 11) + 2);
            s.pupils[i] = scored("L" + s.pupils[i].code, score, N(mark_of(score)), false);
        }
    const Analysis a = analyse({read_results({maths(2026).sheet()}, "ма5.xlsx", table())},
                               {read_results({last.sheet()}, "ма5-2025.xlsx", table())}, default_vpr_settings());
    EXPECT_TRUE(a.has_previous);
    const auto g =
        std::find_if(a.groups.begin(), a.groups.end(), [](const GroupStats& x) { return x.school == "edu500001"; });
    ASSERT_TRUE(g->dynamics_2);
    // now 12 of 30 (scores 0–3), last year 6 of 30 (scores 0–1 became 2–3)
    EXPECT_NEAR(*g->previous_share_2, 20, 1e-9);
    EXPECT_NEAR(*g->dynamics_2, 20, 1e-9);
    EXPECT_TRUE(g->worse);
    const auto p =
        std::find_if(a.groups.begin(), a.groups.end(), [](const GroupStats& x) { return x.school == "edu500009"; });
    ASSERT_TRUE(p->dynamics_2);
    EXPECT_FALSE(p->worse);
}

TEST(VprScreen, SchoolNamesMatchWhateverTheQuotesSpacesAndCase) {
    EXPECT_EQ(school_key("МБОУ «Ольховоборская СОШ № 1»"), school_key("мбоу \"Ольховоборская  СОШ №1\""));
    EXPECT_EQ(school_key("МБОУ «Озёрская ООШ»"), school_key("МБОУ «Озерская ООШ»"));
    EXPECT_NE(school_key("МБОУ «Ольховоборская СОШ № 1»"), school_key("МБОУ «Ольховоборская СОШ № 11»"));
}

// The sample form, with the ВПР figures of two schools erased (to be filled) and one left typed.
WorkbookSnapshot sample_form(const Catalogue& c) {
    FormData d = read_form_data(MSOKO_SAMPLE_DATA);
    for (const char* code : {"4201", "4202"})
        for (const char* f :
             {"ap_vpr_participants", "ap_vpr_below_min", "ap_vpr_success", "ap_vpr_confirmed", "ap_vpr_lowered"})
            d.values[code].erase(f);
    return test::form_snapshot(c, d);
}

F1 of_the_sample() {
    F1 f = maths(2026);
    f.schools[0].name = "МБОУ «Ольховоборская СОШ № 1»";
    f.schools[1].name = "МБОУ \"Ольховоборская СОШ №2\"";
    f.schools[2].name = "МБОУ «Каменская СОШ»";  // its figures are typed in the sample: conflicts
    test::F1School unknown{"edu599999", "МБОУ «Нездешняя СОШ»", {}};
    unknown.pupils.push_back(test::pupil("99", std::vector<double>(10, 1.0), 5, N(5)));
    f.schools.push_back(unknown);
    return f;
}

TEST(VprFill, TheFormsFieldsTakeTheSchoolsTotalsAndNeverOverwriteSilently) {
    const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    const Analysis a = analyse({read_results({of_the_sample().sheet()}, "ма5.xlsx", table())}, {}, c.vpr);
    const FillPlan plan = plan_fill(c, sample_form(c), a);
    EXPECT_EQ(plan.comment, "из ФИС ОКО");
    ASSERT_EQ(plan.matches.size(), 4u);
    std::map<std::string, std::string> matched;
    for (const auto& m : plan.matches)
        matched[m.school] = m.organisation;
    EXPECT_EQ(matched["edu500001"], "4201");
    EXPECT_EQ(matched["edu500002"], "4202");
    EXPECT_EQ(matched["edu500009"], "4204");
    EXPECT_EQ(matched["edu599999"], "");

    // 4201: 30 works, scores 0…10, 0…10, 0…7; «2» for 0–3 (12), «4» or «5» for 6–10 (5 + 5 + 2 = 12);
    // journal = mark: 30 confirmed, none lowered.
    std::map<std::pair<std::string, std::string>, double> written;
    for (const auto& w : plan.writes) {
        EXPECT_TRUE(w.in_form.is_empty());
        written[{w.organisation, w.field}] = w.in_subform.number();
    }
    EXPECT_EQ(plan.writes.size(), 10u);  // 2 schools × 5 fields
    EXPECT_EQ((written[{"4201", "ap_vpr_participants"}]), 30);
    EXPECT_EQ((written[{"4201", "ap_vpr_below_min"}]), 12);
    EXPECT_EQ((written[{"4201", "ap_vpr_success"}]), 12);
    EXPECT_EQ((written[{"4201", "ap_vpr_confirmed"}]), 30);
    EXPECT_EQ((written[{"4201", "ap_vpr_lowered"}]), 0);
    // 4204 has its own typed figures: each a conflict, none a write.
    EXPECT_EQ(plan.conflicts.size(), 5u);
    for (const auto& k : plan.conflicts) {
        EXPECT_EQ(k.organisation, "4204");
        EXPECT_EQ(k.in_form.kind(), Cell::Kind::Number);
    }
    const auto kept = decided_writes(plan, {});
    EXPECT_EQ(kept.size(), 10u);
    EXPECT_EQ(decided_writes(plan, std::vector<bool>(5, true)).size(), 15u);

    const std::string summary = fill_summary(plan, 5);
    EXPECT_NE(summary.find("3 из 4"), std::string::npos) << summary;
    EXPECT_NE(summary.find("Нездешняя"), std::string::npos);

    // The user's map wins over the names.
    const FillPlan mapped = plan_fill(c, sample_form(c), a, {{"edu599999", "4203"}});
    const auto m = std::find_if(mapped.matches.begin(), mapped.matches.end(),
                                [](const SchoolMatch& x) { return x.school == "edu599999"; });
    EXPECT_EQ(m->organisation, "4203");
    EXPECT_EQ(m->how, "сопоставление пользователя");
}

TEST(VprFill, AFormOfAnotherCatalogueIsRefused) {
    const Catalogue c = read_catalogue(MSOKO_CATALOGUE_FILE);
    const Analysis a = analyse({read_results({of_the_sample().sheet()}, "ма5.xlsx", table())}, {}, c.vpr);
    EXPECT_THROW(plan_fill(c, WorkbookSnapshot{}, a), std::runtime_error);
    EXPECT_THROW(plan_fill(test::mini(), sample_form(c), a), std::runtime_error);
}

TEST(VprWorkbook, HasItsSheetsAHistogramPerSchoolAndNoFormula) {
    const std::vector<ResultsFile> files{read_results({maths(2026).sheet()}, "ма5.xlsx", table())};
    const Analysis a = analyse(files, {}, default_vpr_settings());
    const ResultsWorkbook w = results_workbook(a, files, "МСОКО для Calc (тест)");
    for (const char* sheet : {kSummarySheet, kSchoolsSheet, kTasksSheet, kAnalysisSheet, kObjectivitySheet, kShnorSheet,
                              kPupilsSheet, kFindingsSheet})
        EXPECT_NE(w.fods.find(std::string("table:name=\"") + sheet + "\""), std::string::npos) << sheet;
    EXPECT_EQ(w.fods.find("table:formula"), std::string::npos);
    ASSERT_EQ(w.histograms.size(), 3u);                                   // three schools of ≥ 10 participants
    EXPECT_EQ(w.histograms[0].last_row - w.histograms[0].first_row, 11);  // header + scores 0…10
    EXPECT_LT(w.histograms[0].last_row, w.histograms[1].anchor_row);      // no chart over another's data
    EXPECT_NE(w.fods.find("МБОУ «Отмеченная СОШ»"), std::string::npos);
}

}  // namespace
}  // namespace msoko

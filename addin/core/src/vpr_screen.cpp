// SPDX-License-Identifier: MPL-2.0
// The objectivity screen (each flag «требует дополнительного анализа», with
// its rule and figures — never a verdict), the schools' totals the form
// takes, and the ШНОР candidates by the catalogue's criteria.
#include "msoko/text.hpp"
#include "vpr_analysis_parts.hpp"
#include "vpr_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace msoko::vpr {

const char* objectivity_rule_title(const std::string& rule) {
    if (rule == "boundary_peak")
        return "пик первичных баллов на границе отметки";
    if (rule == "mean_above")
        return "средний результат выше, чем у остальных ОО, за пределами обоих 95 % интервалов";
    if (rule == "correlation")
        return "отметки по журналу не согласуются с баллами (ранговая корреляция ниже 0)";
    if (rule == "journal_gaps")
        return "много больших расхождений с журналом (на 2 отметки и более)";
    if (rule == "easy_hard")
        return "базовые задания выполнены хуже, а повышенные — лучше, чем в остальных ОО муниципалитета";
    return "";
}

namespace {

// The chance that a Poisson count of mean `lambda` is at least `k`.
double poisson_tail(double lambda, std::size_t k) {
    double term = std::exp(-lambda), below = 0;
    for (std::size_t i = 0; i < k; ++i) {
        below += term;
        term *= lambda / static_cast<double>(i + 1);
    }
    return std::max(0.0, 1.0 - below);
}

// «1 участник», «3 участника», «27 участников».
std::string participants(std::size_t n) {
    const std::size_t last = n % 10, two = n % 100;
    const char* word = last == 1 && two != 11                             ? " участник"
                       : last >= 2 && last <= 4 && (two < 12 || two > 14) ? " участника"
                                                                          : " участников";
    return std::to_string(n) + word;
}

const char* mark_name(std::size_t i) {
    static const char* const names[] = {"«3»", "«4»", "«5»"};
    return names[i];
}

void flag(Analysis& a, const GroupStats& g, const char* rule, std::string figures) {
    a.flags.push_back(
        {g.school, g.school_name, g.subject, g.grade, rule, objectivity_rule_title(rule), std::move(figures)});
}

void screen_group(Analysis& a, const GroupStats& g, const SubjectGrade& sg, const Sums& all, const Sums& own,
                  const VprSettings& s) {
    if (g.participants < s.groups)
        return;  // no group analysis under `groups` participants
    // Peaks of the histogram right at the boundaries of the marks: the pupils at the least score of a
    // mark against the mean of the two scores on either side (a smooth distribution has about as many
    // there; pupils lifted over the boundary leave the scores below it nearly empty).
    if (sg.boundaries)
        for (std::size_t m = 0; m < 3; ++m) {
            const double b = (*sg.boundaries)[m];
            if (b != std::floor(b) || b < 1 || b >= static_cast<double>(g.histogram.size()))
                continue;
            const auto at = static_cast<std::size_t>(b);
            double around = 0;
            std::size_t bins = 0;
            for (std::size_t k = at >= 2 ? at - 2 : 0; k <= at + 2 && k < g.histogram.size(); ++k)
                if (k != at)
                    around += static_cast<double>(g.histogram[k]), ++bins;
            around /= static_cast<double>(bins);
            const std::size_t peak = g.histogram[at];
            const double expected = std::max(around, 0.5);
            if (peak >= s.peak_min && static_cast<double>(peak) >= s.peak_ratio * expected &&
                poisson_tail(expected, peak) < s.peak_p)
                flag(a, g, "boundary_peak",
                     "при " + decimal(b, 0) + " баллах (наименьший балл отметки " + mark_name(m) + ") — " +
                         participants(peak) + ", при соседних баллах (" +
                         decimal(static_cast<double>(at >= 2 ? at - 2 : 0), 0) + "–" + decimal(b + 2, 0) +
                         ") — в среднем " + decimal(around, 1) + " (порог: в " + decimal(s.peak_ratio, 1) +
                         " раза больше, не менее " + std::to_string(s.peak_min) + " и вероятность случайно — менее " +
                         decimal(100 * s.peak_p, 2) + " %)");
        }
    // The mean above the other schools' beyond both 95 % intervals.
    GroupStats o;
    summarise(minus(all, own), sg, s, o);
    if (g.ci_low && o.ci_high && o.participants >= s.groups && *g.ci_low > *o.ci_high)
        flag(a, g, "mean_above",
             "средний первичный балл " + decimal(*g.mean_percent) + " % от максимума (95 %: " + decimal(*g.ci_low) +
                 "–" + decimal(*g.ci_high) + "), у остальных ОО — " + decimal(*o.mean_percent) + " % (" +
                 decimal(*o.ci_low) + "–" + decimal(*o.ci_high) + "), " + participants(o.participants));
    if (g.rank_correlation && g.compared >= s.groups && *g.rank_correlation < s.correlation_below)
        flag(a, g, "correlation",
             "ранговая корреляция отметки по журналу и первичного балла ρ = " + decimal(*g.rank_correlation, 2) +
                 " (ниже " + decimal(s.correlation_below, 2) + "), сравнено: " + participants(g.compared));
    if (g.compared >= s.groups) {
        const double gaps = 100.0 * static_cast<double>(g.large_gaps) / static_cast<double>(g.compared);
        if (g.large_gaps && gaps >= s.journal_gap_share)
            flag(a, g, "journal_gaps",
                 std::to_string(g.large_gaps) + " из " + std::to_string(g.compared) + " участников (" + decimal(gaps) +
                     " %) получили отметку, отличающуюся от журнальной на " + decimal(s.journal_gap, 0) +
                     " и более (порог " + decimal(s.journal_gap_share) + " %)");
    }
    // Easy tasks done worse while hard ones better than the other schools.
    if (g.basic_percent && g.advanced_percent && o.basic_percent && o.advanced_percent &&
        *g.basic_percent<*o.basic_percent - s.easy_hard_margin&& * g.advanced_percent> * o.advanced_percent +
            s.easy_hard_margin)
        flag(a, g, "easy_hard",
             "базовые задания: " + decimal(*g.basic_percent) + " % (у остальных ОО " + decimal(*o.basic_percent) +
                 " %), повышенные: " + decimal(*g.advanced_percent) + " % (у остальных ОО " +
                 decimal(*o.advanced_percent) + " %); порог — " + decimal(s.easy_hard_margin) + " п. п.");
}

}  // namespace

void screen(Analysis& a, const SumsByGroup& sums, const VprSettings& s) {
    // The objectivity screen, per school × subject × grade.
    for (const SubjectGrade& sg : a.subjects) {
        const auto all = sums.find({fold(sg.subject), sg.grade, std::string()});
        if (all == sums.end())
            continue;
        for (const GroupStats& g : a.groups) {
            if (g.school.empty() || g.subject != sg.subject || g.grade != sg.grade)
                continue;
            const auto own = sums.find({fold(sg.subject), sg.grade, g.school});
            if (own != sums.end())
                screen_group(a, g, sg, all->second, own->second, s);
        }
    }

    // The schools' works over every subject and grade.
    std::map<std::string, SchoolTotals> totals;
    std::map<std::string, std::pair<double, std::size_t>> percent;  // Σ mean % × n, n
    std::map<std::string, std::size_t> subjects_2;                  // subject-grades with a high share of «2»
    std::map<std::string, double> per_subject;                      // the subjects_share_2 criterion's bound
    for (const auto& c : s.shnor)
        if (c.measure == "subjects_share_2")
            per_subject[c.id] = c.per_subject;
    std::map<std::string, std::map<std::string, std::size_t>> subjects_by_criterion;
    for (const GroupStats& g : a.groups) {
        if (g.school.empty())
            continue;
        SchoolTotals& t = totals[g.school];
        t.school = g.school;
        t.school_name = g.school_name;
        t.participants += g.participants;
        t.below_min += g.marks[0];
        t.success += g.marks[2] + g.marks[3];
        t.confirmed += g.confirmed;
        t.lowered += g.lowered;
        if (g.mean_percent) {
            const std::size_t n = g.participants;
            percent[g.school].first += *g.mean_percent * static_cast<double>(n);
            percent[g.school].second += n;
        }
        for (const auto& [id, bound] : per_subject)
            if (g.share_2 && *g.share_2 >= bound && g.participants >= s.groups)
                ++subjects_by_criterion[id][g.school];
    }
    for (auto& [school, t] : totals)
        a.schools.push_back(t);
    std::sort(a.schools.begin(), a.schools.end(), [](const SchoolTotals& x, const SchoolTotals& y) {
        return std::tie(x.school_name, x.school) < std::tie(y.school_name, y.school);
    });

    // ШНОР candidates.
    for (const SchoolTotals& t : a.schools) {
        std::size_t with_mark = 0, marks_45 = t.success;
        for (const GroupStats& g : a.groups)
            if (g.school == t.school)
                with_mark += g.with_mark;
        if (with_mark < s.shnor_min_works || s.shnor.empty())
            continue;
        ShnorCandidate c;
        c.school = t.school;
        c.school_name = t.school_name;
        c.works = with_mark;
        for (const ShnorCriterion& k : s.shnor) {
            double value = 0;
            std::string shown;
            if (k.measure == "share_2") {
                value = 100.0 * static_cast<double>(t.below_min) / static_cast<double>(with_mark);
                shown = "доля «2» " + decimal(value) + " %";
            } else if (k.measure == "share_45") {
                value = 100.0 * static_cast<double>(marks_45) / static_cast<double>(with_mark);
                shown = "доля «4» и «5» " + decimal(value) + " %";
            } else if (k.measure == "mean_percent") {
                const auto& p = percent[t.school];
                if (!p.second)
                    continue;
                value = p.first / static_cast<double>(p.second);
                shown = "средний первичный балл " + decimal(value) + " % от максимума";
            } else {
                value = static_cast<double>(subjects_by_criterion[k.id][t.school]);
                shown =
                    "предметов (классов) с долей «2» не ниже " + decimal(k.per_subject, 0) + " %: " + decimal(value, 0);
            }
            const bool met = (k.at_least && value >= *k.at_least) || (k.at_most && value <= *k.at_most);
            c.figures.push_back(shown);
            if (met)
                c.met.push_back(shown + " (" + k.title + ")");
        }
        if (c.met.size() >= std::max<std::size_t>(s.shnor_need, 1))
            a.shnor.push_back(std::move(c));
    }
}

}  // namespace msoko::vpr

// SPDX-License-Identifier: MPL-2.0
// The analysis of ВПР results per school × subject × grade and for the
// municipality (Σ over pupils): marks, the journal, tasks, sample size,
// dynamics; then the objectivity screen and ШНОР (vpr_screen.cpp).
#include "msoko/vpr_analysis.hpp"
#include "msoko/text.hpp"
#include "vpr_analysis_parts.hpp"
#include "vpr_reader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace msoko::vpr {

const char* sample_size_title(SampleSize s) {
    switch (s) {
        case SampleSize::Informative:
            return "информативная";
        case SampleSize::Caution:
            return "с осторожностью";
        case SampleSize::Limited:
            return "ограниченная";
        case SampleSize::NoAnalysis:
            break;
    }
    return "мала для анализа";
}

SampleSize sample_size(std::size_t participants, const VprSettings& s) {
    if (participants >= s.informative)
        return SampleSize::Informative;
    if (participants >= s.caution)
        return SampleSize::Caution;
    return participants >= s.groups ? SampleSize::Limited : SampleSize::NoAnalysis;
}

const char* task_band_title(TaskBand b) {
    switch (b) {
        case TaskBand::Sufficient:
            return "достаточно";
        case TaskBand::Uncertain:
            return "зона неопределенности";
        case TaskBand::Insufficient:
            break;
    }
    return "недостаточно";
}

TaskBand task_band(double percent, TaskLevel level, const VprSettings& s) {
    const TaskThreshold& t = level == TaskLevel::Advanced ? s.advanced : s.basic;
    if (percent >= t.sufficient)
        return TaskBand::Sufficient;
    return percent < t.insufficient ? TaskBand::Insufficient : TaskBand::Uncertain;
}

const GroupStats* Analysis::municipality(const std::string& subject, int grade) const {
    for (const auto& g : groups)
        if (g.school.empty() && g.subject == subject && g.grade == grade)
            return &g;
    return nullptr;
}

namespace {

std::optional<double> share(std::size_t part, std::size_t whole) {
    if (!whole)
        return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// Ranks 1…n, ties sharing their mean rank.
std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
            ++j;
        const double mean = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            r[order[k]] = mean;
        i = j + 1;
    }
    return r;
}

}  // namespace

std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size() || x.size() < 3)
        return std::nullopt;
    const std::vector<double> rx = ranks(x), ry = ranks(y);
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < rx.size(); ++i)
        mx += rx[i], my += ry[i];
    mx /= n, my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < rx.size(); ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    if (sxx == 0 || syy == 0)
        return std::nullopt;  // every journal mark (or every score) the same: no order to compare
    return sxy / std::sqrt(sxx * syy);
}

Sums minus(const Sums& all, const Sums& part) {
    Sums out = all;
    out.participants -= part.participants;
    out.scored -= part.scored;
    out.with_tasks -= part.with_tasks;
    out.sum -= part.sum;
    out.sum2 -= part.sum2;
    for (std::size_t k = 0; k < out.points.size() && k < part.points.size(); ++k)
        out.points[k] -= part.points[k];
    return out;
}

void summarise(const Sums& m, const SubjectGrade& sg, const VprSettings& s, GroupStats& g) {
    g.mean_percent.reset();
    g.ci_low.reset();
    g.ci_high.reset();
    if (m.scored) {
        const double n = static_cast<double>(m.scored);
        g.mean_percent = m.sum / n;
        if (m.scored > 1) {
            const double ss = std::max(0.0, m.sum2 - m.sum * m.sum / n);
            const double half = s.confidence_z * std::sqrt(ss / (n - 1)) / std::sqrt(n);
            g.ci_low = *g.mean_percent - half;
            g.ci_high = *g.mean_percent + half;
        }
    }
    g.task_percent.assign(sg.tasks.size(), std::nullopt);
    double basic = 0, advanced = 0;
    std::size_t n_basic = 0, n_advanced = 0;
    for (std::size_t k = 0; k < m.points.size() && k < sg.tasks.size() && m.with_tasks; ++k) {
        if (sg.tasks[k].max <= 0)
            continue;
        const double pct = 100.0 * m.points[k] / (sg.tasks[k].max * static_cast<double>(m.with_tasks));
        g.task_percent[k] = pct;
        if (sg.tasks[k].level == TaskLevel::Basic)
            basic += pct, ++n_basic;
        else if (sg.tasks[k].level == TaskLevel::Advanced)
            advanced += pct, ++n_advanced;
    }
    g.basic_percent.reset();
    g.advanced_percent.reset();
    if (n_basic)
        g.basic_percent = basic / static_cast<double>(n_basic);
    if (n_advanced)
        g.advanced_percent = advanced / static_cast<double>(n_advanced);
    g.participants = m.participants;
}

GroupStats group_stats(const std::vector<const Pupil*>& pupils, const SubjectGrade& sg, const VprSettings& s,
                       Sums* sums_out) {
    GroupStats g;
    g.subject = sg.subject;
    g.grade = sg.grade;
    const std::size_t top = static_cast<std::size_t>(std::max(0.0, std::floor(sg.max)));
    g.histogram.assign(top + 1, 0);
    Sums m;
    m.points.assign(sg.tasks.size(), 0.0);
    std::vector<double> journal, primary;
    for (const Pupil* p : pupils) {
        if (p->absent) {
            ++g.absent;
            continue;
        }
        ++m.participants;
        if (p->mark) {
            ++g.with_mark;
            ++g.marks[static_cast<std::size_t>(*p->mark - 2)];
        }
        if (p->mark && p->journal) {
            ++g.compared;
            if (*p->mark < *p->journal)
                ++g.lowered;
            else if (*p->mark == *p->journal)
                ++g.confirmed;
            else
                ++g.raised;
            if (std::abs(*p->mark - *p->journal) >= s.journal_gap)
                ++g.large_gaps;
        }
        if (p->primary) {
            if (sg.max > 0) {
                const double pct = 100.0 * *p->primary / sg.max;
                ++m.scored;
                m.sum += pct;
                m.sum2 += pct * pct;
            }
            const double clamped = std::clamp(std::round(*p->primary), 0.0, static_cast<double>(top));
            ++g.histogram[static_cast<std::size_t>(clamped)];
            if (p->journal) {
                journal.push_back(*p->journal);
                primary.push_back(*p->primary);
            }
        }
        if (p->scores.size() == sg.tasks.size()) {
            ++m.with_tasks;
            for (std::size_t k = 0; k < m.points.size(); ++k)
                m.points[k] += p->scores[k].value_or(0.0);
        }
    }
    summarise(m, sg, s, g);
    g.share_2 = share(g.marks[0], g.with_mark);
    g.share_45 = share(g.marks[2] + g.marks[3], g.with_mark);
    g.lowered_share = share(g.lowered, g.compared);
    g.confirmed_share = share(g.confirmed, g.compared);
    g.raised_share = share(g.raised, g.compared);
    g.rank_correlation = spearman(journal, primary);
    g.sample = sample_size(g.participants, s);
    if (sums_out)
        *sums_out = std::move(m);
    return g;
}

namespace {

// The subjects and grades of the files, their pupils (each pupil once), and the files' findings.
struct Gathered {
    std::vector<SubjectGrade> subjects;
    std::map<Key, std::vector<const Pupil*>> pupils;
    std::vector<Finding> findings;
};

Gathered gather(const std::vector<ResultsFile>& files) {
    Gathered out;
    std::map<Key, std::size_t> index;
    std::map<Key, std::map<std::string, std::string>> codes;  // code → the file it was first read from
    for (const ResultsFile& f : files) {
        out.findings.insert(out.findings.end(), f.findings.begin(), f.findings.end());
        const Key key{fold(f.subject), f.grade};
        auto [it, fresh] = index.emplace(key, out.subjects.size());
        if (fresh) {
            SubjectGrade sg;
            sg.subject = f.subject;
            sg.grade = f.grade;
            sg.year = f.year;
            sg.max = f.max_score.value_or(0);
            sg.tasks = f.tasks;
            if (f.boundaries) {
                sg.boundaries = f.boundaries->from;
                sg.boundaries_from_table = true;
            }
            out.subjects.push_back(std::move(sg));
        }
        SubjectGrade& sg = out.subjects[it->second];
        sg.files.push_back(f.file);
        const bool same_tasks = f.tasks.size() == sg.tasks.size() && f.max_score.value_or(0) == sg.max;
        if (!same_tasks)
            out.findings.push_back({Severity::Warning,
                                    "vpr.tasks_differ",
                                    f.file,
                                    f.sheet,
                                    -1,
                                    -1,
                                    {},
                                    subject_grade(f.subject, f.grade) + ": задания файла не те, что в «" +
                                        sg.files.front() + "» — баллы за задания этого файла не сравниваются"});
        auto& seen = codes[key];
        auto& list = out.pupils[key];
        std::size_t repeated = 0;
        for (const Pupil& p : f.pupils) {
            if (!p.code.empty()) {
                const auto [c, first] = seen.emplace(p.code, f.file);
                if (!first && c->second != f.file) {
                    ++repeated;
                    continue;  // the same work in two files: counted once
                }
            }
            list.push_back(&p);
        }
        if (repeated)
            out.findings.push_back({Severity::Warning,
                                    "vpr.duplicate_file",
                                    f.file,
                                    f.sheet,
                                    -1,
                                    -1,
                                    {},
                                    subject_grade(f.subject, f.grade) + ": " + std::to_string(repeated) +
                                        " работ этого файла уже есть в другом файле — каждая учтена один раз"});
    }
    // Boundaries from the files' own marks when the table has none: the least score of each mark.
    for (SubjectGrade& sg : out.subjects) {
        if (sg.boundaries)
            continue;
        std::array<std::optional<double>, 3> least;
        for (const Pupil* p : out.pupils[{fold(sg.subject), sg.grade}])
            if (p->mark && p->primary && *p->mark >= 3 && !p->mark_from_boundaries) {
                auto& l = least[static_cast<std::size_t>(*p->mark - 3)];
                l = l ? std::min(*l, *p->primary) : *p->primary;
            }
        if (least[0] && least[1] && least[2] && *least[0] < *least[1] && *least[1] < *least[2])
            sg.boundaries = std::array<double, 3>{*least[0], *least[1], *least[2]};
    }
    std::sort(out.subjects.begin(), out.subjects.end(), [](const SubjectGrade& a, const SubjectGrade& b) {
        return std::tie(a.subject, a.grade) < std::tie(b.subject, b.grade);
    });
    return out;
}

}  // namespace

Analysis analyse(const std::vector<ResultsFile>& files, const std::vector<ResultsFile>& previous,
                 const VprSettings& settings) {
    Analysis a;
    a.settings = settings;
    Gathered g = gather(files);
    a.subjects = std::move(g.subjects);
    a.findings = std::move(g.findings);
    for (const auto& f : files) {
        a.files.push_back(f.file);
        a.pupils += f.pupils.size();
    }
    std::map<std::tuple<std::string, int, std::string>, double> before;  // subject, grade, school → share of «2»
    if (!previous.empty()) {
        a.has_previous = true;
        const Analysis last = analyse(previous, {}, settings);
        for (const auto& lg : last.groups)
            if (lg.share_2)
                before[{fold(lg.subject), lg.grade, lg.school}] = *lg.share_2;
    }
    SumsByGroup sums;
    for (const SubjectGrade& sg : a.subjects) {
        const auto& pupils = g.pupils[{fold(sg.subject), sg.grade}];
        std::map<std::string, std::vector<const Pupil*>> by_school;
        std::map<std::string, std::string> names;
        for (const Pupil* p : pupils) {
            by_school[p->school].push_back(p);
            names.emplace(p->school, p->school_name);
        }
        Sums& all = sums[{fold(sg.subject), sg.grade, std::string()}];
        GroupStats m = group_stats(pupils, sg, settings, &all);
        m.school_name = "Муниципалитет (все ОО)";
        std::vector<GroupStats> schools;
        for (const auto& [school, list] : by_school) {
            GroupStats s = group_stats(list, sg, settings, &sums[{fold(sg.subject), sg.grade, school}]);
            s.school = school;
            s.school_name = names[school];
            schools.push_back(std::move(s));
        }
        std::sort(schools.begin(), schools.end(), [](const GroupStats& x, const GroupStats& y) {
            return std::tie(x.school_name, x.school) < std::tie(y.school_name, y.school);
        });
        a.groups.push_back(std::move(m));
        for (auto& s : schools)
            a.groups.push_back(std::move(s));
    }
    for (GroupStats& gs : a.groups) {
        const auto it = before.find({fold(gs.subject), gs.grade, gs.school});
        if (it == before.end() || !gs.share_2)
            continue;
        gs.previous_share_2 = it->second;
        gs.dynamics_2 = *gs.share_2 - it->second;
        gs.worse = *gs.dynamics_2 >= settings.worse_by;
    }
    screen(a, sums, settings);
    return a;
}

}  // namespace msoko::vpr

// SPDX-License-Identifier: MPL-2.0
// The analysis as a table (a terminal, the sheet «По школам») and as JSON
// (msoko-vpr/1): figures only, never a pupil's code.
#include "msoko/text.hpp"
#include "msoko/vpr_analysis.hpp"
#include "vpr_reader.hpp"

#include <boost/json.hpp>

namespace msoko::vpr {

namespace {

std::string shown(const std::optional<double>& v, int digits = 1) {
    return v ? decimal(*v, digits) : "—";
}

}  // namespace

std::vector<std::vector<std::string>> school_table(const Analysis& a) {
    std::vector<std::vector<std::string>> rows{{"Предмет, класс", "ОО", "Участн.", "«2»", "«3»", "«4»", "«5»", "% «2»",
                                                "% «4–5»", "Пониз. %", "Подтв. %", "Повыс. %", "Ср. %", "Выборка",
                                                "Динамика «2»"}};
    for (const GroupStats& g : a.groups) {
        std::string dynamics = "—";
        if (g.dynamics_2)
            dynamics = (*g.dynamics_2 > 0 ? "+" : "") + decimal(*g.dynamics_2) + (g.worse ? " (хуже)" : "");
        rows.push_back({subject_grade(g.subject, g.grade), g.school_name, std::to_string(g.participants),
                        std::to_string(g.marks[0]), std::to_string(g.marks[1]), std::to_string(g.marks[2]),
                        std::to_string(g.marks[3]), shown(g.share_2), shown(g.share_45), shown(g.lowered_share),
                        shown(g.confirmed_share), shown(g.raised_share), shown(g.mean_percent),
                        sample_size_title(g.sample), dynamics});
    }
    return rows;
}

namespace {

boost::json::value optional(const std::optional<double>& v) {
    return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

std::string analysis_json(const Analysis& a) {
    namespace json = boost::json;
    json::object root;
    root["format"] = "msoko-vpr/1";
    json::array files;
    for (const auto& f : a.files)
        files.emplace_back(f);
    root["files"] = std::move(files);
    root["pupils"] = a.pupils;
    json::array subjects;
    for (const SubjectGrade& sg : a.subjects) {
        json::object o;
        o["subject"] = sg.subject;
        o["grade"] = sg.grade;
        o["year"] = sg.year;
        o["max"] = sg.max;
        json::array tasks;
        for (const Task& t : sg.tasks)
            tasks.push_back(json::object{{"label", t.label}, {"max", t.max}, {"level", task_level_title(t.level)}});
        o["tasks"] = std::move(tasks);
        if (sg.boundaries)
            o["boundaries"] = json::array{(*sg.boundaries)[0], (*sg.boundaries)[1], (*sg.boundaries)[2]};
        else
            o["boundaries"] = nullptr;
        o["boundaries_from_table"] = sg.boundaries_from_table;
        subjects.push_back(std::move(o));
    }
    root["subjects"] = std::move(subjects);
    json::array groups;
    for (const GroupStats& g : a.groups) {
        json::object o;
        o["school"] = g.school;
        o["school_name"] = g.school_name;
        o["subject"] = g.subject;
        o["grade"] = g.grade;
        o["participants"] = g.participants;
        o["absent"] = g.absent;
        o["marks"] = json::array{g.marks[0], g.marks[1], g.marks[2], g.marks[3]};
        o["with_mark"] = g.with_mark;
        o["share_2"] = optional(g.share_2);
        o["share_45"] = optional(g.share_45);
        o["compared"] = g.compared;
        o["lowered"] = g.lowered;
        o["confirmed"] = g.confirmed;
        o["raised"] = g.raised;
        o["large_gaps"] = g.large_gaps;
        o["mean_percent"] = optional(g.mean_percent);
        o["ci"] = g.ci_low ? json::value(json::array{*g.ci_low, *g.ci_high}) : json::value(nullptr);
        o["rank_correlation"] = optional(g.rank_correlation);
        json::array tp;
        for (const auto& t : g.task_percent)
            tp.push_back(optional(t));
        o["task_percent"] = std::move(tp);
        o["basic_percent"] = optional(g.basic_percent);
        o["advanced_percent"] = optional(g.advanced_percent);
        json::array h;
        for (std::size_t n : g.histogram)
            h.emplace_back(n);
        o["histogram"] = std::move(h);
        o["sample"] = sample_size_title(g.sample);
        o["previous_share_2"] = optional(g.previous_share_2);
        o["dynamics_2"] = optional(g.dynamics_2);
        o["worse"] = g.worse;
        groups.push_back(std::move(o));
    }
    root["groups"] = std::move(groups);
    json::array flags;
    for (const ObjectivityFlag& f : a.flags)
        flags.push_back(json::object{{"school", f.school},
                                     {"school_name", f.school_name},
                                     {"subject", f.subject},
                                     {"grade", f.grade},
                                     {"rule", f.rule},
                                     {"title", f.title},
                                     {"figures", f.figures}});
    root["flags"] = std::move(flags);
    json::array shnor;
    for (const ShnorCandidate& c : a.shnor) {
        json::array met, figures;
        for (const auto& m : c.met)
            met.emplace_back(m);
        for (const auto& m : c.figures)
            figures.emplace_back(m);
        shnor.push_back(json::object{{"school", c.school},
                                     {"school_name", c.school_name},
                                     {"works", c.works},
                                     {"met", std::move(met)},
                                     {"figures", std::move(figures)}});
    }
    root["shnor"] = std::move(shnor);
    json::array schools;
    for (const SchoolTotals& t : a.schools)
        schools.push_back(json::object{{"school", t.school},
                                       {"school_name", t.school_name},
                                       {"participants", t.participants},
                                       {"below_min", t.below_min},
                                       {"success", t.success},
                                       {"confirmed", t.confirmed},
                                       {"lowered", t.lowered}});
    root["schools"] = std::move(schools);
    json::array findings;
    for (const Finding& f : a.findings)
        findings.push_back(json::object{{"severity", severity_name(f.severity)},
                                        {"kind", f.kind},
                                        {"file", f.file},
                                        {"sheet", f.sheet},
                                        {"row", f.row},
                                        {"col", f.col},
                                        {"school", f.school},
                                        {"message", f.message}});
    root["findings"] = std::move(findings);
    return json::serialize(root) + "\n";
}

}  // namespace msoko::vpr

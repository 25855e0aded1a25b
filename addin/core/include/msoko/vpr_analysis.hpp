// SPDX-License-Identifier: MPL-2.0
#pragma once

// The analysis of imported ВПР results (msoko/vpr.hpp) a municipality does:
// per school × subject × grade and for the municipality (Σ over pupils),
// the objectivity screen, ШНОР candidates and the figures the form takes.
// Shares are percent, not rounded. docs/vpr.md states every rule.

#include "msoko/vpr.hpp"
#include "msoko/vpr_settings.hpp"

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace msoko::vpr {

enum class SampleSize { Informative, Caution, Limited, NoAnalysis };
/// «информативная», «с осторожностью», «ограниченная», «мала для анализа».
const char* sample_size_title(SampleSize s);
SampleSize sample_size(std::size_t participants, const VprSettings& settings);

enum class TaskBand { Sufficient, Uncertain, Insufficient };
/// «достаточно», «зона неопределенности», «недостаточно».
const char* task_band_title(TaskBand b);
TaskBand task_band(double percent, TaskLevel level, const VprSettings& settings);

/// One subject and grade (one file, or several files of it) for one school, or for the municipality.
struct GroupStats {
    std::string school;  ///< login; empty: the municipality (every pupil of the files)
    std::string school_name;
    std::string subject;
    int grade = 0;
    std::size_t participants = 0;  ///< wrote the work (absent pupils are not participants)
    std::size_t absent = 0;
    std::array<std::size_t, 4> marks{};  ///< «2», «3», «4», «5»
    std::size_t with_mark = 0;
    std::optional<double> share_2, share_45;  ///< of with_mark
    std::size_t compared = 0;                 ///< pupils with a mark and a journal mark
    std::size_t lowered = 0, confirmed = 0, raised = 0;
    std::size_t large_gaps = 0;                                          ///< |mark − journal| ≥ journal_gap
    std::optional<double> lowered_share, confirmed_share, raised_share;  ///< of compared
    std::optional<double> mean_percent;                                  ///< mean primary score, % of the maximum
    std::optional<double> ci_low, ci_high;                               ///< its 95 % interval
    std::optional<double> rank_correlation;                              ///< Spearman's, journal mark vs primary score
    std::vector<std::optional<double>> task_percent;  ///< per task of the subject: Σ points / (max × participants)
    std::optional<double> basic_percent, advanced_percent;  ///< mean over the basic, the advanced tasks
    std::vector<std::size_t> histogram;                     ///< pupils per primary score 0 … max
    SampleSize sample = SampleSize::NoAnalysis;
    std::optional<double> previous_share_2;  ///< last year's, when its file was given
    std::optional<double> dynamics_2;        ///< share_2 − previous_share_2, p. p.
    bool worse = false;                      ///< dynamics_2 ≥ worse_by
};

/// The tasks and boundaries of a subject and grade, as its files give them.
struct SubjectGrade {
    std::string subject;
    int grade = 0;
    int year = 0;
    double max = 0;
    std::vector<Task> tasks;
    std::optional<std::array<double, 3>> boundaries;  ///< from the table, else as the file's marks show them
    bool boundaries_from_table = false;
    std::vector<std::string> files;
};

/// A flag of the objectivity screen: «требует дополнительного анализа», never a verdict.
struct ObjectivityFlag {
    std::string school, school_name, subject;
    int grade = 0;
    std::string rule;     ///< boundary_peak, mean_above, correlation, journal_gaps, easy_hard
    std::string title;    ///< the rule in Russian
    std::string figures;  ///< what was measured, Russian, with the numbers
};
/// The rule's title in Russian, as «Объективность» names it.
const char* objectivity_rule_title(const std::string& rule);

/// A school the criteria name as a ШНОР candidate, with the figures behind.
struct ShnorCandidate {
    std::string school, school_name;
    std::size_t works = 0;
    std::vector<std::string> met;      ///< the criteria met: «доля «2» 27,3 % (не ниже 20 %)»
    std::vector<std::string> figures;  ///< every criterion's figure, met or not
};

/// A school's works over every subject and grade: what the form takes.
struct SchoolTotals {
    std::string school, school_name;
    std::size_t participants = 0, below_min = 0, success = 0, confirmed = 0, lowered = 0;
};

struct Analysis {
    std::vector<SubjectGrade> subjects;  ///< by subject, then grade
    std::vector<GroupStats> groups;      ///< per subject-grade: the municipality first, then the schools by name
    std::vector<ObjectivityFlag> flags;
    std::vector<ShnorCandidate> shnor;
    std::vector<SchoolTotals> schools;  ///< by name
    std::vector<Finding> findings;      ///< the files' and the analysis' own
    std::size_t pupils = 0;             ///< lines read
    std::vector<std::string> files;
    bool has_previous = false;
    VprSettings settings;  ///< the thresholds it was made with
    const GroupStats* municipality(const std::string& subject, int grade) const;
};

/// The analysis of this year's files; `previous`: last year's (may be empty) for the dynamics.
Analysis analyse(const std::vector<ResultsFile>& files, const std::vector<ResultsFile>& previous,
                 const VprSettings& settings);

/// The per-school table for a terminal and the sheet «По школам»: heads, then a row per group.
std::vector<std::vector<std::string>> school_table(const Analysis& analysis);

/// {"format": "msoko-vpr/1", files, subjects, groups, flags, shnor, schools, findings} — no pupil's code.
std::string analysis_json(const Analysis& analysis);

}  // namespace msoko::vpr

// SPDX-License-Identifier: MPL-2.0
#pragma once

// The analysis' parts, private to vpr_analysis.cpp (the figures per group)
// and vpr_screen.cpp (the objectivity screen, ШНОР, the schools' totals).

#include "msoko/vpr_analysis.hpp"

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace msoko::vpr {

using Key = std::tuple<std::string, int>;  // folded subject, grade
using PupilsBySubject = std::map<Key, std::vector<const Pupil*>>;

// Spearman's rank correlation (ties share their mean rank); none under 3 pairs or without variation.
std::optional<double> spearman(const std::vector<double>& x, const std::vector<double>& y);

// What a group's means add up from: the other schools' are the municipality's less the school's.
struct Sums {
    std::size_t participants = 0, scored = 0, with_tasks = 0;
    double sum = 0, sum2 = 0;    // of the primary scores, % of the maximum
    std::vector<double> points;  // per task
};
using SumsByGroup = std::map<std::tuple<std::string, int, std::string>, Sums>;  // folded subject, grade, school

Sums minus(const Sums& all, const Sums& part);
// The participants, mean, its interval and the tasks' percents of `g` from its sums.
void summarise(const Sums& sums, const SubjectGrade& sg, const VprSettings& s, GroupStats& g);

// The figures of one group of pupils of a subject and grade; `sums`, when given, gets its sums.
GroupStats group_stats(const std::vector<const Pupil*>& pupils, const SubjectGrade& sg, const VprSettings& s,
                       Sums* sums = nullptr);

// The objectivity flags, the schools' totals and the ШНОР candidates of `a`'s groups.
void screen(Analysis& a, const SumsByGroup& sums, const VprSettings& s);

}  // namespace msoko::vpr

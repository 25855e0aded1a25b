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

// The figures of one group of pupils of a subject and grade.
GroupStats group_stats(const std::vector<const Pupil*>& pupils, const SubjectGrade& sg, const VprSettings& s);

// The objectivity flags, the schools' totals and the ШНОР candidates of `a`'s groups.
void screen(Analysis& a, const PupilsBySubject& pupils, const VprSettings& s);

}  // namespace msoko::vpr

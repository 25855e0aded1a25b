// SPDX-License-Identifier: MPL-2.0
#pragma once

// What the analysis of ВПР results takes from the catalogue (its member
// "vpr", docs/vpr.md): the thresholds of task success and of sample size,
// the objectivity screen's figures, the criteria of ШНОР candidates and
// which fields of the form the results fill. The region sets them; the
// defaults here are the documented ones (ФИОКО's 2026 recommendations) and
// what a catalogue without the member gets.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace msoko {

/// A task's success band: sufficient at ≥ `sufficient` %, insufficient below `insufficient` %, uncertain
/// between (ФИОКО: basic 60 % with a margin of 3, advanced 30 % with 1,5).
struct TaskThreshold {
    double sufficient = 60;
    double insufficient = 57;
};

/// One criterion of a ШНОР candidate: a measure of a school's ВПР works compared with a bound.
struct ShnorCriterion {
    std::string id;
    /// share_2 (% of works marked «2»), share_45 (% marked «4» or «5»), mean_percent (mean primary score, %
    /// of the maximum), subjects_share_2 (subject-grades whose share of «2» is ≥ `per_subject`).
    std::string measure;
    std::optional<double> at_least, at_most;
    double per_subject = 0;  ///< for subjects_share_2
    std::string title;       ///< Russian: «доля работ с отметкой «2» не ниже 20 %»
};

struct VprSettings {
    TaskThreshold basic{60, 57};
    TaskThreshold advanced{30, 28.5};
    /// Sample size: ≥ informative — informative; ≥ caution — use with caution; below — limited; below
    /// `groups` — no group analysis (no objectivity flag, no task band).
    std::size_t informative = 50, caution = 20, groups = 10;
    /// The share of «2» up by this many percentage points on last year or more: a negative dynamics.
    double worse_by = 10;

    // The objectivity screen («требует дополнительного анализа»)
    /// A peak at a mark boundary: the pupils scoring exactly the least score of a mark are at least
    /// `peak_ratio` times the mean of the two scores on either side, and at least `peak_min` pupils …
    double peak_ratio = 2.5;
    std::size_t peak_min = 4;
    /// … and so many that a Poisson count of that mean reaches it with a chance below `peak_p`.
    double peak_p = 0.001;
    double confidence_z = 1.96;     ///< the 95 % interval of a mean
    double journal_gap = 2;         ///< a mark this far from the journal's is a large gap
    double journal_gap_share = 10;  ///< flag at ≥ this % of the pupils compared
    double correlation_below = 0;   ///< flag a rank correlation of journal and score below this
    double easy_hard_margin = 5;    ///< basic tasks this many p. p. under the municipality, advanced as many over

    // ШНОР candidates
    std::size_t shnor_min_works = 20;  ///< a school with fewer works is not judged
    std::size_t shnor_need = 1;        ///< how many criteria must hold
    std::vector<ShnorCriterion> shnor;

    /// The form's fields the results fill, per school (field ids of the catalogue; empty: not filled).
    struct Fill {
        std::string participants, below_min, success, confirmed, lowered;
    } fill;

    /// Where the values come from, the comment of each filled cell.
    std::string fill_comment = "из ФИС ОКО";
};

/// The defaults: as above, with the ШНОР criteria share_2 ≥ 20, share_45 ≤ 25 (either), and no fields to fill.
VprSettings default_vpr_settings();

}  // namespace msoko

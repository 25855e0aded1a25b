// SPDX-License-Identifier: MPL-2.0
#pragma once

// The results workbook of an import (docs/vpr.md) rendered from the
// analysis as flat ODF: «Сводка», «По школам», «Задания», «Анализ» (the
// data of each school's histogram of primary scores; the charts are made
// by Calc, addin/uno/vpr_book), «Объективность», «ШНОР», «Участники»
// (one line per pupil: the code only as given, no name), «Замечания».
// Numbers and text only, no formula: it opens in any Calc.

#include "msoko/vpr_analysis.hpp"

#include <string>
#include <vector>

namespace msoko::vpr {

inline constexpr const char* kSummarySheet = "Сводка";
inline constexpr const char* kSchoolsSheet = "По школам";
inline constexpr const char* kTasksSheet = "Задания";
inline constexpr const char* kAnalysisSheet = "Анализ";
inline constexpr const char* kObjectivitySheet = "Объективность";
inline constexpr const char* kShnorSheet = "ШНОР";
inline constexpr const char* kPupilsSheet = "Участники";
inline constexpr const char* kFindingsSheet = "Замечания";

/// A histogram Calc is to make on «Анализ»: columns of pupils per primary score (the first column of the
/// data the scores, the second the school's pupils, the third the municipality's, scaled to the school's
/// participants); the header row names the series.
struct Histogram {
    std::string name;  ///< unique in the sheet («hist_3»)
    std::string title;  ///< «МБОУ «…» — Русский язык, 4 класс (границы «3», «4», «5»: 8, 14, 20)»
    std::string sheet;                ///< kAnalysisSheet
    int first_row = 0, last_row = 0;  ///< 0-based, the header row first
    int first_col = 0, last_col = 2;
    int anchor_row = 0, anchor_col = 4;  ///< where its top left corner goes
    int height_rows = 14;
    std::vector<double> boundaries;  ///< the least scores of «3», «4», «5», for the title's note
};

struct ResultsWorkbook {
    std::string fods;
    std::vector<Histogram> histograms;
    struct Pane {
        std::string sheet;
        int row = 0, col = 0;
    };
    std::vector<Pane> panes;
};

/// The results workbook of `files` and their analysis. `generator`: who made it («МСОКО для Calc 1.8.0»).
ResultsWorkbook results_workbook(const Analysis& analysis, const std::vector<ResultsFile>& files,
                                 const std::string& generator);

}  // namespace msoko::vpr

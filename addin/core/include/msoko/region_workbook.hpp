// SPDX-License-Identifier: MPL-2.0
#pragma once

// The region workbook (docs/region.md) rendered from the region's model
// (msoko/region.hpp) as flat ODF: «Готовность», «Показатели региона»,
// «Рейтинг», «Баллы», «Профиль», «Диаграммы» (the data of one chart per
// direction; the charts themselves are made by Calc, addin/uno/region_book)
// and «Банк процедур». Numbers and text only — no formula of the
// extension — so that it opens in any Calc, with or without МСОКО.

#include "msoko/catalogue.hpp"
#include "msoko/region.hpp"

#include <string>
#include <vector>

namespace msoko {

inline constexpr const char* kRegionReadinessSheet = "Готовность";
inline constexpr const char* kRegionValuesSheet = "Показатели региона";
inline constexpr const char* kRegionRankingSheet = "Рейтинг";
inline constexpr const char* kRegionScoresSheet = "Баллы";
inline constexpr const char* kRegionProfileSheet = "Профиль";
inline constexpr const char* kRegionChartsSheet = "Диаграммы";

/// A chart Calc is to make: a bar per municipality (the first column of the
/// data holds the names, the second the values), the region's value as a
/// line (the third column); the header row names the series.
struct RegionChart {
    std::string name;                 ///< unique in the sheet («chart_5.1.1»)
    std::string title;                ///< «5.1.1 … — 5.1.1.3 Доля …»
    std::string sheet;                ///< kRegionChartsSheet
    int first_row = 0, last_row = 0;  ///< 0-based, the header row first
    int first_col = 0, last_col = 2;
    /// Where its top left corner goes (0-based cell) and its size in cells.
    int anchor_row = 0, anchor_col = 4;
    int height_rows = 16;
};

/// Which indicator a direction's chart shows: the first ranked headline of
/// the direction whose role is «результативный», else its first ranked
/// headline, else none (the direction gets no chart).
const Indicator* chart_indicator(const Catalogue& catalogue, const Direction& direction, const Region& region);

/// The rows and columns of a sheet kept in view (Calc takes them from the
/// view, not from a loaded flat ODF's settings).
struct RegionPane {
    std::string sheet;
    int row = 0, col = 0;  ///< frozen above / left of these (0-based)
};

struct RegionWorkbook {
    std::string fods;                 ///< the whole flat ODF document
    std::vector<RegionChart> charts;  ///< in «Диаграммы», one per direction that has an indicator to show
    std::vector<RegionPane> panes;    ///< the sheets with header rows or columns to keep in view
};

/// The region workbook. `generator`: who made it («МСОКО для Calc 1.7.0»).
RegionWorkbook region_workbook(const Catalogue& catalogue, const Region& region, const std::string& generator);

}  // namespace msoko

// SPDX-License-Identifier: MPL-2.0
#pragma once

// The sheets of the region workbook (region_workbook.cpp, region_sheets.cpp):
// private to the writer.

#include "form_odf.hpp"
#include "msoko/region_workbook.hpp"

#include <optional>
#include <string>
#include <vector>

namespace msoko::region_sheets {

/// The automatic styles of the region workbook.
std::string styles();
/// A value cell: «—» without a value; `region`: bold on grey.
std::string value_cell(std::optional<double> v, int decimals, bool region = false);

odf::Sheet readiness(const Region& region);
odf::Sheet values(const Catalogue& catalogue, const Region& region);
odf::Sheet ranking(const Catalogue& catalogue, const Region& region);
odf::Sheet scores(const Catalogue& catalogue, const Region& region);
odf::Sheet profiles(const Catalogue& catalogue, const Region& region);
/// «Диаграммы»: the data block of each chart; `charts` gets their places.
odf::Sheet charts(const Catalogue& catalogue, const Region& region, std::vector<RegionChart>& charts);

}  // namespace msoko::region_sheets

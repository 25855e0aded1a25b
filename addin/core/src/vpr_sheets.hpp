// SPDX-License-Identifier: MPL-2.0
#pragma once

// The sheets of the ВПР results workbook (vpr_workbook.cpp, vpr_sheets.cpp):
// private to the writer.

#include "form_odf.hpp"
#include "msoko/vpr_workbook.hpp"

#include <string>
#include <vector>

namespace msoko::vpr {

std::string spanned(int columns);
void header(odf::Sheet& sh, int row, const std::vector<std::string>& texts, int from_col = 0);
void title(odf::Sheet& sh, const std::string& text, const std::string& sub, int span);

odf::Sheet objectivity_sheet(const Analysis& a);
odf::Sheet shnor_sheet(const Analysis& a);
odf::Sheet pupils_sheet(const std::vector<ResultsFile>& files);
odf::Sheet findings_sheet(const Analysis& a);
/// «Анализ»: every group's histogram data; `charts` gets at most `max_charts` of them (the flagged
/// schools first), `drawable` how many could have been drawn.
odf::Sheet analysis_sheet(const Analysis& a, std::vector<Histogram>& charts, std::size_t max_charts,
                          std::size_t& drawable);

}  // namespace msoko::vpr

// SPDX-License-Identifier: MPL-2.0
#pragma once

// The Ф1 reader's parts, private to vpr_read.cpp (the layout) and
// vpr_pupils.cpp (the pupils' lines and what disagrees in them).

#include "msoko/vpr.hpp"

#include <optional>
#include <string>

namespace msoko::vpr {

// The columns of the header line (0-based; -1: the file has none).
struct Columns {
    int school = -1, municipality = -1, name = -1, code = -1, class_name = -1, variant = -1;
    int primary = -1, mark = -1, journal = -1;
    std::vector<int> tasks;  // the task columns, left to right
};

// «1,5» as «1.5».
std::string comma_as_point(std::string text);

// A number as Russian text, rounded to `digits` decimals: «27,3», «−0,31», «12».
std::string decimal(double v, int digits = 1);

// A number, or a text that is one («12», «1,5»); none otherwise.
std::optional<double> number_of(const Cell& c);

// The pupils' and the schools' lines under the header line `head`.
void read_pupils(const Range& cells, std::size_t head, const Columns& cols, ResultsFile& f);

}  // namespace msoko::vpr

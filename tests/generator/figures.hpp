// SPDX-License-Identifier: MPL-2.0
#pragma once

// The figures of one row of a generated form (an organisation, or the
// municipality's own row): every field of the catalogue that concerns the
// row's type, consistent with every rule of the catalogue between them.

#include "msoko/catalogue.hpp"
#include "msoko/cell.hpp"
#include "names.hpp"

#include <map>
#include <string>

namespace msoko::gen {

/// A reporting period «2024/2025 учебный год»: dates fall between 1 September
/// of the first year and 31 May of the second.
struct Period {
    int first = 2024;
    int second = 2025;
};
Period parse_period(const std::string& text);
/// A date inside the period, «2024-10-17».
std::string date_in(const Period& period, Random& random);

struct RowRequest {
    std::string type;  ///< the row's organisation type (the municipal level for the municipality's row)
    /// How big the row is, about 0.02–0.3: a root figure (one that is no
    /// part of another) is about this share of its field's maximum.
    double size = 0.1;
    Period period;
    std::string latin;  ///< the municipality's name in Latin letters, for links
    /// Figures that must be at least this (the municipality's figures that
    /// cover the register): field → lower bound.
    std::map<std::string, double> at_least;
    /// A typical row of the type, when a reference form gives one: field →
    /// its mean figure there. Root figures are then that mean × `relative`,
    /// parts that share of their wholes, totals split in its proportions;
    /// fields it lacks are drawn as without one.
    const std::map<std::string, double>* typical = nullptr;
    double relative = 1;  ///< with `typical`: how big the row is against the typical one
};

/// The row's cells by field id: numbers for counts and numbers, «да»/«нет»,
/// dates as «YYYY-MM-DD», document numbers and links as texts; the evidence
/// of a «нет» left empty.
std::map<std::string, Cell> row_figures(const Catalogue& catalogue, const RowRequest& request, Random& random);

}  // namespace msoko::gen

// SPDX-License-Identifier: MPL-2.0
#pragma once

// A cell's contents as a command found it before writing, kept so that its
// own undo action can put it back (the merge of sub-forms, the fill from
// ВПР results).

#include "msoko/cell.hpp"

#include <com/sun/star/table/XCell.hpp>
#include <rtl/ustring.hxx>

namespace msoko::uno {

/// A cell as it was before a command wrote it, or as the command wrote it.
struct CellState {
    enum class Kind { Empty, Number, Text, Formula } kind = Kind::Empty;
    double number = 0;
    rtl::OUString text;  ///< the text, or the formula
};

CellState state_of(const css::uno::Reference<css::table::XCell>& cell);

/// What a planned write puts into its cell: the merge's or the fill's value (a number, or a text).
CellState state_to_write(const msoko::Cell& value);

/// Writes a cell as typed: a number as a number, a text as a text (never read as a formula).
void put(const css::uno::Reference<css::table::XCell>& cell, const CellState& s);

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#pragma once

// Finding an organisation's cells in a form's snapshot by the form's
// contract: its register's rows, a direction table's columns (by the codes
// of its code row) and rows (by organisation codes). Private to the core:
// the merge of sub-forms and the fill from ВПР results write by them.

#include "msoko/catalogue.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/validation.hpp"

#include <string>
#include <unordered_map>
#include <vector>

namespace msoko {

// An organisation of the municipal form's register.
struct RegisterRow {
    std::string code, name, type;
    std::string full_name;  // «Название» (name is the short one when the register has it)
};

std::vector<RegisterRow> register_rows(const Catalogue& catalogue, const FormLayout& layout, const SheetSnapshot& s);

// A direction table of a workbook: its columns by the codes of the code row,
// its organisations' rows by their codes (the first row of a code).
struct TableIndex {
    const SheetSnapshot* sheet = nullptr;
    std::unordered_map<std::string, std::size_t> col, row;
};

TableIndex index_table(const DirectionSheet& ds, const SheetSnapshot* s);

// The fields an organisation of `type` types on a direction's sheet: its input columns.
std::vector<const FormColumn*> typed_columns(const DirectionSheet& ds, const std::string& type);

}  // namespace msoko

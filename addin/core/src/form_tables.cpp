// SPDX-License-Identifier: MPL-2.0
// An organisation's cells in a form's snapshot (form_tables.hpp).
#include "form_tables.hpp"

#include "msoko/table.hpp"
#include "msoko/text.hpp"

#include <set>

namespace msoko {

std::vector<RegisterRow> register_rows(const Catalogue& catalogue, const FormLayout& layout, const SheetSnapshot& s) {
    const auto column = [&](const char* key) { return static_cast<std::size_t>(layout.register_column(key)); };
    const std::size_t code_col = column("code"), name_col = column("name"), short_col = column("short"),
                      type_col = column("type");
    std::vector<RegisterRow> out;
    std::set<std::string> seen;
    for (std::size_t r = FormLayout::kRegisterFirstRow; r < s.rows; ++r) {
        const auto code = organisation_code(s.value(r, code_col));
        if (!code || code->empty())
            continue;
        const OrganisationType* type = catalogue.organisation_type_by_short(cell_text(s.value(r, type_col)));
        if (!type || type->id == layout.municipal_type || !seen.insert(*code).second)
            continue;  // as the form's reader: no type of the register, or a duplicate code (the first row counts)
        const std::string full = trim(cell_text(s.value(r, name_col)));
        std::string name = trim(cell_text(s.value(r, short_col)));
        if (name.empty())
            name = full;
        out.push_back({*code, name, type->id, full});
    }
    return out;
}

TableIndex index_table(const DirectionSheet& ds, const SheetSnapshot* s) {
    TableIndex t;
    t.sheet = s;
    if (!s)
        return t;
    for (std::size_t c = 0; c < s->cols; ++c)
        if (const Cell& h = s->value(DirectionSheet::kCodeRow, c); h.kind() == Cell::Kind::Text)
            t.col.emplace(trim(h.text()), c);
    const auto code_col = t.col.find("code");
    if (code_col == t.col.end())
        return t;
    for (std::size_t r = static_cast<std::size_t>(ds.first_row()); r < s->rows; ++r) {
        if (const Cell& label = s->value(r, DirectionSheet::kTotalLabelColumn);
            label.kind() == Cell::Kind::Text && label.text() == kTotalRowLabel)
            break;
        if (const auto code = organisation_code(s->value(r, code_col->second)))
            t.row.emplace(*code, r);
    }
    return t;
}

std::vector<const FormColumn*> typed_columns(const DirectionSheet& ds, const std::string& type) {
    std::vector<const FormColumn*> out;
    for (std::size_t c = 0; c < ds.columns.size(); ++c)
        if (ds.columns[c].kind == FormColumn::Kind::Input && ds.role(c, type, false) == CellRole::Typed)
            out.push_back(&ds.columns[c]);
    return out;
}

}  // namespace msoko

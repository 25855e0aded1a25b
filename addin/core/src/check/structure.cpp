// SPDX-License-Identifier: MPL-2.0
// The form's sheets and the direction sheets' columns.
#include "check/check.hpp"
#include "msoko/subform.hpp"

#include <algorithm>
#include <map>

namespace msoko::check {

// Sheets of the form in their order; an added sheet or a changed order is named.
// A renamed or deleted sheet is found where its contents are checked.
void check_sheets(CheckContext& ctx, Findings& out) {
    const WorkbookSnapshot& wb = ctx.workbook;
    std::vector<std::string> expected = form_sheet_names(ctx.catalogue);
    if (ctx.subform)  // a sub-form's instruction comes first
        expected.insert(expected.begin(), kInstructionSheet);
    // Each sheet of the form, by its place in the form: its own name, or a
    // direction's renamed sheet (the one the direction check reads).
    std::map<const SheetSnapshot*, std::size_t> place_of;
    for (std::size_t i = 0; i < expected.size(); ++i)
        if (const SheetSnapshot* sheet = wb.sheet(expected[i]))
            place_of[sheet] = i;
    for (std::size_t i = 0; i < ctx.layout.directions.size(); ++i)
        if (const SheetSnapshot* sheet = ctx.direction_sheet(*ctx.layout.directions[i].direction))
            place_of[sheet] = static_cast<std::size_t>(
                std::find(expected.begin(), expected.end(), ctx.layout.directions[i].sheet) - expected.begin());
    std::vector<std::string> found;  // the form's own sheets, in the workbook's order
    std::vector<std::size_t> positions;
    for (const auto& sheet : wb.sheets) {
        if (auto it = place_of.find(&sheet); it != place_of.end()) {
            found.push_back(sheet.name);
            positions.push_back(it->second);
            continue;
        }
        out.add(K::SheetExtra, sheet.name).say({{"лист", sheet.name}});
    }
    // The sheets that keep the form's order are the longest increasing run of
    // positions; each other one was moved, and is named with its place.
    const std::size_t n = found.size();
    std::vector<std::size_t> length(n, 1), previous(n, n);
    std::size_t best = n;
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = 0; j < i; ++j)
            if (positions[j] < positions[i] && length[j] + 1 > length[i]) {
                length[i] = length[j] + 1;
                previous[i] = j;
            }
        if (best == n || length[i] > length[best])
            best = i;
    }
    std::vector<bool> in_order(n, false);
    for (std::size_t i = best; i < n; i = previous[i])
        in_order[i] = true;
    for (std::size_t i = 0; i < n; ++i) {
        if (in_order[i])
            continue;
        const std::size_t p = positions[i];
        out.add(K::SheetOrder, found[i])
            .say({{"лист", found[i]},
                  {"место", p == 0 ? std::string("первым") : "после листа «" + expected[p - 1] + "»"}});
    }
}

// The field-code row: every column found by its code; missing, unknown and moved ones named.
std::optional<DirectionRead> check_columns(CheckContext& ctx, const Direction& d, Findings& out) {
    const DirectionSheet& ds = *ctx.layout.sheet_of(d.id);
    const SheetSnapshot* s = ctx.direction_sheet(d);
    if (!s) {
        out.add(K::DirectionMissing, ds.sheet).say({{"лист", ds.sheet}});
        return std::nullopt;
    }
    if (s->name != ds.sheet)
        out.add(K::SheetName, s->name).say({{"направление", d.id}, {"лист", ds.sheet}});
    const std::size_t code_row = DirectionSheet::kCodeRow;
    const int row = static_cast<int>(code_row);
    std::map<std::string, int> actual;
    for (std::size_t col = 0; col < s->cols; ++col) {
        const std::string code = text_of(s->value(code_row, col));
        if (!code.empty())
            actual.emplace(code, static_cast<int>(col));
    }
    bool broken = false;
    int previous = -1;
    bool moved = false;
    for (const auto& fc : ds.columns) {
        auto it = actual.find(fc.code);
        if (it == actual.end()) {
            broken = true;
            out.add(K::Column, s->name, row, -1)
                .field(fc.code)
                .say({{"поле", fc.field ? fc.field->title : fc.code}, {"код", fc.code}});
            continue;
        }
        moved = moved || it->second < previous;
        previous = it->second;
    }
    for (const auto& [code, col] : actual)
        if (ds.column_of(code) < 0)
            out.add(K::ColumnExtra, s->name, row, col).field(code).value(code).say({{"код", code}});
    if (moved)
        out.add(K::ColumnOrder, s->name, row, -1).say();
    if (broken)
        return std::nullopt;  // values of a sheet whose columns are lost would only give follow-on errors
    DirectionRead read;
    read.direction = &d;
    read.layout = &ds;
    read.sheet = s;
    read.col_of.resize(ds.columns.size());
    for (std::size_t i = 0; i < ds.columns.size(); ++i)
        read.col_of[i] = actual[ds.columns[i].code];
    read.code_col = actual["code"];
    read.type_col = actual["type"];
    return read;
}

}  // namespace msoko::check

// SPDX-License-Identifier: MPL-2.0
// The passport: who sends the form, for which period, and how many
// organisations of each type it must hold. Each required item filled, the
// counts whole numbers, the date a date.
#include "check/calendar.hpp"
#include "check/check.hpp"

#include <map>

namespace msoko::check {

void check_passport(CheckContext& ctx, Findings& out) {
    if (!ctx.passport)
        return;
    const SheetSnapshot& p = *ctx.passport;
    constexpr int value_col = PassportLayout::kValueColumn;
    // A group such as phone / e-mail: its first item's place and whether any is filled.
    struct Group {
        int row = -1;
        std::string label;
        bool filled = false;
    };
    std::map<std::string, Group> groups;
    for (const PassportItem& item : ctx.layout.passport.items) {
        if (item.role != CellRole::Typed)
            continue;
        if (ctx.subform && !item.org_type.empty())
            continue;  // a sub-form's counts are the municipal form's (protected there)
        const int found = passport_row(p, item);
        const int row = found >= 0 ? found : item.row;
        const Cell& cell = found >= 0 ? p.value(static_cast<std::size_t>(found), value_col) : Cell::empty();
        const bool empty = cell.is_empty() || (cell.kind() == Cell::Kind::Text && text_of(cell).empty());
        if (!item.one_of.empty()) {
            Group& g = groups[item.one_of];
            if (g.row < 0) {
                g.row = row;
                g.label = item.label;
            }
            g.filled = g.filled || !empty;
        }
        if (empty) {
            if (item.required)
                out.add(K::PassportRequired, kPassportSheet, row, value_col)
                    .field(item.key)
                    .say({{"поле", item.label}});
            continue;
        }
        if (item.type == FieldType::Count) {
            Field count;
            count.title = item.label;
            count.type = FieldType::Count;
            const FieldValue v = read_field(count, cell);
            if (v.status == FieldValue::Status::Invalid)
                out.add(K::PassportCount, kPassportSheet, row, value_col)
                    .field(item.key)
                    .value(shown(cell))
                    .say({{"поле", item.label}, {"причина", v.reason}});
        } else if (item.type == FieldType::Date && !date_serial(cell)) {
            out.add(K::PassportDate, kPassportSheet, row, value_col)
                .field(item.key)
                .value(shown(cell))
                .say({{"поле", item.label}, {"значение", shown(cell)}});
        }
    }
    for (const auto& [group, g] : groups)
        if (!g.filled)
            out.add(K::PassportContact, kPassportSheet, g.row, value_col).field(group).say();
}

}  // namespace msoko::check

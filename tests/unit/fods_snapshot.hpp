// SPDX-License-Identifier: MPL-2.0
#pragma once

// A flat ODF form the core wrote (a committed sample) as the office would
// hold it, without an office: the typed cells as they are, and the results
// of the few formulas a reading of the form needs put in as Calc computes
// them — each direction row's code, name, type and flags from its register
// row, a linked field from its own direction's cell, and «Показатели»'s
// values and dynamics from the core (form_indicators, MSOKO.DYNAMICS). The
// other formulas (totals, the indicator blocks) stay empty.

#include "fods_reader.hpp"
#include "msoko/form.hpp"
#include "msoko/form_data.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/form_reader.hpp"
#include "msoko/results.hpp"
#include "msoko/validation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <regex>
#include <string>

namespace msoko::test {

namespace detail {

// «30.06.2025» (a date cell's text) as the spreadsheet's serial number.
inline double date_serial(const std::string& text) {
    int d = 0, m = 0, y = 0;
    if (std::sscanf(text.c_str(), "%d.%d.%d", &d, &m, &y) != 3)
        return 0;
    // Days from civil (H. Hinnant), then from 1899-12-30.
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<double>(era * 146097 + doe - 719468 + 25569);
}

// A typed cell as the office holds it, a date as the text it shows; a formula's result is empty.
inline Cell typed_text_cell(const FodsCell& c) {
    if (!c.formula.empty())
        return Cell::empty();
    if (c.value_type == "float" || c.value_type == "percentage")
        return Cell::number(std::stod(c.value));
    return c.text.empty() ? Cell::empty() : Cell::text(c.text);
}

// The same, a date as its serial number.
inline Cell typed_cell(const FodsCell& c) {
    if (c.formula.empty() && c.value_type == "date")
        return Cell::number(date_serial(c.text));
    return typed_text_cell(c);
}

inline int column_index(const std::string& letters) {
    int col = 0;
    for (const char ch : letters)
        col = col * 26 + (ch - 'A' + 1);
    return col - 1;
}

inline SheetSnapshot* sheet_named(WorkbookSnapshot& wb, const std::string& name) {
    for (auto& s : wb.sheets)
        if (s.name == name)
            return &s;
    return nullptr;
}

}  // namespace detail

/// The sheets of a flat ODF with each cell's value as `cell` gives it, the
/// formulas' cells flagged.
inline WorkbookSnapshot typed_snapshot(const Fods& f, Cell (*cell)(const FodsCell&)) {
    WorkbookSnapshot wb;
    for (const auto& name : f.sheet_order) {
        const auto& cells = f.sheets.at(name);
        SheetSnapshot s;
        s.name = name;
        for (const auto& [at, c] : cells) {
            s.rows = std::max(s.rows, static_cast<std::size_t>(at.first) + 1);
            s.cols = std::max(s.cols, static_cast<std::size_t>(at.second) + 1);
        }
        s.values.assign(s.rows * s.cols, Cell::empty());
        s.formulas.assign(s.rows * s.cols, 0);
        for (const auto& [at, c] : cells) {
            const std::size_t i = static_cast<std::size_t>(at.first) * s.cols + static_cast<std::size_t>(at.second);
            s.values[i] = cell(c);
            s.formulas[i] = !c.formula.empty();
        }
        wb.sheets.push_back(std::move(s));
    }
    return wb;
}

/// The form the core writes from `data` as the office would hold it: typed
/// cells as typed (a date as its text), and of the formulas' results only
/// each direction row's code, short name, type and flags, taken from its
/// register slot as Calc computes them (what read_form needs).
inline WorkbookSnapshot form_snapshot(const Catalogue& catalogue, const FormData& data) {
    WorkbookSnapshot wb = typed_snapshot(read_fods(form_fods(catalogue, data, "test")), detail::typed_text_cell);
    std::map<std::string, std::size_t> slots;
    for (const OrganisationType* t : catalogue.register_types())
        slots[t->id] = data.register_rows(t->plural);
    const FormLayout layout = form_layout(catalogue, slots);
    const SheetSnapshot& reg = *wb.sheet(kRegisterSheet);
    for (const auto& ds : layout.directions) {
        SheetSnapshot& s = *detail::sheet_named(wb, ds.sheet);
        for (std::size_t i = 0; i < ds.rows.size(); ++i) {
            if (ds.rows[i].municipal)
                continue;
            const std::size_t r = static_cast<std::size_t>(ds.first_row()) + i;
            const std::size_t rr = static_cast<std::size_t>(layout.register_row(ds.rows[i].type, ds.rows[i].slot));
            const auto reg_cell = [&](const char* key) {
                return reg.value(rr, static_cast<std::size_t>(layout.register_column(key)));
            };
            if (reg_cell("code").is_empty())
                continue;  // an empty slot: Calc shows ""
            std::string flags;
            for (const auto& rc : layout.register_columns)
                if (rc.kind == RegisterColumn::Kind::Flag && reg_cell(rc.key.c_str()) == Cell::text("да"))
                    flags += (flags.empty() ? "" : "; ") + rc.flag->short_title;
            s.values[r * s.cols + 0] = reg_cell("code");
            s.values[r * s.cols + 1] = reg_cell("short");
            s.values[r * s.cols + 2] = reg_cell("type");
            s.values[r * s.cols + 3] = flags.empty() ? Cell::empty() : Cell::text(flags);
        }
    }
    return wb;
}

/// `edit`, when given, changes the typed cells before the formulas' results are put in.
inline WorkbookSnapshot fods_snapshot(const Catalogue& catalogue, const std::string& fods_text,
                                      const std::function<void(WorkbookSnapshot&)>& edit = {}) {
    const Fods f = read_fods(fods_text);
    WorkbookSnapshot wb = typed_snapshot(f, detail::typed_cell);
    if (edit)
        edit(wb);

    const FormLayout layout = form_layout(catalogue, {});
    const SheetSnapshot* reg = wb.sheet(kRegisterSheet);
    const auto reg_cell = [&](std::size_t row, const char* key) {
        return reg->value(row, static_cast<std::size_t>(layout.register_column(key)));
    };
    static const std::regex register_ref(R"(\[\$'Организации'\.[A-Z]+(\d+)\])");
    static const std::regex linked_ref(R"(^of:=IF\(ISBLANK\(\[\$'([^']+)'\.([A-Z]+)(\d+)\]\))");
    for (const auto& [name, cells] : f.sheets) {
        SheetSnapshot& s = *detail::sheet_named(wb, name);
        const bool direction = name != kIndicatorsSheet && name != kRegisterSheet && name != kPassportSheet;
        for (const auto& [at, c] : cells) {
            if (c.formula.empty())
                continue;
            const std::size_t i = static_cast<std::size_t>(at.first) * s.cols + static_cast<std::size_t>(at.second);
            std::smatch m;
            if (direction && at.second < DirectionSheet::kFixedColumns && reg &&
                std::regex_search(c.formula, m, register_ref)) {
                const std::size_t rr = std::stoul(m[1].str()) - 1;
                if (reg_cell(rr, "code").is_empty())
                    continue;  // an empty slot: Calc shows ""
                switch (at.second) {
                    case 0:
                        s.values[i] = reg_cell(rr, "code");
                        break;
                    case 1:
                        s.values[i] = reg_cell(rr, "short").is_empty() ? reg_cell(rr, "name") : reg_cell(rr, "short");
                        break;
                    case 2:
                        s.values[i] = reg_cell(rr, "type");
                        break;
                    default: {
                        std::string flags;
                        for (const auto& rc : layout.register_columns)
                            if (rc.kind == RegisterColumn::Kind::Flag &&
                                reg_cell(rr, rc.key.c_str()) == Cell::text("да"))
                                flags += (flags.empty() ? "" : "; ") + rc.flag->short_title;
                        s.values[i] = flags.empty() ? Cell::empty() : Cell::text(flags);
                    }
                }
            } else if (std::regex_search(c.formula, m, linked_ref)) {
                if (const SheetSnapshot* from = wb.sheet(m[1].str()))
                    s.values[i] = from->value(std::stoul(m[3].str()) - 1,
                                              static_cast<std::size_t>(detail::column_index(m[2].str())));
            }
        }
    }

    // «Показатели»: the form's values, then the dynamics against last year.
    if (SheetSnapshot* ind = detail::sheet_named(wb, kIndicatorsSheet)) {
        const std::vector<FormIndicator> values = form_indicators(catalogue, read_form(catalogue, wb));
        using C = IndicatorsColumns;
        for (std::size_t k = 0; k < layout.indicators.size(); ++k) {
            const IndicatorRow& row = layout.indicators[k];
            const auto r = static_cast<std::size_t>(row.row);
            if (r >= ind->rows)
                continue;
            const Result& v = values[k].value.result;
            ind->set(r, C::kValue, v.has_value() ? Cell::number(v.value()) : Cell::error(), true);
            if (row.role(C::kDynamics) == CellRole::Computed) {
                const Result d =
                    dynamics(Range::single(ind->value(r, C::kValue)), Range::single(ind->value(r, C::kLastYear)));
                ind->set(r, C::kDynamics, d.has_value() ? Cell::number(d.value()) : Cell::text("—"), true);
            }
        }
    }
    return wb;
}

}  // namespace msoko::test

// SPDX-License-Identifier: MPL-2.0
// «Показатели» is what the regional center reads: each value must still be the
// form's formula, and last year's value a number in its range.
#include "check/check.hpp"

namespace msoko::check {

void check_indicators_sheet(CheckContext& ctx, Findings& out) {
    const SheetSnapshot* s = ctx.workbook.sheet(kIndicatorsSheet);
    if (!s)
        return;  // told by check_indicators_present
    using C = IndicatorsColumns;
    for (std::size_t r = FormLayout::kIndicatorsFirstRow; r < s->rows; ++r) {
        const std::string id = text_of(s->value(r, C::kId));
        if (id.empty())
            continue;  // the heading of the supplementary directions, or below the table
        const IndicatorRow* ir = ctx.layout.indicator_row(id);
        if (!ir)
            continue;
        const int row = static_cast<int>(r);
        // As the form writes the row: a municipal yes/no has no last year and no dynamics.
        const std::pair<int, const char*> computed[] = {{C::kValue, "значение введено"},
                                                        {C::kDynamics, "динамика введена"}};
        for (const auto& [col, what] : computed) {
            if (ctx.frozen_copy || ir->role(col) != CellRole::Computed ||
                s->is_formula(r, static_cast<std::size_t>(col)) || s->value(r, col).is_empty())
                continue;
            out.add(K::IndicatorOverwritten, s->name, row, col)
                .field(id)
                .value(shown(s->value(r, col)))
                .say({{"показатель", id}, {"что", what}});
        }
        const Cell& before = s->value(r, C::kLastYear);
        if (ir->role(C::kLastYear) != CellRole::Typed || before.is_empty())
            continue;
        const bool percent = ir->indicator->unit == "%";
        std::string problem;
        if (before.kind() == Cell::Kind::Error)
            problem = "в ячейке ошибка вычисления вместо значения";
        else if (before.kind() != Cell::Kind::Number)
            problem = "текст вместо числа";
        else if (before.number() < 0 || (percent && before.number() > 100))
            problem = std::string("вне допустимого диапазона [0; ") + (percent ? "100" : "…") + "]";
        if (problem.empty())
            continue;
        out.add(K::LastYear, s->name, row, C::kLastYear)
            .field(id)
            .value(shown(before))
            .say({{"показатель", id}, {"причина", problem}, {"подсказка", suggestion(before)}});
    }
}

void check_indicators_present(CheckContext& ctx, Findings& out) {
    if (!ctx.workbook.sheet(kIndicatorsSheet))
        out.add(K::IndicatorsMissing, kIndicatorsSheet).say();
}

}  // namespace msoko::check

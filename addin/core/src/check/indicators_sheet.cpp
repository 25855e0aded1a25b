// SPDX-License-Identifier: MPL-2.0
// «Показатели» is what the regional center reads: each value must still be the
// form's formula, and last year's value a number in its range.
#include "check/check.hpp"

namespace msoko::check {

void check_indicators_sheet(CheckContext& ctx, Findings& out) {
    const SheetSnapshot* s = ctx.workbook.sheet(kIndicatorsSheet);
    if (!s)
        return;  // told by check_indicators_present
    const OrganisationType* municipal = municipal_type(ctx.catalogue);
    for (std::size_t r = FormLayout::kIndicatorsFirstRow; r < s->rows; ++r) {
        const std::string id = text_of(s->value(r, 0));
        if (id.empty())
            break;
        const Indicator* ind = ctx.catalogue.indicator(id);
        if (!ind)
            continue;
        const int row = static_cast<int>(r);
        // As the form writes the row: a municipal yes/no has no last year and no dynamics.
        const bool counted_flag = ind->compute.kind == Computation::Kind::Flag &&
                                  !(municipal && ind->concerns(municipal->id)) && ind->unit == "да/нет";
        const bool yes_no = ind->unit == "да/нет" && !counted_flag;
        const std::pair<int, const char*> computed[] = {{4, "значение введено"}, {6, "динамика введена"}};
        for (const auto& [col, what] : computed) {
            if ((col == 6 && yes_no) || s->is_formula(r, static_cast<std::size_t>(col)) || s->value(r, col).is_empty())
                continue;
            out.add(K::IndicatorOverwritten, s->name, row, col)
                .field(id)
                .value(shown(s->value(r, col)))
                .say({{"показатель", id}, {"что", what}});
        }
        const Cell& before = s->value(r, 5);
        if (yes_no || before.is_empty())
            continue;
        const bool percent = ind->unit == "%";
        std::string problem;
        if (before.kind() == Cell::Kind::Error)
            problem = "в ячейке ошибка вычисления вместо значения";
        else if (before.kind() != Cell::Kind::Number)
            problem = "текст вместо числа";
        else if (before.number() < 0 || (percent && before.number() > 100))
            problem = std::string("вне допустимого диапазона [0; ") + (percent ? "100" : "…") + "]";
        if (problem.empty())
            continue;
        out.add(K::LastYear, s->name, row, 5)
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

// SPDX-License-Identifier: MPL-2.0
// Warnings a specialist must look at: jumps against last year, extreme shares
// over few people, values far from the other organisations.
#include "check/check.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>

namespace msoko::check {

namespace {

// A change said by the indicator's direction of better: «, это улучшение
// (лучше — выше)», «, это ухудшение (лучше — ниже)»; nothing when neither
// direction is better or the catalogue does not say.
std::string assessment(const Indicator* ind, double change) {
    if (!ind || (ind->better != Better::Higher && ind->better != Better::Lower))
        return {};
    const bool higher = ind->better == Better::Higher;
    return std::string(", это ") + ((change > 0) == higher ? "улучшение" : "ухудшение") +
           (higher ? " (лучше — выше)" : " (лучше — ниже)");
}

// A percentage on «Показатели» that moved more than the settings' points
// (10 by default) in a year.
void dynamics(CheckContext& ctx, Findings& out) {
    const SheetSnapshot* s = ctx.workbook.sheet(kIndicatorsSheet);
    if (!s)
        return;
    using C = IndicatorsColumns;
    for (std::size_t r = FormLayout::kIndicatorsFirstRow; r < s->rows; ++r) {
        const std::string id = text_of(s->value(r, C::kId));
        if (id.empty())
            continue;  // the heading of the supplementary directions, or below the table
        const Cell &now = s->value(r, C::kValue), &before = s->value(r, C::kLastYear);
        if (text_of(s->value(r, C::kUnit)) != "%" || now.kind() != Cell::Kind::Number ||
            before.kind() != Cell::Kind::Number)
            continue;
        const double change = now.number() - before.number();
        if (std::fabs(change) > ctx.settings.dynamics_points)
            out.add(K::Dynamics, s->name, static_cast<int>(r), C::kValue)
                .field(id)
                .value(decimal(now.number()))
                .say({{"показатель", id},
                      {"изменение", decimal(std::round(change * 10) / 10)},
                      {"было", decimal(before.number())},
                      {"оценка", assessment(ctx.catalogue.indicator(id), change)}});
    }
}

// The single-field ratios of the catalogue: per person (multiplier ≠ 100) or shares.
// Not a variant: a member's base is a part of its headline's (a school's one
// teacher of a subject), the headline is what these warnings look at.
template <typename Each>
void ratios(const Catalogue& c, bool shares, Each each) {
    for (const auto& ind : c.indicators) {
        const Computation& k = ind.compute;
        if (k.kind != Computation::Kind::Ratio || (k.multiplier == 100.0) != shares || k.numerator.size() != 1 ||
            k.denominator.size() != 1 || !ind.duplicate_of.empty() || ind.is_variant())
            continue;
        each(ind, c.field(k.numerator[0]), c.field(k.denominator[0]));
    }
}

// A rate per person (children per teacher) with people counted and no one to
// count them by: the organisation has no value, yet its people are in the
// municipal sum.
void zero_bases(CheckContext& ctx, Findings& out) {
    ratios(ctx.catalogue, false, [&](const Indicator& ind, const Field* numerator, const Field* denominator) {
        for (const std::size_t org : ctx.form.organisations_with(denominator)) {
            const Place *n = ctx.form.place(org, numerator), *d = ctx.form.place(org, denominator);
            if (!n || !d || n->value.status != FieldValue::Status::Value ||
                d->value.status != FieldValue::Status::Value || d->value.value != 0 || n->value.value <= 0)
                continue;
            const std::string& code = ctx.form.code(org);
            out.add(K::ZeroBase, d->sheet->name, d->row, d->col)
                .org(code)
                .field(denominator->id)
                .value(shown(*d->raw))
                .say({{"организация", organisation_label(code)},
                      {"знаменатель", denominator->title},
                      {"числитель", numerator->title},
                      {"число", shown(*n->raw)},
                      {"показатель", ind.id}});
        }
    });
}

// Does the indicator concern the organisation, as the engine decides it: its
// type among the indicator's types and, for a scoped indicator, one of its
// scope flags set in the register (an organisation only the direction tables
// name: by the type its row gives, and no flags).
bool concerns(const CheckContext& ctx, const Indicator& ind, const Place& at) {
    const SheetSnapshot* reg = ctx.workbook.sheet(kRegisterSheet);
    const int row = at.org < ctx.registered_row.size() ? ctx.registered_row[at.org] : -1;
    const OrganisationType* type = nullptr;
    if (reg && row >= 0) {
        const auto r = static_cast<std::size_t>(row);
        type = ctx.catalogue.organisation_type_by_short(
            text_of(reg->value(r, static_cast<std::size_t>(ctx.layout.register_column("type")))));
        if (!type || !ind.concerns(type->id))
            return false;
        if (ind.scope_flags.empty())
            return true;
        return std::any_of(ind.scope_flags.begin(), ind.scope_flags.end(), [&](const std::string& flag) {
            const int col = ctx.layout.flag_column(flag);
            if (col < 0)
                return false;
            const Cell& c = reg->value(r, static_cast<std::size_t>(col));
            return c.kind() == Cell::Kind::Text && fold(c.text()) == "да";
        });
    }
    for (const auto& read : ctx.read)
        if (read.sheet == at.sheet && read.type_col >= 0 && at.row >= 0)
            type = ctx.catalogue.organisation_type_by_short(
                text_of(at.sheet->value(static_cast<std::size_t>(at.row), static_cast<std::size_t>(read.type_col))));
    return type && ind.concerns(type->id) && ind.scope_flags.empty();
}

// Shares over a small base (fewer than 10 people by default) at 0 or 100 %,
// and shares far from the others' (beyond 3 scaled median deviations by
// default) — the others the indicator concerns, at least 5 of them.
void shares(CheckContext& ctx, Findings& out) {
    ratios(ctx.catalogue, true, [&](const Indicator& ind, const Field* numerator, const Field* denominator) {
        if (!numerator || !denominator)
            return;
        std::vector<std::pair<double, const Place*>> found;
        for (const std::size_t org : ctx.form.organisations_with(numerator)) {
            const std::string& code = ctx.form.code(org);
            const Place *n = ctx.form.place(org, numerator), *d = ctx.form.place(org, denominator);
            if (!n || !d || n->value.status != FieldValue::Status::Value ||
                d->value.status != FieldValue::Status::Value || d->value.value <= 0 ||
                n->value.value > d->value.value || !concerns(ctx, ind, *n))
                continue;
            const double share = 100.0 * n->value.value / d->value.value;
            found.push_back({share, n});
            if (d->value.value < ctx.settings.small_base && (share == 0 || share == 100))
                out.add(K::SmallBase, n->sheet->name, n->row, n->col)
                    .org(code)
                    .field(ind.id)
                    .value(shown(*n->raw))
                    .say({{"организация", organisation_label(code)},
                          {"показатель", ind.id},
                          {"доля", decimal(share)},
                          {"знаменатель", decimal(d->value.value)},
                          {"порог", decimal(ctx.settings.small_base)}});
        }
        if (found.size() < CheckSettings::kMinOrganisationsToCompare)
            return;
        std::vector<double> v;
        for (const auto& [x, p] : found)
            v.push_back(x);
        const auto middle = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
        std::nth_element(v.begin(), middle, v.end());
        const double median = *middle;
        std::vector<double> dev;
        for (double x : v)
            dev.push_back(std::fabs(x - median));
        const auto dev_middle = dev.begin() + static_cast<std::ptrdiff_t>(dev.size() / 2);
        std::nth_element(dev.begin(), dev_middle, dev.end());
        const double mad = 1.4826 * *dev_middle;  // scaled: comparable to a standard deviation
        if (mad <= 0)
            return;
        for (const auto& [x, p] : found) {
            if (std::fabs(x - median) <= ctx.settings.outlier_distance * mad)
                continue;
            const std::string& code = ctx.form.code(p->org);
            out.add(K::Outlier, p->sheet->name, p->row, p->col)
                .org(code)
                .field(ind.id)
                .value(shown(*p->raw))
                .say({{"организация", organisation_label(code)},
                      {"показатель", ind.id},
                      {"доля", decimal(std::round(x * 10) / 10)},
                      {"медиана", decimal(std::round(median * 10) / 10)}});
        }
    });
}

}  // namespace

void check_plausibility(CheckContext& ctx, Findings& out) {
    if (!ctx.subform)  // a sub-form's «Показатели» is the municipality's
        dynamics(ctx, out);
    zero_bases(ctx, out);
    shares(ctx, out);
}

}  // namespace msoko::check

// SPDX-License-Identifier: MPL-2.0
// The catalogue's rules between figures, one function per rule kind, each for
// one organisation's figures.
#include "check/calendar.hpp"
#include "check/check.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>

namespace msoko::check {

namespace {

// What a rule's check of one organisation reads.
struct RuleCase {
    const CheckContext& ctx;
    const Rule& rule;
    const std::string& id;      ///< unique per rule
    const std::string& report;  ///< the rule as the report names it: `5.1.1/part_whole`
    const std::vector<const Field*>& fields;
    std::size_t org;
    const std::string& code;

    const Place* at(std::size_t i) const { return fields[i] ? ctx.form.place(org, fields[i]) : nullptr; }
    const std::string& title(std::size_t i) const { return ctx.catalogue.field(rule.fields[i])->title; }
    /// A finding of the rule at `p`: a warning instead of an error for a rule of `"level": "warning"`.
    Findings::Builder add(Findings& out, K k, const Place& p, const std::string& field) const {
        Findings::Builder b = out.add(k, p.sheet->name, p.row, p.col);
        b.org(code).field(field).rule(report, id);
        if (rule.level == Rule::Level::Warning && kind(k).severity == Severity::Error)
            b.severity(Severity::Warning);
        return b;
    }
    /// A figure as a message names it: «title» (12), with its sheet when it is not on `sheet`.
    std::string term(std::size_t i, const std::string& sheet) const {
        const Place& p = *at(i);
        return "«" + title(i) + "» (" + shown(*p.raw) +
               (p.sheet->name == sheet ? "" : ", лист «" + p.sheet->name + "»") + ")";
    }
    /// Fields [from, to) with their figures: «a» (12) + «b» (30) = 42, or «a» (12) alone.
    std::string terms(std::size_t from, std::size_t to, const std::string& sheet, double sum) const {
        std::string s;
        for (std::size_t i = from; i < to; ++i)
            s += (i > from ? " + " : "") + term(i, sheet);
        return to - from > 1 ? s + " = " + decimal(sum) : s;
    }
};

bool has_value(const Place* p) {
    return p && p->value.status == FieldValue::Status::Value;
}

void part_whole(const RuleCase& c, Findings& out) {
    const Place *part = c.at(0), *whole = c.at(1);
    if (!has_value(part) || !has_value(whole) || !(part->value.value > whole->value.value))
        return;
    c.add(out, K::PartWhole, *part, c.rule.fields[0])
        .value(shown(*part->raw))
        .say({{"организация", organisation_label(c.code)},
              {"часть", c.title(0)},
              {"значение части", shown(*part->raw)},
              {"целое", c.title(1)},
              {"значение целого", shown(*whole->raw)}});
}

void sum_equals(const RuleCase& c, Findings& out) {
    double sum = 0;
    bool complete = true;
    for (std::size_t i = 0; i + 1 < c.rule.fields.size(); ++i) {
        const Place* p = c.at(i);
        complete = complete && has_value(p);
        if (complete)
            sum += p->value.value;
    }
    const Place* total = c.at(c.fields.size() - 1);
    if (!complete || !has_value(total) || !(std::fabs(sum - total->value.value) > 1e-9))
        return;
    c.add(out, K::SumEquals, *total, c.rule.fields.back())
        .value(shown(*total->raw))
        .say({{"организация", organisation_label(c.code)},
              {"итог", c.title(c.rule.fields.size() - 1)},
              {"значение", shown(*total->raw)},
              {"сумма", decimal(sum)}});
}

// Σ parts ≤ Σ whole, when every figure of the rule is there; the finding at the first part.
void sum_within(const RuleCase& c, Findings& out) {
    const std::size_t n = c.rule.fields.size(), parts = c.rule.parts;
    double part = 0, whole = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const Place* p = c.at(i);
        if (!has_value(p))
            return;
        (i < parts ? part : whole) += p->value.value;
    }
    if (!(part > whole + 1e-9))
        return;
    const Place& first = *c.at(0);
    c.add(out, K::SumWithin, first, c.rule.fields[0])
        .value(shown(*first.raw))
        .say({{"организация", organisation_label(c.code)},
              {"части", c.terms(0, parts, first.sheet->name, part)},
              {"целое", c.terms(parts, n, first.sheet->name, whole)}});
}

// If fields[0] says what `if` says, fields[1] must say what `then` says; the finding at the second.
void implies(const RuleCase& c, Findings& out) {
    const Place *cond = c.at(0), *then = c.at(1);
    if (!has_value(cond) || !has_value(then))
        return;
    const Rule::Condition &given = c.rule.conditions[0], &wanted = c.rule.conditions[1];
    if (!given.holds(cond->value.value) || wanted.holds(then->value.value))
        return;
    const auto answer = [](bool yes) { return std::string(yes ? "«да»" : "«нет»"); };
    c.add(out, K::Implies, *then, c.rule.fields[1])
        .value(shown(*then->raw))
        .say({{"организация", organisation_label(c.code)},
              {"если", c.title(0)},
              {"где", cond->sheet == then->sheet ? "" : " (лист «" + cond->sheet->name + "»)"},
              {"условие", given.is ? answer(*given.is) : shown(*cond->raw) + " (больше " + decimal(*given.above) + ")"},
              {"то", c.title(1)},
              {"требование", wanted.is ? answer(*wanted.is) : "больше " + decimal(*wanted.above)},
              {"значение", wanted.is ? "«" + shown(*then->raw) + "»" : shown(*then->raw)}});
}

// The municipality's figure against the register: at least its number of
// organisations of the rule's types, or at least the organisations' figures added up.
void covers_register(const RuleCase& c, Findings& out) {
    const Place* figure = c.at(0);
    if (!has_value(figure))
        return;
    const Catalogue& catalogue = c.ctx.catalogue;
    std::vector<std::string> types;
    for (const auto& t : c.rule.org_types)
        types.push_back(catalogue.organisation_type(t)->short_title);
    if (c.fields.size() == 1) {
        const std::vector<const OrganisationType*> all = catalogue.register_types();
        std::size_t n = 0;
        for (std::size_t t = 0; t < all.size() && t < c.ctx.registered_of_type.size(); ++t)
            if (std::find(c.rule.org_types.begin(), c.rule.org_types.end(), all[t]->id) != c.rule.org_types.end())
                n += c.ctx.registered_of_type[t];
        if (!(figure->value.value < static_cast<double>(n)))
            return;
        c.add(out, K::CoversRegister, *figure, c.rule.fields[0])
            .value(shown(*figure->raw))
            .say({{"организация", organisation_label(c.code)},
                  {"поле", c.title(0)},
                  {"значение", shown(*figure->raw)},
                  {"типы", join(types)},
                  {"число", std::to_string(n)}});
        return;
    }
    double sum = 0;
    const SheetSnapshot* sheet = nullptr;
    for (std::size_t org = 0; org < c.ctx.form.organisations(); ++org) {
        // The organisations of the register (a code it lacks is reported as such, its figures not added).
        if (org == c.org || org >= c.ctx.registered_row.size() || c.ctx.registered_row[org] < 0)
            continue;
        for (std::size_t i = 1; i < c.fields.size(); ++i)
            if (const Place* p = c.ctx.form.place(org, c.fields[i]); has_value(p)) {
                sum += p->value.value;
                sheet = sheet ? sheet : p->sheet;
            }
    }
    if (!(figure->value.value < sum - 1e-9))
        return;
    std::vector<std::string> summed;
    for (std::size_t i = 1; i < c.fields.size(); ++i)
        summed.push_back("«" + c.title(i) + "»");
    c.add(out, K::CoversRegisterSum, *figure, c.rule.fields[0])
        .value(shown(*figure->raw))
        .say({{"организация", organisation_label(c.code)},
              {"поле", c.title(0)},
              {"значение", shown(*figure->raw)},
              {"слагаемые", join(summed, " + ")},
              {"сумма", decimal(sum)},
              {"лист", sheet && sheet != figure->sheet ? ", лист «" + sheet->name + "»" : ""}});
}

void same_value(const RuleCase& c, Findings& out) {
    const Place* first = nullptr;
    for (std::size_t i = 0; i < c.fields.size(); ++i) {
        const Place* p = c.at(i);
        if (!has_value(p))
            continue;
        if (!first) {
            first = p;
            continue;
        }
        if (std::fabs(p->value.value - first->value.value) > 1e-9)
            c.add(out, K::SameValue, *p, c.rule.fields[i])
                .value(shown(*p->raw))
                .say({{"организация", organisation_label(c.code)},
                      {"поле", c.title(i)},
                      {"значение", shown(*p->raw)},
                      {"лист", first->sheet->name},
                      {"там", shown(*first->raw)}});
    }
}

void requires_evidence(const RuleCase& c, Findings& out) {
    const Place* flag = c.at(0);
    if (!has_value(flag) || flag->value.value != 1)
        return;
    for (std::size_t i = 1; i < c.rule.fields.size(); ++i) {
        const Field& ef = *c.ctx.catalogue.field(c.rule.fields[i]);
        const Place* e = c.at(i);
        if (!e)
            continue;
        if (e->raw->is_empty()) {
            c.add(out, K::EvidenceMissing, *e, ef.id)
                .say({{"организация", organisation_label(c.code)}, {"признак", c.title(0)}, {"поле", ef.title}});
            continue;
        }
        if (ef.type != FieldType::Date || !c.ctx.period_from)
            continue;
        const auto serial = date_serial(*e->raw);
        if (!serial)
            continue;
        // A document after the period cannot confirm it; an earlier one may
        // still be in force (a municipal act, a sanitary conclusion), noted
        // when it is older than five years before the period.
        const auto old = years_earlier(*c.ctx.period_from, 5);
        if (*serial > *c.ctx.period_to)
            c.add(out, K::EvidenceDate, *e, ef.id)
                .value(date_text(*serial))
                .say({{"организация", organisation_label(c.code)},
                      {"поле", ef.title},
                      {"дата", date_text(*serial)},
                      {"начало", date_text(*c.ctx.period_from)},
                      {"конец", date_text(*c.ctx.period_to)}});
        else if (old && *serial < *old)
            c.add(out, K::EvidenceDateOld, *e, ef.id)
                .value(date_text(*serial))
                .say({{"организация", organisation_label(c.code)},
                      {"поле", ef.title},
                      {"дата", date_text(*serial)},
                      {"начало", date_text(*c.ctx.period_from)}});
    }
}

}  // namespace

void check_rules(CheckContext& ctx, Findings& out) {
    const Catalogue& catalogue = ctx.catalogue;
    const std::vector<std::string> ids = rule_ids(catalogue);
    for (std::size_t r = 0; r < catalogue.rules.size(); ++r) {
        const Rule& rule = catalogue.rules[r];
        const std::string report = rule.direction + "/" + to_string(rule.kind);
        std::vector<const Field*> fields;
        for (const auto& f : rule.fields)
            fields.push_back(catalogue.field(f));
        // Only organisations with the figure every finding of the rule needs.
        const Field* needed = rule.kind == Rule::Kind::SumEquals                        ? fields.back()
                              : rule.kind == Rule::Kind::SameValue && fields.size() > 2 ? nullptr
                                                                                        : fields[0];
        if (!needed && rule.kind != Rule::Kind::SameValue)
            continue;  // a field unknown to the catalogue: the loader does not allow it
        void (*check)(const RuleCase&, Findings&) = nullptr;
        switch (rule.kind) {
            case Rule::Kind::PartWhole:
                check = part_whole;
                break;
            case Rule::Kind::SumEquals:
                check = sum_equals;
                break;
            case Rule::Kind::SameValue:
                check = same_value;
                break;
            case Rule::Kind::RequiresEvidence:
                check = requires_evidence;
                break;
            case Rule::Kind::SumWithin:
                check = sum_within;
                break;
            case Rule::Kind::Implies:
                check = implies;
                break;
            case Rule::Kind::CoversRegister:
                check = covers_register;
                break;
        }
        for (const std::size_t org : ctx.form.organisations_with(needed))
            check(RuleCase{ctx, rule, ids[r], report, fields, org, ctx.form.code(org)}, out);
    }
}

}  // namespace msoko::check

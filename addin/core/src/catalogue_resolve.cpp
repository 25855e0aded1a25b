// SPDX-License-Identifier: MPL-2.0
// The catalogue loader: cross-references, types and cycles.
#include "catalogue_loader.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <functional>

namespace msoko::catalogue_loader {

const Field& Loader::known_field(const std::string& id, const std::string& path) {
    const Field* f = c_.field(id);
    if (!f)
        r_.fail(path, "unknown field '" + id + "'");
    return *f;
}

// Cross-references, types and cycles: everything that needs the whole file.
void Loader::resolve() {
    for (std::size_t i = 0; i < c_.indicators.size(); ++i)
        resolve_indicator(c_.indicators[i], indicator_paths_[i]);
    const std::size_t explicit_rules = c_.rules.size();
    for (std::size_t i = 0; i < explicit_rules; ++i)
        resolve_rule(c_.rules[i], rule_paths_[i]);
    derive_breakdown_rules();
    check_duplicate_cycles();
    check_sum_cycles();
    derive_part_whole_rules();
}

void Loader::resolve_indicator(const Indicator& ind, const std::string& path) {
    const Computation& c = ind.compute;
    const std::string cpath = path + "/compute";
    auto numeric_fields = [&](const std::vector<std::string>& ids, const std::string& key) {
        std::vector<const Field*> out;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::string p = key == "field" ? cpath + "/field" : cpath + "/" + key + "/" + std::to_string(i);
            const Field& f = known_field(ids[i], p);
            if (!numeric(f.type))
                r_.fail(p, "field '" + f.id + "' is " + to_string(f.type) + "; a " + to_string(c.kind) +
                               " needs count or number fields");
            out.push_back(&f);
        }
        return out;
    };
    std::vector<const Field*> used;
    switch (c.kind) {
        case Computation::Kind::Ratio:
        case Computation::Kind::BandShare: {
            std::vector<const Field*> num;
            if (c.kind == Computation::Kind::Ratio) {
                num = numeric_fields(c.numerator, "numerator");
            } else {
                for (std::size_t i = 0; i < c.bands.size(); ++i) {
                    const std::string p = cpath + "/bands/" + std::to_string(i) + "/field";
                    const Field& f = known_field(c.bands[i].field, p);
                    if (!numeric(f.type))
                        r_.fail(p, "field '" + f.id + "' is " + to_string(f.type) +
                                       "; a band_share needs count or number fields");
                    num.push_back(&f);
                }
            }
            const auto den = numeric_fields(c.denominator, "denominator");
            auto types = [](const Field* f) {
                auto t = f->org_types;
                std::sort(t.begin(), t.end());
                return t;
            };
            const auto reference = types(den.front());
            for (std::size_t i = 0; i < num.size(); ++i) {
                if (types(num[i]) != reference)
                    r_.fail(cpath + (c.kind == Computation::Kind::Ratio ? "/numerator/" + std::to_string(i)
                                                                        : "/bands/" + std::to_string(i) + "/field"),
                            "numerator field '" + num[i]->id + "' concerns " + join(num[i]->org_types) +
                                " but denominator field '" + den.front()->id + "' concerns " +
                                join(den.front()->org_types) +
                                ": numerator and denominator must belong to the same organisation types");
            }
            for (std::size_t i = 1; i < den.size(); ++i)
                if (types(den[i]) != reference)
                    r_.fail(cpath + "/denominator/" + std::to_string(i),
                            "denominator fields concern different organisation types");
            used = den;
            break;
        }
        case Computation::Kind::Count:
        case Computation::Kind::Sum:
            used = numeric_fields(c.fields, c.kind == Computation::Kind::Count ? "field" : "fields");
            break;
        case Computation::Kind::Flag:
        case Computation::Kind::OrganisationShare: {
            const Field& f = known_field(c.fields.front(), cpath + "/field");
            if (f.type != FieldType::YesNo)
                r_.fail(cpath + "/field", "field '" + f.id + "' is " + to_string(f.type) + "; a " + to_string(c.kind) +
                                              " needs a yes_no field");
            used = {&f};
            break;
        }
    }
    for (const Field* f : used)
        for (std::size_t i = 0; i < ind.org_types.size(); ++i)
            if (!f->concerns(ind.org_types[i]))
                r_.fail(path + "/org_types/" + std::to_string(i), "the indicator concerns " + ind.org_types[i] +
                                                                      " but its field '" + f->id +
                                                                      "' is not filled for it");
    if (!ind.duplicate_of.empty() && !c_.indicator(ind.duplicate_of))
        r_.fail(path + "/duplicate_of", "unknown indicator '" + ind.duplicate_of + "'");
    if (ind.duplicate_of == ind.id)
        r_.fail(path + "/duplicate_of", "cycle: indicator " + ind.id + " is a duplicate of itself");
}

void Loader::resolve_rule(Rule& rule, const std::vector<std::string>& paths) {
    std::vector<const Field*> f;
    for (std::size_t i = 0; i < rule.fields.size(); ++i)
        f.push_back(&known_field(rule.fields[i], paths[i]));
    switch (rule.kind) {
        case Rule::Kind::PartWhole:
        case Rule::Kind::SumEquals:
        case Rule::Kind::SameValue:
            for (std::size_t i = 0; i < f.size(); ++i)
                if (!numeric(f[i]->type) && rule.kind != Rule::Kind::SameValue)
                    r_.fail(paths[i], "field '" + f[i]->id + "' is " + to_string(f[i]->type) + "; a " +
                                          to_string(rule.kind) + " rule needs count or number fields");
            if (rule.kind == Rule::Kind::SumEquals)
                for (std::size_t i = 0; i + 1 < f.size(); ++i)
                    if (f[i] == f.back())
                        r_.fail(paths[i], "cycle: the total '" + f.back()->id + "' is among its own parts");
            break;
        case Rule::Kind::RequiresEvidence:
            if (f[0]->type != FieldType::YesNo)
                r_.fail(paths[0], "field '" + f[0]->id + "' is " + to_string(f[0]->type) +
                                      "; requires_evidence needs a yes_no flag");
            for (std::size_t i = 1; i < f.size(); ++i)
                if (f[i]->type != FieldType::Text && f[i]->type != FieldType::Date && f[i]->type != FieldType::Link)
                    r_.fail(paths[i], "evidence field '" + f[i]->id + "' must be text, date or link");
            break;
        case Rule::Kind::SumWithin:
            resolve_sum_within(rule, f, paths);
            break;
        case Rule::Kind::Implies:
            resolve_implies(rule, f, paths);
            break;
        case Rule::Kind::CoversRegister:
            resolve_covers_register(rule, f, paths);
            break;
    }
}

// The organisation types every one of `fields` concerns.
static std::vector<std::string> common_types(const std::vector<const Field*>& fields) {
    std::vector<std::string> common = fields.front()->org_types;
    for (const Field* f : fields)
        common.erase(
            std::remove_if(common.begin(), common.end(), [&](const std::string& t) { return !f->concerns(t); }),
            common.end());
    return common;
}

void Loader::resolve_sum_within(const Rule& rule, const std::vector<const Field*>& f,
                                const std::vector<std::string>& paths) {
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (!numeric(f[i]->type))
            r_.fail(paths[i], "field '" + f[i]->id + "' is " + to_string(f[i]->type) +
                                  "; a sum_within rule needs count or number fields");
        for (std::size_t j = 0; j < i; ++j) {
            if (f[j] != f[i])
                continue;
            const bool part = j < rule.parts, again = (i < rule.parts) == part;
            r_.fail(paths[i],
                    again ? "field '" + f[i]->id + (part ? "' is twice among the parts" : "' is twice in the whole")
                          : "field '" + f[i]->id + "' is a part among its own wholes");
        }
    }
    if (common_types(f).empty())
        r_.fail(rule.source,
                "the parts and the whole concern no organisation type in common: the rule would never "
                "be checked");
}

void Loader::resolve_implies(const Rule& rule, const std::vector<const Field*>& f,
                             const std::vector<std::string>& paths) {
    for (std::size_t i = 0; i < 2; ++i) {
        const Rule::Condition& c = rule.conditions[i];
        const std::string cpath = paths[i].substr(0, paths[i].size() - std::string("/field").size());
        if (f[i]->type == FieldType::YesNo) {
            if (c.above)
                r_.fail(cpath + "/above", "field '" + f[i]->id + "' is yes_no: say 'is': «да» or «нет»");
            if (!c.is)
                r_.fail(cpath, "field '" + f[i]->id + "' is yes_no: an implies needs 'is': «да» or «нет»");
        } else if (numeric(f[i]->type)) {
            if (c.is)
                r_.fail(cpath + "/is", "field '" + f[i]->id + "' is " + to_string(f[i]->type) +
                                           "; 'is' needs a yes_no field: say 'above' and a number");
            if (!c.above)
                r_.fail(cpath, "field '" + f[i]->id + "' is " + to_string(f[i]->type) +
                                   "; an implies on a field that is not yes_no needs 'above' and a number");
        } else {
            r_.fail(paths[i], "field '" + f[i]->id + "' is " + to_string(f[i]->type) +
                                  "; an implies needs a yes_no, count or number field");
        }
    }
    if (f[0] == f[1])
        r_.fail(paths[1], "field '" + f[1]->id + "' is its own condition");
    if (common_types(f).empty())
        r_.fail(rule.source, "fields '" + f[0]->id + "' and '" + f[1]->id +
                                 "' concern no organisation type in common: the rule would never be checked");
}

void Loader::resolve_covers_register(Rule& rule, const std::vector<const Field*>& f,
                                     const std::vector<std::string>& paths) {
    const std::string& municipal = c_.municipal_type().id;
    if (f[0]->org_types != std::vector<std::string>{municipal})
        r_.fail(paths[0], "field '" + f[0]->id + "' concerns " + join(f[0]->org_types) +
                              "; covers_register needs a field of the municipality alone");
    for (std::size_t i = 0; i < f.size(); ++i)
        if (!numeric(f[i]->type))
            r_.fail(paths[i], "field '" + f[i]->id + "' is " + to_string(f[i]->type) +
                                  "; a covers_register rule needs count or number fields");
    for (std::size_t i = 1; i < f.size(); ++i) {
        if (f[i]->concerns(municipal))
            r_.fail(paths[i], "field '" + f[i]->id +
                                  "' is filled by the municipality too; sum_of adds up figures of organisations");
        for (std::size_t j = 1; j < i; ++j)
            if (f[j] == f[i])
                r_.fail(paths[i], "field '" + f[i]->id + "' is twice in sum_of");
    }
    if (!rule.org_types.empty())
        return;
    // The organisations counted: the register's types; or those whose figures are added up.
    for (const OrganisationType* t : c_.register_types())
        if (f.size() == 1 || std::any_of(f.begin() + 1, f.end(), [&](const Field* x) { return x->concerns(t->id); }))
            rule.org_types.push_back(t->id);
}

void Loader::check_duplicate_cycles() {
    for (std::size_t i = 0; i < c_.indicators.size(); ++i) {
        std::vector<std::string> chain = {c_.indicators[i].id};
        const Indicator* cur = &c_.indicators[i];
        while (!cur->duplicate_of.empty()) {
            if (std::find(chain.begin(), chain.end(), cur->duplicate_of) != chain.end()) {
                chain.push_back(cur->duplicate_of);
                r_.fail(indicator_paths_[i] + "/duplicate_of", "cycle of duplicates: " + join(chain, " → "));
            }
            chain.push_back(cur->duplicate_of);
            cur = c_.indicator(cur->duplicate_of);
        }
    }
}

// A total that is (through other sum_equals rules) a part of itself.
void Loader::check_sum_cycles() {
    std::map<std::string, std::vector<std::pair<std::string, std::size_t>>> parts_of;  // total → (part, rule)
    for (std::size_t i = 0; i < c_.rules.size(); ++i) {
        const Rule& r = c_.rules[i];
        if (r.kind != Rule::Kind::SumEquals)
            continue;
        for (std::size_t p = 0; p + 1 < r.fields.size(); ++p)
            parts_of[r.fields.back()].push_back({r.fields[p], i});
    }
    std::map<std::string, int> state;  // 1 visiting, 2 done
    std::vector<std::string> stack;
    std::function<void(const std::string&, std::size_t)> visit = [&](const std::string& f, std::size_t rule) {
        if (state[f] == 2)
            return;
        stack.push_back(f);
        if (state[f] == 1)
            r_.fail(c_.rules[rule].source, "cycle of sum_equals totals: " + join(stack, " → "));
        state[f] = 1;
        // find(), not operator[]: inserting here would invalidate the outer loop.
        if (const auto it = parts_of.find(f); it != parts_of.end())
            for (const auto& [part, r] : it->second)
                visit(part, r);
        state[f] = 2;
        stack.pop_back();
    };
    for (const auto& [total, parts] : parts_of)
        visit(total, parts.front().second);
}

void Loader::derive_breakdown_rules() {
    std::set<std::vector<std::string>> sums;  // explicit sum_equals rules: parts sorted, total last
    for (const Rule& r : c_.rules)
        if (r.kind == Rule::Kind::SumEquals) {
            std::vector<std::string> key(r.fields.begin(), r.fields.end() - 1);
            std::sort(key.begin(), key.end());
            key.push_back(r.fields.back());
            sums.insert(key);
        }
    for (const Field& total : c_.fields) {
        if (total.breakdown.empty())
            continue;
        std::vector<std::string> members;
        for (const Field* m : c_.members(total.id))
            members.push_back(m->id);
        Rule r;
        r.direction = total.direction;
        r.derived = true;
        r.source = breakdown_paths_[total.id];
        if (c_.dimension(total.breakdown)->additive) {
            std::vector<std::string> key = members;
            std::sort(key.begin(), key.end());
            key.push_back(total.id);
            if (sums.count(key))
                continue;
            r.kind = Rule::Kind::SumEquals;
            r.fields = members;
            r.fields.push_back(total.id);
            c_.rules.push_back(std::move(r));
        } else {
            r.kind = Rule::Kind::PartWhole;
            for (const auto& m : members) {
                r.fields = {m, total.id};
                c_.rules.push_back(r);
            }
        }
    }
}

void Loader::derive_part_whole_rules() {
    std::set<std::pair<std::string, std::string>> known;
    for (const Rule& r : c_.rules)
        if (r.kind == Rule::Kind::PartWhole)
            known.insert({r.fields[0], r.fields[1]});
    for (std::size_t i = 0; i < c_.indicators.size(); ++i) {
        const Indicator& ind = c_.indicators[i];
        if (ind.compute.kind != Computation::Kind::Ratio || ind.compute.multiplier != 100.0 ||
            ind.compute.numerator.size() != 1 || ind.compute.denominator.size() != 1 || !ind.duplicate_of.empty())
            continue;
        const std::pair<std::string, std::string> pw{ind.compute.numerator[0], ind.compute.denominator[0]};
        if (!known.insert(pw).second)
            continue;
        Rule r;
        r.kind = Rule::Kind::PartWhole;
        r.direction = ind.direction;
        r.fields = {pw.first, pw.second};
        r.derived = true;
        r.source = indicator_paths_[i] + "/compute";
        c_.rules.push_back(std::move(r));
    }
}

}  // namespace msoko::catalogue_loader

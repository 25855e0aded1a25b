// SPDX-License-Identifier: MPL-2.0
// The figures of a row, from the catalogue's rules (and, when given, the
// proportions of a reference form). Counts are solved
// as a system of inequalities: fields entered twice (same_value) are one
// unknown; every rule becomes «Σ parts ≤ Σ wholes» (part_whole, sum_within,
// a ratio's numerator within its denominator) or «Σ parts = total»
// (sum_equals, additive breakdowns). Wholes are drawn first (a share of the
// field's maximum by the row's size), each part as a share of what holds it,
// totals split among their parts; then every broken inequality is repaired by
// lowering its parts or its total. Repairs only ever lower a figure, so they
// end, and when no rule is broken the row is consistent.

#include "figures.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <set>

namespace msoko::gen {

Period parse_period(const std::string& text) {
    // The first four digits in a row: the period's first year.
    for (std::size_t i = 0; i + 4 <= text.size(); ++i) {
        const std::string y = text.substr(i, 4);
        if (std::all_of(y.begin(), y.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; })) {
            const int first = std::stoi(y);
            return {first, first + 1};
        }
    }
    return {};
}

std::string date_in(const Period& period, Random& random) {
    // September … May: months 9–12 of the first year, 1–5 of the second.
    const int k = static_cast<int>(random.range(0, 8));
    const int month = k < 4 ? 9 + k : k - 3;
    const int year = k < 4 ? period.first : period.second;
    char out[32];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, static_cast<int>(random.range(1, 28)));
    return out;
}

namespace {

bool numeric(const Field& f) {
    return f.type == FieldType::Count || f.type == FieldType::Number;
}

/// Σ parts ≤ Σ wholes, or Σ parts = total (`equal`, one whole: the total).
struct Constraint {
    std::vector<std::string> parts, wholes;
    bool equal = false;
};

class Solver {
public:
    Solver(const Catalogue& c, const RowRequest& request, Random& random) : c_(c), q_(request), random_(random) {
        for (const Field& f : c.fields)
            if (f.concerns(q_.type)) {
                here_[f.id] = &f;
                if (numeric(f))
                    parent_[f.id] = f.id;
            }
    }

    std::map<std::string, Cell> solve() {
        unite_same_values();
        gather_constraints();
        draw();
        repair();
        std::map<std::string, Cell> out;
        for (const auto& [id, f] : here_)
            if (numeric(*f))
                out[id] = Cell::number(value_[find(id)]);
        answer_yes_no(out);
        return out;
    }

private:
    std::string find(const std::string& id) {
        std::string r = id;
        while (parent_.at(r) != r)
            r = parent_.at(r);
        parent_[id] = r;
        return r;
    }
    void unite(const std::string& a, const std::string& b) {
        const std::string ra = find(a), rb = find(b);
        if (ra != rb)
            parent_[rb] = ra;
    }
    bool numeric_here(const std::string& id) const { return parent_.count(id) > 0; }
    bool all_numeric_here(const std::vector<std::string>& ids) const {
        return std::all_of(ids.begin(), ids.end(), [&](const std::string& id) { return numeric_here(id); });
    }

    void unite_same_values() {
        for (const Rule& r : c_.rules)
            if (r.kind == Rule::Kind::SameValue) {
                std::vector<std::string> ids;
                for (const auto& f : r.fields)
                    if (numeric_here(f))
                        ids.push_back(f);
                for (std::size_t i = 1; i < ids.size(); ++i)
                    unite(ids[0], ids[i]);
            }
    }

    std::vector<std::string> classes(const std::vector<std::string>& ids) {
        std::vector<std::string> out;
        for (const auto& id : ids)
            out.push_back(find(id));
        return out;
    }

    void add(std::vector<std::string> parts, std::vector<std::string> wholes, bool equal) {
        parts = classes(parts);
        wholes = classes(wholes);
        for (const auto& p : parts)
            if (std::find(wholes.begin(), wholes.end(), p) != wholes.end())
                return;  // a figure within itself: nothing to keep
        constraints_.push_back({std::move(parts), std::move(wholes), equal});
    }

    void gather_constraints() {
        for (const Rule& r : c_.rules) {
            if (!all_numeric_here(r.kind == Rule::Kind::CoversRegister ? std::vector<std::string>{} : r.fields))
                continue;
            switch (r.kind) {
                case Rule::Kind::PartWhole:
                    add({r.fields[0]}, {r.fields[1]}, false);
                    break;
                case Rule::Kind::SumWithin:
                    add({r.fields.begin(), r.fields.begin() + static_cast<long>(r.parts)},
                        {r.fields.begin() + static_cast<long>(r.parts), r.fields.end()}, false);
                    break;
                case Rule::Kind::SumEquals:
                    add({r.fields.begin(), r.fields.end() - 1}, {r.fields.back()}, true);
                    break;
                default:
                    break;
            }
        }
        // A share in percent is at most 100: its numerator within its denominator.
        for (const Indicator& i : c_.indicators)
            if (i.compute.kind == Computation::Kind::Ratio && i.compute.multiplier == 100.0 && i.unit == "%" &&
                all_numeric_here(i.compute.numerator) && all_numeric_here(i.compute.denominator))
                add(i.compute.numerator, i.compute.denominator, false);
        // Two totals of the same parts are one figure.
        for (std::size_t a = 0; a < constraints_.size(); ++a)
            for (std::size_t b = a + 1; b < constraints_.size(); ++b) {
                const Constraint &x = constraints_[a], &y = constraints_[b];
                if (x.equal && y.equal &&
                    std::set<std::string>(x.parts.begin(), x.parts.end()) ==
                        std::set<std::string>(y.parts.begin(), y.parts.end()))
                    unite(x.wholes[0], y.wholes[0]);
            }
        for (auto& k : constraints_) {
            k.parts = classes(k.parts);
            k.wholes = classes(k.wholes);
        }
        for (const auto& [field, bound] : q_.at_least)
            if (numeric_here(field))
                floor_[find(field)] = std::max(floor_[find(field)], std::ceil(bound));
        // A lower bound holds up every whole above it.
        for (int pass = 0; pass < 50; ++pass) {
            bool changed = false;
            for (const auto& k : constraints_) {
                double need = 0;
                for (const auto& p : k.parts)
                    need += floor_.count(p) ? floor_[p] : 0;
                if (need > 0 && (floor_.count(k.wholes[0]) ? floor_[k.wholes[0]] : 0) < need) {
                    floor_[k.wholes[0]] = need;
                    changed = true;
                }
            }
            if (!changed)
                break;
        }
    }

    double field_max(const std::string& cls) const {
        const Field& f = *here_.at(cls);
        return f.max ? *f.max : 1000.0;
    }
    double lowest(const std::string& cls) const {
        const auto it = floor_.find(cls);
        const Field& f = *here_.at(cls);
        return std::max(it != floor_.end() ? it->second : 0.0, f.min ? *f.min : 0.0);
    }

    /// Wholes first: each class after every class that holds it.
    void draw() {
        std::map<std::string, int> depth;
        for (const auto& [id, p] : parent_)
            depth[find(id)] = 0;
        for (int pass = 0; pass < 100; ++pass) {
            bool changed = false;
            for (const auto& k : constraints_)
                for (const auto& p : k.parts)
                    for (const auto& w : k.wholes)
                        if (depth[p] < depth[w] + 1 && depth[w] < 100) {
                            depth[p] = depth[w] + 1;
                            changed = true;
                        }
            if (!changed)
                break;
        }
        std::vector<std::string> order;
        for (const Field& f : c_.fields)
            if (numeric_here(f.id) && find(f.id) == f.id)
                order.push_back(f.id);
        std::stable_sort(order.begin(), order.end(),
                         [&](const std::string& a, const std::string& b) { return depth[a] < depth[b]; });
        std::set<std::size_t> split;
        for (const auto& cls : order) {
            if (value_.count(cls))
                continue;  // given by a total's split
            double limit = -1, like = -1;
            bool typical = true;  // every constraint of the class has the reference's proportion
            // A part whose field may hold much less than its whole's (graduates of a class
            // within the pupils of five) is drawn as that much smaller a share.
            double scale = 1;
            for (std::size_t k = 0; k < constraints_.size(); ++k) {
                const Constraint& r = constraints_[k];
                if (std::find(r.parts.begin(), r.parts.end(), cls) == r.parts.end())
                    continue;
                double whole = 0;
                for (const auto& w : r.wholes)
                    whole += value_.count(w) ? value_[w] : field_max(w);
                if (r.equal && !split.count(k) && value_.count(r.wholes[0])) {
                    split.insert(k);
                    split_total(r);
                    break;
                }
                const double share = r.equal ? whole : whole / static_cast<double>(r.parts.size());
                // The reference's proportion of this part within its wholes.
                double t_wholes = 0;
                bool known = typical_of(cls) >= 0;
                for (const auto& w : r.wholes) {
                    known = known && typical_of(w) >= 0;
                    t_wholes += std::max(0.0, typical_of(w));
                }
                if (known && t_wholes > 0) {
                    const double v = whole * std::min(1.0, typical_of(cls) / t_wholes * random_.uniform(0.85, 1.15));
                    like = like < 0 ? v : std::min(like, v);
                } else {
                    typical = false;
                }
                double wholes_max = 0;
                for (const auto& w : r.wholes)
                    wholes_max += field_max(w);
                if (!r.equal && wholes_max > 0)
                    scale = std::min(scale, std::min(1.0, 2 * field_max(cls) / wholes_max));
                limit = limit < 0 ? share : std::min(limit, share);
            }
            if (value_.count(cls))
                continue;
            // A figure that covers the register is what it covers (with the margin the caller gave).
            const auto pinned = std::find_if(q_.at_least.begin(), q_.at_least.end(), [&](const auto& kv) {
                return numeric_here(kv.first) && find(kv.first) == cls;
            });
            if (pinned != q_.at_least.end()) {
                value_[cls] = std::ceil(pinned->second);
                continue;
            }
            double v = limit < 0 ? field_max(cls) * q_.size * random_.uniform(0.6, 1.4)
                                 : std::floor(limit * scale * random_.uniform(0.55, 0.97));
            if (limit < 0 && typical_of(cls) >= 0)
                v = typical_of(cls) * q_.relative * random_.uniform(0.85, 1.15);
            else if (limit >= 0 && typical && like >= 0)
                v = std::floor(like);
            v = std::clamp(std::round(v), lowest(cls), std::max(lowest(cls), field_max(cls)));
            value_[cls] = v;
        }
    }

    /// The reference's mean figure of a class (of any of its fields), or -1.
    double typical_of(const std::string& cls) {
        if (!q_.typical)
            return -1;
        if (!typical_ready_) {
            // Once the classes are known (draw() runs after every union).
            for (const Field& f : c_.fields)
                if (numeric_here(f.id))
                    if (const auto it = q_.typical->find(f.id); it != q_.typical->end())
                        typical_.emplace(find(f.id), it->second);
            typical_ready_ = true;
        }
        const auto it = typical_.find(cls);
        return it != typical_.end() ? it->second : -1;
    }

    void split_total(const Constraint& r) {
        const double total = value_[r.wholes[0]];
        std::vector<double> weights;
        double sum = 0;
        bool typical = true;
        for (const auto& p : r.parts)
            typical = typical && typical_of(p) >= 0;
        for (std::size_t i = 0; i < r.parts.size(); ++i) {
            // In the reference's proportions when it has them all.
            weights.push_back(typical ? std::max(0.0, typical_of(r.parts[i])) * random_.uniform(0.9, 1.1)
                                      : random_.uniform(0.5, 1.5));
            sum += weights.back();
        }
        if (sum <= 0) {
            weights.assign(r.parts.size(), 1.0);
            sum = static_cast<double>(r.parts.size());
        }
        double given = 0;
        for (std::size_t i = 0; i < r.parts.size(); ++i) {
            if (value_.count(r.parts[i])) {
                given += value_[r.parts[i]];
                continue;
            }
            const double v =
                i + 1 == r.parts.size() ? std::max(0.0, total - given) : std::floor(total * weights[i] / sum);
            value_[r.parts[i]] = v;
            given += v;
        }
    }

    /// Lowers parts or totals until no constraint is broken.
    void repair() {
        for (int pass = 0; pass < 1000; ++pass) {
            bool changed = false;
            for (const auto& k : constraints_) {
                double parts = 0, wholes = 0, held = 0;
                for (const auto& p : k.parts) {
                    parts += value_[p];
                    held += lowest(p);
                }
                for (const auto& w : k.wholes)
                    wholes += value_[w];
                if (parts > wholes + 1e-9) {
                    // The parts down to the whole, proportionally; never below their own bounds.
                    const double factor = parts - held > 0 ? std::max(0.0, wholes - held) / (parts - held) : 0;
                    for (const auto& p : k.parts)
                        value_[p] = std::max(lowest(p), lowest(p) + std::floor((value_[p] - lowest(p)) * factor));
                    changed = true;
                    parts = 0;
                    for (const auto& p : k.parts)
                        parts += value_[p];
                }
                if (k.equal && parts < wholes - 1e-9) {
                    const std::string& total = k.wholes[0];
                    if (parts >= lowest(total)) {
                        value_[total] = parts;
                    } else {
                        // The total is held up: the parts take the rest (the first part that may).
                        value_[k.parts.back()] += lowest(total) - parts;
                        value_[total] = lowest(total);
                    }
                    changed = true;
                }
            }
            if (!changed)
                return;
        }
    }

    double read(const std::map<std::string, Cell>& out, const std::string& id) const {
        const auto it = out.find(id);
        if (it == out.end())
            return 0;
        if (it->second.kind() == Cell::Kind::Text)
            return it->second.text() == "да" ? 1 : 0;
        return it->second.kind() == Cell::Kind::Number ? it->second.number() : 0;
    }

    std::string document_number() {
        static const char* const suffixes[] = {"", "-п", "-од", "/01-08"};
        return "№ " + std::to_string(random_.range(12, 1480)) + suffixes[random_.range(0, 3)];
    }

    /// «да»/«нет» (mostly «да»), then the implications, then the evidence of every «да».
    void answer_yes_no(std::map<std::string, Cell>& out) {
        for (const auto& [id, f] : here_)
            if (f->type == FieldType::YesNo)
                out[id] = Cell::text(random_.chance(0.8) ? "да" : "нет");
        for (int pass = 0; pass < 10; ++pass) {
            bool changed = false;
            for (const Rule& r : c_.rules) {
                if (r.kind != Rule::Kind::Implies || !here_.count(r.fields[0]) || !here_.count(r.fields[1]))
                    continue;
                if (!r.conditions[0].holds(read(out, r.fields[0])) || r.conditions[1].holds(read(out, r.fields[1])))
                    continue;
                const auto settle = [&](const std::string& id, const Rule::Condition& cond, bool hold) {
                    if (cond.is)
                        out[id] = Cell::text(*cond.is == hold ? "да" : "нет");
                    else
                        out[id] = Cell::number(hold ? *cond.above + 1 : std::max(0.0, *cond.above));
                };
                // A yes/no consequence is made to hold; a figure's condition is made false instead.
                if (r.conditions[1].is)
                    settle(r.fields[1], r.conditions[1], true);
                else
                    settle(r.fields[0], r.conditions[0], false);
                changed = true;
            }
            if (!changed)
                break;
        }
        std::set<std::string> evidence;
        for (const Rule& r : c_.rules)
            if (r.kind == Rule::Kind::RequiresEvidence && here_.count(r.fields[0])) {
                const bool yes = read(out, r.fields[0]) == 1;
                for (std::size_t i = 1; i < r.fields.size(); ++i) {
                    evidence.insert(r.fields[i]);
                    if (yes && here_.count(r.fields[i]))
                        out[r.fields[i]] = other_value(*here_.at(r.fields[i]));
                }
            }
        for (const auto& [id, f] : here_)
            if (!numeric(*f) && f->type != FieldType::YesNo && !evidence.count(id))
                out[id] = other_value(*f);
    }

    Cell other_value(const Field& f) {
        switch (f.type) {
            case FieldType::Date:
                return Cell::text(date_in(q_.period, random_));
            case FieldType::Link: {
                std::string slug = f.id;
                std::replace(slug.begin(), slug.end(), '_', '-');
                return Cell::text("https://uo-" + q_.latin + ".example.ru/documents/" +
                                  std::to_string(q_.period.first) + "/" + slug + "-" +
                                  std::to_string(random_.range(10, 999)) + ".pdf");
            }
            default:
                return Cell::text(document_number());
        }
    }

    const Catalogue& c_;
    const RowRequest& q_;
    Random& random_;
    std::map<std::string, const Field*> here_;
    std::map<std::string, std::string> parent_;
    std::vector<Constraint> constraints_;
    std::map<std::string, double> value_, floor_;
    std::map<std::string, double> typical_;  ///< class → the reference's mean figure
    bool typical_ready_ = false;
};

}  // namespace

std::map<std::string, Cell> row_figures(const Catalogue& catalogue, const RowRequest& request, Random& random) {
    return Solver(catalogue, request, random).solve();
}

}  // namespace msoko::gen

// SPDX-License-Identifier: MPL-2.0
#include "msoko/explanations.hpp"

#include "msoko/text.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace msoko {

namespace {

bool blank(const std::string& s) {
    return trim(s).empty();
}

}  // namespace

const Explanation* explanation_for(const std::vector<Explanation>& explanations, const ReportRow& row) {
    const Explanation* found = nullptr;
    for (const Explanation& e : explanations) {
        if (e.kind != row.kind || e.sheet != row.sheet || blank(e.text))
            continue;
        if (same_finding(explanation_of(row), e))
            found = &e;
    }
    return found;
}

void explain(ReportModel& model, const std::vector<Explanation>& explanations) {
    for (ReportRow& row : model.rows) {
        const Explanation* e = explanation_for(explanations, row);
        row.explanation = e ? e->text : std::string();
    }
}

Explanation explanation_of(const ReportRow& row) {
    return {row.kind, row.sheet, row.cell, row.organisation, row.field, row.explanation};
}

bool same_finding(const Explanation& a, const Explanation& b) {
    if (a.kind != b.kind || a.sheet != b.sheet)
        return false;
    const bool named = !a.organisation.empty() || !a.field.empty();
    return named ? a.organisation == b.organisation && a.field == b.field
                 : b.organisation.empty() && b.field.empty() && a.cell == b.cell;
}

std::vector<Explanation> merge_explanations(std::vector<Explanation> kept, const std::vector<Explanation>& typed) {
    kept.erase(std::remove_if(kept.begin(), kept.end(),
                              [&](const Explanation& k) {
                                  return blank(k.text) ||
                                         std::any_of(typed.begin(), typed.end(),
                                                     [&](const Explanation& t) { return same_finding(k, t); });
                              }),
               kept.end());
    for (const Explanation& t : typed)
        if (!blank(t.text))
            kept.push_back(t);
    return kept;
}

std::string explanations_json(const std::vector<Explanation>& explanations) {
    boost::json::array out;
    for (const Explanation& e : explanations)
        out.push_back({{"kind", e.kind},
                       {"sheet", e.sheet},
                       {"cell", e.cell},
                       {"organisation", e.organisation},
                       {"field", e.field},
                       {"text", e.text}});
    return boost::json::serialize(out);
}

std::vector<Explanation> parse_explanations(std::string_view json) {
    std::vector<Explanation> out;
    boost::system::error_code ec;
    const boost::json::value v = boost::json::parse(json, ec);
    if (ec || !v.is_array())
        return out;
    for (const auto& item : v.as_array()) {
        const auto* o = item.if_object();
        if (!o)
            continue;
        const auto text = [&](const char* key) {
            const auto* m = o->if_contains(key);
            return m && m->is_string() ? std::string(m->as_string()) : std::string();
        };
        Explanation e{text("kind"), text("sheet"), text("cell"), text("organisation"), text("field"), text("text")};
        if (!e.kind.empty() && !blank(e.text))
            out.push_back(std::move(e));
    }
    return out;
}

std::vector<const ReportRow*> unexplained_warnings(const ReportModel& model) {
    std::vector<const ReportRow*> out;
    for (const ReportRow& row : model.rows)
        if (row.severity == Severity::Warning && blank(row.explanation))
            out.push_back(&row);
    return out;
}

}  // namespace msoko

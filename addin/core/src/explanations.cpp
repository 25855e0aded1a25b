// SPDX-License-Identifier: MPL-2.0
#include "msoko/explanations.hpp"

#include "msoko/text.hpp"

namespace msoko {

namespace {

bool blank(const std::string& s) {
    return trim(s).empty();
}

}  // namespace

const Explanation* explanation_for(const std::vector<Explanation>& explanations, const ReportRow& row) {
    const bool named = !row.organisation.empty() || !row.field.empty();
    const Explanation* found = nullptr;
    for (const Explanation& e : explanations) {
        if (e.kind != row.kind || e.sheet != row.sheet || blank(e.text))
            continue;
        const bool same = named ? e.organisation == row.organisation && e.field == row.field
                                : e.organisation.empty() && e.field.empty() && e.cell == row.cell;
        if (same)
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

std::vector<const ReportRow*> unexplained_warnings(const ReportModel& model) {
    std::vector<const ReportRow*> out;
    for (const ReportRow& row : model.rows)
        if (row.severity == Severity::Warning && blank(row.explanation))
            out.push_back(&row);
    return out;
}

}  // namespace msoko

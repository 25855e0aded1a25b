// SPDX-License-Identifier: MPL-2.0
// The findings in the report's order, and a long list of one rule cut short.
#include "check/check.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace msoko::check {

namespace {

void sort(const WorkbookSnapshot& wb, std::vector<Finding>& findings) {
    std::map<std::string, std::size_t> order;
    for (std::size_t i = 0; i < wb.sheets.size(); ++i)
        order[wb.sheets[i].name] = i;
    const auto key = [&](const Finding& f) {
        auto it = order.find(f.sheet);
        return std::make_tuple(static_cast<int>(f.severity), it == order.end() ? 0 : it->second + 1, f.row, f.col);
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

// One cause must not bury the others: beyond kMaxFindingsPerRule findings of
// one rule on one sheet, the rest are counted in one finding after them.
void cap(std::vector<Finding>& findings) {
    using Key = std::pair<std::string, std::string>;  // sheet, rule
    std::map<Key, std::size_t> seen, last_kept, dropped;
    std::vector<Finding> kept;
    kept.reserve(std::min<std::size_t>(findings.size(), 4096));
    for (auto& f : findings) {
        const Key key{f.sheet, f.rule};
        if (++seen[key] > kMaxFindingsPerRule) {
            ++dropped[key];
            continue;
        }
        kept.push_back(std::move(f));
        last_kept[key] = kept.size() - 1;
    }
    std::vector<std::pair<std::size_t, Finding>> closing;
    for (const auto& [key, n] : dropped) {
        const std::size_t after = last_kept[key];
        Findings more;
        more.add(K::More, key.first)
            .severity(kept[after].severity)
            .rule(key.second, key.second)
            .more(n)
            .say({{"число", std::to_string(n)},
                  {"лист", key.first},
                  {"правило", key.second},
                  {"показано", std::to_string(kMaxFindingsPerRule)}});
        closing.emplace_back(after + 1, std::move(more.all.front()));
    }
    // From the back, so that the positions of the earlier ones stay right.
    std::sort(closing.begin(), closing.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (auto& [at, f] : closing)
        kept.insert(kept.begin() + static_cast<std::ptrdiff_t>(at), std::move(f));
    findings = std::move(kept);
}

}  // namespace

void finish(const WorkbookSnapshot& wb, std::vector<Finding>& findings) {
    sort(wb, findings);
    cap(findings);
}

}  // namespace msoko::check

// SPDX-License-Identifier: MPL-2.0
// The form as read: organisations and their figures, found by organisation and field.
#include "check/check.hpp"

#include <algorithm>
#include <functional>
#include <iterator>

namespace msoko::check {

std::size_t FormIndex::organisation(const std::string& code) {
    auto [it, fresh] = org_index_.emplace(code, codes_.size());
    if (fresh)
        codes_.push_back(code);
    return it->second;
}

void FormIndex::reserve(std::size_t organisations, std::size_t figures) {
    org_index_.reserve(organisations);
    figures_.reserve(figures);
}

// A counting sort by organisation (linear), then by field within each, so that
// a figure is found by binary search (the last one read wins).
void FormIndex::build() {
    org_begin_.assign(codes_.size() + 1, 0);
    for (const auto& f : figures_)
        ++org_begin_[f.second.org + 1];
    for (std::size_t i = 1; i < org_begin_.size(); ++i)
        org_begin_[i] += org_begin_[i - 1];
    order_.resize(figures_.size());
    std::vector<std::size_t> next(org_begin_.begin(), org_begin_.end() - 1);
    for (std::size_t i = 0; i < figures_.size(); ++i)
        order_[next[figures_[i].second.org]++] = static_cast<std::uint32_t>(i);
    const auto by_field = [&](std::uint32_t a, std::uint32_t b) {
        return std::less<const Field*>()(figures_[a].first, figures_[b].first);
    };
    for (std::size_t org = 0; org < codes_.size(); ++org) {
        const auto first = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org]),
                   last = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org + 1]);
        std::stable_sort(first, last, by_field);
        for (auto it = first; it != last; ++it)
            if (it == first || figures_[*it].first != figures_[*std::prev(it)].first)
                orgs_with_[figures_[*it].first].push_back(org);
    }
}

const std::vector<std::size_t>& FormIndex::organisations_with(const Field* field) {
    if (!field) {
        if (all_orgs_.size() != codes_.size()) {
            all_orgs_.resize(codes_.size());
            for (std::size_t i = 0; i < all_orgs_.size(); ++i)
                all_orgs_[i] = i;
        }
        return all_orgs_;
    }
    static const std::vector<std::size_t> none;
    auto it = orgs_with_.find(field);
    return it == orgs_with_.end() ? none : it->second;
}

const Place* FormIndex::place(std::size_t org, const Field* field) const {
    const auto first = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org]),
               last = order_.begin() + static_cast<std::ptrdiff_t>(org_begin_[org + 1]);
    auto it = std::upper_bound(first, last, field, [&](const Field* f, std::uint32_t i) {
        return std::less<const Field*>()(f, figures_[i].first);
    });
    return it == first || figures_[*std::prev(it)].first != field ? nullptr : &figures_[*std::prev(it)].second;
}

}  // namespace msoko::check

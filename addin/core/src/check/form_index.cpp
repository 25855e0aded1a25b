// SPDX-License-Identifier: MPL-2.0
// The form as read: organisations and their figures, found by organisation and field.
#include "check/check.hpp"

#include <algorithm>
#include <functional>

namespace msoko::check {

std::size_t FormIndex::organisation(const std::string& code) {
    if (2 * (codes_.size() + 1) > slots_.size())
        rehash(std::max<std::size_t>(64, 2 * slots_.size()));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = std::hash<std::string>()(code) & mask;; i = (i + 1) & mask) {
        if (!slots_[i]) {
            codes_.push_back(code);
            slots_[i] = static_cast<std::uint32_t>(codes_.size());
            return codes_.size() - 1;
        }
        if (codes_[slots_[i] - 1] == code)
            return slots_[i] - 1;
    }
}

void FormIndex::rehash(std::size_t slots) {
    std::size_t size = 64;
    while (size < slots)
        size *= 2;
    slots_.assign(size, 0);
    const std::size_t mask = size - 1;
    for (std::size_t k = 0; k < codes_.size(); ++k) {
        std::size_t i = std::hash<std::string>()(codes_[k]) & mask;
        while (slots_[i])
            i = (i + 1) & mask;
        slots_[i] = static_cast<std::uint32_t>(k + 1);
    }
}

void FormIndex::reserve(std::size_t organisations, std::size_t figures) {
    if (2 * organisations > slots_.size())
        rehash(2 * organisations);
    codes_.reserve(organisations);
    figures_.reserve(figures);
}

void FormIndex::add(const Field* field, const Place& place) {
    if (field != last_field_) {
        auto [it, fresh] = column_of_.try_emplace(field, last_figure_.size());
        if (fresh)
            last_figure_.emplace_back();
        last_field_ = field;
        last_column_ = it->second;
    }
    std::vector<std::uint32_t>& last = last_figure_[last_column_];
    if (place.org >= last.size())
        last.resize(std::max(place.org + 1, codes_.size()), 0);
    figures_.push_back({field, place});
    last[place.org] = static_cast<std::uint32_t>(figures_.size());
}

// Each field's organisations, in their order.
void FormIndex::build() {
    orgs_with_.clear();
    for (const auto& [field, column] : column_of_) {
        std::vector<std::size_t>& orgs = orgs_with_[field];
        const std::vector<std::uint32_t>& last = last_figure_[column];
        for (std::size_t org = 0; org < last.size(); ++org)
            if (last[org])
                orgs.push_back(org);
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

std::size_t FormIndex::column(const Field* field) const {
    for (std::size_t i = 0; i < kCached; ++i)
        if (cached_field_[i] == field && field)
            return cached_column_[i];
    const auto it = column_of_.find(field);
    const std::size_t column = it == column_of_.end() ? last_figure_.size() : it->second;
    if (it != column_of_.end()) {  // a field with no figure may get one later: not cached
        cached_field_[cache_next_] = field;
        cached_column_[cache_next_] = column;
        cache_next_ = (cache_next_ + 1) % kCached;
    }
    return column;
}

const Place* FormIndex::place(std::size_t org, const Field* field) const {
    const std::size_t c = column(field);
    if (c >= last_figure_.size())
        return nullptr;
    const std::vector<std::uint32_t>& last = last_figure_[c];
    return org < last.size() && last[org] ? &figures_[last[org] - 1].second : nullptr;
}

}  // namespace msoko::check

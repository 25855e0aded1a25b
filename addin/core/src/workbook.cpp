// SPDX-License-Identifier: MPL-2.0
#include "msoko/workbook.hpp"

#include <algorithm>

namespace msoko {

bool Organisation::has_flag(const std::string& flag) const {
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool Workbook::add(Organisation organisation) {
    if (!organisation_index_.emplace(organisation.code, organisations_.size()).second)
        return false;
    organisations_.push_back(std::move(organisation));
    values_.emplace_back();
    return true;
}

bool Workbook::set(const std::string& code, const std::string& field, Cell value) {
    const auto org = organisation_index_.find(code);
    if (org == organisation_index_.end())
        return false;
    const std::size_t column = field_index_.emplace(field, field_index_.size()).first->second;
    auto& row = values_[org->second];
    if (row.size() <= column)
        row.resize(column + 1, Cell::empty());
    row[column] = std::move(value);
    return true;
}

const Organisation* Workbook::organisation(const std::string& code) const {
    const auto it = organisation_index_.find(code);
    return it == organisation_index_.end() ? nullptr : &organisations_[it->second];
}

const Cell& Workbook::value(const std::string& code, const std::string& field) const {
    static const Cell empty = Cell::empty();
    const auto org = organisation_index_.find(code);
    const auto column = field_index_.find(field);
    if (org == organisation_index_.end() || column == field_index_.end())
        return empty;
    const auto& row = values_[org->second];
    return column->second < row.size() ? row[column->second] : empty;
}

}  // namespace msoko

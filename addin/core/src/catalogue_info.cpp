// SPDX-License-Identifier: MPL-2.0
#include "msoko/catalogue_info.hpp"

#include "json_file.hpp"

#include <algorithm>
#include <vector>

namespace msoko {

CatalogueError::CatalogueError(std::string file, std::string where, std::string what)
    : std::runtime_error(file + (where.empty() ? "" : ":" + where) + ": " + what),
      file_(std::move(file)),
      where_(std::move(where)) {}

namespace {

std::string required_string(const boost::json::object& o, const char* key, const std::string& file) {
    const std::string where = std::string("/") + key;
    const auto* v = o.if_contains(key);
    if (!v)
        throw CatalogueError(file, where, "required member is missing");
    if (!v->is_string())
        throw CatalogueError(file, where, "must be a string");
    std::string s(v->as_string());
    if (s.empty())
        throw CatalogueError(file, where, "must not be empty");
    return s;
}

}  // namespace

CatalogueInfo parse_catalogue_info(const std::string& json, const std::string& file) {
    const boost::json::value root = json_file::parse(json, file);
    if (!root.is_object())
        throw CatalogueError(file, "/", "the catalogue must be a JSON object");
    const auto& o = root.as_object();
    CatalogueInfo info;
    info.format = required_string(o, "format", file);
    if (info.format != kCatalogueFormat)
        throw CatalogueError(file, "/format",
                             "format '" + info.format + "' is not supported; expected '" + kCatalogueFormat + "'");
    info.id = required_string(o, "id", file);
    info.version = required_string(o, "version", file);
    info.title = required_string(o, "title", file);
    return info;
}

namespace {

// "2021.1" → {2021, 1}; none unless digits separated by single dots.
std::optional<std::vector<unsigned long>> version_numbers(const std::string& v) {
    std::vector<unsigned long> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = v.find('.', start);
        const std::string part = v.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (part.empty() || part.size() > 9 || part.find_first_not_of("0123456789") != std::string::npos)
            return std::nullopt;
        out.push_back(std::stoul(part));
        if (end == std::string::npos)
            return out;
        start = end + 1;
    }
}

}  // namespace

std::optional<int> compare_versions(const std::string& a, const std::string& b) {
    const auto x = version_numbers(a), y = version_numbers(b);
    if (!x || !y)
        return std::nullopt;
    for (std::size_t i = 0; i < std::max(x->size(), y->size()); ++i) {
        const unsigned long p = i < x->size() ? (*x)[i] : 0, q = i < y->size() ? (*y)[i] : 0;
        if (p != q)
            return p < q ? -1 : 1;
    }
    return 0;
}

CatalogueInfo read_catalogue_info(const std::string& path) {
    return parse_catalogue_info(json_file::read(path), path);
}

}  // namespace msoko

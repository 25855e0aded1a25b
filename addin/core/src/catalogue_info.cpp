// SPDX-License-Identifier: MPL-2.0
#include "msoko/catalogue_info.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

namespace msoko {

CatalogueError::CatalogueError(std::string file, std::string where, std::string what)
    : std::runtime_error(file + (where.empty() ? "" : ":" + where) + ": " + what),
      file_(std::move(file)),
      where_(std::move(where)) {}

namespace {

// Line and column of a byte offset, for parse errors a person can find.
std::string line_col(const std::string& text, std::size_t offset) {
    std::size_t line = 1, col = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            col = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++col;  // count UTF-8 characters, not bytes
        }
    }
    return "line " + std::to_string(line) + " column " + std::to_string(col);
}

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
    boost::json::stream_parser parser;
    boost::json::error_code ec;
    const std::size_t consumed = parser.write_some(json.data(), json.size(), ec);
    if (!ec)
        parser.finish(ec);
    if (ec)
        throw CatalogueError(file, line_col(json, consumed), "not valid JSON: " + ec.message());
    const boost::json::value root = parser.release();
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

CatalogueInfo read_catalogue_info(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CatalogueError(path, "", "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_catalogue_info(text.str(), path);
}

}  // namespace msoko

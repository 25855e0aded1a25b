// SPDX-License-Identifier: MPL-2.0
#include "json_file.hpp"

#include <fstream>
#include <sstream>

namespace msoko::json_file {

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

}  // namespace

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CatalogueError(path, "", "cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad())
        throw CatalogueError(path, "", "cannot read the file");
    return text.str();
}

boost::json::value parse(const std::string& text, const std::string& file) {
    boost::json::stream_parser parser;
    boost::json::error_code ec;
    const std::size_t consumed = parser.write_some(text.data(), text.size(), ec);
    if (!ec)
        parser.finish(ec);
    if (ec)
        throw CatalogueError(file, line_col(text, consumed), "not valid JSON: " + ec.message());
    return parser.release();
}

}  // namespace msoko::json_file

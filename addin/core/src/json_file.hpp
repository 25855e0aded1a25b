// SPDX-License-Identifier: MPL-2.0
#pragma once

// Reading the core's JSON files (catalogues, form data, recipes): one reader,
// so that every file's problem is named the same way — the file, the line and
// column of a syntax error, or what could not be opened. Internal to the core.

#include "msoko/catalogue_info.hpp"  // CatalogueError

#include <boost/json.hpp>

#include <string>

namespace msoko::json_file {

/// The whole file as bytes. @throws CatalogueError naming the file when it cannot be read.
std::string read(const std::string& path);

/// Parses JSON text. @throws CatalogueError naming `file` and the line and
/// column of a syntax error.
boost::json::value parse(const std::string& text, const std::string& file);

}  // namespace msoko::json_file

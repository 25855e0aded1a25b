// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace msoko {

/// A catalogue that cannot be used: names the file, the place in it (a JSON
/// path such as `/version`) and what is wrong.
class CatalogueError : public std::runtime_error {
public:
    CatalogueError(std::string file, std::string where, std::string what);
    const std::string& file() const { return file_; }
    const std::string& where() const { return where_; }

private:
    std::string file_;
    std::string where_;
};

/// The identity of an indicator catalogue: which form it describes and which
/// version of it. A workbook made from one catalogue is checked against it.
struct CatalogueInfo {
    std::string format;   ///< file format tag, `msoko-catalogue/1`
    std::string id;       ///< stable id of the form, e.g. `kuzbass-msuko-267-1`
    std::string version;  ///< version of the form, e.g. `2021.1`
    std::string title;    ///< Russian title of the form
};

/// The format tag this build reads.
inline constexpr const char* kCatalogueFormat = "msoko-catalogue/1";

/// Orders two catalogue versions by their dot-separated numbers ("2021.1" <
/// "2021.2" < "2021.10" < "2022"): negative, zero or positive; none when
/// either is not such numbers (then neither is older).
std::optional<int> compare_versions(const std::string& a, const std::string& b);

/// Reads the identity of the catalogue in `path` (a JSON file).
/// @throws CatalogueError when the file is unreadable, not JSON, of another
///         format, or lacks a required member.
CatalogueInfo read_catalogue_info(const std::string& path);

/// Parses the identity from JSON text; `file` only names it in errors.
CatalogueInfo parse_catalogue_info(const std::string& json, const std::string& file);

}  // namespace msoko

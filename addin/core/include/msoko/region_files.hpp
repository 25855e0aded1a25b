// SPDX-License-Identifier: MPL-2.0
#pragma once

// What the region is given on the command line or in the folder chosen from
// the menu: forms (.ods, .xlsx, .fods), submission packages (a folder with
// `indicators.json`) and `indicators.json` files, found in the folders given
// (and their subfolders). Nothing is opened here but a package's JSON.

#include "msoko/region.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace msoko {

struct RegionInput {
    std::filesystem::path path;  ///< a workbook, or a package's indicators.json
    RegionForm::Source source = RegionForm::Source::Workbook;
    std::string shown;  ///< what the lines call it: the file's name, or the package folder's
};

struct RegionInputs {
    std::vector<RegionInput> inputs;      ///< in the order given, each folder's sorted by name
    std::vector<RegionFailure> failures;  ///< a path that does not exist, an empty folder, a file of another kind
};

/// The inputs of `given` (files and folders). A folder is searched with its
/// subfolders; one holding `indicators.json` is a package (its frozen copy is
/// not read again); lock files (.~lock.…#) and hidden files are passed over,
/// as are other kinds of files inside a folder (a file given by name that is
/// none of the kinds is a failure). The same file given twice is read once.
RegionInputs find_region_inputs(const std::vector<std::filesystem::path>& given);

/// A file's modification time, ISO 8601 in UTC («2026-06-30T07:00:00Z»); "" when unknown.
std::string modified_at(const std::filesystem::path& file);

/// A package's `indicators.json` read (RegionForm::Source::Package or Json).
/// @throws std::runtime_error with a Russian message naming the file.
RegionForm read_region_package(const RegionInput& input);

/// The municipalities expected, one per line of a text file (UTF-8; empty
/// lines and lines starting with # passed over). @throws std::runtime_error.
std::vector<std::string> read_expected_list(const std::filesystem::path& file);

}  // namespace msoko

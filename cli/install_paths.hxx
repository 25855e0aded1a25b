// SPDX-License-Identifier: MPL-2.0
#pragma once

// Where msoko finds the extension and the catalogue: beside its own
// executable when installed (BIN/../share/msoko/msoko.oxt and
// BIN/../share/msoko/catalogue/…, wherever the prefix is: `cmake --install
// --prefix P`, the Debian package's /usr), else in the build tree it was
// built in.

#include <filesystem>
#include <string>

namespace msoko::cli {

/// The directory of the running executable; empty when it cannot be told.
std::filesystem::path executable_dir();

/// `share/msoko/<relative>` of the installation the executable belongs to,
/// when that file exists; `built` otherwise.
std::filesystem::path installed_or_built(const std::filesystem::path& relative, const std::filesystem::path& built);

/// The extension msoko installs into its offices by default.
std::filesystem::path default_oxt();
/// The catalogue msoko reads by default (MSOKO_CATALOGUE aside).
std::filesystem::path default_catalogue_file();

/// The ВПР mark boundaries msoko reads by default (catalogue/vpr-boundaries.json).
std::filesystem::path default_vpr_boundaries_file();

/// `msoko --version`: the version, and the extension and catalogue it uses.
std::string version_text();

}  // namespace msoko::cli

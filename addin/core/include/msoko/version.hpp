// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/catalogue_info.hpp"

#include <string>

namespace msoko {

/// The extension's version (from the build: the project version of CMake).
const char* extension_version();

/// MSOKO.VERSION text: the extension's version, and the catalogue's id,
/// version and title; or, when the catalogue could not be read, a plain
/// Russian statement of that.
std::string version_text(const CatalogueInfo* catalogue);

}  // namespace msoko

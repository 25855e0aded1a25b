// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/catalogue.hpp"

#include <string>

namespace msoko {

/// The catalogue as a Markdown document for a methodologist: every direction
/// and indicator with its formula in words, its fields and its rules
/// (docs/indicators.md is this text for the default catalogue).
std::string indicators_markdown(const Catalogue& catalogue);

}  // namespace msoko

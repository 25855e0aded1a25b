// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/catalogue.hpp"

#include <com/sun/star/uno/XComponentContext.hpp>

#include <string>

namespace msoko::uno {

/// The identifier of the extension (description.xml).
inline constexpr const char* kExtensionId = "org.msoko.calc";

/// The system path of a file inside the installed extension, e.g.
/// "catalogue/msoko-267-1.json". @throws std::runtime_error when the
/// extension's folder cannot be found.
std::string installed_file(const css::uno::Reference<css::uno::XComponentContext>& context,
                           const std::string& relative);

/// Reads the catalogue shipped in the installed extension.
/// @throws std::runtime_error or CatalogueError (both std::exception).
Catalogue read_installed_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context);

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#pragma once

#include "msoko/catalogue.hpp"
#include "msoko/vpr.hpp"

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

/// The environment variable that names another catalogue file (an absolute
/// path) for the office process: the command-line tool sets it for the office
/// it starts (`msoko … --catalogue FILE`), tests use it for test catalogues.
inline constexpr const char* kCatalogueVariable = "MSOKO_CATALOGUE";

/// The catalogue the extension works with — the file named by
/// MSOKO_CATALOGUE, else the file chosen on the options page, else the one
/// shipped in the installed extension — each file read once per office
/// process and shared by the cell functions and the commands. A failure is not
/// remembered: the next call reads again (the cause may have passed).
/// @throws std::runtime_error or CatalogueError (both std::exception; a
/// UserError naming the options page for the file chosen there), or a UNO exception.
const Catalogue& installed_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context);

/// An earlier version of the installed catalogue, for moving a form of it to
/// the current one: the file «history/<id>-<version>.json» beside the
/// catalogue file (the shipped one's: catalogue/history/ in the extension),
/// read once per office process like installed_catalogue().
/// @throws UserError when there is no such version, or CatalogueError.
const Catalogue& history_catalogue(const css::uno::Reference<css::uno::XComponentContext>& context,
                                   const std::string& version);

/// The file of ВПР mark boundaries (addin/catalogue/vpr-boundaries.json) a catalogue file goes with.
inline constexpr const char* kVprBoundariesFile = "vpr-boundaries.json";

/// The ВПР mark boundaries by year, subject and grade: the file «vpr-boundaries.json» beside the
/// catalogue the extension works with (installed_catalogue()), else the one shipped in the extension;
/// read once per office process. @throws std::runtime_error naming the file when it cannot be read.
const vpr::BoundaryTable& installed_boundaries(const css::uno::Reference<css::uno::XComponentContext>& context);

}  // namespace msoko::uno

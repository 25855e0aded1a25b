// SPDX-License-Identifier: MPL-2.0
#pragma once
// The explanatory note of the submission package stored as the files the
// package holds: Writer opens the flat ODF the core renders
// (explanatory_note_fodt(), msoko/note.hpp) hidden, from memory, stores it
// as .odt and as .pdf and closes it. The same inside the office (the
// extension) and from the command line (a remote context of a private
// office on the same machine: the files are written by that office).
#include <com/sun/star/uno/XComponentContext.hpp>

#include <filesystem>
#include <string>

namespace msoko::uno {

/// Writes `fodt` (a flat ODF text document) as `odt` (filter `writer8`) and
/// `pdf` (`writer_pdf_Export`), replacing files of those names. The document
/// is never shown and is closed whatever happens.
/// @throws UserError (snapshot.hxx) with a Russian message naming the file
///         that could not be written, or saying that Writer could not read
///         the note.
void export_note(const css::uno::Reference<css::uno::XComponentContext>& context, const std::string& fodt,
                 const std::filesystem::path& odt, const std::filesystem::path& pdf);

}  // namespace msoko::uno

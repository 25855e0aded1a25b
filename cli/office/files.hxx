// SPDX-License-Identifier: MPL-2.0
#pragma once

// What the office is given to open (internal to cli/office; the public part
// is in office.hxx).

#include <filesystem>
#include <string>

namespace msoko::office {

/// Why a file the office did not open as a spreadsheet is not one, told from
/// its first bytes; `other_document`: the office opened it as a text, a
/// drawing or a presentation (when those parts of LibreOffice are installed).
std::string not_a_spreadsheet(const std::filesystem::path& file, const std::string& head, bool other_document);

}  // namespace msoko::office

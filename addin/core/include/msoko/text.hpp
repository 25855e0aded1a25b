// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace msoko {

/// Lower-cases ASCII and Cyrillic (А–Я, Ё) in UTF-8 text and trims spaces at
/// both ends (also no-break spaces): how answers and codes typed by people
/// are compared («Да » = «да», «ШНОР» = «шнор»).
std::string fold(std::string_view text);

/// Text without white space at both ends (ASCII and no-break spaces), case kept.
std::string trim(std::string_view text);

/// The first `max_chars` characters (code points) of UTF-8 text, with «…»
/// when cut: never splits a character.
std::string truncate_utf8(const std::string& text, std::size_t max_chars);

/// Text for XML content and attribute values: markup escaped, tab and line
/// breaks as character references, other control characters (invalid in XML
/// 1.0) dropped.
std::string xml_escape(const std::string& text);

/// The parts with `separator` between them: join({"a", "b"}) == "a, b".
std::string join(const std::vector<std::string>& parts, const char* separator = ", ");

/// A number as a person writes it: 4201, 12.5 — no trailing zeros.
std::string format_number(double v);

}  // namespace msoko

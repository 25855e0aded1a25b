// SPDX-License-Identifier: MPL-2.0
#pragma once

// Texts written into a sheet through setFormulaArray, which reads each cell as
// the user's input: the report «Проверка» and «Сбор форм» write every row so.

#include "utf8.hxx"

#include <rtl/ustring.hxx>

#include <string>

namespace msoko::uno {

/// A text as a formula's string constant: «"a ""b"""».
inline std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

/// A constant for setFormulaArray: a text that could read as a formula or a
/// number (it starts with =, +, -, ', @ or a digit) is written as a formula
/// giving that text, so that the cell shows it as it is.
inline rtl::OUString constant(const std::string& s) {
    if (s.empty())
        return rtl::OUString();
    const char first = s[0];
    if (first == '=' || first == '+' || first == '-' || first == '\'' || first == '@' || (first >= '0' && first <= '9'))
        return from_utf8("=" + quoted(s));
    return from_utf8(s);
}

}  // namespace msoko::uno

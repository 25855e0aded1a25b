// SPDX-License-Identifier: MPL-2.0
#pragma once

// UTF-8 and the office's UTF-16 strings: the one pair of converters of the
// extension, the command-line tool and the tests (the core speaks UTF-8).

#include <rtl/string.hxx>
#include <rtl/ustring.hxx>

#include <string>
#include <string_view>

namespace msoko::uno {

inline std::string to_utf8(const rtl::OUString& s) {
    return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr();
}

inline rtl::OUString from_utf8(std::string_view s) {
    return rtl::OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#include "guard.hxx"

namespace msoko::uno {

std::string to_utf8(const OUString& s) {
    return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr();
}

OUString from_utf8(const std::string& s) {
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
// Fuzz target: text typed by people — msoko::suggested_number (the check's
// suggested reading of «12 чел.», «1 2», «12,5») and the text helpers every
// comparison and message goes through: fold, trim, truncate_utf8, xml_escape.
#include "msoko/text.hpp"
#include "msoko/validation.hpp"

#include "fuzz_support.hpp"

#include <cerrno>

namespace msoko {
namespace {

bool digit(char ch) {
    return ch >= '0' && ch <= '9';
}

// -?D+(.D+)? — what the check offers to type instead.
bool plain_number(const std::string& s) {
    std::size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
    const std::size_t int_begin = i;
    while (i < s.size() && digit(s[i]))
        ++i;
    if (i == int_begin)
        return false;
    if (i == s.size())
        return true;
    if (s[i] != '.')
        return false;
    const std::size_t frac_begin = ++i;
    while (i < s.size() && digit(s[i]))
        ++i;
    return i > frac_begin && i == s.size();
}

void check_suggestion(const std::string& text) {
    const std::string s = suggested_number(text);
    if (s.empty()) {
        FUZZ_CHECK(text.find_first_of("0123456789") == std::string::npos);
        return;
    }
    FUZZ_CHECK(plain_number(s));
    // It reads as a number, as a whole (long digit runs may round, never fail).
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    FUZZ_CHECK(end == s.c_str() + s.size());
    // Only the typed digits, in their order.
    std::string typed_digits, suggested_digits;
    for (char ch : text)
        if (digit(ch))
            typed_digits += ch;
    for (char ch : s)
        if (digit(ch))
            suggested_digits += ch;
    FUZZ_CHECK(typed_digits == suggested_digits);
    // A plain number is its own reading.
    if (plain_number(text))
        FUZZ_CHECK(s == text);
    FUZZ_CHECK(suggested_number(s) == s);
}

bool space_at_end(const std::string& s) {
    if (s.empty())
        return false;
    const char first = s.front(), last = s.back();
    auto ascii = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
    return ascii(first) || ascii(last) || s.rfind("\xC2\xA0", 0) == 0 ||
           (s.size() >= 2 && s.compare(s.size() - 2, 2, "\xC2\xA0") == 0);
}

void check_text(const std::string& text, std::size_t max_chars) {
    const std::string t = trim(text);
    FUZZ_CHECK(!space_at_end(t) && text.find(t) != std::string::npos && trim(t) == t);
    const std::string f = fold(text);
    FUZZ_CHECK(fold(f) == f && !space_at_end(f));
    FUZZ_CHECK(fold(t) == f);

    // Cut at a character boundary: a prefix of the text, with «…» when cut.
    const std::string cut = truncate_utf8(text, max_chars);
    if (cut != text) {
        const std::string ellipsis = "…";
        FUZZ_CHECK(cut.size() >= ellipsis.size() &&
                   cut.compare(cut.size() - ellipsis.size(), ellipsis.size(), ellipsis) == 0);
        const std::string head = cut.substr(0, cut.size() - ellipsis.size());
        FUZZ_CHECK(text.compare(0, head.size(), head) == 0 && head.size() < text.size());
        FUZZ_CHECK((static_cast<unsigned char>(text[head.size()]) & 0xC0) != 0x80);
    }

    // Nothing of the text can end the XML element or attribute it goes into.
    const std::string x = xml_escape(text);
    for (char ch : x)
        FUZZ_CHECK(ch != '<' && ch != '>' && ch != '"' && (static_cast<unsigned char>(ch) >= 0x20));
}

}  // namespace
}  // namespace msoko

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    msoko::check_suggestion(text);
    msoko::check_text(text, size % 17);
    return 0;
}

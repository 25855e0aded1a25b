// SPDX-License-Identifier: MPL-2.0
#include "msoko/text.hpp"

#include <cmath>
#include <cstdio>

namespace msoko {

namespace {

// Length of the white space at `pos` (forward) or ending at `pos` (backward).
std::size_t space_at(std::string_view s, std::size_t pos, bool backward) {
    auto ascii = [](char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; };
    if (backward) {
        if (pos >= 1 && ascii(s[pos - 1]))
            return 1;
        if (pos >= 2 && static_cast<unsigned char>(s[pos - 2]) == 0xC2 &&
            static_cast<unsigned char>(s[pos - 1]) == 0xA0)
            return 2;
        return 0;
    }
    if (pos < s.size() && ascii(s[pos]))
        return 1;
    if (pos + 1 < s.size() && static_cast<unsigned char>(s[pos]) == 0xC2 &&
        static_cast<unsigned char>(s[pos + 1]) == 0xA0)
        return 2;
    return 0;
}

}  // namespace

std::string trim(std::string_view s) {
    std::size_t begin = 0, end = s.size();
    while (std::size_t n = space_at(s, begin, false))
        begin += n;
    while (end > begin) {
        const std::size_t n = space_at(s, end, true);
        if (!n)
            break;
        end -= n;
    }
    return std::string(s.substr(begin, end - begin));
}

std::string fold(std::string_view text) {
    std::string s;
    s.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            s += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
            continue;
        }
        if (c == 0xD0 && i + 1 < text.size()) {
            const auto d = static_cast<unsigned char>(text[i + 1]);
            if (d >= 0x90 && d <= 0x9F) {  // А–П → а–п
                s += static_cast<char>(0xD0);
                s += static_cast<char>(d + 0x20);
                ++i;
                continue;
            }
            if (d >= 0xA0 && d <= 0xAF) {  // Р–Я → р–я
                s += static_cast<char>(0xD1);
                s += static_cast<char>(d - 0x20);
                ++i;
                continue;
            }
            if (d == 0x81) {  // Ё → ё
                s += static_cast<char>(0xD1);
                s += static_cast<char>(0x91);
                ++i;
                continue;
            }
        }
        s += static_cast<char>(c);
    }
    // Surrounding white space, also U+00A0, which Calc users paste often, does not count.
    return trim(s);
}

std::string truncate_utf8(const std::string& text, std::size_t max_chars) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            if (count == max_chars)
                return text.substr(0, i) + "…";
            ++count;
        }
    }
    return text;
}

// Text for XML content and attributes: markup escaped, white space kept as
// character references, other control characters (invalid in XML 1.0) dropped.
std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char ch : s) {
        switch (ch) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\n':
                out += "&#10;";
                break;
            case '\t':
                out += "&#9;";
                break;
            case '\r':
                out += "&#13;";
                break;
            default:
                if (static_cast<unsigned char>(ch) >= 0x20)
                    out += ch;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string out;
    for (const auto& s : parts)
        out += (out.empty() ? "" : separator) + s;
    return out;
}

std::string format_number(double v) {
    if (v == std::floor(v) && std::fabs(v) < 1e15)
        return std::to_string(static_cast<long long>(v));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

}  // namespace msoko

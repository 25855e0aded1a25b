// SPDX-License-Identifier: MPL-2.0
#include "note_document.hpp"

#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <cstdio>

namespace msoko::note_odf {

namespace {

// The named styles: the text's font and size, headings, the tables' paragraphs, the footer.
std::string styles() {
    std::string s = "<office:styles>";
    s +=
        R"(<style:default-style style:family="paragraph"><style:paragraph-properties fo:hyphenation-ladder-count="no-limit" style:writing-mode="lr-tb"/>)"
        R"(<style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="ru" fo:country="RU" fo:hyphenate="false"/></style:default-style>)";
    s +=
        R"(<style:default-style style:family="table-cell"><style:table-cell-properties style:vertical-align="top"/></style:default-style>)";
    const auto para = [&](const char* name, const char* display, const char* parent, const std::string& paragraph,
                          const std::string& text, const char* extra = "") {
        s += std::string("<style:style style:name=\"") + name + "\" style:display-name=\"" + display +
             "\" style:family=\"paragraph\"" +
             (*parent ? std::string(" style:parent-style-name=\"") + parent + "\"" : "") + extra +
             "><style:paragraph-properties" + paragraph + "/><style:text-properties" + text + "/></style:style>";
    };
    para("Standard", "Standard", "", R"( fo:margin-top="0cm" fo:margin-bottom="0.15cm" fo:text-align="justify")", "",
         R"( style:class="text")");
    para("Title", "Title", "Standard", R"( fo:margin-top="0cm" fo:margin-bottom="0.1cm" fo:text-align="center")",
         R"( fo:font-size="14pt" fo:font-weight="bold")", R"( style:class="chapter")");
    para("Subtitle", "Subtitle", "Standard", R"( fo:margin-bottom="0.1cm" fo:text-align="center")", "",
         R"( style:class="chapter")");
    para("Heading_20_1", "Heading 1", "Standard",
         R"( fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:text-align="start" fo:keep-with-next="always")",
         R"( fo:font-weight="bold")", R"( style:default-outline-level="1" style:class="text")");
    para("Table_20_Contents", "Table Contents", "Standard",
         R"( fo:margin-top="0cm" fo:margin-bottom="0cm" fo:text-align="start")", R"( fo:font-size="10pt")",
         R"( style:class="extra")");
    para("Table_20_Heading", "Table Heading", "Table_20_Contents", R"( fo:text-align="center")",
         R"( fo:font-weight="bold")", R"( style:class="extra")");
    para("MSOKO_20_Number", "MSOKO Number", "Table_20_Contents", R"( fo:text-align="end")", "");
    para("MSOKO_20_Group", "MSOKO Group", "Table_20_Contents", R"( fo:keep-with-next="always")",
         R"( fo:font-weight="bold")");
    para("MSOKO_20_Variant", "MSOKO Variant", "Table_20_Contents", R"( fo:margin-left="0.4cm")", "");
    para("MSOKO_20_Missing", "MSOKO Missing", "Table_20_Contents", "", R"( fo:font-style="italic")");
    para("MSOKO_20_Caption", "MSOKO Caption", "Table_20_Contents", R"( fo:text-align="center")",
         R"( fo:font-size="8pt")");
    para("MSOKO_20_Centre", "MSOKO Centre", "Table_20_Contents", R"( fo:text-align="center")", "");
    para("MSOKO_20_Caption_20_Left", "MSOKO Caption Left", "Table_20_Contents", "", R"( fo:font-size="8pt")");
    para("MSOKO_20_Legend", "MSOKO Legend", "Standard", R"( fo:margin-top="0.1cm" fo:text-align="start")",
         R"( fo:font-size="10pt" fo:font-style="italic")");
    para("MSOKO_20_Signature", "MSOKO Signature", "Standard", R"( fo:margin-top="0.5cm" fo:text-align="start")", "");
    para("Footer", "Footer", "Standard", R"( fo:margin-bottom="0cm" fo:text-align="center")", R"( fo:font-size="9pt")",
         R"( style:class="extra")");
    return s + "</office:styles>";
}

// The page: A4 portrait, 2 cm margins, the footer inside the bottom margin's area.
std::string page_layout() {
    return R"(<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm")"
           R"( style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm")"
           R"( fo:margin-right="2cm" style:writing-mode="lr-tb"/><style:footer-style><style:header-footer-properties)"
           R"( fo:min-height="0cm" fo:margin-top="0.3cm"/></style:footer-style></style:page-layout>)";
}

}  // namespace

// The byte length of the UTF-8 sequence starting at s[i], or 0 when it is not
// a valid one (overlong forms, surrogates and code points XML 1.0 forbids —
// U+FFFE, U+FFFF — included).
std::size_t utf8_length(const std::string& s, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char b = byte(i);
    if (b < 0x80)
        return 1;
    std::size_t n = 0;
    unsigned cp = 0;
    if ((b & 0xE0) == 0xC0) {
        n = 2;
        cp = b & 0x1Fu;
    } else if ((b & 0xF0) == 0xE0) {
        n = 3;
        cp = b & 0x0Fu;
    } else if ((b & 0xF8) == 0xF0) {
        n = 4;
        cp = b & 0x07u;
    } else {
        return 0;
    }
    if (i + n > s.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    const unsigned least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return n;
}

// Text as the content of a paragraph: markup escaped, a line break typed in
// it a line break, a tab a tab, runs of spaces kept (ODF collapses them), a
// byte that is not UTF-8 the replacement character, other control
// characters dropped.
std::string para_text(const std::string& s) {
    std::string out, run;
    const auto flush = [&] {
        out += xml_escape(run);
        run.clear();
    };
    std::size_t spaces = 0;
    const auto flush_spaces = [&](bool at_start) {
        if (spaces == 0)
            return;
        // The first space of a run stays a space, except at the start of the
        // paragraph; the others are counted.
        std::size_t counted = spaces;
        if (!at_start) {
            run += ' ';
            --counted;
        }
        flush();
        if (counted == 1)
            out += "<text:s/>";
        else if (counted > 1)
            out += "<text:s text:c=\"" + std::to_string(counted) + "\"/>";
        spaces = 0;
    };
    bool at_start = true;
    for (std::size_t i = 0; i < s.size();) {
        const char ch = s[i];
        if (ch == ' ') {
            ++spaces;
            ++i;
            continue;
        }
        flush_spaces(at_start);
        at_start = false;
        if (ch == '\r' || ch == '\n') {
            flush();
            out += "<text:line-break/>";
            i += ch == '\r' && i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
            at_start = true;
            continue;
        }
        if (ch == '\t') {
            flush();
            out += "<text:tab/>";
            ++i;
            continue;
        }
        const std::size_t n = utf8_length(s, i);
        if (n == 0) {
            run += "\xEF\xBF\xBD";  // U+FFFD
            ++i;
            continue;
        }
        run.append(s, i, n);
        i += n;
    }
    // Spaces at the end are kept as typed too.
    flush_spaces(at_start);
    flush();
    return out;
}

// A paragraph of a style with text.
std::string p(const char* style, const std::string& text) {
    return std::string("<text:p text:style-name=\"") + style + "\">" + para_text(text) + "</text:p>";
}

std::string Note::document(const std::string& title, const std::string& footer) const {
    std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                      "\n"
                      R"(<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
                      R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
                      R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
                      R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
                      R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")"
                      R"( xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")"
                      R"( xmlns:dc="http://purl.org/dc/elements/1.1/")"
                      R"( xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0")"
                      R"( office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">)";
    out += "<office:meta><dc:title>" + xml_escape(title) +
           "</dc:title><dc:language>ru-RU</dc:language>"
           "<meta:generator>МСОКО для LibreOffice Calc</meta:generator></office:meta>";
    out +=
        R"(<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'")"
        R"( style:font-family-generic="roman" style:font-pitch="variable"/></office:font-face-decls>)";
    out += styles();
    out += "<office:automatic-styles>" + page_layout();
    const std::string border = R"( fo:border="0.5pt solid #000000")";
    const auto cell_style = [&](const char* name, const std::string& props) {
        out += std::string("<style:style style:name=\"") + name +
               "\" style:family=\"table-cell\"><style:table-cell-properties fo:padding=\"0.08cm\"" + props +
               "/></style:style>";
    };
    cell_style("Cell", border);
    cell_style("Head", border + R"( fo:background-color="#e6e6e6" style:vertical-align="middle")");
    cell_style("Group", border + R"( fo:background-color="#f2f2f2")");
    cell_style("Plain", R"( fo:border="none")");
    cell_style("Line", R"( fo:border="none" fo:border-bottom="0.5pt solid #000000")");
    out +=
        R"(<style:style style:name="Row" style:family="table-row"><style:table-row-properties fo:keep-together="auto"/></style:style>)";
    out += auto_styles_ + "</office:automatic-styles>";
    out +=
        R"(<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer>)";
    out += "<text:p text:style-name=\"Footer\">" + para_text(footer) + (footer.empty() ? "" : " · ") +
           "Страница <text:page-number text:select-page=\"current\">1</text:page-number> из "
           "<text:page-count>1</text:page-count></text:p>";
    out += "</style:footer></style:master-page></office:master-styles>";
    out += "<office:body><office:text>" + body_ + "</office:text></office:body></office:document>\n";
    return out;
}

}  // namespace msoko::note_odf

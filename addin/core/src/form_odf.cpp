// SPDX-License-Identifier: MPL-2.0
// The flat ODF pieces of the form writer: cells, references, sheets.
#include "form_odf.hpp"

#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <cstdio>
#include <sstream>

namespace msoko::odf {

std::string xml(const std::string& s) {
    return xml_escape(s);
}

std::string comment(const std::string& s) {
    std::string out = xml(s);
    for (std::size_t pos = out.find("--"); pos != std::string::npos; pos = out.find("--", pos))
        out.replace(pos, 2, "- -");
    return out;
}

namespace {

// A sheet name inside an ODF reference: quoted, with ' doubled.
std::string sheet_ref(const std::string& sheet) {
    std::string out = "'";
    for (char ch : sheet)
        out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + "'";
}

}  // namespace

std::string number_text(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

std::string ref(const std::string& sheet, int row, int col, bool absolute) {
    const std::string a = absolute ? "$" : "";
    return "[$" + sheet_ref(sheet) + "." + a + column_letters(col) + a + std::to_string(row + 1) + "]";
}

std::string range(const std::string& sheet, int r1, int c1, int r2, int c2) {
    return "$" + sheet_ref(sheet) + ".$" + column_letters(c1) + "$" + std::to_string(r1 + 1) + ":.$" +
           column_letters(c2) + "$" + std::to_string(r2 + 1);
}

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

std::string text_cell(const std::string& text, const std::string& style, const std::string& extra) {
    return "<table:table-cell table:style-name=\"" + style + "\" office:value-type=\"string\"" + extra + "><text:p>" +
           xml(text) + "</text:p></table:table-cell>";
}

std::string text_cell_with_comment(const std::string& text, const std::string& style, const std::string& comment) {
    if (comment.empty())
        return text_cell(text, style);
    std::string paragraphs;
    std::size_t from = 0;
    while (from <= comment.size()) {
        const std::size_t end = std::min(comment.find('\n', from), comment.size());
        paragraphs += "<text:p>" + xml(comment.substr(from, end - from)) + "</text:p>";
        from = end + 1;
    }
    return "<table:table-cell table:style-name=\"" + style + "\" office:value-type=\"string\"><office:annotation>" +
           paragraphs + "</office:annotation><text:p>" + xml(text) + "</text:p></table:table-cell>";
}

std::string number_cell(double v, const std::string& style, const std::string& extra) {
    return "<table:table-cell table:style-name=\"" + style + "\" office:value-type=\"float\" office:value=\"" +
           number_text(v) + "\"" + extra + "><text:p>" + number_text(v) + "</text:p></table:table-cell>";
}

std::string formula_cell(const std::string& formula, const std::string& style, const std::string& extra) {
    const std::string f = !formula.empty() && formula[0] == '=' ? formula : "=" + formula;
    return "<table:table-cell table:style-name=\"" + style + "\" table:formula=\"of:" + xml(f) + "\"" + extra + "/>";
}

std::string empty_cell(const std::string& style, const std::string& extra) {
    return "<table:table-cell table:style-name=\"" + style + "\"" + extra + "/>";
}

std::string typed_cell(const Cell& v, const Field* field, const std::string& style, const std::string& extra) {
    switch (v.kind()) {
        case Cell::Kind::Empty:
        case Cell::Kind::Error:
            return empty_cell(style, extra);
        case Cell::Kind::Number:
            return number_cell(v.number(), style, extra);
        case Cell::Kind::Text:
            break;
    }
    const std::string& t = v.text();
    if (!t.empty() && t[0] == '=')
        return formula_cell(t, style, extra);
    if (field && field->type == FieldType::Date && t.size() == 10 && t[4] == '-' && t[7] == '-')
        return "<table:table-cell table:style-name=\"" + style + "\" office:value-type=\"date\" office:date-value=\"" +
               t + "\"" + extra + "><text:p>" + t.substr(8, 2) + "." + t.substr(5, 2) + "." + t.substr(0, 4) +
               "</text:p></table:table-cell>";
    return text_cell(t, style, extra);
}

std::string cell_style(const std::string& name, const std::string& cell, const std::string& text,
                       const std::string& number, const std::string& paragraph) {
    return "<style:style style:name=\"" + name + "\" style:family=\"table-cell\" style:parent-style-name=\"Default\"" +
           (number.empty() ? "" : " style:data-style-name=\"" + number + "\"") + "><style:table-cell-properties" +
           cell + "/>" + (paragraph.empty() ? "" : "<style:paragraph-properties" + paragraph + "/>") +
           (text.empty() ? "" : "<style:text-properties" + text + "/>") + "</style:style>";
}

std::string document_start(const std::string& extra_namespaces) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>)"
           "\n<office:document"
           R"( xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
           R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
           R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
           R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
           R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")"
           R"( xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0")"
           R"( xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0")"
           R"( xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0")"
           R"( xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2")"
           R"( xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0")"
           R"( xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0")" +
           extra_namespaces +
           R"( office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">)"
           "\n";
}

std::string table_xml(const Sheet& sh) {
    std::ostringstream o;
    o << "<table:table table:name=\"" << xml(sh.name) << "\" table:style-name=\""
      << (sh.hidden ? "ta_hidden" : "ta_form") << "\"";
    if (sh.protect)
        o << " table:protected=\"true\"";
    if (!sh.print_range.empty())
        o << " table:print-ranges=\"" << xml(sh.print_range) << "\"";
    o << ">\n";
    if (sh.protect)
        o << "<loext:table-protection loext:select-protected-cells=\"true\" loext:select-unprotected-cells=\"true\"/>";
    for (std::size_t c = 0; c < sh.column_styles.size(); ++c) {
        if (sh.header_columns > 0 && c == 0)
            o << "<table:table-header-columns>";
        o << "<table:table-column table:style-name=\"" << sh.column_styles[c]
          << "\" table:default-cell-style-name=\"Default\"/>";
        if (sh.header_columns > 0 && c + 1 == static_cast<std::size_t>(sh.header_columns))
            o << "</table:table-header-columns>";
    }
    const int ncols = static_cast<int>(sh.column_styles.size());
    for (int r = 0; r <= sh.last_row(); ++r) {
        if (r == sh.header_rows_first)
            o << "<table:table-header-rows>";
        o << "<table:table-row";
        if (auto it = sh.row_styles.find(r); it != sh.row_styles.end())
            o << " table:style-name=\"" << it->second << "\"";
        o << ">";
        auto row = sh.cells.find(r);
        int c = 0;
        if (row != sh.cells.end()) {
            for (const auto& [col, cell] : row->second) {
                if (col > c)
                    o << "<table:table-cell table:number-columns-repeated=\"" << (col - c) << "\"/>";
                o << cell;
                c = col + 1;
            }
        }
        if (c < ncols)
            o << "<table:table-cell table:number-columns-repeated=\"" << (ncols - c) << "\"/>";
        o << "</table:table-row>\n";
        if (r == sh.header_rows_last)
            o << "</table:table-header-rows>";
    }
    o << sh.raw_rows << "</table:table>";
    return o.str();
}

std::string report_document(const std::string& title, const std::string& generator, const std::string& made_from,
                            const std::vector<Sheet>& sheets, const std::string& styles, const std::string& footer) {
    std::ostringstream o;
    o << document_start(R"( xmlns:dc="http://purl.org/dc/elements/1.1/")");
    o << "<office:meta><dc:title>" << xml(title) << "</dc:title><meta:generator>" << xml(generator)
      << "</meta:generator></office:meta>\n";
    o << "<!-- Generated by " << comment(generator) << " from " << comment(made_from) << "; do not edit by hand. -->\n";
    o << settings_xml(sheets) << "\n";
    o << "<office:font-face-decls><style:font-face style:name=\"" << kFormFont << "\" svg:font-family=\"&apos;"
      << kFormFont
      << "&apos;\" style:font-family-generic=\"swiss\" style:font-pitch=\"variable\"/></office:font-face-decls>\n";
    o << "<office:styles><style:style style:name=\"Default\" style:family=\"table-cell\">"
         "<style:text-properties style:font-name=\""
      << kFormFont << "\" fo:font-size=\"10pt\"/></style:style></office:styles>\n";
    o << "<office:automatic-styles>" << styles << "</office:automatic-styles>\n";
    o << "<office:master-styles><style:master-page style:name=\"Landscape\" "
         "style:page-layout-name=\"pm_landscape\"><style:header><text:p><text:sheet-name/>"
         "</text:p></style:header><style:footer><text:p>"
      << xml(footer) << " — стр. <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>"
      << "</office:master-styles>\n";
    o << "<office:body><office:spreadsheet>\n";
    for (const auto& sh : sheets)
        o << table_xml(sh) << "\n";
    o << "</office:spreadsheet></office:body></office:document>\n";
    return o.str();
}

std::string settings_xml(const std::vector<Sheet>& sheets) {
    std::ostringstream o;
    auto item = [&](const char* name, const char* type, const std::string& value) {
        o << "<config:config-item config:name=\"" << name << "\" config:type=\"" << type << "\">" << value
          << "</config:config-item>";
    };
    o << "<office:settings><config:config-item-set config:name=\"ooo:view-settings\">"
         "<config:config-item-map-indexed config:name=\"Views\"><config:config-item-map-entry>";
    item("ViewId", "string", "view1");
    o << "<config:config-item-map-named config:name=\"Tables\">";
    for (const auto& sh : sheets) {
        o << "<config:config-item-map-entry config:name=\"" << xml(sh.name) << "\">";
        const bool split = sh.freeze_row > 0 || sh.freeze_col > 0;
        item("HorizontalSplitMode", "short", split && sh.freeze_col > 0 ? "2" : "0");
        item("VerticalSplitMode", "short", split && sh.freeze_row > 0 ? "2" : "0");
        item("HorizontalSplitPosition", "int", std::to_string(sh.freeze_col));
        item("VerticalSplitPosition", "int", std::to_string(sh.freeze_row));
        item("ActiveSplitRange", "short", "2");
        item("PositionLeft", "int", "0");
        item("PositionRight", "int", std::to_string(sh.freeze_col));
        item("PositionTop", "int", "0");
        item("PositionBottom", "int", std::to_string(sh.freeze_row));
        item("CursorPositionX", "int", std::to_string(sh.freeze_col));
        item("CursorPositionY", "int", std::to_string(sh.freeze_row));
        o << "</config:config-item-map-entry>";
    }
    o << "</config:config-item-map-named>";
    item("ActiveTable", "string", xml(sheets.front().name));
    o << "</config:config-item-map-entry></config:config-item-map-indexed></config:config-item-set></office:settings>";
    return o.str();
}

}  // namespace msoko::odf

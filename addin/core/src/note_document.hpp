// SPDX-License-Identifier: MPL-2.0
#pragma once

// The flat ODF text document the explanatory note is written as (note.cpp
// says what goes into it): paragraphs with their text escaped, tables whose
// header rows repeat, the named styles, an A4 page with page numbers.

#include "msoko/form_layout.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace msoko::note_odf {

/// The byte length of the UTF-8 sequence starting at s[i], or 0 when it is not
/// a valid one (overlong forms, surrogates and U+FFFE, U+FFFF included).
std::size_t utf8_length(const std::string& s, std::size_t i);

/// Text as the content of a paragraph: markup escaped, a line break typed in
/// it a line break, a tab a tab, runs of spaces kept (ODF collapses them), a
/// byte that is not UTF-8 the replacement character, other control characters
/// dropped.
std::string para_text(const std::string& s);

/// A paragraph of a style with text.
std::string p(const char* style, const std::string& text);

class Note {
public:
    /// The width the tables take: the page less its margins.
    static constexpr double kWidthCm = 17.0;

    void heading(const std::string& text) { body_ += p("Heading_20_1", text); }
    void paragraph(const std::string& text, const char* style = "Standard") { body_ += p(style, text); }
    void raw(const std::string& xml) { body_ += xml; }

    /// Starts a table of columns this wide (cm, summing to kWidthCm) with
    /// one header row that repeats on every page (none when `head` is empty).
    /// `keep`: the table stays on one page.
    void begin_table(const std::vector<double>& widths, const std::vector<std::string>& head, bool borders = true,
                     bool keep = false) {
        const std::string name = "Таблица" + std::to_string(++tables_);
        auto_styles_ += "<style:style style:name=\"" + name +
                        "\" style:family=\"table\"><style:table-properties style:width=\"" + cm(kWidthCm) +
                        "\" table:align=\"margins\" fo:margin-top=\"0.1cm\" fo:margin-bottom=\"0.2cm\"" +
                        (keep ? " style:may-break-between-rows=\"false\"" : "") + "/></style:style>";
        body_ += "<table:table table:name=\"" + name + "\" table:style-name=\"" + name + "\">";
        for (std::size_t k = 0; k < widths.size(); ++k) {
            const std::string column = name + "." + column_letters(static_cast<int>(k));
            auto_styles_ += "<style:style style:name=\"" + column +
                            "\" style:family=\"table-column\"><style:table-column-properties style:column-width=\"" +
                            cm(widths[k]) + "\"/></style:style>";
            body_ += "<table:table-column table:style-name=\"" + column + "\"/>";
        }
        borders_ = borders;
        if (!head.empty()) {
            body_ += "<table:table-header-rows>";
            begin_row();
            for (const auto& h : head)
                cell(p("Table_20_Heading", h), "Head");
            end_row();
            body_ += "</table:table-header-rows>";
        }
    }
    void begin_row() { body_ += "<table:table-row table:style-name=\"Row\">"; }
    void end_row() { body_ += "</table:table-row>"; }
    /// A cell holding paragraphs (XML); `span` columns wide.
    void cell(const std::string& paragraphs, const char* style = nullptr, int span = 1) {
        const char* s = style ? style : (borders_ ? "Cell" : "Plain");
        body_ += std::string("<table:table-cell table:style-name=\"") + s + "\" office:value-type=\"string\"" +
                 (span > 1 ? " table:number-columns-spanned=\"" + std::to_string(span) + "\"" : std::string()) + ">" +
                 paragraphs + "</table:table-cell>";
        for (int k = 1; k < span; ++k)
            body_ += "<table:covered-table-cell/>";
    }
    /// A row of text cells.
    void row(const std::vector<std::string>& texts, const char* style = "Table_20_Contents") {
        begin_row();
        for (const auto& t : texts)
            cell(p(style, t));
        end_row();
    }
    void end_table() { body_ += "</table:table>"; }

    /// The whole document: the styles, the page with «Страница N из M» after
    /// `footer`, and the body written so far; `title` is its metadata title.
    std::string document(const std::string& title, const std::string& footer) const;

private:
    static std::string cm(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.3fcm", v);
        return buf;
    }
    std::string body_, auto_styles_;
    int tables_ = 0;
    bool borders_ = true;
};

}  // namespace msoko::note_odf

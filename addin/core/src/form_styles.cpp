// SPDX-License-Identifier: MPL-2.0
// The styles of the form: numbers, columns, rows, cells, pages, the check's marks.
#include "form_odf.hpp"
#include "msoko/form_layout.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace msoko::odf {

const char* input_style(const Field& f) {
    return f.type == FieldType::Date ? "ce_in_date" : "ce_in";
}

std::string value_style(const Indicator& ind, bool bold) {
    std::string s = "ce_dec";
    if (ind.unit == "%")
        s = "ce_pct";
    else if (ind.unit == "да/нет")
        s = "ce_yesno";
    else if (ind.compute.kind == Computation::Kind::Count || ind.compute.kind == Computation::Kind::Sum ||
             ind.compute.kind == Computation::Kind::Flag)
        s = "ce_int";
    return bold ? s + "_b" : s;
}

namespace {

constexpr int kHeaderMinMm = 11, kHeaderMaxMm = 121, kHeaderStepMm = 5;

// The letters of a UTF-8 text (its code points).
std::size_t letters(const std::string& s) {
    std::size_t n = 0;
    for (const unsigned char ch : s)
        n += (ch & 0xC0) != 0x80;
    return n;
}

}  // namespace

std::string header_row_style(const std::vector<std::string>& texts, double column_cm) {
    // Liberation Sans Bold at 8 pt: about 1.6 mm a letter (Cyrillic, mixed
    // case), 3.5 mm a line; 1 mm of padding each side of the cell. Calc
    // wraps a little differently: one line to spare (measured under Xvfb).
    constexpr double letter_mm = 1.6, line_mm = 3.5;
    const auto per_line = static_cast<std::size_t>(std::max(4.0, (column_cm * 10 - 2) / letter_mm));
    std::size_t most = 1;
    for (const std::string& text : texts) {
        std::size_t lines = 1, used = 0;
        std::size_t at = 0;
        while (at < text.size()) {
            std::size_t end = text.find(' ', at);
            if (end == std::string::npos)
                end = text.size();
            std::size_t word = letters(text.substr(at, end - at));
            if (used && used + 1 + word > per_line) {
                ++lines;
                used = 0;
            }
            while (word > per_line) {  // a word longer than the column breaks inside
                ++lines;
                word -= per_line;
            }
            used += (used ? 1 : 0) + word;
            at = end + 1;
        }
        most = std::max(most, lines);
    }
    const double need = static_cast<double>(most + 1) * line_mm + 3;
    int mm = kHeaderMinMm;
    while (mm < kHeaderMaxMm && mm < need)
        mm += kHeaderStepMm;
    return "ro_h" + std::to_string(mm);
}

namespace {

// An organisation's value of the indicator is 1 or 0: it counts or it does not.
bool per_organisation_yes_no(const Indicator& ind, const std::string& municipal_type) {
    return ind.compute.kind == Computation::Kind::OrganisationShare ||
           (ind.compute.kind == Computation::Kind::Flag && !ind.concerns(municipal_type));
}

}  // namespace

std::string block_value_style(const Indicator& ind, bool municipal_row, const std::string& municipal_type) {
    if (!per_organisation_yes_no(ind, municipal_type))
        return value_style(ind, municipal_row);
    if (!municipal_row)
        return "ce_yesno";
    return ind.compute.kind == Computation::Kind::Flag ? "ce_int_b" : value_style(ind, true);
}

std::string block_unit(const Indicator& ind, const std::string& municipal_type) {
    if (!per_organisation_yes_no(ind, municipal_type))
        return ind.unit;
    if (ind.compute.kind == Computation::Kind::Flag)
        return "по организации — да/нет; по муниципалитету — число с «да»";
    return ind.unit + "; по организации — да/нет";
}

// A style of the check's marks, so that the check can mark cells even when
// a sheet is protected with a password (Calc makes no style then). ODF
// names escape «_» as «_5f_»; the display name is the style's name.
std::string mark_style(const std::string& name, int back, int text) {
    std::string encoded;
    for (char ch : name)
        encoded += ch == '_' ? std::string("_5f_") : std::string(1, ch);
    char colours[64];
    std::snprintf(colours, sizeof colours, "fo:background-color=\"#%06X\"", back);
    std::string out = "<style:style style:name=\"" + encoded + "\" style:display-name=\"" + name +
                      "\" style:family=\"table-cell\" style:parent-style-name=\"Default\">"
                      "<style:table-cell-properties " +
                      colours + "/>";
    std::snprintf(colours, sizeof colours, "fo:color=\"#%06X\"", text);
    return out + "<style:text-properties " + colours + "/></style:style>";
}

std::string styles_xml(bool subform) {
    std::string s;
    // Number styles.
    s +=
        R"(<number:number-style style:name="N_pct"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/></number:number-style>)";
    s +=
        R"(<number:number-style style:name="N_int"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1" number:grouping="true"/></number:number-style>)";
    s +=
        R"(<number:number-style style:name="N_dec"><number:number number:decimal-places="1" number:min-decimal-places="1" number:min-integer-digits="1"/></number:number-style>)";
    s +=
        R"(<number:number-style style:name="N_no" style:volatile="true"><number:text>нет</number:text></number:number-style>)";
    s +=
        R"(<number:number-style style:name="N_yesno"><number:text>да</number:text><style:map style:condition="value()=0" style:apply-style-name="N_no"/></number:number-style>)";
    s +=
        R"(<number:date-style style:name="N_date"><number:day number:style="long"/><number:text>.</number:text><number:month number:style="long"/><number:text>.</number:text><number:year number:style="long"/></number:date-style>)";
    // Columns and rows.
    const std::pair<const char*, const char*> cols[] = {{"co_code", "2.1cm"},
                                                        {"co_name", "6.2cm"},
                                                        {"co_type", "1.3cm"},
                                                        {"co_flags", "2.3cm"},
                                                        {"co_field", "2.9cm"} /* kFieldColumnCm */,
                                                        {"co_gap", "0.5cm"},
                                                        {"co_label", "7cm"},
                                                        {"co_value", "9cm"},
                                                        {"co_id", "1.9cm"},
                                                        {"co_dir", "2.4cm"},
                                                        {"co_title", "11cm"},
                                                        {"co_unit", "1.9cm"},
                                                        {"co_num", "2.6cm"},
                                                        {"co_short", "6cm"},
                                                        {"co_long", "9cm"},
                                                        {"co_doc", "4.5cm"},
                                                        {"co_link", "6cm"},
                                                        {"co_level", "3.3cm"} /* «институциональный» in 9 pt */};
    auto column = [&](const char* name, const char* width) {
        s += std::string("<style:style style:name=\"") + name +
             "\" style:family=\"table-column\"><style:table-column-properties fo:break-before=\"auto\" "
             "style:column-width=\"" +
             width + "\"/></style:style>";
    };
    for (const auto& [name, width] : cols)
        column(name, width);
    if (subform)
        column("co_wide", "18cm");  // the instruction's text
    const std::pair<const char*, const char*> rows[] = {{"ro_title", "0.8cm"},
                                                        {"ro_head", "4.2cm"},
                                                        {"ro_head_short", "1.1cm"},
                                                        {"ro_code", "0.42cm"},
                                                        {"ro_block", "5cm"}};
    for (const auto& [name, height] : rows)
        s += std::string("<style:style style:name=\"") + name +
             "\" style:family=\"table-row\"><style:table-row-properties style:row-height=\"" + height +
             "\" style:use-optimal-row-height=\"false\" fo:break-before=\"auto\"/></style:style>";
    s +=
        R"(<style:style style:name="ta_form" style:family="table" style:master-page-name="Landscape"><style:table-properties table:display="true" style:writing-mode="lr-tb"/></style:style>)";
    // A sheet of a sub-form the organisation has nothing to fill on: kept, but not shown.
    if (subform)
        s +=
            R"(<style:style style:name="ta_hidden" style:family="table" style:master-page-name="Landscape"><style:table-properties table:display="false" style:writing-mode="lr-tb"/></style:style>)";
    // Cells. Everything is protected unless its style says otherwise.
    const std::string border = R"( fo:border="0.5pt solid #b0b0b0")";
    auto cell = [&](const std::string& name, const std::string& props, const std::string& text = {},
                    const std::string& number = {},
                    const std::string& paragraph = {}) { s += cell_style(name, props, text, number, paragraph); };
    cell("ce_title", "", R"( fo:font-size="13pt" fo:font-weight="bold")");
    cell("ce_sub", "", R"( fo:font-size="9pt" fo:font-style="italic" fo:color="#555555")");
    cell("ce_head", border + R"( fo:background-color="#dde8f3" fo:wrap-option="wrap" style:vertical-align="middle")",
         R"( fo:font-size="8pt" fo:font-weight="bold")", "", R"( fo:text-align="center")");
    cell("ce_head_block",
         border + R"( fo:background-color="#e2efda" fo:wrap-option="wrap" style:vertical-align="middle")",
         R"( fo:font-size="8pt" fo:font-weight="bold")", "", R"( fo:text-align="center")");
    cell("ce_block_title", "", R"( fo:font-size="9pt" fo:font-weight="bold" fo:color="#375623")");
    cell("ce_code", border + R"( fo:background-color="#f7f7f7")", R"( fo:font-size="7pt" fo:color="#8a8a8a")");
    cell("ce_label", border + R"( fo:wrap-option="wrap" style:vertical-align="middle")");
    // A variant under its headline on «Показатели» («в т. ч. от 80 баллов»): indented.
    cell("ce_label_variant",
         border + R"( style:text-align-source="fix" fo:wrap-option="wrap" style:vertical-align="middle")", "", "",
         R"( fo:text-align="start" fo:margin-left="0.6cm")");
    cell("ce_ro", border + R"( fo:background-color="#f2f2f2" fo:wrap-option="wrap")");
    char input_back[48];
    std::snprintf(input_back, sizeof input_back, " fo:background-color=\"#%06x\"", kInputCellColour);
    const std::string input = border + input_back + R"( style:cell-protect="none")";
    cell("ce_in", input);
    cell("ce_in_wrap", input + R"( fo:wrap-option="wrap")", R"( fo:font-size="9pt")");
    cell("ce_in_date", input, "", "N_date");
    cell("ce_in_num", input, "", "N_dec");
    cell("ce_na", border + R"( fo:background-color="#d9d9d9")");
    cell("ce_link", border + R"( fo:background-color="#f2f2f2")", R"( fo:font-size="9pt" fo:color="#555555")");
    cell("ce_total", border + R"( fo:background-color="#eeeeee")", R"( fo:font-weight="bold")", "N_int");
    cell("ce_hint", R"( fo:wrap-option="wrap")", R"( fo:font-size="9pt" fo:font-style="italic" fo:color="#555555")");
    // The instruction of a sub-form: plain text over the sheet's width.
    if (subform)
        cell("ce_hint_wrap", R"( fo:wrap-option="wrap" style:vertical-align="top")", R"( fo:font-size="10pt")");
    cell("ce_date_ro", border + R"( fo:background-color="#f2f2f2")", "", "N_date");
    for (const auto& [name, number] : std::vector<std::pair<std::string, std::string>>{
             {"ce_pct", "N_pct"}, {"ce_int", "N_int"}, {"ce_dec", "N_dec"}, {"ce_yesno", "N_yesno"}}) {
        cell(name, border + R"( style:vertical-align="middle")", "", number, R"( fo:text-align="end")");
        cell(name + "_b", border + R"( fo:background-color="#eeeeee")", R"( fo:font-weight="bold")", number,
             R"( fo:text-align="end")");
    }
    // A4 landscape pages.
    s +=
        R"(<style:page-layout style:name="pm_landscape"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="1cm" fo:margin-right="1cm" style:print-page-order="ltr" loext:scale-to-X="1" loext:scale-to-Y="0"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.2cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.2cm"/></style:footer-style></style:page-layout>)";
    return s;
}

}  // namespace msoko::odf

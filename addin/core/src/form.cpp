// SPDX-License-Identifier: MPL-2.0
#include "msoko/form.hpp"

#include "msoko/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace msoko {

// ---------------------------------------------------------------------------
// Layout

std::string column_letters(int column) {
    std::string s;
    for (int c = column + 1; c > 0; c = (c - 1) / 26)
        s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
    return s;
}

std::string cell_address(int row, int column) {
    return column_letters(column) + std::to_string(row + 1);
}

int DirectionSheet::column_of(const std::string& code) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].code == code)
            return static_cast<int>(i);
    return -1;
}

int DirectionSheet::row_of(const std::string& type, std::size_t slot) const {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i].type == type && (type == "municipality" || rows[i].slot == slot))
            return first_row() + static_cast<int>(i);
    return -1;
}

const DirectionSheet* FormLayout::sheet_of(const std::string& direction) const {
    for (const auto& d : directions)
        if (d.direction->id == direction)
            return &d;
    return nullptr;
}

int FormLayout::register_row(const std::string& type, std::size_t slot) const {
    return kRegisterFirstRow + static_cast<int>(type == "school" ? slot : schools + slot);
}

namespace {

std::string range_name_of(const std::string& direction) {
    std::string name = "tbl_" + direction;
    for (char& c : name)
        if (c == '.')
            c = '_';
    return name;
}

}  // namespace

FormLayout form_layout(const Catalogue& c, std::size_t schools, std::size_t kindergartens) {
    FormLayout layout;
    layout.schools = schools;
    layout.kindergartens = kindergartens;
    for (const auto& d : c.directions) {
        DirectionSheet s;
        s.direction = &d;
        s.sheet = d.id + " " + d.short_title;
        s.range_name = range_name_of(d.id);
        s.columns = {{FormColumn::Kind::Code, "code", nullptr},
                     {FormColumn::Kind::Name, "name", nullptr},
                     {FormColumn::Kind::Type, "type", nullptr},
                     {FormColumn::Kind::Flags, "flags", nullptr}};
        std::set<std::string> types;
        for (const auto& id : d.fields) {
            const Field* f = c.field(id);
            s.columns.push_back({FormColumn::Kind::Input, id, f});
            types.insert(f->org_types.begin(), f->org_types.end());
        }
        // Fields of other directions that this direction's indicators read.
        for (const auto& ind : d.indicators)
            for (const auto& id : c.indicator(ind)->compute.inputs())
                if (s.column_of(id) < 0) {
                    const Field* f = c.field(id);
                    s.columns.push_back({FormColumn::Kind::Linked, id, f});
                    types.insert(f->org_types.begin(), f->org_types.end());
                }
        if (types.count("school"))
            for (std::size_t i = 0; i < schools; ++i)
                s.rows.push_back({"school", i});
        if (types.count("kindergarten"))
            for (std::size_t i = 0; i < kindergartens; ++i)
                s.rows.push_back({"kindergarten", i});
        if (types.count("municipality"))
            s.rows.push_back({"municipality", 0});
        layout.directions.push_back(std::move(s));
    }
    return layout;
}

// ---------------------------------------------------------------------------
// The flat ODF writer

namespace {

std::string xml(const std::string& s) {
    return xml_escape(s);
}

// Text inside an XML comment: no "--".
std::string comment(const std::string& s) {
    std::string out = xml(s);
    for (std::size_t pos = out.find("--"); pos != std::string::npos; pos = out.find("--", pos))
        out.replace(pos, 2, "- -");
    return out;
}

// A sheet name inside an ODF reference: quoted, with ' doubled.
std::string sheet_ref(const std::string& sheet) {
    std::string out = "'";
    for (char ch : sheet)
        out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + "'";
}

std::string number_text(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

// A reference in ODF formula syntax: [$'Sheet'.A1] or a range.
std::string ref(const std::string& sheet, int row, int col, bool absolute = false) {
    const std::string a = absolute ? "$" : "";
    return "[$" + sheet_ref(sheet) + "." + a + column_letters(col) + a + std::to_string(row + 1) + "]";
}

std::string odf_range(const std::string& sheet, int r1, int c1, int r2, int c2) {
    return "$" + sheet_ref(sheet) + ".$" + column_letters(c1) + "$" + std::to_string(r1 + 1) + ":.$" +
           column_letters(c2) + "$" + std::to_string(r2 + 1);
}

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

constexpr const char* kAddIn = "ORG.MSOKO.CALC.FUNCTIONS.";

// One sheet under construction: rows of cell XML.
struct Sheet {
    std::string name;
    std::vector<std::string> column_styles;  // one per column
    std::map<int, std::string> row_styles;
    std::map<int, std::map<int, std::string>> cells;    // row → column → <table:table-cell …>
    int header_rows_first = -1, header_rows_last = -1;  // repeated when printing
    bool protect = true;
    std::string print_range;
    int freeze_row = 0, freeze_col = 0;  // panes frozen above / left of these

    void put(int r, int c, std::string xml_cell) { cells[r][c] = std::move(xml_cell); }
    int last_row() const { return cells.empty() ? 0 : cells.rbegin()->first; }
};

std::string text_cell(const std::string& text, const std::string& style, const std::string& extra = {}) {
    return "<table:table-cell table:style-name=\"" + style + "\" office:value-type=\"string\"" + extra + "><text:p>" +
           xml(text) + "</text:p></table:table-cell>";
}

std::string number_cell(double v, const std::string& style, const std::string& extra = {}) {
    return "<table:table-cell table:style-name=\"" + style + "\" office:value-type=\"float\" office:value=\"" +
           number_text(v) + "\"" + extra + "><text:p>" + number_text(v) + "</text:p></table:table-cell>";
}

std::string formula_cell(const std::string& formula, const std::string& style, const std::string& extra = {}) {
    const std::string f = !formula.empty() && formula[0] == '=' ? formula : "=" + formula;
    return "<table:table-cell table:style-name=\"" + style + "\" table:formula=\"of:" + xml(f) + "\"" + extra + "/>";
}

std::string empty_cell(const std::string& style, const std::string& extra = {}) {
    return "<table:table-cell table:style-name=\"" + style + "\"" + extra + "/>";
}

// A typed value written into an input cell, exactly as typed: numbers as
// numbers, dates of date fields as dates, "=…" as a formula, other text as text.
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

// Data validity of the input cells, one entry per distinct rule and message.
class Validations {
public:
    std::string add(const std::string& condition, const std::string& help_title, const std::string& help,
                    const std::string& error, bool list = false) {
        const std::string key = condition + "\x1f" + help_title + "\x1f" + help;
        auto it = names_.find(key);
        if (it != names_.end())
            return it->second;
        const std::string name = "val" + std::to_string(names_.size() + 1);
        names_[key] = name;
        xml_ += "<table:content-validation table:name=\"" + name + "\" table:condition=\"" + xml(condition) +
                "\" table:allow-empty-cell=\"true\"" + (list ? " table:display-list=\"unsorted\"" : "") +
                "><table:help-message table:title=\"" + xml(truncate_utf8(help_title, 80)) +
                "\" table:display=\"true\"><text:p>" + xml(help) +
                "</text:p></table:help-message><table:error-message table:message-type=\"stop\" table:title=\"" +
                xml("Неверное значение") + "\" table:display=\"true\"><text:p>" + xml(error) +
                "</text:p></table:error-message></table:content-validation>\n";
        return name;
    }
    const std::string& xml_text() const { return xml_; }

private:
    std::map<std::string, std::string> names_;
    std::string xml_;
};

std::string range_text(const Field& f, double lo, double hi) {
    return "от " + format_number(f.min.value_or(lo)) + " до " + format_number(f.max.value_or(hi));
}

// The validity of an input cell of `field`: its name for table:content-validation-name.
std::string field_validation(Validations& v, const Field& f) {
    const std::string who = " Заполняет " + f.filled_by + (f.required ? "; обязательно." : "; необязательно.");
    const std::string unit = f.unit.empty() ? "" : " (" + f.unit + ")";
    switch (f.type) {
        case FieldType::Count: {
            const std::string range = range_text(f, 0, 1000000);
            return v.add("of:cell-content-is-whole-number() and cell-content-is-between(" +
                             format_number(f.min.value_or(0)) + "," + format_number(f.max.value_or(1000000)) + ")",
                         f.title, "Целое число " + range + unit + "." + who,
                         "Нужно целое число " + range + ": без букв, пробелов и дробной части.");
        }
        case FieldType::Number: {
            const std::string range = range_text(f, -1e9, 1e9);
            return v.add("of:cell-content-is-decimal-number() and cell-content-is-between(" +
                             format_number(f.min.value_or(-1e9)) + "," + format_number(f.max.value_or(1e9)) + ")",
                         f.title, "Число " + range + unit + "." + who, "Нужно число " + range + ".");
        }
        case FieldType::YesNo:
            return v.add("of:cell-content-is-in-list(\"да\";\"нет\")", f.title, "«да» или «нет»." + who,
                         "Выберите «да» или «нет» из списка.", true);
        case FieldType::Date:
            return v.add("of:cell-content-is-date() and cell-content-is-between(36526,73050)", f.title,
                         "Дата в виде ДД.ММ.ГГГГ." + who, "Нужна дата в виде ДД.ММ.ГГГГ.");
        case FieldType::Text:
            return v.add("of:cell-content-text-length-is-between(0,1000)", f.title, "Текст." + who,
                         "Не длиннее 1000 знаков.");
        case FieldType::Link:
            return v.add("of:cell-content-text-length-is-between(0,2000)", f.title, "Ссылка вида https://…" + who,
                         "Не длиннее 2000 знаков.");
    }
    return {};
}

const char* input_style(const Field& f) {
    return f.type == FieldType::Date ? "ce_in_date" : "ce_in";
}

// Number style of an indicator value by its unit and computation.
std::string value_style(const Indicator& ind, bool bold = false) {
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

const char* type_short(const std::string& type) {
    return type == "school" ? "ОО" : type == "kindergarten" ? "ДОО" : "УО";
}

// A style of the check's marks, so that the check can mark cells even when
// a sheet is protected with a password (Calc makes no style then). ODF
// names escape «_» as «_5f_»; the display name is the style's name.
static std::string mark_style(const std::string& name, int back, int text) {
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

std::string styles_xml() {
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
    const std::pair<const char*, const char*> cols[] = {
        {"co_code", "2.1cm"},  {"co_name", "6.2cm"}, {"co_type", "1.3cm"}, {"co_flags", "2.3cm"},
        {"co_field", "2.9cm"}, {"co_label", "7cm"},  {"co_value", "9cm"},  {"co_id", "1.9cm"},
        {"co_dir", "1.6cm"},   {"co_title", "11cm"}, {"co_unit", "1.9cm"}, {"co_num", "2.6cm"},
        {"co_short", "6cm"},   {"co_long", "9cm"},   {"co_doc", "4.5cm"},  {"co_link", "6cm"}};
    for (const auto& [name, width] : cols)
        s += std::string("<style:style style:name=\"") + name +
             "\" style:family=\"table-column\"><style:table-column-properties fo:break-before=\"auto\" "
             "style:column-width=\"" +
             width + "\"/></style:style>";
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
    // Cells. Everything is protected unless its style says otherwise.
    const std::string border = R"( fo:border="0.5pt solid #b0b0b0")";
    auto cell = [&](const std::string& name, const std::string& props, const std::string& text = {},
                    const std::string& number = {}, const std::string& paragraph = {}) {
        s += "<style:style style:name=\"" + name +
             "\" style:family=\"table-cell\" style:parent-style-name=\"Default\"" +
             (number.empty() ? "" : " style:data-style-name=\"" + number + "\"") + "><style:table-cell-properties" +
             props + "/>" + (paragraph.empty() ? "" : "<style:paragraph-properties" + paragraph + "/>") +
             (text.empty() ? "" : "<style:text-properties" + text + "/>") + "</style:style>";
    };
    cell("ce_title", "", R"( fo:font-size="13pt" fo:font-weight="bold")");
    cell("ce_sub", "", R"( fo:font-size="9pt" fo:font-style="italic" fo:color="#555555")");
    cell("ce_head", border + R"( fo:background-color="#dde8f3" fo:wrap-option="wrap" style:vertical-align="middle")",
         R"( fo:font-size="8pt" fo:font-weight="bold")", "", R"( fo:text-align="center")");
    cell("ce_code", border + R"( fo:background-color="#f7f7f7")", R"( fo:font-size="7pt" fo:color="#8a8a8a")");
    cell("ce_label", border + R"( fo:wrap-option="wrap" style:vertical-align="middle")");
    cell("ce_ro", border + R"( fo:background-color="#f2f2f2" fo:wrap-option="wrap")");
    cell("ce_in", border + R"( fo:background-color="#fffbe6" style:cell-protect="none")");
    cell("ce_in_wrap", border + R"( fo:background-color="#fffbe6" style:cell-protect="none" fo:wrap-option="wrap")",
         R"( fo:font-size="9pt")");
    cell("ce_in_date", border + R"( fo:background-color="#fffbe6" style:cell-protect="none")", "", "N_date");
    cell("ce_in_num", border + R"( fo:background-color="#fffbe6" style:cell-protect="none")", "", "N_dec");
    cell("ce_na", border + R"( fo:background-color="#d9d9d9")");
    cell("ce_link", border + R"( fo:background-color="#f2f2f2")", R"( fo:font-size="9pt" fo:color="#555555")");
    cell("ce_total", border + R"( fo:background-color="#eeeeee")", R"( fo:font-weight="bold")", "N_int");
    cell("ce_hint", R"( fo:wrap-option="wrap")", R"( fo:font-size="9pt" fo:font-style="italic" fo:color="#555555")");
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

std::string table_xml(const Sheet& sh) {
    std::ostringstream o;
    o << "<table:table table:name=\"" << xml(sh.name) << "\" table:style-name=\"ta_form\"";
    if (sh.protect)
        o << " table:protected=\"true\"";
    if (!sh.print_range.empty())
        o << " table:print-ranges=\"" << xml(sh.print_range) << "\"";
    o << ">\n";
    if (sh.protect)
        o << "<loext:table-protection loext:select-protected-cells=\"true\" loext:select-unprotected-cells=\"true\"/>";
    for (const auto& style : sh.column_styles)
        o << "<table:table-column table:style-name=\"" << style << "\" table:default-cell-style-name=\"Default\"/>";
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
    o << "</table:table>";
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

// ---------------------------------------------------------------------------

class Writer {
public:
    Writer(const Catalogue& c, const FormData& d, const std::string& generator) : c_(c), d_(d), generator_(generator) {
        for (const auto& org : d.organisations)
            (org.type == "school" ? schools_ : kindergartens_).push_back(&org);
        layout_ =
            form_layout(c, std::max(d.schools, schools_.size()), std::max(d.kindergartens, kindergartens_.size()));
        panes_ = form_panes(c);
    }

    std::string write() {
        std::vector<Sheet> sheets;
        sheets.push_back(passport());
        sheets.push_back(register_sheet());
        for (const auto& ds : layout_.directions)
            sheets.push_back(direction(ds));
        sheets.push_back(indicators());
        apply_overrides(sheets);

        std::ostringstream o;
        o << R"(<?xml version="1.0" encoding="UTF-8"?>)"
          << "\n<office:document"
             R"( xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0")"
             R"( xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0")"
             R"( xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0")"
             R"( xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0")"
             R"( xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0")"
             R"( xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0")"
             R"( xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0")"
             R"( xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2")"
             R"( xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0")"
             R"( office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">)"
          << "\n";
        o << "<!-- Generated by " << comment(generator_) << " from the catalogue " << comment(c_.info.id) << " "
          << comment(c_.info.version) << "; do not edit by hand. -->\n";
        o << settings_xml(sheets) << "\n";
        o << "<office:styles><style:style style:name=\"Default\" style:family=\"table-cell\">"
             "<style:text-properties fo:font-size=\"10pt\"/></style:style>"
          << mark_style(kErrorMarkStyle, kErrorMarkBack, kErrorMarkText)
          << mark_style(kWarningMarkStyle, kWarningMarkBack, kWarningMarkText) << "</office:styles>\n";
        o << "<office:automatic-styles>" << styles_xml() << "</office:automatic-styles>\n";
        o << "<office:master-styles><style:master-page style:name=\"Landscape\" "
             "style:page-layout-name=\"pm_landscape\"><style:header><text:p><text:sheet-name/>"
             "</text:p></style:header><style:footer><text:p>"
          << xml(c_.info.title)
          << " — стр. <text:page-number>1</text:page-number></text:p></style:footer></style:master-page>"
             "</office:master-styles>\n";
        o << "<office:body><office:spreadsheet>\n";
        o << "<table:content-validations>" << validations_.xml_text() << "</table:content-validations>\n";
        for (const auto& sh : sheets)
            o << table_xml(sh) << "\n";
        o << "<table:named-expressions>";
        for (const auto& [name, range] : names_)
            o << "<table:named-range table:name=\"" << xml(name) << "\" table:base-cell-address=\""
              << xml(range.substr(0, range.find(':'))) << "\" table:cell-range-address=\"" << xml(range) << "\"/>\n";
        o << "</table:named-expressions>\n";
        o << "</office:spreadsheet></office:body></office:document>\n";
        return o.str();
    }

private:
    const RegisterEntry* org_in(const std::string& type, std::size_t slot) const {
        const auto& list = type == "school" ? schools_ : kindergartens_;
        return slot < list.size() ? list[slot] : nullptr;
    }

    // The attribute giving an input cell of `field` its data validity.
    std::string validity(const Field& field) {
        return " table:content-validation-name=\"" + field_validation(validations_, field) + "\"";
    }

    void apply_pane(Sheet& sh) const {
        for (const auto& p : panes_)
            if (p.sheet == sh.name) {
                sh.freeze_col = p.column;
                sh.freeze_row = p.row;
            }
    }

    std::string value_of(const std::string& key) const {
        auto it = d_.passport.find(key);
        return it == d_.passport.end() ? std::string() : it->second;
    }

    Sheet passport() {
        Sheet sh;
        sh.name = kPassportSheet;
        sh.column_styles = {"co_label", "co_value"};
        sh.row_styles[0] = "ro_title";
        sh.put(0, 0, text_cell("Форма сбора первичных данных", "ce_title"));
        sh.put(1, 0, text_cell(c_.info.title, "ce_sub"));
        sh.put(2, 0, text_cell("Сведение", "ce_head"));
        sh.put(2, 1, text_cell("Значение", "ce_head"));
        struct Item {
            const char* label;
            const char* key;
            FieldType type;
        };
        const Item items[] = {
            {"Муниципальное образование", "municipality", FieldType::Text},
            {"Субъект Российской Федерации", "region", FieldType::Text},
            {"Отчётный период", "period", FieldType::Text},
            {"Ответственный за заполнение (ФИО)", "responsible", FieldType::Text},
            {"Должность", "position", FieldType::Text},
            {"Телефон", "phone", FieldType::Text},
            {"Электронная почта", "email", FieldType::Text},
            {"Дата заполнения", "date", FieldType::Date},
            {"Число общеобразовательных организаций (ОО)", "schools_expected", FieldType::Count},
            {"Число дошкольных образовательных организаций (ДОО)", "kindergartens_expected", FieldType::Count}};
        int r = 3;
        for (const auto& item : items) {
            sh.put(r, 0, text_cell(item.label, "ce_label"));
            Field f;
            f.title = item.label;
            f.type = item.type;
            f.filled_by = "УО";
            f.unit = item.type == FieldType::Count ? "единиц" : "";
            if (item.type == FieldType::Count)
                f.max = 2000;
            const std::string val = validity(f);
            const std::string v = value_of(item.key);
            Cell typed = v.empty() ? Cell::empty() : Cell::text(v);
            if (item.type == FieldType::Count && !v.empty()) {
                char* end = nullptr;
                const double n = std::strtod(v.c_str(), &end);
                if (*end == '\0')
                    typed = Cell::number(n);
            }
            sh.put(r, 1, typed_cell(typed, &f, input_style(f), val));
            names_["passport_" + std::string(item.key)] = odf_range(kPassportSheet, r, 1, r, 1);
            ++r;
        }
        const std::pair<const char*, std::string> fixed[] = {{"Каталог показателей", c_.info.id},
                                                             {"Версия каталога", c_.info.version},
                                                             {"Форма создана программой", generator_}};
        const char* names[] = {"msoko_catalogue_id", "msoko_catalogue_version", "msoko_generator"};
        for (int i = 0; i < 3; ++i, ++r) {
            sh.put(r, 0, text_cell(fixed[i].first, "ce_label"));
            sh.put(r, 1, text_cell(fixed[i].second, "ce_ro"));
            names_[names[i]] = odf_range(kPassportSheet, r, 1, r, 1);
        }
        sh.put(r + 1, 0,
               text_cell("Жёлтые ячейки заполняются; серые рассчитываются или защищены. Защита листа снимается "
                         "без пароля (Сервис → Защитить лист).",
                         "ce_hint"));
        sh.print_range = odf_range(kPassportSheet, 0, 0, r + 1, 1);
        return sh;
    }

    Sheet register_sheet() {
        Sheet sh;
        sh.name = kRegisterSheet;
        sh.column_styles = {"co_code", "co_long", "co_short", "co_type", "co_flags", "co_flags"};
        sh.row_styles[0] = "ro_title";
        sh.row_styles[2] = "ro_head_short";
        sh.put(0, 0, text_cell("Организации муниципалитета", "ce_title"));
        sh.put(1, 0,
               text_cell("Вносятся один раз: листы направлений берут код, название, тип и признаки отсюда.", "ce_sub"));
        const char* heads[] = {"Код", "Полное наименование", "Краткое наименование", "Тип", "ШНОР", "ШФНСУ"};
        for (int i = 0; i < 6; ++i)
            sh.put(2, i, text_cell(heads[i], "ce_head"));
        sh.header_rows_first = 2;
        sh.header_rows_last = 2;
        apply_pane(sh);
        Field flag;
        flag.title = "Признак школы";
        flag.type = FieldType::YesNo;
        flag.filled_by = "УО";
        const std::string flag_val = validity(flag);
        Field code;
        code.title = "Код организации";
        code.type = FieldType::Text;
        code.filled_by = "УО";
        const std::string code_val = validity(code);
        for (const char* type : {"school", "kindergarten"}) {
            const std::size_t n = std::string(type) == "school" ? layout_.schools : layout_.kindergartens;
            for (std::size_t slot = 0; slot < n; ++slot) {
                const int r = layout_.register_row(type, slot);
                const RegisterEntry* org = org_in(type, slot);
                auto text_or_empty = [&](const std::string& t, const std::string& extra) {
                    return t.empty() ? empty_cell("ce_in", extra) : text_cell(t, "ce_in", extra);
                };
                sh.put(r, 0, text_or_empty(org ? org->code : "", code_val));
                sh.put(r, 1,
                       org && !org->name.empty() ? text_cell(org->name, "ce_in_wrap", code_val)
                                                 : empty_cell("ce_in_wrap", code_val));
                sh.put(r, 2, text_or_empty(org ? org->short_name : "", code_val));
                sh.put(r, 3, text_cell(type_short(type), "ce_ro"));
                if (std::string(type) == "school") {
                    auto has = [&](const char* f) {
                        return org && std::find(org->flags.begin(), org->flags.end(), f) != org->flags.end();
                    };
                    sh.put(r, 4, text_cell(org ? (has("shnor") ? "да" : "нет") : "", "ce_in", flag_val));
                    sh.put(r, 5, text_cell(org ? (has("shfnsu") ? "да" : "нет") : "", "ce_in", flag_val));
                    if (!org) {
                        sh.put(r, 4, empty_cell("ce_in", flag_val));
                        sh.put(r, 5, empty_cell("ce_in", flag_val));
                    }
                } else {
                    sh.put(r, 4, empty_cell("ce_na"));
                    sh.put(r, 5, empty_cell("ce_na"));
                }
            }
        }
        const int last = layout_.register_row("kindergarten", layout_.kindergartens) - 1;
        names_["register_table"] = odf_range(kRegisterSheet, 2, 0, last, 5);
        sh.print_range = odf_range(kRegisterSheet, 0, 0, last, 5);
        return sh;
    }

    Sheet direction(const DirectionSheet& ds) {
        const Direction& d = *ds.direction;
        Sheet sh;
        sh.name = ds.sheet;
        sh.column_styles = {"co_code", "co_name", "co_type", "co_flags"};
        for (std::size_t i = 4; i < ds.columns.size(); ++i)
            sh.column_styles.push_back("co_field");
        const int n_ind = static_cast<int>(d.indicators.size());
        while (static_cast<int>(sh.column_styles.size()) < n_ind + DirectionSheet::kBlockFirstColumn)
            sh.column_styles.push_back("co_field");
        sh.row_styles[DirectionSheet::kTitleRow] = "ro_title";
        sh.row_styles[DirectionSheet::kHeaderRow] = "ro_head";
        sh.row_styles[DirectionSheet::kCodeRow] = "ro_code";
        sh.put(0, 0, text_cell(d.id + ". " + d.title, "ce_title"));
        sh.put(1, 0, text_cell(d.group + ". Источник: " + d.source + (d.note.empty() ? "" : ". " + d.note), "ce_sub"));
        sh.header_rows_first = DirectionSheet::kHeaderRow;
        sh.header_rows_last = DirectionSheet::kCodeRow;
        apply_pane(sh);

        const char* fixed_heads[] = {"Код", "Организация", "Тип", "Признаки"};
        for (std::size_t col = 0; col < ds.columns.size(); ++col) {
            const FormColumn& fc = ds.columns[col];
            const int ci = static_cast<int>(col);
            std::string head = ci < 4 ? fixed_heads[ci] : fc.field->title;
            if (fc.field && !fc.field->unit.empty())
                head += ", " + fc.field->unit;
            if (fc.kind == FormColumn::Kind::Linked)
                head += " (из листа «" + layout_.sheet_of(fc.field->direction)->sheet + "»)";
            sh.put(DirectionSheet::kHeaderRow, ci, text_cell(head, "ce_head"));
            sh.put(DirectionSheet::kCodeRow, ci, text_cell(fc.code, "ce_code"));
        }

        for (std::size_t i = 0; i < ds.rows.size(); ++i) {
            const FormRow& row = ds.rows[i];
            const int r = ds.first_row() + static_cast<int>(i);
            const bool municipal = row.type == "municipality";
            const RegisterEntry* org = municipal ? nullptr : org_in(row.type, row.slot);
            const std::string code = municipal ? kMunicipalityCode : org ? org->code : "";
            if (municipal) {
                sh.put(r, 0, text_cell(kMunicipalityCode, "ce_ro"));
                sh.put(r, 1, text_cell("Муниципальный уровень (УО)", "ce_ro"));
                sh.put(r, 2, text_cell("УО", "ce_ro"));
                sh.put(r, 3, empty_cell("ce_ro"));
            } else {
                const int rr = layout_.register_row(row.type, row.slot);
                const std::string a = ref(kRegisterSheet, rr, 0), b = ref(kRegisterSheet, rr, 1),
                                  cshort = ref(kRegisterSheet, rr, 2), t = ref(kRegisterSheet, rr, 3),
                                  e = ref(kRegisterSheet, rr, 4), f = ref(kRegisterSheet, rr, 5);
                sh.put(r, 0, formula_cell("IF(" + a + "=\"\";\"\";" + a + ")", "ce_ro"));
                sh.put(
                    r, 1,
                    formula_cell("IF(" + cshort + "=\"\";IF(" + b + "=\"\";\"\";" + b + ");" + cshort + ")", "ce_ro"));
                sh.put(r, 2, formula_cell("IF(" + a + "=\"\";\"\";" + t + ")", "ce_ro"));
                sh.put(r, 3,
                       formula_cell("IF(" + e + "=\"да\";\"ШНОР\";\"\")&IF(AND(" + e + "=\"да\";" + f +
                                        "=\"да\");\"; \";\"\")&IF(" + f + "=\"да\";\"ШФНСУ\";\"\")",
                                    "ce_ro"));
            }
            for (std::size_t col = 4; col < ds.columns.size(); ++col) {
                const FormColumn& fc = ds.columns[col];
                const int ci = static_cast<int>(col);
                if (!fc.field->concerns(row.type)) {
                    sh.put(r, ci, empty_cell("ce_na"));
                    continue;
                }
                if (fc.kind == FormColumn::Kind::Linked) {
                    const DirectionSheet* src = layout_.sheet_of(fc.field->direction);
                    const int sr = src->row_of(row.type, row.slot);
                    const int sc = src->column_of(fc.code);
                    if (sr < 0 || sc < 0) {
                        sh.put(r, ci, empty_cell("ce_na"));
                        continue;
                    }
                    const std::string s = ref(src->sheet, sr, sc);
                    sh.put(r, ci, formula_cell("IF(ISBLANK(" + s + ");\"\";" + s + ")", "ce_link"));
                    continue;
                }
                const std::string val = validity(*fc.field);
                Cell v = Cell::empty();
                if (!code.empty()) {
                    auto org_values = d_.values.find(code);
                    if (org_values != d_.values.end()) {
                        auto it = org_values->second.find(fc.code);
                        if (it != org_values->second.end())
                            v = it->second;
                    }
                }
                sh.put(r, ci, typed_cell(v, fc.field, input_style(*fc.field), val));
            }
        }

        // The municipal total of every numeric field, outside the table.
        const int tr = ds.total_row();
        sh.put(tr, 1, text_cell("Итого по муниципалитету", "ce_total"));
        for (std::size_t col = 4; col < ds.columns.size(); ++col) {
            const FormColumn& fc = ds.columns[col];
            const int ci = static_cast<int>(col);
            if (fc.field->type == FieldType::Count || fc.field->type == FieldType::Number)
                sh.put(tr, ci,
                       formula_cell("SUM([." + column_letters(ci) + std::to_string(ds.first_row() + 1) + ":." +
                                        column_letters(ci) + std::to_string(ds.last_row() + 1) + "])",
                                    "ce_total"));
            else
                sh.put(tr, ci, empty_cell("ce_total"));
        }

        // The indicator block: MSOKO.INDICATORS over the table's named range.
        const int last_col = static_cast<int>(ds.columns.size()) - 1;
        names_[ds.range_name] = odf_range(ds.sheet, DirectionSheet::kCodeRow, 0, ds.last_row(), last_col);
        sh.put(ds.block_title_row(), 0,
               text_cell("Показатели направления " + d.id +
                             " (рассчитываются автоматически; «—» — не применимо или "
                             "нет данных)",
                         "ce_title"));
        sh.row_styles[ds.block_header_row()] = "ro_block";
        sh.put(ds.block_header_row(), 0, text_cell("Код", "ce_head"));
        sh.put(ds.block_header_row(), 1, text_cell("Организация", "ce_head"));
        sh.put(ds.block_header_row(), 2, text_cell("Тип", "ce_head"));
        sh.put(ds.block_header_row(), 3, text_cell("Признаки", "ce_head"));
        for (int k = 0; k < n_ind; ++k) {
            const Indicator& ind = *c_.indicator(d.indicators[static_cast<std::size_t>(k)]);
            sh.put(ds.block_header_row(), DirectionSheet::kBlockFirstColumn + k,
                   text_cell(ind.id + " " + ind.title + ", " + ind.unit, "ce_head"));
        }
        const int rows = static_cast<int>(ds.rows.size());
        for (int i = 0; i <= rows; ++i) {
            const int r = ds.block_first_row() + i;
            const bool municipal = i == rows;
            if (municipal) {
                sh.put(r, 0, text_cell("", "ce_total"));
                sh.put(r, 1, text_cell("По муниципалитету", "ce_total"));
                sh.put(r, 2, text_cell("", "ce_total"));
                sh.put(r, 3, text_cell("", "ce_total"));
            } else {
                for (int c = 0; c < 4; ++c)
                    sh.put(r, c, formula_cell(ref(ds.sheet, ds.first_row() + i, c), "ce_ro"));
            }
            for (int k = 0; k < n_ind; ++k) {
                const Indicator& ind = *c_.indicator(d.indicators[static_cast<std::size_t>(k)]);
                if (i == 0 && k == 0) {
                    sh.put(
                        r, DirectionSheet::kBlockFirstColumn,
                        formula_cell("IFNA(" + std::string(kAddIn) + "INDICATORS(" + ds.range_name + ");\"—\")",
                                     value_style(ind),
                                     " table:number-matrix-columns-spanned=\"" + std::to_string(n_ind) +
                                         "\" table:number-matrix-rows-spanned=\"" + std::to_string(rows + 1) + "\""));
                    continue;
                }
                sh.put(r, DirectionSheet::kBlockFirstColumn + k, empty_cell(value_style(ind, municipal)));
            }
        }
        const int last_block_row = ds.block_first_row() + rows;
        sh.print_range = odf_range(ds.sheet, 0, 0, last_block_row, std::max(last_col, 1 + n_ind));
        return sh;
    }

    Sheet indicators() {
        Sheet sh;
        sh.name = kIndicatorsSheet;
        sh.column_styles = {"co_id",  "co_dir", "co_title", "co_unit", "co_num",
                            "co_num", "co_num", "co_doc",   "co_num",  "co_link"};
        sh.row_styles[0] = "ro_title";
        sh.row_styles[2] = "ro_head_short";
        sh.put(0, 0, text_cell("Показатели муниципалитета", "ce_title"));
        sh.put(1, 0,
               text_cell("Значения рассчитываются по листам направлений; прошлый год вносится вручную; динамика — "
                         "в процентных пунктах.",
                         "ce_sub"));
        const char* heads[] = {"Код",         "Направление", "Показатель", "Ед.",  "Значение по муниципалитету",
                               "Прошлый год", "Динамика",    "Документ",   "Дата", "Ссылка"};
        for (int i = 0; i < 10; ++i)
            sh.put(2, i, text_cell(heads[i], "ce_head"));
        sh.header_rows_first = 2;
        sh.header_rows_last = 2;
        apply_pane(sh);
        Field prev_pct;
        prev_pct.title = "Значение прошлого года, %";
        prev_pct.type = FieldType::Number;
        prev_pct.unit = "%";
        prev_pct.filled_by = "УО";
        prev_pct.min = 0;
        prev_pct.max = 100;
        Field prev_num = prev_pct;
        prev_num.title = "Значение прошлого года";
        prev_num.unit = "";
        prev_num.min = 0;
        prev_num.max = 1000000;
        Field doc, date, link;
        doc.title = "Реквизиты документа";
        doc.type = FieldType::Text;
        date.title = "Дата документа";
        date.type = FieldType::Date;
        link.title = "Ссылка на документ";
        link.type = FieldType::Link;
        for (Field* f : {&doc, &date, &link}) {
            f->filled_by = "УО";
            f->required = false;
        }
        // Evidence fields the catalogue already asks for: shown, not typed twice.
        std::map<std::string, std::vector<std::string>> evidence_of;
        for (const auto& rule : c_.rules)
            if (rule.kind == Rule::Kind::RequiresEvidence)
                evidence_of[rule.fields[0]] = std::vector<std::string>(rule.fields.begin() + 1, rule.fields.end());

        int r = FormLayout::kIndicatorsFirstRow;
        for (const auto& ind : c_.indicators) {
            const DirectionSheet& ds = *layout_.sheet_of(ind.direction);
            sh.put(r, 0, text_cell(ind.id, "ce_ro"));
            sh.put(r, 1, text_cell(ind.direction, "ce_ro"));
            sh.put(r, 2, text_cell(ind.title, "ce_label"));
            // A yes/no of each organisation is, for the municipality, the number answering «да».
            const bool counted_flag =
                ind.compute.kind == Computation::Kind::Flag && !ind.concerns("municipality") && ind.unit == "да/нет";
            std::string counted_unit;
            if (counted_flag)
                for (const auto& t : ind.org_types)
                    counted_unit += (counted_unit.empty() ? "" : ", ") + std::string(type_short(t));
            sh.put(r, 3, text_cell(counted_flag ? "число " + counted_unit + " с «да»" : ind.unit, "ce_ro"));
            sh.put(r, 4,
                   formula_cell(std::string(kAddIn) + "INDICATOR(" + quote(ind.id) + ";" + ds.range_name + ")",
                                counted_flag ? std::string("ce_int_b") : value_style(ind, true)));
            const bool yes_no = ind.unit == "да/нет" && !counted_flag;
            if (yes_no) {
                sh.put(r, 5, empty_cell("ce_na"));
                sh.put(r, 6, empty_cell("ce_na"));
            } else {
                const Field& pf = ind.unit == "%" ? prev_pct : prev_num;
                const std::string val = validity(pf);
                auto prev = d_.previous.find(ind.id);
                sh.put(r, 5,
                       prev == d_.previous.end() ? empty_cell("ce_in_num", val)
                                                 : number_cell(prev->second, "ce_in_num", val));
                const std::string cur = "[." + cell_address(r, 4) + "]", old = "[." + cell_address(r, 5) + "]";
                sh.put(
                    r, 6,
                    formula_cell("IFNA(" + std::string(kAddIn) + "DYNAMICS(" + cur + ";" + old + ");\"—\")", "ce_dec"));
            }
            const bool flag = ind.compute.kind == Computation::Kind::Flag && yes_no && ind.concerns("municipality");
            const auto ev = flag ? evidence_of.find(ind.compute.fields.front()) : evidence_of.end();
            if (flag && ev != evidence_of.end()) {
                // The documents are fields of the direction's municipal row: show them here.
                const int mr = ds.row_of("municipality", 0);
                for (std::size_t k = 0; k < 3; ++k) {
                    const Field* ef = nullptr;
                    for (const auto& id : ev->second) {
                        const Field* f = c_.field(id);
                        const FieldType want = k == 0 ? FieldType::Text : k == 1 ? FieldType::Date : FieldType::Link;
                        if (f->type == want && !ef)
                            ef = f;
                    }
                    const int col = ef ? ds.column_of(ef->id) : -1;
                    if (mr < 0 || col < 0) {
                        sh.put(r, 7 + static_cast<int>(k), empty_cell("ce_na"));
                        continue;
                    }
                    const std::string s = ref(ds.sheet, mr, col);
                    sh.put(r, 7 + static_cast<int>(k),
                           formula_cell("IF(ISBLANK(" + s + ");\"\";" + s + ")", k == 1 ? "ce_date_ro" : "ce_link"));
                }
            } else if (flag) {
                auto e = d_.evidence.find(ind.id);
                const Evidence none;
                const Evidence& ev_data = e == d_.evidence.end() ? none : e->second;
                const std::string values[] = {ev_data.document, ev_data.date, ev_data.link};
                const Field* fields[] = {&doc, &date, &link};
                for (int k = 0; k < 3; ++k) {
                    const std::string val = validity(*fields[k]);
                    sh.put(r, 7 + k,
                           typed_cell(values[k].empty() ? Cell::empty() : Cell::text(values[k]), fields[k],
                                      input_style(*fields[k]), val));
                }
            } else {
                for (int k = 0; k < 3; ++k)
                    sh.put(r, 7 + k, empty_cell("ce_na"));
            }
            ++r;
        }
        names_["indicators_table"] = odf_range(kIndicatorsSheet, 2, 0, r - 1, 9);
        sh.print_range = odf_range(kIndicatorsSheet, 0, 0, r - 1, 9);
        return sh;
    }

    // Typed values over what the form generates (for samples with mistakes).
    void apply_overrides(std::vector<Sheet>& sheets) {
        for (const auto& ov : d_.overrides) {
            if (ov.sheet == "organisations") {
                for (std::size_t i = 0; i < d_.organisations.size(); ++i) {
                    const RegisterEntry& org = d_.organisations[i];
                    if (org.code != ov.org)
                        continue;
                    const auto& list = org.type == "school" ? schools_ : kindergartens_;
                    const std::size_t slot =
                        static_cast<std::size_t>(std::find(list.begin(), list.end(), &org) - list.begin());
                    const int col = ov.column == "code" ? 0 : ov.column == "name" ? 1 : ov.column == "short" ? 2 : 3;
                    sheets[1].put(layout_.register_row(org.type, slot), col,
                                  typed_cell(ov.value, nullptr, "ce_in", ""));
                }
                continue;
            }
            for (std::size_t s = 0; s < layout_.directions.size(); ++s) {
                const DirectionSheet& ds = layout_.directions[s];
                if (ds.direction->id != ov.sheet)
                    continue;
                const int col = ds.column_of(ov.column);
                int row = -1;
                for (std::size_t i = 0; i < ds.rows.size() && row < 0; ++i) {
                    const FormRow& fr = ds.rows[i];
                    const RegisterEntry* org = fr.type == "municipality" ? nullptr : org_in(fr.type, fr.slot);
                    const std::string code = fr.type == "municipality" ? kMunicipalityCode : org ? org->code : "";
                    if (code == ov.org)
                        row = ds.first_row() + static_cast<int>(i);
                }
                if (row >= 0 && col >= 0)
                    sheets[2 + s].put(row, col, typed_cell(ov.value, nullptr, col < 4 ? "ce_ro" : "ce_in", ""));
            }
        }
    }

    const Catalogue& c_;
    const FormData& d_;
    std::string generator_;
    std::vector<const RegisterEntry*> schools_, kindergartens_;
    FormLayout layout_;
    std::vector<SheetPane> panes_;
    Validations validations_;
    std::map<std::string, std::string> names_;  // named range → ODF range address
};

}  // namespace

std::vector<SheetPane> form_panes(const Catalogue& catalogue) {
    std::vector<SheetPane> panes = {{kRegisterSheet, 1, FormLayout::kRegisterFirstRow}};
    for (const auto& d : catalogue.directions)
        panes.push_back({d.id + " " + d.short_title, 2, DirectionSheet::kCodeRow + 1});
    panes.push_back({kIndicatorsSheet, 3, FormLayout::kIndicatorsFirstRow});
    return panes;
}

Workbook form_workbook(const FormData& data) {
    Workbook w;
    for (const auto& org : data.organisations)
        w.add({org.code, org.short_name.empty() ? org.name : org.short_name, org.type, org.flags});
    w.add({kMunicipalityCode, "Муниципальный уровень", "municipality", {}});
    for (const auto& [code, values] : data.values)
        for (const auto& [field, value] : values) {
            const bool formula = value.kind() == Cell::Kind::Text && !value.text().empty() && value.text()[0] == '=';
            w.set(code, field, formula ? Cell::error() : value);
        }
    return w;
}

std::string form_fods(const Catalogue& catalogue, const FormData& data, const std::string& generator) {
    return Writer(catalogue, data, generator).write();
}

}  // namespace msoko

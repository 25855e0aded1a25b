// SPDX-License-Identifier: MPL-2.0
// The explanatory note of the submission package as a flat ODF text document.
#include "msoko/note.hpp"

#include "msoko/explanations.hpp"
#include "msoko/form_layout.hpp"
#include "msoko/text.hpp"

#include <boost/date_time/gregorian/gregorian.hpp>

#include <cmath>
#include <cstdio>
#include <map>

namespace msoko {

namespace {

// --- text ----------------------------------------------------------------------

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

// A Calc date serial (days since 30.12.1899) as «30.06.2025»; none outside Calc's dates.
std::string date_text(double serial) {
    if (!std::isfinite(serial) || serial < 1 || serial > 2958465 || serial != std::floor(serial))
        return {};
    const boost::gregorian::date d =
        boost::gregorian::date(1899, 12, 30) + boost::gregorian::days(static_cast<long>(serial));
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04u", static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()),
                  static_cast<unsigned>(d.year()));
    return buf;
}

// A passport value as the passport shows it: a date item's serial as a date.
std::string passport_value(const FormContents& form, const PassportItem& item) {
    const auto it = form.passport.find(item.key);
    if (it == form.passport.end())
        return {};
    if (item.type == FieldType::Date && it->second.kind() == Cell::Kind::Number) {
        const std::string d = date_text(it->second.number());
        if (!d.empty())
            return d;
    }
    return trim(form.passport_text(item.key));
}

// «Ольшанская В. Н.» of «Ольшанская Вера Николаевна»; any other spelling as typed.
std::string surname_and_initials(const std::string& full_name) {
    std::vector<std::string> words;
    std::string word;
    for (const char ch : trim(full_name) + " ") {
        if (ch == ' ') {
            if (!word.empty())
                words.push_back(word);
            word.clear();
        } else {
            word += ch;
        }
    }
    if (words.size() != 3)
        return trim(full_name);
    std::string out = words[0];
    for (std::size_t k = 1; k < 3; ++k) {
        const std::size_t n = utf8_length(words[k], 0);
        if (n == 0 || words[k].find('.') != std::string::npos)
            return trim(full_name);
        out += " " + words[k].substr(0, n) + ".";
    }
    return out;
}

// Last year's value and the dynamics as the form shows them: in its
// one-decimal number format (N_dec), the one shown_value() gives a share.
std::string one_decimal(double v) {
    static const Indicator share = [] {
        Indicator i;
        i.unit = "%";
        return i;
    }();
    IndicatorRow row;
    row.indicator = &share;
    return shown_value(row, Result::of(v), /*english=*/false);
}

constexpr const char* kDash = "—";

// --- the document ----------------------------------------------------------------

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

    std::string document(const std::string& title, const std::string& footer) const {
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

// --- the sections --------------------------------------------------------------------

// Where a finding is: its sheet and cell, its organisation (code and name) and
// its field (code and title), one paragraph each.
std::string place(const FormContents& form, const ReportRow& row) {
    std::string out;
    if (!row.sheet.empty())
        out += p("Table_20_Contents", "Лист «" + row.sheet + "»" + (row.cell.empty() ? "" : ", ячейка " + row.cell));
    if (!row.organisation.empty()) {
        const Organisation* org = form.workbook.organisation(row.organisation);
        out +=
            p("Table_20_Contents",
              row.organisation + (org && !org->name.empty() && org->name != row.organisation ? " — " + org->name : ""));
    }
    // The field, unless the message names it already: its code and the start of its title.
    if (!row.field.empty() && row.message.find(row.field) == std::string::npos)
        out += p("Table_20_Contents",
                 row.field + (row.field_title.empty() ? "" : " — " + truncate_utf8(row.field_title, 40)));
    return out.empty() ? p("Table_20_Contents", "Вся форма") : out;
}

// The findings of one severity: №, place, message (with the value the cell
// holds), and, when `explanations`, the user's explanation.
void findings(Note& note, const FormContents& form, const ReportModel& model, Severity severity, bool explanations) {
    std::vector<double> widths{1.0, 4.0, 6.5, 5.5};
    std::vector<std::string> head{"№", "Место", "Сообщение проверки", "Пояснение"};
    if (!explanations) {
        widths = {1.0, 4.0, 12.0};
        head.pop_back();
    }
    note.begin_table(widths, head);
    for (const auto& r : model.rows) {
        if (r.severity != severity)
            continue;
        note.begin_row();
        note.cell(p("MSOKO_20_Centre", std::to_string(r.number)));
        note.cell(place(form, r));
        std::string message = p("Table_20_Contents", r.message);
        if (!r.value.empty())
            message += p("Table_20_Contents", "В ячейке: " + r.value);
        const bool explained = !trim(r.explanation).empty();
        if (!explanations && explained)
            message += p("Table_20_Contents", "Пояснение: " + r.explanation);
        note.cell(message);
        if (explanations)
            note.cell(explained ? p("Table_20_Contents", r.explanation) : p("MSOKO_20_Missing", "Пояснение не дано"));
        note.end_row();
    }
    note.end_table();
}

// Each indicator's last-year cell on «Показатели» as the user typed it, by
// the indicator id in its row (where the check reads it).
std::map<std::string, Cell> last_year_cells(const WorkbookSnapshot& snapshot) {
    std::map<std::string, Cell> out;
    const SheetSnapshot* s = snapshot.sheet(kIndicatorsSheet);
    if (!s)
        return out;
    using C = IndicatorsColumns;
    for (std::size_t r = C::kFirstRow; r < s->rows; ++r) {
        const Cell& id = s->value(r, C::kId);
        if (id.kind() == Cell::Kind::Text && !trim(id.text()).empty())
            out.emplace(trim(id.text()), s->value(r, C::kLastYear));
    }
    return out;
}

// The municipal indicator table: code, title, unit, value as the form shows
// it, last year's value and the dynamics, under a row for each direction.
void indicator_table(Note& note, const Catalogue& catalogue, const WorkbookSnapshot& snapshot,
                     const std::vector<FormIndicator>& indicators, bool& missing_shown, bool& error_shown) {
    const FormLayout layout = form_layout(catalogue, {});
    const std::map<std::string, Cell> last_year = last_year_cells(snapshot);
    note.begin_table({1.9, 8.1, 1.5, 1.9, 1.8, 1.8},
                     {"Код", "Показатель", "Ед.", "Значение", "Прошлый год", "Динамика"});
    std::string direction;
    for (const FormIndicator& fi : indicators) {
        if (!fi.indicator)
            continue;
        const Indicator& ind = *fi.indicator;
        const IndicatorRow* row = layout.indicator_row(ind.id);
        if (!row)
            continue;
        if (ind.direction != direction) {
            direction = ind.direction;
            const Direction* d = catalogue.direction(direction);
            std::string title = direction;
            if (d)
                title += " " + (d->title.empty() ? d->short_title : d->title) +
                         (d->supplementary ? " (дополнительное направление)" : "");
            note.begin_row();
            note.cell(p("MSOKO_20_Group", title), "Group", 6);
            note.end_row();
        }
        const Result& r = fi.value.result;
        missing_shown |= r.status() == Result::Status::NotApplicable || r.status() == Result::Status::MissingData;
        error_shown |= r.status() == Result::Status::Invalid;
        std::string before = kDash, change = kDash;
        if (row->role(IndicatorsColumns::kLastYear) == CellRole::Typed) {
            const auto it = last_year.find(ind.id);
            const Cell last = it == last_year.end() ? Cell::empty() : it->second;
            if (last.kind() == Cell::Kind::Number) {
                before = one_decimal(last.number());
                if (r.status() == Result::Status::Value && std::isfinite(r.value() - last.number()))
                    change = one_decimal(r.value() - last.number());
            } else if (last.kind() == Cell::Kind::Text && !trim(last.text()).empty()) {
                before = last.text();  // as typed (the check says what is wrong with it)
            }
        }
        note.begin_row();
        note.cell(p("Table_20_Contents", ind.id));
        note.cell(ind.is_variant() ? p("MSOKO_20_Variant", ind.label.empty() ? ind.title : ind.label)
                                   : p("Table_20_Contents", ind.title));
        note.cell(p("Table_20_Contents", row->unit));
        note.cell(p("MSOKO_20_Number", shown_value(*row, r, /*english=*/false, fi.error)));
        note.cell(p("MSOKO_20_Number", before));
        note.cell(p("MSOKO_20_Number", change));
        note.end_row();
    }
    note.end_table();
}

// The signature block: the head of the education authority and the person
// responsible, their signatures and names, the date and the seal.
void signatures(Note& note, const FormContents& form) {
    const std::string responsible = trim(form.passport_text("responsible")),
                      position = trim(form.passport_text("position"));
    note.begin_table({7.5, 4.0, 5.5}, {}, /*borders=*/false, /*keep=*/true);
    const auto person = [&](const std::string& who, const std::string& what, const std::string& name) {
        note.begin_row();
        note.cell(p("Table_20_Contents", who) + (what.empty() ? "" : p("MSOKO_20_Caption_20_Left", what)));
        note.cell(p("Table_20_Contents", ""), "Line");
        note.cell(p("Table_20_Contents", "/ " + (name.empty() ? std::string(24, '_') : name) + " /"));
        note.end_row();
        note.begin_row();
        note.cell(p("Table_20_Contents", ""));
        note.cell(p("MSOKO_20_Caption", "(подпись)"));
        note.cell(p("MSOKO_20_Caption", "(фамилия, инициалы)"));
        note.end_row();
    };
    person("Руководитель органа управления образованием", "", "");
    person("Ответственный за заполнение", position, surname_and_initials(responsible));
    note.end_table();
    note.paragraph("Дата: «____» ________________ 20____ г.", "MSOKO_20_Signature");
    note.paragraph("М. П.", "MSOKO_20_Signature");
}

}  // namespace

std::string note_subtitle(const CatalogueInfo& info) {
    static const std::string monitoring = "Мониторинг ";
    const std::string title = trim(info.title);
    if (title.rfind(monitoring, 0) == 0)
        return "к результатам мониторинга " + title.substr(monitoring.size());
    if (title.empty())
        return "к результатам заполнения формы сбора первичных данных";
    return "к результатам заполнения формы «" + title + "»";
}

std::string explanatory_note_fodt(const Catalogue& catalogue, const WorkbookSnapshot& snapshot,
                                  const FormContents& form, const ReportModel& explained,
                                  const std::vector<FormIndicator>& indicators, const NoteMeta& meta) {
    const FormLayout layout = form_layout(catalogue, {});
    const auto passport = [&](const std::string& key) {
        const PassportItem* item = layout.passport.item(key);
        return item ? passport_value(form, *item) : trim(form.passport_text(key));
    };
    const std::string municipality = passport("municipality"), region = passport("region"), period = passport("period");
    Note note;

    note.paragraph("Пояснительная записка", "Title");
    note.paragraph(note_subtitle(catalogue.info), "Subtitle");
    if (!municipality.empty())
        note.paragraph(municipality + (region.empty() ? "" : ", " + region), "Subtitle");
    if (!period.empty())
        note.paragraph("Отчётный период: " + period, "Subtitle");

    // 1. Who, where, when, by which catalogue.
    note.heading("1. Общие сведения");
    note.begin_table({6.0, 11.0}, {});
    const auto item_row = [&](const std::string& label, const std::string& value) {
        note.row({label, value.empty() ? std::string(kDash) : value});
    };
    for (const char* key : {"region", "municipality", "period"})
        item_row(PassportLayout::label_of(key), passport(key));
    std::string responsible = passport("responsible");
    if (const std::string position = passport("position"); !position.empty())
        responsible += (responsible.empty() ? "" : ", ") + position;
    item_row("Ответственный за заполнение", responsible);
    std::vector<std::string> contacts;
    for (const char* key : {"phone", "email"})
        if (const std::string c = passport(key); !c.empty())
            contacts.push_back(c);
    item_row("Контакты", join(contacts));
    item_row(PassportLayout::label_of("date"), passport("date"));
    for (const auto& item : layout.passport.items)
        if (!item.org_type.empty())  // the counts of organisations the form expects
            item_row(item.label, passport(item.key));
    item_row("Каталог показателей",
             catalogue.info.title + " (" + catalogue.info.id + ", версия " + catalogue.info.version + ")");
    if (!meta.form_file.empty())
        item_row("Файл формы", meta.form_file);
    item_row("Подготовлено к отправке", meta.prepared_at_text);
    item_row("Версия расширения",
             meta.extension_version.empty() ? std::string() : "МСОКО для LibreOffice Calc " + meta.extension_version);
    note.end_table();

    // 2. The check.
    note.heading("2. Результат проверки формы");
    note.paragraph(explained.summary);
    if (explained.warnings > 0) {
        const std::size_t unexplained = unexplained_warnings(explained).size();
        note.paragraph(unexplained == 0
                           ? std::string("Ко всем предупреждениям проверки даны пояснения (раздел 4).")
                           : "Без пояснения осталось предупреждений: " + std::to_string(unexplained) + " (раздел 4).");
    }

    // 3. Completeness.
    note.heading("3. " + (explained.completeness_title.empty() ? std::string("Заполненность по направлениям")
                                                               : explained.completeness_title));
    if (explained.completeness.empty()) {
        note.paragraph("Проверка не нашла направлений с обязательными полями.");
    } else {
        // The report's own heads, but «Направление» for «Лист»: the direction's full title.
        std::vector<std::string> head = explained.completeness_header;
        if (head.size() != 4)
            head = {"Лист", "Полей", "Заполнено", "%"};
        head[0] = "Направление";
        note.begin_table({10.6, 2.2, 2.4, 1.8}, head);
        for (const auto& c : explained.completeness) {
            const Direction* d = catalogue.direction(c.direction);
            const std::string title = d ? c.direction + " " + (d->title.empty() ? d->short_title : d->title)
                                        : (c.sheet.empty() ? c.direction : c.sheet);
            note.begin_row();
            note.cell(p("Table_20_Contents", title));
            note.cell(p("MSOKO_20_Number", std::to_string(c.required)));
            note.cell(p("MSOKO_20_Number", std::to_string(c.filled)));
            note.cell(p("MSOKO_20_Number", c.percent_text));
            note.end_row();
        }
        note.end_table();
    }

    // 4. Warnings and their explanations (the errors first, should there be any).
    int section = 4;
    if (explained.errors > 0) {
        note.heading(std::to_string(section++) + ". Ошибки");
        note.paragraph("Форма не готова к отправке: проверка нашла ошибок — " + std::to_string(explained.errors) + ".");
        findings(note, form, explained, Severity::Error, /*explanations=*/true);
    }
    note.heading(std::to_string(section++) + ". Предупреждения проверки и пояснения к ним");
    if (explained.warnings == 0) {
        note.paragraph("Предупреждений нет.");
    } else {
        note.paragraph(
            "Предупреждение — значение, которое проверка считает возможным, но требующим объяснения. "
            "Всего предупреждений: " +
            std::to_string(explained.warnings) + ".");
        findings(note, form, explained, Severity::Warning, /*explanations=*/true);
    }

    // 5. The notes.
    note.heading(std::to_string(section++) + ". Сведения проверки");
    if (explained.notes == 0)
        note.paragraph("Сведений нет.");
    else
        findings(note, form, explained, Severity::Info, /*explanations=*/false);

    // 6. The municipal indicators.
    note.heading(std::to_string(section++) + ". Показатели муниципального уровня");
    bool missing_shown = false, error_shown = false;
    indicator_table(note, catalogue, snapshot, indicators, missing_shown, error_shown);
    std::string legend =
        "Значения — как на листе «" + std::string(kIndicatorsSheet) +
        "» формы. Динамика — значение минус значение прошлого года (для долей — в процентных пунктах).";
    if (missing_shown)
        legend += " #Н/Д — нет данных для расчёта.";
    if (error_shown)
        legend += " Ошибка:N — значение не может быть рассчитано (см. раздел «Ошибки»).";
    note.paragraph(legend, "MSOKO_20_Legend");

    // The signatures.
    note.heading("Подписи");
    signatures(note, form);

    std::string made = "Записка составлена расширением «МСОКО для LibreOffice Calc»";
    if (!meta.extension_version.empty())
        made += " версии " + meta.extension_version;
    if (!meta.prepared_at_text.empty())
        made += " " + meta.prepared_at_text;
    made += " по форме" + (meta.form_file.empty() ? std::string() : " «" + meta.form_file + "»") + " (каталог " +
            catalogue.info.id + " " + catalogue.info.version + ").";
    note.paragraph(made, "MSOKO_20_Legend");

    std::vector<std::string> footer;
    if (!municipality.empty())
        footer.push_back(municipality);
    if (!period.empty())
        footer.push_back(period);
    return note.document(
        "Пояснительная записка " + note_subtitle(catalogue.info) + (municipality.empty() ? "" : " — " + municipality),
        footer.empty() ? "Пояснительная записка" : "Пояснительная записка · " + join(footer, " · "));
}

}  // namespace msoko

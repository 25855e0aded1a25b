// SPDX-License-Identifier: MPL-2.0
#pragma once

// The pieces of a flat ODF spreadsheet the form writer puts together: cells,
// references, sheets, their XML; the styles and the data validity of the
// form's cells. Private to the writer (form_*.cpp).

#include "msoko/catalogue.hpp"
#include "msoko/cell.hpp"

#include <map>
#include <string>
#include <vector>

namespace msoko::odf {

/// The form's font: metric-compatible with Arial, in Debian's fonts-liberation2.
inline constexpr const char* kFormFont = "Liberation Sans";
/// The width of a field's or an indicator's column on a direction sheet (co_field).
inline constexpr double kFieldColumnCm = 2.9;

/// Text for XML content and attributes.
std::string xml(const std::string& s);
/// Text inside an XML comment: no "--".
std::string comment(const std::string& s);
/// A number as ODF writes it (up to 15 significant digits).
std::string number_text(double v);
/// A reference in ODF formula syntax: [$'Sheet'.A1] (with $ before column and row when `absolute`).
std::string ref(const std::string& sheet, int row, int col, bool absolute = false);
/// A range address for named ranges and print ranges: $'Sheet'.$A$1:.$B$2.
std::string range(const std::string& sheet, int r1, int c1, int r2, int c2);
/// A text constant in a formula: "…" with " doubled.
std::string quote(const std::string& s);

/// The function names of the add-in in formulas.
inline constexpr const char* kAddIn = "ORG.MSOKO.CALC.FUNCTIONS.";

/// One sheet under construction: rows of cell XML.
struct Sheet {
    std::string name;
    std::vector<std::string> column_styles;  // one per column
    std::map<int, std::string> row_styles;
    std::map<int, std::map<int, std::string>> cells;    // row → column → <table:table-cell …>
    int header_rows_first = -1, header_rows_last = -1;  // repeated when printing
    int header_columns = 0;                             // the first columns, repeated when printing
    bool protect = true;
    bool hidden = false;  // not shown in the sheet tabs (table:display false)
    std::string print_range;
    int freeze_row = 0, freeze_col = 0;  // panes frozen above / left of these
    /// Rows written as they are after the rows of `cells` (<table:table-row>…), for a sheet of very many
    /// plain cells (a results workbook's pupils) that a map of cells would only slow down.
    std::string raw_rows;

    void put(int r, int c, std::string xml_cell) { cells[r][c] = std::move(xml_cell); }
    int last_row() const { return cells.empty() ? 0 : cells.rbegin()->first; }
};

std::string text_cell(const std::string& text, const std::string& style, const std::string& extra = {});
/// A text cell with a comment (shown when the pointer is over the cell); each
/// line of `comment` is a paragraph; no comment when it is empty.
std::string text_cell_with_comment(const std::string& text, const std::string& style, const std::string& comment);
std::string number_cell(double v, const std::string& style, const std::string& extra = {});
std::string formula_cell(const std::string& formula, const std::string& style, const std::string& extra = {});
std::string empty_cell(const std::string& style, const std::string& extra = {});
/// A typed value written into an input cell, exactly as typed: numbers as
/// numbers, dates of date fields as dates, "=…" as a formula, other text as text.
std::string typed_cell(const Cell& v, const Field* field, const std::string& style, const std::string& extra);

/// A named cell style (family table-cell, parent «Default»): its cell, text and paragraph
/// properties (attributes, each with a space before it) and its number style (or none).
std::string cell_style(const std::string& name, const std::string& cell, const std::string& text = {},
                       const std::string& number = {}, const std::string& paragraph = {});
/// The start of a flat ODF spreadsheet: the XML declaration and <office:document …> with the
/// namespaces the writers use and `extra_namespaces` (` xmlns:dc="…"`), a line break after each.
std::string document_start(const std::string& extra_namespaces = {});
/// <table:table> of a sheet.
std::string table_xml(const Sheet& sh);
/// A whole report workbook (the region's, the ВПР results): `title` in the metadata, `generator`
/// and `made_from` («12 municipal forms») in a comment, the view settings, the form's font, the
/// automatic `styles` (with the page layout pm_landscape), a landscape page with the sheet's name on
/// top and `footer` with the page number below, then the sheets.
std::string report_document(const std::string& title, const std::string& generator, const std::string& made_from,
                            const std::vector<Sheet>& sheets, const std::string& styles, const std::string& footer);
/// The view settings: frozen panes of every sheet, the first one active.
std::string settings_xml(const std::vector<Sheet>& sheets);

// --- styles (form_styles.cpp) ---------------------------------------------------

/// The automatic styles: numbers, columns, rows, cells, the page; with
/// `subform`, those only a sub-form uses too (its hidden sheets, its instruction).
std::string styles_xml(bool subform = false);
/// The style of a header row whose cells (8 pt bold, wrapped, `column_cm`
/// wide) hold `texts`: tall enough for the longest, as Liberation Sans
/// wraps it at word boundaries (Calc does not grow a stored row height when
/// it loads a workbook).
std::string header_row_style(const std::vector<std::string>& texts, double column_cm);
/// A named cell style of the check's marks.
std::string mark_style(const std::string& name, int back, int text);
/// The cell style of an input cell of `field`.
const char* input_style(const Field& f);
/// The number style of an indicator value by its unit and computation.
std::string value_style(const Indicator& ind, bool bold = false);
/// The style of an indicator's cell in a direction's block: an
/// organisation's share-of-organisations or yes/no as «да»/«нет», the
/// municipality's share in %, a counted yes/no as the number answering «да».
std::string block_value_style(const Indicator& ind, bool municipal_row, const std::string& municipal_type);
/// The unit of an indicator in its block's header: «%; по организации — да/нет».
std::string block_unit(const Indicator& ind, const std::string& municipal_type);

// --- data validity (form_validity.cpp) ---------------------------------------------

/// Data validity of the input cells, one entry per distinct rule and message.
class Validations {
public:
    /// The name of the validity (made when new). `any_text`: a value off the
    /// list (or outside the condition) is accepted without a message — the
    /// list only suggests.
    std::string add(const std::string& condition, const std::string& help_title, const std::string& help,
                    const std::string& error, bool list = false, bool any_text = false);
    /// The validity of an input cell of `field`; `requirement` replaces the
    /// help's «обязательно» / «необязательно» when given; the help names the
    /// field's `source` (the title of its data source) and its note.
    std::string field(const Field& f, const std::string& requirement = {}, const std::string& source = {});
    /// <table:content-validation> of every validity made.
    const std::string& xml_text() const { return xml_; }

private:
    std::map<std::string, std::string> names_;
    std::string xml_;
};

}  // namespace msoko::odf

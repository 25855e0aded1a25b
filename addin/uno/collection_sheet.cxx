// SPDX-License-Identifier: MPL-2.0
#include "collection_sheet.hxx"

#include "formula_text.hxx"
#include "msoko/subform.hpp"
#include "msoko/text.hpp"
#include "snapshot.hxx"
#include "utf8.hxx"

#include <com/sun/star/awt/FontUnderline.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/table/BorderLine2.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/table/XTableRows.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XMergeable.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <algorithm>
#include <iterator>
#include <vector>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;
using Props = Reference<css::beans::XPropertySet>;

namespace {

// The columns people read; the mark's column after them, hidden.
constexpr sal_Int32 kColumns = 11;
constexpr sal_Int32 kMarkColumn = kColumns;
// 1/100 mm: code, name, type or cell, status or sheet, counts or values and the decision, the check or why,
// the file.
constexpr sal_Int32 kWidths[kColumns] = {1800, 6200, 1400, 3600, 2000, 2000, 2600, 2000, 3000, 11000, 6500};

Props props_of(const Reference<css::sheet::XSpreadsheet>& sheet, sal_Int32 c0, sal_Int32 r0, sal_Int32 c1,
               sal_Int32 r1) {
    return Props(sheet->getCellRangeByPosition(c0, r0, c1, r1), UNO_QUERY_THROW);
}

// A cell for setFormulaArray: a number in the API's notation, a text as constant().
OUString formula_of(const Cell& c) {
    if (c.kind() == Cell::Kind::Number)
        return from_utf8(format_number(c.number()));
    return constant(c.kind() == Cell::Kind::Text ? c.text() : std::string());
}

// The background of an organisation's status.
sal_Int32 status_colour(const Cell& status) {
    const std::string s = status.kind() == Cell::Kind::Text ? status.text() : std::string();
    if (s == "не вернула форму")
        return 0xF4CCCC;
    if (s == "не принята")
        return 0xFCE5CD;
    return 0xD9EAD3;
}

Reference<css::sheet::XSpreadsheet> find_collection_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                                          OUString* name) {
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        if (!is_collection_sheet(sheet))
            continue;
        *name = Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName();
        return sheet;
    }
    return {};
}

}  // namespace

bool is_collection_sheet(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto cell = sheet->getCellByPosition(kMarkColumn, 0);
    return cell->getType() == css::table::CellContentType_TEXT &&
           Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString().equalsAscii(kCollectionMark);
}

OUString write_collection_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                const CollectionReport& report) {
    auto sheets = document->getSheets();
    OUString name;
    Reference<css::sheet::XSpreadsheet> sheet = find_collection_sheet(document, &name);
    if (sheet.is()) {
        Reference<css::util::XProtectable> protection(sheet, UNO_QUERY_THROW);
        if (protection->isProtected()) {
            try {
                protection->unprotect(OUString());
            } catch (const css::uno::Exception&) {
                throw UserError("лист «" + to_utf8(name) +
                                "» с итогами прошлого сбора защищён паролем. Снимите с него защиту (Сервис → "
                                "Защитить лист) или удалите его и повторите сбор.");
            }
        }
        // Emptied, merged cells split (the summary's and the reasons'), not replaced.
        const auto all = sheet->getCellRangeByPosition(0, 0, kMarkColumn, 10000);
        Reference<css::util::XMergeable>(all, UNO_QUERY_THROW)->merge(false);
        Reference<css::sheet::XSheetOperation>(all, UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                            css::sheet::CellFlags::FORMULA | css::sheet::CellFlags::DATETIME |
                            css::sheet::CellFlags::HARDATTR);
    } else {
        const sal_Int32 count = Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount();
        name = from_utf8(kCollectionSheet);
        for (int n = 2; sheets->hasByName(name); ++n)
            name = from_utf8(std::string(kCollectionSheet) + " (" + std::to_string(n) + ")");
        sheets->insertNewByName(name, static_cast<sal_Int16>(count));
        sheet.set(sheets->getByName(name), UNO_QUERY_THROW);
    }

    // The columns' widths first: the rows' heights are measured in them.
    auto columns = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    for (sal_Int32 c = 0; c <= kMarkColumn; ++c) {
        Props column(columns->getByIndex(c), UNO_QUERY_THROW);
        if (c < kColumns)
            column->setPropertyValue("Width", Any(kWidths[c]));
        column->setPropertyValue("IsVisible", Any(c < kColumns));
    }

    // The rows: title, summary, then each table (its title, heads, rows or «нет»), an empty row between;
    // written at once as formulas (a link is one), so that the sheet costs few undo actions.
    std::vector<std::vector<OUString>> rows;
    struct Placed {
        sal_Int32 title = 0, heads = 0, first = 0, last = 0;  // last < first: no rows
        sal_Int32 width = 0;
    };
    std::vector<Placed> placed;
    const auto line = [&](std::vector<OUString> cells) {
        cells.resize(static_cast<std::size_t>(kMarkColumn + 1));
        rows.push_back(std::move(cells));
    };
    line({constant(report.title)});
    rows.back()[kMarkColumn] = OUString::createFromAscii(kCollectionMark);
    line({constant(report.summary)});
    for (const CollectionTable& t : report.tables) {
        line({});
        Placed p;
        p.width = static_cast<sal_Int32>(t.heads.size());
        p.title = static_cast<sal_Int32>(rows.size());
        line({constant(t.title + " — " + std::to_string(t.rows.size()))});
        p.heads = static_cast<sal_Int32>(rows.size());
        std::vector<OUString> heads;
        for (const Cell& h : t.heads)
            heads.push_back(formula_of(h));
        line(heads);
        p.first = static_cast<sal_Int32>(rows.size());
        for (std::size_t i = 0; i < t.rows.size(); ++i) {
            std::vector<OUString> cells;
            for (const Cell& c : t.rows[i])
                cells.push_back(formula_of(c));
            // A link to the form's cell.
            if (t.link_column >= 0 && i < t.link_sheets.size() &&
                static_cast<std::size_t>(t.link_column) < cells.size()) {
                const std::string cell = cell_text(t.rows[i][static_cast<std::size_t>(t.link_column)]);
                std::string sheet_name;
                for (char ch : t.link_sheets[i])
                    sheet_name += ch == '\'' ? std::string("''") : std::string(1, ch);
                cells[static_cast<std::size_t>(t.link_column)] =
                    from_utf8("=HYPERLINK(" + quoted("#$'" + sheet_name + "'." + cell) + ";" + quoted(cell) + ")");
            }
            line(cells);
        }
        if (t.rows.empty())
            line({from_utf8("нет")});
        p.last = p.first + static_cast<sal_Int32>(t.rows.size()) - 1;
        placed.push_back(p);
    }
    Sequence<Sequence<OUString>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        data.getArray()[r] = Sequence<OUString>(rows[r].data(), static_cast<sal_Int32>(rows[r].size()));
    const auto range = sheet->getCellRangeByPosition(0, 0, kMarkColumn, static_cast<sal_Int32>(rows.size() - 1));
    Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->setFormulaArray(data);

    Props(range, UNO_QUERY_THROW)->setPropertyValue("VertJustify", Any(sal_Int32(css::table::CellVertJustify2::TOP)));
    const Props title = props_of(sheet, 0, 0, 0, 0);
    title->setPropertyValue("CharHeight", Any(14.0f));
    title->setPropertyValue("CharWeight", Any(150.0f));
    // The summary's lines, in view beside the codes and names.
    const auto summary = sheet->getCellRangeByPosition(0, 1, 4, 1);
    Reference<css::util::XMergeable>(summary, UNO_QUERY_THROW)->merge(true);
    Props(summary, UNO_QUERY_THROW)->setPropertyValue("IsTextWrapped", Any(true));
    const auto lines = static_cast<sal_Int32>(std::count(report.summary.begin(), report.summary.end(), '\n') + 1);
    Props(Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getRows()->getByIndex(1), UNO_QUERY_THROW)
        ->setPropertyValue("Height", Any(sal_Int32(480 * (lines + 1))));
    css::table::BorderLine2 rule_line;
    rule_line.OuterLineWidth = 18;
    rule_line.LineWidth = 18;
    rule_line.Color = 0x808080;
    for (std::size_t k = 0; k < placed.size(); ++k) {
        const Placed& p = placed[k];
        const CollectionTable& t = report.tables[k];
        const Props table_title = props_of(sheet, 0, p.title, 0, p.title);
        table_title->setPropertyValue("CharWeight", Any(150.0f));
        table_title->setPropertyValue("CharHeight", Any(12.0f));
        const Props heads = props_of(sheet, 0, p.heads, p.width - 1, p.heads);
        heads->setPropertyValue("CharWeight", Any(150.0f));
        heads->setPropertyValue("CellBackColor", Any(sal_Int32(0xD9D9D9)));
        heads->setPropertyValue("IsTextWrapped", Any(true));
        heads->setPropertyValue("BottomBorder", Any(rule_line));
        if (p.last < p.first)
            continue;
        // Long texts wrap within their columns; a table's last one runs on to the right.
        if (p.width > 1)
            props_of(sheet, 0, p.first, p.width - 2, p.last)->setPropertyValue("IsTextWrapped", Any(true));
        // The organisations' status in its colour: a run of rows per status (they come sorted by it).
        if (k == 0 && t.heads.size() > 3)
            for (std::size_t i = 0; i < t.rows.size();) {
                std::size_t j = i;
                while (j < t.rows.size() && t.rows[j][3] == t.rows[i][3])
                    ++j;
                props_of(sheet, 3, p.first + static_cast<sal_Int32>(i), 3, p.first + static_cast<sal_Int32>(j) - 1)
                    ->setPropertyValue("CellBackColor", Any(status_colour(t.rows[i][3])));
                i = j;
            }
        // Links look like links.
        if (t.link_column >= 0) {
            const Props look = props_of(sheet, t.link_column, p.first, t.link_column, p.last);
            look->setPropertyValue("CharColor", Any(sal_Int32(0x000080)));
            look->setPropertyValue("CharUnderline", Any(css::awt::FontUnderline::SINGLE));
        }
    }
    // The rows as high as their wrapped texts in the columns' widths (an open window keeps the heights it
    // measured before; a summary's merged cell is measured by hand above).
    Props(
        Reference<css::table::XColumnRowRange>(
            sheet->getCellRangeByPosition(0, 2, kColumns - 1, static_cast<sal_Int32>(rows.size() - 1)), UNO_QUERY_THROW)
            ->getRows(),
        UNO_QUERY_THROW)
        ->setPropertyValue("OptimalHeight", Any(true));
    return name;
}

}  // namespace msoko::uno

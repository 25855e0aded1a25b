// SPDX-License-Identifier: MPL-2.0
#include "report.hxx"

#include "convert.hxx"
#include "guard.hxx"
#include "msoko/form.hpp"
#include "msoko/text.hpp"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangeFormula.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSheetOperation.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/table/CellContentType.hpp>
#include <com/sun/star/table/CellVertJustify2.hpp>
#include <com/sun/star/table/XColumnRowRange.hpp>
#include <com/sun/star/table/XTableColumns.hpp>
#include <com/sun/star/text/XText.hpp>
#include <com/sun/star/util/XProtectable.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <future>
#include <set>
#include <vector>

namespace msoko::uno {

using css::uno::Any;
using css::uno::Reference;
using css::uno::Sequence;
using css::uno::UNO_QUERY_THROW;

namespace {
constexpr sal_Int32 kSnapshotBlockRows = 8192;
// 10 million cells (≈ 500 MB in memory): 4.5 times the benchmark's table of 100,000 schools.
constexpr std::size_t kMaxSheetCells = 10'000'000;
constexpr std::size_t kMaxWorkbookCells = 20'000'000;  // all sheets together

// The report sheet carries this text in its hidden column J, first row: a
// sheet of the user's that happens to be called «Проверка» is never taken for
// it (and Calc compares sheet names case-insensitively, so a name cannot tell).
constexpr const char* kReportMark = "org.msoko.calc:report";
constexpr sal_Int32 kMarkColumn = 9;      // J
constexpr std::size_t kReportWidth = 10;  // A–I for people, J for the mark

bool is_report(const Reference<css::sheet::XSpreadsheet>& sheet) {
    const auto cell = sheet->getCellByPosition(kMarkColumn, 0);
    return cell->getType() == css::table::CellContentType_TEXT &&
           Reference<css::text::XText>(cell, UNO_QUERY_THROW)->getString() == OUString::createFromAscii(kReportMark);
}
}  // namespace

WorkbookSnapshot snapshot(const Reference<css::sheet::XSpreadsheetDocument>& document,
                          const Reference<css::task::XStatusIndicator>& progress, ReadCost* cost,
                          const FormulaPlaces* formulas) {
    using clock = std::chrono::steady_clock;
    WorkbookSnapshot wb;
    std::size_t total_cells = 0;
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    const sal_Int32 n = sheets->getCount();
    for (sal_Int32 i = 0; i < n; ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        SheetSnapshot s;
        s.name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        if (is_report(sheet))
            continue;
        if (progress.is())
            progress->setValue(i);
        auto cursor = sheet->createCursor();
        Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
        auto all = sheet->getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow);
        s.rows = static_cast<std::size_t>(end.EndRow + 1);
        s.cols = static_cast<std::size_t>(end.EndColumn + 1);
        if (s.rows * s.cols > kMaxSheetCells)  // a stray value far outside the table, as a rule
            throw UserError("лист «" + s.name + "» занят до ячейки " + cell_address(end.EndRow, end.EndColumn) + " (" +
                            std::to_string(s.rows * s.cols) +
                            " ячеек), а проверка читает лист целиком. Удалите содержимое за пределами "
                            "таблицы (Ctrl+End показывает последнюю занятую ячейку) и повторите проверку.");
        total_cells += s.rows * s.cols;
        if (total_cells > kMaxWorkbookCells)
            throw UserError("в книге занято больше " + std::to_string(kMaxWorkbookCells) +
                            " ячеек (последний прочитанный лист — «" + s.name + "», до ячейки " +
                            cell_address(end.EndRow, end.EndColumn) +
                            "): удалите содержимое за пределами таблиц и повторите проверку.");
        s.values.resize(s.rows * s.cols);
        // In blocks of rows: while the office reads the next block (it must, on
        // this thread), a worker turns the last one into the core's cells.
        double data_ms = 0;
        const auto t0 = clock::now();
        std::future<void> converting;
        for (sal_Int32 first = 0; first <= end.EndRow; first += kSnapshotBlockRows) {
            const sal_Int32 last = std::min(end.EndRow, first + kSnapshotBlockRows - 1);
            const auto before = clock::now();
            auto data = Reference<css::sheet::XCellRangeData>(
                            sheet->getCellRangeByPosition(0, first, end.EndColumn, last), UNO_QUERY_THROW)
                            ->getDataArray();
            data_ms += std::chrono::duration<double, std::milli>(clock::now() - before).count();
            if (converting.valid())
                converting.get();
            converting = std::async(std::launch::async, [&s, first, data = std::move(data)] {
                Cell* out = s.values.data() + static_cast<std::size_t>(first) * s.cols;
                for (const auto& row : data) {
                    Cell* cell = out;
                    for (const auto& value : row)
                        *cell++ = to_cell(value);
                    out += s.cols;
                }
            });
        }
        if (converting.valid())
            converting.get();
        const auto t2 = clock::now();
        // Which cells hold formulas: the office answers with ranges (a column of
        // formulas is one range), far cheaper than every cell's formula text;
        // only in the columns asked for (by their code in the form's code row).
        s.formulas.assign(s.rows * s.cols, 0);
        std::vector<Reference<css::table::XCellRange>> where;
        if (!formulas || formulas->whole_sheets.count(s.name)) {
            where.push_back(all);
        } else if (s.rows > static_cast<std::size_t>(DirectionSheet::kCodeRow)) {
            auto wanted = [&](std::size_t c) {
                const Cell& head = s.value(DirectionSheet::kCodeRow, c);
                return head.kind() == Cell::Kind::Text && formulas->codes.count(head.text()) > 0;
            };
            for (std::size_t c = 0; c < s.cols; ++c) {
                if (!wanted(c))
                    continue;
                std::size_t e = c;  // a run of wanted columns is one query
                while (e + 1 < s.cols && wanted(e + 1))
                    ++e;
                where.push_back(
                    sheet->getCellRangeByPosition(static_cast<sal_Int32>(c), 0, static_cast<sal_Int32>(e), end.EndRow));
                c = e;
            }
        }
        for (const auto& range : where) {
            const auto ranges = Reference<css::sheet::XCellRangesQuery>(range, UNO_QUERY_THROW)
                                    ->queryContentCells(css::sheet::CellFlags::FORMULA);
            for (const auto& a : ranges->getRangeAddresses())
                for (sal_Int32 r = a.StartRow; r <= a.EndRow && r <= end.EndRow; ++r)
                    for (sal_Int32 c = a.StartColumn; c <= a.EndColumn && c <= end.EndColumn; ++c)
                        s.formulas[static_cast<std::size_t>(r) * s.cols + static_cast<std::size_t>(c)] = 1;
        }
        if (cost) {
            const auto t3 = clock::now();
            const auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
            cost->cells += s.rows * s.cols;
            cost->data_array_ms += data_ms;
            cost->convert_ms += ms(t0, t2) - data_ms;  // what converting added to reading
            cost->formulas_ms += ms(t2, t3);
        }
        wb.sheets.push_back(std::move(s));
    }
    return wb;
}

namespace {

// 99.4 → «99,4», as Russian readers write it.
std::string decimal_comma(std::string s) {
    std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char ch : s)
        out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

// A constant for setFormulaArray: a text that could read as a formula or a
// number is written as a formula giving that text.
OUString constant(const std::string& s) {
    if (s.empty())
        return OUString();
    const char first = s[0];
    if (first == '=' || first == '+' || first == '-' || first == '\'' || (first >= '0' && first <= '9'))
        return from_utf8("=" + quoted(s));
    return from_utf8(s);
}

}  // namespace

Reference<css::sheet::XSpreadsheet> find_report_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                                      OUString* name) {
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    for (sal_Int32 i = 0; i < sheets->getCount(); ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        if (!is_report(sheet))
            continue;
        if (name)
            *name = Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName();
        return sheet;
    }
    return {};
}

OUString prepare_report_sheet(const Reference<css::sheet::XSpreadsheetDocument>& document) {
    auto sheets = document->getSheets();
    const sal_Int32 count = Reference<css::container::XIndexAccess>(sheets, UNO_QUERY_THROW)->getCount();
    OUString name;
    if (const auto sheet = find_report_sheet(document, &name); sheet.is()) {
        Reference<css::util::XProtectable> protection(sheet, UNO_QUERY_THROW);
        if (protection->isProtected()) {
            try {
                protection->unprotect(OUString());
            } catch (const css::uno::Exception&) {
                throw UserError("Отчёт проверки не записан: лист «" + to_utf8(name) +
                                "» с отчётом прошлой проверки защищён паролем. Снимите с него защиту (Сервис → "
                                "Защитить лист) или удалите этот лист и повторите проверку.");
            }
        }
        // Reused, not replaced: inserting or removing a sheet makes Calc
        // recompile every formula of the workbook.
        Reference<css::sheet::XSheetOperation>(sheet, UNO_QUERY_THROW)
            ->clearContents(css::sheet::CellFlags::VALUE | css::sheet::CellFlags::STRING |
                            css::sheet::CellFlags::FORMULA | css::sheet::CellFlags::DATETIME |
                            css::sheet::CellFlags::HARDATTR);
        Reference<css::container::XIndexAccess> all(sheets, UNO_QUERY_THROW);
        if (Reference<css::container::XNamed>(all->getByIndex(count - 1), UNO_QUERY_THROW)->getName() != name)
            sheets->moveByName(name, static_cast<sal_Int16>(count));  // the report stays the last sheet
        return name;
    }
    // A sheet of the user's may have the name (in any case): the next free one.
    name = from_utf8(kReportSheet);
    for (int n = 2; sheets->hasByName(name); ++n)
        name = from_utf8(std::string(kReportSheet) + " (" + std::to_string(n) + ")");
    sheets->insertNewByName(name, static_cast<sal_Int16>(count));
    return name;
}

void write_report(const Reference<css::sheet::XSpreadsheetDocument>& document, const OUString& name,
                  const ValidationReport& report) {
    Reference<css::sheet::XSpreadsheet> sheet(document->getSheets()->getByName(name), UNO_QUERY_THROW);
    std::vector<std::vector<OUString>> rows;
    const std::size_t width = kReportWidth;
    auto line = [&](std::vector<std::string> cells) {
        std::vector<OUString> row;
        for (auto& c : cells)
            row.push_back(constant(c));
        row.resize(width);
        rows.push_back(std::move(row));
    };
    line({"Проверка формы перед отправкой"});
    rows.back()[kMarkColumn] = OUString::createFromAscii(kReportMark);
    line({report.summary()});
    line({});
    line({"Заполненность обязательных полей по направлениям"});
    // In the wide columns of the findings below: sheet names and headers stay readable.
    line({"", "", "Лист", "Полей", "Заполнено", "%"});
    for (const auto& c : report.completeness)
        line({"", "", c.sheet, std::to_string(c.required), std::to_string(c.filled),
              decimal_comma(format_number(std::round(c.percent() * 10) / 10))});
    line({});
    const std::size_t header_row = rows.size();
    line({"№", "Уровень", "Лист", "Ячейка", "Организация", "Поле", "Значение", "Сообщение", "Правило"});
    std::size_t number = 0;
    for (const auto& f : report.findings) {
        ++number;
        std::vector<OUString> row;
        row.push_back(from_utf8(std::to_string(number)));
        row.push_back(from_utf8(severity_name(f.severity)));
        row.push_back(constant(f.sheet));
        if (f.row >= 0) {
            const std::string address = f.col >= 0 ? cell_address(f.row, f.col) : "A" + std::to_string(f.row + 1);
            // The link jumps to the cell.
            row.push_back(
                from_utf8("=HYPERLINK(" + quoted("#$'" + f.sheet + "'." + address) + ";" + quoted(address) + ")"));
        } else {
            row.push_back(OUString());
        }
        for (const std::string* s : {&f.organisation, &f.field, &f.value, &f.message, &f.rule})
            row.push_back(constant(*s));
        row.resize(width);
        rows.push_back(std::move(row));
    }
    Sequence<Sequence<OUString>> data(static_cast<sal_Int32>(rows.size()));
    for (std::size_t r = 0; r < rows.size(); ++r)
        data.getArray()[r] = Sequence<OUString>(rows[r].data(), static_cast<sal_Int32>(rows[r].size()));
    auto range =
        sheet->getCellRangeByPosition(0, 0, static_cast<sal_Int32>(width - 1), static_cast<sal_Int32>(rows.size() - 1));
    Reference<css::sheet::XCellRangeFormula>(range, UNO_QUERY_THROW)->setFormulaArray(data);

    // Readable: bold title and headers, widths for the message.
    auto bold = [&](sal_Int32 r0, sal_Int32 r1, sal_Int32 c1) {
        Reference<css::beans::XPropertySet>(sheet->getCellRangeByPosition(0, r0, c1, r1), UNO_QUERY_THROW)
            ->setPropertyValue("CharWeight", Any(150.0f));
    };
    bold(0, 1, 0);
    bold(4, 4, 5);
    bold(static_cast<sal_Int32>(header_row), static_cast<sal_Int32>(header_row), static_cast<sal_Int32>(width - 2));
    auto columns = Reference<css::table::XColumnRowRange>(sheet, UNO_QUERY_THROW)->getColumns();
    // Columns A–I fit a 1366-pixel screen at 100 %: the rule stays in view.
    const sal_Int32 widths[] = {1000, 3200, 5900, 2000, 2700, 3400, 2800, 10600, 4600, 1800};  // 1/100 mm
    for (sal_Int32 c = 0; c < static_cast<sal_Int32>(width); ++c)
        Reference<css::beans::XPropertySet>(columns->getByIndex(c), UNO_QUERY_THROW)
            ->setPropertyValue("Width", Any(widths[c]));
    Reference<css::beans::XPropertySet>(columns->getByIndex(kMarkColumn), UNO_QUERY_THROW)
        ->setPropertyValue("IsVisible", Any(false));
    // Messages wrap within their column; rows grow to fit, and every cell of a
    // row reads from its top line.
    Reference<css::beans::XPropertySet>(columns->getByIndex(7), UNO_QUERY_THROW)
        ->setPropertyValue("IsTextWrapped", Any(true));
    Reference<css::beans::XPropertySet>(range, UNO_QUERY_THROW)
        ->setPropertyValue("VertJustify", Any(sal_Int32(css::table::CellVertJustify2::TOP)));
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#include "snapshot.hxx"

#include "convert.hxx"
#include "guard.hxx"
#include "msoko/form.hpp"
#include "msoko/form_layout.hpp"
#include "report.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNamed.hpp>
#include <com/sun/star/sheet/CellFlags.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheets.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>

#include <algorithm>
#include <chrono>
#include <future>
#include <vector>

namespace msoko::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {
constexpr sal_Int32 kSnapshotBlockRows = 8192;
// 10 million cells (≈ 500 MB in memory): 4.5 times the benchmark's table of 100,000 schools.
constexpr std::size_t kMaxSheetCells = 10'000'000;
constexpr std::size_t kMaxWorkbookCells = 20'000'000;  // all sheets together
}  // namespace

FormulaPlaces computed_places(const Catalogue& catalogue) {
    // Independent of the register's slots: a layout without any says the same.
    const FormLayout layout = form_layout(catalogue, std::map<std::string, std::size_t>{});
    FormulaPlaces computed;
    computed.codes = layout.computed_codes();
    computed.sheet_columns[kIndicatorsSheet] = layout.indicator_computed_columns();
    return computed;
}

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
        if (is_report_sheet(sheet))
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
        const std::vector<int>* columns = nullptr;
        if (formulas)
            if (const auto it = formulas->sheet_columns.find(s.name); it != formulas->sheet_columns.end())
                columns = &it->second;
        if (!formulas || formulas->whole_sheets.count(s.name)) {
            where.push_back(all);
        } else if (columns) {
            const std::vector<int>& cols = *columns;
            for (std::size_t k = 0; k < cols.size(); ++k) {
                std::size_t e = k;  // a run of adjacent columns is one query
                while (e + 1 < cols.size() && cols[e + 1] == cols[e] + 1)
                    ++e;
                if (cols[k] <= end.EndColumn)
                    where.push_back(
                        sheet->getCellRangeByPosition(cols[k], 0, std::min(cols[e], end.EndColumn), end.EndRow));
                k = e;
            }
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

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#include "snapshot.hxx"

#include "collection_sheet.hxx"
#include "convert.hxx"
#include "guard.hxx"
#include "msoko/form.hpp"
#include "msoko/form_layout.hpp"
#include "report.hxx"
#include "utf8.hxx"

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
#include <condition_variable>
#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <vector>

namespace msoko::uno {

using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;

namespace {
// Small enough that what is left for the check after the last block is little.
constexpr sal_Int32 kSnapshotBlockRows = 4096;
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

namespace {

using Block = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// The rows of one sheet as they arrive: the reader (on the UNO thread) hands
// over each block getDataArray returned, whole and never touched again; the
// thread that waits for a row (the worker) turns the blocks up to it into the
// sheet's cells, in order, and publishes them. A row is written once, before
// it is published, and only read after.
class Arrival final : public RowArrival {
public:
    explicit Arrival(SheetSnapshot& s) : s_(s) {}

    /// The reader: rows [first, first + block's rows) of the sheet.
    void push(std::size_t first, Block block) {
        const std::lock_guard<std::mutex> lock(m_);
        blocks_.emplace_back(first, std::move(block));
        cv_.notify_all();
    }
    /// The reader: no more blocks (the sheet is read, or the reading was given
    /// up: the rows not handed over stay empty).
    void close() {
        const std::lock_guard<std::mutex> lock(m_);
        closed_ = true;
        cv_.notify_all();
    }
    void wait(std::size_t rows) const override {
        rows = std::min(rows, s_.rows);
        std::unique_lock<std::mutex> lock(m_);
        while (converted_ < rows) {
            if (converting_) {
                cv_.wait(lock);
            } else if (!allocated_) {
                // The cells are made here, by the first one to wait, not by
                // the reader: no one reads them before this (nor a row before it
                // is published), and the reader goes on reading meanwhile.
                converting_ = true;
                lock.unlock();
                try {
                    s_.values.resize(s_.rows * s_.cols);
                } catch (...) {
                    lock.lock();
                    converting_ = false;
                    cv_.notify_all();
                    throw;
                }
                lock.lock();
                converting_ = false;
                allocated_ = true;
                cv_.notify_all();
            } else if (!blocks_.empty()) {
                auto [first, block] = std::move(blocks_.front());
                blocks_.pop_front();
                converting_ = true;
                lock.unlock();
                const auto t0 = Clock::now();
                const std::size_t end = first + static_cast<std::size_t>(block.getLength());
                try {
                    convert(first, block);
                } catch (...) {
                    lock.lock();
                    finish_block(s_.rows, 0);  // what is left stays empty
                    throw;
                }
                block = Block();  // released here, off the reader's thread
                const double ms = ms_since(t0);
                lock.lock();
                finish_block(end, ms);
            } else if (closed_) {
                finish_block(s_.rows, 0);
            } else {
                cv_.wait(lock);
            }
        }
    }
    /// Time spent turning the blocks into cells (once all have been).
    double convert_ms() const {
        const std::lock_guard<std::mutex> lock(m_);
        return convert_ms_;
    }

private:
    void convert(std::size_t first, const Block& block) const {
        Cell* out = s_.values.data() + first * s_.cols;
        for (const auto& row : block) {
            const std::size_t n = std::min(static_cast<std::size_t>(row.getLength()), s_.cols);
            for (std::size_t c = 0; c < n; ++c)
                out[c] = to_cell(row[static_cast<sal_Int32>(c)]);
            out += s_.cols;
        }
    }
    // Under the lock: the rows up to `end` are in the sheet.
    void finish_block(std::size_t end, double ms) const {
        converting_ = false;
        converted_ = std::min(std::max(converted_, end), s_.rows);
        convert_ms_ += ms;
        ready.store(converted_, std::memory_order_release);
        cv_.notify_all();
    }

    SheetSnapshot& s_;
    mutable std::mutex m_;
    mutable std::condition_variable cv_;
    mutable std::deque<std::pair<std::size_t, Block>> blocks_;
    mutable std::size_t converted_ = 0;
    mutable bool converting_ = false;  // one thread is making cells, outside the lock
    mutable bool allocated_ = false;   // the sheet's cells are made
    mutable double convert_ms_ = 0;
    bool closed_ = false;
};

// A sheet to read: where it is in the document and how much of it is used.
struct ToRead {
    sal_Int32 index;
    Reference<css::sheet::XSpreadsheet> sheet;
    css::table::CellRangeAddress end;
};

// Which cells of sheet `s` hold formulas, from the office's ranges (a column
// of formulas is one range), far cheaper than every cell's formula text; only
// in the columns asked for (by their code in the form's code row, which is in
// `first`, the sheet's first block of rows).
void find_formulas(const ToRead& t, SheetSnapshot& s, const Block& first, const FormulaPlaces* formulas) {
    std::vector<Reference<css::table::XCellRange>> where;
    const sal_Int32 last_row = t.end.EndRow, last_col = t.end.EndColumn;
    const std::vector<int>* columns = nullptr;
    if (formulas)
        if (const auto it = formulas->sheet_columns.find(s.name); it != formulas->sheet_columns.end())
            columns = &it->second;
    if (!formulas || formulas->whole_sheets.count(s.name)) {
        where.push_back(t.sheet->getCellRangeByPosition(0, 0, last_col, last_row));
    } else if (columns) {
        const std::vector<int>& cols = *columns;
        for (std::size_t k = 0; k < cols.size(); ++k) {
            std::size_t e = k;  // a run of adjacent columns is one query
            while (e + 1 < cols.size() && cols[e + 1] == cols[e] + 1)
                ++e;
            if (cols[k] <= last_col)
                where.push_back(t.sheet->getCellRangeByPosition(cols[k], 0, std::min(cols[e], last_col), last_row));
            k = e;
        }
    } else if (first.getLength() > DirectionSheet::kCodeRow) {
        const auto& code_row = first[DirectionSheet::kCodeRow];
        auto wanted = [&](std::size_t c) {
            if (c >= static_cast<std::size_t>(code_row.getLength()))
                return false;
            const Cell head = to_cell(code_row[static_cast<sal_Int32>(c)]);
            return head.kind() == Cell::Kind::Text && formulas->codes.count(head.text()) > 0;
        };
        for (std::size_t c = 0; c < s.cols; ++c) {
            if (!wanted(c))
                continue;
            std::size_t e = c;  // a run of wanted columns is one query
            while (e + 1 < s.cols && wanted(e + 1))
                ++e;
            where.push_back(
                t.sheet->getCellRangeByPosition(static_cast<sal_Int32>(c), 0, static_cast<sal_Int32>(e), last_row));
            c = e;
        }
    }
    for (const auto& range : where) {
        const auto ranges = Reference<css::sheet::XCellRangesQuery>(range, UNO_QUERY_THROW)
                                ->queryContentCells(css::sheet::CellFlags::FORMULA);
        for (const auto& a : ranges->getRangeAddresses())
            for (sal_Int32 r = a.StartRow; r <= a.EndRow && r <= last_row; ++r)
                for (sal_Int32 c = a.StartColumn; c <= a.EndColumn && c <= last_col; ++c)
                    s.formulas[static_cast<std::size_t>(r) * s.cols + static_cast<std::size_t>(c)] = 1;
    }
}

}  // namespace

WorkbookSnapshot snapshot(const Reference<css::sheet::XSpreadsheetDocument>& document,
                          const Reference<css::task::XStatusIndicator>& progress, ReadCost* cost,
                          const FormulaPlaces* formulas,
                          const std::function<void(const WorkbookSnapshot&)>& while_reading) {
    // First every sheet's name and used area, so that the snapshot is laid
    // out (and a sheet too large refused) before any row is read.
    WorkbookSnapshot wb;
    std::vector<ToRead> to_read;
    std::size_t total_cells = 0;
    Reference<css::container::XIndexAccess> sheets(document->getSheets(), UNO_QUERY_THROW);
    const sal_Int32 n = sheets->getCount();
    for (sal_Int32 i = 0; i < n; ++i) {
        Reference<css::sheet::XSpreadsheet> sheet(sheets->getByIndex(i), UNO_QUERY_THROW);
        SheetSnapshot s;
        s.name = to_utf8(Reference<css::container::XNamed>(sheet, UNO_QUERY_THROW)->getName());
        if (is_report_sheet(sheet) || is_collection_sheet(sheet))  // the check's and the merge's own sheets
            continue;
        auto cursor = sheet->createCursor();
        Reference<css::sheet::XUsedAreaCursor>(cursor, UNO_QUERY_THROW)->gotoEndOfUsedArea(false);
        const auto end = Reference<css::sheet::XCellRangeAddressable>(cursor, UNO_QUERY_THROW)->getRangeAddress();
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
        wb.sheets.push_back(std::move(s));
        to_read.push_back({i, sheet, end});
    }
    // Laid out once: the worker reads these while this thread hands over
    // rows, so none of them is resized by this thread from here on (a sheet's
    // values are made by the worker, see Arrival::wait).
    std::vector<std::unique_ptr<Arrival>> arrivals;
    for (auto& s : wb.sheets) {
        s.formulas.assign(s.rows * s.cols, 0);  // written here (find_formulas); the values by the worker
        arrivals.push_back(std::make_unique<Arrival>(s));
        s.arrival = arrivals.back().get();
    }
    auto worker = std::async(std::launch::async, [&wb, &arrivals, &while_reading] {
        if (while_reading)
            while_reading(wb);
        for (std::size_t k = 0; k < arrivals.size(); ++k)  // the rows nobody asked for
            arrivals[k]->wait(wb.sheets[k].rows);
    });
    double data_ms = 0, formulas_ms = 0;
    try {
        for (std::size_t k = 0; k < to_read.size(); ++k) {
            const ToRead& t = to_read[k];
            SheetSnapshot& s = wb.sheets[k];
            if (progress.is())
                progress->setValue(t.index);
            for (sal_Int32 first = 0; first <= t.end.EndRow; first += kSnapshotBlockRows) {
                const sal_Int32 last = std::min(t.end.EndRow, first + kSnapshotBlockRows - 1);
                const auto before = Clock::now();
                Block data = Reference<css::sheet::XCellRangeData>(
                                 t.sheet->getCellRangeByPosition(0, first, t.end.EndColumn, last), UNO_QUERY_THROW)
                                 ->getDataArray();
                data_ms += ms_since(before);
                if (first == 0) {  // the formulas before any row is handed over
                    const auto t0 = Clock::now();
                    find_formulas(t, s, data, formulas);
                    formulas_ms += ms_since(t0);
                }
                arrivals[k]->push(static_cast<std::size_t>(first), std::move(data));
            }
            arrivals[k]->close();
        }
    } catch (...) {
        // The worker waits for rows that will not come: let it finish on
        // empty ones, and give up its result.
        for (auto& a : arrivals)
            a->close();
        worker.wait();
        throw;
    }
    const auto read_end = Clock::now();
    worker.get();  // the check's own exception, if any, is thrown here
    const double wait_ms = ms_since(read_end);
    double convert_ms = 0;
    for (std::size_t k = 0; k < wb.sheets.size(); ++k) {
        convert_ms += arrivals[k]->convert_ms();
        wb.sheets[k].arrival = nullptr;
    }
    if (cost) {
        for (const auto& s : wb.sheets)
            cost->cells += s.rows * s.cols;
        cost->data_array_ms += data_ms;
        cost->convert_ms += convert_ms;
        cost->formulas_ms += formulas_ms;
        cost->worker_wait_ms += wait_ms;
    }
    return wb;
}

WorkbookSnapshot snapshot_shown(const Reference<css::sheet::XSpreadsheetDocument>& document,
                                const Reference<css::task::XStatusIndicator>& progress, const std::string& message) {
    if (progress.is())
        progress->start(from_utf8(message),
                        Reference<css::container::XIndexAccess>(document->getSheets(), UNO_QUERY_THROW)->getCount());
    struct End {
        const Reference<css::task::XStatusIndicator>& p;
        ~End() {
            if (p.is())
                p->end();
        }
    } end{progress};
    return snapshot(document, progress);
}

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
// The core's check alone on a large table: a snapshot of a form of the
// shipped catalogue whose direction table (the one whose school rows have
// closest to 10 typed fields and no linked ones, as `msoko-bench --only 4`
// picks) holds N registered schools, each with the same figures, and
// validate() timed on it. No office: this is what the check costs after the
// reading, for profiling (`perf record -g build/tests/msoko-check-bench`).
//
//   msoko-check-bench [--rows N] [--runs N]
#include "msoko/catalogue.hpp"
#include "msoko/form.hpp"
#include "msoko/validation.hpp"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

using msoko::Cell;
using msoko::SheetSnapshot;

SheetSnapshot grid(const std::string& name, std::size_t rows, std::size_t cols) {
    return SheetSnapshot::blank(name, rows, cols);
}

void put(SheetSnapshot& s, std::size_t r, std::size_t c, Cell v, bool formula = false) {
    s.set(r, c, std::move(v), formula);
}

// A value of a field that reads as its type.
Cell filled(const msoko::Field& f) {
    switch (f.type) {
        case msoko::FieldType::Count:
        case msoko::FieldType::Number:
            return Cell::number(10);
        case msoko::FieldType::YesNo:
            return Cell::text("да");
        case msoko::FieldType::Date:
            return Cell::text("2025-05-20");
        case msoko::FieldType::Text:
            return Cell::text("№ 12");
        case msoko::FieldType::Link:
            return Cell::text("https://example.ru/npa");
    }
    return Cell::empty();
}

const msoko::DirectionSheet& pick(const msoko::FormLayout& layout) {
    const msoko::DirectionSheet* best = nullptr;
    std::size_t best_inputs = 0;
    for (const auto& ds : layout.directions) {
        std::size_t inputs = 0, linked = 0;
        for (const auto& fc : ds.columns) {
            inputs += fc.kind == msoko::FormColumn::Kind::Input && fc.field->concerns("school");
            linked += fc.kind == msoko::FormColumn::Kind::Linked;
        }
        const auto distance = [](std::size_t n) { return n > 10 ? n - 10 : 10 - n; };
        if (!linked && (!best || distance(inputs) < distance(best_inputs))) {
            best = &ds;
            best_inputs = inputs;
        }
    }
    return *best;
}

msoko::WorkbookSnapshot big_form(const msoko::Catalogue& c, std::size_t schools, std::string& table) {
    const msoko::FormLayout small = msoko::form_layout(c, std::map<std::string, std::size_t>{});
    const std::string direction = pick(small).direction->id;
    const msoko::FormLayout layout = msoko::form_layout(c, {{"school", schools}});
    msoko::WorkbookSnapshot wb;

    SheetSnapshot passport = grid(msoko::kPassportSheet, 20, 2);
    put(passport, 5, 0, Cell::text("Отчётный период"));
    put(passport, 5, 1, Cell::text("2024/2025 учебный год"));
    put(passport, 11, 0, Cell::text("Число общеобразовательных организаций (ОО)"));
    put(passport, 11, 1, Cell::number(static_cast<double>(schools)));
    put(passport, 13, 0, Cell::text("Каталог показателей"));
    put(passport, 13, 1, Cell::text(c.info.id));
    put(passport, 14, 0, Cell::text("Версия каталога"));
    put(passport, 14, 1, Cell::text(c.info.version));
    wb.sheets.push_back(std::move(passport));

    SheetSnapshot reg = grid(msoko::kRegisterSheet, 3 + schools, 6);
    for (std::size_t i = 0; i < schools; ++i) {
        const std::string code = std::to_string(500000 + i);
        put(reg, 3 + i, 0, Cell::text(code));
        put(reg, 3 + i, 1, Cell::text("Муниципальная школа № " + code));
        put(reg, 3 + i, 2, Cell::text("Школа № " + code));
        put(reg, 3 + i, 3, Cell::text("ОО"));
        put(reg, 3 + i, 4, Cell::text("нет"));
        put(reg, 3 + i, 5, Cell::text("нет"));
    }
    wb.sheets.push_back(std::move(reg));

    for (const auto& ds : layout.directions) {
        const bool big = ds.direction->id == direction;
        if (big)
            table = ds.sheet;
        const std::size_t rows = big ? static_cast<std::size_t>(ds.total_row() + 1)
                                     : static_cast<std::size_t>(msoko::DirectionSheet::kCodeRow + 3);
        SheetSnapshot s = grid(ds.sheet, rows, ds.columns.size());
        for (std::size_t col = 0; col < ds.columns.size(); ++col)
            put(s, msoko::DirectionSheet::kCodeRow, col, Cell::text(ds.columns[col].code));
        if (big) {
            for (std::size_t i = 0; i < ds.rows.size(); ++i) {
                const std::size_t r = static_cast<std::size_t>(ds.first_row()) + i;
                const msoko::FormRow& fr = ds.rows[i];
                const std::string code = fr.municipal ? msoko::kMunicipalityCode : std::to_string(500000 + fr.slot);
                put(s, r, 0, Cell::text(code), !fr.municipal);
                put(s, r, 1, Cell::text(fr.municipal ? "Муниципальный уровень" : "Школа № " + code), !fr.municipal);
                put(s, r, 2, Cell::text(fr.municipal ? "УО" : "ОО"), !fr.municipal);
                put(s, r, 3, Cell(), !fr.municipal);
                for (std::size_t col = msoko::DirectionSheet::kFixedColumns; col < ds.columns.size(); ++col) {
                    const msoko::FormColumn& fc = ds.columns[col];
                    const msoko::CellRole role = ds.role(col, fr);
                    if (role == msoko::CellRole::Typed)
                        put(s, r, col, filled(*fc.field));
                    else if (role == msoko::CellRole::Computed)
                        put(s, r, col, Cell::number(10), true);
                }
            }
            put(s, static_cast<std::size_t>(ds.total_row()), 1, Cell::text("Итого по муниципалитету"));
        }
        wb.sheets.push_back(std::move(s));
    }
    wb.sheets.push_back(grid(msoko::kIndicatorsSheet, 4, 10));
    return wb;
}

// Rows published by another thread, as snapshot() publishes them.
class Feeder final : public msoko::RowArrival {
public:
    void wait(std::size_t rows) const override {
        std::unique_lock<std::mutex> lock(m_);
        cv_.wait(lock, [&] { return ready.load(std::memory_order_relaxed) >= rows; });
    }
    void publish(std::size_t rows) {
        const std::lock_guard<std::mutex> lock(m_);
        ready.store(rows, std::memory_order_release);
        cv_.notify_all();
    }

private:
    mutable std::mutex m_;
    mutable std::condition_variable cv_;
};

// What is left of validate() once the last block of rows (4,096, as
// snapshot() reads them) of the big table has arrived: everything before it
// is published at once, the rest 300 ms later (time enough for the rest).
double tail_ms(const msoko::Catalogue& c, msoko::WorkbookSnapshot& wb, const std::string& table) {
    std::vector<std::unique_ptr<Feeder>> feeders;
    std::size_t big = 0;
    for (std::size_t k = 0; k < wb.sheets.size(); ++k) {
        feeders.push_back(std::make_unique<Feeder>());
        wb.sheets[k].arrival = feeders.back().get();
        if (wb.sheets[k].name == table)
            big = k;
    }
    std::chrono::steady_clock::time_point last;
    std::thread feeding([&] {
        for (std::size_t k = 0; k < big; ++k)
            feeders[k]->publish(wb.sheets[k].rows);
        const std::size_t rows = wb.sheets[big].rows;
        feeders[big]->publish(rows > 4096 ? rows - 4096 : 0);
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        last = std::chrono::steady_clock::now();
        feeders[big]->publish(rows);
        for (std::size_t k = big + 1; k < wb.sheets.size(); ++k)
            feeders[k]->publish(wb.sheets[k].rows);
    });
    const msoko::ValidationReport report = msoko::validate(c, wb);
    const auto end = std::chrono::steady_clock::now();
    feeding.join();
    for (auto& s : wb.sheets)
        s.arrival = nullptr;
    return std::chrono::duration<double, std::milli>(end - last).count();
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t rows = 100000;
    int runs = 7;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--rows") && i + 1 < argc) {
            rows = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
        } else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: msoko-check-bench [--rows N] [--runs N]\n");
            return 2;
        }
    }
    try {
        const msoko::Catalogue c = msoko::read_catalogue(MSOKO_BENCH_CATALOGUE);
        std::string table;
        msoko::WorkbookSnapshot wb = big_form(c, rows, table);
        std::size_t cells = 0;
        for (const auto& s : wb.sheets)
            cells += s.rows * s.cols;
        std::vector<double> ms;
        std::size_t findings = 0;
        for (int i = 0; i < runs; ++i) {
            const auto t0 = std::chrono::steady_clock::now();
            const msoko::ValidationReport report = msoko::validate(c, wb);
            ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
            findings = report.findings.size();
            if (i == 0)
                std::printf("  %s\n", report.summary().c_str());
        }
        std::sort(ms.begin(), ms.end());
        std::printf(
            "validate() on «%s», %zu schools, %zu cells in all: median %.1f ms, best %.1f ms (%d runs); "
            "%zu findings\n",
            table.c_str(), rows, cells, ms[ms.size() / 2], ms.front(), runs, findings);
        std::vector<double> tails;
        for (int i = 0; i < runs; ++i)
            tails.push_back(tail_ms(c, wb, table));
        std::sort(tails.begin(), tails.end());
        std::printf(
            "what is left after the last 4,096 rows arrive (checked while reading): median %.1f ms, best "
            "%.1f ms\n",
            tails[tails.size() / 2], tails.front());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "msoko-check-bench: %s\n", e.what());
        return 1;
    }
}

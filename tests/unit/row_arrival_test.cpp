// SPDX-License-Identifier: MPL-2.0
// The check on a snapshot whose rows arrive while it runs (as snapshot()
// hands them over, addin/uno/snapshot.cxx): value() and is_formula() wait for
// their row, and the report is the one of the complete snapshot.
#include "validation_support.hpp"

#include <condition_variable>
#include <mutex>
#include <thread>

namespace msoko::test {
namespace {

// Rows published by a feeding thread, `block` rows at a time.
class Feeder final : public RowArrival {
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

// The form with a few mistakes, so that the report has findings of several families.
WorkbookSnapshot form_with_mistakes() {
    WorkbookSnapshot wb = form();
    const auto [r1, c1] = where("1.1", "101", "pupils");
    put(sheet(wb, layout_of("1.1").sheet), r1, c1, T("40 чел."));
    const auto [r2, c2] = where("1.1", "102", "passed");
    put(sheet(wb, layout_of("1.1").sheet), r2, c2, N(400));
    return wb;
}

std::vector<std::string> lines(const ValidationReport& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings)
        out.push_back(f.id + " " + f.sheet + " " + std::to_string(f.row) + ":" + std::to_string(f.col) + " " + f.value +
                      " " + f.message);
    return out;
}

void check_while_arriving(std::size_t block) {
    const WorkbookSnapshot complete = form_with_mistakes();
    const ValidationReport expected = validate(mini(), complete);
    ASSERT_FALSE(expected.findings.empty());

    // The same sheets laid out, their cells empty until their rows arrive.
    WorkbookSnapshot arriving = complete;
    std::vector<std::unique_ptr<Feeder>> feeders;
    for (auto& s : arriving.sheets) {
        std::fill(s.values.begin(), s.values.end(), Cell());
        std::fill(s.formulas.begin(), s.formulas.end(), 0);
        feeders.push_back(std::make_unique<Feeder>());
        s.arrival = feeders.back().get();
    }
    std::thread feeding([&] {
        for (std::size_t k = 0; k < arriving.sheets.size(); ++k) {
            SheetSnapshot& s = arriving.sheets[k];
            const SheetSnapshot& from = complete.sheets[k];
            for (std::size_t first = 0; first < s.rows; first += block) {
                const std::size_t last = std::min(s.rows, first + block);
                for (std::size_t i = first * s.cols; i < last * s.cols; ++i) {
                    s.values[i] = from.values[i];
                    s.formulas[i] = from.formulas[i];
                }
                feeders[k]->publish(last);
                std::this_thread::yield();
            }
        }
    });
    const ValidationReport got = validate(mini(), arriving);
    feeding.join();
    for (auto& s : arriving.sheets)
        s.arrival = nullptr;
    EXPECT_EQ(lines(got), lines(expected));
    EXPECT_EQ(got.summary(), expected.summary());
    ASSERT_EQ(got.completeness.size(), expected.completeness.size());
    for (std::size_t i = 0; i < got.completeness.size(); ++i)
        EXPECT_EQ(got.completeness[i].filled, expected.completeness[i].filled);
}

TEST(RowArrival, TheCheckOfRowsAsTheyArriveFindsWhatTheCompleteSnapshotHas) {
    check_while_arriving(1);
    check_while_arriving(3);
    check_while_arriving(1000);
}

TEST(RowArrival, AValueWaitsForItsRow) {
    SheetSnapshot s = grid("Лист", 4, 2);
    Feeder feeder;
    s.arrival = &feeder;
    std::thread feeding([&] {
        s.values[3 * 2 + 1] = N(7);
        s.formulas[3 * 2 + 1] = 1;
        feeder.publish(4);
    });
    EXPECT_EQ(s.value(3, 1), N(7));  // waits for the fourth row
    EXPECT_TRUE(s.is_formula(3, 1));
    EXPECT_TRUE(s.value(9, 9).is_empty());  // outside the sheet: no wait
    feeding.join();
}

}  // namespace
}  // namespace msoko::test

// SPDX-License-Identifier: MPL-2.0
// The pool of offices (cli/office/pool.hxx) in real headless LibreOffices:
// tasks spread over two offices that are reused, a task that kills its own
// office and one that hangs it fail alone, and the run goes on in new offices.
// The offices run without the extension: the pool does not need it, and each
// start costs a second less.

#include "office/pool.hxx"
#include "utf8.hxx"

#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <signal.h>

namespace {

namespace fs = std::filesystem;
using msoko::office::Office;
using msoko::office::PoolOptions;
using msoko::office::TaskOutcome;
using namespace std::chrono_literals;

const fs::path kWorkbook = fs::path(MSOKO_TEST_FIXTURES) / "share.fods";

/// Opens the small workbook, counts its sheets, closes it.
int open_and_count(Office& office) {
    auto doc = office.open(kWorkbook, Office::Access::ReadOnly);
    css::uno::Reference<css::container::XIndexAccess> sheets(doc->getSheets(), css::uno::UNO_QUERY_THROW);
    const int count = sheets->getCount();
    Office::close(doc);
    return count;
}

struct Record {
    std::mutex mutex;
    std::map<std::size_t, pid_t> pid_of;  // task → the office it ran on
    std::vector<std::size_t> done_counts;
};

TEST(Pool, TwoOfficesShareFiveTasksAndAreReused) {
    PoolOptions options;
    options.jobs = 2;
    Record record;
    const auto start = std::chrono::steady_clock::now();
    const auto outcomes = msoko::office::run_in_offices(
        options, 5,
        [&](std::size_t i, Office& office) {
            EXPECT_GT(open_and_count(office), 0);
            std::lock_guard lock(record.mutex);
            record.pid_of[i] = office.pid();
        },
        [&](std::size_t, const TaskOutcome&, std::size_t count) { record.done_counts.push_back(count); });
    ASSERT_EQ(outcomes.size(), 5u);
    std::set<pid_t> offices;
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_TRUE(outcomes[i].ok) << i << ": " << outcomes[i].error;
        EXPECT_FALSE(outcomes[i].office_lost);
        EXPECT_GT(outcomes[i].seconds, 0.0);
        offices.insert(record.pid_of.at(i));
    }
    // Five tasks on at most two offices: each office took several.
    EXPECT_LE(offices.size(), 2u);
    EXPECT_EQ(record.done_counts, (std::vector<std::size_t>{1, 2, 3, 4, 5}));
    std::cerr << "5 tasks on 2 offices: "
              << std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() << " s\n";
}

TEST(Pool, FewerTasksThanJobsStartFewerOffices) {
    EXPECT_EQ(msoko::office::pool_size(4, 1), 1u);
    EXPECT_EQ(msoko::office::pool_size(2, 5), 2u);
    EXPECT_EQ(msoko::office::pool_size(3, 0), 0u);
    EXPECT_GE(msoko::office::pool_size(0, 1000), 1u);
    // No task: no office, no outcome.
    EXPECT_TRUE(msoko::office::run_in_offices({}, 0, [](std::size_t, Office&) {}).empty());
}

// One office: a task that throws fails alone and the office stays; a task
// that kills its office fails with office_lost, and the next run on a new one.
TEST(Pool, AThrowingTaskFailsAloneAKilledOfficeIsReplaced) {
    PoolOptions options;
    options.jobs = 1;
    std::vector<pid_t> pids(5);
    const auto outcomes = msoko::office::run_in_offices(options, 5, [&](std::size_t i, Office& office) {
        pids[i] = office.pid();
        if (i == 1)
            throw std::runtime_error("задача не удалась / the task failed");
        if (i == 2) {
            kill(office.pid(), SIGKILL);
            std::this_thread::sleep_for(200ms);
        }
        open_and_count(office);
    });
    EXPECT_TRUE(outcomes[0].ok) << outcomes[0].error;
    EXPECT_FALSE(outcomes[1].ok);
    EXPECT_FALSE(outcomes[1].office_lost);
    EXPECT_EQ(outcomes[1].error, "задача не удалась / the task failed");
    EXPECT_FALSE(outcomes[2].ok);
    EXPECT_TRUE(outcomes[2].office_lost);
    EXPECT_NE(outcomes[2].error.find("LibreOffice неожиданно завершился"), std::string::npos) << outcomes[2].error;
    EXPECT_TRUE(outcomes[3].ok) << outcomes[3].error;
    EXPECT_TRUE(outcomes[4].ok) << outcomes[4].error;
    EXPECT_EQ(pids[0], pids[1]);  // the office stayed after the task that threw
    EXPECT_EQ(pids[1], pids[2]);
    EXPECT_NE(pids[2], pids[3]);  // a new office after the crash
    EXPECT_EQ(pids[3], pids[4]);
}

TEST(Pool, AHungOfficeIsKilledAfterTheTimeLimitAndTheRunGoesOn) {
    PoolOptions options;
    options.jobs = 2;
    options.time_limit = 3s;
    std::mutex mutex;
    std::map<std::size_t, pid_t> pids;
    const auto start = std::chrono::steady_clock::now();
    const auto outcomes = msoko::office::run_in_offices(options, 4, [&](std::size_t i, Office& office) {
        {
            std::lock_guard lock(mutex);
            pids[i] = office.pid();
        }
        if (i == 0) {
            // Holds the office past the limit, then calls it: the watchdog has killed it.
            std::this_thread::sleep_for(4s);
        }
        open_and_count(office);
    });
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_FALSE(outcomes[0].ok);
    EXPECT_TRUE(outcomes[0].office_lost);
    EXPECT_NE(outcomes[0].error.find("LibreOffice перестал отвечать (задача дольше 3 с)"), std::string::npos)
        << outcomes[0].error;
    EXPECT_GE(outcomes[0].seconds, 3.0);
    for (std::size_t i = 1; i < 4; ++i)
        EXPECT_TRUE(outcomes[i].ok) << i << ": " << outcomes[i].error;
    // The other office went on meanwhile; the whole run took about the hang, not a time limit per task.
    EXPECT_LT(seconds, 40.0);
    EXPECT_NE(kill(pids[0], 0), 0) << "the hung office is gone";
}

TEST(Pool, AUnoCallBlockedInAStoppedOfficeIsEndedByTheWatchdog) {
    PoolOptions options;
    options.jobs = 1;
    options.time_limit = 3s;
    std::vector<pid_t> pids(2);
    const auto outcomes = msoko::office::run_in_offices(options, 2, [&](std::size_t i, Office& office) {
        pids[i] = office.pid();
        if (i == 0)
            kill(office.pid(), SIGSTOP);  // the office stops answering: the call below waits for it
        open_and_count(office);
    });
    EXPECT_FALSE(outcomes[0].ok);
    EXPECT_TRUE(outcomes[0].office_lost);
    EXPECT_NE(outcomes[0].error.find("LibreOffice перестал отвечать"), std::string::npos) << outcomes[0].error;
    EXPECT_GE(outcomes[0].seconds, 3.0);
    EXPECT_LT(outcomes[0].seconds, 20.0);
    EXPECT_TRUE(outcomes[1].ok) << outcomes[1].error;
    EXPECT_NE(pids[0], pids[1]);
}

TEST(Pool, NoOfficeCanStartThrows) {
    PoolOptions options;
    options.jobs = 2;
    options.office.extension = "/no/such/extension.oxt";
    bool ran = false;
    EXPECT_THROW(msoko::office::run_in_offices(options, 3, [&](std::size_t, Office&) { ran = true; }),
                 msoko::office::OfficeError);
    EXPECT_FALSE(ran);
}

}  // namespace

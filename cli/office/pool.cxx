// SPDX-License-Identifier: MPL-2.0
#include "office/pool.hxx"

#include "utf8.hxx"

#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/uno/Exception.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <sys/wait.h>
#include <csignal>

namespace msoko::office {

namespace {

using Clock = std::chrono::steady_clock;

/// Is our child `pid` still running? Asked without reaping it: the Office
/// that started it reaps it when it shuts down (so that its pid cannot be
/// reused while the watchdog may still kill it).
bool running(pid_t pid) {
    if (pid <= 0)
        return false;
    siginfo_t info{};
    if (waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0)
        return false;
    return info.si_pid == 0;
}

/// Kills the office of a task that runs past its deadline. Each worker opens a
/// watch when its task starts and closes it when the task returns; a kill only
/// ever happens between the two, under the mutex, so it never reaches an
/// office that has been shut down (and its pid reaped and reused).
class Watchdog {
public:
    Watchdog(std::size_t workers, std::chrono::seconds limit) : watches_(workers), limit_(limit) {
        thread_ = std::thread([this] { loop(); });
    }
    ~Watchdog() {
        {
            std::lock_guard lock(mutex_);
            stop_ = true;
        }
        changed_.notify_all();
        thread_.join();
    }
    Watchdog(const Watchdog&) = delete;
    Watchdog& operator=(const Watchdog&) = delete;

    void begin(std::size_t worker, pid_t pid) {
        {
            std::lock_guard lock(mutex_);
            watches_[worker] = {pid, Clock::now() + limit_, true, false};
        }
        changed_.notify_all();
    }
    /// Closes the watch; true when the office was killed during the task.
    bool end(std::size_t worker) {
        std::lock_guard lock(mutex_);
        watches_[worker].active = false;
        return watches_[worker].killed;
    }

private:
    struct Watch {
        pid_t pid = -1;
        Clock::time_point deadline;
        bool active = false;
        bool killed = false;
    };

    void loop() {
        std::unique_lock lock(mutex_);
        while (!stop_) {
            const auto now = Clock::now();
            std::optional<Clock::time_point> next;
            for (auto& w : watches_) {
                if (!w.active || w.killed)
                    continue;
                if (w.deadline <= now) {
                    // The group first (helpers of the office), then the office itself.
                    kill(-w.pid, SIGKILL);
                    kill(w.pid, SIGKILL);
                    w.killed = true;
                } else if (!next || w.deadline < *next) {
                    next = w.deadline;
                }
            }
            if (next)
                changed_.wait_until(lock, *next);
            else
                changed_.wait(lock);
        }
    }

    std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Watch> watches_;
    std::chrono::seconds limit_;
    bool stop_ = false;
    std::thread thread_;
};

std::string hung_message(std::chrono::seconds limit) {
    const std::string s = std::to_string(limit.count());
    return "LibreOffice перестал отвечать (задача дольше " + s +
           " с), был остановлен и перезапущен / LibreOffice "
           "stopped responding (the task took longer than " +
           s + " s) and was restarted";
}

constexpr const char* kCrashed =
    "LibreOffice неожиданно завершился во время задачи и был перезапущен / LibreOffice crashed during the task and "
    "was restarted";

/// Why an office did not start, from the exception being handled.
std::string start_failure() {
    try {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    } catch (const css::uno::Exception& e) {
        return "LibreOffice не запустился / LibreOffice did not start: " +
               without_source_locations(msoko::uno::to_utf8(e.Message));
    } catch (...) {
        return "LibreOffice не запустился / LibreOffice did not start";
    }
}

}  // namespace

std::size_t pool_size(std::size_t jobs, std::size_t n) {
    if (jobs == 0)
        jobs = std::max<std::size_t>(1, std::thread::hardware_concurrency());
    return std::min(jobs, n);
}

std::vector<TaskOutcome> run_in_offices(const PoolOptions& options, std::size_t n,
                                        const std::function<void(std::size_t, Office&)>& task,
                                        const std::function<void(std::size_t, const TaskOutcome&, std::size_t)>& done) {
    std::vector<TaskOutcome> outcomes(n);
    const std::size_t workers = pool_size(options.jobs, n);
    if (workers == 0)
        return outcomes;
    std::vector<char> ran(n, 0);
    std::atomic<std::size_t> next{0};
    std::atomic<bool> started_any{false};
    std::mutex report_mutex;  // done(), the count, the first start error and done()'s exception
    std::size_t done_count = 0;
    std::string start_error;
    std::exception_ptr done_failed;
    Watchdog watchdog(workers, options.time_limit);

    const auto work = [&](std::size_t w) {
        std::unique_ptr<Office> office;
        for (;;) {
            if (next.load() >= n)
                break;
            if (!office) {
                try {
                    office = std::make_unique<Office>(options.office);
                    started_any = true;
                } catch (...) {
                    // This worker stops; the others take its tasks.
                    const std::string why = start_failure();
                    std::lock_guard lock(report_mutex);
                    if (start_error.empty())
                        start_error = why;
                    break;
                }
            }
            const std::size_t i = next++;
            if (i >= n)
                break;
            TaskOutcome outcome;
            bool bridge_lost = false;
            const pid_t pid = office->pid();
            const auto start = Clock::now();
            watchdog.begin(w, pid);
            try {
                task(i, *office);
                outcome.ok = true;
            } catch (const OfficeError& e) {
                outcome.error = e.what();
            } catch (const css::lang::DisposedException& e) {
                bridge_lost = true;
                outcome.error = without_source_locations(msoko::uno::to_utf8(e.Message));
            } catch (const css::uno::Exception& e) {
                outcome.error = without_source_locations(msoko::uno::to_utf8(e.Message));
                if (outcome.error.empty())
                    outcome.error = "ошибка LibreOffice / LibreOffice error";
            } catch (const std::exception& e) {
                outcome.error = e.what();
            } catch (...) {
                outcome.error = "неизвестная ошибка / unknown error";
            }
            const bool killed = watchdog.end(w);
            outcome.seconds = std::chrono::duration<double>(Clock::now() - start).count();
            const bool alive = running(pid);
            if (killed) {
                outcome.ok = false;
                outcome.office_lost = true;
                outcome.error = hung_message(options.time_limit);
            } else if (!outcome.ok && (!alive || bridge_lost)) {
                outcome.office_lost = true;
                outcome.error = kCrashed;
            }
            if (killed || !alive || bridge_lost)
                office.reset();  // shut down, reaped, its directory removed; a new one for the next task
            outcomes[i] = std::move(outcome);
            ran[i] = 1;
            std::lock_guard lock(report_mutex);
            ++done_count;
            if (done && !done_failed) {
                try {
                    done(i, outcomes[i], done_count);
                } catch (...) {
                    done_failed = std::current_exception();
                }
            }
        }
    };

    std::vector<std::thread> threads;
    threads.reserve(workers);
    for (std::size_t w = 0; w < workers; ++w)
        threads.emplace_back(work, w);
    for (auto& t : threads)
        t.join();
    if (done_failed)
        std::rethrow_exception(done_failed);
    if (!started_any)
        throw OfficeError(start_error.empty() ? std::string("LibreOffice не запустился / LibreOffice did not start")
                                              : start_error);
    // Tasks left when the last office could not be replaced fail with why.
    for (std::size_t i = 0; i < n; ++i) {
        if (ran[i])
            continue;
        outcomes[i].error = "LibreOffice не удалось перезапустить / LibreOffice could not be restarted: " + start_error;
        outcomes[i].office_lost = true;
        std::lock_guard lock(report_mutex);
        ++done_count;
        if (done)
            done(i, outcomes[i], done_count);
    }
    return outcomes;
}

}  // namespace msoko::office

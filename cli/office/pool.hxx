// SPDX-License-Identifier: MPL-2.0
#pragma once

// Many tasks on a few private offices (msoko region over dozens of forms):
// one office per job, each started once and reused for many tasks on a thread
// of its own. A task that crashes or hangs its office fails alone; the office
// is replaced and the run goes on.

#include "office/office.hxx"

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace msoko::office {

struct PoolOptions {
    Options office;                        ///< each office's options (extension, locale, environment…)
    std::size_t jobs = 0;                  ///< offices; 0: std::thread::hardware_concurrency() (at least 1)
    std::chrono::seconds time_limit{120};  ///< one task longer than this: its office is killed
};

/// What became of one task.
struct TaskOutcome {
    bool ok = false;
    /// Why it failed, Russian first: the OfficeError's or exception's text, or
    /// «LibreOffice перестал отвечать … и был перезапущен / …» when it hung.
    std::string error;
    bool office_lost = false;  ///< the office crashed or was killed (hung) during the task
    double seconds = 0;        ///< wall time of the task
};

/// The offices a run of `n` tasks starts: `jobs` (0: the number of cores, at
/// least 1), never more than there are tasks.
std::size_t pool_size(std::size_t jobs, std::size_t n);

/// Runs task(i, office) for every i in [0, n) on pool_size(jobs, n) offices,
/// each started once (all in parallel) and reused for many tasks on a thread
/// of its own: every UNO call of a task stays on that thread. Tasks are taken
/// in order by whichever office is free. A task that throws fails alone. An
/// office that dies (crash) or hangs past time_limit (killed with SIGKILL by a
/// watchdog, which makes the blocked UNO call throw) fails its task with
/// office_lost; it is replaced by a fresh office before the next task and the
/// run goes on. `done` (may be empty) is called under a lock after each task
/// with (i, outcome, how many tasks are done). The offices are registered
/// like any Office: clean_up_on_signals kills all of them on Ctrl+C.
/// @returns the outcomes in task order.
/// @throws OfficeError only when no office could be started at all (then no task ran).
std::vector<TaskOutcome> run_in_offices(
    const PoolOptions& options, std::size_t n, const std::function<void(std::size_t, Office&)>& task,
    const std::function<void(std::size_t, const TaskOutcome&, std::size_t)>& done = {});

}  // namespace msoko::office

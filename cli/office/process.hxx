// SPDX-License-Identifier: MPL-2.0
#pragma once

// The processes of a private office (internal to cli/office): started in
// their own process group, waited for with a timeout, killed with their
// group; what a signal must clean up.

#include <chrono>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace msoko::office {

/// Variables set over the environment of a started process: {name, value}.
using Environment = std::vector<std::pair<std::string, std::string>>;

/// What a signal must clean up (clean_up_on_signals): the process groups we
/// started and have not reaped, and the temporary directories of live offices.
/// Whoever reaps a child or removes a directory holds the mutex; the signal
/// thread takes it and never gives it back, so that nothing else waits for,
/// removes or starts anything while it cleans up and exits.
struct Children {
    std::mutex mutex;
    std::set<pid_t> groups;
    std::map<std::filesystem::path, bool> dirs;  ///< directory → kept after shutdown
};

Children& children();

/// Starts argv[0] in its own process group, output to `log`, with
/// `environment` set over ours; the child dies with us (PR_SET_PDEATHSIG) so
/// that a crashed test leaves no office behind.
pid_t spawn(const std::vector<std::string>& argv, const std::filesystem::path& log,
            const Environment& environment = {});

/// Waits up to `timeout` for `pid`; returns its exit status, or nullopt.
std::optional<int> wait_for(pid_t pid, std::chrono::milliseconds timeout);

/// Kills a process group and reaps its leader.
void kill_group(pid_t pid);

/// What a process wrote into its log.
std::string read_log(const std::filesystem::path& log);

/// Runs a command to completion; throws OfficeError with its output on
/// failure (the log is in the temporary directory, gone after shutdown).
/// `what`: «Russian / English».
void run(const std::vector<std::string>& argv, const std::filesystem::path& log, std::chrono::seconds timeout,
         const char* what, const Environment& environment = {});

}  // namespace msoko::office

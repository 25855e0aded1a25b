// SPDX-License-Identifier: MPL-2.0
// The glue's logger (addin/uno/log.hxx) in the command line: standard error,
// off unless MSOKO_LOG_LEVEL names a level. The office's extension keeps its
// own log in the private profile.
#include "log.hxx"

#include <spdlog/sinks/stdout_sinks.h>

#include <cstdlib>
#include <memory>

namespace msoko::uno {

spdlog::logger& log() {
    static const std::shared_ptr<spdlog::logger> logger = [] {
        auto l = std::make_shared<spdlog::logger>("msoko", std::make_shared<spdlog::sinks::stderr_sink_mt>());
        const char* env = std::getenv("MSOKO_LOG_LEVEL");
        l->set_level(env ? spdlog::level::from_str(env) : spdlog::level::off);
        l->set_pattern("msoko: [%l] %v");
        return l;
    }();
    return *logger;
}

const std::string& log_path() {
    static const std::string none;
    return none;
}

}  // namespace msoko::uno

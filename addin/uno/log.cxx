// SPDX-License-Identifier: MPL-2.0
#include "log.hxx"

#include <osl/thread.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <osl/file.hxx>
#include <rtl/bootstrap.hxx>
#include <rtl/ustring.hxx>

#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>

namespace msoko::uno {

namespace {

using rtl::OUString;

constexpr std::size_t kMaxFileBytes = 1024 * 1024;
constexpr std::size_t kMaxFiles = 3;

// The user profile directory of the running office, as a system path.
std::string user_profile_dir() {
    OUString url("${$BRAND_BASE_DIR/program/bootstraprc:UserInstallation}");
    rtl::Bootstrap::expandMacros(url);
    OUString path;
    if (url.isEmpty() || osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return {};
    return rtl::OUStringToOString(path, osl_getThreadTextEncoding()).getStr();
}

struct State {
    std::shared_ptr<spdlog::logger> logger;
    std::string path;
};

State make_state() {
    State s;
    const std::string dir = user_profile_dir();
    if (!dir.empty()) {
        try {
            s.path = dir + "/user/msoko/msoko.log";
            auto sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(s.path, kMaxFileBytes, kMaxFiles);
            s.logger = std::make_shared<spdlog::logger>("msoko", std::move(sink));
        } catch (const std::exception&) {
            s.path.clear();
        }
    }
    if (!s.logger)
        s.logger = std::make_shared<spdlog::logger>("msoko", std::make_shared<spdlog::sinks::null_sink_mt>());
    spdlog::level::level_enum level = spdlog::level::info;
    if (const char* env = std::getenv("MSOKO_LOG_LEVEL"))
        level = spdlog::level::from_str(env);  // unknown names give off, as spdlog defines
    s.logger->set_level(level);
    s.logger->flush_on(spdlog::level::warn);
    s.logger->set_pattern("%Y-%m-%d %H:%M:%S.%e [%l] [pid %P] %v");
    return s;
}

State& state() {
    static std::once_flag once;
    static State s;
    std::call_once(once, [] { s = make_state(); });
    return s;
}

}  // namespace

spdlog::logger& log() {
    return *state().logger;
}

const std::string& log_path() {
    return state().path;
}

void set_log_level(const std::string& name) {
    if (const char* env = std::getenv("MSOKO_LOG_LEVEL"); env && *env)
        return;
    static const std::string known[] = {"trace", "debug", "info", "warn", "error", "critical", "off"};
    for (const auto& k : known)
        if (k == name) {
            const spdlog::level::level_enum level = spdlog::level::from_str(name);
            spdlog::logger& l = log();
            if (l.level() != level)
                l.set_level(level);
            return;
        }
}

}  // namespace msoko::uno

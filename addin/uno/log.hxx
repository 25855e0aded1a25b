// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <spdlog/logger.h>

namespace msoko::uno {

/// The extension's logger. Created on first use (Calc instantiates every
/// add-in at start-up, so nothing happens in constructors): a rotating file
/// `msoko/msoko.log` under the user profile, level from MSOKO_LOG_LEVEL
/// (trace, debug, info, warn, error, critical, off), else from the options
/// page once the settings are read (set_log_level), else info.
/// Never throws; when the file cannot be opened, messages are dropped.
/// Never log cell contents: the log must hold no personal data.
spdlog::logger& log();

/// The log file's path, empty when no file could be opened.
const std::string& log_path();

/// Sets the level chosen on the options page (trace, debug, info, warn,
/// error, critical, off); MSOKO_LOG_LEVEL, when set, wins. An unknown name
/// changes nothing.
void set_log_level(const std::string& name);

}  // namespace msoko::uno

// SPDX-License-Identifier: MPL-2.0
#pragma once

#include <spdlog/logger.h>

namespace msoko::uno {

/// The extension's logger. Created on first use (Calc instantiates every
/// add-in at start-up, so nothing happens in constructors): a rotating file
/// `msoko/msoko.log` under the user profile, level from MSOKO_LOG_LEVEL
/// (trace, debug, info, warn, error, critical, off; default info).
/// Never throws; when the file cannot be opened, messages are dropped.
/// Never log cell contents: the log must hold no personal data.
spdlog::logger& log();

/// The log file's path, empty when no file could be opened.
const std::string& log_path();

}  // namespace msoko::uno

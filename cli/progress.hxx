// SPDX-License-Identifier: MPL-2.0
#pragma once

// The progress of a run over many files (msoko region): on a terminal one
// line redrawn in place, «[██████░░░░] 12/40  Ольховоборский.ods», fitted to
// the terminal's width; otherwise one plain line per file, «12/40
// Ольховоборский.ods: готово» (or «: ошибка»), which a log or a pipe keeps
// readable. Steps may come from several threads.

#include <cstddef>
#include <iostream>
#include <mutex>
#include <string>

namespace msoko::cli {

/// The terminal's line: «[bar] done/total  item», at most `width` - 1 columns
/// (the last is left free, so that no terminal wraps), the item cut with «…»
/// when too long, the bar dropped when the width is too small for it. Columns
/// are counted in characters (UTF-8 code points).
std::string progress_line(std::size_t done, std::size_t total, const std::string& item, std::size_t width);

/// The plain line of one step when standard error is no terminal: «12/40 item: готово» / «…: ошибка».
std::string progress_plain_line(std::size_t done, std::size_t total, const std::string& item, bool ok);

/// Characters (UTF-8 code points) of a text: its width in a terminal's columns.
std::size_t display_width(const std::string& text);

class Progress {
public:
    /// A terminal bar when `err` is std::cerr and standard error is a terminal
    /// (TERM not «dumb»); plain lines otherwise.
    explicit Progress(std::size_t total, std::ostream& err = std::cerr);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    /// One item done (`ok`: without an error). On a terminal a failed item's
    /// plain line stays above the bar.
    void step(const std::string& item, bool ok);
    /// Clears the bar (a terminal); idempotent.
    void finish();
    bool terminal() const { return terminal_; }

private:
    std::size_t width() const;

    std::mutex mutex_;
    std::size_t total_;
    std::size_t done_ = 0;
    std::ostream& err_;
    bool terminal_;
    bool drawn_ = false;
    bool finished_ = false;
};

}  // namespace msoko::cli

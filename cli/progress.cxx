// SPDX-License-Identifier: MPL-2.0
#include "progress.hxx"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <sys/ioctl.h>
#include <unistd.h>

namespace msoko::cli {

namespace {

constexpr const char* kFull = "█";
constexpr const char* kEmpty = "░";
constexpr std::size_t kMaxBar = 30;
constexpr std::size_t kMinBar = 5;

bool continuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The first `columns` characters of a text (never half a character).
std::string first_columns(const std::string& text, std::size_t columns) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (continuation(text[i]))
            continue;
        if (seen == columns)
            return text.substr(0, i);
        ++seen;
    }
    return text;
}

}  // namespace

std::size_t display_width(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !continuation(c); }));
}

std::string progress_line(std::size_t done, std::size_t total, const std::string& item, std::size_t width) {
    const std::size_t room = width > 0 ? width - 1 : 0;
    const std::string count = std::to_string(done) + "/" + std::to_string(total);
    std::string line;
    // The bar takes a third of the line, at most kMaxBar cells; none below kMinBar.
    const std::size_t bar = std::min(kMaxBar, room / 3);
    if (bar >= kMinBar && room >= bar + 3 + count.size()) {
        const std::size_t full = total ? std::min(bar, bar * done / total) : bar;
        line += "[";
        for (std::size_t i = 0; i < bar; ++i)
            line += i < full ? kFull : kEmpty;
        line += "] ";
    }
    line += count;
    std::size_t used = display_width(line);
    if (used > room)
        return first_columns(line, room);
    // The item after two spaces, cut with «…» when the rest of the line is too short.
    if (!item.empty() && room >= used + 2 + 2) {
        const std::size_t left = room - used - 2;
        line += "  ";
        line += display_width(item) <= left ? item : first_columns(item, left - 1) + "…";
    }
    return line;
}

std::string progress_plain_line(std::size_t done, std::size_t total, const std::string& item, bool ok) {
    return std::to_string(done) + "/" + std::to_string(total) + " " + item + (ok ? ": готово" : ": ошибка");
}

Progress::Progress(std::size_t total, std::ostream& err) : total_(total), err_(err) {
    const char* term = std::getenv("TERM");
    terminal_ = &err == &std::cerr && isatty(STDERR_FILENO) && !(term && std::strcmp(term, "dumb") == 0);
}

Progress::~Progress() {
    finish();
}

std::size_t Progress::width() const {
    winsize ws{};
    if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

void Progress::step(const std::string& item, bool ok) {
    std::lock_guard lock(mutex_);
    if (finished_)
        return;
    ++done_;
    if (!terminal_) {
        err_ << progress_plain_line(done_, total_, item, ok) << '\n' << std::flush;
        return;
    }
    // \r and «erase to the end of the line»: the bar is redrawn in place.
    err_ << "\r\x1b[K";
    if (!ok)
        err_ << progress_plain_line(done_, total_, item, ok) << '\n';
    err_ << progress_line(done_, total_, item, width()) << std::flush;
    drawn_ = true;
}

void Progress::finish() {
    std::lock_guard lock(mutex_);
    if (finished_)
        return;
    finished_ = true;
    if (terminal_ && drawn_)
        err_ << "\r\x1b[K" << std::flush;
}

}  // namespace msoko::cli

// SPDX-License-Identifier: MPL-2.0
#pragma once

// A private, headless LibreOffice for tests and command-line tools: a
// throwaway profile, the extension installed into it, a soffice process on a
// private pipe and a UNO connection to it. The destructor shuts the office
// down and removes the profile, also when the caller fails half-way.

#include <com/sun/star/frame/XDesktop2.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include <chrono>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <sys/types.h>

namespace msoko::office {

/// Why an office could not be started or used; the message says what to do.
class OfficeError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Options {
    /// The .oxt to install into the profile; empty installs nothing.
    std::filesystem::path extension;
    /// UI language of the office: "en-US" or "ru-RU" (needs libreoffice-l10n-ru).
    std::string ui_locale = "en-US";
    /// Further configuration written into the new profile before the first
    /// start: {node path, property, value}, e.g. {"/org.openoffice.Office.Calc/
    /// Formula/Syntax", "EnglishFunctionName", "true"}.
    struct Setting {
        std::string path, property, value;
    };
    std::vector<Setting> settings;
    /// How long to wait for the office to accept the connection.
    std::chrono::seconds start_timeout{90};
    /// Keep the profile directory after shutdown (to read the add-in's log).
    bool keep_profile = false;
    /// The unopkg to run; empty: the office's own (a test gives a wrapper).
    std::filesystem::path unopkg;
    /// Variables set in the office's environment over ours: {name, value}
    /// (the command line gives the extension its catalogue by MSOKO_CATALOGUE).
    std::vector<std::pair<std::string, std::string>> environment;
};

class Office {
public:
    explicit Office(Options options);
    ~Office();
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    css::uno::Reference<css::uno::XComponentContext> context() const { return remote_; }
    css::uno::Reference<css::frame::XDesktop2> desktop() const { return desktop_; }

    /// ReadWrite: the file itself, locked while open (a file another user has
    /// open, or one without write permission, opens read-only all the same).
    /// ReadOnly: the file itself, read-only, ignoring another user's lock.
    /// Copy: a private copy in the office's temporary directory, writable
    /// whatever the file's permissions and locks; the file itself is only read.
    enum class Access { ReadWrite, ReadOnly, Copy };
    /// Opens a spreadsheet hidden; throws OfficeError naming the reason when
    /// the file is missing, unreadable, empty, damaged or not a spreadsheet.
    /// `with_view`: with a (headless) view, so that view settings such as
    /// frozen panes can be set and are stored when the document is saved.
    css::uno::Reference<css::sheet::XSpreadsheetDocument> open(const std::filesystem::path& file,
                                                               Access access = Access::ReadWrite,
                                                               bool with_view = false);
    /// A new empty spreadsheet.
    css::uno::Reference<css::sheet::XSpreadsheetDocument> create_spreadsheet();
    /// Closes a document without saving; never throws.
    static void close(const css::uno::Reference<css::uno::XInterface>& document) noexcept;

    /// Terminates the office, waits for the process, kills it if it hangs and
    /// removes the profile (unless kept). Idempotent; never throws.
    void shutdown() noexcept;

    /// Stops the office, removes an extension with unopkg and starts the
    /// office again on the same profile (as a user would after removal).
    void remove_extension(const std::string& identifier);

    /// The profile directory: `user/msoko/msoko.log` is the add-in's log.
    const std::filesystem::path& profile() const { return profile_; }
    /// The add-in's log in the profile (it may not exist yet).
    std::filesystem::path log() const { return profile_ / "user" / "msoko" / "msoko.log"; }
    /// From now on the profile stays after shutdown (a failed run, for its log).
    void keep_profile();
    pid_t pid() const { return pid_; }

private:
    void prepare_profile();
    void install_extension();
    std::vector<std::string> unopkg_command(const std::vector<std::string>& args) const;
    void stop_process() noexcept;
    void start_process();
    /// Connects; nullopt when connected, else the exit status of the ended
    /// process (already reaped) or a timeout marker.
    std::optional<int> connect();

    Options options_;
    std::filesystem::path root_;     // temporary directory holding everything
    std::filesystem::path profile_;  // root_/profile
    std::string profile_url_;
    std::string pipe_;
    pid_t pid_ = -1;
    css::uno::Reference<css::uno::XComponentContext> local_;
    css::uno::Reference<css::uno::XComponentContext> remote_;
    css::uno::Reference<css::frame::XDesktop2> desktop_;
};

/// file:// URL of an absolute or relative path.
std::string file_url(const std::filesystem::path& path);

/// The first bytes of a file the office is to open (they tell a damaged
/// spreadsheet from another format); throws OfficeError when the file is
/// missing, cannot be read or is empty — without an office, in a moment.
std::string readable_head(const std::filesystem::path& file);

/// Makes SIGINT (Ctrl+C), SIGTERM and SIGHUP end the program cleanly: the
/// office and unopkg processes it started are killed, the temporary
/// directories of its offices removed (a kept profile stays), a line saying
/// so goes to standard error and the process exits with 128 + the signal's
/// number (130, 143, 129). A signal ignored when the program started (SIGHUP
/// under nohup) stays ignored. Call it first in main(), before any thread
/// starts: the signals are blocked in every thread and taken by a thread of
/// their own (sigwait), so the clean-up is ordinary code, not a handler.
void clean_up_on_signals(const std::string& program);

/// An office's message without LibreOffice's source locations
/// ("… at ./sc/source/ui/unoobj/docuno.cxx:3963"), which mean nothing to a
/// user; empty when nothing else is left.
std::string without_source_locations(const std::string& message);

}  // namespace msoko::office

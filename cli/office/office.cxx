// SPDX-License-Identifier: MPL-2.0
#include "office.hxx"
#include "utf8.hxx"

#include "office/files.hxx"
#include "office/process.hxx"

#include "msoko/text.hpp"

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/connection/NoConnectException.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/XComponentLoader.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/lang/DisposedException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <rtl/ustring.hxx>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <pthread.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef MSOKO_LO_PROGRAM_DIR
#define MSOKO_LO_PROGRAM_DIR "/usr/lib/libreoffice/program"
#endif

namespace msoko::office {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using css::uno::Reference;
using css::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

constexpr const char* kProgramDir = MSOKO_LO_PROGRAM_DIR;
// soffice.bin asks to be restarted with this code after it has registered
// extensions in a new profile (normally oosplash does the restart).
constexpr int kRestartExitCode = 81;
// connect()'s answer when the office neither listened nor ended in time.
constexpr int kTimedOut = -1000;

OUString ou(const std::string& s) {
    return msoko::uno::from_utf8(s);
}

/// The client side of UNO, bootstrapped once per process from the office's
/// own fundamentalrc (without it Desktop::create crashes).
Reference<css::uno::XComponentContext> local_context() {
    static std::mutex mutex;
    static Reference<css::uno::XComponentContext> context;
    std::lock_guard lock(mutex);
    if (!context.is()) {
        const std::string rc = std::string("vnd.sun.star.pathname:") + kProgramDir + "/fundamentalrc";
        setenv("URE_BOOTSTRAP", rc.c_str(), 1);
        context = cppu::defaultBootstrap_InitialComponentContext();
    }
    return context;
}

std::atomic<int> g_counter{0};
std::atomic<int> g_copies{0};

/// One unopkg at a time per LibreOffice installation, across processes: an
/// exclusive flock on the office's program directory (any user may open it;
/// the lock goes with the descriptor, also when a process dies). See
/// Office::install_extension for why. Waits up to `timeout`, then goes on
/// without the lock rather than fail.
class InstallationLock {
public:
    explicit InstallationLock(std::chrono::seconds timeout)
        : fd_(::open(kProgramDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) {
        const auto until = std::chrono::steady_clock::now() + timeout;
        while (fd_ >= 0 && flock(fd_, LOCK_EX | LOCK_NB) != 0) {
            if ((errno != EWOULDBLOCK && errno != EINTR) || std::chrono::steady_clock::now() >= until) {
                ::close(fd_);
                fd_ = -1;
            }
            std::this_thread::sleep_for(50ms);
        }
    }
    ~InstallationLock() {
        if (fd_ >= 0)
            ::close(fd_);
    }
    InstallationLock(const InstallationLock&) = delete;
    InstallationLock& operator=(const InstallationLock&) = delete;

private:
    int fd_;
};

}  // namespace

Office::Office(Options options) : options_(std::move(options)) {
    char tmpl[] = "/tmp/msoko-office-XXXXXX";
    {
        std::lock_guard lock(children().mutex);  // created and known at once (clean_up_on_signals)
        if (!mkdtemp(tmpl))
            throw OfficeError(
                std::string("не удалось создать временную папку / cannot create a temporary directory: ") +
                std::strerror(errno));
        root_ = tmpl;
        children().dirs[root_] = options_.keep_profile;
    }
    profile_ = root_ / "profile";
    profile_url_ = file_url(profile_);
    pipe_ = "msoko_" + std::to_string(getpid()) + "_" + std::to_string(g_counter++);
    try {
        prepare_profile();
        if (!options_.extension.empty())
            install_extension();
        start_process();
    } catch (...) {
        shutdown();
        throw;
    }
}

Office::~Office() {
    shutdown();
}

void Office::prepare_profile() {
    // The UI language is a profile setting; written before the first start,
    // the office merges it into its own configuration.
    fs::create_directories(profile_ / "user");
    std::ofstream xcu(profile_ / "user" / "registrymodifications.xcu");
    const std::string locale = msoko::xml_escape(options_.ui_locale);
    xcu << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
           "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
           "<item oor:path=\"/org.openoffice.Setup/L10N\"><prop oor:name=\"ooLocale\" oor:op=\"fuse\"><value>"
        << locale
        << "</value></prop></item>\n"
           "<item oor:path=\"/org.openoffice.Setup/L10N\"><prop oor:name=\"ooSetupSystemLocale\" oor:op=\"fuse\">"
           "<value>"
        << locale
        << "</value></prop></item>\n"
           "<item oor:path=\"/org.openoffice.Office.Linguistic/General\"><prop oor:name=\"UILocale\" "
           "oor:op=\"fuse\"><value>"
        << locale << "</value></prop></item>\n";
    for (const auto& setting : options_.settings)
        xcu << "<item oor:path=\"" << msoko::xml_escape(setting.path) << "\"><prop oor:name=\""
            << msoko::xml_escape(setting.property) << "\" oor:op=\"fuse\"><value>" << msoko::xml_escape(setting.value)
            << "</value></prop></item>\n";
    xcu << "</oor:items>\n";
    xcu.close();
    if (!xcu)
        throw OfficeError("не удалось записать профиль LibreOffice / cannot write the profile in " + profile_.string());
    // A profile must be initialised by the office before unopkg writes into
    // it: otherwise the first start exits with code 81 and drops the
    // extension's registration.
    run({std::string(kProgramDir) + "/soffice.bin", "--headless", "--invisible", "--norestore", "--nologo",
         "--nodefault", "-env:UserInstallation=" + profile_url_, "--terminate_after_init"},
        root_ / "soffice-init.log", 120s, "подготовка профиля LibreOffice / initialising the LibreOffice profile");
}

std::vector<std::string> Office::unopkg_command(const std::vector<std::string>& args) const {
    std::vector<std::string> argv;
    if (geteuid() == 0) {
        // unopkg refuses to write a user profile as root; inside a user
        // namespace it runs as an ordinary user and the files stay ours.
        argv = {"/usr/bin/unshare", "--user", "--map-user=1000", "--map-group=1000"};
    }
    argv.push_back(options_.unopkg.empty() ? std::string(kProgramDir) + "/unopkg" : options_.unopkg.string());
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("-env:UserInstallation=" + profile_url_);
    return argv;
}

void Office::install_extension() {
    if (!fs::is_regular_file(options_.extension))
        throw OfficeError("расширение не найдено / extension not found: " + options_.extension.string());
    // -s: any licence is accepted on the user's behalf, so that unopkg never
    // waits on standard input (the extension itself asks for none since
    // issue 13; an older .oxt given with --oxt may).
    const auto argv = unopkg_command({"add", "-s", "-f", fs::absolute(options_.extension).string()});
    // Two unopkg started side by side just after LibreOffice was installed:
    // one may fail with "NameClashException: folder exists and overwrite
    // forbidden" ([context="shared"], dp_manager.cxx). Every unopkg opens the
    // shared extension repository too; when it can write there (as root in a
    // user namespace it can: /var/spool/libreoffice/uno_packages/cache on
    // Debian, $UNO_SHARED_PACKAGES_CACHE) and the folder `uno_packages` is not
    // there yet, it checks that the folder is missing, then creates it; the
    // second of two processes between those steps gets the exception. Once
    // the folder exists, that never happens again. So our unopkg runs take
    // turns (InstallationLock), and one that lost that race with someone
    // else's (an older build, a user's own office) runs once more.
    for (int attempt = 1;; ++attempt) {
        try {
            InstallationLock lock(150s);
            run(argv, root_ / "unopkg.log", 120s,
                "установка расширения (unopkg) / installing the extension with unopkg");
            return;
        } catch (const OfficeError& e) {
            if (attempt > 1 || std::string(e.what()).find("NameClashException") == std::string::npos)
                throw;
        }
        std::this_thread::sleep_for(1s);
    }
}

void Office::start_process() {
    const std::vector<std::string> argv = {std::string(kProgramDir) + "/soffice.bin",
                                           "--headless",
                                           "--invisible",
                                           "--norestore",
                                           "--nologo",
                                           "--nodefault",
                                           "--nolockcheck",
                                           "-env:UserInstallation=" + profile_url_,
                                           "--accept=pipe,name=" + pipe_ + ";urp;StarOffice.ComponentContext"};
    for (int attempt = 0; attempt < 3; ++attempt) {
        pid_ = spawn(argv, root_ / "soffice.log", options_.environment);
        const auto ended = connect();
        if (!ended)
            return;
        const int code = *ended;
        pid_ = -1;
        if (code == kRestartExitCode)
            continue;
        const std::string output = read_log(root_ / "soffice.log");
        throw OfficeError((code == kTimedOut ? std::string("LibreOffice не запустился вовремя / did not start in time")
                                             : "LibreOffice не запустился, код выхода / did not start, exit code " +
                                                   std::to_string(code)) +
                          (output.empty() ? std::string() : ": " + output));
    }
    throw OfficeError("LibreOffice снова и снова просит перезапуска / kept asking to be restarted");
}

std::optional<int> Office::connect() {
    local_ = local_context();
    auto resolver = css::bridge::UnoUrlResolver::create(local_);
    const OUString url = ou("uno:pipe,name=" + pipe_ + ";urp;StarOffice.ComponentContext");
    const auto until = std::chrono::steady_clock::now() + options_.start_timeout;
    while (std::chrono::steady_clock::now() < until) {
        try {
            remote_.set(resolver->resolve(url), UNO_QUERY_THROW);
            desktop_ = css::frame::Desktop::create(remote_);
            return std::nullopt;
        } catch (const css::connection::NoConnectException&) {
            // not listening yet
        } catch (const css::uno::RuntimeException&) {
            // the office is still starting (bridge disposed, desktop not ready): try again
            remote_.clear();
        }
        if (const auto status = wait_for(pid_, 100ms))
            return status;  // the process ended; it is reaped now, so its status goes back to the caller
    }
    kill_group(pid_);
    return kTimedOut;
}

Reference<css::sheet::XSpreadsheetDocument> Office::open(const fs::path& file, Access access, bool with_view) {
    const std::string head = readable_head(file);
    std::error_code ec;
    fs::path source = file;
    if (access == Access::Copy) {
        // Same name, so that the office sees the same file type and title;
        // a directory of its own, so that no open document's file is replaced.
        const fs::path dir = root_ / ("copy-" + std::to_string(g_copies++));
        fs::create_directories(dir);
        source = dir / file.filename();
        if (!fs::copy_file(file, source, fs::copy_options::overwrite_existing, ec))
            throw OfficeError("не удалось скопировать файл (" + ec.message() +
                              ") / cannot copy the file: " + file.string());
        fs::permissions(source, fs::perms::owner_read | fs::perms::owner_write, ec);
    }
    css::uno::Sequence<css::beans::PropertyValue> args(access == Access::ReadOnly ? 2 : 1);
    args.getArray()[0].Name = "Hidden";
    args.getArray()[0].Value <<= !with_view;
    if (access == Access::ReadOnly) {
        // Read-only ignores the lock of a user who has the workbook open in Calc.
        args.getArray()[1].Name = "ReadOnly";
        args.getArray()[1].Value <<= true;
    }
    Reference<css::frame::XComponentLoader> loader(desktop_, UNO_QUERY_THROW);
    Reference<css::lang::XComponent> component;
    try {
        component = loader->loadComponentFromURL(ou(file_url(source)), "_blank", 0, args);
    } catch (const css::lang::IllegalArgumentException&) {
        // no filter took the file: told below
    } catch (const css::io::IOException&) {
        // a filter took it and failed: told below
    }
    Reference<css::sheet::XSpreadsheetDocument> doc(component, css::uno::UNO_QUERY);
    if (!doc.is()) {
        const bool other_document = component.is();
        close(component);
        throw OfficeError(not_a_spreadsheet(file, head, other_document));
    }
    return doc;
}

Reference<css::sheet::XSpreadsheetDocument> Office::create_spreadsheet() {
    css::uno::Sequence<css::beans::PropertyValue> args(1);
    args.getArray()[0].Name = "Hidden";
    args.getArray()[0].Value <<= true;
    Reference<css::frame::XComponentLoader> loader(desktop_, UNO_QUERY_THROW);
    return Reference<css::sheet::XSpreadsheetDocument>(
        loader->loadComponentFromURL("private:factory/scalc", "_blank", 0, args), UNO_QUERY_THROW);
}

void Office::close(const Reference<css::uno::XInterface>& document) noexcept {
    try {
        Reference<css::util::XCloseable> closeable(document, css::uno::UNO_QUERY);
        if (closeable.is())
            closeable->close(true);
    } catch (...) {
    }
}

void Office::stop_process() noexcept {
    try {
        if (desktop_.is()) {
            try {
                desktop_->terminate();
            } catch (const css::lang::DisposedException&) {
                // the bridge goes away while the office terminates: expected
            } catch (const css::uno::Exception&) {
            }
        }
        desktop_.clear();
        remote_.clear();
        if (pid_ > 0) {
            if (!wait_for(pid_, 30s))
                kill_group(pid_);
            else
                kill(-pid_, SIGKILL);  // any helper process left in its group
            pid_ = -1;
        }
    } catch (...) {
    }
}

void Office::shutdown() noexcept {
    stop_process();
    if (root_.empty())
        return;
    std::lock_guard lock(children().mutex);
    if (!options_.keep_profile) {
        std::error_code ec;
        fs::remove_all(root_, ec);
    }
    children().dirs.erase(root_);
    root_.clear();
}

void Office::keep_profile() {
    options_.keep_profile = true;
    std::lock_guard lock(children().mutex);
    if (auto it = children().dirs.find(root_); it != children().dirs.end())
        it->second = true;
}

void Office::remove_extension(const std::string& identifier) {
    stop_process();
    {
        InstallationLock lock(150s);
        run(unopkg_command({"remove", identifier}), root_ / "unopkg.log", 120s,
            "удаление расширения (unopkg) / removing the extension with unopkg");
    }
    start_process();
}

}  // namespace msoko::office

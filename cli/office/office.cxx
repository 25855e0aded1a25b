// SPDX-License-Identifier: MPL-2.0
#include "office.hxx"

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
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

/// What a signal must clean up (clean_up_on_signals): the process groups we
/// started and have not reaped, and the temporary directories of live offices.
/// Whoever reaps a child or removes a directory holds the mutex; the signal
/// thread takes it and never gives it back, so that nothing else waits for,
/// removes or starts anything while it cleans up and exits.
struct Children {
    std::mutex mutex;
    std::set<pid_t> groups;
    std::map<fs::path, bool> dirs;  ///< directory → kept after shutdown
};

Children& children() {
    static Children* c = new Children;  // never destroyed: the signal thread may use it during exit
    return *c;
}

/// Starts argv[0] in its own process group, output to `log`; the child dies
/// with us (PR_SET_PDEATHSIG) so that a crashed test leaves no office behind.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& log) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t parent = getpid();
    // Held from fork to registration: a signal's clean-up knows every child.
    // (The child never touches it: it only sets itself up and execs.)
    std::lock_guard lock(children().mutex);
    const pid_t pid = fork();
    if (pid < 0)
        throw OfficeError(std::string("не удалось запустить процесс / fork failed: ") + std::strerror(errno));
    if (pid == 0) {
        setpgid(0, 0);
        // The signals clean_up_on_signals blocks must reach the office as usual.
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, nullptr);
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent)
            _exit(127);
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        const int null = open("/dev/null", O_RDONLY);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        if (null >= 0)
            dup2(null, STDIN_FILENO);
        execv(args[0], args.data());
        _exit(127);
    }
    setpgid(pid, pid);  // also from the parent: no race with a kill below
    children().groups.insert(pid);
    return pid;
}

/// Waits up to `timeout` for `pid`; returns its exit status, or nullopt.
std::optional<int> wait_for(pid_t pid, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        int status = 0;
        pid_t r = 0;
        {
            // Reaped and forgotten at once: a signal never kills a reused pid.
            std::lock_guard lock(children().mutex);
            r = waitpid(pid, &status, WNOHANG);
            if (r == pid || r < 0)
                children().groups.erase(pid);
        }
        if (r == pid)
            return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        if (r < 0)
            return -1;
        if (std::chrono::steady_clock::now() >= until)
            return std::nullopt;
        std::this_thread::sleep_for(20ms);
    }
}

void kill_group(pid_t pid) {
    if (pid > 0) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        wait_for(pid, 5s);
    }
}

/// What a process wrote into its log.
std::string read_log(const fs::path& log) {
    std::ifstream in(log);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

/// Runs a command to completion; throws OfficeError with its output on
/// failure (the log is in the temporary directory, gone after shutdown).
/// `what`: «Russian / English».
void run(const std::vector<std::string>& argv, const fs::path& log, std::chrono::seconds timeout, const char* what) {
    std::error_code ec;
    fs::remove(log, ec);  // the output of this run only
    const pid_t pid = spawn(argv, log);
    const auto status = wait_for(pid, timeout);
    if (!status) {
        kill_group(pid);
        throw OfficeError(std::string(what) + ": не завершилось за " + std::to_string(timeout.count()) +
                          " с / timed out: " + read_log(log));
    }
    if (*status != 0)
        throw OfficeError(std::string(what) + ": ошибка, код выхода / failed, exit code " + std::to_string(*status) +
                          ": " + read_log(log));
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

/// The first bytes of a file, or the error of reading it.
struct Head {
    std::string bytes;
    int error = 0;
};

Head read_head(const fs::path& file, std::size_t n) {
    Head head;
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        head.error = errno;
        return head;
    }
    head.bytes.resize(n);
    const ssize_t got = ::read(fd, head.bytes.data(), n);
    head.error = got < 0 ? errno : 0;
    head.bytes.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    ::close(fd);
    return head;
}

/// Why a file the office did not open as a spreadsheet is not one, told from
/// its first bytes; `other_document`: the office opened it as a text, a
/// drawing or a presentation (when those parts of LibreOffice are installed).
std::string not_a_spreadsheet(const fs::path& file, const std::string& head, bool other_document) {
    if (other_document)
        return "это не электронная таблица, а документ другого вида (текст, рисунок или презентация) / not a "
               "spreadsheet: " +
               file.string();
    const bool zip = head.rfind("PK\x03\x04", 0) == 0;
    const bool ole = head.rfind("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 0) == 0;
    // An OpenDocument file names its type first, uncompressed: "mimetype" at
    // byte 30 of the archive; an .xlsx usually starts with its content types.
    const bool ods = zip && head.find("mimetypeapplication/vnd.oasis.opendocument.spreadsheet") != std::string::npos;
    const bool xlsx = zip && head.find("[Content_Types].xml") != std::string::npos;
    if (ods || xlsx || ole)
        return "файл повреждён: LibreOffice не может прочитать эту таблицу (например, файл записан или загружен не "
               "полностью) / the file is damaged: " +
               file.string();
    if (zip)
        return "это не электронная таблица или файл повреждён: в архиве ZIP LibreOffice не нашёл таблицы / not a "
               "spreadsheet, or damaged: " +
               file.string();
    return "это не электронная таблица: LibreOffice не распознал формат файла (нужна таблица .ods, .fods, .xlsx, "
           ".xls или .csv) / not a spreadsheet: " +
           file.string();
}

}  // namespace

std::string readable_head(const fs::path& file) {
    std::error_code ec;
    if (!fs::is_regular_file(file, ec))
        throw OfficeError("файл не найден / file not found: " + file.string());
    const Head head = read_head(file, 128);
    if (head.error)
        throw OfficeError("не удалось прочитать файл (" + std::string(std::strerror(head.error)) +
                          ") / cannot read the file: " + file.string());
    if (head.bytes.empty())  // the office would open it as a new, empty workbook
        throw OfficeError("файл пуст (0 байт) / the file is empty: " + file.string());
    return head.bytes;
}

std::string without_source_locations(const std::string& message) {
    // LibreOffice's exceptions end their message with where they were thrown,
    // one or more times: " at ./sc/source/ui/unoobj/docuno.cxx:3963", also
    // with an absolute path of the build machine.
    static const std::regex location(R"(\s*\bat \.?/?[^\s:]*\.(cxx|hxx|cpp|hpp|h|c|mm):[0-9]+)");
    std::string out = std::regex_replace(message, location, "");
    const auto first = out.find_first_not_of(" \t\r\n");
    const auto last = out.find_last_not_of(" \t\r\n:");
    return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

void clean_up_on_signals(const std::string& program) {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler != SIG_IGN)
            sigaddset(&set, sig);
    }
    if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0)
        return;  // the default actions stay: the program ends, its children die with it (PR_SET_PDEATHSIG)
    std::thread([set, program] {
        int sig = 0;
        while (sigwait(&set, &sig) != 0) {
        }
        Children& c = children();
        c.mutex.lock();  // held until _exit: see Children
        for (pid_t group : c.groups) {
            kill(-group, SIGKILL);
            kill(group, SIGKILL);
        }
        // The group leaders are our children: reaped, so their files are closed
        // before the directories go (a helper of the group dies with SIGKILL too).
        const auto until = std::chrono::steady_clock::now() + 5s;
        for (pid_t group : c.groups)
            while (waitpid(group, nullptr, WNOHANG) == 0 && std::chrono::steady_clock::now() < until)
                std::this_thread::sleep_for(10ms);
        std::string kept;
        for (const auto& [dir, keep] : c.dirs) {
            if (keep) {
                kept += " " + dir.string();
                continue;
            }
            std::error_code ec;
            for (int attempt = 0; attempt < 20 && fs::exists(dir, ec); ++attempt) {
                fs::remove_all(dir, ec);
                if (ec)
                    std::this_thread::sleep_for(50ms);
            }
        }
        const std::string line = program + ": прервано / interrupted (" +
                                 (sig == SIGINT    ? "SIGINT"
                                  : sig == SIGTERM ? "SIGTERM"
                                                   : "SIGHUP") +
                                 ")" + (kept.empty() ? "" : "; профиль сохранён / profile kept:" + kept) + "\n";
        (void)!::write(STDERR_FILENO, line.data(), line.size());
        _exit(128 + sig);
    }).detach();
}

std::string file_url(const fs::path& path) {
    const std::string abs = fs::absolute(path).lexically_normal().string();
    std::string url = "file://";
    static const char* hex = "0123456789ABCDEF";
    for (unsigned char c : abs) {
        if (std::isalnum(c) || std::strchr("/-._~", c))
            url += static_cast<char>(c);
        else {
            url += '%';
            url += hex[c >> 4];
            url += hex[c & 15];
        }
    }
    return url;
}

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
    // -s: the licence is accepted on the user's behalf (accept-by="admin");
    // without it unopkg waits for an answer on standard input.
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
        pid_ = spawn(argv, root_ / "soffice.log");
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

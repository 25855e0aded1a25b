// SPDX-License-Identifier: MPL-2.0
#include "office/process.hxx"

#include "office/office.hxx"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <thread>

#include <fcntl.h>
#include <pthread.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace msoko::office {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

Children& children() {
    static Children* c = new Children;  // never destroyed: the signal thread may use it during exit
    return *c;
}

/// Starts argv[0] in its own process group, output to `log`; the child dies
/// with us (PR_SET_PDEATHSIG) so that a crashed test leaves no office behind.
pid_t spawn(const std::vector<std::string>& argv, const fs::path& log, const Environment& environment) {
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    // The child's environment: ours, with `environment` set over it (built
    // before the fork: the child only execs).
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) {
        const std::string entry = *e;
        const std::string name = entry.substr(0, entry.find('='));
        bool replaced = false;
        for (const auto& [n, v] : environment)
            replaced = replaced || n == name;
        if (!replaced)
            env.push_back(entry);
    }
    for (const auto& [n, v] : environment)
        env.push_back(n + "=" + v);
    std::vector<char*> envp;
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
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
        execve(args[0], args.data(), envp.data());
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
void run(const std::vector<std::string>& argv, const fs::path& log, std::chrono::seconds timeout, const char* what,
         const Environment& environment) {
    std::error_code ec;
    fs::remove(log, ec);  // the output of this run only
    const pid_t pid = spawn(argv, log, environment);
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

}  // namespace msoko::office

// Child processes for end-to-end tests: start `pintu` with arguments, capture its stdout and
// stderr into files, wait with a timeout, signal it. Linux (fork/exec, PR_SET_PDEATHSIG, waitpid).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace pintu::test {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline bool WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out);
}

// How a finished child ended.
struct ExitStatus {
  bool exited = false;   // returned from main / called exit
  int code = -1;         // exit code when `exited`
  int signal = 0;        // terminating signal otherwise
  bool Ok() const { return exited && code == 0; }
  std::string Describe() const {
    return exited ? "exit code " + std::to_string(code) : "killed by signal " + std::to_string(signal);
  }
};

// One child process. Its stdout and stderr go to `<log_prefix>.out` / `<log_prefix>.err`.
// The destructor kills a child that is still running (SIGKILL) and reaps it. The child is also
// killed when the thread that started it ends (PR_SET_PDEATHSIG follows the thread), so start a
// long-lived child from a thread that outlives it.
class Process {
 public:
  Process() = default;
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  Process(Process&& o) noexcept { *this = std::move(o); }
  Process& operator=(Process&& o) noexcept {
    if (this != &o) {
      Reap();
      pid_ = o.pid_;
      out_ = std::move(o.out_);
      err_ = std::move(o.err_);
      status_ = o.status_;
      o.pid_ = -1;
    }
    return *this;
  }
  ~Process() { Reap(); }

  // Starts `program args...`. False (and errno-ish text in `error`) when it cannot be spawned.
  bool Start(const std::string& program, const std::vector<std::string>& args, const std::string& log_prefix,
             std::string* error = nullptr) {
    out_ = log_prefix + ".out";
    err_ = log_prefix + ".err";
    std::vector<std::string> all;
    all.push_back(program);
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    // fork/exec rather than posix_spawn: the child asks to be SIGKILLed when the test process
    // dies (PR_SET_PDEATHSIG), so a crashed test never leaves a server running. Everything the
    // child touches is prepared before fork; the child only makes system calls.
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) {
      if (error) *error = std::string("fork failed: ") + strerror(errno);
      return false;
    }
    if (pid == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      if (::getppid() != parent) ::_exit(127);
      int in = ::open("/dev/null", O_RDONLY);
      int out = ::open(out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      int err = ::open(err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      if (in < 0 || out < 0 || err < 0) ::_exit(127);
      ::dup2(in, 0);
      ::dup2(out, 1);
      ::dup2(err, 2);
      ::close_range(3, ~0U, 0);  // no test sockets or files leak into the child
      ::execve(program.c_str(), argv.data(), environ);
      ::_exit(127);
    }
    pid_ = pid;
    status_.reset();
    return true;
  }

  pid_t pid() const { return pid_; }
  bool Running() {
    Poll();
    return pid_ > 0 && !status_;
  }

  // Waits at most `timeout` for the child to end; nullopt when it is still running.
  std::optional<ExitStatus> Wait(std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      if (Poll()) return status_;
      if (pid_ <= 0) return std::nullopt;
      if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  bool Signal(int sig) { return pid_ > 0 && !status_ && ::kill(pid_, sig) == 0; }

  // SIGKILL and reap.
  std::optional<ExitStatus> Kill() {
    if (Running()) ::kill(pid_, SIGKILL);
    return Wait(std::chrono::seconds(30));
  }

  std::string Stdout() const { return ReadFile(out_); }
  std::string Stderr() const { return ReadFile(err_); }
  const std::string& stdout_path() const { return out_; }
  const std::string& stderr_path() const { return err_; }

  // Polls the captured stdout (or stderr) until `pattern` matches or the time is up or the
  // child has ended (nullopt). Returns the whole match and its groups.
  std::optional<std::vector<std::string>> WaitForOutput(const std::regex& pattern,
                                                        std::chrono::milliseconds timeout,
                                                        bool in_stderr = false) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      bool ended = !Running();
      std::string text = in_stderr ? Stderr() : Stdout();
      std::smatch m;
      if (std::regex_search(text, m, pattern)) {
        std::vector<std::string> groups;
        for (const auto& g : m) groups.push_back(g.str());
        return groups;
      }
      if (ended || std::chrono::steady_clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }

 private:
  // True when the child has ended (status_ set).
  bool Poll() {
    if (status_) return true;
    if (pid_ <= 0) return false;
    int st = 0;
    pid_t r = ::waitpid(pid_, &st, WNOHANG);
    if (r == pid_) {
      ExitStatus s;
      if (WIFEXITED(st)) {
        s.exited = true;
        s.code = WEXITSTATUS(st);
      } else if (WIFSIGNALED(st)) {
        s.signal = WTERMSIG(st);
      }
      status_ = s;
      return true;
    }
    return false;
  }

  void Reap() {
    if (pid_ > 0 && !Poll()) {
      ::kill(pid_, SIGKILL);
      int st = 0;
      ::waitpid(pid_, &st, 0);
    }
    pid_ = -1;
  }

  pid_t pid_ = -1;
  std::string out_, err_;
  std::optional<ExitStatus> status_;
};

// Result of a command run to completion.
struct RunResult {
  ExitStatus status;
  bool timed_out = false;
  std::string out, err;
  std::string Describe() const {
    return (timed_out ? std::string("timed out") : status.Describe()) + "\n--- stdout:\n" +
           out.substr(0, 4000) + "\n--- stderr:\n" + err.substr(0, 4000);
  }
};

// Runs `program args...` to completion (killed after `timeout`).
inline RunResult Run(const std::string& program, const std::vector<std::string>& args,
                     const std::string& log_prefix, std::chrono::milliseconds timeout) {
  RunResult r;
  Process p;
  std::string error;
  if (!p.Start(program, args, log_prefix, &error)) {
    r.err = error;
    return r;
  }
  auto st = p.Wait(timeout);
  if (!st) {
    r.timed_out = true;
    st = p.Kill();
  }
  if (st) r.status = *st;
  r.out = p.Stdout();
  r.err = p.Stderr();
  return r;
}

}  // namespace pintu::test

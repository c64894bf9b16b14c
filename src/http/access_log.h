// Structured access log: one JSON line per request, written by a background
// thread so the request path only formats a short line and appends it to a buffer.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace pintu::http {

// One answered request.
struct AccessRecord {
  std::chrono::system_clock::time_point time;  // when the request header was complete
  std::string_view remote;                     // "ip:port"
  std::string_view method;
  std::string_view path;                       // raw path, without the query string
  int status = 0;
  uint64_t bytes = 0;                          // response body bytes
  uint64_t duration_us = 0;
};

// Lines look like:
// {"time":"2024-05-01T08:00:00.123Z","remote":"127.0.0.1:5000","method":"GET","path":"/healthz","status":200,"bytes":15,"duration_us":42}
class AccessLog {
 public:
  // Receives batches of whole lines (each ending in '\n'); called from the writer thread only.
  using Sink = std::function<void(std::string_view lines)>;

  // Starts the writer thread; it hands the buffered lines to `sink` every `flush_interval`
  // or sooner when more than 64 KiB are waiting. When more than `max_pending_bytes`
  // are waiting (a slow sink), new lines are dropped and counted rather than blocking requests.
  explicit AccessLog(Sink sink,
                     std::chrono::milliseconds flush_interval = std::chrono::milliseconds(200),
                     size_t max_pending_bytes = 8 << 20);
  // Flushes what is buffered and stops the writer thread.
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // A log appending to `path` (created if missing); nullptr with `error` set when it cannot be opened.
  static std::unique_ptr<AccessLog> OpenFile(const std::string& path, std::string* error = nullptr);
  // A log writing to standard output.
  static std::unique_ptr<AccessLog> Stdout();

  // Formats and buffers one line; does nothing while disabled. Thread-safe, never blocks on I/O.
  void Write(const AccessRecord& r);
  // Hands everything buffered so far to the sink before returning.
  void Flush();

  // Turns logging on or off at run time (on by default).
  void set_enabled(bool on) { enabled_.store(on, std::memory_order_relaxed); }
  bool enabled() const { return enabled_.load(std::memory_order_relaxed); }
  // Lines dropped because the sink fell behind.
  uint64_t dropped() const { return dropped_.load(std::memory_order_relaxed); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<bool> enabled_{true};
  std::atomic<uint64_t> dropped_{0};
};

}  // namespace pintu::http

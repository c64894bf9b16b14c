// Prometheus metrics of the HTTP server, rendered in the text exposition format 0.0.4.
// Recording is lock-free (atomics); only creating a route's series and Render() lock.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace pintu::http {

// Kinds counted by pintu_http_errors_total{kind="…"}.
enum class HttpErrorKind {
  kBadRequest,        // malformed request → 400
  kHeaderTooLarge,    // → 431
  kBodyTooLarge,      // → 413
  kTimeout,           // a client was too slow; connection closed
  kHandlerException,  // a handler threw → 500
  kIo,                // a socket error while reading or writing
  kCount_,
};

class Metrics {
 public:
  // Counters and the latency histogram of one route (opaque; lives as long as Metrics).
  class RouteStats;

  Metrics();
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // The series of route label `route` (created on first use). The reference is stable.
  RouteStats& Route(std::string_view route);

  // Counts one finished request: pintu_http_requests_total{route,method,status}
  // and pintu_http_request_duration_seconds{route}. Lock-free.
  void Observe(RouteStats& route, std::string_view method, int status,
               std::chrono::nanoseconds duration);

  // Counts one error of `kind` (pintu_http_errors_total).
  void AddError(HttpErrorKind kind);

  // pintu_http_requests_in_flight: requests being handled or written.
  void RequestStarted() { in_flight_.fetch_add(1, std::memory_order_relaxed); }
  void RequestFinished() { in_flight_.fetch_sub(1, std::memory_order_relaxed); }
  // pintu_http_open_connections.
  void ConnectionOpened() { connections_.fetch_add(1, std::memory_order_relaxed); }
  void ConnectionClosed() { connections_.fetch_sub(1, std::memory_order_relaxed); }

  // Registers a gauge whose value `value()` is read on every Render() (e.g. store size).
  // `name` must be a valid Prometheus metric name; registering a name again replaces it.
  // A callback that throws is skipped for that render.
  void AddGauge(std::string name, std::string help, std::function<double()> value);

  // The whole exposition text (Content-Type "text/plain; version=0.0.4").
  std::string Render() const;

  // Current total of requests_total for `route` across methods and statuses (for tests/tools).
  uint64_t RequestCount(std::string_view route) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::atomic<int64_t> in_flight_{0};
  std::atomic<int64_t> connections_{0};
};

}  // namespace pintu::http

#include "http/metrics.h"

#include <array>
#include <deque>
#include <map>
#include <mutex>
#include <vector>

#include <fmt/format.h>

namespace pintu::http {
namespace {

constexpr std::array<std::string_view, 8> kMethods = {"GET",    "HEAD",    "POST",  "PUT",
                                                      "DELETE", "PATCH", "OPTIONS", "other"};
constexpr std::array<double, 16> kBuckets = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005,
                                             0.01,   0.025,   0.05,   0.1,   0.25,   0.5,
                                             1,      2.5,     5,      10};
constexpr std::array<std::string_view, static_cast<size_t>(HttpErrorKind::kCount_)> kErrorKinds = {
    "bad_request", "header_too_large", "body_too_large", "timeout", "handler_exception", "io"};
constexpr size_t kSlots = 64;

uint32_t MethodIndex(std::string_view m) {
  for (uint32_t i = 0; i + 1 < kMethods.size(); ++i)
    if (kMethods[i] == m) return i;
  return kMethods.size() - 1;
}

// Escapes a label value: backslash, double quote and newline.
std::string EscapeLabel(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out;
}

}  // namespace

class Metrics::RouteStats {
 public:
  explicit RouteStats(std::string label) : label_(std::move(label)) {}

  void Count(uint32_t method, int status) {
    if (status < 100 || status > 999) status = 999;
    const uint32_t key = (method << 10) | static_cast<uint32_t>(status);
    size_t i = (key * 2654435761u) % kSlots;
    for (size_t probe = 0; probe < kSlots; ++probe, i = (i + 1) % kSlots) {
      uint32_t k = keys_[i].load(std::memory_order_acquire);
      if (k == 0) {
        uint32_t expected = 0;
        if (keys_[i].compare_exchange_strong(expected, key, std::memory_order_acq_rel)) k = key;
        else k = expected;
      }
      if (k == key) {
        counts_[i].fetch_add(1, std::memory_order_relaxed);
        return;
      }
    }
    overflow_.fetch_add(1, std::memory_order_relaxed);
  }

  void Time(std::chrono::nanoseconds d) {
    const double s = std::chrono::duration<double>(d).count();
    size_t b = 0;
    while (b < kBuckets.size() && s > kBuckets[b]) ++b;
    buckets_[b].fetch_add(1, std::memory_order_relaxed);
    sum_ns_.fetch_add(static_cast<uint64_t>(d.count() < 0 ? 0 : d.count()), std::memory_order_relaxed);
  }

  uint64_t Total() const {
    uint64_t n = overflow_.load(std::memory_order_relaxed);
    for (const auto& c : counts_) n += c.load(std::memory_order_relaxed);
    return n;
  }

  void RenderCounters(std::string& out) const {
    std::map<uint32_t, uint64_t> sorted;
    for (size_t i = 0; i < kSlots; ++i) {
      uint32_t k = keys_[i].load(std::memory_order_acquire);
      if (k) sorted[k] += counts_[i].load(std::memory_order_relaxed);
    }
    const std::string route = EscapeLabel(label_);
    for (auto [k, n] : sorted)
      fmt::format_to(std::back_inserter(out),
                     "pintu_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                     route, kMethods[k >> 10], k & 1023, n);
    if (uint64_t n = overflow_.load(std::memory_order_relaxed))
      fmt::format_to(std::back_inserter(out),
                     "pintu_http_requests_total{{route=\"{}\",method=\"other\",status=\"other\"}} {}\n",
                     route, n);
  }

  void RenderHistogram(std::string& out) const {
    const std::string route = EscapeLabel(label_);
    uint64_t cumulative = 0;
    for (size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += buckets_[b].load(std::memory_order_relaxed);
      fmt::format_to(std::back_inserter(out),
                     "pintu_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
                     kBuckets[b], cumulative);
    }
    cumulative += buckets_[kBuckets.size()].load(std::memory_order_relaxed);
    fmt::format_to(std::back_inserter(out),
                   "pintu_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n"
                   "pintu_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n"
                   "pintu_http_request_duration_seconds_count{{route=\"{}\"}} {}\n",
                   route, cumulative, route, sum_ns_.load(std::memory_order_relaxed) / 1e9, route,
                   cumulative);
  }

  bool Empty() const { return Total() == 0; }

 private:
  std::string label_;
  std::array<std::atomic<uint32_t>, kSlots> keys_{};
  std::array<std::atomic<uint64_t>, kSlots> counts_{};
  std::atomic<uint64_t> overflow_{0};
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> buckets_{};
  std::atomic<uint64_t> sum_ns_{0};
};

struct Metrics::Impl {
  mutable std::mutex mu;
  std::deque<RouteStats> routes;  // deque: stable references
  std::map<std::string, RouteStats*, std::less<>> by_label;
  std::array<std::atomic<uint64_t>, kErrorKinds.size()> errors{};
  struct Gauge {
    std::string help;
    std::function<double()> value;
  };
  std::map<std::string, Gauge> gauges;
};

Metrics::Metrics() : impl_(std::make_unique<Impl>()) {}
Metrics::~Metrics() = default;

Metrics::RouteStats& Metrics::Route(std::string_view route) {
  std::lock_guard lock(impl_->mu);
  if (auto it = impl_->by_label.find(route); it != impl_->by_label.end()) return *it->second;
  RouteStats& r = impl_->routes.emplace_back(std::string(route));
  impl_->by_label.emplace(std::string(route), &r);
  return r;
}

void Metrics::Observe(RouteStats& route, std::string_view method, int status,
                      std::chrono::nanoseconds duration) {
  route.Count(MethodIndex(method), status);
  route.Time(duration);
}

void Metrics::AddError(HttpErrorKind kind) {
  auto i = static_cast<size_t>(kind);
  if (i < impl_->errors.size()) impl_->errors[i].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::AddGauge(std::string name, std::string help, std::function<double()> value) {
  std::lock_guard lock(impl_->mu);
  impl_->gauges[std::move(name)] = Impl::Gauge{std::move(help), std::move(value)};
}

uint64_t Metrics::RequestCount(std::string_view route) const {
  std::lock_guard lock(impl_->mu);
  auto it = impl_->by_label.find(route);
  return it == impl_->by_label.end() ? 0 : it->second->Total();
}

std::string Metrics::Render() const {
  std::string out;
  out.reserve(4096);
  std::map<std::string, Impl::Gauge> gauges;
  {
  std::lock_guard lock(impl_->mu);
  gauges = impl_->gauges;  // callbacks run outside the lock: they may use Metrics too
  out += "# HELP pintu_http_requests_total HTTP requests answered, by route pattern, method and status.\n"
         "# TYPE pintu_http_requests_total counter\n";
  for (const auto& [label, r] : impl_->by_label) r->RenderCounters(out);
  out += "# HELP pintu_http_request_duration_seconds Time from a complete request header to the last response byte written.\n"
         "# TYPE pintu_http_request_duration_seconds histogram\n";
  for (const auto& [label, r] : impl_->by_label)
    if (!r->Empty()) r->RenderHistogram(out);
  out += "# HELP pintu_http_errors_total Failed requests and connections, by kind.\n"
         "# TYPE pintu_http_errors_total counter\n";
  for (size_t i = 0; i < kErrorKinds.size(); ++i)
    fmt::format_to(std::back_inserter(out), "pintu_http_errors_total{{kind=\"{}\"}} {}\n", kErrorKinds[i],
                   impl_->errors[i].load(std::memory_order_relaxed));
  fmt::format_to(std::back_inserter(out),
                 "# HELP pintu_http_requests_in_flight Requests being handled or written now.\n"
                 "# TYPE pintu_http_requests_in_flight gauge\n"
                 "pintu_http_requests_in_flight {}\n"
                 "# HELP pintu_http_open_connections Open client connections.\n"
                 "# TYPE pintu_http_open_connections gauge\n"
                 "pintu_http_open_connections {}\n",
                 in_flight_.load(std::memory_order_relaxed), connections_.load(std::memory_order_relaxed));
  }
  for (const auto& [name, g] : gauges) {
    double v;
    try {
      v = g.value();
    } catch (...) {
      continue;
    }
    fmt::format_to(std::back_inserter(out), "# HELP {} {}\n# TYPE {} gauge\n{} {}\n", name, g.help, name,
                   name, v);
  }
  return out;
}

}  // namespace pintu::http

#include "http/access_log.h"

#include <condition_variable>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <thread>

#include <fmt/format.h>

namespace pintu::http {
namespace {

// Appends `s` as the inside of a JSON string.
void AppendJsonEscaped(fmt::memory_buffer& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c < 0x20) {
      const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(esc, esc + 6);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
}

// "YYYY-MM-DDTHH:MM:SS" of the current second, cached per thread.
void AppendTime(fmt::memory_buffer& out, std::chrono::system_clock::time_point t) {
  thread_local std::time_t cached_sec = -1;
  thread_local char cached[24];
  const auto since = t.time_since_epoch();
  const std::time_t sec = std::chrono::duration_cast<std::chrono::seconds>(since).count();
  if (sec != cached_sec) {
    std::tm tm{};
    gmtime_r(&sec, &tm);
    std::strftime(cached, sizeof cached, "%Y-%m-%dT%H:%M:%S", &tm);
    cached_sec = sec;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(since).count() % 1000;
  fmt::format_to(std::back_inserter(out), "{}.{:03}Z", cached, ms);
}

}  // namespace

struct AccessLog::Impl {
  Sink sink;
  std::chrono::milliseconds interval;
  size_t max_pending;
  std::mutex mu;
  std::condition_variable cv;
  std::string pending;
  bool stop = false;
  uint64_t flush_requested = 0, flush_done = 0;
  std::condition_variable flushed;
  std::thread writer;

  void Loop() {
    std::string batch;
    std::unique_lock lock(mu);
    for (;;) {
      cv.wait_for(lock, interval, [&] { return stop || pending.size() >= (64 << 10) || flush_requested != flush_done; });
      const uint64_t target = flush_requested;
      batch.swap(pending);
      const bool stopping = stop;
      lock.unlock();
      if (!batch.empty()) {
        try {
          sink(batch);
        } catch (...) {
        }
        batch.clear();
      }
      lock.lock();
      flush_done = target;
      flushed.notify_all();
      if (stopping && pending.empty()) return;
    }
  }
};

AccessLog::AccessLog(Sink sink, std::chrono::milliseconds flush_interval, size_t max_pending_bytes)
    : impl_(std::make_unique<Impl>()) {
  impl_->sink = std::move(sink);
  impl_->interval = flush_interval;
  impl_->max_pending = max_pending_bytes;
  impl_->writer = std::thread([this] { impl_->Loop(); });
}

AccessLog::~AccessLog() {
  {
    std::lock_guard lock(impl_->mu);
    impl_->stop = true;
  }
  impl_->cv.notify_all();
  impl_->writer.join();
}

std::unique_ptr<AccessLog> AccessLog::OpenFile(const std::string& path, std::string* error) {
  std::FILE* f = std::fopen(path.c_str(), "ae");
  if (!f) {
    if (error) *error = "cannot open access log " + path;
    return nullptr;
  }
  std::shared_ptr<std::FILE> file(f, [](std::FILE* p) { std::fclose(p); });
  return std::make_unique<AccessLog>([file](std::string_view lines) {
    std::fwrite(lines.data(), 1, lines.size(), file.get());
    std::fflush(file.get());
  });
}

std::unique_ptr<AccessLog> AccessLog::Stdout() {
  return std::make_unique<AccessLog>([](std::string_view lines) {
    std::fwrite(lines.data(), 1, lines.size(), stdout);
    std::fflush(stdout);
  });
}

void AccessLog::Write(const AccessRecord& r) {
  if (!enabled()) return;
  thread_local fmt::memory_buffer line;
  line.clear();
  fmt::format_to(std::back_inserter(line), "{{\"time\":\"");
  AppendTime(line, r.time);
  fmt::format_to(std::back_inserter(line), "\",\"remote\":\"");
  AppendJsonEscaped(line, r.remote);
  fmt::format_to(std::back_inserter(line), "\",\"method\":\"");
  AppendJsonEscaped(line, r.method);
  fmt::format_to(std::back_inserter(line), "\",\"path\":\"");
  AppendJsonEscaped(line, r.path);
  fmt::format_to(std::back_inserter(line), "\",\"status\":{},\"bytes\":{},\"duration_us\":{}}}\n", r.status,
                 r.bytes, r.duration_us);
  bool wake = false;
  {
    std::lock_guard lock(impl_->mu);
    if (impl_->pending.size() + line.size() > impl_->max_pending) {
      dropped_.fetch_add(1, std::memory_order_relaxed);
      return;
    }
    impl_->pending.append(line.data(), line.size());
    wake = impl_->pending.size() >= (64 << 10);
  }
  if (wake) impl_->cv.notify_one();
}

void AccessLog::Flush() {
  std::unique_lock lock(impl_->mu);
  const uint64_t ticket = ++impl_->flush_requested;
  impl_->cv.notify_all();
  impl_->flushed.wait(lock, [&] { return impl_->flush_done >= ticket; });
}

}  // namespace pintu::http

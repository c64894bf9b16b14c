// A tiny HTTP/1.1 server for tests of outgoing requests: plain sockets, one thread per
// connection, bound to 127.0.0.1 or ::1 on a port the kernel picks. It answers each
// request with whatever the test's handler returns — including hostile answers (slow
// drips, endless bodies, lying Content-Length) — and counts what reached it, so a test
// can assert that a refused fetch never arrived. Every connection is closed after one
// reply. Stopping (the destructor) unblocks and joins every thread.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace pintu::test {

// One request as the server received it.
struct ReceivedRequest {
  std::string method;  // "GET", "HEAD" …
  std::string target;  // "/path?query"
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case

  // The value of header `name` (lower case), or "" when absent.
  std::string Header(std::string_view name) const {
    for (const auto& [k, v] : headers)
      if (k == name) return v;
    return {};
  }
};

// What to answer.
struct HttpReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // Adds "Content-Length: body.size()" unless a Content-Length header is given or this is false.
  bool add_content_length = true;
  // Instead of `body`: this many bytes of 'x', sent without Content-Length (close ends it).
  uint64_t endless_bytes = 0;
  // Sends the body `drip_bytes` at a time with `drip_interval` between pieces.
  size_t drip_bytes = 0;
  std::chrono::milliseconds drip_interval{0};
  // Waits this long before answering at all.
  std::chrono::milliseconds delay{0};
  // When not empty: these bytes are sent as they are instead of a formatted response.
  std::string raw;
};

class LoopbackHttpServer {
 public:
  using Handler = std::function<HttpReply(const ReceivedRequest&)>;

  // Starts a server on `host` ("127.0.0.1" or "::1"), port 0. Returns nullptr when that
  // address cannot be bound (e.g. no IPv6 on the machine).
  static std::unique_ptr<LoopbackHttpServer> Start(Handler handler, const std::string& host = "127.0.0.1") {
    std::unique_ptr<LoopbackHttpServer> s(new LoopbackHttpServer(std::move(handler), host));
    if (!s->Listen()) return nullptr;
    s->accept_thread_ = std::thread([raw = s.get()] { raw->AcceptLoop(); });
    return s;
  }

  ~LoopbackHttpServer() {
    stop_ = true;
    if (listen_fd_ >= 0) ::shutdown(listen_fd_, SHUT_RDWR);
    if (accept_thread_.joinable()) accept_thread_.join();
    {
      std::lock_guard lock(mutex_);
      for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
    }
    for (std::thread& t : connection_threads_) t.join();
    if (listen_fd_ >= 0) ::close(listen_fd_);
  }
  LoopbackHttpServer(const LoopbackHttpServer&) = delete;
  LoopbackHttpServer& operator=(const LoopbackHttpServer&) = delete;

  uint16_t port() const { return port_; }
  // "http://127.0.0.1:PORT" + path (or "http://[::1]:PORT" + path).
  std::string Url(std::string_view path = "/") const {
    std::string host = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
    return "http://" + host + ":" + std::to_string(port_) + std::string(path);
  }
  // Connections accepted so far.
  int connections() const { return connections_.load(); }
  // Requests whose headers were read completely so far.
  int requests() const { return requests_.load(); }
  // Copies of the requests received so far, in order of arrival.
  std::vector<ReceivedRequest> received() const {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  LoopbackHttpServer(Handler handler, std::string host) : handler_(std::move(handler)), host_(std::move(host)) {}

  bool Listen() {
    const bool v6 = host_.find(':') != std::string::npos;
    listen_fd_ = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listen_fd_ < 0) return false;
    int one = 1;
    ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_storage addr{};
    socklen_t len = 0;
    if (v6) {
      auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
      a->sin6_family = AF_INET6;
      if (inet_pton(AF_INET6, host_.c_str(), &a->sin6_addr) != 1) return false;
      len = sizeof(sockaddr_in6);
    } else {
      auto* a = reinterpret_cast<sockaddr_in*>(&addr);
      a->sin_family = AF_INET;
      if (inet_pton(AF_INET, host_.c_str(), &a->sin_addr) != 1) return false;
      len = sizeof(sockaddr_in);
    }
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0) return false;
    if (::listen(listen_fd_, 64) != 0) return false;
    if (::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0) return false;
    port_ = ntohs(v6 ? reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port : reinterpret_cast<sockaddr_in*>(&addr)->sin_port);
    return true;
  }

  void AcceptLoop() {
    while (!stop_) {
      pollfd p{listen_fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) <= 0) continue;
      int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) continue;
      ++connections_;
      std::lock_guard lock(mutex_);
      open_fds_.insert(fd);
      connection_threads_.emplace_back([this, fd] { Serve(fd); });
    }
  }

  // Sleeps up to `d`, waking early when the server stops. Returns false when stopping.
  bool Wait(std::chrono::milliseconds d) {
    auto until = std::chrono::steady_clock::now() + d;
    while (std::chrono::steady_clock::now() < until) {
      if (stop_) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return !stop_;
  }

  bool SendAll(int fd, std::string_view data) {
    while (!data.empty()) {
      ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<size_t>(n));
    }
    return true;
  }

  static std::string Lower(std::string s) {
    for (char& c : s)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return s;
  }

  static bool ParseRequest(const std::string& head, ReceivedRequest& r) {
    size_t eol = head.find("\r\n");
    std::string line = head.substr(0, eol);
    size_t s1 = line.find(' '), s2 = line.rfind(' ');
    if (s1 == std::string::npos || s2 == s1) return false;
    r.method = line.substr(0, s1);
    r.target = line.substr(s1 + 1, s2 - s1 - 1);
    size_t pos = eol + 2;
    while (pos < head.size()) {
      size_t end = head.find("\r\n", pos);
      if (end == std::string::npos) end = head.size();
      std::string h = head.substr(pos, end - pos);
      size_t colon = h.find(':');
      if (colon != std::string::npos) {
        std::string value = h.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        r.headers.emplace_back(Lower(h.substr(0, colon)), value);
      }
      pos = end + 2;
    }
    return true;
  }

  void Serve(int fd) {
    timeval tv{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::string head;
    char buf[4096];
    while (head.find("\r\n\r\n") == std::string::npos && head.size() < 65536 && !stop_) {
      ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n <= 0) break;
      head.append(buf, static_cast<size_t>(n));
      if (head[0] < 'A' || head[0] > 'Z') break;  // not HTTP (e.g. a TLS ClientHello): hang up
    }
    ReceivedRequest request;
    size_t end = head.find("\r\n\r\n");
    if (end != std::string::npos && ParseRequest(head.substr(0, end), request)) {
      ++requests_;
      {
        std::lock_guard lock(mutex_);
        received_.push_back(request);
      }
      Reply(fd, request, handler_(request));
    }
    {
      std::lock_guard lock(mutex_);
      open_fds_.erase(fd);
    }
    ::shutdown(fd, SHUT_RDWR);
    ::close(fd);
  }

  void Reply(int fd, const ReceivedRequest& request, const HttpReply& reply) {
    if (reply.delay.count() > 0 && !Wait(reply.delay)) return;
    if (!reply.raw.empty()) {
      SendAll(fd, reply.raw);
      return;
    }
    std::string out = "HTTP/1.1 " + std::to_string(reply.status) + " Test\r\nConnection: close\r\n";
    bool has_length = false;
    for (const auto& [k, v] : reply.headers) {
      if (Lower(k) == "content-length") has_length = true;
      out += k + ": " + v + "\r\n";
    }
    if (!has_length && reply.add_content_length && reply.endless_bytes == 0)
      out += "Content-Length: " + std::to_string(reply.body.size()) + "\r\n";
    out += "\r\n";
    if (!SendAll(fd, out) || request.method == "HEAD") return;
    if (reply.endless_bytes > 0) {
      std::string chunk(64 * 1024, 'x');
      for (uint64_t sent = 0; sent < reply.endless_bytes && !stop_; sent += chunk.size())
        if (!SendAll(fd, std::string_view(chunk).substr(0, std::min<uint64_t>(chunk.size(), reply.endless_bytes - sent))))
          return;
      return;
    }
    if (reply.drip_bytes > 0) {
      std::string_view body = reply.body;
      while (!body.empty()) {
        size_t n = std::min(reply.drip_bytes, body.size());
        if (!SendAll(fd, body.substr(0, n))) return;
        body.remove_prefix(n);
        if (!Wait(reply.drip_interval)) return;
      }
      return;
    }
    SendAll(fd, reply.body);
  }

  Handler handler_;
  std::string host_;
  int listen_fd_ = -1;
  uint16_t port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::atomic<int> requests_{0};
  std::thread accept_thread_;
  mutable std::mutex mutex_;
  std::set<int> open_fds_;
  std::vector<std::thread> connection_threads_;
  std::vector<ReceivedRequest> received_;
};

}  // namespace pintu::test

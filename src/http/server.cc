// Beast/Asio implementation of Server. One io_context run by `threads` threads;
// each connection is a coroutine on its own strand, so its steps never overlap.
#include "http/server.h"

#include <atomic>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <list>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/file_body.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/access_log.h"
#include "http/metrics.h"

namespace pintu::http {
namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = net::ip::tcp;

constexpr auto kTuple = net::as_tuple(net::use_awaitable);
constexpr size_t kReadChunk = 8192;
constexpr size_t kMaxIdleBuffer = 64 << 10;
constexpr std::string_view kUnmatchedRoute = "unmatched";

// The current time as an IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"), cached per thread per second.
std::string_view HttpDate() {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  thread_local std::time_t cached = -1;
  thread_local char buf[32];
  thread_local size_t len = 0;
  const std::time_t now = std::time(nullptr);
  if (now != cached) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    auto r = fmt::format_to_n(buf, sizeof buf, "{}, {:02} {} {} {:02}:{:02}:{:02} GMT", kDays[tm.tm_wday],
                              tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                              tm.tm_sec);
    len = r.size;
    cached = now;
  }
  return {buf, len};
}

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

// Raw path and query of a request target (origin-form or absolute-form).
void SplitTarget(std::string_view target, std::string_view& path, std::string_view& query) {
  if (target.starts_with("http://") || target.starts_with("https://")) {
    size_t scheme_end = target.find("//") + 2;
    size_t slash = target.find_first_of("/?#", scheme_end);
    target = slash == std::string_view::npos ? std::string_view() : target.substr(slash);
  }
  size_t hash = target.find('#');
  if (hash != std::string_view::npos) target = target.substr(0, hash);
  size_t q = target.find('?');
  path = q == std::string_view::npos ? target : target.substr(0, q);
  query = q == std::string_view::npos ? std::string_view() : target.substr(q + 1);
  if (path.empty()) path = "/";
}

// Copies a parsed Beast request into `out`, reusing its strings where it can.
void FillRequest(HttpRequest& out, bhttp::request<bhttp::string_body>& in) {
  out.method.assign(in.method_string().data(), in.method_string().size());
  out.target.assign(in.target().data(), in.target().size());
  std::string_view raw_path, raw_query;
  SplitTarget(out.target, raw_path, raw_query);
  out.path = PercentDecode(raw_path, false);
  out.query = raw_query.empty() ? Pairs{} : ParseQueryString(raw_query);
  size_t n = 0;
  for (const auto& f : in) {
    if (n == out.headers.size()) out.headers.emplace_back();
    auto& [name, value] = out.headers[n++];
    std::string_view fname = f.name_string();
    name.resize(fname.size());
    for (size_t i = 0; i < fname.size(); ++i)
      name[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(fname[i])));
    value.assign(f.value().data(), f.value().size());
  }
  out.headers.resize(n);
  out.body = std::move(in.body());
  out.params.clear();
}

std::string FormatRemote(const tcp::socket& s) {
  beast::error_code ec;
  auto ep = s.remote_endpoint(ec);
  if (ec) return "-";
  if (ep.address().is_v6()) return fmt::format("[{}]:{}", ep.address().to_string(), ep.port());
  return fmt::format("{}:{}", ep.address().to_string(), ep.port());
}

bool IsHttpParseError(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

// One client connection; `idle` is true while it waits for the first byte of a request.
// Only touched on the connection's strand (except the registry link).
struct Conn {
  explicit Conn(tcp::socket s) : stream(std::move(s)) {}
  beast::tcp_stream stream;
  bool idle = false;
  std::list<std::weak_ptr<Conn>>::iterator link;
};

// Result of writing one response.
struct Written {
  beast::error_code ec;
  int status = 0;
  uint64_t bytes = 0;
};

}  // namespace

struct Server::Impl {
  ServerOptions opt;
  Router router;
  Metrics& metrics;
  AccessLog* access_log;
  std::vector<Metrics::RouteStats*> route_stats;  // by route id
  Metrics::RouteStats* unmatched_stats;

  std::mutex conns_mu;
  std::list<std::weak_ptr<Conn>> conns;
  std::atomic<int> open_conns{0};
  std::atomic<bool> stopping{false};
  std::atomic<bool> stop_requested{false};
  bool started = false;
  uint16_t bound_port = 0;

  // Declared last: destroyed first, while everything the coroutines use still exists.
  net::io_context ioc;
  net::strand<net::io_context::executor_type> control{net::make_strand(ioc)};
  tcp::acceptor acceptor{control};
  net::signal_set signals{control};
  std::optional<net::executor_work_guard<net::io_context::executor_type>> work;

  Impl(ServerOptions o, Router r, Metrics& m, AccessLog* log)
      : opt(std::move(o)), router(std::move(r)), metrics(m), access_log(log),
        ioc(std::max(1, opt.threads)) {
    for (const auto& label : router.route_labels()) route_stats.push_back(&metrics.Route(label));
    unmatched_stats = &metrics.Route(kUnmatchedRoute);
  }

  ~Impl() {
    beast::error_code ec;
    acceptor.close(ec);
    ioc.stop();
  }

  Result<void> Start();
  void Run();
  void Stop();
  net::awaitable<void> Accept();
  net::awaitable<void> Shutdown();
  void CloseConnections(bool idle_only);
  net::awaitable<void> Session(tcp::socket socket);
  net::awaitable<void> Serve(std::shared_ptr<Conn> conn);
  net::awaitable<Written> WriteResponse(beast::tcp_stream& stream, HttpResponse& r, unsigned version,
                                        bool keep_alive, bool head);
  net::awaitable<Written> WriteError(Conn& conn, int status, std::string_view code, std::string_view message);
  net::awaitable<void> LingeringClose(Conn& conn);
  void Record(Metrics::RouteStats& stats, std::string_view method, std::string_view path,
              const std::string& remote, const Written& w, std::chrono::steady_clock::time_point start,
              std::chrono::system_clock::time_point wall);

  template <class Body>
  void SetCommonHeaders(bhttp::response<Body>& res, const HttpResponse& r, int status, unsigned version,
                        bool keep_alive, bool with_content_type) {
    res.version(version);
    res.result(static_cast<unsigned>(status));
    res.set(bhttp::field::server, "pintu");
    res.set(bhttp::field::date, HttpDate());
    if (with_content_type && !r.content_type.empty()) res.set(bhttp::field::content_type, r.content_type);
    for (const auto& [name, value] : r.headers) {
      if (IEquals(name, "content-length") || IEquals(name, "transfer-encoding") || IEquals(name, "connection"))
        continue;
      if (name.find_first_of("\r\n:") != std::string::npos || value.find_first_of("\r\n") != std::string::npos) {
        spdlog::warn("http: dropped response header {:?} with a line break", name);
        continue;
      }
      if (IEquals(name, "server") || IEquals(name, "date") || IEquals(name, "content-type"))
        res.set(name, value);
      else
        res.insert(name, value);
    }
    res.keep_alive(keep_alive);
  }

  // Writes `res`; the timeout applies to each chunk so large files can stream slowly but steadily.
  template <class Body>
  net::awaitable<beast::error_code> WriteMessage(beast::tcp_stream& stream, bhttp::response<Body>& res) {
    bhttp::response_serializer<Body> sr{res};
    while (!sr.is_done()) {
      stream.expires_after(opt.read_timeout);
      auto [ec, n] = co_await bhttp::async_write_some(stream, sr, kTuple);
      if (ec) co_return ec;
    }
    co_return beast::error_code{};
  }
};

Result<void> Server::Impl::Start() {
  if (started) return Ok();
  const std::string where = fmt::format("{}:{}", opt.host, opt.port);
  beast::error_code ec;
  tcp::endpoint endpoint;
  auto address = net::ip::make_address(opt.host, ec);
  if (!ec) {
    endpoint = tcp::endpoint(address, opt.port);
  } else {
    tcp::resolver resolver(ioc);
    auto results = resolver.resolve(opt.host, std::to_string(opt.port), ec);
    if (ec || results.empty())
      return std::unexpected(Error::Internal(fmt::format("cannot resolve listen address {}: {}", where,
                                                         ec ? ec.message() : "no address")));
    endpoint = results.begin()->endpoint();
  }
  auto fail = [&](const char* step) {
    std::string msg = ec.message();
    if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(msg[0])));
    beast::error_code ignored;
    acceptor.close(ignored);
    return std::unexpected(Error::Internal(fmt::format("cannot {} {}: {}", step, where, msg)));
  };
  acceptor.open(endpoint.protocol(), ec);
  if (ec) return fail("open a socket for");
  acceptor.set_option(net::socket_base::reuse_address(true), ec);
  acceptor.bind(endpoint, ec);
  if (ec) return fail("listen on");
  acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return fail("listen on");
  bound_port = acceptor.local_endpoint(ec).port();
  started = true;
  return Ok();
}

void Server::Impl::Run() {
  if (!started) return;
  work.emplace(ioc.get_executor());
  net::co_spawn(control, Accept(), net::detached);
  if (opt.handle_signals) {
    beast::error_code ec;
    signals.add(SIGINT, ec);
    signals.add(SIGTERM, ec);
    signals.async_wait([this](const beast::error_code& e, int sig) {
      if (e) return;
      spdlog::info("http: signal {} received, shutting down", sig);
      Stop();
    });
  }
  auto runner = [this] {
    for (;;) {
      try {
        ioc.run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http: event loop error: {}", e.what());
      } catch (...) {
        spdlog::error("http: event loop error");
      }
    }
  };
  std::vector<std::thread> threads;
  for (int i = 1; i < opt.threads; ++i) threads.emplace_back(runner);
  runner();
  for (auto& t : threads) t.join();
}

void Server::Impl::Stop() {
  if (stop_requested.exchange(true)) return;
  net::co_spawn(control, Shutdown(), net::detached);
}

net::awaitable<void> Server::Impl::Accept() {
  net::steady_timer backoff(control);
  for (;;) {
    tcp::socket socket(net::make_strand(ioc));
    auto [ec] = co_await acceptor.async_accept(socket, kTuple);
    if (!acceptor.is_open() || stopping.load()) co_return;
    if (ec) {
      if (ec == net::error::operation_aborted) co_return;
      spdlog::warn("http: accept failed: {}", ec.message());
      backoff.expires_after(std::chrono::milliseconds(50));  // e.g. out of file descriptors
      co_await backoff.async_wait(kTuple);
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = socket.get_executor();
    net::co_spawn(executor, Session(std::move(socket)), net::detached);
  }
}

void Server::Impl::CloseConnections(bool idle_only) {
  std::lock_guard lock(conns_mu);
  for (const auto& weak : conns) {
    if (auto conn = weak.lock()) {
      net::post(conn->stream.get_executor(), [conn, idle_only] {
        if (idle_only && !conn->idle) return;
        beast::error_code ec;
        conn->stream.socket().shutdown(tcp::socket::shutdown_both, ec);
        conn->stream.close();
      });
    }
  }
}

net::awaitable<void> Server::Impl::Shutdown() {
  stopping.store(true);
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  CloseConnections(/*idle_only=*/true);
  net::steady_timer timer(control);
  auto wait_until = [&](std::chrono::steady_clock::time_point deadline) -> net::awaitable<void> {
    while (open_conns.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      timer.expires_after(std::chrono::milliseconds(5));
      co_await timer.async_wait(kTuple);
    }
  };
  co_await wait_until(std::chrono::steady_clock::now() + opt.shutdown_grace);
  if (open_conns.load() > 0) {
    spdlog::warn("http: {} connection(s) still busy after the shutdown grace period; closing them",
                 open_conns.load());
    CloseConnections(/*idle_only=*/false);
    co_await wait_until(std::chrono::steady_clock::now() + std::chrono::seconds(2));
  }
  work.reset();
  if (open_conns.load() > 0) ioc.stop();  // a handler is stuck; give up on it
}

net::awaitable<void> Server::Impl::Session(tcp::socket socket) {
  auto conn = std::make_shared<Conn>(std::move(socket));
  {
    std::lock_guard lock(conns_mu);
    conns.push_front(conn);
    conn->link = conns.begin();
  }
  open_conns.fetch_add(1);
  metrics.ConnectionOpened();
  try {
    co_await Serve(conn);
  } catch (const std::exception& e) {
    spdlog::error("http: connection error: {}", e.what());
    metrics.AddError(HttpErrorKind::kIo);
  } catch (...) {
    metrics.AddError(HttpErrorKind::kIo);
  }
  conn->stream.close();
  {
    std::lock_guard lock(conns_mu);
    conns.erase(conn->link);
  }
  metrics.ConnectionClosed();
  open_conns.fetch_sub(1);
}

net::awaitable<void> Server::Impl::Serve(std::shared_ptr<Conn> conn) {
  beast::tcp_stream& stream = conn->stream;
  const std::string remote = FormatRemote(stream.socket());
  beast::flat_buffer buffer;
  HttpRequest req;
  req.remote = remote;
  bool first = true;

  for (;;) {
    if (stopping.load(std::memory_order_relaxed)) break;

    // Wait for the first byte of the next request (the only state Stop() may interrupt).
    if (buffer.size() == 0) {
      if (buffer.capacity() > kMaxIdleBuffer) buffer.shrink_to_fit();
      conn->idle = true;
      stream.expires_after(first ? opt.read_timeout : opt.keep_alive_timeout);
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(kReadChunk), kTuple);
      conn->idle = false;
      if (ec) {
        if (ec == beast::error::timeout && first) metrics.AddError(HttpErrorKind::kTimeout);
        break;
      }
      buffer.commit(n);
    }
    first = false;

    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(opt.max_header_bytes));
    parser.body_limit(opt.max_body_bytes);
    stream.expires_after(opt.read_timeout);
    auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kTuple);
    if (!ec && !parser.is_done()) {
      auto expect = parser.get()[bhttp::field::expect];
      if (IEquals(expect, "100-continue")) {
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        auto [wec, wn] = co_await net::async_write(stream, net::buffer(kContinue.data(), kContinue.size()), kTuple);
        ec = wec;
      }
      if (!ec) {
        stream.expires_after(opt.read_timeout);
        auto [rec, rn] = co_await bhttp::async_read(stream, buffer, parser, kTuple);
        ec = rec;
      }
    }
    if (ec) {
      const auto start = std::chrono::steady_clock::now();
      const auto wall = std::chrono::system_clock::now();
      std::string method = parser.is_header_done() ? std::string(parser.get().method_string()) : "";
      std::string path = parser.is_header_done() ? std::string(parser.get().target()) : "";
      if (auto q = path.find('?'); q != std::string::npos) path.resize(q);
      Written w;
      if (ec == bhttp::error::body_limit) {
        metrics.AddError(HttpErrorKind::kBodyTooLarge);
        w = co_await WriteError(*conn, 413, "payload_too_large",
                                fmt::format("The request body is larger than {} bytes.", opt.max_body_bytes));
      } else if (ec == bhttp::error::header_limit) {
        metrics.AddError(HttpErrorKind::kHeaderTooLarge);
        w = co_await WriteError(*conn, 431, "header_too_large",
                                fmt::format("The request header is larger than {} bytes.", opt.max_header_bytes));
      } else if (ec == beast::error::timeout) {
        metrics.AddError(HttpErrorKind::kTimeout);
        break;
      } else if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message ||
                 ec == net::error::eof || ec == net::error::operation_aborted ||
                 ec == net::error::connection_reset) {
        break;
      } else if (IsHttpParseError(ec)) {
        metrics.AddError(HttpErrorKind::kBadRequest);
        w = co_await WriteError(*conn, 400, "bad_request", "The request is not valid HTTP/1.1: " + ec.message());
      } else {
        metrics.AddError(HttpErrorKind::kIo);
        break;
      }
      Record(*unmatched_stats, method, path, remote, w, start, wall);
      co_await LingeringClose(*conn);
      break;
    }

    // A complete request: run the handler and answer.
    const auto start = std::chrono::steady_clock::now();
    const auto wall = std::chrono::system_clock::now();
    metrics.RequestStarted();
    auto& msg = parser.get();
    const unsigned version = msg.version();
    bool keep_alive = msg.keep_alive();
    FillRequest(req, msg);
    DispatchInfo info;
    HttpResponse res;
    try {
      res = router.Dispatch(req, &info);
    } catch (...) {  // Dispatch does not throw; this guards against bad_alloc and the like
      info.handler_threw = true;
      res = JsonError(500, "internal_error", "The server failed to handle this request.");
    }
    if (info.handler_threw) {
      metrics.AddError(HttpErrorKind::kHandlerException);
      spdlog::error("http: handler for {} {} threw: {}", req.method, req.path, info.exception_message);
    }
    keep_alive = keep_alive && !stopping.load();
    Written w = co_await WriteResponse(stream, res, version, keep_alive, req.method == "HEAD");
    metrics.RequestFinished();
    std::string_view raw_path, raw_query;
    SplitTarget(req.target, raw_path, raw_query);
    Record(info.route_id >= 0 ? *route_stats[info.route_id] : *unmatched_stats, req.method, raw_path, remote, w,
           start, wall);
    if (w.ec) {
      if (w.ec == beast::error::timeout) metrics.AddError(HttpErrorKind::kTimeout);
      else if (w.ec != net::error::operation_aborted) metrics.AddError(HttpErrorKind::kIo);
      break;
    }
    if (!keep_alive) {
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      break;
    }
  }
}

void Server::Impl::Record(Metrics::RouteStats& stats, std::string_view method, std::string_view path,
                          const std::string& remote, const Written& w,
                          std::chrono::steady_clock::time_point start,
                          std::chrono::system_clock::time_point wall) {
  const auto elapsed = std::chrono::steady_clock::now() - start;
  metrics.Observe(stats, method, w.status, elapsed);
  if (access_log && access_log->enabled()) {
    AccessRecord r;
    r.time = wall;
    r.remote = remote;
    r.method = method;
    r.path = path;
    r.status = w.status;
    r.bytes = w.bytes;
    r.duration_us = static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count());
    access_log->Write(r);
  }
}

net::awaitable<Written> Server::Impl::WriteResponse(beast::tcp_stream& stream, HttpResponse& r, unsigned version,
                                                    bool keep_alive, bool head) {
  if (r.status < 100 || r.status > 999) {
    spdlog::error("http: handler returned invalid status {}", r.status);
    r = JsonError(500, "internal_error", "The server produced an invalid response.");
  }
  if (!r.file_path.empty()) {
    std::error_code fs_ec;
    bhttp::file_body::value_type file;
    beast::error_code ec;
    if (std::filesystem::is_regular_file(r.file_path, fs_ec))
      file.open(r.file_path.c_str(), beast::file_mode::scan, ec);
    else
      ec = std::make_error_code(std::errc::no_such_file_or_directory);
    if (!ec) {
      const uint64_t size = file.size();
      if (head) {
        bhttp::response<bhttp::empty_body> res;
        SetCommonHeaders(res, r, r.status, version, keep_alive, true);
        res.content_length(size);
        co_return Written{co_await WriteMessage(stream, res), r.status, 0};
      }
      bhttp::response<bhttp::file_body> res{std::piecewise_construct, std::make_tuple(std::move(file))};
      SetCommonHeaders(res, r, r.status, version, keep_alive, true);
      res.content_length(size);
      co_return Written{co_await WriteMessage(stream, res), r.status, size};
    }
    r = JsonError(404, "not_found", "The file of this resource is missing.");
  }
  const bool no_body = r.status < 200 || r.status == 204 || r.status == 304;
  if (head || no_body) {
    bhttp::response<bhttp::empty_body> res;
    SetCommonHeaders(res, r, r.status, version, keep_alive, !no_body);
    if (!no_body) res.content_length(r.body.size());
    co_return Written{co_await WriteMessage(stream, res), r.status, 0};
  }
  bhttp::response<bhttp::string_body> res;
  SetCommonHeaders(res, r, r.status, version, keep_alive, true);
  const uint64_t size = r.body.size();
  res.body() = std::move(r.body);
  res.content_length(size);
  co_return Written{co_await WriteMessage(stream, res), r.status, size};
}

net::awaitable<Written> Server::Impl::WriteError(Conn& conn, int status, std::string_view code,
                                                 std::string_view message) {
  HttpResponse r = JsonError(status, code, message);
  co_return co_await WriteResponse(conn.stream, r, 11, /*keep_alive=*/false, /*head=*/false);
}

// After an error response the client may still be sending: read and discard for a
// moment so closing the socket does not reset the connection before it reads our answer.
net::awaitable<void> Server::Impl::LingeringClose(Conn& conn) {
  beast::error_code ec;
  conn.stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  conn.stream.expires_after(std::chrono::seconds(2));
  std::array<char, 4096> sink;
  size_t total = 0;
  while (total < (1u << 20)) {
    auto [rec, n] = co_await conn.stream.async_read_some(net::buffer(sink), kTuple);
    if (rec) break;
    total += n;
  }
  conn.stream.close();
}

Server::Server(ServerOptions options, Router router, Metrics& metrics, AccessLog* access_log)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), metrics, access_log)) {}

Server::~Server() = default;

Result<void> Server::Start() { return impl_->Start(); }
uint16_t Server::port() const { return impl_->bound_port; }
void Server::Run() { impl_->Run(); }
void Server::Stop() { impl_->Stop(); }

}  // namespace pintu::http

// The HTTP/1.1 server (Boost.Beast + Asio, C++20 coroutines behind a pimpl:
// no Beast or Asio header is included here).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/error.h"
#include "http/router.h"

namespace pintu::http {

class Metrics;
class AccessLog;

struct ServerOptions {
  std::string host = "127.0.0.1";       // address or host name to listen on ("::" / "0.0.0.0" = all)
  uint16_t port = 8080;                 // 0 = an ephemeral port, see Server::port()
  int threads = 2;                      // threads running the event loop (and the handlers)
  size_t max_body_bytes = 16 << 20;     // larger bodies get 413 before they are read
  size_t max_header_bytes = 16 << 10;   // larger request headers get 431
  std::chrono::seconds read_timeout{30};        // to receive one request once it has begun, and to write one response chunk
  std::chrono::seconds keep_alive_timeout{30};  // idle time allowed between requests on a connection
  std::chrono::seconds shutdown_grace{10};      // Stop() waits this long for in-flight requests
  bool handle_signals = true;           // Run() stops gracefully on SIGINT / SIGTERM
};

// Serves a Router over HTTP/1.1.
//  - keep-alive and pipelined requests, handled one after another per connection;
//    HTTP/1.0 without "Connection: keep-alive" is closed after the response;
//  - 413 / 431 / 400 JSON errors for too-large bodies, too-large headers and malformed
//    requests (then the connection is closed); slow clients are disconnected after
//    read_timeout; a throwing handler gives 500 and the server carries on;
//  - responses with file_path are streamed from disk (404 JSON when the file is missing);
//  - every response carries Server: pintu, Date, Content-Type (when there is a body) and
//    Content-Length; HEAD responses carry the headers of GET without the body;
//  - each request is counted in Metrics (route label = the route pattern) and written to
//    the AccessLog when one is given.
class Server {
 public:
  // `metrics` and `access_log` (optional) must outlive the server.
  Server(ServerOptions options, Router router, Metrics& metrics, AccessLog* access_log = nullptr);
  // Stops the server if it is running. Do not destroy it while Run() is still executing.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens. Errors are readable, e.g.
  // "cannot listen on 127.0.0.1:8080: address already in use".
  Result<void> Start();
  // The bound port (meaningful after a successful Start(); resolves port 0).
  uint16_t port() const;
  // Serves on options.threads threads until Stop() or SIGINT/SIGTERM, then returns
  // after the graceful shutdown. Returns at once when Start() did not succeed.
  void Run();
  // Graceful shutdown, callable from any thread (also from a handler, also before Run()):
  // stop accepting, close idle connections, let in-flight requests finish and their
  // responses be written (up to shutdown_grace), then close everything; Run() returns.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pintu::http

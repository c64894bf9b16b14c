#include "http/server.h"

#include <signal.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "http/access_log.h"
#include "http/builtin_routes.h"
#include "http/metrics.h"
#include "http/test_client.h"

namespace pintu::http {
namespace {

using namespace std::chrono_literals;
using test_client::Client;

HttpResponse Json(boost::json::value v) {
  HttpResponse r;
  r.body = boost::json::serialize(v);
  return r;
}

class ServerTest : public ::testing::Test {
 protected:
  static ServerOptions TestOptions() {
    ServerOptions o;
    o.host = "127.0.0.1";
    o.port = 0;
    o.threads = 2;
    o.max_body_bytes = 1 << 20;
    o.max_header_bytes = 4 << 10;
    o.read_timeout = 1s;
    o.keep_alive_timeout = 2s;
    o.shutdown_grace = 5s;
    o.handle_signals = false;
    return o;
  }

  Router Routes() {
    Router r;
    AddBuiltinRoutes(r, metrics_);
    r.Get("/echo", [](const HttpRequest& q) {
      return Json({{"method", q.method},
                   {"path", q.path},
                   {"q", q.Query("q").value_or("")},
                   {"x", std::string(q.Header("x-test"))},
                   {"remote_set", !q.remote.empty()}});
    });
    r.Post("/echo", [](const HttpRequest& q) {
      HttpResponse res;
      res.status = 201;
      res.content_type = "text/plain";
      res.body = "got:" + q.body;
      res.SetHeader("X-Echo", "yes");
      return res;
    });
    r.Get("/dataset/{id}/resource/{rid}/download/{filename}", [](const HttpRequest& q) {
      return Json({{"id", q.Param("id")}, {"rid", q.Param("rid")}, {"filename", q.Param("filename")}});
    });
    r.Get("/boom", [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("handler failed"); });
    r.Get("/slow", [this](const HttpRequest&) {
      slow_started_ = true;
      std::this_thread::sleep_for(700ms);
      HttpResponse res;
      res.body = R"({"slow":"done"})";
      return res;
    });
    r.Get("/file", [this](const HttpRequest&) {
      HttpResponse res;
      res.content_type = "text/csv";
      res.file_path = file_path_;
      return res;
    });
    r.Get("/missing-file", [](const HttpRequest&) {
      HttpResponse res;
      res.file_path = "/nonexistent/pintu/file.csv";
      return res;
    });
    r.Get("/stop", [this](const HttpRequest&) {
      server_->Stop();
      return HttpResponse{};
    });
    return r;
  }

  void StartServer(ServerOptions o = TestOptions(), AccessLog* log = nullptr) {
    server_ = std::make_unique<Server>(o, Routes(), metrics_, log);
    auto started = server_->Start();
    ASSERT_TRUE(started.has_value()) << started.error().message;
    port_ = server_->port();
    ASSERT_NE(port_, 0);
    thread_ = std::thread([this] { server_->Run(); });
  }

  void StopServer() {
    if (!server_) return;
    server_->Stop();
    if (thread_.joinable()) thread_.join();
    server_.reset();
  }

  void SetUp() override {
    file_path_ = (std::filesystem::temp_directory_path() /
                  ("pintu_http_test_" + std::to_string(::getpid()) + ".csv"))
                     .string();
    std::ofstream(file_path_) << file_content_;
  }

  void TearDown() override {
    StopServer();
    std::filesystem::remove(file_path_);
  }

  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  uint16_t port_ = 0;
  std::atomic<bool> slow_started_{false};
  std::string file_path_;
  std::string file_content_ = std::string("名稱,數量\n") + std::string(200000, 'x') + "\n";
};

TEST_F(ServerTest, GetAndPostRoundTrip) {
  StartServer();
  Client c(port_);
  ASSERT_TRUE(c.connected());
  auto r = c.Request("GET", "/echo", {}, "X-Test: hello\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  auto v = boost::json::parse(r->body);
  EXPECT_EQ(v.at("method").as_string(), "GET");
  EXPECT_EQ(v.at("x").as_string(), "hello");
  EXPECT_TRUE(v.at("remote_set").as_bool());

  auto p = c.Request("POST", "/echo", "payload 資料");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->status, 201);
  EXPECT_EQ(p->body, "got:payload 資料");
  EXPECT_EQ(p->Header("x-echo"), "yes");
  EXPECT_EQ(p->Header("content-type"), "text/plain");
}

TEST_F(ServerTest, StandardHeaders) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"status":"ok"})");
  EXPECT_EQ(r->Header("server"), "pintu");
  EXPECT_NE(r->Header("date").find(" GMT"), std::string::npos);
  EXPECT_EQ(r->Header("content-type"), "application/json;charset=utf-8");
  EXPECT_EQ(r->Header("content-length"), "15");
}

TEST_F(ServerTest, KeepAliveAndPipelining) {
  StartServer();
  Client c(port_);
  auto a = c.Request("GET", "/healthz");
  auto b = c.Request("GET", "/echo?q=two");
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->status, 200);
  EXPECT_EQ(boost::json::parse(b->body).at("q").as_string(), "two");
  // Three requests in one packet come back in order.
  ASSERT_TRUE(c.Send("GET /echo?q=1 HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /echo?q=2 HTTP/1.1\r\nHost: x\r\n\r\n"
                     "GET /echo?q=3 HTTP/1.1\r\nHost: x\r\n\r\n"));
  for (std::string want : {"1", "2", "3"}) {
    auto r = c.Read();
    ASSERT_TRUE(r);
    EXPECT_EQ(boost::json::parse(r->body).at("q").as_string(), want);
  }
}

TEST_F(ServerTest, Http10WithoutKeepAliveCloses) {
  StartServer();
  Client c(port_);
  ASSERT_TRUE(c.Send("GET /healthz HTTP/1.0\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(c.ClosedWithin(2s));
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/healthz", {}, "Connection: close\r\n");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_TRUE(c.ClosedWithin(2s));
}

TEST_F(ServerTest, NotFoundAndMethodNotAllowed) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/no/such/page");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 404);
  EXPECT_EQ(boost::json::parse(r->body).at("error").as_string(), "not_found");
  auto m = c.Request("DELETE", "/healthz");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 405);
  EXPECT_EQ(m->Header("allow"), "GET, HEAD");
  EXPECT_EQ(boost::json::parse(m->body).at("error").as_string(), "method_not_allowed");
}

TEST_F(ServerTest, HeadHasHeadersButNoBody) {
  StartServer();
  Client c(port_);
  auto r = c.Request("HEAD", "/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Header("content-length"), "15");
  EXPECT_TRUE(r->body.empty());
  // The connection is still in sync: the next response is parsed correctly.
  auto n = c.Request("GET", "/healthz");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->body, R"({"status":"ok"})");
}

TEST_F(ServerTest, QueryPercentEncodedUtf8) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/echo?q=%E9%95%B7%E7%85%A7");
  ASSERT_TRUE(r);
  EXPECT_EQ(boost::json::parse(r->body).at("q").as_string(), "長照");
  auto plus = c.Request("GET", "/echo?q=a+b%26c");
  ASSERT_TRUE(plus);
  EXPECT_EQ(boost::json::parse(plus->body).at("q").as_string(), "a b&c");
}

TEST_F(ServerTest, PatternParams) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/dataset/ds-1/resource/r%2F2/download/%E8%B3%87%E6%96%99.csv");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200);
  auto v = boost::json::parse(r->body);
  EXPECT_EQ(v.at("id").as_string(), "ds-1");
  EXPECT_EQ(v.at("rid").as_string(), "r/2");
  EXPECT_EQ(v.at("filename").as_string(), "資料.csv");
}

TEST_F(ServerTest, OversizeBodyGets413WithoutReadingIt) {
  StartServer();
  Client c(port_);
  // Announce 100 MiB but send only a few bytes: the answer must come anyway.
  ASSERT_TRUE(c.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 104857600\r\n\r\nabc"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(boost::json::parse(r->body).at("error").as_string(), "payload_too_large");
  EXPECT_TRUE(c.ClosedWithin(3s));
}

TEST_F(ServerTest, ChunkedBodyOverLimitGets413) {
  StartServer();
  Client c(port_);
  std::string chunk(512 << 10, 'a');
  std::string req = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
  for (int i = 0; i < 3; ++i) req += size + chunk + "\r\n";
  req += "0\r\n\r\n";
  c.Send(req);  // may fail part-way once the server closes
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, ChunkedBodyWithinLimitIsRead) {
  StartServer();
  Client c(port_);
  ASSERT_TRUE(c.Send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                     "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "got:abcde");
}

TEST_F(ServerTest, ExpectContinue) {
  StartServer();
  Client c(port_);
  ASSERT_TRUE(c.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"));
  std::this_thread::sleep_for(50ms);
  ASSERT_TRUE(c.Send("hello"));
  auto r = c.Read();  // skips the interim 100
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->body, "got:hello");
}

TEST_F(ServerTest, HugeHeaderGets431) {
  StartServer();
  Client c(port_);
  std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\nCookie: " + std::string(8 << 10, 'c') + "\r\n\r\n";
  c.Send(req);
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_TRUE(c.ClosedWithin(3s));
}

TEST_F(ServerTest, GarbageGets400) {
  StartServer();
  Client c(port_);
  ASSERT_TRUE(c.Send("THIS IS NOT HTTP\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_EQ(boost::json::parse(r->body).at("error").as_string(), "bad_request");
  EXPECT_TRUE(c.ClosedWithin(3s));
  Client c2(port_);
  ASSERT_TRUE(c2.Send("GET /healthz HTTP/1.1\r\nContent-Length: nope\r\n\r\n"));
  auto r2 = c2.Read();
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->status, 400);
}

TEST_F(ServerTest, SlowlorisIsDisconnected) {
  StartServer();  // read_timeout = 1s
  Client c(port_);
  ASSERT_TRUE(c.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  auto t0 = std::chrono::steady_clock::now();
  std::this_thread::sleep_for(400ms);
  c.Send("X-A: 1\r\n");  // trickling does not extend the deadline
  EXPECT_TRUE(c.ClosedWithin(4s));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
}

TEST_F(ServerTest, IdleConnectionIsClosedAfterKeepAliveTimeout) {
  StartServer();  // keep_alive_timeout = 2s
  Client c(port_);
  ASSERT_TRUE(c.Request("GET", "/healthz"));
  EXPECT_TRUE(c.ClosedWithin(4s));
}

TEST_F(ServerTest, HandlerThrowingGives500AndServerCarriesOn) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/boom");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(boost::json::parse(r->body).at("error").as_string(), "internal_error");
  auto next = c.Request("GET", "/healthz");
  ASSERT_TRUE(next);
  EXPECT_EQ(next->status, 200);
}

TEST_F(ServerTest, FileResponses) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/file");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Header("content-type"), "text/csv");
  EXPECT_EQ(r->Header("content-length"), std::to_string(file_content_.size()));
  EXPECT_EQ(r->body, file_content_);
  auto h = c.Request("HEAD", "/file");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->Header("content-length"), std::to_string(file_content_.size()));
  EXPECT_TRUE(h->body.empty());
  auto m = c.Request("GET", "/missing-file");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->status, 404);
  EXPECT_EQ(boost::json::parse(m->body).at("error").as_string(), "not_found");
}

TEST_F(ServerTest, MetricsShowCounters) {
  StartServer();
  Client c(port_);
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(c.Request("GET", "/healthz"));
  ASSERT_TRUE(c.Request("GET", "/dataset/a/resource/b/download/c.csv"));
  ASSERT_TRUE(c.Request("GET", "/nowhere"));
  ASSERT_TRUE(c.Request("GET", "/boom"));
  auto r = c.Request("GET", "/metrics");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const std::string& t = r->body;
  EXPECT_NE(t.find(R"(pintu_http_requests_total{route="/healthz",method="GET",status="200"} 3)"), std::string::npos) << t;
  EXPECT_NE(t.find(R"(pintu_http_requests_total{route="/dataset/{id}/resource/{rid}/download/{filename}",method="GET",status="200"} 1)"),
            std::string::npos);
  EXPECT_NE(t.find(R"(pintu_http_requests_total{route="unmatched",method="GET",status="404"} 1)"), std::string::npos);
  EXPECT_NE(t.find(R"(pintu_http_errors_total{kind="handler_exception"} 1)"), std::string::npos);
  EXPECT_NE(t.find(R"(pintu_http_request_duration_seconds_count{route="/healthz"} 3)"), std::string::npos);
  EXPECT_NE(t.find("pintu_http_requests_in_flight 1\n"), std::string::npos);  // the /metrics request itself
  EXPECT_NE(t.find("pintu_http_open_connections 1\n"), std::string::npos);
}

TEST_F(ServerTest, AccessLogGetsOneLinePerRequest) {
  std::mutex mu;
  std::string lines;
  AccessLog log([&](std::string_view s) {
    std::lock_guard lock(mu);
    lines += s;
  });
  StartServer(TestOptions(), &log);
  Client c(port_);
  ASSERT_TRUE(c.Request("GET", "/echo?q=secret"));
  ASSERT_TRUE(c.Request("GET", "/nowhere"));
  StopServer();  // a line is written just after its response is sent; stopping waits for it
  log.Flush();
  std::lock_guard lock(mu);
  auto first = boost::json::parse(lines.substr(0, lines.find('\n')));
  EXPECT_EQ(first.at("path").as_string(), "/echo");  // no query string in the log
  EXPECT_EQ(first.at("status").as_int64(), 200);
  EXPECT_EQ(first.at("method").as_string(), "GET");
  EXPECT_TRUE(first.as_object().contains("duration_us"));
  EXPECT_TRUE(first.at("remote").as_string().starts_with("127.0.0.1:"));
  EXPECT_NE(lines.find("\"status\":404"), std::string::npos);
}

TEST_F(ServerTest, GracefulStopDeliversInFlightResponse) {
  StartServer();
  Client idle(port_);
  ASSERT_TRUE(idle.Request("GET", "/healthz"));
  Client busy(port_);
  ASSERT_TRUE(busy.Send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n"));
  while (!slow_started_) std::this_thread::sleep_for(5ms);
  auto t0 = std::chrono::steady_clock::now();
  server_->Stop();
  // The idle keep-alive connection is closed at once…
  EXPECT_TRUE(idle.ClosedWithin(500ms));
  // …the in-flight request still gets its answer, marked as the last on the connection.
  auto r = busy.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"slow":"done"})");
  EXPECT_EQ(r->Header("connection"), "close");
  EXPECT_TRUE(busy.ClosedWithin(1s));
  thread_.join();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 3s);
  // No new connections are accepted.
  Client late(port_);
  EXPECT_FALSE(late.connected() && late.Request("GET", "/healthz").has_value());
  server_.reset();
}

TEST_F(ServerTest, StopFromHandlerAndBeforeRun) {
  StartServer();
  Client c(port_);
  auto r = c.Request("GET", "/stop");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  thread_.join();
  server_.reset();

  Server s(TestOptions(), Routes(), metrics_);
  ASSERT_TRUE(s.Start());
  s.Stop();
  s.Run();  // returns promptly
}

TEST_F(ServerTest, StartFailsClearlyWhenPortIsTaken) {
  StartServer();
  ServerOptions o = TestOptions();
  o.port = port_;
  Server second(o, Router(), metrics_);
  auto started = second.Start();
  ASSERT_FALSE(started.has_value());
  EXPECT_EQ(started.error().message,
            "cannot listen on 127.0.0.1:" + std::to_string(port_) + ": address already in use");
  second.Run();  // not started: returns at once
}

TEST_F(ServerTest, HostNamesAreResolved) {
  ServerOptions o = TestOptions();
  o.host = "localhost";
  Server s(o, Router(), metrics_);
  auto started = s.Start();
  ASSERT_TRUE(started.has_value()) << started.error().message;
  EXPECT_NE(s.port(), 0);
  o.host = "no-such-host.invalid";
  Server bad(o, Router(), metrics_);
  auto failed = bad.Start();
  ASSERT_FALSE(failed.has_value());
  EXPECT_NE(failed.error().message.find("no-such-host.invalid"), std::string::npos);
}

TEST_F(ServerTest, SigtermStopsRun) {
  ServerOptions o = TestOptions();
  o.handle_signals = true;
  StartServer(o);
  Client c(port_);
  ASSERT_TRUE(c.Request("GET", "/healthz"));  // Run() is up, so the signal handler is installed
  ::kill(::getpid(), SIGTERM);
  thread_.join();
  server_.reset();
}

TEST_F(ServerTest, ManyConcurrentClients) {
  StartServer();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] {
      Client c(port_);
      for (int i = 0; i < 50; ++i) {
        auto r = c.Request("GET", "/echo?q=" + std::to_string(i));
        if (r && r->status == 200 && boost::json::parse(r->body).at("q").as_string() == std::to_string(i)) ++ok;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 400);
}

}  // namespace
}  // namespace pintu::http

// The answers the loopback test server gives to the fetch and link-check tests: files,
// landing pages, redirect chains, hostile responses. Shared by tests/fetch/*_test.cc.
#pragma once

#include <zlib.h>

#include <chrono>
#include <memory>
#include <string>

#include "fetch/http_fetch.h"
#include "support/loopback_http_server.h"

namespace pintu::fetch::testing {

using test::HttpReply;
using test::LoopbackHttpServer;
using test::ReceivedRequest;

inline constexpr std::string_view kCsv = "機構名稱,地址\n臺北市立聯合醫院,臺北市大同區\n";
inline constexpr std::string_view kLandingPage =
    "<!DOCTYPE html>\n<html lang=\"zh-Hant-TW\"><head><title>資料集</title></head>"
    "<body><a href=\"/file.csv\">下載</a></body></html>\n";

// gzip (RFC 1952) of `data`, as a server using Content-Encoding: gzip sends it.
inline std::string Gzip(std::string_view data) {
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return {};
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// The gzip of 16 MiB of zeros (about 16 KiB): a decompression bomb.
inline const std::string& GzipBomb() {
  static const std::string bomb = Gzip(std::string(16u << 20, '\0'));
  return bomb;
}

inline HttpReply Route(const ReceivedRequest& r) {
  const std::string& t = r.target;
  HttpReply reply;
  if (t == "/file.csv" || t.rfind("/file.csv?", 0) == 0) {
    reply.headers = {{"Content-Type", "text/csv; charset=utf-8"},
                     {"Last-Modified", "Wed, 21 Oct 2026 07:28:00 GMT"},
                     {"ETag", "\"v1-abc\""}};
    reply.body = std::string(kCsv);
  } else if (t == "/landing") {
    reply.headers = {{"Content-Type", "text/html; charset=utf-8"}};
    reply.body = std::string(kLandingPage);
  } else if (t.rfind("/redirect/", 0) == 0) {
    int left = std::stoi(t.substr(10));
    if (left > 0) {
      reply.status = 302;
      reply.headers = {{"Location", "/redirect/" + std::to_string(left - 1)}};
    } else {
      reply.headers = {{"Content-Type", "text/csv"}};
      reply.body = "end\n";
    }
  } else if (t == "/moved") {
    reply.status = 301;
    reply.headers = {{"Location", "file.csv"}};  // relative
    reply.body = "<html>moved</html>";
  } else if (t == "/to-private") {
    reply.status = 302;
    reply.headers = {{"Location", "http://10.0.0.1/secret"}};
  } else if (t == "/to-metadata") {
    reply.status = 307;
    reply.headers = {{"Location", "http://169.254.169.254/latest/meta-data/"}};
  } else if (t == "/to-unencoded") {  // raw space and UTF-8 in Location, as some servers send
    reply.status = 302;
    reply.headers = {{"Location", "/file.csv?name=%E9%95%B7 照"}};
  } else if (t == "/to-malformed") {
    reply.status = 302;
    reply.headers = {{"Location", "http://[::1"}};
  } else if (t == "/to-file") {
    reply.status = 302;
    reply.headers = {{"Location", "file:///etc/passwd"}};
  } else if (t == "/to-gopher") {
    reply.status = 301;
    reply.headers = {{"Location", "gopher://127.0.0.1:70/_stats"}};
  } else if (t == "/drip") {
    reply.headers = {{"Content-Type", "text/csv"}};
    reply.body = std::string(200, 'd');
    reply.drip_bytes = 1;
    reply.drip_interval = std::chrono::milliseconds(250);
  } else if (t == "/stall") {
    reply.delay = std::chrono::seconds(20);
  } else if (t == "/endless") {
    reply.headers = {{"Content-Type", "text/csv"}};
    reply.endless_bytes = 64ull << 20;
  } else if (t == "/declared-huge") {
    reply.headers = {{"Content-Type", "text/csv"}, {"Content-Length", "10000000000"}};
    reply.body = "tiny";
  } else if (t == "/lying-short") {  // promises more than it sends, then closes
    reply.headers = {{"Content-Length", "1000"}};
    reply.body = "only ten b";
  } else if (t == "/lying-long") {  // sends more than it promised
    reply.headers = {{"Content-Length", "5"}};
    reply.body = "01234" + std::string(100000, 'z');
  } else if (t == "/missing") {
    reply.status = 404;
    reply.headers = {{"Content-Type", "text/html"}};
    reply.body = "<html>not found</html>";
  } else if (t == "/broken") {
    reply.status = 500;
    reply.body = "error";
  } else if (t == "/attachment") {
    reply.headers = {{"Content-Type", "application/octet-stream"},
                     {"Content-Disposition",
                      "attachment; filename=\"fallback.csv\"; filename*=UTF-8''%E9%95%B7%E7%85%A7.csv"}};
    reply.body = std::string(kCsv);
  } else if (t == "/attachment-html-type") {  // a real file behind a wrong Content-Type
    reply.headers = {{"Content-Type", "text/html"}, {"Content-Disposition", "attachment; filename=data.csv"}};
    reply.body = std::string(kCsv);
  } else if (t == "/html-as-attachment") {  // an HTML error page offered as a download
    reply.headers = {{"Content-Type", "application/octet-stream"},
                     {"Content-Disposition", "attachment; filename=\"data.csv\""}};
    reply.body = std::string(kLandingPage);
  } else if (t == "/csv-as-html") {  // CSV with a wrong Content-Type and no disposition
    reply.headers = {{"Content-Type", "text/html; charset=utf-8"}};
    reply.body = std::string(kCsv);
  } else if (t == "/traversal") {
    reply.headers = {{"Content-Disposition", "attachment; filename=\"../../../etc/cron.d/job\""}};
    reply.body = "x";
  } else if (t == "/gzip") {
    reply.headers = {{"Content-Type", "text/csv"}, {"Content-Encoding", "gzip"}};
    reply.body = Gzip(std::string(kCsv) + std::string(kCsv));
  } else if (t == "/gzip-bomb") {
    reply.headers = {{"Content-Type", "text/csv"}, {"Content-Encoding", "gzip"}};
    reply.body = GzipBomb();
  } else if (t == "/header-flood") {
    for (int i = 0; i < 4000; ++i) reply.headers.push_back({"X-Flood-" + std::to_string(i), std::string(100, 'f')});
    reply.body = "x";
  } else if (t == "/garbage") {
    reply.raw = "THIS IS NOT HTTP\r\n\r\n";
  } else if (t == "/empty") {
    reply.headers = {{"Content-Type", "text/csv"}};
    reply.body = "";
  } else if (t == "/head-not-allowed") {
    if (r.method == "HEAD") {
      reply.status = 405;
    } else {
      reply.headers = {{"Content-Type", "text/csv"}};
      reply.body = std::string(kCsv);
    }
  } else if (t == "/ranged") {  // honours Range like a real file server
    std::string whole = std::string(kCsv) + std::string(10000, 'r');
    if (r.Header("range") == "bytes=0-4095") {
      reply.status = 206;
      reply.headers = {{"Content-Type", "text/csv"}, {"Content-Range", "bytes 0-4095/" + std::to_string(whole.size())}};
      reply.body = whole.substr(0, 4096);
    } else {
      reply.headers = {{"Content-Type", "text/csv"}};
      reply.body = whole;
    }
  } else if (t == "/empty-ranged") {  // an empty file answers a Range with 416
    if (!r.Header("range").empty()) {
      reply.status = 416;
      reply.headers = {{"Content-Range", "bytes */0"}};
    } else {
      reply.headers = {{"Content-Type", "text/csv"}};
    }
  } else if (t == "/redirect-to-landing") {
    reply.status = 302;
    reply.headers = {{"Location", "/landing"}};
  } else {
    reply.status = 404;
    reply.body = "no route";
  }
  return reply;
}

// Options for tests against the loopback server: loopback allowed, short limits.
inline FetchOptions LoopbackOptions() {
  FetchOptions o;
  o.address_policy.allow_loopback = true;
  o.connect_timeout = std::chrono::seconds(5);
  o.total_timeout = std::chrono::seconds(20);
  o.low_speed_window = std::chrono::seconds(5);
  o.low_speed_bytes_per_second = 1;
  o.max_bytes = 1u << 20;
  return o;
}

}  // namespace pintu::fetch::testing

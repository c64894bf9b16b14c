#include "http/access_log.h"

#include <mutex>

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace pintu::http {
namespace {

TEST(AccessLog, WritesOneJsonLinePerRequest) {
  std::mutex mu;
  std::string out;
  {
    AccessLog log([&](std::string_view lines) {
      std::lock_guard lock(mu);
      out += lines;
    });
    AccessRecord r;
    r.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(1714550400123));
    r.remote = "127.0.0.1:5000";
    r.method = "GET";
    r.path = "/a\"b";
    r.status = 200;
    r.bytes = 15;
    r.duration_us = 42;
    log.Write(r);
    log.set_enabled(false);
    log.Write(r);
    log.Flush();
    std::lock_guard lock(mu);
    EXPECT_EQ(out,
              "{\"time\":\"2024-05-01T08:00:00.123Z\",\"remote\":\"127.0.0.1:5000\",\"method\":\"GET\","
              "\"path\":\"/a\\\"b\",\"status\":200,\"bytes\":15,\"duration_us\":42}\n");
    auto v = boost::json::parse(out);
    EXPECT_EQ(v.at("status").as_int64(), 200);
  }
}

TEST(AccessLog, DestructorFlushes) {
  std::string out;
  {
    AccessLog log([&](std::string_view lines) { out += lines; }, std::chrono::seconds(60));
    AccessRecord r;
    r.method = "POST";
    r.path = "/x";
    log.Write(r);
  }
  EXPECT_NE(out.find("\"method\":\"POST\""), std::string::npos);
}

}  // namespace
}  // namespace pintu::http

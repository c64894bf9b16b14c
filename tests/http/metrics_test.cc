#include "http/metrics.h"

#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace pintu::http {
namespace {

TEST(Metrics, CountsByRouteMethodStatus) {
  Metrics m;
  auto& r = m.Route("/dataset/{id}");
  m.Observe(r, "GET", 200, std::chrono::microseconds(300));
  m.Observe(r, "GET", 200, std::chrono::milliseconds(3));
  m.Observe(r, "POST", 404, std::chrono::seconds(20));
  std::string text = m.Render();
  EXPECT_NE(text.find("pintu_http_requests_total{route=\"/dataset/{id}\",method=\"GET\",status=\"200\"} 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("pintu_http_requests_total{route=\"/dataset/{id}\",method=\"POST\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("pintu_http_request_duration_seconds_bucket{route=\"/dataset/{id}\",le=\"0.0005\"} 1"),
            std::string::npos);
  EXPECT_NE(text.find("pintu_http_request_duration_seconds_bucket{route=\"/dataset/{id}\",le=\"10\"} 2"),
            std::string::npos);
  EXPECT_NE(text.find("pintu_http_request_duration_seconds_bucket{route=\"/dataset/{id}\",le=\"+Inf\"} 3"),
            std::string::npos);
  EXPECT_NE(text.find("pintu_http_request_duration_seconds_count{route=\"/dataset/{id}\"} 3"), std::string::npos);
  EXPECT_NE(text.find("# TYPE pintu_http_request_duration_seconds histogram"), std::string::npos);
  EXPECT_EQ(m.RequestCount("/dataset/{id}"), 3u);
}

TEST(Metrics, ErrorsInFlightAndGauges) {
  Metrics m;
  m.AddError(HttpErrorKind::kBodyTooLarge);
  m.RequestStarted();
  m.AddGauge("pintu_store_datasets", "Datasets in the store.", [] { return 42.0; });
  m.AddGauge("pintu_broken", "Throws.", []() -> double { throw std::runtime_error("x"); });
  std::string text = m.Render();
  EXPECT_NE(text.find("pintu_http_errors_total{kind=\"body_too_large\"} 1"), std::string::npos);
  EXPECT_NE(text.find("pintu_http_requests_in_flight 1"), std::string::npos);
  EXPECT_NE(text.find("# TYPE pintu_store_datasets gauge\npintu_store_datasets 42\n"), std::string::npos);
  EXPECT_EQ(text.find("pintu_broken "), std::string::npos);
}

TEST(Metrics, LabelValuesAreEscaped) {
  Metrics m;
  m.Observe(m.Route("/a\"b\\c"), "GET", 200, std::chrono::nanoseconds(1));
  EXPECT_NE(m.Render().find("route=\"/a\\\"b\\\\c\""), std::string::npos);
}

TEST(Metrics, ConcurrentObserveLosesNothing) {
  Metrics m;
  auto& r = m.Route("/x");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5000; ++i) m.Observe(r, t % 2 ? "GET" : "POST", 200 + (i % 3), std::chrono::microseconds(i));
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(m.RequestCount("/x"), 20000u);
}

}  // namespace
}  // namespace pintu::http

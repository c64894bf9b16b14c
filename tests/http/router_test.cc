#include "http/router.h"

#include <boost/json.hpp>
#include <gtest/gtest.h>

namespace pintu::http {
namespace {

HttpResponse Text(std::string body) {
  HttpResponse r;
  r.content_type = "text/plain";
  r.body = std::move(body);
  return r;
}

HttpRequest Req(std::string method, std::string target) {
  HttpRequest r;
  r.method = std::move(method);
  r.target = target;
  auto q = target.find('?');
  r.path = PercentDecode(target.substr(0, q), false);
  if (q != std::string::npos) r.query = ParseQueryString(target.substr(q + 1));
  return r;
}

Router Sample() {
  Router r;
  r.Get("/healthz", [](const HttpRequest&) { return Text("ok"); });
  r.Get("/dataset/new", [](const HttpRequest&) { return Text("new"); });
  r.Get("/dataset/{id}", [](const HttpRequest& q) { return Text("show " + std::string(q.Param("id"))); });
  r.Post("/dataset/{id}", [](const HttpRequest& q) { return Text("update " + std::string(q.Param("id"))); });
  r.Get("/dataset/{id}/resource/{rid}/download/{filename}", [](const HttpRequest& q) {
    return Text(std::string(q.Param("id")) + "|" + std::string(q.Param("rid")) + "|" + std::string(q.Param("filename")));
  });
  r.AddPrefix("POST", "/api/3/action/", [](const HttpRequest& q) { return Text("action " + q.path); });
  r.AddPrefix("GET", "/api/3/action/", [](const HttpRequest& q) { return Text("get " + q.path); });
  r.AddPrefix("GET", "/api/", [](const HttpRequest& q) { return Text("api " + q.path); });
  return r;
}

TEST(Router, ExactPath) {
  Router r = Sample();
  auto req = Req("GET", "/healthz");
  DispatchInfo info;
  auto res = r.Dispatch(req, &info);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "ok");
  ASSERT_GE(info.route_id, 0);
  EXPECT_EQ(r.route_labels()[info.route_id], "/healthz");
}

TEST(Router, ExactPathWinsOverPattern) {
  Router r = Sample();
  auto req = Req("GET", "/dataset/new");
  EXPECT_EQ(r.Dispatch(req).body, "new");
  // …but a method only the pattern has still reaches the pattern.
  auto post = Req("POST", "/dataset/new");
  EXPECT_EQ(r.Dispatch(post).body, "update new");
}

TEST(Router, PatternParamsAreDecoded) {
  Router r = Sample();
  auto req = Req("GET", "/dataset/%E9%95%B7%E7%85%A7/resource/r1/download/a%2Fb%20c.csv");
  DispatchInfo info;
  auto res = r.Dispatch(req, &info);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "長照|r1|a/b c.csv");
  EXPECT_EQ(req.Param("filename"), "a/b c.csv");
  EXPECT_EQ(r.route_labels()[info.route_id], "/dataset/{id}/resource/{rid}/download/{filename}");
}

TEST(Router, PatternNeedsEverySegment) {
  Router r = Sample();
  auto req = Req("GET", "/dataset/x/resource/y/download/");
  EXPECT_EQ(r.Dispatch(req).status, 404);
  auto req2 = Req("GET", "/dataset/");
  EXPECT_EQ(r.Dispatch(req2).status, 404);
}

TEST(Router, LongestPrefixWins) {
  Router r = Sample();
  auto a = Req("POST", "/api/3/action/package_show");
  EXPECT_EQ(r.Dispatch(a).body, "action /api/3/action/package_show");
  auto b = Req("GET", "/api/v1/datasets");
  EXPECT_EQ(r.Dispatch(b).body, "api /api/v1/datasets");
}

TEST(Router, UnknownPathIs404Json) {
  Router r = Sample();
  auto req = Req("GET", "/nope");
  auto res = r.Dispatch(req);
  EXPECT_EQ(res.status, 404);
  EXPECT_NE(res.content_type.find("application/json"), std::string::npos);
  auto v = boost::json::parse(res.body);
  EXPECT_EQ(v.at("error").as_string(), "not_found");
}

TEST(Router, NotFoundHandlerAnswersUnmatchedPathsOnly) {
  Router r = Sample();
  r.SetNotFound([](const HttpRequest& q) {
    HttpResponse res = Text("missing " + q.method + " " + q.path);
    res.status = 404;
    return res;
  });
  for (const char* method : {"GET", "POST", "DELETE"}) {
    auto req = Req(method, "/nope/%E9%95%B7");
    DispatchInfo info;
    auto res = r.Dispatch(req, &info);
    EXPECT_EQ(res.status, 404);
    EXPECT_EQ(res.body, std::string("missing ") + method + " /nope/長");
    EXPECT_EQ(info.route_id, -1);  // still "unmatched" for metrics
  }
  auto wrong_method = Req("DELETE", "/healthz");
  EXPECT_EQ(r.Dispatch(wrong_method).status, 405);  // a 405 stays a 405
  auto found = Req("GET", "/healthz");
  EXPECT_EQ(r.Dispatch(found).body, "ok");

  r.SetNotFound([](const HttpRequest&) -> HttpResponse { throw std::runtime_error("kaput"); });
  auto req = Req("GET", "/nope");
  DispatchInfo info;
  auto res = r.Dispatch(req, &info);
  EXPECT_EQ(res.status, 500);
  EXPECT_TRUE(info.handler_threw);
}

TEST(Router, WrongMethodIs405WithAllow) {
  Router r = Sample();
  auto req = Req("DELETE", "/healthz");
  auto res = r.Dispatch(req);
  EXPECT_EQ(res.status, 405);
  std::string allow;
  for (auto& [k, v] : res.headers)
    if (k == "Allow") allow = v;
  EXPECT_EQ(allow, "GET, HEAD");
  auto req2 = Req("PUT", "/dataset/abc");
  auto res2 = r.Dispatch(req2);
  EXPECT_EQ(res2.status, 405);
  for (auto& [k, v] : res2.headers)
    if (k == "Allow") allow = v;
  EXPECT_EQ(allow, "GET, HEAD, POST");
}

TEST(Router, HeadUsesGetHandler) {
  Router r = Sample();
  auto req = Req("HEAD", "/healthz");
  auto res = r.Dispatch(req);
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "ok");  // the server drops it
}

TEST(Router, ThrowingHandlerGives500) {
  Router r;
  r.Get("/boom", [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("kaput"); });
  auto req = Req("GET", "/boom");
  DispatchInfo info;
  auto res = r.Dispatch(req, &info);
  EXPECT_EQ(res.status, 500);
  EXPECT_TRUE(info.handler_threw);
  EXPECT_EQ(info.exception_message, "kaput");
  EXPECT_EQ(res.body.find("kaput"), std::string::npos);  // internals are not shown to clients
}

TEST(Router, ReRegisteringReplacesHandler) {
  Router r;
  r.Get("/x", [](const HttpRequest&) { return Text("1"); });
  r.Get("/x", [](const HttpRequest&) { return Text("2"); });
  auto req = Req("GET", "/x");
  EXPECT_EQ(r.Dispatch(req).body, "2");
  EXPECT_EQ(r.route_labels().size(), 1u);
}

TEST(Message, QueryParsingDecodesUtf8AndPlus) {
  auto q = ParseQueryString("q=%E9%95%B7%E7%85%A7&a=1+2&a=3&flag&bad=%zz");
  ASSERT_EQ(q.size(), 5u);
  EXPECT_EQ(q[0].second, "長照");
  EXPECT_EQ(q[1].second, "1 2");
  EXPECT_EQ(q[3].first, "flag");
  EXPECT_EQ(q[4].second, "%zz");
  EXPECT_EQ(PercentDecode("%4", false), "%4");
  EXPECT_EQ(PercentDecode("a%41", false), "aA");
}

}  // namespace
}  // namespace pintu::http

// A CKAN Action API client that calls ActionApi::Handle in-process with hand-built
// requests (no sockets), on top of the two-agency catalog of CatalogTest plus a
// sysadmin, API tokens for every user and a few datasets.
#pragma once

#include <memory>
#include <string>

#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "actions/accounts.h"
#include "actions/catalog_fixture.h"
#include "actions/datasets.h"
#include "http/ckan/api.h"
#include "http/message.h"

namespace pintu::test {

// One CKAN response as a client sees it.
struct CkanReply {
  int status = 0;
  std::string body;
  boost::json::value json;  // null when the body is not JSON

  bool success() const {
    const auto* o = json.if_object();
    if (!o) return false;
    const auto* s = o->if_contains("success");
    return s && s->is_bool() && s->get_bool();
  }
  bool HasEnvelope() const {
    const auto* o = json.if_object();
    return o && o->contains("help") && o->contains("success") &&
           (o->contains("result") || o->contains("error"));
  }
  const boost::json::value& result() const {
    static const boost::json::value kNull;
    const auto* o = json.if_object();
    const auto* r = o ? o->if_contains("result") : nullptr;
    return r ? *r : kNull;
  }
  const boost::json::object& error() const {
    static const boost::json::object kEmpty;
    const auto* o = json.if_object();
    const auto* e = o ? o->if_contains("error") : nullptr;
    return e && e->is_object() ? e->get_object() : kEmpty;
  }
  std::string error_type() const {
    const auto* t = error().if_contains("__type");
    return t && t->is_string() ? std::string(t->get_string()) : "";
  }
  std::string message() const {
    const auto* t = error().if_contains("message");
    return t && t->is_string() ? std::string(t->get_string()) : "";
  }
  // True when the Validation Error names `field`.
  bool NamesField(const std::string& field) const { return error().contains(field); }
  // A string field of the result object.
  std::string Str(std::string_view key) const {
    const auto* o = result().if_object();
    const auto* v = o ? o->if_contains(key) : nullptr;
    return v && v->is_string() ? std::string(v->get_string()) : "";
  }
};

inline std::ostream& operator<<(std::ostream& os, const CkanReply& r) {
  return os << r.status << " " << r.body.substr(0, 600);
}

// What a sysadmin client can see of the catalog (see CkanApiTest::Snap).
struct CkanSnapshot {
  int64_t seq = 0;
  std::string list;
  std::string shows;
  bool operator==(const CkanSnapshot&) const = default;
};

inline void PrintTo(const CkanSnapshot& s, std::ostream* os) {
  *os << "seq=" << s.seq << " list=" << s.list << " shows=" << s.shows.size() << " bytes";
}

class CkanApiTest : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    auto sys = System();
    Must(actions::CreateUser(sys, {"admin", "Admin", "admin@example.org", "", true}));
    admin_ = Must(actions::CreateToken(sys, "admin", "test")).secret;
    alice_ = Must(actions::CreateToken(sys, "alice", "test")).secret;
    bob_ = Must(actions::CreateToken(sys, "bob", "test")).secret;
    carol_ = Must(actions::CreateToken(sys, "carol", "test")).secret;

    Dataset ltc = MakeDataset("ltc-points", "mohw");
    ltc.topics = {"long-term-care"};
    Must(actions::CreateDataset(sys, ltc));
    Dataset home = MakeDataset("home-care", "mohw", "臺北市居家長照機構");
    home.keywords = {"居家", "長照"};
    home.resources[0].format = "JSON";
    Must(actions::CreateDataset(sys, home));
    Dataset air = MakeDataset("air-quality", "taipei-health", "空氣品質監測");
    air.title = LocalizedText::Both("空氣品質監測", "Air quality");
    air.keywords = {"空氣"};
    Must(actions::CreateDataset(sys, air));
    Dataset secret = MakeDataset("taipei-private", "taipei-health", "臺北內部長照資料");
    secret.is_private = true;
    secret.keywords = {"內部"};
    Must(actions::CreateDataset(sys, secret));

    api_ = std::make_unique<http::ckan::ActionApi>(*store_, config_, search_.get());
  }

  static std::string Path(const std::string& action) { return "/api/3/action/" + action; }

  CkanReply Send(const http::HttpRequest& req) { return Send(*api_, req); }
  static CkanReply Send(http::ckan::ActionApi& api, const http::HttpRequest& req) {
    http::HttpResponse res = api.Handle(req);
    CkanReply out;
    out.status = res.status;
    out.body = res.body;
    boost::system::error_code ec;
    out.json = boost::json::parse(res.body, ec);
    if (ec) out.json = nullptr;
    EXPECT_NE(res.content_type.find("application/json"), std::string::npos) << res.content_type;
    return out;
  }

  // A GET with query parameters; `token` goes into the Authorization header.
  static http::HttpRequest GetRequest(const std::string& action, http::Pairs query = {},
                                      const std::string& token = "") {
    http::HttpRequest req;
    req.method = "GET";
    req.path = Path(action);
    req.target = req.path;
    req.query = std::move(query);
    if (!token.empty()) req.headers.emplace_back("authorization", token);
    return req;
  }
  // A POST with a raw body of `content_type`.
  static http::HttpRequest PostRequest(const std::string& action, std::string body,
                                       const std::string& token = "",
                                       const std::string& content_type = "application/json") {
    http::HttpRequest req;
    req.method = "POST";
    req.path = Path(action);
    req.target = req.path;
    req.body = std::move(body);
    if (!content_type.empty()) req.headers.emplace_back("content-type", content_type);
    if (!token.empty()) req.headers.emplace_back("authorization", token);
    return req;
  }

  CkanReply Get(const std::string& action, http::Pairs query = {}, const std::string& token = "") {
    return Send(GetRequest(action, std::move(query), token));
  }
  CkanReply Post(const std::string& action, const boost::json::value& body, const std::string& token = "") {
    return Send(PostRequest(action, boost::json::serialize(body), token));
  }
  CkanReply PostRaw(const std::string& action, std::string body, const std::string& token = "",
                    const std::string& content_type = "application/json") {
    return Send(PostRequest(action, std::move(body), token, content_type));
  }

  // Names in a JSON array of strings (package_list, organization_list …), or of the
  // "name" keys of an array of objects (package_search results).
  static std::vector<std::string> Names(const boost::json::value& v) {
    std::vector<std::string> out;
    const boost::json::array* arr = v.if_array();
    if (const auto* o = v.if_object()) {
      if (const auto* r = o->if_contains("results")) arr = r->if_array();
    }
    if (!arr) return out;
    for (const auto& item : *arr) {
      if (item.is_string()) out.emplace_back(item.get_string());
      else if (const auto* o = item.if_object()) {
        if (const auto* n = o->if_contains("name"); n && n->is_string()) out.emplace_back(n->get_string());
      }
    }
    return out;
  }

  // What a sysadmin client can see of the catalog: the change sequence, package_list,
  // and package_show of every dataset (private ones included).
  using Snapshot = CkanSnapshot;
  Snapshot Snap() {
    Snapshot s;
    s.seq = store_->ChangeSeq();
    s.list = boost::json::serialize(Get("package_list").result());
    auto all = Get("package_search", {{"include_private", "true"}, {"rows", "1000"}, {"sort", "name asc"}}, admin_);
    EXPECT_EQ(all.status, 200) << all;
    for (const auto& name : Names(all.result())) {
      auto show = Get("package_show", {{"id", name}}, admin_);
      EXPECT_EQ(show.status, 200) << show;
      s.shows += show.body + "\n";
    }
    return s;
  }

  std::string admin_, alice_, bob_, carol_;
  std::unique_ptr<http::ckan::ActionApi> api_;
};

}  // namespace pintu::test

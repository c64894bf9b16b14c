// The HTML portal in-process (Router::Dispatch, no sockets): languages, escaping,
// security headers, hashed static files, sign-in with CSRF, and the dataset form's
// answers to bad input — with the store unchanged after every refusal.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "actions/catalog_fixture.h"
#include "actions/datasets.h"
#include "quality/datagov_checks.h"
#include "http/router.h"
#include "http/web/i18n.h"
#include "http/web/portal.h"

namespace pintu::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

class PortalTest : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    auto sys = System();
    Must(actions::CreateUser(sys, {"steward", "資料管理員", "s@example.org", "correct horse battery", false}));
    Must(actions::SetMembership(sys, "mohw", "steward", MemberRole::kEditor));
    Dataset d = MakeDataset("ltc-points", "mohw", "長照服務據點");
    d.description = LocalizedText::Zh("各縣市長照服務據點清單，含地址與電話。");
    Must(actions::CreateDataset(sys, d));
    http::web::AddPortalRoutes(router_, *store_, config_, search_.get());
  }

  http::HttpResponse Get(const std::string& target, http::Pairs headers = {}) {
    http::HttpRequest req;
    req.method = "GET";
    req.target = target;
    size_t q = target.find('?');
    req.path = PercentDecode(target.substr(0, q));
    if (q != std::string::npos) req.query = http::ParseQueryString(target.substr(q + 1));
    req.headers = std::move(headers);
    return router_.Dispatch(req);
  }
  http::HttpResponse Post(const std::string& path, const std::string& body, const std::string& content_type,
                          http::Pairs headers = {}) {
    http::HttpRequest req;
    req.method = "POST";
    req.target = req.path = path;
    req.body = body;
    req.headers = std::move(headers);
    req.headers.emplace_back("content-type", content_type);
    return router_.Dispatch(req);
  }
  static std::string Header(const http::HttpResponse& r, std::string_view name) {
    for (const auto& [k, v] : r.headers)
      if (AsciiLower(k) == AsciiLower(name)) return v;
    return "";
  }
  static std::vector<std::string> SetCookies(const http::HttpResponse& r) {
    std::vector<std::string> out;
    for (const auto& [k, v] : r.headers)
      if (AsciiLower(k) == "set-cookie") out.push_back(v);
    return out;
  }
  static std::string CookieValue(const http::HttpResponse& r, const std::string& name) {
    for (const auto& c : SetCookies(r))
      if (c.starts_with(name + "=")) return c.substr(name.size() + 1, c.find(';') - name.size() - 1);
    return "";
  }
  static std::string Csrf(const std::string& html) {
    std::smatch m;
    if (std::regex_search(html, m, std::regex(R"re(name="csrf" value="([0-9a-f]{64})")re"))) return m[1];
    return "";
  }
  static std::string Encode(const http::Pairs& fields) {
    std::string out;
    for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + PercentEncodeSegment(k) + "=" + PercentEncodeSegment(v);
    return out;
  }

  // Signs in as `user` through the form; returns the session cookie header value.
  std::string SignIn(const std::string& user = "steward", const std::string& password = "correct horse battery") {
    auto form = Get("/login");
    std::string login_cookie = CookieValue(form, "pintu_login");
    auto r = Post("/login", Encode({{"csrf", Csrf(form.body)}, {"username", user}, {"password", password}, {"next", "/dashboard"}}),
                  "application/x-www-form-urlencoded", {{"cookie", "pintu_login=" + login_cookie}});
    EXPECT_EQ(r.status, 303) << r.body.substr(0, 500);
    std::string session = CookieValue(r, "pintu_session");
    EXPECT_EQ(session.size(), 64u);
    return "pintu_session=" + session;
  }

  // A multipart body with text fields and optionally one file part "upload".
  static std::string Multipart(const http::Pairs& fields, const std::string& filename = "", const std::string& file = "") {
    std::string b;
    for (const auto& [k, v] : fields)
      b += "--XyZ\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n\r\n" + v + "\r\n";
    if (!filename.empty())
      b += "--XyZ\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + filename +
           "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n";
    return b + "--XyZ--\r\n";
  }

  // Everything a visitor or the API could see of the datasets.
  std::string Snapshot() {
    std::string s = std::to_string(store_->ChangeSeq()) + "|";
    auto ids = store_->ListAllDatasetIds().value();
    for (const auto& id : ids) s += ToJsonString(DatasetToJson(store_->GetDataset(id).value())) + "\n";
    return s;
  }

  http::Router router_;
};

TEST(PortalCatalogues, BothLanguagesHaveTheSameKeys) {
  EXPECT_THAT(http::web::CatalogueDifferences(), ::testing::IsEmpty());
  EXPECT_GT(http::web::Catalogue(http::web::kZh).size(), 100u);
}

TEST_F(PortalTest, LanguageFromQueryCookieThenAcceptLanguage) {
  EXPECT_THAT(Get("/").body, HasSubstr("<html lang=\"zh-TW\">"));
  EXPECT_THAT(Get("/", {{"accept-language", "en-US,en;q=0.9"}}).body, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(Get("/", {{"accept-language", "fr, zh-TW;q=0.5, en;q=0.4"}}).body, HasSubstr("<html lang=\"zh-TW\">"));
  EXPECT_THAT(Get("/", {{"cookie", "lang=en"}, {"accept-language", "zh-TW"}}).body, HasSubstr("<html lang=\"en\">"));
  auto r = Get("/?lang=en", {{"cookie", "lang=zh-TW"}});
  EXPECT_THAT(r.body, HasSubstr("<html lang=\"en\">"));
  EXPECT_THAT(SetCookies(r), ::testing::Contains(HasSubstr("lang=en;")));  // remembered
  EXPECT_THAT(Get("/?lang=xx").body, HasSubstr("<html lang=\"zh-TW\">"));  // unknown: default
  // Every page offers the other language, keeping its other parameters.
  EXPECT_THAT(Get("/dataset?q=%E9%95%B7%E7%85%A7").body, HasSubstr("href=\"/dataset?lang=en&amp;q="));
}

TEST_F(PortalTest, DatasetPageShowsFallbackAndJsonLd) {
  auto en = Get("/dataset/ltc-points?lang=en");
  ASSERT_EQ(en.status, 200);
  EXPECT_THAT(en.body, HasSubstr("Long-term care service points"));
  // The description exists only in Chinese: shown, marked with its language and a note.
  EXPECT_THAT(en.body, HasSubstr("lang=\"zh-TW\">各縣市長照服務據點清單"));
  EXPECT_THAT(en.body, HasSubstr("no English version yet"));
  EXPECT_THAT(en.body, HasSubstr("<script type=\"application/ld+json\">"));
  EXPECT_THAT(en.body, HasSubstr("\"@type\":\"Dataset\""));
  EXPECT_THAT(en.body, HasSubstr("\"@type\":\"DataDownload\""));
  EXPECT_EQ(Get("/dataset/no-such-dataset").status, 404);
  EXPECT_THAT(Get("/dataset/no-such-dataset").content_type, HasSubstr("text/html"));
}

TEST_F(PortalTest, DatasetPageListsTheDataGovTwChecksOfEachResource) {
  // Not checked yet: one sentence, no list of unknowns.
  auto before = Get("/dataset/ltc-points");
  ASSERT_EQ(before.status, 200);
  EXPECT_THAT(before.body, HasSubstr("data.gov.tw 檢測項目"));
  EXPECT_THAT(before.body, HasSubstr("尚未檢測"));
  EXPECT_THAT(before.body, Not(HasSubstr("class=\"check-list\"")));

  // A stored link check (working) and contents check (Big5 declared UTF-8).
  std::string resource = store_->GetDataset("ltc-points")->resources.at(0).id;
  boost::json::object link{{"linkable", true}, {"downloadable", true}, {"reason", "file"}, {"status", 200},
                           {"content_type", "text/csv"}};
  boost::json::object report{{"format", {{"detected", "csv"}, {"machineReadable", true}}},
                             {"encoding", {{"detected", "big5"}, {"bom", false}}},
                             {"dialect", {{"header", true}}}};  // no schema: the header is unknown
  quality::DatagovInputs in;
  in.link = &link;
  in.link_checked_at = "2026-11-27T08:00:00.000Z";
  in.contents = &report;
  in.contents_checked_at = "2026-11-27T09:00:00.000Z";
  in.declared.encoding = "UTF-8<script>";
  report["datagovtw"] = quality::DatagovChecksToJson(quality::EvaluateDatagovChecks(in));
  ResourceCheck c;
  c.resource_id = resource;
  c.kind = CheckKind::kContents;
  c.checked_at = 1'800'000'000'000;
  c.report = boost::json::serialize(report);
  ASSERT_TRUE(store_->Write([&](WriteTxn& tx) -> Result<void> {
    auto added = tx.AddResourceCheck(c);
    if (!added) return std::unexpected(added.error());
    return Ok();
  }));

  auto zh = Get("/dataset/ltc-points");
  ASSERT_EQ(zh.status, 200);
  EXPECT_THAT(zh.body, HasSubstr("<span class=\"check-state\">✓ 通過</span> <strong>可連結</strong>："));
  EXPECT_THAT(zh.body, HasSubstr("<span class=\"check-state\">✗ 未通過</span> <strong>編碼描述相符</strong>："));
  EXPECT_THAT(zh.body, HasSubstr("但檔案實為 BIG5"));
  EXPECT_THAT(zh.body, HasSubstr("<time datetime=\"2026-11-27\">"));
  EXPECT_THAT(zh.body, HasSubstr("<span class=\"check-state\">? 未知</span> <strong>欄位描述相符</strong>"));
  EXPECT_THAT(zh.body, Not(HasSubstr("UTF-8<script>")));  // escaped like every other text
  auto en = Get("/dataset/ltc-points?lang=en");
  EXPECT_THAT(en.body, HasSubstr("data.gov.tw checks"));
  EXPECT_THAT(en.body, HasSubstr("<strong>Linkable</strong>: The link answers with HTTP 200."));
  EXPECT_THAT(en.body, HasSubstr("✗ Failed"));
}

TEST_F(PortalTest, HostileTextIsEscapedEverywhere) {
  auto sys = System();
  Dataset d = MakeDataset("hostile", "mohw", "<script>alert('x')</script>&\"");
  d.description = LocalizedText::Zh("</script><img src=x onerror=alert(1)>");
  d.keywords = {"<b>tag</b>"};
  Must(actions::CreateDataset(sys, d));
  for (const std::string page : {"/dataset/hostile", "/dataset?q=script", "/", "/organization/mohw"}) {
    auto r = Get(page);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_THAT(r.body, Not(HasSubstr("<script>alert"))) << page;
    EXPECT_THAT(r.body, Not(HasSubstr("<img src=x"))) << page;
    EXPECT_THAT(r.body, Not(HasSubstr("<b>tag</b>"))) << page;
  }
  // Inside the JSON-LD script block "<" is written \u003c, so "</script>" cannot end it.
  auto r = Get("/dataset/hostile");
  size_t start = r.body.find("application/ld+json\">");
  size_t end = r.body.find("</script>", start);
  ASSERT_NE(start, std::string::npos);
  EXPECT_THAT(r.body.substr(start, end - start), HasSubstr("\\u003cimg src=x"));
}

TEST_F(PortalTest, SecurityHeadersAndCachedStaticFiles) {
  auto r = Get("/");
  EXPECT_THAT(Header(r, "Content-Security-Policy"), HasSubstr("script-src 'self'"));
  EXPECT_THAT(Header(r, "Content-Security-Policy"), Not(HasSubstr("unsafe-inline")));
  EXPECT_THAT(Header(r, "Content-Security-Policy"), HasSubstr("frame-ancestors 'none'"));
  EXPECT_EQ(Header(r, "X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Header(r, "Referrer-Policy"), "strict-origin-when-cross-origin");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(r.body, m, std::regex(R"re(href="(/static/app\.[0-9a-f]{10}\.css)")re"))) << r.body.substr(0, 800);
  auto css = Get(m[1]);
  EXPECT_EQ(css.status, 200);
  EXPECT_THAT(css.content_type, HasSubstr("text/css"));
  EXPECT_THAT(Header(css, "Cache-Control"), HasSubstr("immutable"));
  EXPECT_THAT(Header(Get("/static/app.css"), "Cache-Control"), Not(HasSubstr("immutable")));
  EXPECT_EQ(Get("/static/app.0000000000.css").status, 404);
  EXPECT_EQ(Get("/static/..%2F..%2Fetc%2Fpasswd").status, 404);
}

TEST_F(PortalTest, SearchPageFiltersPagesAndExplainsBadQueries) {
  auto r = Get("/dataset?q=%E9%95%B7%E7%85%A7&organization=mohw");
  EXPECT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("ltc-points"));
  auto bad = Get("/dataset?q=%22%E9%95%B7%E7%85%A7");  // unbalanced quote
  EXPECT_EQ(bad.status, 400);
  EXPECT_THAT(bad.body, HasSubstr("class=\"field-error\""));
  EXPECT_THAT(bad.body, HasSubstr("aria-invalid=\"true\""));
  EXPECT_EQ(Get("/dataset?page=999999999999").status, 200);
  EXPECT_EQ(Get("/dataset?page=abc").status, 200);
}

TEST_F(PortalTest, SignInNeedsTheRightPasswordAndTheFormsToken) {
  EXPECT_EQ(Get("/dashboard").status, 303);  // → /login?next=…
  EXPECT_THAT(Header(Get("/dashboard"), "Location"), HasSubstr("/login?next="));
  auto form = Get("/login");
  std::string cookie = "pintu_login=" + CookieValue(form, "pintu_login");
  EXPECT_THAT(SetCookies(form), ::testing::Contains(HasSubstr("HttpOnly")));
  auto wrong = Post("/login", Encode({{"csrf", Csrf(form.body)}, {"username", "steward"}, {"password", "nope"}}),
                    "application/x-www-form-urlencoded", {{"cookie", cookie}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(CookieValue(wrong, "pintu_session").empty());
  auto forged = Post("/login", Encode({{"csrf", std::string(64, 'a')}, {"username", "steward"}, {"password", "correct horse battery"}}),
                     "application/x-www-form-urlencoded", {{"cookie", cookie}});
  EXPECT_EQ(forged.status, 403);
  auto no_cookie = Post("/login", Encode({{"csrf", Csrf(form.body)}, {"username", "steward"}, {"password", "correct horse battery"}}),
                        "application/x-www-form-urlencoded");
  EXPECT_EQ(no_cookie.status, 403);

  std::string session = SignIn();
  auto dash = Get("/dashboard", {{"cookie", session}});
  EXPECT_EQ(dash.status, 200);
  EXPECT_THAT(dash.body, HasSubstr("ltc-points"));
  // The session cookie is no API token.
  EXPECT_FALSE(actions::Authenticate(*store_, session.substr(14)));
  // Logging out needs the session's CSRF token, then ends the session.
  EXPECT_EQ(Post("/logout", "", "application/x-www-form-urlencoded", {{"cookie", session}}).status, 403);
  auto out = Post("/logout", Encode({{"csrf", Csrf(dash.body)}}), "application/x-www-form-urlencoded", {{"cookie", session}});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(Get("/dashboard", {{"cookie", session}}).status, 303);
  // Only local paths are followed after login.
  form = Get("/login");
  auto evil = Post("/login", Encode({{"csrf", Csrf(form.body)}, {"username", "steward"}, {"password", "correct horse battery"}, {"next", "//evil.example/x"}}),
                   "application/x-www-form-urlencoded", {{"cookie", "pintu_login=" + CookieValue(form, "pintu_login")}});
  EXPECT_EQ(Header(evil, "Location"), "/dashboard");
}

TEST_F(PortalTest, DatasetFormPublishesWithAFileAndRefusesBadInputWithoutWriting) {
  std::string session = SignIn();
  auto page = Get("/dataset/new", {{"cookie", session}});
  ASSERT_EQ(page.status, 200);
  std::string csrf = Csrf(page.body);
  ASSERT_FALSE(csrf.empty());
  http::Pairs base = {{"csrf", csrf}, {"owner_org", "mohw"}, {"name", "new-points"}, {"title_zh", "新的據點"},
                      {"license_id", "OGDL-Taiwan-1.0"}, {"dataset_type", "raw"}};
  std::string before = Snapshot();
  auto submit = [&](http::Pairs fields, std::string filename = "", std::string file = "") {
    return Post("/dataset/new", Multipart(fields, filename, file), "multipart/form-data; boundary=XyZ", {{"cookie", session}});
  };
  struct Case {
    std::string what;
    http::Pairs fields;
    std::string filename, file;
    std::string field;  // the field whose message must appear
  };
  auto with = [&](std::string key, std::string value) {
    http::Pairs p = base;
    for (auto& [k, v] : p)
      if (k == key) v = value;
    if (std::none_of(p.begin(), p.end(), [&](auto& kv) { return kv.first == key; })) p.emplace_back(key, value);
    return p;
  };
  std::vector<Case> cases = {
      {"empty title", with("title_zh", ""), "", "", "title_zh"},
      {"1 MB description", with("notes_zh", std::string(1 << 20, 'x')), "", "", "notes_zh"},
      {"bad URL name", with("name", "Not A Slug!"), "", "", "name"},
      {"agency the user cannot edit", with("owner_org", "taipei-health"), "", "", "owner_org"},
      {"executable upload", base, "tool.exe", "MZ\x90", "upload"},
      {"HTML upload", base, "page.html", "<script>", "upload"},
      {"javascript: URL", with("res_url", "javascript:alert(1)"), "", "", "res_url"},
      {"script in title + bad file", with("title_zh", "<script>alert(1)</script>"), "x.exe", "MZ", "upload"},
  };
  for (const auto& c : cases) {
    auto r = submit(c.fields, c.filename, c.file);
    EXPECT_EQ(r.status == 400 || r.status == 403, true) << c.what << ": " << r.status;
    EXPECT_THAT(r.body, HasSubstr("id=\"" + c.field + "-error\"")) << c.what;
    EXPECT_THAT(r.body, HasSubstr("id=\"" + c.field + "\"")) << c.what;
    EXPECT_THAT(r.body, Not(HasSubstr("<script>alert"))) << c.what;
    EXPECT_EQ(Snapshot(), before) << c.what << " changed the store";
  }
  auto no_csrf = Post("/dataset/new", Multipart(with("csrf", "")), "multipart/form-data; boundary=XyZ", {{"cookie", session}});
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(Snapshot(), before);

  // A good submission with a CSV file: saved, searchable, the file served.
  auto ok = submit(with("tags", "長照, 據點"), "points.csv", "區,數量\n大安區,3\n");
  ASSERT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  EXPECT_EQ(Header(ok, "Location"), "/dataset/new-points?saved=1");
  auto shown = store_->GetDataset("new-points");
  ASSERT_TRUE(shown);
  ASSERT_EQ(shown->resources.size(), 1u);
  EXPECT_EQ(shown->resources[0].format, "CSV");
  EXPECT_TRUE(shown->resources[0].uploaded);
  EXPECT_THAT(shown->keywords, ::testing::ElementsAre("長照", "據點"));
  EXPECT_THAT(Get("/dataset?q=%E6%96%B0%E7%9A%84%E6%93%9A%E9%BB%9E").body, HasSubstr("new-points"));

  // Edit: the change reaches the page and search.
  auto edit = Get("/dataset/new-points/edit", {{"cookie", session}});
  ASSERT_EQ(edit.status, 200);
  http::Pairs changed = {{"csrf", Csrf(edit.body)}, {"owner_org", "mohw"}, {"title_zh", "改名後的據點"},
                         {"license_id", "OGDL-Taiwan-1.0"}, {"dataset_type", "raw"}};
  auto saved = Post("/dataset/new-points/edit", Multipart(changed), "multipart/form-data; boundary=XyZ", {{"cookie", session}});
  EXPECT_EQ(saved.status, 303) << saved.body.substr(0, 1500);
  EXPECT_THAT(Get("/dataset?q=%E6%94%B9%E5%90%8D").body, HasSubstr("new-points"));
  EXPECT_EQ(store_->GetDataset("new-points")->resources.size(), 1u);  // the file stays

  // Another agency's editor may not open the edit form.
  auto sys = System();
  Must(actions::CreateUser(sys, {"outsider", "", "o@example.org", "another good password", false}));
  Must(actions::SetMembership(sys, "taipei-health", "outsider", MemberRole::kEditor));
  EXPECT_EQ(Get("/dataset/new-points/edit", {{"cookie", SignIn("outsider", "another good password")}}).status, 403);
}

TEST_F(PortalTest, ApiTokensAreShownOnceAndCanBeRevoked) {
  std::string session = SignIn();
  auto page = Get("/user/tokens", {{"cookie", session}});
  ASSERT_EQ(page.status, 200);
  std::string csrf = Csrf(page.body);
  auto form = [&](http::Pairs f) {
    return Post("/user/tokens", Encode(f), "application/x-www-form-urlencoded", {{"cookie", session}});
  };
  EXPECT_EQ(form({{"name", "harvester"}}).status, 403);                       // no CSRF token
  EXPECT_EQ(form({{"csrf", csrf}, {"name", ""}}).status, 400);                 // no label
  EXPECT_EQ(form({{"csrf", csrf}, {"name", std::string(101, 'x')}}).status, 400);
  auto created = form({{"csrf", csrf}, {"name", "nightly upload"}});
  ASSERT_EQ(created.status, 200);
  EXPECT_THAT(Header(created, "Cache-Control"), HasSubstr("no-store"));
  std::smatch m;
  ASSERT_TRUE(std::regex_search(created.body, m, std::regex("(pintu_[0-9a-f]{64})")));
  std::string secret = m[1];
  auto who = actions::Authenticate(*store_, secret);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user->name, "steward");
  // Listed without its secret afterwards; revoking it stops it working.
  auto list = Get("/user/tokens", {{"cookie", session}});
  EXPECT_THAT(list.body, HasSubstr("nightly upload"));
  EXPECT_THAT(list.body, Not(HasSubstr(secret)));
  actions::Context as_steward{*store_, *who, config_, search_.get()};
  std::string id = actions::ListOwnTokens(as_steward).value().at(0).id;
  EXPECT_EQ(form({{"csrf", csrf}, {"revoke", id}}).status, 303);
  EXPECT_FALSE(actions::Authenticate(*store_, secret));
}

TEST_F(PortalTest, OnlyAgencyAdministratorsManageMembers) {
  std::string editor = SignIn();
  auto view = Get("/organization/mohw/members", {{"cookie", editor}});
  ASSERT_EQ(view.status, 200);
  EXPECT_THAT(view.body, HasSubstr("steward"));
  EXPECT_THAT(view.body, Not(HasSubstr("member-username")));  // no form for editors
  std::string before = ToJsonString(OrganizationToJson(store_->GetOrganization("mohw").value())) +
                       std::to_string(store_->ListMembersOfOrganization(health_.id)->size());
  auto refused = Post("/organization/mohw/members", Encode({{"csrf", Csrf(view.body)}, {"username", "bob"}, {"role", "admin"}}),
                      "application/x-www-form-urlencoded", {{"cookie", editor}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(store_->ListMembersOfOrganization(health_.id)->size(), 3u);  // alice, carol, steward

  auto sys = System();
  Must(actions::CreateUser(sys, {"boss", "", "b@example.org", "boss password 123", false}));
  Must(actions::SetMembership(sys, "mohw", "boss", MemberRole::kAdmin));
  std::string admin = SignIn("boss", "boss password 123");
  auto page = Get("/organization/mohw/members", {{"cookie", admin}});
  EXPECT_THAT(page.body, HasSubstr("member-username"));
  auto bad_role = Post("/organization/mohw/members", Encode({{"csrf", Csrf(page.body)}, {"username", "bob"}, {"role", "king"}}),
                       "application/x-www-form-urlencoded", {{"cookie", admin}});
  EXPECT_EQ(bad_role.status, 400);
  auto unknown = Post("/organization/mohw/members", Encode({{"csrf", Csrf(page.body)}, {"username", "nobody"}, {"role", "editor"}}),
                      "application/x-www-form-urlencoded", {{"cookie", admin}});
  EXPECT_EQ(unknown.status, 400);
  auto added = Post("/organization/mohw/members", Encode({{"csrf", Csrf(page.body)}, {"username", "bob"}, {"role", "editor"}}),
                    "application/x-www-form-urlencoded", {{"cookie", admin}});
  EXPECT_EQ(added.status, 303);
  EXPECT_THAT(Get("/organization/mohw/members", {{"cookie", admin}}).body, HasSubstr(">bob<"));
  auto removed = Post("/organization/mohw/members", Encode({{"csrf", Csrf(page.body)}, {"remove", "bob"}}),
                      "application/x-www-form-urlencoded", {{"cookie", admin}});
  EXPECT_EQ(removed.status, 303);
  EXPECT_THAT(Get("/organization/mohw/members", {{"cookie", admin}}).body, Not(HasSubstr(">bob<")));
}

}  // namespace
}  // namespace pintu::test

// The portal's sitemap, robots.txt, Atom feeds and HTML 404, dispatched in-process through
// the same Router the server uses (http::Site), on a catalog with public, private, draft
// and deleted datasets.
#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>

#include "actions/activity.h"
#include "actions/catalog_fixture.h"
#include "core/model_json.h"
#include "http/metrics.h"
#include "http/site.h"
#include "http/web/atom_feed.h"
#include "http/web/change_summary.h"
#include "http/web/findable.h"
#include "http/web/i18n.h"
#include "support/mini_xml.h"

namespace pintu::test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

namespace web = http::web;

constexpr std::string_view kSite = "http://127.0.0.1:9";

class FindableTest : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    auto sys = System();
    Dataset ltc = MakeDataset("ltc-points", "mohw");
    ltc.topics = {"long-term-care"};
    Must(actions::CreateDataset(sys, ltc));
    Dataset air = MakeDataset("air-quality", "taipei-health");
    air.title = LocalizedText::Both("空氣品質 & <監測>", "Air & <quality>");
    Must(actions::CreateDataset(sys, air));
    Dataset secret = MakeDataset("taipei-private", "taipei-health", "臺北內部機密資料");
    secret.is_private = true;
    Must(actions::CreateDataset(sys, secret));
    Dataset draft = MakeDataset("mohw-draft", "mohw", "衛福部草稿資料");
    draft.state = State::kDraft;
    Must(actions::CreateDataset(sys, draft));
    Must(actions::CreateDataset(sys, MakeDataset("gone", "mohw", "已移除的資料集")));
    Must(actions::DeleteDataset(sys, "gone"));
    site_ = std::make_unique<http::Site>(*store_, config_, metrics_, search_.get());
    router_ = site_->BuildRouter();
  }

  http::HttpResponse Send(std::string method, std::string target, http::Pairs headers = {}) {
    http::HttpRequest r;
    r.method = std::move(method);
    r.target = target;
    size_t q = target.find('?');
    r.path = PercentDecode(target.substr(0, q), false);
    if (q != std::string::npos) r.query = http::ParseQueryString(target.substr(q + 1));
    r.headers = std::move(headers);
    return router_.Dispatch(r);
  }
  http::HttpResponse Get(std::string target, http::Pairs headers = {}) {
    return Send("GET", std::move(target), std::move(headers));
  }

  // The parsed document; fails the test when it is not well-formed XML.
  static XmlNode MustParse(const http::HttpResponse& r) {
    auto doc = ParseXml(r.body);
    EXPECT_TRUE(doc.has_value()) << (doc ? "" : doc.error()) << "\n" << r.body.substr(0, 2000);
    return doc ? *doc : XmlNode{};
  }

  static std::vector<std::string> Locs(const XmlNode& urlset) {
    std::vector<std::string> out;
    for (const auto* u : urlset.All("url")) out.push_back(u->ChildText("loc"));
    return out;
  }

  static std::vector<std::string> DatasetLocs(const XmlNode& urlset) {
    std::vector<std::string> out;
    for (const auto& l : Locs(urlset))
      if (l.starts_with(std::string(kSite) + "/dataset/")) out.push_back(l.substr(kSite.size() + 9));
    return out;
  }

  // Ids of the activities in a feed, newest first ("urn:uuid:" stripped).
  static std::vector<std::string> EntryIds(const XmlNode& feed) {
    std::vector<std::string> out;
    for (const auto* e : feed.All("entry")) {
      std::string id = e->ChildText("id");
      out.push_back(id.starts_with("urn:uuid:") ? id.substr(9) : id);
    }
    return out;
  }

  std::string ActivityIdOf(const std::string& slug, size_t index) {
    auto d = store_->GetDataset(slug);
    EXPECT_TRUE(d);
    auto acts = store_->ListActivities(d->id, 0, 100);
    EXPECT_TRUE(acts && acts->size() > index);
    return acts && acts->size() > index ? (*acts)[index].id : "";
  }

  http::Metrics metrics_;
  std::unique_ptr<http::Site> site_;
  http::Router router_;
};

// --- sitemap -------------------------------------------------------------------------

TEST_F(FindableTest, SitemapListsExactlyThePublicActiveDatasets) {
  auto r = Get("/sitemap.xml");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.content_type, HasSubstr("application/xml"));
  XmlNode doc = MustParse(r);
  EXPECT_EQ(doc.name, "urlset");
  EXPECT_EQ(doc.Attr("xmlns"), "http://www.sitemaps.org/schemas/sitemap/0.9");
  // Ordered by slug; no private, draft or deleted dataset.
  EXPECT_THAT(DatasetLocs(doc), ElementsAre("air-quality", "ltc-points"));
  std::string site(kSite);
  EXPECT_THAT(Locs(doc), ::testing::IsSupersetOf({site + "/", site + "/about", site + "/dataset",
                                                   site + "/organization", site + "/topic",
                                                   site + "/organization/mohw", site + "/organization/taipei-health",
                                                   site + "/topic/long-term-care"}));
  EXPECT_THAT(r.body, Not(HasSubstr("taipei-private")));
  EXPECT_THAT(r.body, Not(HasSubstr("mohw-draft")));
  EXPECT_THAT(r.body, Not(HasSubstr("gone")));
  // lastmod = the dataset's metadata_modified date; alternates for both languages.
  auto ltc = store_->GetDataset("ltc-points");
  for (const auto* u : doc.All("url")) {
    if (u->ChildText("loc") != site + "/dataset/ltc-points") continue;
    EXPECT_EQ(u->ChildText("lastmod"), ltc->metadata_modified.substr(0, 10));
    auto links = u->All("xhtml:link");
    ASSERT_EQ(links.size(), 3u);
    EXPECT_EQ(links[0]->Attr("hreflang"), "zh-TW");
    EXPECT_EQ(links[0]->Attr("href"), site + "/dataset/ltc-points?lang=zh-TW");
    EXPECT_EQ(links[1]->Attr("hreflang"), "en");
    EXPECT_EQ(links[1]->Attr("href"), site + "/dataset/ltc-points?lang=en");
    EXPECT_EQ(links[2]->Attr("hreflang"), "x-default");
  }
}

TEST_F(FindableTest, SitemapFollowsDeletionAndPublication) {
  auto sys = System();
  Must(actions::DeleteDataset(sys, "air-quality"));
  Must(actions::PatchDataset(sys, "taipei-private", boost::json::object{{"private", false}}));
  XmlNode doc = MustParse(Get("/sitemap.xml"));
  EXPECT_THAT(DatasetLocs(doc), ElementsAre("ltc-points", "taipei-private"));
}

TEST_F(FindableTest, SitemapEscapesUrls) {
  // A site URL and a slug (written around validation) with XML metacharacters.
  config_.site_url = "http://example.org/p&q<r";
  Must(store_->Write([&](WriteTxn& tx) -> Result<void> {
    Dataset d = MakeDataset("x&y<z", health_.id);
    d.id = "0f0e0d0c-0000-4000-8000-000000000001";
    d.resources.clear();
    d.metadata_created = d.metadata_modified = "2024-03-05T10:00:00.000000Z";
    return tx.PutDataset(d);
  }));
  auto r = Get("/sitemap.xml");
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(r.body, HasSubstr("<loc>http://example.org/p&amp;q&lt;r/dataset/x%26y%3Cz</loc>"));
  EXPECT_THAT(r.body, Not(HasSubstr("p&q")));
  XmlNode doc = MustParse(r);
  bool found = false;
  for (const auto& loc : Locs(doc)) found = found || loc == "http://example.org/p&q<r/dataset/x%26y%3Cz";
  EXPECT_TRUE(found);
  auto robots = Get("/robots.txt");
  EXPECT_THAT(robots.body, HasSubstr("Sitemap: http://example.org/p&q<r/sitemap.xml"));
}

TEST_F(FindableTest, SitemapSplitsIntoAnIndexWhenThereAreTooManyUrls) {
  auto ctx = Anonymous();
  auto whole = web::BuildSitemap(ctx, std::nullopt, 1000);
  ASSERT_TRUE(whole) << whole.error().message;
  auto all = ParseXml(*whole);
  ASSERT_TRUE(all) << all.error();
  std::vector<std::string> expected = Locs(*all);
  ASSERT_EQ(expected.size(), 5u + 2 + 1 + 2);  // fixed pages, organisations, topic, datasets

  // Exactly full: still one urlset.
  auto exact = web::BuildSitemap(ctx, std::nullopt, expected.size());
  ASSERT_TRUE(exact);
  EXPECT_EQ(ParseXml(*exact)->name, "urlset");

  // Three per page: an index of four pages whose concatenation is the whole list.
  auto index = web::BuildSitemap(ctx, std::nullopt, 3);
  ASSERT_TRUE(index);
  auto idx = ParseXml(*index);
  ASSERT_TRUE(idx) << idx.error();
  EXPECT_EQ(idx->name, "sitemapindex");
  auto pages = idx->All("sitemap");
  ASSERT_EQ(pages.size(), 4u);
  std::vector<std::string> joined;
  for (size_t p = 1; p <= pages.size(); ++p) {
    EXPECT_EQ(pages[p - 1]->ChildText("loc"), std::string(kSite) + "/sitemap.xml?page=" + std::to_string(p));
    auto part = web::BuildSitemap(ctx, p, 3);
    ASSERT_TRUE(part) << p;
    auto doc = ParseXml(*part);
    ASSERT_TRUE(doc) << doc.error();
    EXPECT_EQ(doc->name, "urlset");
    auto locs = Locs(*doc);
    EXPECT_LE(locs.size(), 3u);
    joined.insert(joined.end(), locs.begin(), locs.end());
  }
  EXPECT_EQ(joined, expected);
  EXPECT_EQ(web::BuildSitemap(ctx, 5, 3).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(web::BuildSitemap(ctx, 0, 3).error().code, ErrorCode::kNotFound);
}

TEST_F(FindableTest, SitemapPageParameterIsChecked) {
  auto one = Get("/sitemap.xml?page=1");
  EXPECT_EQ(one.status, 200);
  EXPECT_EQ(MustParse(one).name, "urlset");
  for (const char* bad : {"abc", "0", "-1", "", "1.5", "+1", "99999999999999999999999999999", "1%00", "%FF"}) {
    auto r = Get(std::string("/sitemap.xml?page=") + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_THAT(r.content_type, HasSubstr("text/html")) << bad;
  }
  for (const char* beyond : {"2", "18446744073709551615"}) {
    auto r = Get(std::string("/sitemap.xml?page=") + beyond);
    EXPECT_EQ(r.status, 404) << beyond;
    EXPECT_THAT(r.content_type, HasSubstr("text/html"));
  }
}

TEST_F(FindableTest, RobotsTxtPointsAtTheSitemap) {
  auto r = Get("/robots.txt");
  ASSERT_EQ(r.status, 200);
  EXPECT_THAT(r.content_type, HasSubstr("text/plain"));
  EXPECT_THAT(r.body, HasSubstr("User-agent: *\n"));
  EXPECT_THAT(r.body, HasSubstr("\nSitemap: http://127.0.0.1:9/sitemap.xml\n"));
}

// --- feeds ---------------------------------------------------------------------------

TEST_F(FindableTest, DatasetFeedListsItsActivitiesNewestFirst) {
  auto sys = System();
  Must(actions::PatchDataset(sys, "ltc-points",
                             boost::json::object{{"title", "長照據點（新版）"},
                                                 {"resources", boost::json::array{boost::json::object{
                                                                   {"url", "https://example.gov.tw/b.json"},
                                                                   {"format", "JSON"}}}}}));
  auto r = Get("/dataset/ltc-points/feed.atom");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/atom+xml;charset=utf-8");
  XmlNode feed = MustParse(r);
  EXPECT_EQ(feed.name, "feed");
  EXPECT_EQ(feed.Attr("xmlns"), "http://www.w3.org/2005/Atom");
  EXPECT_EQ(feed.Attr("xml:lang"), "zh-TW");
  EXPECT_EQ(feed.ChildText("id"), "http://127.0.0.1:9/dataset/ltc-points/feed.atom");
  EXPECT_THAT(feed.ChildText("title"), HasSubstr("長照據點（新版）"));
  ASSERT_NE(feed.Child("author"), nullptr);
  EXPECT_EQ(feed.Child("author")->ChildText("name"), "衛生福利部");
  bool self = false;
  for (const auto* l : feed.All("link"))
    self = self || (l->Attr("rel") == "self" && l->Attr("href") == feed.ChildText("id"));
  EXPECT_TRUE(self);

  EXPECT_THAT(EntryIds(feed), ElementsAre(ActivityIdOf("ltc-points", 0), ActivityIdOf("ltc-points", 1)));
  auto entries = feed.All("entry");
  ASSERT_EQ(entries.size(), 2u);
  auto acts = store_->ListActivities(store_->GetDataset("ltc-points")->id, 0, 10);
  EXPECT_EQ(entries[0]->ChildText("updated"), *web::Rfc3339((*acts)[0].timestamp));
  EXPECT_EQ(feed.ChildText("updated"), entries[0]->ChildText("updated"));
  EXPECT_EQ(entries[0]->ChildText("title"), "資料集更新：長照據點（新版）");
  EXPECT_EQ(entries[0]->ChildText("summary"), "變更項目：標題、資料檔案。");
  EXPECT_EQ(entries[0]->Child("category")->Attr("term"), "changed");
  EXPECT_EQ(entries[0]->Child("link")->Attr("href"), "http://127.0.0.1:9/dataset/ltc-points");
  EXPECT_EQ(entries[0]->Child("author")->ChildText("name"), "system");
  EXPECT_EQ(entries[1]->ChildText("title"), "新增資料集：長照據點（新版）");
  EXPECT_EQ(entries[1]->Child("category")->Attr("term"), "created");

  auto en = Get("/dataset/ltc-points/feed.atom?lang=en");
  XmlNode en_feed = MustParse(en);
  EXPECT_EQ(en_feed.Attr("xml:lang"), "en");
  EXPECT_EQ(en_feed.ChildText("id"), "http://127.0.0.1:9/dataset/ltc-points/feed.atom?lang=en");
  ASSERT_EQ(en_feed.All("entry").size(), 2u);
  EXPECT_EQ(en_feed.All("entry")[0]->ChildText("summary"), "Changed: title, data files.");
  EXPECT_EQ(en_feed.All("entry")[0]->Child("link")->Attr("href"), "http://127.0.0.1:9/dataset/ltc-points?lang=en");
  EXPECT_EQ(EntryIds(en_feed), EntryIds(feed));
}

TEST_F(FindableTest, EditsByPeopleNameOnlyWhatTheyChanged) {
  // An editor's write refreshes every resource's time stamps; the summary must not say the
  // data files changed.
  auto alice = As("alice");
  Must(actions::PatchDataset(alice, "ltc-points", boost::json::object{{"notes", "新的說明"}}));
  XmlNode feed = MustParse(Get("/dataset/ltc-points/feed.atom"));
  ASSERT_EQ(feed.All("entry").size(), 2u);
  EXPECT_EQ(feed.All("entry")[0]->ChildText("summary"), "變更項目：說明。");
  EXPECT_EQ(feed.All("entry")[0]->Child("author")->ChildText("name"), "alice");
}

TEST_F(FindableTest, FeedsEscapeHostileTitles) {
  auto sys = System();
  const char* hostile = "<script>alert(1)</script> & co";
  Must(actions::PatchDataset(sys, "ltc-points",
                             boost::json::object{{"title_translated", boost::json::object{{"zh-TW", hostile}}}}));
  for (const char* path : {"/dataset/ltc-points/feed.atom", "/organization/mohw/feed.atom", "/feed.atom"}) {
    auto r = Get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_THAT(r.body, Not(HasSubstr("<script>"))) << path;
    EXPECT_THAT(r.body, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co")) << path;
    XmlNode feed = MustParse(r);
    ASSERT_FALSE(feed.All("entry").empty()) << path;
    EXPECT_THAT(feed.All("entry")[0]->ChildText("title"), HasSubstr("<script>alert(1)</script> & co")) << path;
  }
  auto air = Get("/organization/taipei-health/feed.atom?lang=en");
  XmlNode feed = MustParse(air);
  ASSERT_EQ(feed.All("entry").size(), 1u);
  EXPECT_EQ(feed.All("entry")[0]->ChildText("title"), "New dataset: Air & <quality>");
}

TEST_F(FindableTest, FeedsOfUnknownOrHiddenThingsAre404Pages) {
  for (const char* path : {"/dataset/no-such/feed.atom", "/dataset/taipei-private/feed.atom",
                           "/dataset/mohw-draft/feed.atom", "/dataset/gone/feed.atom", "/organization/no-such/feed.atom",
                           "/dataset/%FF%FE/feed.atom", "/organization/%ED%A0%80/feed.atom"}) {
    auto r = Get(path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_THAT(r.content_type, HasSubstr("text/html")) << path;
    EXPECT_THAT(r.body, Not(HasSubstr("臺北內部機密資料"))) << path;
  }
  // An organisation without datasets has an empty, valid feed; deleted, its feed is gone.
  auto sys = System();
  Must(actions::CreateOrganization(sys, Org("empty-agency", "尚無資料的機關", OrgLevel::kLocal)));
  auto empty = Get("/organization/empty-agency/feed.atom");
  EXPECT_EQ(empty.status, 200);
  XmlNode feed = MustParse(empty);
  EXPECT_TRUE(feed.All("entry").empty());
  EXPECT_TRUE(web::Rfc3339(feed.ChildText("updated")).has_value());
  Must(actions::DeleteOrganization(sys, "empty-agency"));
  EXPECT_EQ(Get("/organization/empty-agency/feed.atom").status, 404);
}

TEST_F(FindableTest, OrganizationFeedHidesPrivateDraftAndDeletedHistory) {
  auto r = Get("/organization/taipei-health/feed.atom");
  ASSERT_EQ(r.status, 200) << r.body;
  XmlNode feed = MustParse(r);
  EXPECT_EQ(feed.ChildText("id"), "http://127.0.0.1:9/organization/taipei-health/feed.atom");
  EXPECT_THAT(EntryIds(feed), ElementsAre(ActivityIdOf("air-quality", 0)));
  EXPECT_THAT(r.body, Not(HasSubstr("臺北內部機密資料")));

  // mohw: the deletion of "gone" is announced (linking to the publisher, as the dataset page
  // is gone), but not its earlier history; the draft is not shown.
  auto m = Get("/organization/mohw/feed.atom");
  XmlNode mohw = MustParse(m);
  EXPECT_THAT(EntryIds(mohw), ElementsAre(ActivityIdOf("gone", 0), ActivityIdOf("ltc-points", 0)));
  auto entries = mohw.All("entry");
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0]->Child("category")->Attr("term"), "deleted");
  EXPECT_EQ(entries[0]->ChildText("title"), "資料集移除：已移除的資料集");
  EXPECT_EQ(entries[0]->Child("link")->Attr("href"), "http://127.0.0.1:9/organization/mohw");
  EXPECT_THAT(m.body, Not(HasSubstr("衛福部草稿資料")));

  // A public dataset made private takes its history out of the public feeds.
  auto sys = System();
  Must(actions::PatchDataset(sys, "air-quality", boost::json::object{{"private", true}}));
  XmlNode after = MustParse(Get("/organization/taipei-health/feed.atom"));
  EXPECT_TRUE(after.All("entry").empty());
  EXPECT_FALSE(after.ChildText("updated").empty());  // still a valid feed
}

TEST_F(FindableTest, SiteFeedHasEveryPublicChangeNewestFirst) {
  auto sys = System();
  Must(actions::PatchDataset(sys, "air-quality", boost::json::object{{"notes", "每小時更新"}}));
  auto r = Get("/feed.atom");
  ASSERT_EQ(r.status, 200);
  XmlNode feed = MustParse(r);
  EXPECT_EQ(feed.ChildText("id"), "http://127.0.0.1:9/feed.atom");
  EXPECT_THAT(EntryIds(feed), ElementsAre(ActivityIdOf("air-quality", 0), ActivityIdOf("gone", 0),
                                          ActivityIdOf("air-quality", 1), ActivityIdOf("ltc-points", 0)));
  EXPECT_EQ(feed.All("entry")[0]->ChildText("summary"), "變更項目：說明。");
  EXPECT_THAT(r.body, Not(HasSubstr("臺北內部機密資料")));
  EXPECT_THAT(r.body, Not(HasSubstr("衛福部草稿資料")));
  std::set<std::string> ids;
  for (const auto& id : EntryIds(feed)) EXPECT_TRUE(ids.insert(id).second) << "duplicate entry " << id;
}

TEST_F(FindableTest, PagesAdvertiseTheirFeeds) {
  auto d = Get("/dataset/ltc-points");
  ASSERT_EQ(d.status, 200);
  EXPECT_THAT(d.body, HasSubstr(R"(<link rel="alternate" type="application/atom+xml" href="/dataset/ltc-points/feed.atom">)"));
  auto d_en = Get("/dataset/ltc-points?lang=en");
  EXPECT_THAT(d_en.body, HasSubstr(R"(href="/dataset/ltc-points/feed.atom?lang=en")"));
  auto o = Get("/organization/mohw");
  ASSERT_EQ(o.status, 200);
  EXPECT_THAT(o.body, HasSubstr(R"(<link rel="alternate" type="application/atom+xml" href="/organization/mohw/feed.atom">)"));
}

TEST_F(FindableTest, EachLanguageHasItsCanonicalUrlAndAlternates) {
  std::string site(kSite);
  auto zh = Get("/dataset/ltc-points?lang=zh-TW");
  ASSERT_EQ(zh.status, 200);
  EXPECT_THAT(zh.body, HasSubstr(R"(<link rel="canonical" href=")" + site + R"(/dataset/ltc-points?lang=zh-TW">)"));
  auto en = Get("/dataset/ltc-points?lang=en");
  EXPECT_THAT(en.body, HasSubstr(R"(<link rel="canonical" href=")" + site + R"(/dataset/ltc-points?lang=en">)"));
  // The plain URL negotiates the language (here Accept-Language: English) and is canonical
  // as itself: it never points at another language's URL.
  auto negotiated = Get("/dataset/ltc-points", {{"accept-language", "en-US,en;q=0.9"}});
  EXPECT_THAT(negotiated.body, HasSubstr(R"(<html lang="en">)"));
  EXPECT_THAT(negotiated.body, HasSubstr(R"(<link rel="canonical" href=")" + site + R"(/dataset/ltc-points">)"));
  for (const auto* page : {&zh, &en, &negotiated}) {  // the same alternates as the sitemap
    EXPECT_THAT(page->body, HasSubstr(R"(<link rel="alternate" hreflang="zh-TW" href=")" + site +
                                      R"(/dataset/ltc-points?lang=zh-TW">)"));
    EXPECT_THAT(page->body, HasSubstr(R"(<link rel="alternate" hreflang="en" href=")" + site +
                                      R"(/dataset/ltc-points?lang=en">)"));
    EXPECT_THAT(page->body, HasSubstr(R"(<link rel="alternate" hreflang="x-default" href=")" + site +
                                      R"(/dataset/ltc-points">)"));
  }
  auto search_en = Get("/dataset?q=%E9%95%B7%E7%85%A7&lang=en");  // other parameters are kept
  ASSERT_EQ(search_en.status, 200);
  EXPECT_THAT(search_en.body, HasSubstr(R"(<link rel="canonical" href=")" + site + R"(/dataset?lang=en&amp;q=%E9%95%B7%E7%85%A7">)"));
}

TEST_F(FindableTest, ChineseKeywordsOnEnglishPagesCarryTheirLanguage) {
  Dataset d = MakeDataset("ltc-keywords", "mohw");
  d.keywords = {"長照", "care"};
  auto sys = System();
  Must(actions::CreateDataset(sys, d));
  auto en = Get("/dataset/ltc-keywords?lang=en");
  ASSERT_EQ(en.status, 200);
  EXPECT_THAT(en.body, HasSubstr(R"(tags=%E9%95%B7%E7%85%A7" lang="zh-TW">長照</a>)"));
  EXPECT_THAT(en.body, HasSubstr(R"(tags=care">care</a>)"));
  auto zh = Get("/dataset/ltc-keywords");
  EXPECT_THAT(zh.body, HasSubstr(R"(tags=%E9%95%B7%E7%85%A7">長照</a>)"));  // the page is Chinese already
}

// --- HTML 404 ------------------------------------------------------------------------

TEST_F(FindableTest, UnknownPagesGetTheHtml404AndTheApiKeepsJson) {
  auto page = Get("/no-such-page");
  EXPECT_EQ(page.status, 404);
  EXPECT_THAT(page.content_type, HasSubstr("text/html"));
  EXPECT_THAT(page.body, HasSubstr("找不到這個頁面"));
  auto en = Get("/no-such-page", {{"accept-language", "en-GB,en;q=0.8"}});
  EXPECT_EQ(en.status, 404);
  EXPECT_THAT(en.body, HasSubstr("Page not found"));
  EXPECT_EQ(Send("HEAD", "/no/such/page").status, 404);

  for (const char* api : {"/api/3/action/nope", "/api/v1/nothing", "/api", "/api/"}) {
    auto r = Get(api);
    EXPECT_GE(r.status, 400) << api;
    EXPECT_LT(r.status, 500) << api;
    EXPECT_THAT(r.content_type, HasSubstr("application/json")) << api;
    boost::system::error_code ec;
    boost::json::parse(r.body, ec);
    EXPECT_FALSE(ec) << api << ": " << r.body;
  }
  auto nope = Get("/api/3/action/nope");
  EXPECT_THAT(nope.body, HasSubstr("\"success\":false"));
  // JSON clients and other methods keep the JSON 404; wrong methods keep their 405.
  auto json = Get("/no-such-page", {{"accept", "application/json"}});
  EXPECT_EQ(json.status, 404);
  EXPECT_THAT(json.content_type, HasSubstr("application/json"));
  auto post = Send("POST", "/no-such-page");
  EXPECT_EQ(post.status, 404);
  EXPECT_THAT(post.content_type, HasSubstr("application/json"));
  EXPECT_EQ(Send("DELETE", "/sitemap.xml").status, 405);
  EXPECT_EQ(Send("POST", "/dataset/ltc-points/feed.atom").status, 405);
}

TEST_F(FindableTest, InvalidUtf8InPathsIsACleanNotFound) {
  for (const char* path : {"/%FF", "/dataset/%FF", "/dataset/%C0%AF", "/organization/%ED%A0%80", "/topic/%F8%88%80%80",
                           "/%E9%95", "/dataset/%00", "/static/%FF"}) {
    auto r = Get(path);
    EXPECT_EQ(r.status, 404) << path;
  }
}

// --- pieces --------------------------------------------------------------------------

TEST(FeedPieces, CataloguesHaveTheSameKeys) { EXPECT_THAT(web::CatalogueDifferences(), ::testing::IsEmpty()); }

TEST(FeedPieces, ChangedPartsNameWhatAReaderWouldNotice) {
  using web::ChangedParts;
  EXPECT_THAT(ChangedParts(R"({"metadata_modified":{"old":"a","new":"b"},"title_translated":{"old":{},"new":{}},
                                "notes":{"old":"x","new":"y"},"title":{"old":"x","new":"y"}})"),
              ElementsAre("change_title", "change_description"));
  // Resources that differ only in the store's time stamps did not change.
  EXPECT_THAT(ChangedParts(R"({"resources":{"old":[{"url":"u","created":"1","metadata_modified":"1"}],
                                            "new":[{"url":"u","created":"2","metadata_modified":"2"}]}})"),
              ::testing::IsEmpty());
  EXPECT_THAT(ChangedParts(R"({"resources":{"old":[{"url":"u","metadata_modified":"1"}],
                                            "new":[{"url":"v","metadata_modified":"2"}]}})"),
              ElementsAre("change_resources"));
  EXPECT_THAT(ChangedParts(R"({"resources":{"old":[],"new":[{"url":"v"}]}})"), ElementsAre("change_resources"));
  EXPECT_THAT(ChangedParts(R"({"private":{"old":true,"new":false},"something_new":{"old":1,"new":2},"x2":{}})"),
              ElementsAre("change_visibility", "change_other"));
  EXPECT_THAT(ChangedParts("not json"), ::testing::IsEmpty());
  EXPECT_THAT(ChangedParts("[]"), ::testing::IsEmpty());

  Activity a;
  a.activity_type = "changed package";
  a.diff_json = R"({"metadata_modified":{"old":"a","new":"b"}})";
  EXPECT_EQ(web::DescribeDatasetChange(a, web::kEn).summary, "The dataset was saved again without changes to its content.");
  a.diff_json = R"({"tags":{"old":[],"new":[1]},"temporal_end":{"old":"","new":"2024"}})";
  auto en = web::DescribeDatasetChange(a, web::kEn);
  EXPECT_EQ(en.kind, "changed");
  EXPECT_EQ(en.label, "Dataset updated");
  EXPECT_EQ(en.summary, "Changed: keywords, time period.");
  EXPECT_EQ(web::DescribeDatasetChange(a, web::kZh).summary, "變更項目：關鍵字、資料時間範圍。");
  a.activity_type = "deleted package";
  EXPECT_EQ(web::DescribeDatasetChange(a, web::kZh).kind, "deleted");
  a.activity_type = "new package";
  EXPECT_EQ(web::DescribeDatasetChange(a, web::kEn).label, "New dataset");
}

TEST(FeedPieces, Rfc3339) {
  EXPECT_EQ(web::Rfc3339("2024-03-05T10:00:00.123456Z"), "2024-03-05T10:00:00.123456Z");
  EXPECT_EQ(web::Rfc3339("2024-03-05T10:00:00"), "2024-03-05T10:00:00Z");
  EXPECT_EQ(web::Rfc3339("2024-03-05 10:00:00+08:00"), std::nullopt);
  EXPECT_EQ(web::Rfc3339("2024-03-05t10:00:00+08:00"), "2024-03-05T10:00:00+08:00");
  EXPECT_EQ(web::Rfc3339("2024-03-05"), "2024-03-05T00:00:00Z");
  EXPECT_EQ(web::Rfc3339("2024-13-05"), std::nullopt);
  EXPECT_EQ(web::Rfc3339("2024-03-05T10"), std::nullopt);
  EXPECT_EQ(web::Rfc3339("2024-03-05T10:00:00.Z"), std::nullopt);
  EXPECT_EQ(web::Rfc3339("2024-03-05T10:00:00+0800"), std::nullopt);
  EXPECT_EQ(web::Rfc3339(""), std::nullopt);
  EXPECT_EQ(web::Rfc3339("109/05/29"), std::nullopt);
}

TEST(FeedPieces, EntryIds) {
  EXPECT_EQ(web::AtomEntryId("https://data.example.tw", "6F9619FF-8B86-4011-B42D-00C04FC964FF"),
            "urn:uuid:6f9619ff-8b86-4011-b42d-00c04fc964ff");
  EXPECT_EQ(web::AtomEntryId("https://Data.Example.tw:8443/portal", "act 1"), "tag:data.example.tw,2024:activity/act%201");
}

TEST(FeedPieces, AtomFeedIsWellFormedWithAwkwardText) {
  web::AtomFeed f;
  f.lang = "en";
  f.id = f.self = "http://x/feed.atom?a=1&b=2";
  f.alternate = "http://x/";
  f.title = "Tom & \"Jerry\" <b>";
  f.updated = "2024-01-01T00:00:00Z";
  f.author = "a\x01" "b";  // a control character XML forbids
  f.entries.push_back({"urn:uuid:1", std::string("bad \xFF utf8 ]]> ok"), "2024-01-01T00:00:00Z", "http://x/d?a=1&b=2",
                       "line\nbreak\ttab", "", "changed", "Dataset \"updated\""});
  std::string xml = web::RenderAtomFeed(f);
  auto doc = ParseXml(xml);
  ASSERT_TRUE(doc) << doc.error() << "\n" << xml;
  EXPECT_EQ(doc->ChildText("title"), "Tom & \"Jerry\" <b>");
  EXPECT_EQ(doc->Child("author")->ChildText("name"), "ab");
  auto e = doc->All("entry");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0]->ChildText("title"), "bad \xEF\xBF\xBD utf8 ]]> ok");
  EXPECT_EQ(e[0]->Child("link")->Attr("href"), "http://x/d?a=1&b=2");
  EXPECT_EQ(e[0]->ChildText("summary"), "line\nbreak\ttab");
  EXPECT_EQ(e[0]->Child("category")->Attr("label"), "Dataset \"updated\"");
  EXPECT_EQ(e[0]->Child("author"), nullptr);  // the feed's author applies
}

}  // namespace
}  // namespace pintu::test

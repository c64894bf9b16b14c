// The DCAT-AP routes (/catalog*, /dataset/{slug}.ttl|.jsonld|.rdf, content negotiation,
// schema.json), dispatched in-process through the router the server uses, on a catalog
// with public, private, draft and deleted datasets.
#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "actions/catalog_fixture.h"
#include "http/metrics.h"
#include "http/site.h"
#include "http/web/dcat_routes.h"
#include "support/mini_xml.h"

namespace pintu::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
namespace web = http::web;

class DcatRoutesTest : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    auto sys = System();
    for (int i = 1; i <= 5; ++i) {
      Dataset d = MakeDataset("public-" + std::to_string(i), i % 2 ? "mohw" : "taipei-health");
      if (i == 1) {
        d.resources[0].fields = {{"縣市", LocalizedText::Both("縣市名稱", "County"), "string", ""},
                                 {"人數", LocalizedText::Zh("人數"), "integer", "人"}};
        d.title = LocalizedText::Both("長照 \"<script>\" ]]>", "LTC & co");
      }
      Must(actions::CreateDataset(sys, d));
    }
    Dataset secret = MakeDataset("secret-one", "mohw", "機密資料");
    secret.is_private = true;
    Must(actions::CreateDataset(sys, secret));
    Dataset draft = MakeDataset("draft-one", "mohw", "草稿資料");
    draft.state = State::kDraft;
    Must(actions::CreateDataset(sys, draft));
    Must(actions::CreateDataset(sys, MakeDataset("gone-one", "mohw", "已移除")));
    Must(actions::DeleteDataset(sys, "gone-one"));
    site_ = std::make_unique<http::Site>(*store_, config_, metrics_, search_.get());
    router_ = site_->BuildRouter();
  }

  // Header names in lower case, as the server delivers them.
  http::HttpResponse Get(std::string target, http::Pairs headers = {}) {
    http::HttpRequest r;
    r.method = "GET";
    r.target = target;
    size_t q = target.find('?');
    r.path = PercentDecode(target.substr(0, q), false);
    if (q != std::string::npos) r.query = http::ParseQueryString(target.substr(q + 1));
    r.headers = std::move(headers);
    return router_.Dispatch(r);
  }

  static std::string Header(const http::HttpResponse& r, std::string_view name) {
    for (const auto& [k, v] : r.headers)
      if (AsciiLower(k) == AsciiLower(name)) return v;
    return "";
  }

  http::Metrics metrics_;
  std::unique_ptr<http::Site> site_;
  http::Router router_;
};

TEST(NegotiateRdf, HonoursQValuesAndKeepsBrowsersOnHtml) {
  using rdf::Syntax;
  EXPECT_EQ(web::NegotiateRdf(""), std::nullopt);
  EXPECT_EQ(web::NegotiateRdf("text/turtle"), Syntax::kTurtle);
  EXPECT_EQ(web::NegotiateRdf("application/ld+json"), Syntax::kJsonLd);
  EXPECT_EQ(web::NegotiateRdf("application/rdf+xml"), Syntax::kRdfXml);
  EXPECT_EQ(web::NegotiateRdf("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), std::nullopt);
  EXPECT_EQ(web::NegotiateRdf("*/*"), std::nullopt);
  EXPECT_EQ(web::NegotiateRdf("text/turtle;q=0.5, application/ld+json;q=0.9"), Syntax::kJsonLd);
  EXPECT_EQ(web::NegotiateRdf("text/html;q=0.1, text/turtle"), Syntax::kTurtle);
  EXPECT_EQ(web::NegotiateRdf("text/*;q=0.3, application/rdf+xml;q=0.2"), std::nullopt);  // text/html via text/*
  EXPECT_EQ(web::NegotiateRdf("TEXT/TURTLE; Q=1"), Syntax::kTurtle);
  EXPECT_EQ(web::NegotiateRdf("text/turtle;q=0, */*;q=0.1"), std::nullopt);
  EXPECT_EQ(web::NegotiateRdf("image/png"), std::nullopt);
  EXPECT_EQ(web::NegotiateRdf("text/turtle;q=abc"), std::nullopt);  // a bad q counts as 0
  EXPECT_EQ(web::NegotiateRdf(std::string(100000, ',')), std::nullopt);
  EXPECT_EQ(web::NegotiateRdf("/,;;;q=,text/turtle"), Syntax::kTurtle);
}

TEST_F(DcatRoutesTest, DatasetExportsInThreeSyntaxes) {
  auto ttl = Get("/dataset/public-1.ttl");
  ASSERT_EQ(ttl.status, 200) << ttl.body;
  EXPECT_EQ(ttl.content_type, "text/turtle;charset=utf-8");
  EXPECT_THAT(ttl.body, HasSubstr("<http://127.0.0.1:9/dataset/public-1>\n    a dcat:Dataset"));
  EXPECT_THAT(ttl.body, HasSubstr("\"長照 \\\"<script>\\\" ]]>\"@zh-TW"));
  EXPECT_THAT(ttl.body, HasSubstr("dct:publisher <http://127.0.0.1:9/organization/mohw>"));
  EXPECT_THAT(ttl.body, HasSubstr("<http://127.0.0.1:9/dataset/public-1/resource/"));
  EXPECT_EQ(Header(ttl, "Vary"), "");  // the extension decides, not the Accept header

  auto jsonld = Get("/dataset/public-1.jsonld");
  ASSERT_EQ(jsonld.status, 200);
  EXPECT_EQ(jsonld.content_type, "application/ld+json;charset=utf-8");
  auto doc = boost::json::parse(jsonld.body);
  EXPECT_EQ(doc.at("@graph").as_array()[0].at("@id").as_string(), "http://127.0.0.1:9/dataset/public-1");

  auto rdfxml = Get("/dataset/public-1.rdf");
  ASSERT_EQ(rdfxml.status, 200);
  EXPECT_EQ(rdfxml.content_type, "application/rdf+xml;charset=utf-8");
  auto xml = ParseXml(rdfxml.body);
  ASSERT_TRUE(xml.has_value()) << (xml ? "" : xml.error());
  EXPECT_EQ(xml->All("rdf:Description")[0]->Attr("rdf:about"), "http://127.0.0.1:9/dataset/public-1");
}

TEST_F(DcatRoutesTest, PrivateDraftDeletedAndUnknownDatasetsAre404) {
  for (std::string slug : {"secret-one", "draft-one", "gone-one", "no-such-dataset"}) {
    for (std::string ext : {".ttl", ".jsonld", ".rdf"}) {
      auto r = Get("/dataset/" + slug + ext);
      EXPECT_EQ(r.status, 404) << slug << ext;
      EXPECT_THAT(r.body, Not(HasSubstr("機密")));
    }
    EXPECT_EQ(Get("/dataset/" + slug, {{"accept", "text/turtle"}}).status, 404) << slug;
  }
  // The dataset's id is not a second address of the export.
  auto sys = System();
  auto d = actions::ShowDataset(sys, "public-2");
  ASSERT_TRUE(d);
  EXPECT_EQ(Get("/dataset/" + d->id + ".ttl").status, 404);
  // An unknown extension is the page's 404, not an export.
  EXPECT_EQ(Get("/dataset/public-2.exe").status, 404);
  // Nothing private leaks into the catalog either.
  auto cat = Get("/catalog.ttl");
  EXPECT_THAT(cat.body, Not(HasSubstr("secret-one")));
  EXPECT_THAT(cat.body, Not(HasSubstr("draft-one")));
  EXPECT_THAT(cat.body, Not(HasSubstr("gone-one")));
}

TEST_F(DcatRoutesTest, ContentNegotiationOnDatasetAndCatalog) {
  auto html = Get("/dataset/public-2", {{"accept", "text/html,application/xhtml+xml,*/*;q=0.8"}});
  EXPECT_EQ(html.status, 200);
  EXPECT_THAT(html.content_type, HasSubstr("text/html"));
  EXPECT_THAT(Header(html, "Vary"), HasSubstr("Accept"));
  EXPECT_THAT(Header(html, "Vary"), HasSubstr("Accept-Language"));  // the page's own Vary is kept

  auto ttl = Get("/dataset/public-2", {{"accept", "text/turtle"}});
  EXPECT_EQ(ttl.status, 200);
  EXPECT_EQ(ttl.content_type, "text/turtle;charset=utf-8");
  EXPECT_EQ(Header(ttl, "Vary"), "Accept");
  auto jsonld = Get("/dataset/public-2", {{"accept", "application/rdf+xml;q=0.5, application/ld+json"}});
  EXPECT_EQ(jsonld.content_type, "application/ld+json;charset=utf-8");

  auto browser = Get("/catalog", {{"accept", "text/html"}});
  EXPECT_EQ(browser.status, 303);
  EXPECT_EQ(Header(browser, "Location"), "/dataset");
  EXPECT_EQ(Header(browser, "Vary"), "Accept");
  auto cat = Get("/catalog?page=1", {{"accept", "application/rdf+xml"}});
  EXPECT_EQ(cat.status, 200);
  EXPECT_EQ(cat.content_type, "application/rdf+xml;charset=utf-8");
  EXPECT_EQ(Header(cat, "Vary"), "Accept");
}

TEST_F(DcatRoutesTest, CatalogPagesWithHydraLinks) {
  auto first = Get("/catalog.jsonld?page_size=2");
  ASSERT_EQ(first.status, 200) << first.body;
  std::string catalog_text = first.body;
  auto doc = boost::json::parse(first.body);
  const boost::json::object* catalog = nullptr;
  const boost::json::object* view = nullptr;
  size_t datasets = 0;
  for (const auto& n : doc.at("@graph").as_array()) {
    const auto& o = n.as_object();
    if (o.at("@id") == "http://127.0.0.1:9/catalog") catalog = &o;
    if (o.at("@id") == "http://127.0.0.1:9/catalog?page=1&page_size=2") view = &o;
    if (const auto* t = o.if_contains("@type"))
      for (const auto& ty : t->as_array())
        if (ty == "dcat:Dataset") ++datasets;
  }
  ASSERT_TRUE(catalog);
  ASSERT_TRUE(view);
  EXPECT_EQ(datasets, 2u);
  EXPECT_EQ(catalog->at("hydra:totalItems").as_array()[0].at("@value"), "5");
  EXPECT_EQ(catalog->at("dcat:dataset").as_array().size(), 2u);
  EXPECT_EQ(view->at("hydra:next").as_array()[0].at("@id"), "http://127.0.0.1:9/catalog?page=2&page_size=2");
  EXPECT_EQ(view->at("hydra:last").as_array()[0].at("@id"), "http://127.0.0.1:9/catalog?page=3&page_size=2");
  EXPECT_FALSE(view->contains("hydra:previous"));

  auto last = Get("/catalog.ttl?page=3&page_size=2");
  ASSERT_EQ(last.status, 200);
  EXPECT_THAT(last.body, HasSubstr("hydra:previous <http://127.0.0.1:9/catalog?page=2&page_size=2>"));
  EXPECT_THAT(last.body, Not(HasSubstr("hydra:next")));
  EXPECT_THAT(last.body, HasSubstr("dcat:dataset <http://127.0.0.1:9/dataset/public-5>"));
  EXPECT_EQ(Get("/catalog.ttl?page=4&page_size=2").status, 404);
  // The default page holds them all, ordered by slug.
  auto all = Get("/catalog.rdf");
  ASSERT_EQ(all.status, 200);
  EXPECT_TRUE(ParseXml(all.body).has_value());
  EXPECT_LT(all.body.find("public-1"), all.body.find("public-5"));
}

TEST_F(DcatRoutesTest, BadPagingParametersAre400NamingTheParameter) {
  for (std::string bad : {"page=0", "page=-1", "page=abc", "page=", "page=1.5", "page=99999999999999999999999"}) {
    auto r = Get("/catalog.ttl?" + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_THAT(r.body, HasSubstr("page：")) << bad;
    EXPECT_THAT(r.body, HasSubstr("page: ")) << bad;
  }
  for (std::string bad : {"page_size=0", "page_size=1001", "page_size=x", "page_size=-5"}) {
    auto r = Get("/catalog.jsonld?" + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_THAT(r.body, HasSubstr("page_size")) << bad;
  }
  EXPECT_EQ(Get("/catalog.ttl?page_size=1000").status, 200);
  EXPECT_EQ(Get("/catalog", {{"accept", "text/turtle"}}).status, 200);
  EXPECT_EQ(Get("/catalog?page=zero", {{"accept", "text/turtle"}}).status, 400);
}

TEST_F(DcatRoutesTest, PintuVocabularyIsPublishedAtNs) {
  auto ttl = Get("/ns");
  ASSERT_EQ(ttl.status, 200);
  EXPECT_EQ(ttl.content_type, "text/turtle;charset=utf-8");  // no HTML page: Turtle by default
  EXPECT_THAT(ttl.body, HasSubstr("pintu:type-statistical"));
  EXPECT_THAT(ttl.body, HasSubstr("\"統計資料\"@zh-TW"));
  EXPECT_EQ(Header(ttl, "Vary"), "Accept");
  EXPECT_EQ(Get("/ns", {{"accept", "application/ld+json"}}).content_type, "application/ld+json;charset=utf-8");
  EXPECT_TRUE(ParseXml(Get("/ns.rdf").body).has_value());
  // The IRIs the dataset exports use resolve to this document.
  EXPECT_THAT(Get("/dataset/public-1.ttl").body, HasSubstr("@prefix pintu: <http://127.0.0.1:9/ns#>"));
}

TEST_F(DcatRoutesTest, TableSchemaOfAResourceWithFields) {
  auto sys = System();
  auto d = actions::ShowDataset(sys, "public-1");
  ASSERT_TRUE(d);
  const std::string& rid = d->resources[0].id;
  auto r = Get("/dataset/public-1/resource/" + rid + "/schema.json");
  ASSERT_EQ(r.status, 200) << r.body;
  auto schema = boost::json::parse(r.body);
  const auto& fields = schema.at("fields").as_array();
  ASSERT_EQ(fields.size(), 2u);
  EXPECT_EQ(fields[0].at("name"), "縣市");
  EXPECT_EQ(fields[0].at("type"), "string");
  EXPECT_EQ(fields[0].at("x-description-translated").at("en"), "County");
  EXPECT_EQ(fields[1].at("x-unit"), "人");
  // The DCAT export points at it.
  EXPECT_THAT(Get("/dataset/public-1.ttl").body, HasSubstr("/resource/" + rid + "/schema.json>"));
  // A resource without fields, another dataset's resource and private datasets: 404.
  auto other = actions::ShowDataset(sys, "public-2");
  EXPECT_EQ(Get("/dataset/public-2/resource/" + other->resources[0].id + "/schema.json").status, 404);
  EXPECT_EQ(Get("/dataset/public-2/resource/" + rid + "/schema.json").status, 404);
  auto secret = actions::ShowDataset(sys, "secret-one");
  EXPECT_EQ(Get("/dataset/secret-one/resource/" + secret->resources[0].id + "/schema.json").status, 404);
}

}  // namespace
}  // namespace pintu::test

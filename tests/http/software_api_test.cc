// /api/v1/software…: register, read, search, change, adopt, versions, the publiccode.yml
// download, the validate endpoint, and the portal pages of the registry — with bad input
// answered by the status and the field at fault.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "formats/publiccode_fixture.h"
#include "http/api/software_api.h"
#include "http/ckan_fixture.h"
#include "http/router.h"
#include "http/web/portal.h"

namespace pintu::test {
namespace {

using ::testing::HasSubstr;
namespace json = boost::json;
namespace fixture = formats::publiccode::test;

class SoftwareApiTest : public CkanApiTest {
 protected:
  void SetUp() override {
    CkanApiTest::SetUp();
    http::api::AddSoftwareApiRoutes(router_, *store_, config_, search_.get());
    http::web::AddPortalRoutes(router_, *store_, config_, search_.get());
  }

  struct Reply {
    int status = 0;
    std::string body;
    json::value json;
    std::string content_type;
  };

  Reply Send(const std::string& method, const std::string& target, const std::string& body = "",
             const std::string& token = "") {
    http::HttpRequest req;
    req.method = method;
    req.target = target;
    size_t q = target.find('?');
    req.path = http::PercentDecode(target.substr(0, q));
    if (q != std::string::npos) req.query = http::ParseQueryString(target.substr(q + 1));
    req.body = body;
    if (!token.empty()) req.headers.emplace_back("authorization", token);
    auto res = router_.Dispatch(req);
    Reply r{res.status, res.body, nullptr, res.content_type};
    boost::system::error_code ec;
    r.json = json::parse(res.body, ec);
    if (ec) r.json = nullptr;
    return r;
  }

  Reply Register(const std::string& token, json::object body) {
    return Send("POST", "/api/v1/software", json::serialize(body), token);
  }

  std::string FirstField(const Reply& r) {
    if (!r.json.is_object() || !r.json.as_object().contains("fields")) return "";
    return std::string(r.json.at("fields").as_array().at(0).at("field").as_string());
  }

  http::Router router_;
};

TEST_F(SoftwareApiTest, RegisterReadSearchAndDownloadTheFile) {
  auto created = Register(alice_, {{"organization", "mohw"},
                                   {"publiccode_yml", fixture::kMinimal},
                                   {"datasets", json::array{"ltc-points", json::object{{"dataset", "home-care"}, {"relation", "produces"}}}}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json.at("name").as_string(), "pintu");
  EXPECT_EQ(created.json.at("piece_size").as_string(), "system");
  EXPECT_EQ(created.json.at("datasets").as_array().size(), 2u);
  EXPECT_EQ(created.json.at("validation").at("valid").as_bool(), true);

  auto shown = Send("GET", "/api/v1/software/pintu");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.json.at("organization").at("name").as_string(), "mohw");
  EXPECT_EQ(shown.json.at("adopters").as_int64(), 0);
  EXPECT_EQ(shown.json.at("readiness").at("criteria").as_array().size(), 16u);

  auto found = Send("GET", "/api/v1/software?q=%E9%96%8B%E6%94%BE%E8%B3%87%E6%96%99&piece_size=system");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json.at("total").as_int64(), 1);
  EXPECT_TRUE(found.json.at("facets").as_object().contains("maintenance_status"));

  EXPECT_EQ(Send("GET", "/api/v1/software?organization=mohw").json.at("total").as_int64(), 1);
  EXPECT_EQ(Send("GET", "/api/v1/software?organization=taipei-health").json.at("total").as_int64(), 0);

  auto file = Send("GET", "/api/v1/software/pintu/publiccode.yml");
  EXPECT_EQ(file.status, 200);
  EXPECT_EQ(file.body, fixture::kMinimal);
  EXPECT_THAT(file.content_type, HasSubstr("yaml"));

  auto versions = Send("GET", "/api/v1/software/pintu/versions");
  ASSERT_EQ(versions.status, 200);
  EXPECT_EQ(versions.json.at("versions").as_array().size(), 1u);
}

TEST_F(SoftwareApiTest, BadRequestsGetTheStatusAndTheField) {
  EXPECT_EQ(Register("", {{"organization", "mohw"}, {"publiccode_yml", fixture::kMinimal}}).status, 403);
  EXPECT_EQ(Register(bob_, {{"organization", "mohw"}, {"publiccode_yml", fixture::kMinimal}}).status, 403);
  auto no_source = Register(alice_, {{"organization", "mohw"}});
  EXPECT_EQ(no_source.status, 422);
  EXPECT_EQ(FirstField(no_source), "repository_url");
  auto bad_file = Register(alice_, {{"organization", "mohw"}, {"publiccode_yml", "name: [unclosed"}});
  EXPECT_EQ(bad_file.status, 422);
  EXPECT_THAT(FirstField(bad_file), HasSubstr("publiccode_yml"));
  auto binary = Register(alice_, {{"organization", "mohw"}, {"publiccode_yml", std::string("\x00\x01\x02", 3)}});
  EXPECT_EQ(binary.status, 422);
  auto wrong_type = Register(alice_, {{"organization", 42}});
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(FirstField(wrong_type), "organization");
  EXPECT_EQ(Send("POST", "/api/v1/software", "{not json", alice_).status, 400);
  EXPECT_EQ(Send("POST", "/api/v1/software", "[1,2]", alice_).status, 400);
  auto huge = Register(alice_, {{"organization", "mohw"}, {"publiccode_yml", std::string(2 << 20, 'a')}});
  EXPECT_EQ(huge.status, 422);
  EXPECT_EQ(FirstField(huge), "publiccode_yml");
  auto ssh = Register(alice_, {{"organization", "mohw"}, {"repository_url", "ssh://git@example.org/x.git"}});
  EXPECT_EQ(ssh.status, 422);
  EXPECT_EQ(FirstField(ssh), "repository_url");
  EXPECT_EQ(Send("GET", "/api/v1/software/no-such").status, 404);
  EXPECT_EQ(Send("GET", "/api/v1/software?sort=bogus").status, 400);
  // Nothing was stored by any of these.
  EXPECT_TRUE(store_->ListSoftware(true).value().empty());
}

TEST_F(SoftwareApiTest, AdoptThroughTheApiAndSeeUsedByEverywhere) {
  ASSERT_EQ(Register(alice_, {{"organization", "mohw"}, {"publiccode_yml", fixture::kMinimal}}).status, 201);
  auto adopted = Send("POST", "/api/v1/software/pintu/adoptions",
                      json::serialize(json::object{{"organization", "taipei-health"}, {"version", "1.0"},
                                                   {"since", "2026-01-05"}, {"vendor", "好廠商"},
                                                   {"contact_email", "x@example.gov.tw"}}),
                      bob_);
  ASSERT_EQ(adopted.status, 201) << adopted.body;
  auto shown = Send("GET", "/api/v1/software/pintu");
  EXPECT_EQ(shown.json.at("adopters").as_int64(), 1);
  // The public sees the adopter but not its contact.
  EXPECT_EQ(shown.json.at("adoptions").as_array().at(0).at("contact_email").as_string(), "");
  auto for_publisher = Send("GET", "/api/v1/software/pintu/adoptions", "", alice_);
  EXPECT_EQ(for_publisher.json.at("adoptions").as_array().at(0).at("contact_email").as_string(), "x@example.gov.tw");
  auto listed = Send("GET", "/api/v1/software?sort=adopters");
  EXPECT_EQ(listed.json.at("results").as_array().at(0).at("adopters").as_int64(), 1);
  auto bad_date = Send("POST", "/api/v1/software/pintu/adoptions",
                       json::serialize(json::object{{"organization", "taipei-health"}, {"since", "yesterday"}}), bob_);
  EXPECT_EQ(bad_date.status, 422);
  EXPECT_EQ(FirstField(bad_date), "since");
  std::string id(adopted.json.at("id").as_string());
  EXPECT_EQ(Send("DELETE", "/api/v1/adoptions/" + id, "", alice_).status, 403);
  EXPECT_EQ(Send("DELETE", "/api/v1/adoptions/" + id, "", bob_).status, 200);
  EXPECT_EQ(Send("GET", "/api/v1/software/pintu").json.at("adopters").as_int64(), 0);
}

TEST_F(SoftwareApiTest, SelfAssessmentAndValidateEndpoint) {
  ASSERT_EQ(Register(alice_, {{"organization", "mohw"}, {"publiccode_yml", fixture::kMinimal}}).status, 201);
  auto before = Send("GET", "/api/v1/software/pintu");
  const auto& first_before = before.json.at("readiness").at("criteria").as_array().at(0);
  ASSERT_EQ(first_before.at("state").as_string(), "self_assess");  // an upload cannot tell "code in the open"
  auto criterion = std::string(first_before.at("code").as_string());
  int64_t before_met = before.json.at("readiness").at("met").as_int64();
  auto answered = Send("PUT", "/api/v1/software/pintu/self-assessment/" + criterion,
                       R"({"met": true, "note": "reviewed"})", alice_);
  ASSERT_EQ(answered.status, 200) << answered.body;
  EXPECT_EQ(answered.json.at("self_assessment").at(criterion).at("note").as_string(), "reviewed");
  // The readiness the API reports applies the answer (as the page does): one more criterion met.
  const auto& first = answered.json.at("readiness").at("criteria").as_array().at(0);
  EXPECT_EQ(first.at("state").as_string(), "met");
  EXPECT_EQ(first.at("source").as_string(), "self");
  EXPECT_EQ(answered.json.at("readiness").at("met").as_int64(), before_met + 1);
  EXPECT_EQ(Send("PUT", "/api/v1/software/pintu/self-assessment/no-such", R"({"met": true})", alice_).status, 422);
  EXPECT_EQ(Send("PUT", "/api/v1/software/pintu/self-assessment/" + criterion, R"({"met": "yes"})", alice_).status, 422);
  EXPECT_EQ(Send("PUT", "/api/v1/software/pintu/self-assessment/" + criterion, R"({"met": true})", bob_).status, 403);

  auto valid = Send("POST", "/api/v1/publiccode/validate?mode=strict", fixture::kMinimal);
  ASSERT_EQ(valid.status, 200);
  EXPECT_TRUE(valid.json.at("valid").as_bool());
  auto invalid = Send("POST", "/api/v1/publiccode/validate",
                      fixture::Replace(fixture::kMinimal, "until: \"2027-06-30\"", "until: \"30/06/2027\""));
  EXPECT_FALSE(invalid.json.at("valid").as_bool());
  EXPECT_EQ(invalid.json.at("errors").as_array().at(0).at("key").as_string(), "maintenance.contractors[0].until");
  EXPECT_EQ(Send("POST", "/api/v1/publiccode/validate?mode=loose", fixture::kMinimal).status, 422);
}

TEST_F(SoftwareApiTest, PortalPagesShowTheRegistryInBothLanguages) {
  ASSERT_EQ(Register(alice_, {{"organization", "mohw"}, {"publiccode_yml", fixture::kMinimal},
                              {"datasets", json::array{"ltc-points"}}}).status, 201);
  auto list = Send("GET", "/software");
  ASSERT_EQ(list.status, 200) << list.body;
  EXPECT_THAT(list.body, HasSubstr("公共程式"));
  EXPECT_THAT(list.body, HasSubstr("href=\"/software/pintu\""));
  auto page = Send("GET", "/software/pintu?lang=en");
  ASSERT_EQ(page.status, 200);
  EXPECT_THAT(page.body, HasSubstr("Procurement readiness"));
  EXPECT_THAT(page.body, HasSubstr("An open-data platform"));
  auto print = Send("GET", "/software/pintu/procurement");
  ASSERT_EQ(print.status, 200);
  EXPECT_THAT(print.body, HasSubstr("採購摘要"));
  auto dataset = Send("GET", "/dataset/ltc-points");
  EXPECT_THAT(dataset.body, HasSubstr("使用這份資料的軟體"));
  auto org = Send("GET", "/organization/mohw");
  EXPECT_THAT(org.body, HasSubstr("href=\"/software/pintu\""));
  EXPECT_EQ(Send("GET", "/software/nope").status, 404);
  // Hostile query text comes back escaped, never as markup.
  auto hostile = Send("GET", "/software?q=%3Cscript%3Ealert(1)%3C/script%3E");
  EXPECT_THAT(hostile.body, ::testing::Not(HasSubstr("<script>alert")));
  // Forms need a login and a CSRF token.
  EXPECT_EQ(Send("GET", "/software/new").status, 303);
  EXPECT_EQ(Send("POST", "/software/pintu/adopt", "organization=taipei-health").status, 303);
}

}  // namespace
}  // namespace pintu::test

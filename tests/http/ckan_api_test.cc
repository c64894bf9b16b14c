// The CKAN Action API as a CKAN client sees it: status codes, the envelope
// ({help, success, result} / {error: {__type, field: [...]}}), auth, bad input and
// the package_show response cache. Requests are handed to ActionApi::Handle directly.
#include <algorithm>
#include <map>
#include <set>

#include "http/ckan_fixture.h"

namespace pintu::test {
namespace {

namespace json = boost::json;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::UnorderedElementsAre;

// ---------------------------------------------------------------------------
// 1. Every action, happy path.

TEST_F(CkanApiTest, EveryActionHasAWorkingHappyPath) {
  // Ids that later calls need.
  std::string res_id, job_id;
  std::map<std::string, std::function<CkanReply()>> calls = {
      {"status_show", [&] { return Get("status_show"); }},
      {"site_read", [&] { return Get("site_read"); }},
      {"package_list", [&] { return Get("package_list"); }},
      {"package_show", [&] { return Get("package_show", {{"id", "ltc-points"}}); }},
      {"package_search", [&] { return Get("package_search", {{"q", "長照"}}); }},
      {"search_suggest", [&] { return Get("search_suggest", {{"q", "長照"}}); }},
      {"current_package_list_with_resources", [&] { return Get("current_package_list_with_resources"); }},
      {"package_create",
       [&] {
         return Post("package_create", json::object{{"name", "smoke"}, {"title", "冒煙測試"}, {"owner_org", "mohw"}},
                     alice_);
       }},
      {"package_update",
       [&] {
         return Post("package_update", json::object{{"id", "smoke"}, {"title", "冒煙測試二"}, {"owner_org", "mohw"}},
                     alice_);
       }},
      {"package_patch", [&] { return Post("package_patch", json::object{{"id", "smoke"}, {"notes", "說明"}}, alice_); }},
      {"resource_create",
       [&] {
         auto r = Post("resource_create",
                       json::object{{"package_id", "smoke"}, {"url", "https://example.gov.tw/s.csv"}, {"format", "CSV"}},
                       alice_);
         res_id = r.Str("id");
         return r;
       }},
      {"resource_show", [&] { return Get("resource_show", {{"id", res_id}}); }},
      {"resource_update",
       [&] {
         return Post("resource_update",
                     json::object{{"id", res_id}, {"url", "https://example.gov.tw/s2.csv"}, {"format", "CSV"}}, alice_);
       }},
      {"resource_patch", [&] { return Post("resource_patch", json::object{{"id", res_id}, {"format", "JSON"}}, alice_); }},
      {"resource_check_show", [&] { return Get("resource_check_show", {{"id", res_id}}); }},
      {"resource_recheck",
       [&] {
         auto r = Post("resource_recheck", json::object{{"id", res_id}}, alice_);
         if (const auto* o = r.result().if_object(); o && o->contains("jobs") && !o->at("jobs").as_array().empty())
           job_id = std::to_string(o->at("jobs").as_array()[0].as_object().at("id").as_int64());
         return r;
       }},
      {"job_list", [&] { return Get("job_list", {}, admin_); }},
      {"job_show", [&] { return Get("job_show", {{"id", job_id}}, admin_); }},
      {"resource_delete", [&] { return Post("resource_delete", json::object{{"id", res_id}}, alice_); }},
      {"package_delete", [&] { return Post("package_delete", json::object{{"id", "smoke"}}, alice_); }},
      {"package_activity_list", [&] { return Get("package_activity_list", {{"id", "ltc-points"}}); }},
      {"organization_list", [&] { return Get("organization_list"); }},
      {"organization_show", [&] { return Get("organization_show", {{"id", "mohw"}}); }},
      {"organization_create",
       [&] { return Post("organization_create", json::object{{"name", "smoke-org"}, {"title", "測試機關"}}, admin_); }},
      {"organization_update",
       [&] {
         return Post("organization_update", json::object{{"id", "smoke-org"}, {"title", "測試機關二"}}, admin_);
       }},
      {"organization_patch",
       [&] { return Post("organization_patch", json::object{{"id", "smoke-org"}, {"description", "x"}}, admin_); }},
      {"organization_member_create",
       [&] {
         return Post("organization_member_create",
                     json::object{{"id", "smoke-org"}, {"username", "carol"}, {"role", "editor"}}, admin_);
       }},
      {"member_list", [&] { return Get("member_list", {{"id", "smoke-org"}}, admin_); }},
      {"organization_member_delete",
       [&] {
         return Post("organization_member_delete", json::object{{"id", "smoke-org"}, {"username", "carol"}}, admin_);
       }},
      {"organization_delete", [&] { return Post("organization_delete", json::object{{"id", "smoke-org"}}, admin_); }},
      {"group_list", [&] { return Get("group_list"); }},
      {"group_show", [&] { return Get("group_show", {{"id", "long-term-care"}}); }},
      {"group_create", [&] { return Post("group_create", json::object{{"name", "smoke-group"}, {"title", "測試主題"}}, admin_); }},
      {"group_update",
       [&] { return Post("group_update", json::object{{"id", "smoke-group"}, {"title", "測試主題二"}}, admin_); }},
      {"group_delete", [&] { return Post("group_delete", json::object{{"id", "smoke-group"}}, admin_); }},
      {"tag_list", [&] { return Get("tag_list"); }},
      {"quality_show", [&] { return Get("quality_show", {{"id", "ltc-points"}}); }},
      {"quality_dashboard", [&] { return Get("quality_dashboard", {{"days", "7"}}); }},
      {"quality_top_fixes", [&] { return Get("quality_top_fixes", {{"organization", "mohw"}}); }},
  };
  // Run in an order where creates come before the calls that need their objects.
  const std::vector<std::string> order = {
      "status_show", "site_read", "package_list", "package_show", "package_search", "search_suggest",
      "current_package_list_with_resources", "package_create", "package_update", "package_patch",
      "resource_create", "resource_show", "resource_update", "resource_patch", "resource_check_show",
      "resource_recheck", "job_list", "job_show", "resource_delete",
      "package_delete", "package_activity_list", "organization_list", "organization_show",
      "organization_create", "organization_update", "organization_patch", "organization_member_create",
      "member_list", "organization_member_delete", "organization_delete", "group_list", "group_show",
      "group_create", "group_update", "group_delete", "tag_list", "quality_show", "quality_dashboard",
      "quality_top_fixes"};
  std::set<std::string> ran;
  for (const auto& name : order) {
    ASSERT_TRUE(calls.count(name)) << name;
    CkanReply r = calls.at(name)();
    EXPECT_EQ(r.status, 200) << name << ": " << r;
    EXPECT_TRUE(r.success()) << name << ": " << r;
    EXPECT_TRUE(r.HasEnvelope()) << name << ": " << r;
    ran.insert(name);
  }
  for (const auto& name : http::ckan::ActionApi::ActionNames())
    EXPECT_TRUE(ran.count(name)) << "action " << name << " has no happy-path call in this test";
}

TEST_F(CkanApiTest, EnvelopeCarriesHelpSuccessAndResult) {
  auto r = Get("status_show");
  ASSERT_EQ(r.status, 200) << r;
  const auto& o = r.json.as_object();
  EXPECT_THAT(std::string(o.at("help").as_string()), HasSubstr("/api/3/action/help_show?name=status_show"));
  EXPECT_TRUE(o.at("success").as_bool());
  EXPECT_FALSE(o.contains("error"));
  EXPECT_EQ(r.Str("ckan_version").substr(0, 2), "2.");
  EXPECT_FALSE(r.Str("site_url").empty());
  auto site = Get("site_read");
  EXPECT_EQ(site.result(), json::value(true));
}

TEST_F(CkanApiTest, ActionAliasWithoutVersionWorks) {
  auto req = GetRequest("package_show", {{"id", "ltc-points"}});
  req.path = "/api/action/package_show";
  auto r = Send(req);
  EXPECT_EQ(r.status, 200) << r;
  EXPECT_EQ(r.Str("name"), "ltc-points");
}

TEST_F(CkanApiTest, PackageShowByIdAndByName) {
  auto by_name = Get("package_show", {{"id", "ltc-points"}});
  ASSERT_EQ(by_name.status, 200) << by_name;
  std::string id = by_name.Str("id");
  ASSERT_FALSE(id.empty());
  auto by_id = Get("package_show", {{"id", id}});
  ASSERT_EQ(by_id.status, 200) << by_id;
  EXPECT_EQ(by_id.Str("name"), "ltc-points");
  auto by_name_param = Get("package_show", {{"name", "ltc-points"}}, alice_);
  EXPECT_EQ(by_name_param.Str("id"), id);
  const auto& res = by_id.result().as_object();
  EXPECT_EQ(res.at("organization").as_object().at("name"), "mohw");
  EXPECT_EQ(res.at("resources").as_array().size(), 1u);
  EXPECT_EQ(res.at("groups").as_array().at(0).as_object().at("name"), "long-term-care");
  EXPECT_EQ(res.at("private"), false);

  auto missing = Get("package_show", {{"id", "no-such-dataset"}});
  EXPECT_EQ(missing.status, 404) << missing;
  EXPECT_EQ(missing.error_type(), "Not Found Error");
  EXPECT_FALSE(missing.success());
}

TEST_F(CkanApiTest, PackageListAndCurrentListShowPublicDatasetsOnly) {
  auto list = Get("package_list");
  ASSERT_EQ(list.status, 200) << list;
  EXPECT_THAT(Names(list.result()), ElementsAre("air-quality", "home-care", "ltc-points"));
  // Even a member of the owning organisation gets public datasets only (CKAN semantics).
  EXPECT_THAT(Names(Get("package_list", {}, bob_).result()), Not(Contains("taipei-private")));
  auto paged = Get("package_list", {{"limit", "1"}, {"offset", "1"}});
  EXPECT_THAT(Names(paged.result()), ElementsAre("home-care"));

  auto current = Get("current_package_list_with_resources", {{"limit", "10"}});
  ASSERT_EQ(current.status, 200) << current;
  EXPECT_THAT(Names(current.result()), UnorderedElementsAre("air-quality", "home-care", "ltc-points"));
  for (const auto& d : current.result().as_array())
    EXPECT_EQ(d.as_object().at("resources").as_array().size(), 1u);
}

// ---------------------------------------------------------------------------
// package_search

TEST_F(CkanApiTest, PackageSearchFindsChineseSubstrings) {
  auto r = Get("package_search", {{"q", "長照"}});
  ASSERT_EQ(r.status, 200) << r;
  // "長照" is inside "臺北市居家長照機構" too; the private dataset stays hidden.
  EXPECT_THAT(Names(r.result()), UnorderedElementsAre("ltc-points", "home-care"));
  EXPECT_EQ(r.result().as_object().at("count"), 2);
  EXPECT_THAT(Names(Get("package_search", {{"q", "居家長照"}}).result()), ElementsAre("home-care"));
  EXPECT_THAT(Names(Get("package_search", {{"q", "Air"}}).result()), ElementsAre("air-quality"));
  EXPECT_EQ(Get("package_search", {{"q", "不存在的詞"}}).result().as_object().at("count"), 0);
}

TEST_F(CkanApiTest, PackageSearchFilterQueries) {
  auto names = [&](http::Pairs q) {
    auto r = Get("package_search", std::move(q));
    EXPECT_EQ(r.status, 200) << r;
    return Names(r.result());
  };
  EXPECT_THAT(names({{"fq", "organization:mohw"}}), UnorderedElementsAre("ltc-points", "home-care"));
  EXPECT_THAT(names({{"fq", "res_format:CSV"}}), UnorderedElementsAre("ltc-points", "air-quality"));
  EXPECT_THAT(names({{"fq", "tags:居家"}}), ElementsAre("home-care"));
  EXPECT_THAT(names({{"fq", "tags:\"長照\""}}), UnorderedElementsAre("ltc-points", "home-care"));
  EXPECT_THAT(names({{"fq", "+organization:taipei-health"}}), ElementsAre("air-quality"));
  EXPECT_THAT(names({{"fq", "-organization:mohw"}}), ElementsAre("air-quality"));
  EXPECT_THAT(names({{"fq", "+organization:mohw -res_format:JSON"}}), ElementsAre("ltc-points"));
  EXPECT_THAT(names({{"q", "長照"}, {"fq", "res_format:JSON"}}), ElementsAre("home-care"));
  EXPECT_THAT(names({{"q", "organization:taipei-health"}}), ElementsAre("air-quality"));
}

TEST_F(CkanApiTest, PackageSearchPagesAndSorts) {
  auto all = Get("package_search", {{"sort", "name asc"}});
  ASSERT_EQ(all.status, 200) << all;
  EXPECT_THAT(Names(all.result()), ElementsAre("air-quality", "home-care", "ltc-points"));
  EXPECT_EQ(all.result().as_object().at("sort"), "name asc");
  EXPECT_THAT(Names(Get("package_search", {{"sort", "name desc"}}).result()),
              ElementsAre("ltc-points", "home-care", "air-quality"));

  std::vector<std::string> paged;
  for (int start = 0; start < 4; ++start) {
    auto page = Get("package_search", {{"sort", "name asc"}, {"rows", "1"}, {"start", std::to_string(start)}});
    ASSERT_EQ(page.status, 200) << page;
    EXPECT_EQ(page.result().as_object().at("count"), 3);  // count is the total, not the page size
    for (auto& n : Names(page.result())) paged.push_back(n);
  }
  EXPECT_THAT(paged, ElementsAre("air-quality", "home-care", "ltc-points"));

  auto zero = Get("package_search", {{"rows", "0"}});
  EXPECT_EQ(zero.result().as_object().at("count"), 3);
  EXPECT_TRUE(zero.result().as_object().at("results").as_array().empty());

  auto far = Get("package_search", {{"start", "999999999999999999"}});
  EXPECT_EQ(far.status, 200) << far;
  EXPECT_TRUE(far.result().as_object().at("results").as_array().empty());

  auto bad_sort = Get("package_search", {{"sort", "password asc"}});
  EXPECT_EQ(bad_sort.status, 409) << bad_sort;
  EXPECT_TRUE(bad_sort.NamesField("sort")) << bad_sort;
}

TEST_F(CkanApiTest, PackageSearchFacetsFromJsonEncodedList) {
  auto r = Get("package_search", {{"facet.field", R"(["organization","res_format"])"}, {"rows", "0"}});
  ASSERT_EQ(r.status, 200) << r;
  const auto& facets = r.result().as_object().at("facets").as_object();
  EXPECT_EQ(facets.at("organization").as_object().at("mohw"), 2);
  EXPECT_EQ(facets.at("organization").as_object().at("taipei-health"), 1);
  EXPECT_EQ(facets.at("res_format").as_object().at("CSV"), 2);
  EXPECT_EQ(facets.at("res_format").as_object().at("JSON"), 1);
  const auto& items = r.result().as_object().at("search_facets").as_object().at("organization").as_object().at("items");
  int64_t total = 0;
  for (const auto& it : items.as_array()) total += it.as_object().at("count").to_number<int64_t>();
  EXPECT_EQ(total, 3);

  // The same list as a JSON body.
  auto post = Post("package_search", json::object{{"facet.field", json::array{"tags"}}, {"rows", 0}});
  ASSERT_EQ(post.status, 200) << post;
  EXPECT_EQ(post.result().as_object().at("facets").as_object().at("tags").as_object().at("長照"), 2);

  auto bad = Get("package_search", {{"facet.field", R"(["password"])"}});
  EXPECT_EQ(bad.status, 409) << bad;
  EXPECT_TRUE(bad.NamesField("facet.field")) << bad;
}

TEST_F(CkanApiTest, PackageSearchIncludePrivateNeedsRights) {
  http::Pairs q = {{"include_private", "true"}, {"rows", "100"}};
  EXPECT_THAT(Names(Get("package_search", q).result()), Not(Contains("taipei-private")));
  EXPECT_THAT(Names(Get("package_search", q, alice_).result()), Not(Contains("taipei-private")));
  EXPECT_THAT(Names(Get("package_search", q, bob_).result()), Contains("taipei-private"));
  EXPECT_THAT(Names(Get("package_search", q, admin_).result()), Contains("taipei-private"));
  // Without include_private even the owner's editor sees public datasets only.
  EXPECT_THAT(Names(Get("package_search", {{"rows", "100"}}, bob_).result()), Not(Contains("taipei-private")));
  auto bad = Get("package_search", {{"include_private", "maybe"}});
  EXPECT_EQ(bad.status, 409) << bad;
  EXPECT_TRUE(bad.NamesField("include_private")) << bad;
}

// ---------------------------------------------------------------------------
// Writes

TEST_F(CkanApiTest, PackageCreateUpdatePatchDeleteWithJsonBodies) {
  json::object pkg{{"name", "new-dataset"},
                   {"title", "新資料集"},
                   {"owner_org", "mohw"},
                   {"notes", "說明"},
                   {"tags", json::array{json::object{{"name", "測試"}}, "標籤"}},
                   {"resources", json::array{json::object{{"url", "https://example.gov.tw/n.csv"}, {"format", "CSV"}}}}};
  auto created = Post("package_create", pkg, alice_);
  ASSERT_EQ(created.status, 200) << created;
  std::string id = created.Str("id");
  EXPECT_EQ(created.Str("name"), "new-dataset");
  EXPECT_EQ(created.Str("title"), "新資料集");
  EXPECT_EQ(created.result().as_object().at("organization").as_object().at("name"), "mohw");
  EXPECT_EQ(created.result().as_object().at("num_tags"), 2);
  EXPECT_EQ(Get("package_show", {{"id", id}}).Str("name"), "new-dataset");

  // package_update replaces: tags and resources not given are gone.
  auto updated = Post("package_update", json::object{{"id", id}, {"title", "改名"}, {"owner_org", "mohw"}}, alice_);
  ASSERT_EQ(updated.status, 200) << updated;
  EXPECT_EQ(updated.Str("title"), "改名");
  EXPECT_EQ(updated.Str("name"), "new-dataset");
  EXPECT_EQ(updated.result().as_object().at("num_tags"), 0);
  EXPECT_EQ(updated.result().as_object().at("num_resources"), 0);

  // package_patch changes only what it names.
  auto patched = Post("package_patch", json::object{{"id", "new-dataset"}, {"notes", "新說明"}}, alice_);
  ASSERT_EQ(patched.status, 200) << patched;
  EXPECT_EQ(patched.Str("title"), "改名");
  EXPECT_EQ(patched.Str("notes"), "新說明");

  auto deleted = Post("package_delete", json::object{{"id", id}}, alice_);
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_TRUE(deleted.result().is_null());
  EXPECT_EQ(Get("package_show", {{"id", id}}).status, 404);
  EXPECT_THAT(Names(Get("package_list").result()), Not(Contains("new-dataset")));
  EXPECT_THAT(Names(Get("package_search", {{"q", "改名"}}).result()), Not(Contains("new-dataset")));
}

TEST_F(CkanApiTest, FormEncodedPostWorks) {
  auto r = PostRaw("package_create", "name=form-made&title=%E8%A1%A8%E5%96%AE&owner_org=mohw", alice_,
                   "application/x-www-form-urlencoded");
  ASSERT_EQ(r.status, 200) << r;
  EXPECT_EQ(r.Str("title"), "表單");
}

TEST_F(CkanApiTest, ResourceActions) {
  auto created = Post("resource_create",
                      json::object{{"package_id", "ltc-points"},
                                   {"url", "https://example.gov.tw/b.json"},
                                   {"format", "JSON"},
                                   {"name", "第二份"}},
                      alice_);
  ASSERT_EQ(created.status, 200) << created;
  std::string rid = created.Str("id");
  ASSERT_FALSE(rid.empty());
  EXPECT_EQ(created.Str("format"), "JSON");
  EXPECT_EQ(created.Str("package_id"), Get("package_show", {{"id", "ltc-points"}}).Str("id"));
  EXPECT_EQ(Get("package_show", {{"id", "ltc-points"}}).result().as_object().at("num_resources"), 2);

  auto shown = Get("resource_show", {{"id", rid}});
  ASSERT_EQ(shown.status, 200) << shown;
  EXPECT_EQ(shown.Str("url"), "https://example.gov.tw/b.json");

  auto updated = Post("resource_update", json::object{{"id", rid}, {"url", "https://example.gov.tw/c.xml"}, {"format", "XML"}},
                      alice_);
  ASSERT_EQ(updated.status, 200) << updated;
  EXPECT_EQ(updated.Str("format"), "XML");
  auto patched = Post("resource_patch", json::object{{"id", rid}, {"description", "補充"}}, alice_);
  ASSERT_EQ(patched.status, 200) << patched;
  EXPECT_EQ(patched.Str("format"), "XML");
  EXPECT_EQ(patched.Str("url"), "https://example.gov.tw/c.xml");

  // Another agency's editor may not touch it.
  auto foreign = Post("resource_patch", json::object{{"id", rid}, {"format", "CSV"}}, bob_);
  EXPECT_EQ(foreign.status, 403) << foreign;

  auto deleted = Post("resource_delete", json::object{{"id", rid}}, alice_);
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_EQ(Get("resource_show", {{"id", rid}}).status, 404);
  EXPECT_EQ(Get("package_show", {{"id", "ltc-points"}}).result().as_object().at("num_resources"), 1);
}

TEST_F(CkanApiTest, MultipartResourceCreateStoresTheUpload) {
  const std::string file = "id,name\n1,長照\n";
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"package_id\"\r\n\r\nltc-points\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nCSV\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"points.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\n" +
      file + "\r\n--XyZ--\r\n";
  auto r = PostRaw("resource_create", body, alice_, "multipart/form-data; boundary=XyZ");
  ASSERT_EQ(r.status, 200) << r;
  const auto& o = r.result().as_object();
  EXPECT_EQ(o.at("url_type"), "upload");
  EXPECT_EQ(o.at("size"), 17);
  EXPECT_EQ(o.at("hash"), "sha256:2ae8cc3b312c42d8e67e0a621abccd5e37b1976dab479c59793d0330611f723f");
  EXPECT_THAT(std::string(o.at("url").as_string()), HasSubstr("points.csv"));
  auto shown = Get("resource_show", {{"id", r.Str("id")}});
  EXPECT_EQ(shown.result().as_object().at("hash"), o.at("hash"));

  // The same upload from someone without rights leaves nothing behind.
  auto seq = store_->ChangeSeq();
  auto anon = PostRaw("resource_create", body, "", "multipart/form-data; boundary=XyZ");
  EXPECT_EQ(anon.status, 403) << anon;
  EXPECT_EQ(store_->ChangeSeq(), seq);
}

TEST_F(CkanApiTest, OrganizationsMembersAndGroups) {
  auto list = Get("organization_list");
  ASSERT_EQ(list.status, 200) << list;
  EXPECT_THAT(Names(list.result()), UnorderedElementsAre("mohw", "taipei-health"));
  auto full = Get("organization_list", {{"all_fields", "true"}});
  ASSERT_EQ(full.status, 200) << full;
  ASSERT_EQ(full.result().as_array().size(), 2u);
  for (const auto& o : full.result().as_array()) {
    EXPECT_TRUE(o.as_object().contains("title")) << o;
    EXPECT_TRUE(o.as_object().contains("id")) << o;
  }

  auto show = Get("organization_show", {{"id", "taipei-health"}});
  ASSERT_EQ(show.status, 200) << show;
  EXPECT_EQ(show.result().as_object().at("package_count"), 1);  // the private one is not counted
  EXPECT_FALSE(show.result().as_object().contains("packages"));
  auto show_bob = Get("organization_show", {{"id", "taipei-health"}, {"include_datasets", "true"}}, bob_);
  ASSERT_EQ(show_bob.status, 200) << show_bob;
  EXPECT_EQ(show_bob.result().as_object().at("package_count"), 2);
  EXPECT_THAT(Names(show_bob.result().as_object().at("packages")),
              UnorderedElementsAre("air-quality", "taipei-private"));
  auto with = Get("organization_show", {{"id", "mohw"}, {"include_datasets", "true"}});
  EXPECT_THAT(Names(with.result().as_object().at("packages")), UnorderedElementsAre("ltc-points", "home-care"));

  // Create / update / patch / delete as sysadmin; an editor may not create.
  EXPECT_EQ(Post("organization_create", json::object{{"name", "new-org"}, {"title", "新機關"}}, alice_).status, 403);
  auto created = Post("organization_create", json::object{{"name", "new-org"}, {"title", "新機關"}}, admin_);
  ASSERT_EQ(created.status, 200) << created;
  EXPECT_EQ(created.Str("name"), "new-org");
  auto updated = Post("organization_update", json::object{{"id", "new-org"}, {"title", "新機關二"}}, admin_);
  ASSERT_EQ(updated.status, 200) << updated;
  EXPECT_EQ(updated.Str("title"), "新機關二");
  auto patched = Post("organization_patch", json::object{{"id", "new-org"}, {"description", "描述"}}, admin_);
  ASSERT_EQ(patched.status, 200) << patched;
  EXPECT_EQ(patched.Str("title"), "新機關二");
  EXPECT_EQ(patched.Str("description"), "描述");

  // Members: carol becomes editor of new-org and can then publish there.
  auto member = Post("organization_member_create",
                     json::object{{"id", "new-org"}, {"username", "carol"}, {"role", "editor"}}, admin_);
  ASSERT_EQ(member.status, 200) << member;
  EXPECT_EQ(member.Str("capacity"), "editor");
  auto members = Get("member_list", {{"id", "new-org"}}, admin_);
  ASSERT_EQ(members.status, 200) << members;
  ASSERT_EQ(members.result().as_array().size(), 1u);
  EXPECT_EQ(members.result().as_array()[0].as_array()[2], "editor");
  EXPECT_EQ(Post("package_create", json::object{{"name", "carol-data"}, {"title", "丙"}, {"owner_org", "new-org"}}, carol_)
                .status,
            200);
  auto removed = Post("organization_member_delete", json::object{{"id", "new-org"}, {"username", "carol"}}, admin_);
  ASSERT_EQ(removed.status, 200) << removed;
  EXPECT_EQ(Post("package_create", json::object{{"name", "carol-data2"}, {"title", "丙"}, {"owner_org", "new-org"}}, carol_)
                .status,
            403);
  EXPECT_TRUE(Get("member_list", {{"id", "new-org"}}, admin_).result().as_array().empty());

  // An organisation that still has datasets cannot be deleted (they would be stranded).
  auto refused = Post("organization_delete", json::object{{"id", "new-org"}}, admin_);
  EXPECT_EQ(refused.status, 409) << refused;
  EXPECT_TRUE(refused.NamesField("id")) << refused;
  ASSERT_EQ(Post("package_delete", json::object{{"id", "carol-data"}}, admin_).status, 200);
  auto deleted = Post("organization_delete", json::object{{"id", "new-org"}}, admin_);
  ASSERT_EQ(deleted.status, 200) << deleted;
  EXPECT_THAT(Names(Get("organization_list").result()), Not(Contains("new-org")));

  // Groups (Pintu topics).
  EXPECT_THAT(Names(Get("group_list").result()), ElementsAre("long-term-care"));
  auto group = Get("group_show", {{"id", "long-term-care"}, {"include_datasets", "true"}});
  ASSERT_EQ(group.status, 200) << group;
  EXPECT_EQ(group.result().as_object().at("package_count"), 1);
  EXPECT_THAT(Names(group.result().as_object().at("packages")), ElementsAre("ltc-points"));
  EXPECT_EQ(Post("group_create", json::object{{"name", "air"}, {"title", "空氣"}}, alice_).status, 403);
  ASSERT_EQ(Post("group_create", json::object{{"name", "air"}, {"title", "空氣"}}, admin_).status, 200);
  auto gu = Post("group_update", json::object{{"id", "air"}, {"title", "空氣品質"}}, admin_);
  ASSERT_EQ(gu.status, 200) << gu;
  EXPECT_EQ(gu.Str("title"), "空氣品質");
  EXPECT_THAT(Names(Get("group_list").result()), UnorderedElementsAre("long-term-care", "air"));
  ASSERT_EQ(Post("group_delete", json::object{{"id", "air"}}, admin_).status, 200);
  EXPECT_THAT(Names(Get("group_list").result()), ElementsAre("long-term-care"));
  EXPECT_EQ(Get("group_show", {{"id", "air"}}).status, 404);
}

TEST_F(CkanApiTest, TagListFiltersByQuery) {
  auto all = Get("tag_list");
  ASSERT_EQ(all.status, 200) << all;
  EXPECT_THAT(Names(all.result()), Contains("長照"));
  EXPECT_THAT(Names(all.result()), Contains("空氣"));
  EXPECT_THAT(Names(all.result()), Not(Contains("內部")));  // only on a private dataset
  auto filtered = Get("tag_list", {{"query", "空"}});
  ASSERT_EQ(filtered.status, 200) << filtered;
  EXPECT_THAT(Names(filtered.result()), ElementsAre("空氣"));
}

TEST_F(CkanApiTest, PackageActivityListNewestFirstWithChanges) {
  ASSERT_EQ(Post("package_create", json::object{{"name", "tracked"}, {"title", "追蹤"}, {"owner_org", "mohw"}}, alice_).status,
            200);
  ASSERT_EQ(Post("package_patch", json::object{{"id", "tracked"}, {"title", "追蹤二"}}, alice_).status, 200);
  auto r = Get("package_activity_list", {{"id", "tracked"}});
  ASSERT_EQ(r.status, 200) << r;
  const auto& list = r.result().as_array();
  ASSERT_EQ(list.size(), 2u) << r;
  EXPECT_EQ(list[0].as_object().at("activity_type"), "changed package");
  EXPECT_EQ(list[1].as_object().at("activity_type"), "new package");
  EXPECT_GE(list[0].as_object().at("timestamp").as_string(), list[1].as_object().at("timestamp").as_string());
  EXPECT_EQ(list[0].as_object().at("user_id"), "alice");
  const auto& changes = list[0].as_object().at("data").as_object().at("changes").as_object();
  ASSERT_TRUE(changes.contains("title")) << list[0];
  EXPECT_EQ(changes.at("title").as_object().at("old"), "追蹤");
  EXPECT_EQ(changes.at("title").as_object().at("new"), "追蹤二");

  // The activity of a private dataset is as hidden as the dataset.
  EXPECT_EQ(Get("package_activity_list", {{"id", "taipei-private"}}).status, 404);
  EXPECT_EQ(Get("package_activity_list", {{"id", "taipei-private"}}, bob_).status, 200);
}

// ---------------------------------------------------------------------------
// 2. Auth

TEST_F(CkanApiTest, TokenHeaderForms) {
  auto with_header = [&](const std::string& name, const std::string& value) {
    auto req = GetRequest("package_show", {{"id", "taipei-private"}});
    req.headers.emplace_back(name, value);
    return Send(req);
  };
  EXPECT_EQ(with_header("authorization", bob_).status, 200);
  EXPECT_EQ(with_header("authorization", "Bearer " + bob_).status, 200);
  EXPECT_EQ(with_header("x-ckan-api-key", bob_).status, 200);
  EXPECT_EQ(with_header("authorization", "").status, 404);  // anonymous

  // Writes work with every form too.
  auto post = [&](const std::string& name, const std::string& value, const std::string& slug) {
    auto req = PostRequest("package_create",
                           json::serialize(json::object{{"name", slug}, {"title", "授權"}, {"owner_org", "taipei-health"}}));
    req.headers.emplace_back(name, value);
    return Send(req);
  };
  EXPECT_EQ(post("authorization", bob_, "auth-a").status, 200);
  EXPECT_EQ(post("authorization", "Bearer " + bob_, "auth-b").status, 200);
  EXPECT_EQ(post("x-ckan-api-key", bob_, "auth-c").status, 200);

  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"authorization", "not-a-token"}, {"authorization", "Bearer not-a-token"}, {"x-ckan-api-key", "nope"}}) {
    auto before = Snap();
    auto bad = post(name, value, "auth-bad");
    EXPECT_EQ(bad.status, 403) << name << ": " << bad;
    EXPECT_EQ(bad.error_type(), "Authorization Error") << bad;
    EXPECT_EQ(Snap(), before);
    // An invalid token is refused even for reads (CKAN does the same).
    auto read = with_header(name, value);
    EXPECT_EQ(read.status, 403) << read;
    EXPECT_EQ(read.error_type(), "Authorization Error");
  }
}

TEST_F(CkanApiTest, AnonymousWritesAreRefused) {
  auto before = Snap();
  std::string rid = Get("package_show", {{"id", "ltc-points"}}).result().as_object().at("resources").as_array()[0]
                        .as_object().at("id").as_string().c_str();
  std::vector<std::pair<std::string, json::object>> writes = {
      {"package_create", {{"name", "anon"}, {"title", "匿名"}, {"owner_org", "mohw"}}},
      {"package_update", {{"id", "ltc-points"}, {"title", "匿名"}, {"owner_org", "mohw"}}},
      {"package_patch", {{"id", "ltc-points"}, {"title", "匿名"}}},
      {"package_delete", {{"id", "ltc-points"}}},
      {"resource_create", {{"package_id", "ltc-points"}, {"url", "https://x.tw/a"}}},
      {"resource_update", {{"id", rid}, {"url", "https://x.tw/a"}}},
      {"resource_patch", {{"id", rid}, {"format", "XML"}}},
      {"resource_delete", {{"id", rid}}},
      {"organization_create", {{"name", "anon-org"}, {"title", "匿名"}}},
      {"organization_patch", {{"id", "mohw"}, {"title", "匿名"}}},
      {"organization_delete", {{"id", "mohw"}}},
      {"organization_member_create", {{"id", "mohw"}, {"username", "bob"}, {"role", "admin"}}},
      {"group_create", {{"name", "anon-group"}, {"title", "匿名"}}},
      {"group_delete", {{"id", "long-term-care"}}},
  };
  for (const auto& [action, body] : writes) {
    auto r = Post(action, body);
    EXPECT_EQ(r.status, 403) << action << ": " << r;
    EXPECT_EQ(r.error_type(), "Authorization Error") << action;
  }
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, EditorOfOneAgencyCannotTouchAnother) {
  auto before = Snap();
  auto create = Post("package_create", json::object{{"name", "intruder"}, {"title", "入侵"}, {"owner_org", "taipei-health"}},
                     alice_);
  EXPECT_EQ(create.status, 403) << create;
  EXPECT_EQ(create.error_type(), "Authorization Error");
  auto update = Post("package_update",
                     json::object{{"id", "air-quality"}, {"title", "入侵"}, {"owner_org", "taipei-health"}}, alice_);
  EXPECT_EQ(update.status, 403) << update;
  // Moving someone else's dataset into one's own agency is just as forbidden.
  auto move = Post("package_update", json::object{{"id", "air-quality"}, {"title", "入侵"}, {"owner_org", "mohw"}}, alice_);
  EXPECT_EQ(move.status, 403) << move;
  EXPECT_EQ(Post("package_patch", json::object{{"id", "air-quality"}, {"title", "入侵"}}, alice_).status, 403);
  EXPECT_EQ(Post("package_delete", json::object{{"id", "air-quality"}}, alice_).status, 403);
  // Moving one's own dataset into another agency is forbidden too.
  EXPECT_EQ(Post("package_patch", json::object{{"id", "ltc-points"}, {"owner_org", "taipei-health"}}, alice_).status, 403);
  // A plain member (not editor) cannot write in their own agency.
  EXPECT_EQ(Post("package_patch", json::object{{"id", "ltc-points"}, {"title", "成員"}}, carol_).status, 403);
  // Organisation admin actions are not for editors.
  EXPECT_EQ(Post("organization_member_create",
                 json::object{{"id", "taipei-health"}, {"username", "alice"}, {"role", "admin"}}, alice_)
                .status,
            403);

  // Private datasets of another agency do not exist for them.
  for (const auto& action : {"package_show", "package_activity_list"}) {
    auto r = Get(action, {{"id", "taipei-private"}}, alice_);
    EXPECT_EQ(r.status, 404) << action << ": " << r;
    EXPECT_EQ(r.error_type(), "Not Found Error");
  }
  auto patch = Post("package_patch", json::object{{"id", "taipei-private"}, {"title", "入侵"}}, alice_);
  EXPECT_EQ(patch.status, 404) << patch;
  EXPECT_EQ(Post("package_delete", json::object{{"id", "taipei-private"}}, alice_).status, 404);
  std::string private_rid =
      Get("package_show", {{"id", "taipei-private"}}, bob_).result().as_object().at("resources").as_array()[0]
          .as_object().at("id").as_string().c_str();
  EXPECT_EQ(Get("resource_show", {{"id", private_rid}}, alice_).status, 404);
  EXPECT_EQ(Get("resource_show", {{"id", private_rid}}).status, 404);
  EXPECT_THAT(Names(Get("package_search", {{"include_private", "true"}, {"q", "長照"}}, alice_).result()),
              Not(Contains("taipei-private")));
  EXPECT_THAT(Names(Get("package_list", {}, alice_).result()), Not(Contains("taipei-private")));
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, WriteActionViaGetIsABadRequest) {
  auto before = Snap();
  auto r = Get("package_create", {{"name", "via-get"}, {"title", "GET"}, {"owner_org", "mohw"}}, alice_);
  EXPECT_EQ(r.status, 400) << r;
  EXPECT_EQ(r.error_type(), "Bad Request");
  EXPECT_FALSE(r.success());
  EXPECT_EQ(Get("package_delete", {{"id", "ltc-points"}}, admin_).status, 400);
  EXPECT_EQ(Snap(), before);
}

// ---------------------------------------------------------------------------
// 3. Bad input: the right CKAN error, and the store unchanged.

TEST_F(CkanApiTest, MalformedAndNonObjectJsonBodies) {
  auto before = Snap();
  auto broken = PostRaw("package_create", R"({"name": "x",)", alice_);
  EXPECT_EQ(broken.status, 400) << broken;
  EXPECT_EQ(broken.error_type(), "Bad Request");
  EXPECT_THAT(broken.message(), HasSubstr("JSON"));
  EXPECT_EQ(Snap(), before);

  // The same with a form content type (curl -d) is still a JSON error.
  auto as_form = PostRaw("package_create", R"({"name": "x",)", alice_, "application/x-www-form-urlencoded");
  EXPECT_EQ(as_form.status, 400) << as_form;
  EXPECT_THAT(as_form.message(), HasSubstr("JSON"));

  auto array = PostRaw("package_create", R"([{"name": "x", "title": "t", "owner_org": "mohw"}])", alice_);
  EXPECT_EQ(array.status, 400) << array;
  EXPECT_EQ(array.error_type(), "Bad Request");
  EXPECT_EQ(Snap(), before);

  for (const char* body : {"null", "42", "\"x\"", "{} {}", "{\"a\":1}garbage"}) {
    auto r = PostRaw("package_patch", body, alice_);
    EXPECT_EQ(r.status, 400) << body << ": " << r;
  }
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, WrongTypesAreValidationErrorsNamingTheField) {
  // A number where text is expected is converted, as CKAN does.
  auto converted = Post("package_create", json::object{{"name", "numeric-title"}, {"title", 123}, {"owner_org", "mohw"}}, alice_);
  ASSERT_EQ(converted.status, 200) << converted;
  EXPECT_EQ(converted.Str("title"), "123");

  auto before = Snap();
  const std::vector<std::pair<std::string, json::value>> cases = {
      {"tags", 5}, {"resources", "x"}, {"private", "maybe"}, {"extras", "x"}, {"groups", 7}};
  for (const auto& [field, value] : cases) {
    json::object body{{"name", "typed"}, {"title", "型別"}, {"owner_org", "mohw"}};
    body[field] = value;
    auto r = Post("package_create", body, alice_);
    EXPECT_EQ(r.status, 409) << field << ": " << r;
    EXPECT_EQ(r.error_type(), "Validation Error") << field;
    EXPECT_TRUE(r.NamesField(field)) << field << ": " << r;
    // And through package_patch / package_update of an existing dataset.
    auto p = Post("package_patch", json::object{{"id", "ltc-points"}, {field, value}}, alice_);
    EXPECT_EQ(p.status, 409) << field << ": " << p;
    EXPECT_TRUE(p.NamesField(field)) << field << ": " << p;
    json::object upd{{"id", "ltc-points"}, {"title", "x"}, {"owner_org", "mohw"}};
    upd[field] = value;
    auto u = Post("package_update", upd, alice_);
    EXPECT_EQ(u.status, 409) << field << ": " << u;
    EXPECT_TRUE(u.NamesField(field)) << field << ": " << u;
  }
  // A bad resource inside the list names its path.
  auto res = Post("package_create",
                  json::object{{"name", "typed"}, {"title", "型別"}, {"owner_org", "mohw"},
                               {"resources", json::array{json::object{{"url", "not a url"}}}}},
                  alice_);
  EXPECT_EQ(res.status, 409) << res;
  EXPECT_TRUE(res.NamesField("resources.0.url")) << res;
  // Missing required fields.
  auto missing = Post("package_create", json::object{{"owner_org", "mohw"}}, alice_);
  EXPECT_EQ(missing.status, 409) << missing;
  EXPECT_TRUE(missing.NamesField("name")) << missing;
  EXPECT_TRUE(missing.NamesField("title")) << missing;
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, UnknownOrganisationAndDuplicateName) {
  auto before = Snap();
  auto org = Post("package_create", json::object{{"name", "orphan"}, {"title", "孤兒"}, {"owner_org", "no-such-org"}}, admin_);
  EXPECT_EQ(org.status, 409) << org;
  EXPECT_EQ(org.error_type(), "Validation Error");
  EXPECT_TRUE(org.NamesField("owner_org")) << org;
  auto org2 = Post("package_patch", json::object{{"id", "ltc-points"}, {"owner_org", "no-such-org"}}, admin_);
  EXPECT_EQ(org2.status, 409) << org2;
  EXPECT_TRUE(org2.NamesField("owner_org")) << org2;

  auto dup = Post("package_create", json::object{{"name", "ltc-points"}, {"title", "重複"}, {"owner_org", "mohw"}}, alice_);
  EXPECT_EQ(dup.status, 409) << dup;
  EXPECT_TRUE(dup.NamesField("name")) << dup;
  // Renaming onto an existing name is the same conflict.
  auto rename = Post("package_patch", json::object{{"id", "home-care"}, {"name", "ltc-points"}}, alice_);
  EXPECT_EQ(rename.status, 409) << rename;
  EXPECT_TRUE(rename.NamesField("name")) << rename;
  auto dup_org = Post("organization_create", json::object{{"name", "mohw"}, {"title", "重複"}}, admin_);
  EXPECT_EQ(dup_org.status, 409) << dup_org;
  EXPECT_TRUE(dup_org.NamesField("name")) << dup_org;
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, InvalidUtf8IsABadRequest) {
  auto before = Snap();
  std::string body = "{\"name\": \"bad-utf8\", \"title\": \"\xC3\x28\", \"owner_org\": \"mohw\"}";
  auto r = PostRaw("package_create", body, alice_);
  EXPECT_EQ(r.status, 400) << r;
  EXPECT_EQ(r.error_type(), "Bad Request");
  EXPECT_TRUE(r.json.is_object()) << "the error itself must be valid JSON";

  auto q = Get("package_search", {{"q", "\xFF\xFE長照"}});
  EXPECT_EQ(q.status, 400) << q;
  EXPECT_EQ(q.error_type(), "Bad Request");
  auto key = Get("package_search", {{"\xE9\x95", "x"}});
  EXPECT_EQ(key.status, 400) << key;
  auto show = Get("package_show", {{"id", "ltc\xC0\xAFpoints"}});
  EXPECT_EQ(show.status, 400) << show;
  auto form = PostRaw("package_create", "name=bad&title=%FF%FE&owner_org=mohw", alice_,
                      "application/x-www-form-urlencoded");
  EXPECT_EQ(form.status, 400) << form;
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, SqlLookingStringsAreJustData) {
  const std::vector<std::string> nasty = {"'; DROP TABLE datasets; --", "\" OR 1=1 --", "x' OR '1'='1",
                                          "1; DELETE FROM resources"};
  auto before = Snap();
  for (const auto& s : nasty) {
    // As a name: not a valid slug, so a validation error naming "name".
    auto create = Post("package_create", json::object{{"name", s}, {"title", "t"}, {"owner_org", "mohw"}}, alice_);
    EXPECT_EQ(create.status, 409) << s << ": " << create;
    EXPECT_TRUE(create.NamesField("name")) << create;
    // As an id / owner_org / query: nothing found, nothing broken.
    EXPECT_EQ(Get("package_show", {{"id", s}}).status, 404) << s;
    EXPECT_EQ(Get("resource_show", {{"id", s}}).status, 404) << s;
    EXPECT_EQ(Get("organization_show", {{"id", s}}).status, 404) << s;
    auto search = Get("package_search", {{"q", s}});
    if (std::count(s.begin(), s.end(), '"') % 2 == 1) {  // an unbalanced phrase quote
      EXPECT_EQ(search.status, 409) << s << ": " << search;
      EXPECT_TRUE(search.NamesField("q")) << search;
    } else {
      EXPECT_EQ(search.status, 200) << s << ": " << search;
      EXPECT_EQ(search.result().as_object().at("count"), 0) << s;
    }
    auto tags = Get("tag_list", {{"query", s}});
    EXPECT_EQ(tags.status, 200) << s << ": " << tags;
    auto owner = Post("package_create", json::object{{"name", "sqli"}, {"title", "t"}, {"owner_org", s}}, alice_);
    EXPECT_EQ(owner.status, 409) << owner;
    EXPECT_TRUE(owner.NamesField("owner_org")) << owner;
  }
  EXPECT_EQ(Snap(), before);

  // As a title: stored and returned verbatim, and searchable as text.
  for (size_t i = 0; i < nasty.size(); ++i) {
    std::string slug = "sql-title-" + std::to_string(i);
    auto created = Post("package_create", json::object{{"name", slug}, {"title", nasty[i]}, {"owner_org", "mohw"}}, alice_);
    ASSERT_EQ(created.status, 200) << created;
    EXPECT_EQ(created.Str("title"), nasty[i]);
    EXPECT_EQ(Get("package_show", {{"id", slug}}).Str("title"), nasty[i]);
  }
  EXPECT_THAT(Names(Get("package_search", {{"q", "DROP"}}).result()), ElementsAre("sql-title-0"));
  // The tables are intact.
  EXPECT_THAT(Names(Get("package_list").result()),
              ElementsAre("air-quality", "home-care", "ltc-points", "sql-title-0", "sql-title-1", "sql-title-2",
                          "sql-title-3"));
  EXPECT_EQ(Get("package_show", {{"id", "ltc-points"}}).result().as_object().at("num_resources"), 1);
  EXPECT_EQ(Names(Get("organization_list").result()).size(), 2u);
}

TEST_F(CkanApiTest, HugeTitleIsAValidationError) {
  auto before = Snap();
  std::string title(10 * 1024 * 1024, 'a');
  auto r = Post("package_create", json::object{{"name", "huge"}, {"title", title}, {"owner_org", "mohw"}}, alice_);
  EXPECT_EQ(r.status, 409) << r.status;
  EXPECT_TRUE(r.NamesField("title")) << r.body.substr(0, 300);
  EXPECT_LT(r.body.size(), 10000u) << "the error must not echo the input";
  auto p = Post("package_patch", json::object{{"id", "ltc-points"}, {"title", title}}, alice_);
  EXPECT_EQ(p.status, 409) << p.status;
  EXPECT_TRUE(p.NamesField("title")) << p.body.substr(0, 300);
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, BodyLargerThanTheLimitIs413) {
  Config small = config_;
  small.max_json_bytes = 64 * 1024;
  http::ckan::ActionApi api(*store_, small, search_.get());
  auto before = Snap();
  std::string body = json::serialize(
      json::object{{"name", "big-body"}, {"title", "大"}, {"owner_org", "mohw"}, {"notes", std::string(70 * 1024, 'n')}});
  auto r = Send(api, PostRequest("package_create", body, alice_));
  EXPECT_EQ(r.status, 413) << r;
  EXPECT_EQ(r.error_type(), "Request Too Large");
  EXPECT_FALSE(r.success());
  // Just under the limit is fine.
  std::string ok = json::serialize(
      json::object{{"name", "big-body"}, {"title", "大"}, {"owner_org", "mohw"}, {"notes", std::string(60 * 1024, 'n')}});
  EXPECT_EQ(Snap(), before);
  EXPECT_EQ(Send(api, PostRequest("package_create", ok, alice_)).status, 200);
}

TEST_F(CkanApiTest, RowsOutOfRange) {
  auto before = Snap();
  for (const char* rows : {"1001", "-1", "abc", "1.5", "99999999999999999999999"}) {
    auto r = Get("package_search", {{"rows", rows}});
    EXPECT_EQ(r.status, 409) << rows << ": " << r;
    EXPECT_EQ(r.error_type(), "Validation Error");
    EXPECT_TRUE(r.NamesField("rows")) << rows << ": " << r;
  }
  for (json::value rows : {json::value(1001), json::value(-1), json::value("abc"), json::value(1.5)}) {
    auto r = Post("package_search", json::object{{"rows", rows}});
    EXPECT_EQ(r.status, 409) << rows << ": " << r;
    EXPECT_TRUE(r.NamesField("rows")) << rows << ": " << r;
  }
  EXPECT_EQ(Get("package_search", {{"rows", "1000"}}).status, 200);
  auto start = Get("package_search", {{"start", "-5"}});
  EXPECT_EQ(start.status, 409) << start;
  EXPECT_TRUE(start.NamesField("start")) << start;
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, DeeplyNestedJsonIsRefusedWithoutCrashing) {
  auto before = Snap();
  const size_t depth = 10000;
  std::string deep_array = std::string(depth, '[') + std::string(depth, ']');
  std::string body = "{\"name\": \"deep\", \"title\": \"t\", \"owner_org\": \"mohw\", \"extras\": " + deep_array + "}";
  auto r = PostRaw("package_create", body, alice_);
  EXPECT_EQ(r.status, 400) << r;
  EXPECT_EQ(r.error_type(), "Bad Request");

  std::string deep_object;
  for (size_t i = 0; i < depth; ++i) deep_object += "{\"a\":";
  deep_object += "1" + std::string(depth, '}');
  EXPECT_EQ(PostRaw("package_search", deep_object).status, 400);
  // Unterminated deep nesting too.
  EXPECT_EQ(PostRaw("package_search", std::string(depth, '[')).status, 400);
  // Inside a query parameter holding a JSON-encoded list.
  auto q = Get("package_search", {{"facet.field", deep_array}});
  EXPECT_EQ(q.status, 409) << q;
  EXPECT_TRUE(q.NamesField("facet.field")) << q;
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, UnknownActionAndUnknownFilterField) {
  auto r = Get("package_frobnicate");
  EXPECT_EQ(r.status, 400) << r;
  EXPECT_EQ(r.error_type(), "Bad Request");
  EXPECT_THAT(r.message(), HasSubstr("Action name not known"));
  auto post = Post("drop_everything", json::object{}, admin_);
  EXPECT_EQ(post.status, 400) << post;
  auto empty = Send(GetRequest(""));
  EXPECT_EQ(empty.status, 400) << empty;
  auto long_name = Get(std::string(5000, 'x'));
  EXPECT_EQ(long_name.status, 400) << long_name.status;
  EXPECT_LT(long_name.message().size(), 300u);

  auto before = Snap();
  auto fq = Get("package_search", {{"fq", "password:secret"}});
  EXPECT_EQ(fq.status, 409) << fq;
  EXPECT_EQ(fq.error_type(), "Validation Error");
  EXPECT_TRUE(fq.NamesField("fq")) << fq;
  auto q = Get("package_search", {{"q", "password:secret"}});
  EXPECT_EQ(q.status, 409) << q;
  EXPECT_TRUE(q.NamesField("q")) << q;
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, HtmlInTitleIsReturnedAsPlainJsonString) {
  const std::string title = "<script>alert('x')</script><b>粗體</b> & \"quotes\"";
  auto created = Post("package_create", json::object{{"name", "html-title"}, {"title", title}, {"owner_org", "mohw"}}, alice_);
  ASSERT_EQ(created.status, 200) << created;
  auto shown = Get("package_show", {{"id", "html-title"}});
  EXPECT_EQ(shown.Str("title"), title);
  // Only JSON escaping: no HTML entities in the raw body.
  EXPECT_THAT(shown.body, HasSubstr("<script>alert('x')</script><b>粗體</b> & \\\"quotes\\\""));
  EXPECT_THAT(shown.body, Not(HasSubstr("&lt;")));
  EXPECT_THAT(shown.body, Not(HasSubstr("&amp;")));
  auto search = Get("package_search", {{"q", "粗體"}});
  ASSERT_EQ(Names(search.result()).size(), 1u);
  EXPECT_EQ(search.result().as_object().at("results").as_array()[0].as_object().at("title"), json::value(title));
}

TEST_F(CkanApiTest, MissingIdsAreValidationErrors) {
  for (const char* action : {"package_show", "resource_show", "organization_show", "group_show", "member_list",
                             "package_activity_list"}) {
    auto r = Get(action, {}, admin_);
    EXPECT_EQ(r.status, 409) << action << ": " << r;
    EXPECT_TRUE(r.NamesField("id")) << action << ": " << r;
  }
  auto before = Snap();
  for (const char* action : {"package_update", "package_patch", "package_delete", "resource_update", "resource_patch",
                             "resource_delete", "organization_patch", "organization_delete", "group_delete"}) {
    auto r = Post(action, json::object{}, admin_);
    EXPECT_EQ(r.status, 409) << action << ": " << r;
    EXPECT_TRUE(r.NamesField("id")) << action << ": " << r;
  }
  auto rc = Post("resource_create", json::object{{"url", "https://x.tw/a"}}, admin_);
  EXPECT_EQ(rc.status, 409) << rc;
  EXPECT_TRUE(rc.NamesField("package_id")) << rc;
  EXPECT_EQ(Snap(), before);
}

// ---------------------------------------------------------------------------
// 4. package_show response cache

TEST_F(CkanApiTest, CachedPackageShowIsIdenticalAndNeverStale) {
  auto first = Get("package_show", {{"id", "ltc-points"}});
  auto second = Get("package_show", {{"id", "ltc-points"}});
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body, second.body);

  ASSERT_EQ(Post("package_patch", json::object{{"id", "ltc-points"}, {"title", "更新後標題"}}, alice_).status, 200);
  auto after = Get("package_show", {{"id", "ltc-points"}});
  EXPECT_EQ(after.Str("title"), "更新後標題");

  // A change through a resource action is a change of the dataset too.
  std::string rid = after.result().as_object().at("resources").as_array()[0].as_object().at("id").as_string().c_str();
  ASSERT_EQ(Post("resource_patch", json::object{{"id", rid}, {"format", "XLSX"}}, alice_).status, 200);
  auto after_res = Get("package_show", {{"id", "ltc-points"}});
  EXPECT_EQ(after_res.result().as_object().at("resources").as_array()[0].as_object().at("format"), "XLSX");

  // So is an organisation rename, which package_show embeds.
  ASSERT_EQ(Post("organization_patch", json::object{{"id", "mohw"}, {"title", "衛福部"}}, admin_).status, 200);
  EXPECT_EQ(Get("package_show", {{"id", "ltc-points"}}).result().as_object().at("organization").as_object().at("title"),
            "衛福部");

  // Deleted: gone at once.
  ASSERT_EQ(Post("package_delete", json::object{{"id", "ltc-points"}}, alice_).status, 200);
  EXPECT_EQ(Get("package_show", {{"id", "ltc-points"}}).status, 404);
}

TEST_F(CkanApiTest, PrivateDatasetIsNeverServedFromTheCacheToAnonymous) {
  // The editor reads the private dataset (by name and by id) first…
  auto bob_view = Get("package_show", {{"id", "taipei-private"}}, bob_);
  ASSERT_EQ(bob_view.status, 200);
  std::string id = bob_view.Str("id");
  for (int i = 0; i < 2; ++i) {
    EXPECT_EQ(Get("package_show", {{"id", "taipei-private"}}).status, 404);
    EXPECT_EQ(Get("package_show", {{"id", id}}).status, 404);
    EXPECT_EQ(Get("package_show", {{"name", "taipei-private"}}).status, 404);
  }
  // …and a public dataset that was cached stops being served once it turns private.
  auto pub = Get("package_show", {{"id", "air-quality"}});
  ASSERT_EQ(pub.status, 200);
  ASSERT_EQ(Get("package_show", {{"id", "air-quality"}}).body, pub.body);
  ASSERT_EQ(Post("package_patch", json::object{{"id", "air-quality"}, {"private", true}}, bob_).status, 200);
  auto hidden = Get("package_show", {{"id", "air-quality"}});
  EXPECT_EQ(hidden.status, 404) << hidden;
  EXPECT_EQ(Get("package_show", {{"id", "air-quality"}}, bob_).status, 200);
  EXPECT_EQ(Get("package_show", {{"id", "air-quality"}}).status, 404);
  // An invalid token never gets the cached public body either.
  Get("package_show", {{"id", "home-care"}});
  EXPECT_EQ(Get("package_show", {{"id", "home-care"}}, "bogus").status, 403);
}

// ---------------------------------------------------------------------------
// Referential integrity: nothing a client can do leaves datasets pointing at a
// deleted or renamed organisation or group (they could not be edited afterwards).

TEST_F(CkanApiTest, OrganizationWithDatasetsCannotBeDeleted) {
  auto before = Snap();
  for (const char* org : {"mohw", "taipei-health"}) {  // taipei-health: one public, one private
    auto r = Post("organization_delete", json::object{{"id", org}}, admin_);
    EXPECT_EQ(r.status, 409) << r;
    EXPECT_EQ(r.error_type(), "Validation Error");
    EXPECT_TRUE(r.NamesField("id")) << r;
  }
  EXPECT_EQ(Snap(), before);
  EXPECT_EQ(Post("package_patch", json::object{{"id", "ltc-points"}, {"title", "仍可編輯"}}, alice_).status, 200);
  // Once its datasets are gone it can be deleted.
  ASSERT_EQ(Post("package_delete", json::object{{"id", "ltc-points"}}, alice_).status, 200);
  ASSERT_EQ(Post("package_delete", json::object{{"id", "home-care"}}, alice_).status, 200);
  auto ok = Post("organization_delete", json::object{{"id", "mohw"}}, admin_);
  EXPECT_EQ(ok.status, 200) << ok;
  EXPECT_EQ(Get("organization_show", {{"id", "mohw"}}).status, 404);
}

TEST_F(CkanApiTest, GroupWithDatasetsCannotBeRenamedOrDeleted) {
  auto before = Snap();
  auto rename = Post("group_update", json::object{{"id", "long-term-care"}, {"name", "ltc"}, {"title", "長照"}}, admin_);
  EXPECT_EQ(rename.status, 409) << rename;
  EXPECT_TRUE(rename.NamesField("name")) << rename;
  auto del = Post("group_delete", json::object{{"id", "long-term-care"}}, admin_);
  EXPECT_EQ(del.status, 409) << del;
  EXPECT_TRUE(del.NamesField("id")) << del;
  EXPECT_EQ(Snap(), before);

  // A new title is fine, and package_show (cached before) shows it at once.
  EXPECT_EQ(Get("package_show", {{"id", "ltc-points"}}).status, 200);
  ASSERT_EQ(Post("group_update", json::object{{"id", "long-term-care"}, {"title", "長期照顧"}}, admin_).status, 200);
  auto shown = Get("package_show", {{"id", "ltc-points"}});
  EXPECT_EQ(shown.result().as_object().at("groups").as_array()[0].as_object().at("title"), "長期照顧");
  EXPECT_EQ(Get("package_search", {{"fq", "groups:long-term-care"}}).result().as_object().at("count"), 1);

  // Taken out of the group, the dataset stays editable and the group can go.
  ASSERT_EQ(Post("package_patch", json::object{{"id", "ltc-points"}, {"groups", json::array{}}}, alice_).status, 200);
  auto renamed = Post("group_update", json::object{{"id", "long-term-care"}, {"name", "ltc"}, {"title", "長照"}}, admin_);
  EXPECT_EQ(renamed.status, 200) << renamed;
  EXPECT_EQ(Post("group_delete", json::object{{"id", "ltc"}}, admin_).status, 200);
  EXPECT_EQ(Post("package_patch", json::object{{"id", "ltc-points"}, {"title", "仍可編輯"}}, alice_).status, 200);
}

TEST_F(CkanApiTest, BadSearchQueriesGetAClearValidationError) {
  auto before = Snap();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"q", "\"長照"},                         // unbalanced quotation mark
      {"q", "長照 \"居家"},
      {"q", std::string(10 * 1024, 'a')},      // 10 kB
      {"q", "長照\x01"},                       // control characters
      {"q", std::string("a\0b", 3)},
      {"q", "a\x1b[31m"},
      {"fq", "password:secret"},               // fq garbage
      {"fq", "organization:\"mohw"},
      {"fq", "\x7f"},
      {"fq", std::string(3000, 'x')},
  };
  for (const auto& [key, value] : cases) {
    auto r = Get("package_search", {{key, value}});
    EXPECT_EQ(r.status, 409) << key << "=" << value.substr(0, 30) << ": " << r;
    EXPECT_EQ(r.error_type(), "Validation Error") << r;
    EXPECT_TRUE(r.NamesField(key)) << r;
  }
  auto suggest = Get("search_suggest", {{"q", "長照\x01"}});
  EXPECT_EQ(suggest.status, 409) << suggest;
  EXPECT_TRUE(suggest.NamesField("q")) << suggest;
  EXPECT_EQ(Get("search_suggest", {{"q", "長"}, {"limit", "51"}}).status, 409);
  EXPECT_EQ(Snap(), before);
}

TEST_F(CkanApiTest, SearchOffersDidYouMeanAndTypeAhead) {
  auto r = Get("package_search", {{"q", "qualty"}});
  ASSERT_EQ(r.status, 200) << r;
  EXPECT_EQ(r.result().as_object().at("count"), 0);
  EXPECT_EQ(r.result().as_object().at("did_you_mean"), "quality");
  auto found = Get("package_search", {{"q", "quality"}});
  EXPECT_THAT(Names(found.result()), ElementsAre("air-quality"));
  EXPECT_FALSE(found.result().as_object().contains("did_you_mean"));

  auto s = Get("search_suggest", {{"q", "臺北市居"}});
  ASSERT_EQ(s.status, 200) << s;
  EXPECT_THAT(Names(s.result()), ElementsAre("臺北市居家長照機構"));
  // The private dataset's title is never suggested, not even to its own editor.
  EXPECT_THAT(Names(Get("search_suggest", {{"q", "臺北內部"}}, bob_).result()), IsEmpty());
}

TEST_F(CkanApiTest, OddSearchInputsGetAnAnswerNotACrash) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sort", ","}, {"sort", " "}, {"sort", "asc"}, {"sort", "name sideways"}, {"q", "\""}, {"q", "-"},
      {"q", "+"}, {"q", ":"}, {"q", "a:"}, {"q", ":a"}, {"q", "\"\""}, {"q", "%"}, {"q", "_"}, {"q", "\\"},
      {"q", "*:*"}, {"q", "\xE3\x80\x80"}, {"q", std::string("a\0b", 3)}, {"q", std::string(3000, 'a')},
      {"q", "a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D E F G H"},
      {"fq", "organization:\""}, {"fq", ":"}, {"fq", "-"}, {"fq", "+-organization:mohw"},
      {"fq_list", "[1]"}, {"fq_list", "[[[[[[[[]]]]]]]]"}, {"facet.field", "["}, {"facet.limit", "-1"},
      {"facet.limit", "1001"}, {"start", "18446744073709551615"}, {"include_private", "2"}};
  auto before = Snap();
  for (const auto& c : cases) {
    auto r = Get("package_search", {c}, admin_);
    EXPECT_TRUE(r.status == 200 || r.status == 409) << c.first << "=" << c.second.substr(0, 40) << ": " << r;
    EXPECT_TRUE(r.HasEnvelope()) << r;
    if (r.status == 409) {
      EXPECT_TRUE(r.NamesField(c.first)) << c.first << ": " << r;
    }
  }
  EXPECT_EQ(Snap(), before);
}

}  // namespace
}  // namespace pintu::test

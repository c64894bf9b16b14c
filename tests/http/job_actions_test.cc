// resource_check_show, resource_recheck, job_list and job_show on the CKAN face: who
// may call them, what they answer, and what bad input gets.
#include "core/clock.h"
#include "http/ckan_fixture.h"
#include "actions/check_handlers.h"
#include "jobs/kinds.h"
#include "support/loopback_http_server.h"
#include "quality/datagov_checks.h"

namespace pintu::test {
namespace {

namespace json = boost::json;

class JobActionsTest : public CkanApiTest {
 protected:
  void SetUp() override {
    CkanApiTest::SetUp();
    ltc_resource_ = store_->GetDataset("ltc-points")->resources.at(0).id;
    private_resource_ = store_->GetDataset("taipei-private")->resources.at(0).id;
  }
  // Stores a check result for `resource` as a worker would.
  void AddCheck(const std::string& resource, CheckKind kind, int64_t at, bool valid, int errors) {
    ResourceCheck c;
    c.resource_id = resource;
    c.kind = kind;
    c.checked_at = at;
    c.valid = valid;
    c.error_count = errors;
    c.detected_encoding = "big5";
    c.detected_format = "csv";
    if (kind == CheckKind::kLinks) c.http_status = 200;
    c.report = R"({"valid":)" + std::string(valid ? "true" : "false") + R"(,"errors":[]})";
    auto r = store_->Write([&](WriteTxn& tx) -> Result<void> {
      auto added = tx.AddResourceCheck(c);
      if (!added) return std::unexpected(added.error());
      return Ok();
    });
    ASSERT_TRUE(r) << r.error().message;
  }
  // Stores a check result whose report is `report`, as a check handler would.
  void AddCheckWithReport(const std::string& resource, CheckKind kind, int64_t at, const json::object& report) {
    ResourceCheck c;
    c.resource_id = resource;
    c.kind = kind;
    c.checked_at = at;
    c.report = json::serialize(report);
    ASSERT_TRUE(store_->Write([&](WriteTxn& tx) -> Result<void> {
      auto added = tx.AddResourceCheck(c);
      if (!added) return std::unexpected(added.error());
      return Ok();
    }));
  }
  int64_t FirstJobId(const CkanReply& recheck) {
    return recheck.result().as_object().at("jobs").as_array().at(0).as_object().at("id").as_int64();
  }

  std::string ltc_resource_, private_resource_;
};

TEST_F(JobActionsTest, CheckShowOfANewResourceListsItsPendingChecks) {
  auto r = Get("resource_check_show", {{"id", ltc_resource_}});
  ASSERT_EQ(r.status, 200) << r;
  const auto& o = r.result().as_object();
  EXPECT_TRUE(o.at("links").is_null());
  EXPECT_TRUE(o.at("contents").is_null());
  EXPECT_EQ(o.at("history_count").as_int64(), 0);
  // Creating the dataset enqueued both checks of its resource.
  const auto& pending = o.at("pending_jobs").as_array();
  ASSERT_EQ(pending.size(), 2u);
  EXPECT_EQ(pending[0].as_object().at("kind").as_string(), jobs::kCheckResourceLinks);
  EXPECT_EQ(pending[1].as_object().at("kind").as_string(), jobs::kCheckResourceContents);
  EXPECT_EQ(pending[0].as_object().at("state").as_string(), "queued");
  EXPECT_EQ(pending[0].as_object().at("priority").as_int64(), kPriorityOnChange);
}

TEST_F(JobActionsTest, CheckShowGivesLatestPerKindAndPagedHistoryNewestFirst) {
  int64_t t = 1'700'000'000'000;
  AddCheck(ltc_resource_, CheckKind::kContents, t, false, 4);
  AddCheck(ltc_resource_, CheckKind::kLinks, t + 1000, true, 0);
  AddCheck(ltc_resource_, CheckKind::kContents, t + 2000, true, 0);
  auto r = Get("resource_check_show", {{"id", ltc_resource_}, {"limit", "2"}});
  ASSERT_EQ(r.status, 200) << r;
  const auto& o = r.result().as_object();
  const auto& contents = o.at("contents").as_object();
  EXPECT_EQ(contents.at("valid").as_bool(), true);
  EXPECT_EQ(contents.at("checked_at").as_string(), IsoFromUnixMillis(t + 2000));
  EXPECT_EQ(contents.at("encoding").as_string(), "big5");
  EXPECT_TRUE(contents.at("report").is_object());
  EXPECT_EQ(o.at("links").as_object().at("http_status").as_int64(), 200);
  EXPECT_EQ(o.at("history_count").as_int64(), 3);
  const auto& history = o.at("history").as_array();
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].as_object().at("kind").as_string(), "contents");
  EXPECT_EQ(history[1].as_object().at("kind").as_string(), "links");
  EXPECT_FALSE(history[0].as_object().contains("report"));  // listings stay small
  auto page2 = Get("resource_check_show", {{"id", ltc_resource_}, {"limit", "2"}, {"offset", "2"}});
  ASSERT_EQ(page2.result().as_object().at("history").as_array().size(), 1u);
  EXPECT_EQ(page2.result().as_object().at("history").as_array()[0].as_object().at("error_count").as_int64(), 4);
  auto links_only = Get("resource_check_show", {{"id", ltc_resource_}, {"kind", "links"}});
  EXPECT_EQ(links_only.result().as_object().at("history_count").as_int64(), 1);
}

TEST_F(JobActionsTest, CheckShowGivesTheSixDataGovTwChecksWithTimesAndEvidence) {
  auto six = [&](const std::string& resource) {
    auto r = Get("resource_check_show", {{"id", resource}});
    EXPECT_EQ(r.status, 200) << r;
    return r.result().as_object().at("datagovtw").as_object();
  };
  // Never checked: six undecided checks, no times.
  json::object none = six(ltc_resource_);
  ASSERT_EQ(none.size(), 6u);
  for (const auto& [name, check] : none) {
    EXPECT_TRUE(check.at("pass").is_null()) << name;
    EXPECT_TRUE(check.at("checked_at").is_null()) << name;
    EXPECT_FALSE(check.at("explanation").at("zh-TW").as_string().empty()) << name;
  }
  // A contents check (with the link working then), and a later link check that finds a 404.
  int64_t t = 1'700'000'000'000;
  json::object ok_link{{"linkable", true}, {"downloadable", true}, {"reason", "file"}, {"status", 200}};
  json::object report{{"format", {{"detected", "csv"}, {"machineReadable", true}}},
                      {"encoding", {{"detected", "big5"}, {"bom", false}}},
                      {"dialect", {{"header", true}}},
                      {"schema", {{"fields", json::array{json::object{{"name", "名稱"}}}}}},
                      {"errors", json::array{}}};
  quality::DatagovInputs in;
  in.link = &ok_link;
  in.link_checked_at = IsoFromUnixMillis(t - 500);
  in.contents = &report;
  in.contents_checked_at = IsoFromUnixMillis(t);
  in.declared.encoding = "UTF-8";
  in.declared.field_names = {"名稱"};
  report["datagovtw"] = quality::DatagovChecksToJson(quality::EvaluateDatagovChecks(in));
  AddCheckWithReport(ltc_resource_, CheckKind::kContents, t, report);
  json::object broken{{"linkable", false}, {"downloadable", false}, {"reason", "http-status"}, {"status", 404}};
  quality::DatagovInputs link_in;
  link_in.link = &broken;
  link_in.link_checked_at = IsoFromUnixMillis(t + 1000);
  broken["datagovtw"] = quality::DatagovChecksToJson(quality::EvaluateDatagovChecks(link_in));
  AddCheckWithReport(ltc_resource_, CheckKind::kLinks, t + 1000, broken);

  json::object now = six(ltc_resource_);
  EXPECT_EQ(now.at("linkable").at("pass"), false);
  EXPECT_EQ(now.at("linkable").at("checked_at"), json::value(IsoFromUnixMillis(t + 1000)));
  EXPECT_EQ(now.at("linkable").at("evidence").at("status"), 404);
  EXPECT_EQ(now.at("structure").at("pass"), true);
  EXPECT_EQ(now.at("structure").at("checked_at"), json::value(IsoFromUnixMillis(t)));
  EXPECT_EQ(now.at("encoding_match").at("pass"), false);
  EXPECT_EQ(now.at("encoding_match").at("evidence").at("detected"), "big5");
  EXPECT_EQ(now.at("desc_match").at("pass"), true);
  EXPECT_EQ(now.at("csv").at("pass"), true);
  EXPECT_EQ(now.at("encoding_match").at("explanation").at("zh-TW"), "宣告為 UTF-8，但檔案實為 BIG5。");

  // A damaged stored value is shown as unknown, not as an error.
  AddCheckWithReport(ltc_resource_, CheckKind::kContents, t + 2000, json::object{{"datagovtw", 5}});
  json::object damaged = six(ltc_resource_);
  EXPECT_TRUE(damaged.at("structure").at("pass").is_null());
  EXPECT_EQ(damaged.at("linkable").at("pass"), false);  // the link check still stands
}

TEST_F(JobActionsTest, CheckShowServesWhatTheHandlersStored) {
  // A publisher's server on loopback: a Big5 file behind a URL declared UTF-8.
  const std::string big5 = "\xA6\x57\xBA\xD9\x2C\xB9\x71\xB8\xDC\x0A\xB0\xAA\xB6\xAF\x2C\x31\x0A";  // 名稱,電話 / 高雄,1
  auto site = LoopbackHttpServer::Start([&](const ReceivedRequest&) {
    return HttpReply{200, {{"Content-Type", "text/csv"}}, big5};
  });
  ASSERT_TRUE(site);
  config_.fetch_allow_loopback = true;
  auto sys = System();
  Dataset d = MakeDataset("big5-points", "mohw");
  d.resources[0].url = site->Url("/points.csv");
  d.resources[0].encoding = "UTF-8";
  std::string id = Must(actions::CreateDataset(sys, d)).resources.at(0).id;
  for (auto kind : {jobs::kCheckResourceLinks, jobs::kCheckResourceContents}) {
    Job job = store_->GetActiveJob(kind, id).value();  // enqueued by the create
    job.attempts = 1;
    auto run = kind == jobs::kCheckResourceLinks ? actions::RunLinkCheckJob(*store_, config_, job, {})
                                                 : actions::RunContentsCheckJob(*store_, config_, job, {});
    ASSERT_TRUE(run) << run.error().message;
  }
  auto r = Get("resource_check_show", {{"id", id}});  // anonymous: the dataset is public
  ASSERT_EQ(r.status, 200) << r;
  const auto& o = r.result().as_object();
  EXPECT_EQ(o.at("links").at("http_status"), 200);
  EXPECT_EQ(o.at("links").at("report").at("linkable"), true);
  EXPECT_EQ(o.at("contents").at("format"), "csv");
  EXPECT_FALSE(o.at("contents").at("job_id").is_null());
  EXPECT_EQ(o.at("contents").at("report").at("encoding").at("declared"), "utf-8");  // normalised by the engine
  EXPECT_EQ(o.at("history_count"), 2);
  const auto& six = o.at("datagovtw").as_object();
  EXPECT_EQ(six.at("linkable").at("pass"), true);
  EXPECT_EQ(six.at("encoding_match").at("pass"), false);
  EXPECT_EQ(six.at("encoding_match").at("evidence").at("declared"), "UTF-8");
  EXPECT_FALSE(six.at("encoding_match").at("checked_at").is_null());
  EXPECT_EQ(six.at("structure").at("pass"), true);
}

TEST_F(JobActionsTest, CheckShowIsNeverAStaleCachedAnswer) {
  auto before = Get("resource_check_show", {{"id", ltc_resource_}});
  ASSERT_TRUE(before.result().as_object().at("links").is_null());
  AddCheck(ltc_resource_, CheckKind::kLinks, 1'700'000'000'000, true, 0);  // no catalog change
  auto after = Get("resource_check_show", {{"id", ltc_resource_}});
  EXPECT_TRUE(after.result().as_object().at("links").is_object()) << after;
}

TEST_F(JobActionsTest, CheckShowRespectsDatasetVisibility) {
  EXPECT_EQ(Get("resource_check_show", {{"id", private_resource_}}).error_type(), "Not Found Error");
  EXPECT_EQ(Get("resource_check_show", {{"id", private_resource_}}, carol_).status, 404);  // member elsewhere
  EXPECT_EQ(Get("resource_check_show", {{"id", private_resource_}}, bob_).status, 200);    // its organisation
  EXPECT_EQ(Get("resource_check_show", {{"id", private_resource_}}, admin_).status, 200);
  auto sys = System();
  ASSERT_TRUE(actions::DeleteDataset(sys, "ltc-points"));
  EXPECT_EQ(Get("resource_check_show", {{"id", ltc_resource_}}).status, 404);
}

TEST_F(JobActionsTest, RecheckNeedsEditRightsOnTheResourcesOrganisation) {
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", ltc_resource_}}).error_type(), "Authorization Error");
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", ltc_resource_}}, carol_).status, 403);  // member only
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", ltc_resource_}}, bob_).status, 403);    // other agency
  // Invisible private resources are not found rather than forbidden.
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", private_resource_}}, alice_).status, 404);
  auto ok = Post("resource_recheck", json::object{{"id", ltc_resource_}}, alice_);
  ASSERT_EQ(ok.status, 200) << ok;
  const auto& jobs_out = ok.result().as_object().at("jobs").as_array();
  ASSERT_EQ(jobs_out.size(), 2u);
  for (const auto& j : jobs_out) {
    EXPECT_EQ(j.as_object().at("priority").as_int64(), kPriorityUserAsked);
    EXPECT_EQ(j.as_object().at("subject").as_string(), ltc_resource_);
  }
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", ltc_resource_}}, admin_).status, 200);
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", private_resource_}}, bob_).status, 200);
}

TEST_F(JobActionsTest, RecheckTwiceDoesNotPileUpJobs) {
  auto a = Post("resource_recheck", json::object{{"id", ltc_resource_}}, alice_);
  auto b = Post("resource_recheck", json::object{{"id", ltc_resource_}}, alice_);
  ASSERT_EQ(a.status, 200);
  ASSERT_EQ(b.status, 200);
  EXPECT_EQ(FirstJobId(a), FirstJobId(b));
  JobQuery q;
  q.subject = ltc_resource_;
  EXPECT_EQ(store_->CountJobs(q).value(), 2);  // one per kind
}

TEST_F(JobActionsTest, RecheckAndShowRejectBadInput) {
  EXPECT_EQ(Get("resource_recheck", {{"id", ltc_resource_}}, alice_).status, 400);  // needs POST
  EXPECT_EQ(Post("resource_recheck", json::object{}, alice_).error_type(), "Validation Error");
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", "no-such-resource"}}, alice_).status, 404);
  EXPECT_EQ(Post("resource_recheck", json::object{{"id", json::array{1, 2}}}, alice_).status, 409);
  EXPECT_EQ(PostRaw("resource_recheck", "{\"id\": ", alice_).status, 400);
  EXPECT_EQ(PostRaw("resource_recheck", "[\"" + ltc_resource_ + "\"]", alice_).status, 400);
  std::string deep(100'000, '[');
  EXPECT_EQ(PostRaw("resource_recheck", deep, alice_).status, 400);
  EXPECT_EQ(PostRaw("resource_recheck", "{\"id\": \"\xff\xfe\"}", alice_).status / 100, 4);
  EXPECT_EQ(Get("resource_check_show", {}).status, 409);
  EXPECT_EQ(Get("resource_check_show", {{"id", std::string(5000, 'x')}}).status, 404);
  auto kind = Get("resource_check_show", {{"id", ltc_resource_}, {"kind", "everything"}});
  EXPECT_EQ(kind.status, 409);
  EXPECT_TRUE(kind.NamesField("kind")) << kind;
  EXPECT_EQ(Get("resource_check_show", {{"id", ltc_resource_}, {"limit", "-1"}}).status, 409);
  EXPECT_EQ(Get("resource_check_show", {{"id", ltc_resource_}, {"limit", "101"}}).status, 409);
  EXPECT_EQ(Get("resource_check_show", {{"id", ltc_resource_}, {"offset", "1e99"}}).status, 409);
}

TEST_F(JobActionsTest, JobListIsForSysadminsOnly) {
  EXPECT_EQ(Get("job_list").error_type(), "Authorization Error");
  EXPECT_EQ(Get("job_list", {}, alice_).status, 403);
  auto r = Get("job_list", {}, admin_);
  ASSERT_EQ(r.status, 200) << r;
  const auto& o = r.result().as_object();
  // Four datasets with one resource each: two checks per resource, one score job per dataset.
  EXPECT_EQ(o.at("count").as_int64(), 12);
  EXPECT_EQ(o.at("results").as_array().size(), 12u);
  EXPECT_EQ(o.at("counts_by_state").as_object().at("queued").as_int64(), 12);
  EXPECT_EQ(o.at("counts_by_state").as_object().at("dead").as_int64(), 0);
}

TEST_F(JobActionsTest, JobListFiltersAndPages) {
  auto links = Get("job_list", {{"kind", std::string(jobs::kCheckResourceLinks)}, {"limit", "3"}}, admin_);
  ASSERT_EQ(links.status, 200) << links;
  EXPECT_EQ(links.result().as_object().at("count").as_int64(), 4);
  EXPECT_EQ(links.result().as_object().at("results").as_array().size(), 3u);
  auto mine = Get("job_list", {{"subject", ltc_resource_}}, admin_);
  EXPECT_EQ(mine.result().as_object().at("count").as_int64(), 2);
  auto none = Get("job_list", {{"state", "dead"}}, admin_);
  EXPECT_EQ(none.result().as_object().at("count").as_int64(), 0);
  auto bad = Get("job_list", {{"state", "exploded"}}, admin_);
  EXPECT_EQ(bad.status, 409);
  EXPECT_TRUE(bad.NamesField("state"));
  EXPECT_EQ(Get("job_list", {{"limit", "1001"}}, admin_).status, 409);
  EXPECT_EQ(Get("job_list", {{"limit", "ten"}}, admin_).status, 409);
}

TEST_F(JobActionsTest, JobShowForSysadminsAndEditorsOfTheCheckedResource) {
  auto recheck = Post("resource_recheck", json::object{{"id", ltc_resource_}}, alice_);
  ASSERT_EQ(recheck.status, 200) << recheck;
  std::string id = std::to_string(FirstJobId(recheck));
  auto admin = Get("job_show", {{"id", id}}, admin_);
  ASSERT_EQ(admin.status, 200) << admin;
  EXPECT_EQ(admin.result().as_object().at("subject").as_string(), ltc_resource_);
  EXPECT_TRUE(admin.result().as_object().at("runs").as_array().empty());
  EXPECT_EQ(Get("job_show", {{"id", id}}, alice_).status, 200);  // editor of mohw
  EXPECT_EQ(Get("job_show", {{"id", id}}, bob_).status, 403);    // editor elsewhere
  EXPECT_EQ(Get("job_show", {{"id", id}}, carol_).status, 403);  // member, not editor
  EXPECT_EQ(Get("job_show", {{"id", id}}).status, 403);          // anonymous
  // A JSON number works as well as a string.
  EXPECT_EQ(Post("job_show", json::object{{"id", FirstJobId(recheck)}}, admin_).status, 200);
}

TEST_F(JobActionsTest, JobShowRejectsBadIds) {
  EXPECT_EQ(Get("job_show", {}, admin_).status, 409);
  for (const char* bad : {"abc", "-1", "0", "1.5", "12abc", "99999999999999999999999", " 1"}) {
    auto r = Get("job_show", {{"id", bad}}, admin_);
    EXPECT_EQ(r.status, 409) << bad << ": " << r;
    EXPECT_TRUE(r.NamesField("id")) << bad;
  }
  EXPECT_EQ(Get("job_show", {{"id", "999999"}}, admin_).error_type(), "Not Found Error");
  EXPECT_EQ(Post("job_show", json::object{{"id", true}}, admin_).status, 409);
  EXPECT_EQ(Post("job_show", json::object{{"id", json::object{}}}, admin_).status, 409);
}

}  // namespace
}  // namespace pintu::test

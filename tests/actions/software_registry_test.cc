// The public code registry end to end through the actions: register a local git
// repository (built with libgit2, crawled over file://), change it, re-crawl, and check
// versions, validation history, vitality, readiness, adoption, maintenance status, search
// and dataset links. Also uploads, permissions and hostile repository URLs.
#include "actions/adoptions.h"
#include "actions/software.h"
#include "actions/software_crawl.h"
#include "catalog_fixture.h"
#include "code/test_repo.h"
#include "core/clock.h"
#include "core/time.h"
#include "formats/publiccode_fixture.h"

namespace pintu {
namespace {

using code::test::TestRepo;
namespace fixture = formats::publiccode::test;

constexpr int64_t kDay = 86'400;

class SoftwareRegistryTest : public test::CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    config_.code_allow_file_urls = true;
    now_ = SystemClock().NowMillis() / 1000;
  }

  // A repository with a README, LICENSE and a valid publiccode.yml, 3 commits by 2 people
  // over the last 100 days and one tag.
  std::unique_ptr<TestRepo> MakeRepo(const std::string& name) {
    auto repo = std::make_unique<TestRepo>(dir_.File(name + ".git"));
    repo->Write("README.md", "# LTC map\n");
    repo->Write("LICENSE", "MIT License\n");
    repo->Write("publiccode.yml", fixture::kMinimal);
    repo->Commit("first", "Alice", "alice@example.org", now_ - 100 * kDay);
    repo->Write("src/main.c", "int main(void) { return 0; }\n");
    std::string second = repo->Commit("code", "Bob", "bob@example.org", now_ - 30 * kDay);
    repo->LightweightTag("v1.0.0", second);
    repo->Commit("docs", "Alice", "alice@example.org", now_ - 10 * kDay);
    return repo;
  }

  Software RegisterRepo(const TestRepo& repo) {
    actions::SoftwareInput in;
    in.organization = "mohw";
    in.repository_url = repo.url();
    auto ctx = As("alice");
    return Must(actions::CreateSoftware(ctx, in, SoftwareSource::kGit));
  }

  int64_t now_ = 0;
};

TEST_F(SoftwareRegistryTest, RegisterCrawlChangeAndRecrawlKeepsEveryVersion) {
  auto repo = MakeRepo("ltc");
  Software s = RegisterRepo(*repo);
  EXPECT_EQ(s.source, SoftwareSource::kGit);
  // The same repository cannot be registered twice.
  actions::SoftwareInput again;
  again.organization = "mohw";
  again.repository_url = repo->url();
  auto alice = As("alice");
  auto twice = actions::CreateSoftware(alice, again, SoftwareSource::kGit);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(Fields(twice.error()), std::vector<std::string>{"repository_url"});
  // Registration queues a crawl job for it.
  EXPECT_TRUE(store_->GetActiveJob("crawl_software", s.id).has_value());

  auto first = actions::CrawlSoftware(*store_, config_, s.id, now_ * 1000);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_TRUE(first->changed);
  EXPECT_TRUE(first->software.valid);
  EXPECT_EQ(first->software.name, "Pintu");
  EXPECT_EQ(first->software.license, "MIT OR (Apache-2.0 WITH LLVM-exception)");
  EXPECT_EQ(first->software.head_commit.size(), 40u);
  EXPECT_NE(first->software.vitality_json.find("\"commits_365d\":3"), std::string::npos) << first->software.vitality_json;
  EXPECT_NE(first->software.vitality_json.find("\"contributors_365d\":2"), std::string::npos);
  EXPECT_NE(first->software.vitality_json.find("\"releases_365d\":1"), std::string::npos);
  EXPECT_NE(first->software.readiness_json.find("\"criteria\""), std::string::npos);

  // A broken file lands as a new, invalid version; the entry shows the broken state.
  repo->Write("publiccode.yml", fixture::Replace(fixture::kMinimal, "developmentStatus: beta", "developmentStatus: shiny"));
  repo->Commit("break it", "Bob", "bob@example.org", now_ - 1 * kDay);
  auto second = actions::CrawlSoftware(*store_, config_, s.id, now_ * 1000 + 1000);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->changed);
  EXPECT_FALSE(second->software.valid);
  EXPECT_NE(second->software.head_commit, first->software.head_commit);

  // Nothing changed: still a version (every crawl is kept), but not "changed".
  auto third = actions::CrawlSoftware(*store_, config_, s.id, now_ * 1000 + 2000);
  ASSERT_TRUE(third);
  EXPECT_FALSE(third->changed);

  auto ctx = Anonymous();
  auto versions = Must(actions::ListSoftwareVersions(ctx, s.slug, 0, 10));
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_TRUE(versions[0].valid == false && versions[1].valid == false && versions[2].valid);
  EXPECT_GT(versions[1].error_count, 0);
  EXPECT_NE(versions[1].report_json.find("developmentStatus"), std::string::npos);
  EXPECT_EQ(versions[2].head_commit, first->software.head_commit);
}

TEST_F(SoftwareRegistryTest, MaintenanceStatusFollowsContractsAndHistory) {
  auto repo = MakeRepo("ltc");
  Software s = RegisterRepo(*repo);
  ASSERT_TRUE(actions::CrawlSoftware(*store_, config_, s.id, now_ * 1000));
  // The fixture's contract runs until 2027-06-30.
  auto stored = store_->GetSoftware(s.id).value();
  EXPECT_EQ(actions::CurrentMaintenanceStatus(stored, "2026-11-27"), "active");
  EXPECT_EQ(actions::CurrentMaintenanceStatus(stored, "2027-05-01"), "contract_ending");
  EXPECT_EQ(actions::CurrentMaintenanceStatus(stored, "2027-07-01"), "lapsed");
  // A year without commits: unmaintained whatever the contract says.
  std::string year_later = IsoFromUnixMillis((now_ + 400 * kDay) * 1000).substr(0, 10);
  stored.contract_until = {"2099-01-01"};
  EXPECT_EQ(actions::CurrentMaintenanceStatus(stored, year_later), "unmaintained");
}

TEST_F(SoftwareRegistryTest, StatusesMoveWithTheCalendarAndSearchFacetsFollow) {
  auto alice = As("alice");
  actions::SoftwareInput in;
  in.organization = "mohw";
  in.publiccode_yml = fixture::kMinimal;  // contract until 2027-06-30, no git history
  auto s = Must(actions::CreateSoftware(alice, in, SoftwareSource::kUpload));
  // (Created with today's status; bring it to a fixed day so the test does not depend on the clock.)
  ASSERT_TRUE(actions::RefreshMaintenanceStatuses(*store_, "2026-11-27"));
  ASSERT_EQ(store_->GetSoftware(s.id).value().maintenance_status, "active");
  EXPECT_EQ(actions::RefreshMaintenanceStatuses(*store_, "2026-11-28").value(), 0u);
  search::SoftwareQuery lapsed;
  lapsed.filters["maintenance_status"] = {"lapsed"};
  EXPECT_EQ(search_->SearchSoftware(lapsed).value().total, 0);
  // The day after the contract ended, with no successor.
  EXPECT_EQ(actions::RefreshMaintenanceStatuses(*store_, "2027-07-01").value(), 1u);
  EXPECT_EQ(store_->GetSoftware(s.id).value().maintenance_status, "lapsed");
  EXPECT_EQ(search_->SearchSoftware(lapsed).value().total, 1);
  // Nothing moves twice.
  EXPECT_EQ(actions::RefreshMaintenanceStatuses(*store_, "2027-07-01").value(), 0u);
}

TEST_F(SoftwareRegistryTest, AdoptionsCountAgenciesAndHideContactsFromOutsiders) {
  auto repo = MakeRepo("ltc");
  Software s = RegisterRepo(*repo);
  actions::AdoptionInput in;
  in.software = s.slug;
  in.organization = "taipei-health";
  in.version = "1.0.0";
  in.since = "114/03/01";  // ROC date
  in.vendor = "好廠商";
  in.contract_reference = "TPE-114-0042";
  in.contact_name = "王小明";
  in.contact_email = "wang@example.gov.tw";
  // alice edits mohw, not taipei-health: she may not record taipei's adoption.
  auto alice = As("alice");
  auto denied = actions::AdoptSoftware(alice, in);
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kAuthorization);

  auto bob = As("bob");
  auto adopted = Must(actions::AdoptSoftware(bob, in));
  EXPECT_EQ(adopted.since, "2025-03-01");
  // Recording again updates the same adoption instead of counting twice.
  in.version = "1.1.0";
  auto again = Must(actions::AdoptSoftware(bob, in));
  EXPECT_EQ(again.id, adopted.id);
  EXPECT_EQ(actions::CountAdopters(*store_, s.id).value(), 1);

  auto anon = Anonymous();
  auto seen_by_public = Must(actions::ListAdoptionsOfSoftware(anon, s.id));
  ASSERT_EQ(seen_by_public.size(), 1u);
  EXPECT_EQ(seen_by_public[0].version, "1.1.0");
  EXPECT_TRUE(seen_by_public[0].contact_email.empty());
  EXPECT_TRUE(seen_by_public[0].contract_reference.empty());
  // The publisher sees who adopted its code, with the contact.
  auto seen_by_publisher = Must(actions::ListAdoptionsOfSoftware(alice, s.id));
  EXPECT_EQ(seen_by_publisher[0].contact_email, "wang@example.gov.tw");

  // Bad input: every field named.
  in.since = "someday";
  in.contact_email = "not-an-email";
  in.customisations_owner = "nobody";
  auto bad = actions::AdoptSoftware(bob, in);
  ASSERT_FALSE(bad);
  EXPECT_THAT(Fields(bad.error()), ::testing::UnorderedElementsAre("since", "contact_email", "customisations_owner"));

  Must(actions::WithdrawAdoption(bob, adopted.id));
  EXPECT_EQ(actions::CountAdopters(*store_, s.id).value(), 0);
}

TEST_F(SoftwareRegistryTest, UploadedFileMustValidateAndErrorsNameTheKey) {
  auto alice = As("alice");
  actions::SoftwareInput in;
  in.organization = "mohw";
  in.publiccode_yml = fixture::Replace(fixture::kMinimal, "license: MIT OR", "license: MIT License OR");
  auto bad = actions::CreateSoftware(alice, in, SoftwareSource::kUpload);
  ASSERT_FALSE(bad);
  ASSERT_FALSE(bad.error().fields.empty());
  EXPECT_EQ(bad.error().fields[0].field, "publiccode_yml.legal.license");
  EXPECT_TRUE(store_->ListSoftware(true).value().empty());

  in.publiccode_yml = fixture::kMinimal;
  auto dataset = Must(actions::CreateDataset(alice, MakeDataset("ltc-units", "mohw")));
  in.datasets = std::vector<SoftwareDatasetLink>{{"ltc-units", "uses"}};
  auto s = Must(actions::CreateSoftware(alice, in, SoftwareSource::kUpload));
  EXPECT_EQ(s.slug, "pintu");
  EXPECT_TRUE(s.valid);
  EXPECT_EQ(store_->CountSoftwareVersions(s.id).value(), 1);
  // The dataset page's question: which software is built on this data?
  auto anon = Anonymous();
  auto built = Must(actions::ListSoftwareForDataset(anon, dataset.id));
  ASSERT_EQ(built.size(), 1u);
  EXPECT_EQ(built[0].id, s.id);

  // Unknown datasets and relations are field errors, nothing stored.
  in.datasets = std::vector<SoftwareDatasetLink>{{"no-such-dataset", "uses"}, {"ltc-units", "eats"}};
  auto bad_links = actions::CreateSoftware(alice, in, SoftwareSource::kUpload);
  ASSERT_FALSE(bad_links);
  EXPECT_THAT(Fields(bad_links.error()), ::testing::ElementsAre("datasets.0.dataset", "datasets.1.relation"));

  // Someone outside the publisher cannot register for it, edit or delete.
  auto bob = As("bob");
  in.datasets.reset();
  EXPECT_EQ(actions::CreateSoftware(bob, in, SoftwareSource::kUpload).error().code, ErrorCode::kAuthorization);
  EXPECT_EQ(actions::DeleteSoftware(bob, s.slug).error().code, ErrorCode::kAuthorization);
  Must(actions::DeleteSoftware(alice, s.slug));
  EXPECT_EQ(actions::ShowSoftware(anon, s.slug).error().code, ErrorCode::kNotFound);
}

TEST_F(SoftwareRegistryTest, SearchFindsSoftwareByTextAndFacetsButNotAsDatasets) {
  auto alice = As("alice");
  actions::SoftwareInput in;
  in.organization = "mohw";
  in.publiccode_yml = fixture::kMinimal;
  auto s = Must(actions::CreateSoftware(alice, in, SoftwareSource::kApi));
  search::SoftwareQuery q;
  q.q = "開放資料平台";
  q.facets = {"piece_size", "organization"};
  auto hits = search_->SearchSoftware(q);
  ASSERT_TRUE(hits) << hits.error().message;
  ASSERT_EQ(hits->total, 1);
  EXPECT_EQ(hits->ids[0], s.id);
  q.filters["piece_size"] = {"module"};
  EXPECT_EQ(search_->SearchSoftware(q).value().total, 0);
  q.filters["piece_size"] = {"system"};
  EXPECT_EQ(search_->SearchSoftware(q).value().total, 1);
  DatasetQuery dq;
  dq.terms = {"Pintu"};
  EXPECT_EQ(search_->Search(dq).value().total, 0);
  // Deleting removes it from search.
  Must(actions::DeleteSoftware(alice, s.id));
  q.filters.clear();
  EXPECT_EQ(search_->SearchSoftware(q).value().total, 0);
}

TEST_F(SoftwareRegistryTest, HostileRepositoryUrlsAreRefusedBeforeAnyConnection) {
  auto alice = As("alice");
  actions::SoftwareInput in;
  in.organization = "mohw";
  for (const std::string& url : std::vector<std::string>{"ssh://git@example.org/x.git", "git://example.org/x.git", "https://user:pw@example.org/x.git",
                          "https://exa mple.org/x.git", "ext::sh -c touch% /tmp/pwned", std::string(3000, 'a')}) {
    in.repository_url = url;
    auto r = actions::CreateSoftware(alice, in, SoftwareSource::kGit);
    ASSERT_FALSE(r) << url;
    EXPECT_EQ(Fields(r.error()), std::vector<std::string>{"repository_url"}) << url;
  }
  config_.code_allow_file_urls = false;
  in.repository_url = "file:///etc";
  EXPECT_FALSE(actions::CreateSoftware(alice, in, SoftwareSource::kGit));
  // A loopback repository is accepted as a URL but the crawl's address guard refuses it
  // (loopback is not allowed by default); the refusal is kept as the version's crawl error.
  in.repository_url = "http://127.0.0.1:9/repo.git";
  auto s = Must(actions::CreateSoftware(alice, in, SoftwareSource::kGit));
  auto crawl = actions::CrawlSoftware(*store_, config_, s.id, now_ * 1000);
  ASSERT_TRUE(crawl) << crawl.error().message;
  EXPECT_FALSE(crawl->software.crawl_error.empty());
  EXPECT_NE(crawl->software.crawl_error.find("loopback"), std::string::npos) << crawl->software.crawl_error;
  EXPECT_EQ(store_->ListSoftwareVersions(s.id, 0, 10).value().size(), 1u);
}

}  // namespace
}  // namespace pintu

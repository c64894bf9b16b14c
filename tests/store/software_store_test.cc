// Software entries, their dataset links, versions and adoptions survive a round trip
// through the store exactly, and lookups in both directions find them.
#include "store/store_test_support.h"

namespace pintu {
namespace {

class SoftwareStoreTest : public testing_support::StoreTest {};

Software MakeSoftware(std::string id, std::string slug) {
  Software s;
  s.id = std::move(id);
  s.slug = std::move(slug);
  s.organization_id = "org-1";
  s.source = SoftwareSource::kGit;
  s.repository_url = "https://example.org/repo.git";
  s.publiccode_yml = "publiccodeYmlVersion: \"0.4\"\nname: 長照地圖\n";
  s.valid = true;
  s.name = "長照地圖";
  s.short_description = LocalizedText::Both("長照機構查詢", "Find long-term care");
  s.software_type = "standalone/web";
  s.development_status = "stable";
  s.license = "MIT";
  s.categories = {"healthcare", "geographic-information-systems"};
  s.maintenance_type = "contract";
  s.contract_until = {"2027-03-01"};
  s.maintenance_status = "active";
  s.head_commit = std::string(40, 'a');
  s.last_commit_unix = 1790000000;
  s.vitality_json = R"({"score":42})";
  s.readiness_json = R"({"met":7})";
  s.datasets = {{"d-1", "uses"}, {"d-2", "produces"}};
  s.self_assessment["plain-english"] = {true, "Docs reviewed by 社工"};
  s.crawled_at = "2026-11-27T00:00:00.000000Z";
  s.created = s.modified = "2026-11-01T00:00:00.000000Z";
  return s;
}

TEST_F(SoftwareStoreTest, EntryRoundTripsByIdAndSlug) {
  Software s = MakeSoftware("sw-1", "ltc-map");
  MustWrite([&](WriteTxn& t) { return t.PutSoftware(s); });
  EXPECT_EQ(store_->GetSoftware("sw-1").value(), s);
  EXPECT_EQ(store_->GetSoftware("ltc-map").value(), s);
  EXPECT_EQ(store_->GetSoftware("nope").error().code, ErrorCode::kNotFound);
}

TEST_F(SoftwareStoreTest, SlugOfAnotherEntryIsAConflictOnName) {
  MustWrite([&](WriteTxn& t) { return t.PutSoftware(MakeSoftware("sw-1", "ltc-map")); });
  auto r = store_->Write([&](WriteTxn& t) { return t.PutSoftware(MakeSoftware("sw-2", "ltc-map")); });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  ASSERT_FALSE(r.error().fields.empty());
  EXPECT_EQ(r.error().fields[0].field, "name");
  EXPECT_EQ(store_->GetSoftware("ltc-map").value().id, "sw-1");  // the stored one is untouched
}

TEST_F(SoftwareStoreTest, DatasetLinksAreFoundFromTheDatasetAndFollowEdits) {
  Software s = MakeSoftware("sw-1", "ltc-map");
  MustWrite([&](WriteTxn& t) { return t.PutSoftware(s); });
  ASSERT_EQ(store_->ListSoftwareForDataset("d-2").value().size(), 1u);
  s.datasets = {{"d-1", "uses"}};
  MustWrite([&](WriteTxn& t) { return t.PutSoftware(s); });
  EXPECT_TRUE(store_->ListSoftwareForDataset("d-2").value().empty());
  EXPECT_EQ(store_->ListSoftwareForDataset("d-1").value().size(), 1u);
  s.state = State::kDeleted;
  MustWrite([&](WriteTxn& t) { return t.PutSoftware(s); });
  EXPECT_TRUE(store_->ListSoftwareForDataset("d-1").value().empty());
  EXPECT_TRUE(store_->ListSoftware(false).value().empty());
  EXPECT_EQ(store_->ListSoftware(true).value().size(), 1u);
}

TEST_F(SoftwareStoreTest, VersionsAreKeptNewestFirstAndOversizedOnesRefused) {
  for (int i = 0; i < 3; ++i) {
    SoftwareVersion v;
    v.software_id = "sw-1";
    v.recorded_at = "2026-11-2" + std::to_string(i) + "T00:00:00Z";
    v.head_commit = std::string(40, static_cast<char>('a' + i));
    v.publiccode_yml = "name: v" + std::to_string(i);
    v.valid = i != 1;
    v.error_count = i == 1 ? 2 : 0;
    v.report_json = R"({"valid":true})";
    MustWrite([&](WriteTxn& t) -> Result<void> {
      auto id = t.AddSoftwareVersion(v);
      if (!id) return std::unexpected(id.error());
      EXPECT_GT(*id, 0);
      return {};
    });
  }
  auto versions = store_->ListSoftwareVersions("sw-1", 0, 10).value();
  ASSERT_EQ(versions.size(), 3u);
  EXPECT_EQ(versions[0].publiccode_yml, "name: v2");
  EXPECT_EQ(versions[1].error_count, 2);
  EXPECT_FALSE(versions[1].valid);
  EXPECT_EQ(store_->ListSoftwareVersions("sw-1", 1, 1).value().at(0).publiccode_yml, "name: v1");
  EXPECT_EQ(store_->CountSoftwareVersions("sw-1").value(), 3);

  SoftwareVersion huge;
  huge.software_id = "sw-1";
  huge.publiccode_yml.assign(9 * 1024 * 1024, 'x');
  auto r = store_->Write([&](WriteTxn& t) -> Result<void> {
    auto id = t.AddSoftwareVersion(huge);
    if (!id) return std::unexpected(id.error());
    return {};
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_EQ(store_->CountSoftwareVersions("sw-1").value(), 3);
}

TEST_F(SoftwareStoreTest, AdoptionsAreListedBySoftwareAndByAdopter) {
  Adoption a;
  a.id = "ad-1";
  a.software_id = "sw-1";
  a.organization_id = "org-2";
  a.version = "1.2.0";
  a.since = "2025-05-01";
  a.vendor = "好廠商股份有限公司";
  a.contract_reference = "TPE-113-0042";
  a.contract_until = "2027-01-31";
  a.customisations_owner = "adopter";
  a.contact_name = "王小明";
  a.contact_email = "wang@example.gov.tw";
  a.created = a.modified = "2026-11-27T00:00:00Z";
  Adoption b = a;
  b.id = "ad-2";
  b.organization_id = "org-3";
  MustWrite([&](WriteTxn& t) -> Result<void> {
    if (auto r = t.PutAdoption(a); !r) return r;
    return t.PutAdoption(b);
  });
  EXPECT_EQ(store_->GetAdoption("ad-1").value(), a);
  EXPECT_EQ(store_->ListAdoptions("sw-1", "").value().size(), 2u);
  auto by_org = store_->ListAdoptions("", "org-3").value();
  ASSERT_EQ(by_org.size(), 1u);
  EXPECT_EQ(by_org[0], b);
  EXPECT_TRUE(store_->ListAdoptions("sw-9", "").value().empty());
  EXPECT_EQ(store_->GetAdoption("ad-9").error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace pintu

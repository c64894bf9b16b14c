// Shared fixtures for the store tests: a temporary directory, a freshly opened
// store in it, and fully populated domain objects.
#pragma once

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <memory>
#include <string>

#include "store/store.h"
#include "support/temp_dir.h"

namespace pintu::testing_support {

using TempDir = ::pintu::test::TempDir;

// A store opened in a fresh temporary directory.
class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(dir_.path().empty()) << "mkdtemp failed";
    auto opened = OpenStore("sqlite:" + db_path());
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    store_ = std::move(*opened);
  }
  std::string db_path() const { return dir_.File("pintu.db"); }
  // Runs `fn` in a write transaction and fails the test when it does not commit.
  void MustWrite(const std::function<Result<void>(WriteTxn&)>& fn) {
    auto r = store_->Write(fn);
    ASSERT_TRUE(r.has_value()) << r.error().message;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

inline Organization MakeOrganization(std::string id, std::string slug, std::string title_zh,
                                     OrgLevel level = OrgLevel::kCentral) {
  Organization o;
  o.id = std::move(id);
  o.slug = std::move(slug);
  o.title = LocalizedText::Zh(std::move(title_zh));
  o.level = level;
  o.created = "2020-01-01T00:00:00.000000Z";
  o.modified = o.created;
  return o;
}

// A minimal active public dataset of `org_id`.
inline Dataset MakeDataset(std::string id, std::string slug, std::string title_zh,
                           std::string org_id = "org-1") {
  Dataset d;
  d.id = std::move(id);
  d.slug = std::move(slug);
  d.title = LocalizedText::Zh(std::move(title_zh));
  d.organization_id = std::move(org_id);
  d.metadata_created = "2020-01-01T00:00:00.000000Z";
  d.metadata_modified = "2020-01-01T00:00:00.000000Z";
  return d;
}

inline Resource MakeResource(std::string id, std::string dataset_id, std::string format) {
  Resource r;
  r.id = std::move(id);
  r.dataset_id = std::move(dataset_id);
  r.name = LocalizedText::Zh("資源 " + r.id);
  r.url = "https://data.example.gov.tw/" + r.id;
  r.format = std::move(format);
  r.created = "2020-01-01T00:00:00.000000Z";
  r.modified = r.created;
  return r;
}

// A dataset with every modelled field set to a non-default value.
inline Dataset MakeFullDataset() {
  Dataset d;
  d.id = "7c0c4a52-1111-4c55-9a0e-000000000001";
  d.slug = "long-term-care-stations";
  d.title = LocalizedText::Both("長照2.0服務據點", "Long-term care 2.0 service points");
  d.description = LocalizedText::Both("全國**長照**據點清單", "List of *care* points");
  d.organization_id = "org-1";
  d.contact = {"王小明", "wang@example.gov.tw", "02-1234-5678"};
  d.author = "衛生福利部";
  d.author_email = "author@example.gov.tw";
  d.keywords = {"長照", "elderly"};
  d.themes = {"health", "elderly-care"};
  d.topics = {"long-term-care"};
  d.license_id = "CC-BY-4.0";
  d.access_rights = AccessRights::kRestricted;
  d.cost = {CostType::kPaid, "https://example.gov.tw/fees", "規費法第10條"};
  d.type = DatasetType::kStatistical;
  d.methodology = {"普查", "rate = cases / population × 100000", {"source-a", "https://x.example/b"}};
  d.frequency = "MONTHLY";
  d.temporal_start = "2020-01-01";
  d.temporal_end = "2021-12-31";
  d.spatial = "臺北市";
  d.languages = {"zh-TW", "en"};
  d.issued = "2019-05-01";
  d.modified = "2021-01-15";
  d.version = "1.2";
  d.related_urls = {"https://example.gov.tw/related"};
  d.conforms_to = {"https://schema.example/standard"};
  d.landing_page = "https://example.gov.tw/landing";
  d.source_url = "https://data.gov.tw/dataset/12345";
  d.is_private = false;
  d.state = State::kActive;
  d.extras = {{"custom_key", "custom value"}, {"另一個", "值"}};
  d.metadata_created = "2020-02-03T04:05:06.000007Z";
  d.metadata_modified = "2021-02-03T04:05:06.000007Z";
  d.views = 12;
  d.downloads = 3;

  Resource r1;
  r1.id = "7c0c4a52-2222-4c55-9a0e-000000000001";
  r1.dataset_id = d.id;
  r1.name = LocalizedText::Both("據點清單", "Point list");
  r1.description = LocalizedText::Both("每月更新", "Updated monthly");
  r1.url = "https://example.gov.tw/files/points.csv";
  r1.uploaded = true;
  r1.format = "CSV";
  r1.media_type = "text/csv";
  r1.encoding = "Big5";
  r1.size_bytes = 123456;
  r1.checksum = "sha256:abcdef";
  r1.fields = {{"站名", LocalizedText::Both("據點名稱", "Name"), "string", ""},
               {"人數", LocalizedText::Zh("服務人數"), "integer", "人"}};
  r1.last_modified = "2021-01-15";
  r1.state = State::kActive;
  r1.created = "2020-02-03T04:05:06.000007Z";
  r1.modified = "2021-02-03T04:05:06.000007Z";

  Resource r2 = r1;
  r2.id = "7c0c4a52-2222-4c55-9a0e-000000000002";
  r2.name = LocalizedText::Zh("API");
  r2.url = "https://api.example.gov.tw/points";
  r2.uploaded = false;
  r2.format = "JSON";
  r2.media_type = "application/json";
  r2.encoding = "UTF-8";
  r2.size_bytes.reset();
  r2.fields.clear();
  d.resources = {r1, r2};
  return d;
}

}  // namespace pintu::testing_support

// Tests of software entries in the search index (SearchIndex::*Software, src/search/index.h):
// text search in zh/en with synonyms, facet filters and counts, sorting, paging,
// hidden entries, separation from datasets, and bad or hostile queries.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <map>

#include "search/builtin_synonyms.h"
#include "search/index.h"
#include "search/normalizer.h"
#include "search/synonyms.h"

namespace pintu::search {
namespace {

namespace fs = std::filesystem;
using V = std::vector<std::string>;

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::path("/tmp") / ("pintu-software-index-test-" + std::to_string(::getpid()) + "-" +
                                std::to_string(counter++));
    fs::remove_all(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

struct Org {
  std::string id, zh, en, level;
};
const Org kMohw{"o1", "衛生福利部", "Ministry of Health and Welfare", "central"};
const Org kTaipei{"o2", "臺北市政府", "Taipei City Government", "local"};
const Org kMoenv{"o3", "環境部", "Ministry of Environment", "central"};

SoftwareDocument Software(std::string id, std::string name, std::map<std::string, std::string> descriptions,
                          const Org& org, std::vector<std::string> categories, std::string piece_size,
                          std::string license, std::string maintenance, std::string development,
                          int64_t adopters, std::string modified) {
  SoftwareDocument s;
  s.id = id;
  s.slug = "slug-" + id;
  s.name = std::move(name);
  s.descriptions = std::move(descriptions);
  s.organization_id = org.id;
  s.organization_title_zh = org.zh;
  s.organization_title_en = org.en;
  s.level = org.level;
  s.categories = std::move(categories);
  s.piece_size = std::move(piece_size);
  s.license = std::move(license);
  s.maintenance_status = std::move(maintenance);
  s.development_status = std::move(development);
  s.adopters = adopters;
  s.modified = std::move(modified);
  return s;
}

// Four visible entries and one hidden one (which would match many queries).
std::vector<SoftwareDocument> Catalogue() {
  std::vector<SoftwareDocument> out;
  out.push_back(Software("sw1", "長照派案系統", {{"zh-TW", "長期照顧個案的派案與服務紀錄管理"}}, kMohw,
                         {"workflow-management", "appointment-scheduling"}, "system", "MIT", "active", "stable", 12,
                         "2025-03-01T08:00:00Z"));
  out.back().features = {"照服員排班"};
  out.back().keywords = {"派案"};
  out.push_back(Software("sw2", "CareMap", {{"en", "Maps long-term care facilities near residents"}}, kTaipei,
                         {"geographic-information-systems"}, "module", "Apache-2.0", "contract_ending",
                         "beta", 3, "2024-06-10T00:00:00Z"));
  out.push_back(Software("sw3", "OpenForm 表單元件",
                         {{"zh-TW", "無障礙的政府網站表單元件"}, {"en", "Accessible form components for government websites"}},
                         kMohw, {"content-management"}, "module", "MIT OR Apache-2.0", "active", "stable", 40,
                         "2023-01-05T00:00:00Z"));
  out.push_back(Software("sw4", "Air Quality Dashboard", {{"zh-TW", "空氣品質即時儀表板"}}, kMoenv,
                         {"data-visualization"}, "system", "EUPL-1.2", "lapsed", "development", 0,
                         "2025-09-30T00:00:00Z"));
  out.push_back(Software("sw5", "長照舊版派案系統", {{"zh-TW", "已停用的長期照顧派案系統"}}, kMohw,
                         {"workflow-management"}, "system", "GPL-3.0-only", "unmaintained", "obsolete", 99,
                         "2026-01-01T00:00:00Z"));
  out.back().visible = false;
  return out;
}

Dataset LtcDataset(std::string id) {
  Dataset d;
  d.id = std::move(id);
  d.slug = "ltc-stats";
  d.title = LocalizedText::Zh("長照服務資源統計");
  d.state = State::kActive;
  d.organization_id = "o1";
  d.metadata_modified = "2025-01-01T00:00:00Z";
  return d;
}

Organization DatasetOrg() {
  Organization o;
  o.id = "o1";
  o.slug = "mohw";
  o.title = LocalizedText::Zh("衛生福利部");
  o.level = OrgLevel::kCentral;
  return o;
}

class SoftwareSearchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    if (n) normalizer_ = std::move(*n);
    else std::cerr << "Normalizer unavailable (" << n.error().message << "); using NormalizeWithoutConversion\n";
    auto synonyms = ParseSynonyms(BuiltinSynonymsTsv());
    ASSERT_TRUE(synonyms) << synonyms.error().message;
    auto idx = SearchIndex::Open(dir_.str(), normalizer_.get(), std::move(*synonyms));
    ASSERT_TRUE(idx) << idx.error().message;
    index_ = std::move(*idx);
    for (const auto& s : Catalogue()) ASSERT_TRUE(index_->UpsertSoftware(s));
    ASSERT_TRUE(index_->Upsert(LtcDataset("d1"), DatasetOrg(), {}));
    ASSERT_TRUE(index_->Commit());
  }

  // Ids of every match of `q` (sorted, so the order of ranking does not matter).
  V Ids(SoftwareQuery q) {
    q.limit = 100;
    auto r = index_->SearchSoftware(q);
    EXPECT_TRUE(r) << r.error().message;
    if (!r) return {};
    EXPECT_EQ(r->total, static_cast<int64_t>(r->ids.size()));
    V ids = r->ids;
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  V Find(std::string text) {
    SoftwareQuery q;
    q.q = std::move(text);
    return Ids(q);
  }
  V Filtered(std::map<std::string, std::vector<std::string>> filters) {
    SoftwareQuery q;
    q.filters = std::move(filters);
    return Ids(q);
  }
  // Ids in the order of `sort`, one page.
  V Page(std::string sort, int64_t offset, int64_t limit, int64_t* total = nullptr) {
    SoftwareQuery q;
    q.sort = std::move(sort);
    q.offset = offset;
    q.limit = limit;
    auto r = index_->SearchSoftware(q);
    EXPECT_TRUE(r) << r.error().message;
    if (!r) return {};
    if (total) *total = r->total;
    return r->ids;
  }
  // value → count of one facet of `q`.
  std::map<std::string, int64_t> Counts(SoftwareQuery q, const std::string& facet) {
    q.facets = {facet};
    auto r = index_->SearchSoftware(q);
    EXPECT_TRUE(r) << r.error().message;
    std::map<std::string, int64_t> out;
    if (!r || r->facets.size() != 1) return out;
    EXPECT_EQ(r->facets[0].first, facet);
    for (const auto& c : r->facets[0].second) out[c.value] = c.count;
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Normalizer> normalizer_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(SoftwareSearchTest, ChineseTextMatchesNameDescriptionFeaturesAndPublisher) {
  EXPECT_EQ(Find("派案"), V({"sw1"}));          // name and keyword
  EXPECT_EQ(Find("排班"), V({"sw1"}));          // a feature, part of a CJK word
  EXPECT_EQ(Find("表單"), V({"sw3"}));
  EXPECT_EQ(Find("空氣品質"), V({"sw4"}));      // zh-TW description
  EXPECT_EQ(Find("衛生福利部"), V({"sw1", "sw3"}));  // publisher title
  EXPECT_EQ(Find("表單 無障礙"), V({"sw3"}));   // every word must match
  EXPECT_EQ(Find("表單 空氣"), V());
}

TEST_F(SoftwareSearchTest, EnglishTextMatchesWithStemmingAndCaseFolding) {
  EXPECT_EQ(Find("dashboard"), V({"sw4"}));
  EXPECT_EQ(Find("FORM component"), V({"sw3"}));  // "components" stems to "compon"
  EXPECT_EQ(Find("facility"), V({"sw2"}));
  EXPECT_EQ(Find("Taipei"), V({"sw2"}));          // publisher's English title
  EXPECT_EQ(Find("\"government websites\""), V({"sw3"}));
  EXPECT_EQ(Find("\"websites government\""), V());  // a phrase keeps its word order
  EXPECT_EQ(Find("ＣａｒｅＭａｐ"), V({"sw2"}));   // full-width letters
}

TEST_F(SoftwareSearchTest, SynonymsMatchLikeDatasetSearch) {
  // sw1 says 長照 and 長期照顧; sw2 only "long-term care"; hidden sw5 says both.
  EXPECT_EQ(Find("長照"), V({"sw1", "sw2"}));
  EXPECT_EQ(Find("長期照顧"), V({"sw1", "sw2"}));
  EXPECT_EQ(Find("long-term care"), V({"sw1", "sw2"}));
  EXPECT_EQ(Find("⻑照"), V({"sw1", "sw2"}));  // CJK radical U+2ED1
  if (!normalizer_) GTEST_SKIP() << "OpenCC normalizer unavailable";
  EXPECT_EQ(Find("长照"), V({"sw1", "sw2"}));
}

TEST_F(SoftwareSearchTest, EachFilterKeepsOnlyMatchingEntries) {
  EXPECT_EQ(Filtered({{"category", {"appointment-scheduling"}}}), V({"sw1"}));
  EXPECT_EQ(Filtered({{"category", {"appointment-scheduling", "data-visualization"}}}), V({"sw1", "sw4"}));  // OR within
  EXPECT_EQ(Filtered({{"piece_size", {"module"}}}), V({"sw2", "sw3"}));
  EXPECT_EQ(Filtered({{"license", {"MIT OR Apache-2.0"}}}), V({"sw3"}));  // the expression as written
  EXPECT_EQ(Filtered({{"license", {"MIT"}}}), V({"sw1"}));
  EXPECT_EQ(Filtered({{"organization", {"o2"}}}), V({"sw2"}));
  EXPECT_EQ(Filtered({{"level", {"central"}}}), V({"sw1", "sw3", "sw4"}));  // hidden sw5 is central too
  EXPECT_EQ(Filtered({{"maintenance_status", {"lapsed", "contract_ending"}}}), V({"sw2", "sw4"}));
  EXPECT_EQ(Filtered({{"development_status", {"stable"}}}), V({"sw1", "sw3"}));
  EXPECT_EQ(Filtered({{"level", {"central"}}, {"piece_size", {"module"}}}), V({"sw3"}));  // AND across
  EXPECT_EQ(Filtered({{"maintenance_status", {"unmaintained"}}}), V());  // only the hidden entry
  EXPECT_EQ(Filtered({{"category", {}}}), V({"sw1", "sw2", "sw3", "sw4"}));  // no values: no filter
  SoftwareQuery q;
  q.q = "長照";
  q.filters = {{"piece_size", {"module"}}};
  EXPECT_EQ(Ids(q), V({"sw2"}));
}

TEST_F(SoftwareSearchTest, FacetsCountVisibleMatches) {
  SoftwareQuery all;
  using C = std::map<std::string, int64_t>;
  EXPECT_EQ(Counts(all, "category"), C({{"workflow-management", 1}, {"appointment-scheduling", 1},
                                        {"geographic-information-systems", 1}, {"content-management", 1},
                                        {"data-visualization", 1}}));
  EXPECT_EQ(Counts(all, "piece_size"), C({{"system", 2}, {"module", 2}}));
  EXPECT_EQ(Counts(all, "license"), C({{"MIT", 1}, {"Apache-2.0", 1}, {"MIT OR Apache-2.0", 1}, {"EUPL-1.2", 1}}));
  EXPECT_EQ(Counts(all, "organization"), C({{"o1", 2}, {"o2", 1}, {"o3", 1}}));
  EXPECT_EQ(Counts(all, "level"), C({{"central", 3}, {"local", 1}}));
  EXPECT_EQ(Counts(all, "maintenance_status"), C({{"active", 2}, {"contract_ending", 1}, {"lapsed", 1}}));
  EXPECT_EQ(Counts(all, "development_status"), C({{"stable", 2}, {"beta", 1}, {"development", 1}}));

  SoftwareQuery central;
  central.filters = {{"level", {"central"}}};
  EXPECT_EQ(Counts(central, "piece_size"), C({{"system", 2}, {"module", 1}}));
  SoftwareQuery text;
  text.q = "長照";
  EXPECT_EQ(Counts(text, "organization"), C({{"o1", 1}, {"o2", 1}}));

  // Several facets come back in the requested order, most frequent value first.
  SoftwareQuery two;
  two.facets = {"level", "piece_size"};
  auto r = index_->SearchSoftware(two);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->facets.size(), 2u);
  EXPECT_EQ(r->facets[0].first, "level");
  EXPECT_EQ(r->facets[0].second.front().value, "central");
  EXPECT_EQ(r->facets[1].first, "piece_size");
  EXPECT_EQ(r->facets[1].second.front().value, "module");  // 2–2 tie: by value
}

TEST_F(SoftwareSearchTest, SortsByNameModifiedAdoptersAndScore) {
  EXPECT_EQ(Page("name", 0, 10), V({"sw4", "sw2", "sw3", "sw1"}));  // air, caremap, openform, 長…
  EXPECT_EQ(Page("modified", 0, 10), V({"sw4", "sw1", "sw2", "sw3"}));  // newest first
  EXPECT_EQ(Page("adopters", 0, 10), V({"sw3", "sw1", "sw2", "sw4"}));  // most used first
  // Relevance: the entry named after the query comes before one that only mentions it.
  SoftwareDocument mention = Software("sw6", "Case Tracker", {{"en", "Works alongside CareMap deployments"}},
                                      kTaipei, {}, "module", "MIT", "active", "stable", 1, "2026-02-01T00:00:00Z");
  ASSERT_TRUE(index_->UpsertSoftware(mention));
  ASSERT_TRUE(index_->Commit());
  SoftwareQuery q;
  q.q = "caremap";
  auto r = index_->SearchSoftware(q);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->ids, V({"sw2", "sw6"}));
}

TEST_F(SoftwareSearchTest, PagesAreConsecutiveAndTotalCountsAll) {
  int64_t total = 0;
  EXPECT_EQ(Page("adopters", 0, 2, &total), V({"sw3", "sw1"}));
  EXPECT_EQ(total, 4);
  EXPECT_EQ(Page("adopters", 2, 2, &total), V({"sw2", "sw4"}));
  EXPECT_EQ(total, 4);
  EXPECT_EQ(Page("adopters", 3, 5, &total), V({"sw4"}));
  EXPECT_EQ(Page("adopters", 50, 5, &total), V());
  EXPECT_EQ(total, 4);
  EXPECT_EQ(Page("adopters", 0, 0, &total), V());
  EXPECT_EQ(total, 4);
}

TEST_F(SoftwareSearchTest, HiddenAndRemovedEntriesAreNeverReturned) {
  EXPECT_EQ(Find("舊版"), V());  // only in hidden sw5
  SoftwareDocument sw5 = Catalogue().back();
  sw5.visible = true;
  ASSERT_TRUE(index_->UpsertSoftware(sw5));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find("舊版"), V({"sw5"}));
  sw5.visible = false;  // deleted again: the same id is replaced, not duplicated
  ASSERT_TRUE(index_->UpsertSoftware(sw5));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find("舊版"), V());

  ASSERT_TRUE(index_->RemoveSoftware("sw1"));
  ASSERT_TRUE(index_->RemoveSoftware("no-such-software"));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find("派案"), V());
  EXPECT_EQ(Find("長照"), V({"sw2"}));
}

TEST_F(SoftwareSearchTest, DatasetAndSoftwareSearchesNeverMix) {
  DatasetQuery dq;
  dq.terms = {"長照"};
  dq.limit = 100;
  auto datasets = index_->Search(dq);
  ASSERT_TRUE(datasets) << datasets.error().message;
  EXPECT_EQ(datasets->ids, V({"d1"}));
  dq.terms = {};
  dq.facet_fields = {"organization_level"};
  datasets = index_->Search(dq);
  ASSERT_TRUE(datasets) << datasets.error().message;
  EXPECT_EQ(datasets->total, 1);
  ASSERT_EQ(datasets->facets.size(), 1u);
  ASSERT_EQ(datasets->facets[0].second.size(), 1u);
  EXPECT_EQ(datasets->facets[0].second[0].count, 1);  // software of central publishers not counted
  auto of_org = index_->DatasetIdsOfOrganization("o1");
  ASSERT_TRUE(of_org);
  EXPECT_EQ(*of_org, V({"d1"}));

  EXPECT_EQ(Find("長照服務資源統計"), V());  // the dataset's title
  EXPECT_EQ(Find(""), V({"sw1", "sw2", "sw3", "sw4"}));

  // The same id may name a dataset and a software entry; removing one keeps the other.
  ASSERT_TRUE(index_->Upsert(LtcDataset("shared-id"), DatasetOrg(), {}));
  ASSERT_TRUE(index_->UpsertSoftware(Software("shared-id", "Shared Name Tool", {}, kMohw, {}, "module", "MIT",
                                              "active", "stable", 0, "2020-01-01")));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find("shared name"), V({"shared-id"}));
  ASSERT_TRUE(index_->Remove("shared-id"));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find("shared name"), V({"shared-id"}));
  ASSERT_TRUE(index_->Upsert(LtcDataset("shared-id"), DatasetOrg(), {}));
  ASSERT_TRUE(index_->RemoveSoftware("shared-id"));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find("shared name"), V());
  dq = {};
  dq.terms = {"長照"};
  dq.limit = 100;
  datasets = index_->Search(dq);
  ASSERT_TRUE(datasets);
  V ids = datasets->ids;
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, V({"d1", "shared-id"}));
}

TEST_F(SoftwareSearchTest, UnknownSortFacetOrFilterIsABadRequestNamingIt) {
  auto expect_bad = [&](const SoftwareQuery& q, const std::string& named) {
    auto r = index_->SearchSoftware(q);
    ASSERT_FALSE(r) << "accepted; expected an error naming " << named;
    EXPECT_EQ(r.error().code, ErrorCode::kBadRequest);
    EXPECT_NE(r.error().message.find(named), std::string::npos) << r.error().message;
    ASSERT_EQ(r.error().fields.size(), 1u);
    EXPECT_FALSE(r.error().fields[0].message_zh.empty());
  };
  SoftwareQuery q;
  q.sort = "views";
  expect_bad(q, "views");
  q = {};
  q.facets = {"level", "res_format"};
  expect_bad(q, "res_format");
  q = {};
  q.filters = {{"tags", {"x"}}};
  expect_bad(q, "tags");
  q = {};
  q.offset = -1;
  expect_bad(q, "negative");
  q = {};
  q.limit = -5;
  expect_bad(q, "negative");
}

TEST_F(SoftwareSearchTest, HostileQueriesFailCleanlyOrMatchSafely) {
  // 10 kB: refused, not searched.
  SoftwareQuery q;
  q.q = std::string(10 * 1024, 'a');
  auto r = index_->SearchSoftware(q);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadRequest);
  // 10 kB of CJK and of spaces-with-words: refused too.
  std::string cjk;
  while (cjk.size() < 10 * 1024) cjk += "長照";
  q.q = cjk;
  EXPECT_FALSE(index_->SearchSoftware(q));
  // More than 32 words.
  q.q.clear();
  for (int i = 0; i < 40; ++i) q.q += "word" + std::to_string(i) + " ";
  EXPECT_FALSE(index_->SearchSoftware(q));
  // Just under the limit: one 1998-byte CJK word is searched (and finds nothing).
  q.q.clear();
  while (q.q.size() < 1998) q.q += "龍";
  r = index_->SearchSoftware(q);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->total, 0);

  // Control characters separate words; NUL included.
  EXPECT_EQ(Find(std::string("form\x01government", 15)), V({"sw3"}));
  EXPECT_EQ(Find(std::string("form\0government", 15)), V({"sw3"}));
  EXPECT_EQ(Find("dashboard\x7f\x1b"), V({"sw4"}));
  // A UTF-16 surrogate encoded as UTF-8 (invalid) and other broken bytes become U+FFFD,
  // which is no word: like punctuation, it sets no text condition.
  const V every{"sw1", "sw2", "sw3", "sw4"};
  EXPECT_EQ(Find("\xED\xA0\x80"), every);
  EXPECT_EQ(Find("\xED\xA0\x80 dashboard"), V({"sw4"}));
  EXPECT_EQ(Find("dash\xED\xA0\x80" "board"), V());  // no longer one word
  EXPECT_EQ(Find("\xFF\xFE\xC0\xAF"), every);
  EXPECT_EQ(Find("\xE9\x95"), every);  // truncated 長
  // Query syntax characters are text, not operators.
  EXPECT_EQ(Find("\"dashboard"), V({"sw4"}));  // unbalanced quote
  EXPECT_EQ(Find("\"\""), every);
  EXPECT_EQ(Find("NOT dashboard"), V());  // "not" is a word that must occur
  EXPECT_EQ(Find("( ) * : + -"), every);  // only punctuation: no text condition
  EXPECT_EQ(Find("舊版 OR dashboard"), V());
}

TEST_F(SoftwareSearchTest, HostileDocumentsAreIndexedWithoutFailing) {
  SoftwareDocument big = Software("big", std::string(100'000, 'x') + " Bigname", {{"zh-TW", std::string(30'000, '\xe9')}},
                                  kMohw, {std::string(300, 'c'), "appointment-scheduling"}, "module", std::string(500, 'L'),
                                  "active", "stable", -7, "not a date");
  big.keywords = {std::string(1000, 'k'), "huge"};
  ASSERT_TRUE(index_->UpsertSoftware(big));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find("huge"), V({"big"}));
  EXPECT_EQ(Filtered({{"category", {"appointment-scheduling"}}}), V({"big", "sw1"}));

  SoftwareDocument anonymous = big;
  anonymous.id.clear();
  auto r = index_->UpsertSoftware(anonymous);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  SoftwareDocument long_id = big;
  long_id.id = std::string(300, 'i');
  EXPECT_FALSE(index_->UpsertSoftware(long_id));
}

}  // namespace
}  // namespace pintu::search

// Tests of the Xapian dataset index (src/search/index.h).
#include "search/index.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "core/text.h"
#include "search/normalizer.h"

namespace pintu::search {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = fs::path("/tmp") / ("pintu-index-test-" + std::to_string(::getpid()) + "-" +
                                std::to_string(counter++));
    fs::remove_all(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string str() const { return path_.string(); }

 private:
  fs::path path_;
};

Organization Org(std::string id, std::string slug, LocalizedText title, OrgLevel level) {
  Organization o;
  o.id = std::move(id);
  o.slug = std::move(slug);
  o.title = std::move(title);
  o.level = level;
  return o;
}

Resource Res(std::string format) {
  Resource r;
  r.id = "r-" + format;
  r.format = std::move(format);
  return r;
}

struct Fixture {
  Organization moh = Org("o1", "moh", LocalizedText::Both("衛生福利部", "Ministry of Health"), OrgLevel::kCentral);
  Organization tpe = Org("o2", "taipei", LocalizedText::Zh("臺北市政府"), OrgLevel::kLocal);
  Topic ltc;
  std::vector<Dataset> datasets;

  Fixture() {
    ltc.id = "t1";
    ltc.slug = "ltc";
    ltc.title = LocalizedText::Both("長照", "Long-term care");
    {
      Dataset d;
      d.id = "d1"; d.slug = "nhi"; d.organization_id = "o1";
      d.title = LocalizedText::Both("全民健康保險統計", "National Health Insurance statistics");
      d.keywords = {"健保", "insurance"}; d.themes = {"health"};
      d.type = DatasetType::kStatistical;
      d.resources = {Res("CSV")};
      d.resources[0].fields = {FieldSpec{"premium_rate", LocalizedText::Zh("費率"), "number", "%"}};
      d.metadata_modified = "2024-01-03T00:00:00Z"; d.views = 10; d.downloads = 5;
      datasets.push_back(d);
    }
    {
      Dataset d;
      d.id = "d2"; d.slug = "care-centres"; d.organization_id = "o2";
      d.title = LocalizedText::Zh("長期照顧服務機構");
      d.keywords = {"長期照顧"}; d.themes = {"welfare"};
      d.resources = {Res("json")};
      d.metadata_modified = "2024-01-01T00:00:00Z"; d.views = 30; d.downloads = 1;
      datasets.push_back(d);
    }
    {
      Dataset d;
      d.id = "d3"; d.slug = "air-quality"; d.organization_id = "o2";
      d.title = LocalizedText::Both("空氣品質監測", "Air quality monitoring");
      d.description = LocalizedText::Both("各測站空氣污染數值", "Measuring pollution levels");
      d.keywords = {"air"}; d.themes = {"environment", "health"}; d.topics = {"ltc"};
      d.license_id = "CC-BY-4.0";
      d.resources = {Res("ＣＳＶ"), Res("xml")};
      d.methodology.description = "hourly averages";
      d.metadata_modified = "2024-01-02T00:00:00Z"; d.views = 20; d.downloads = 50;
      datasets.push_back(d);
    }
    {
      Dataset d;
      d.id = "d4"; d.slug = "private-health"; d.organization_id = "o1"; d.is_private = true;
      d.title = LocalizedText::Zh("私有健康資料");
      d.metadata_modified = "2024-01-04T00:00:00Z";
      datasets.push_back(d);
    }
    {
      Dataset d;
      d.id = "d5"; d.slug = "draft-health"; d.organization_id = "o1"; d.state = State::kDraft;
      d.title = LocalizedText::Zh("草稿健康資料");
      datasets.push_back(d);
    }
    {
      Dataset d;
      d.id = "d6"; d.slug = "deleted-health"; d.organization_id = "o1"; d.state = State::kDeleted;
      d.title = LocalizedText::Zh("刪除健康資料");
      datasets.push_back(d);
    }
  }
  const Organization& OrgOf(const Dataset& d) const { return d.organization_id == "o1" ? moh : tpe; }
  std::vector<Topic> TopicsOf(const Dataset& d) const {
    std::vector<Topic> out;
    for (const auto& t : d.topics)
      if (t == ltc.slug) out.push_back(ltc);
    return out;
  }
};

std::vector<SynonymGroup> Synonyms() { return {SynonymGroup{{"長照", "長期照顧"}}, SynonymGroup{{"北市", "臺北市"}}}; }

class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto n = Normalizer::Create();
    if (n) normalizer_ = std::move(*n);
    else std::cerr << "Normalizer unavailable (" << n.error().message << "); using NormalizeWithoutConversion\n";
    auto idx = SearchIndex::Open(dir_.str(), normalizer_.get(), Synonyms());
    ASSERT_TRUE(idx) << idx.error().message;
    index_ = std::move(*idx);
    for (const auto& d : fx_.datasets) ASSERT_TRUE(index_->Upsert(d, fx_.OrgOf(d), fx_.TopicsOf(d)));
    ASSERT_TRUE(index_->Commit());
  }

  std::vector<std::string> Ids(DatasetQuery q) {
    if (q.sort_field == "score") q.sort_field = "name", q.sort_desc = false;
    q.limit = 1000;
    auto r = index_->Search(q);
    EXPECT_TRUE(r) << r.error().message;
    if (!r) return {};
    EXPECT_EQ(r->total, static_cast<int64_t>(r->ids.size()));
    auto ids = r->ids;
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  std::vector<std::string> Find(std::vector<std::string> terms) {
    DatasetQuery q;
    q.terms = std::move(terms);
    return Ids(q);
  }

  using V = std::vector<std::string>;
  TempDir dir_;
  std::unique_ptr<Normalizer> normalizer_;
  Fixture fx_;
  std::unique_ptr<SearchIndex> index_;
};

TEST_F(IndexTest, ChineseSubPhraseMatches) {
  EXPECT_EQ(Find({"健康保險"}), V({"d1"}));
  EXPECT_EQ(Find({"全民健康保險"}), V({"d1"}));
  EXPECT_EQ(Find({"空氣"}), V({"d3"}));
  EXPECT_EQ(Find({"費率"}), V({"d1"}));  // field dictionary
  EXPECT_EQ(Find({"衛生福利部"}), V({"d1"}));  // organisation title
  EXPECT_EQ(Find({"健康", "統計"}), V({"d1"}));  // every term must match
  EXPECT_EQ(Find({"健康保險", "空氣"}), V());
}

TEST_F(IndexTest, SynonymsExpandAbbreviations) {
  // d2 says only 長期照顧; d3 is filed under the topic titled 長照.
  EXPECT_EQ(Find({"長照"}), V({"d2", "d3"}));
  EXPECT_EQ(Find({"長期照顧"}), V({"d2", "d3"}));
  EXPECT_EQ(Find({"長照服務"}), V({"d2"}));  // part of a CJK term
  EXPECT_EQ(Find({"⻑照"}), V({"d2", "d3"}));  // CJK radical U+2ED1
}

TEST_F(IndexTest, SimplifiedQueryFindsTraditional) {
  if (!normalizer_) GTEST_SKIP() << "OpenCC normalizer unavailable";
  EXPECT_EQ(Find({"长照"}), V({"d2", "d3"}));
  EXPECT_EQ(Find({"长期照顾"}), V({"d2", "d3"}));
  EXPECT_EQ(Find({"全民健康保险"}), V({"d1"}));
}

TEST_F(IndexTest, FullWidthAndCaseMatch) {
  EXPECT_EQ(Find({"ＣＳＶ"}), V({"d1", "d3"}));
  EXPECT_EQ(Find({"csv"}), V({"d1", "d3"}));
  DatasetQuery q;
  q.formats = {"ＣＳＶ"};
  EXPECT_EQ(Ids(q), V({"d1", "d3"}));
  q.formats = {"csv"};
  EXPECT_EQ(Ids(q), V({"d1", "d3"}));
  EXPECT_EQ(Find({"AIR"}), V({"d3"}));
}

TEST_F(IndexTest, EnglishStemmingAndPhrases) {
  EXPECT_EQ(Find({"measure"}), V({"d3"}));
  EXPECT_EQ(Find({"\"quality monitoring\""}), V({"d3"}));
  EXPECT_EQ(Find({"\"monitoring quality\""}), V());
  EXPECT_EQ(Find({"quality monitoring"}), V({"d3"}));
  EXPECT_EQ(Find({"hourly"}), V({"d3"}));  // methodology
}

TEST_F(IndexTest, Filters) {
  DatasetQuery q;
  q.organization_slugs = {"moh"};
  EXPECT_EQ(Ids(q), V({"d1"}));
  q = {};
  q.organization_slugs = {"moh", "taipei"};
  EXPECT_EQ(Ids(q), V({"d1", "d2", "d3"}));
  q = {};
  q.org_levels = {"local"};
  EXPECT_EQ(Ids(q), V({"d2", "d3"}));
  q = {};
  q.tags = {"air"};
  EXPECT_EQ(Ids(q), V({"d3"}));
  q.tags = {"air", "健保"};
  EXPECT_EQ(Ids(q), V());
  q = {};
  q.formats = {"CSV", "XML"};
  EXPECT_EQ(Ids(q), V({"d3"}));
  q = {};
  q.topics = {"ltc"};
  EXPECT_EQ(Ids(q), V({"d3"}));
  q = {};
  q.licenses = {"CC-BY-4.0"};
  EXPECT_EQ(Ids(q), V({"d3"}));
  q.licenses = {"CC-BY-4.0", "OGDL-Taiwan-1.0"};
  EXPECT_EQ(Ids(q), V({"d1", "d2", "d3"}));
  q = {};
  q.dataset_types = {"statistical"};
  EXPECT_EQ(Ids(q), V({"d1"}));
  q = {};
  q.themes = {"health"};
  EXPECT_EQ(Ids(q), V({"d1", "d3"}));
  q.themes = {"health", "environment"};
  EXPECT_EQ(Ids(q), V({"d3"}));
}

TEST_F(IndexTest, NegativeFilters) {
  auto excluding = [&](std::string key, std::string value) {
    DatasetQuery q;
    q.excluded = {{std::move(key), std::move(value)}};
    return Ids(q);
  };
  EXPECT_EQ(excluding("organization", "moh"), V({"d2", "d3"}));
  EXPECT_EQ(excluding("organization_level", "local"), V({"d1"}));
  EXPECT_EQ(excluding("tags", "air"), V({"d1", "d2"}));
  EXPECT_EQ(excluding("res_format", "csv"), V({"d2"}));
  EXPECT_EQ(excluding("groups", "ltc"), V({"d1", "d2"}));
  EXPECT_EQ(excluding("license_id", "CC-BY-4.0"), V({"d1", "d2"}));
  EXPECT_EQ(excluding("dataset_type", "raw"), V({"d1"}));
  EXPECT_EQ(excluding("themes", "health"), V({"d2"}));
  DatasetQuery q;
  q.excluded_terms = {"長照"};
  EXPECT_EQ(Ids(q), V({"d1"}));
  q.excluded = {{"bogus", "x"}};
  auto r = index_->Search(q);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kBadRequest);
}

TEST_F(IndexTest, Visibility) {
  DatasetQuery q;
  q.terms = {"健康"};
  EXPECT_EQ(Ids(q), V({"d1"}));
  q.include_private = true;
  EXPECT_EQ(Ids(q), V({"d1"}));  // no organisations given
  q.private_org_ids = {"o2"};
  EXPECT_EQ(Ids(q), V({"d1"}));
  q.private_org_ids = {"o2", "o1"};
  EXPECT_EQ(Ids(q), V({"d1", "d4"}));
  q.include_private = false;
  EXPECT_EQ(Ids(q), V({"d1"}));
  q.all_private = true;
  EXPECT_EQ(Ids(q), V({"d1", "d4"}));  // drafts and deleted never
}

TEST_F(IndexTest, SortsAndPaging) {
  auto order = [&](std::string field, bool desc) {
    DatasetQuery q;
    q.sort_field = std::move(field);
    q.sort_desc = desc;
    auto r = index_->Search(q);
    EXPECT_TRUE(r);
    return r ? r->ids : V{};
  };
  EXPECT_EQ(order("metadata_modified", true), V({"d1", "d3", "d2"}));
  EXPECT_EQ(order("metadata_modified", false), V({"d2", "d3", "d1"}));
  EXPECT_EQ(order("score", true), V({"d1", "d3", "d2"}));  // no terms: newest first
  EXPECT_EQ(order("views", true), V({"d2", "d3", "d1"}));
  EXPECT_EQ(order("downloads", true), V({"d3", "d1", "d2"}));
  EXPECT_EQ(order("name", false), V({"d3", "d2", "d1"}));  // air-quality, care-centres, nhi
  EXPECT_EQ(order("title", false), V({"d1", "d3", "d2"}));  // 全 < 空 < 長 by code point
  DatasetQuery bad;
  bad.sort_field = "colour";
  ASSERT_FALSE(index_->Search(bad));

  DatasetQuery q;
  q.sort_field = "views";
  q.limit = 2;
  auto p1 = index_->Search(q);
  q.offset = 2;
  auto p2 = index_->Search(q);
  q.offset = 5;
  auto p3 = index_->Search(q);
  ASSERT_TRUE(p1 && p2 && p3);
  EXPECT_EQ(p1->total, 3);
  EXPECT_EQ(p2->total, 3);
  EXPECT_EQ(p3->total, 3);
  EXPECT_EQ(p1->ids, V({"d2", "d3"}));
  EXPECT_EQ(p2->ids, V({"d1"}));
  EXPECT_TRUE(p3->ids.empty());
}

TEST_F(IndexTest, ExactTitleRanksFirst) {
  Dataset d = fx_.datasets[0];
  d.id = "d9"; d.slug = "zz-mentions";
  d.title = LocalizedText::Zh("監測站清單");
  d.description = LocalizedText::Zh("空氣品質監測 空氣品質監測 空氣品質監測 空氣品質監測");
  d.metadata_modified = "2025-01-01T00:00:00Z";
  ASSERT_TRUE(index_->Upsert(d, fx_.moh, {}));
  ASSERT_TRUE(index_->Commit());
  DatasetQuery q;
  q.terms = {"空氣品質監測"};
  auto r = index_->Search(q);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->ids.size(), 2u);
  EXPECT_EQ(r->ids[0], "d3");
}

TEST_F(IndexTest, FacetsCountAllMatches) {
  DatasetQuery q;
  q.limit = 1;
  q.facet_fields = {"res_format", "organization", "tags", "groups", "license_id",
                    "dataset_type", "themes", "organization_level"};
  auto r = index_->Search(q);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->ids.size(), 1u);
  ASSERT_EQ(r->facets.size(), 8u);
  auto facet = [&](size_t i) {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const auto& f : r->facets[i].second) out.emplace_back(f.value, f.count);
    return out;
  };
  using F = std::vector<std::pair<std::string, int64_t>>;
  EXPECT_EQ(r->facets[0].first, "res_format");
  EXPECT_EQ(facet(0), F({{"CSV", 2}, {"JSON", 1}, {"XML", 1}}));
  EXPECT_EQ(facet(1), F({{"taipei", 2}, {"moh", 1}}));
  EXPECT_EQ(facet(2), F({{"air", 1}, {"insurance", 1}, {"健保", 1}, {"長期照顧", 1}}));
  EXPECT_EQ(facet(3), F({{"ltc", 1}}));
  EXPECT_EQ(facet(4), F({{"OGDL-Taiwan-1.0", 2}, {"CC-BY-4.0", 1}}));
  EXPECT_EQ(facet(5), F({{"raw", 2}, {"statistical", 1}}));
  EXPECT_EQ(facet(6), F({{"health", 2}, {"environment", 1}, {"welfare", 1}}));
  EXPECT_EQ(facet(7), F({{"local", 2}, {"central", 1}}));
  q.facet_limit = 1;
  q.facet_fields = {"res_format"};
  r = index_->Search(q);
  ASSERT_TRUE(r);
  EXPECT_EQ(facet(0), F({{"CSV", 2}}));
  q.facet_fields = {"nope"};
  EXPECT_FALSE(index_->Search(q));
}

TEST_F(IndexTest, RemoveAndReplace) {
  ASSERT_TRUE(index_->Remove("d1"));
  ASSERT_TRUE(index_->Remove("missing"));
  EXPECT_EQ(Find({"健康保險"}), V({"d1"}));  // not yet committed
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find({"健康保險"}), V());
  Dataset d = fx_.datasets[1];
  d.title = LocalizedText::Zh("日間照顧中心");
  d.keywords.clear();
  ASSERT_TRUE(index_->Upsert(d, fx_.tpe, {}));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(Find({"長照"}), V({"d3"}));
  EXPECT_EQ(Find({"日間照顧"}), V({"d2"}));
  auto n = index_->DocumentCount();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 5);
}

TEST_F(IndexTest, LastSeqSurvivesReopen) {
  auto seq = index_->LastAppliedSeq();
  ASSERT_TRUE(seq);
  EXPECT_EQ(*seq, 0);
  ASSERT_TRUE(index_->SetLastAppliedSeq(42));
  ASSERT_TRUE(index_->Commit());
  EXPECT_EQ(*index_->LastAppliedSeq(), 42);
  index_.reset();
  auto again = SearchIndex::Open(dir_.str(), normalizer_.get(), Synonyms());
  ASSERT_TRUE(again) << again.error().message;
  EXPECT_EQ(*(*again)->LastAppliedSeq(), 42);
  EXPECT_EQ(*(*again)->DocumentCount(), 6);
  // A second writer on the same directory is refused cleanly.
  auto second = SearchIndex::Open(dir_.str(), nullptr, {});
  EXPECT_FALSE(second);
}

TEST_F(IndexTest, SuggestCompletesVisibleTitlesAndKeywords) {
  auto s = index_->Suggest("全民", 10);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, V({"全民健康保險統計"}));
  s = index_->Suggest("Air", 10);
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, V({"Air quality monitoring", "air"}));
  s = index_->Suggest("air", 1);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->size(), 1u);
  s = index_->Suggest("私有", 10);  // private dataset's title is not suggested
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->empty());
  s = index_->Suggest("", 10);
  ASSERT_TRUE(s);
  EXPECT_TRUE(s->empty());
}

TEST_F(IndexTest, ConcurrentSearchesWhileWriting) {
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        DatasetQuery q;
        q.terms = {"健康保險"};
        q.facet_fields = {"tags"};
        auto r = index_->Search(q);
        if (!r || r->ids != V({"d1"})) {
          if (failures++ == 0) std::cerr << (r ? "wrong ids" : r.error().message) << "\n";
        }
      }
    });
  }
  Dataset d = fx_.datasets[1];
  for (int i = 0; i < 30; ++i) {
    d.views = i;
    ASSERT_TRUE(index_->Upsert(d, fx_.tpe, {}));
    ASSERT_TRUE(index_->Commit());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
}

// Filter-only searches (no words: "match everything, then filter") from several threads at
// once. Xapian::Query::MatchAll is a shared static whose reference count is not atomic;
// using it here crashed `pintu serve` under fq-only load (and fails this test under ASan).
TEST_F(IndexTest, ConcurrentFilterOnlySearches) {
  DatasetQuery all;  // no terms
  all.facet_fields = {"organization"};
  auto expected = index_->Search(all);
  ASSERT_TRUE(expected);
  ASSERT_GT(expected->total, 0u);
  std::atomic<int> failures{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&] {
      for (int i = 0; i < 400; ++i) {
        auto r = index_->Search(all);
        if (!r || r->total != expected->total || r->ids != expected->ids) failures++;
      }
    });
  }
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures.load(), 0);
}

// Random upserts and removes checked against a brute-force model.
TEST(IndexRandomTest, MatchesBruteForceReference) {
  TempDir dir;
  auto opened = SearchIndex::Open(dir.str(), nullptr, {});
  ASSERT_TRUE(opened) << opened.error().message;
  auto& index = **opened;
  Organization orgs[2] = {Org("o1", "alpha", LocalizedText::Zh("甲機關"), OrgLevel::kCentral),
                          Org("o2", "beta", LocalizedText::Zh("乙機關"), OrgLevel::kLocal)};
  const std::vector<std::string> words = {"apple", "banana", "cherry", "delta", "echo", "交通", "環境", "教育"};
  const std::vector<std::string> tag_pool = {"a", "b", "c", "d"};
  const std::vector<std::string> format_pool = {"CSV", "JSON", "XML"};
  std::mt19937 rng(20240601);
  auto coin = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };

  struct Model {
    Dataset d;
    std::vector<std::string> title_words;
  };
  std::map<std::string, Model> model;
  int stamp = 0;

  auto check = [&]() {
    std::vector<DatasetQuery> queries;
    for (const auto& w : words) {
      DatasetQuery q;
      q.terms = {w};
      queries.push_back(q);
    }
    {
      DatasetQuery q;
      q.terms = {"apple", "交通"};
      q.excluded_terms = {"banana"};
      queries.push_back(q);
      q = {};
      q.tags = {"a"};
      q.formats = {"csv"};
      q.excluded = {{"tags", "b"}, {"organization", "beta"}};
      queries.push_back(q);
      q = {};
      q.organization_slugs = {"beta"};
      q.include_private = true;
      q.private_org_ids = {"o2"};
      q.sort_field = "views";
      queries.push_back(q);
      q = {};
      q.all_private = true;
      q.org_levels = {"central"};
      q.sort_field = "metadata_modified";
      q.sort_desc = false;
      queries.push_back(q);
      q = {};
      q.sort_field = "title";
      queries.push_back(q);
    }
    for (auto q : queries) {
      q.facet_fields = {"tags", "res_format", "organization"};
      q.limit = 100;
      if (q.sort_field == "score") q.sort_field = "name", q.sort_desc = false;
      // Reference.
      std::vector<const Model*> hits;
      for (const auto& [id, m] : model) {
        const Dataset& d = m.d;
        if (d.state != State::kActive) continue;
        bool org_ok = std::find(q.private_org_ids.begin(), q.private_org_ids.end(), d.organization_id) !=
                      q.private_org_ids.end();
        if (d.is_private && !q.all_private && !(q.include_private && org_ok)) continue;
        auto has_word = [&](const std::string& w) {
          return std::find(m.title_words.begin(), m.title_words.end(), w) != m.title_words.end();
        };
        auto has = [](const std::vector<std::string>& v, const std::string& x) {
          return std::find(v.begin(), v.end(), x) != v.end();
        };
        std::vector<std::string> formats;
        for (const auto& r : d.resources) formats.push_back(r.format);
        const Organization& org = d.organization_id == "o1" ? orgs[0] : orgs[1];
        bool ok = true;
        for (const auto& t : q.terms) ok = ok && has_word(t);
        for (const auto& t : q.excluded_terms) ok = ok && !has_word(t);
        for (const auto& t : q.tags) ok = ok && has(d.keywords, t);
        for (const auto& f : q.formats) ok = ok && has(formats, AsciiUpper(f));
        if (!q.organization_slugs.empty()) ok = ok && has(q.organization_slugs, org.slug);
        if (!q.org_levels.empty()) ok = ok && has(q.org_levels, std::string(ToCode(org.level)));
        for (const auto& [k, v] : q.excluded) {
          if (k == "tags") ok = ok && !has(d.keywords, v);
          if (k == "organization") ok = ok && org.slug != v;
        }
        if (ok) hits.push_back(&m);
      }
      auto key = [&](const Model* m) -> std::string {
        if (q.sort_field == "views") return std::to_string(m->d.views);  // single digits
        if (q.sort_field == "metadata_modified") return m->d.metadata_modified;
        if (q.sort_field == "title") return m->d.title.Best(kLangZh);
        return m->d.slug;
      };
      std::sort(hits.begin(), hits.end(), [&](const Model* a, const Model* b) {
        std::string ka = key(a), kb = key(b);
        if (ka != kb) return q.sort_desc ? ka > kb : ka < kb;
        return a->d.slug < b->d.slug;
      });
      std::vector<std::string> expected;
      std::map<std::string, int64_t> tag_counts, format_counts, org_counts;
      for (const auto* m : hits) {
        expected.push_back(m->d.id);
        for (const auto& t : m->d.keywords) ++tag_counts[t];
        for (const auto& r : m->d.resources) ++format_counts[r.format];
        ++org_counts[m->d.organization_id == "o1" ? "alpha" : "beta"];
      }
      auto r = index.Search(q);
      ASSERT_TRUE(r) << r.error().message;
      EXPECT_EQ(r->total, static_cast<int64_t>(expected.size()));
      EXPECT_EQ(r->ids, expected) << "terms=" << (q.terms.empty() ? "" : q.terms[0]) << " sort=" << q.sort_field;
      auto as_map = [&](size_t i) {
        std::map<std::string, int64_t> out;
        for (const auto& f : r->facets[i].second) out[f.value] = f.count;
        return out;
      };
      ASSERT_EQ(r->facets.size(), 3u);
      EXPECT_EQ(as_map(0), tag_counts);
      EXPECT_EQ(as_map(1), format_counts);
      EXPECT_EQ(as_map(2), org_counts);
    }
  };

  for (int op = 0; op < 200; ++op) {
    std::string id = "id" + std::to_string(rng() % 30);
    if (coin(25)) {
      ASSERT_TRUE(index.Remove(id));
      model.erase(id);
    } else {
      Model m;
      Dataset& d = m.d;
      d.id = id;
      d.slug = "ds-" + id;
      for (const auto& w : words)
        if (coin(30)) m.title_words.push_back(w);
      std::string title = "t" + id.substr(2);  // unique word per document
      for (const auto& w : m.title_words) title += " " + w;
      d.title = LocalizedText::Zh(title);
      d.organization_id = coin(50) ? "o1" : "o2";
      for (const auto& t : tag_pool)
        if (coin(40)) d.keywords.push_back(t);
      for (const auto& f : format_pool)
        if (coin(40)) d.resources.push_back(Res(f));
      d.is_private = coin(15);
      d.state = coin(10) ? State::kDraft : coin(5) ? State::kDeleted : State::kActive;
      char buf[32];
      std::snprintf(buf, sizeof buf, "2024-01-01T00:%02d:%02dZ", (stamp / 60) % 60, stamp % 60);
      ++stamp;
      d.metadata_modified = buf;
      d.views = static_cast<int64_t>(rng() % 5);  // ties broken by slug
      const Organization& org = d.organization_id == "o1" ? orgs[0] : orgs[1];
      ASSERT_TRUE(index.Upsert(d, org, {}));
      model[id] = std::move(m);
    }
    if (op % 20 == 19) {
      ASSERT_TRUE(index.Commit());
      check();
      if (HasFatalFailure()) return;
    }
  }
}

// Rough timing on a catalog the size of data.gov.tw (run with
// --gtest_also_run_disabled_tests; numbers are inflated by the sanitizers).
TEST(IndexRandomTest, DISABLED_TimingAt36kDocuments) {
  TempDir dir;
  auto opened = SearchIndex::Open(dir.str(), nullptr, {});
  ASSERT_TRUE(opened);
  auto& index = **opened;
  Organization org = Org("o1", "alpha", LocalizedText::Zh("甲機關"), OrgLevel::kCentral);
  const char* words[] = {"交通", "環境", "教育", "健康", "統計", "人口", "空氣", "水質"};
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 36000; ++i) {
    Dataset d;
    d.id = "id" + std::to_string(i);
    d.slug = "ds-" + std::to_string(i);
    d.title = LocalizedText::Zh(std::string(words[i % 8]) + words[(i / 8) % 8] + "資料" + std::to_string(i));
    d.keywords = {words[(i / 3) % 8], words[(i / 5) % 8]};
    d.resources = {Res(i % 2 ? "CSV" : "JSON")};
    d.metadata_modified = std::to_string(1000000 + i);
    ASSERT_TRUE(index.Upsert(d, org, {}));
  }
  ASSERT_TRUE(index.Commit());
  auto t1 = std::chrono::steady_clock::now();
  DatasetQuery q;
  q.terms = {"交通"};
  q.facet_fields = {"tags", "res_format", "organization"};
  auto r = index.Search(q);
  ASSERT_TRUE(r);
  auto t2 = std::chrono::steady_clock::now();
  q.terms.clear();
  r = index.Search(q);
  ASSERT_TRUE(r);
  auto t3 = std::chrono::steady_clock::now();
  auto ms = [](auto a, auto b) { return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count(); };
  std::cerr << "index " << ms(t0, t1) << " ms; term+facets " << ms(t1, t2) << " ms; all+facets "
            << ms(t2, t3) << " ms (total " << r->total << ")\n";
}

}  // namespace
}  // namespace pintu::search

// The search index follows the store: every write is searchable at once, a restart
// applies what the index missed, organisation and topic renames reach their datasets,
// and a rebuilt index answers exactly like the followed one (issue 3 acceptance).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "actions/catalog_fixture.h"
#include "actions/search.h"
#include "actions/search_sync.h"
#include "core/text.h"

namespace pintu::test {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

class SearchSyncTest : public CatalogTest {
 protected:
  std::vector<std::string> Find(const std::string& q, std::vector<std::string> fq = {}, bool as_admin = false,
                                actions::SearchSync* search = nullptr) {
    actions::SearchRequest req;
    req.q = q;
    req.fq = std::move(fq);
    req.rows = 1000;
    req.sort = "name asc";
    req.include_private = as_admin;
    actions::Context ctx = as_admin ? System() : Anonymous();
    if (search) ctx.search = search;
    auto r = actions::SearchDatasets(ctx, req);
    EXPECT_TRUE(r) << q << ": " << r.error().message;
    std::vector<std::string> out;
    if (r)
      for (const auto& d : r->results) out.push_back(d.slug);
    return out;
  }
};

TEST_F(SearchSyncTest, WritesAreSearchableAtOnce) {
  auto sys = System();
  Dataset d = MakeDataset("river-levels", "mohw", "河川水位觀測");
  Must(actions::CreateDataset(sys, d));
  EXPECT_THAT(Find("河川"), ElementsAre("river-levels"));

  Must(actions::PatchDataset(sys, "river-levels", boost::json::object{{"title", "森林火災紀錄"}}));
  EXPECT_THAT(Find("河川"), IsEmpty());
  EXPECT_THAT(Find("森林"), ElementsAre("river-levels"));

  Must(actions::PatchDataset(sys, "river-levels", boost::json::object{{"private", true}}));
  EXPECT_THAT(Find("森林"), IsEmpty());
  EXPECT_THAT(Find("森林", {}, true), ElementsAre("river-levels"));

  Must(actions::PatchDataset(sys, "river-levels", boost::json::object{{"private", false}}));
  Must(actions::DeleteDataset(sys, "river-levels"));
  EXPECT_THAT(Find("森林", {}, true), IsEmpty());
  EXPECT_EQ(search_->AppliedSeq(), store_->ChangeSeq());
}

TEST_F(SearchSyncTest, OrganizationAndTopicRenamesReachTheirDatasets) {
  auto sys = System();
  Dataset d = MakeDataset("clinics", "taipei-health", "診所名冊");
  d.topics = {"long-term-care"};
  Must(actions::CreateDataset(sys, d));
  EXPECT_THAT(Find("衛生局"), ElementsAre("clinics"));

  Must(actions::PatchOrganization(sys, "taipei-health", boost::json::object{{"title", "臺北市政府燈塔署"}}));
  EXPECT_THAT(Find("燈塔署"), ElementsAre("clinics"));
  EXPECT_THAT(Find("衛生局"), IsEmpty());

  Must(actions::PatchTopic(sys, "long-term-care", boost::json::object{{"title", "稻米照護"}}));
  EXPECT_THAT(Find("稻米"), ElementsAre("clinics"));

  // Membership changes are organisation activities too, but change nothing searchable.
  Must(actions::SetMembership(sys, "taipei-health", "carol", MemberRole::kMember));
  EXPECT_THAT(Find("燈塔署"), ElementsAre("clinics"));
}

TEST_F(SearchSyncTest, RestartAppliesWhatTheIndexMissed) {
  auto sys = System();
  Must(actions::CreateDataset(sys, MakeDataset("before-crash", "mohw", "港口統計")));
  EXPECT_THAT(Find("港口"), ElementsAre("before-crash"));
  int64_t applied = search_->AppliedSeq();

  // The server dies after the store committed but before the index heard of it.
  search_.reset();
  actions::Context no_index{*store_, Identity::System(), config_};
  Must(actions::CreateDataset(no_index, MakeDataset("after-crash", "mohw", "港口貨運量")));
  Must(actions::DeleteDataset(no_index, "before-crash"));

  auto reopened = actions::SearchSync::Open(*store_, dir_.File("search"), SharedNormalizer(), {});
  ASSERT_TRUE(reopened) << reopened.error().message;
  search_ = std::move(*reopened);
  EXPECT_EQ(search_->AppliedSeq(), applied);  // recorded with the documents
  EXPECT_TRUE(search_->Behind());
  EXPECT_THAT(Find("港口"), ElementsAre("after-crash"));
  EXPECT_FALSE(search_->Behind());
  EXPECT_EQ(search_->index().LastAppliedSeq().value(), store_->ChangeSeq());
}

TEST_F(SearchSyncTest, SearchingWithoutAnIndexIsAnErrorNotACrash) {
  actions::Context no_index{*store_, Identity::Anonymous(), config_};
  auto r = actions::SearchDatasets(no_index, {});
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

TEST_F(SearchSyncTest, PopularitySortFollowsViewCounters) {
  auto sys = System();
  for (const char* slug : {"pop-a", "pop-b", "pop-c"}) Must(actions::CreateDataset(sys, MakeDataset(slug, "mohw", "燈塔資料")));
  auto by_views = [&] {
    actions::SearchRequest req;
    req.q = "燈塔";
    req.sort = "views_recent desc";
    auto ctx = Anonymous();
    std::vector<std::string> out;
    auto found = actions::SearchDatasets(ctx, req).value();
    for (const auto& d : found.results) out.push_back(d.slug);
    return out;
  };
  auto count = [&](const char* slug, int64_t views) {
    auto id = store_->GetDataset(slug)->id;
    Must(store_->Write([&](WriteTxn& tx) { return tx.AddPopularity(id, views, 0); }));
  };
  EXPECT_EQ(by_views().size(), 3u);  // indexed (with no views yet)
  count("pop-b", 30);
  count("pop-c", 20);
  count("pop-a", 10);
  auto changed = search_->RefreshPopularity();
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(*changed, 3u);
  EXPECT_THAT(by_views(), ElementsAre("pop-b", "pop-c", "pop-a"));
  count("pop-a", 100);
  EXPECT_EQ(search_->RefreshPopularity().value(), 1u);
  EXPECT_THAT(by_views(), ElementsAre("pop-a", "pop-b", "pop-c"));
  EXPECT_EQ(search_->RefreshPopularity().value(), 0u);  // nothing moved
}

// --- randomised: the index against a brute-force reference, and against a rebuild ------

const std::vector<std::string> kAscii = {"alpha", "bravo", "charlie", "delta", "echo", "foxtrot"};
const std::vector<std::string> kCjk = {"河川", "森林", "港口", "稻米", "燈塔"};

// Brute force: does the dataset (with its organisation and topics) contain `word` the way
// the index matches words: ASCII as a whole word (any case), CJK as a substring.
bool Mentions(const Dataset& d, const Organization& org, const std::vector<Topic>& topics, const std::string& word) {
  std::vector<std::string> texts;
  for (const auto& [lang, v] : d.title.Values()) texts.push_back(v);
  for (const auto& [lang, v] : org.title.Values()) texts.push_back(v);
  for (const auto& t : topics)
    for (const auto& [lang, v] : t.title.Values()) texts.push_back(v);
  for (const auto& k : d.keywords) texts.push_back(k);
  bool ascii = static_cast<unsigned char>(word[0]) < 0x80;
  for (const auto& t : texts) {
    if (!ascii && t.find(word) != std::string::npos) return true;
    if (ascii) {
      std::string lower = AsciiLower(t);
      for (auto w : Split(lower, ' '))
        if (w == word) return true;
    }
  }
  return false;
}

TEST_F(SearchSyncTest, RandomWritesMatchBruteForceAndARebuild) {
  std::mt19937 rng(20261127);
  auto pick = [&](const std::vector<std::string>& v) { return v[rng() % v.size()]; };
  auto sys = System();
  std::vector<std::string> slugs;
  const std::vector<std::string> orgs = {"mohw", "taipei-health"};
  const std::vector<std::string> tags = {"t1", "t2", "t3"};
  auto random_title = [&] { return LocalizedText::Both(pick(kCjk) + pick(kCjk) + "資料", pick(kAscii) + " " + pick(kAscii)); };

  // Queries covering words, AND, exclusion and filters; the reference answers them too.
  struct Probe {
    std::string q;
    std::vector<std::string> fq;
  };
  std::vector<Probe> probes;
  for (const auto& w : kAscii) probes.push_back({w, {}});
  for (const auto& w : kCjk) probes.push_back({w, {}});
  probes.push_back({"alpha 河川", {}});
  probes.push_back({"森林 -bravo", {}});
  probes.push_back({"", {"organization:taipei-health"}});
  probes.push_back({"港口", {"tags:t2"}});
  probes.push_back({"", {"groups:long-term-care -tags:t1"}});

  auto reference = [&](const Probe& p, bool as_admin) {
    std::set<std::string> out;
    auto all_ids = store_->ListAllDatasetIds().value();
    for (const auto& id : all_ids) {
      Dataset d = store_->GetDataset(id).value();
      if (d.state != State::kActive || (d.is_private && !as_admin)) continue;
      Organization org = store_->GetOrganization(d.organization_id).value();
      std::vector<Topic> topics;
      for (const auto& t : d.topics) topics.push_back(store_->GetTopic(t).value());
      bool ok = true;
      for (auto word : Split(p.q, ' ')) {
        if (word.empty()) continue;
        bool negate = word[0] == '-';
        if (negate) word.remove_prefix(1);
        if (Mentions(d, org, topics, std::string(word)) == negate) ok = false;
      }
      for (const auto& fq : p.fq) {
        for (auto clause : Split(fq, ' ')) {
          bool negate = clause[0] == '-';
          if (negate) clause.remove_prefix(1);
          auto colon = clause.find(':');
          std::string key(clause.substr(0, colon)), value(clause.substr(colon + 1));
          bool has = key == "organization" ? org.slug == value
                     : key == "tags"       ? std::ranges::count(d.keywords, value) > 0
                                           : std::ranges::count(d.topics, value) > 0;
          if (has == negate) ok = false;
        }
      }
      if (ok) out.insert(d.slug);
    }
    return std::vector<std::string>(out.begin(), out.end());
  };
  auto check = [&](int step) {
    for (const auto& p : probes) {
      EXPECT_EQ(Find(p.q, p.fq), reference(p, false)) << "step " << step << " q=" << p.q;
      EXPECT_EQ(Find(p.q, p.fq, true), reference(p, true)) << "step " << step << " admin q=" << p.q;
    }
  };

  for (int step = 0; step < 120; ++step) {
    int op = static_cast<int>(rng() % 10);
    if (op < 4 || slugs.empty()) {
      Dataset d = MakeDataset("ds-" + std::to_string(step), pick(orgs));
      d.title = random_title();
      d.keywords = {pick(tags)};
      d.is_private = rng() % 5 == 0;
      if (rng() % 3 == 0) d.topics = {"long-term-care"};
      Must(actions::CreateDataset(sys, d));
      slugs.push_back(d.slug);
    } else if (op < 7) {
      auto d = store_->GetDataset(pick(slugs)).value();
      if (d.state != State::kActive) continue;
      d.title = random_title();
      d.keywords = {pick(tags), pick(tags)};
      std::ranges::sort(d.keywords);
      d.keywords.erase(std::unique(d.keywords.begin(), d.keywords.end()), d.keywords.end());
      d.organization_id = store_->GetOrganization(pick(orgs))->id;
      d.is_private = rng() % 5 == 0;
      Must(actions::UpdateDataset(sys, d));
    } else if (op < 8) {
      auto slug = pick(slugs);
      if (store_->GetDataset(slug)->state == State::kActive) Must(actions::DeleteDataset(sys, slug));
    } else if (op < 9) {
      Must(actions::PatchOrganization(sys, pick(orgs), boost::json::object{{"title", "機關" + pick(kCjk) + " " + pick(kAscii)}}));
    } else {
      Must(actions::PatchTopic(sys, "long-term-care", boost::json::object{{"title", "主題" + pick(kCjk)}}));
    }
    if (step % 20 == 19) check(step);
  }
  check(120);

  // A fresh index rebuilt from the store ranks, counts and facets exactly the same.
  auto rebuilt = actions::SearchSync::Open(*store_, dir_.File("rebuilt"), SharedNormalizer(),
                                           search::ParseSynonyms(search::BuiltinSynonymsTsv()).value());
  ASSERT_TRUE(rebuilt) << rebuilt.error().message;
  auto n = (*rebuilt)->Rebuild();
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(*n, store_->ListAllDatasetIds()->size());
  EXPECT_EQ((*rebuilt)->index().DocumentCount().value(), search_->index().DocumentCount().value());
  for (const auto& p : probes) {
    for (const std::string sort : {"score desc", "metadata_modified desc", "title asc"}) {
      DatasetQuery q = actions::BuildQuery({.q = p.q, .fq = p.fq, .rows = 1000, .sort = sort,
                                            .facet_fields = {"organization", "tags", "groups"}},
                                           Identity::Anonymous())
                           .value();
      auto a = search_->Search(q).value();
      auto b = (*rebuilt)->Search(q).value();
      EXPECT_EQ(a.ids, b.ids) << p.q << " sorted by " << sort;
      EXPECT_EQ(a.total, b.total) << p.q;
      ASSERT_EQ(a.facets.size(), b.facets.size());
      for (size_t i = 0; i < a.facets.size(); ++i) {
        ASSERT_EQ(a.facets[i].second.size(), b.facets[i].second.size()) << a.facets[i].first;
        for (size_t j = 0; j < a.facets[i].second.size(); ++j) {
          EXPECT_EQ(a.facets[i].second[j].value, b.facets[i].second[j].value);
          EXPECT_EQ(a.facets[i].second[j].count, b.facets[i].second[j].count);
        }
      }
    }
  }
  // Spelling suggestions come from the same words.
  DatasetQuery typo = actions::BuildQuery({.q = "alpga"}, Identity::Anonymous()).value();
  EXPECT_EQ(search_->Search(typo)->did_you_mean, (*rebuilt)->Search(typo)->did_you_mean);
}

}  // namespace
}  // namespace pintu::test

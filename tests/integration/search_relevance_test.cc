// Search relevance regression test: the demo catalog, indexed as production indexes it,
// must keep answering the judged queries of bench/judged/demo.tsv (bench/search_eval
// reports the same numbers in detail). Also checks the shared metric and TSV code.
#include <gtest/gtest.h>

#include <cmath>
#include <iostream>
#include <set>

#include "support/relevance.h"
#include "support/search_eval_index.h"

namespace pintu::relevance {
namespace {

const std::string kSource = PINTU_SOURCE_DIR;

// Floors measured when the judged set was written (93 queries: mean recall@5 0.983, mean
// NDCG@10 0.984). The four queries below recall@5 = 1 fail for engine reasons, not bad
// judgements: 北市 長照 (the synonym 北市 also matches 新北市), 空汙 (not linked to 空氣品質 /
// PM2.5), 停車場 剩餘車位 (all words must match, so the car-park list cannot fill the page),
// 人口 (a title containing 人口 outranks the population topic). Raise the floors when the
// engine improves; bench/search_eval shows the details.
constexpr double kMinMeanRecallAt5 = 0.98;
constexpr double kMinMeanNdcgAt10 = 0.98;
constexpr size_t kMaxQueriesBelowFullRecall = 4;

TEST(search_relevance, MetricsMatchHandComputedValues) {
  JudgedQuery q{"q", {{"a", 3}, {"b", 1}, {"c", 1}}, 1};
  QueryScore s = ScoreQuery(q, {"x", "a", "c", "y", "z", "w", "b"});
  EXPECT_NEAR(s.recall_at_5, 2.0 / 3.0, 1e-12);  // a and c in the top 5, b at 7
  double dcg = 7 / std::log2(3.0) + 1 / std::log2(4.0) + 1 / std::log2(8.0);
  double ideal = 7 / std::log2(2.0) + 1 / std::log2(3.0) + 1 / std::log2(4.0);
  EXPECT_NEAR(s.ndcg_at_10, dcg / ideal, 1e-12);
  ASSERT_EQ(s.ranks.size(), 3u);
  EXPECT_EQ(s.ranks[0], 2u);
  EXPECT_EQ(s.ranks[1], 7u);
  EXPECT_EQ(s.ranks[2], 3u);

  // More than five acceptable datasets: any five in the top 5 is full recall.
  JudgedQuery broad{"b", {{"1"}, {"2"}, {"3"}, {"4"}, {"5"}, {"6"}, {"7"}}, 2};
  EXPECT_DOUBLE_EQ(ScoreQuery(broad, {"7", "6", "5", "4", "3"}).recall_at_5, 1.0);
  EXPECT_DOUBLE_EQ(ScoreQuery(broad, {"7", "x", "5", "4", "3"}).recall_at_5, 0.8);

  QueryScore none = ScoreQuery(q, {});
  EXPECT_EQ(none.recall_at_5, 0);
  EXPECT_EQ(none.ndcg_at_10, 0);
  EXPECT_FALSE(none.ranks[0].has_value());

  SetSummary sum = Summarize({s, ScoreQuery(q, {"a", "b", "c"})});
  EXPECT_EQ(sum.queries, 2u);
  EXPECT_EQ(sum.full_recall, 1u);
  EXPECT_NEAR(sum.mean_recall_at_5, (2.0 / 3.0 + 1.0) / 2, 1e-12);
}

TEST(search_relevance, JudgedFilesParseAndNameTheBadLine) {
  auto ok = ParseJudgedQueries("# c\n\nq one\ta, b:2\nq2\tX | Y, Z:3\t W|V \n", "t.tsv");
  ASSERT_TRUE(ok.has_value()) << ok.error().message;
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[0].query, "q one");
  EXPECT_EQ((*ok)[0].line, 3u);
  ASSERT_EQ((*ok)[0].expected.size(), 2u);
  EXPECT_EQ((*ok)[0].expected[1].id, "b");
  EXPECT_EQ((*ok)[0].expected[1].grade, 2);
  ASSERT_EQ((*ok)[1].expected.size(), 2u);  // a '|' item keeps its commas
  EXPECT_EQ((*ok)[1].expected[0].id, "X|Y, Z");
  EXPECT_EQ((*ok)[1].expected[0].grade, 3);
  EXPECT_EQ((*ok)[1].expected[1].id, "W|V");

  for (const char* bad : {"q\n", "q\ta:4\n", "q\ta\nq\tb\n", "q\t , \n", "q\ta,a\n", "\ta\n"}) {
    auto r = ParseJudgedQueries(bad, "t.tsv");
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_NE(r.error().message.find("t.tsv line "), std::string::npos) << r.error().message;
  }
}

TEST(search_relevance, DemoJudgedQueriesFindTheirDatasets) {
  auto queries = LoadJudgedQueries(kSource + "/bench/judged/demo.tsv");
  ASSERT_TRUE(queries.has_value()) << queries.error().message;
  auto demo = BuildDemoSearch(kSource + "/demo", kSource + "/data/synonyms.tsv");
  ASSERT_TRUE(demo.has_value()) << demo.error().message;
  std::set<std::string> slugs;
  for (const auto& [id, slug] : (*demo)->slug_of) slugs.insert(slug);
  EXPECT_EQ(slugs.size(), 62u);

  std::vector<QueryScore> scores;
  for (const auto& q : *queries) {
    for (const auto& j : q.expected) EXPECT_TRUE(slugs.count(j.id)) << "line " << q.line << ": no dataset " << j.id;
    auto ranked = (*demo)->SearchSlugs(q.query, 100);
    ASSERT_TRUE(ranked.has_value()) << q.query << ": " << ranked.error().message;
    scores.push_back(ScoreQuery(q, *ranked));
    if (scores.back().recall_at_5 < 1) {
      std::string ranks;
      for (size_t k = 0; k < q.expected.size(); ++k)
        ranks += " " + q.expected[k].id + "@" + (scores.back().ranks[k] ? std::to_string(*scores.back().ranks[k]) : "-");
      std::cout << "[ miss ] " << q.query << ": recall@5 " << scores.back().recall_at_5 << ";" << ranks << "\n";
    }
  }
  SetSummary sum = Summarize(scores);
  std::cout << "[ info ] demo: " << sum.queries << " queries, mean recall@5 " << sum.mean_recall_at_5
            << ", mean NDCG@10 " << sum.mean_ndcg_at_10 << ", " << sum.full_recall << " with recall@5 = 1\n";
  EXPECT_GE(sum.mean_recall_at_5, kMinMeanRecallAt5);
  EXPECT_GE(sum.mean_ndcg_at_10, kMinMeanNdcgAt10);
  EXPECT_LE(sum.queries - sum.full_recall, kMaxQueriesBelowFullRecall);
}

}  // namespace
}  // namespace pintu::relevance

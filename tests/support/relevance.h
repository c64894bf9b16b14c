// Judged query sets and relevance metrics, shared by bench/search_eval.cc (the report)
// and tests/integration/search_relevance_test.cc (the regression test).
//
// File format (bench/judged/*.tsv): QUERY<TAB>ITEMS per line; '#' comment lines and blank
// lines are ignored. ITEMS are separated by TABs; a TAB-separated column without '|' may
// hold several items separated by commas (dataset slugs), while an item containing '|'
// (AGENCY|TITLE of a listing row, whose title may contain commas) fills its column alone.
// Each item may end in :GRADE (1..3, default 1). Header-only: the bench build has no test
// libraries.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pintu::relevance {

// One dataset a judge expects for a query, with its graded relevance (1..3).
struct Judgement {
  std::string id;  // dataset slug, or "AGENCY|TITLE"
  int grade = 1;
};

// A query and the datasets a person expects in its top 5.
struct JudgedQuery {
  std::string query;
  std::vector<Judgement> expected;
  size_t line = 0;  // 1-based line in the file, for messages
};

// Cut-offs of the two metrics.
inline constexpr size_t kRecallAt = 5;
inline constexpr size_t kNdcgAt = 10;

namespace detail {

// `s` without leading and trailing spaces and CRs.
inline std::string_view TrimAscii(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The parts of `s` between `sep` characters (n separators → n + 1 parts).
inline std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (size_t p; (p = s.find(sep)) != std::string_view::npos; s.remove_prefix(p + 1))
    out.push_back(s.substr(0, p));
  out.push_back(s);
  return out;
}

}  // namespace detail

// The form in which ids are compared: white space trimmed, runs of it collapsed to one
// space and dropped around '|' (so " A | B  C\t" and "A|B C" name the same row).
inline std::string CanonicalId(std::string_view id) {
  std::string out;
  bool space = false;
  for (char c : id) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty() && out.back() != '|' && c != '|') out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Parses a judged query file; `name` prefixes error messages ("demo.tsv line 7: …").
inline Result<std::vector<JudgedQuery>> ParseJudgedQueries(std::string_view text, std::string_view name) {
  std::vector<JudgedQuery> out;
  std::set<std::string> queries;
  auto fail = [&](size_t line, const std::string& msg) {
    return std::unexpected(Error::BadRequest(std::string(name) + " line " + std::to_string(line) + ": " + msg));
  };
  size_t n = 0;
  for (std::string_view raw : detail::SplitOn(text, '\n')) {
    ++n;
    std::string_view line = detail::TrimAscii(raw);
    if (line.empty() || line.front() == '#') continue;
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return fail(n, "expected QUERY<TAB>ITEMS");
    JudgedQuery q{std::string(detail::TrimAscii(line.substr(0, tab))), {}, n};
    if (q.query.empty()) return fail(n, "empty query");
    if (!queries.insert(q.query).second) return fail(n, "query \"" + q.query + "\" is judged twice");
    std::set<std::string> seen;
    for (std::string_view column : detail::SplitOn(line.substr(tab + 1), '\t')) {
      std::vector<std::string_view> items{column};
      if (column.find('|') == std::string_view::npos) items = detail::SplitOn(column, ',');
      for (std::string_view item : items) {
        item = detail::TrimAscii(item);
        if (item.empty()) continue;
        Judgement j;
        size_t colon = item.rfind(':');
        if (colon != std::string_view::npos && colon + 2 == item.size() && item.back() >= '0' && item.back() <= '9') {
          j.grade = item.back() - '0';
          item = item.substr(0, colon);
          if (j.grade < 1 || j.grade > 3) return fail(n, "grade must be 1, 2 or 3");
        }
        j.id = CanonicalId(item);
        if (j.id.empty()) return fail(n, "empty item");
        if (!seen.insert(j.id).second) return fail(n, "\"" + j.id + "\" is listed twice");
        q.expected.push_back(std::move(j));
      }
    }
    if (q.expected.empty()) return fail(n, "no expected datasets for \"" + q.query + "\"");
    out.push_back(std::move(q));
  }
  if (out.empty()) return std::unexpected(Error::BadRequest(std::string(name) + ": no judged queries"));
  return out;
}

// The whole content of the file at `path`.
inline Result<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(Error::BadRequest("Cannot read " + path));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Reads and parses a judged query file.
inline Result<std::vector<JudgedQuery>> LoadJudgedQueries(const std::string& path) {
  auto text = ReadTextFile(path);
  if (!text) return std::unexpected(text.error());
  return ParseJudgedQueries(*text, path.substr(path.find_last_of('/') + 1));
}

// How well one ranked result list answers one judged query.
struct QueryScore {
  double recall_at_5 = 0;  // expected items in the top 5 / min(5, number expected)
  double ndcg_at_10 = 0;   // gain 2^grade - 1, log2 discount, ideal = expected sorted by grade
  // 1-based rank of each expected item (same order as JudgedQuery::expected); nullopt
  // when it is not in the ranked list at all.
  std::vector<std::optional<size_t>> ranks;
};

// Scores `ranked` (ids in result order, best first, any length) against `q`.
inline QueryScore ScoreQuery(const JudgedQuery& q, const std::vector<std::string>& ranked) {
  QueryScore s;
  auto gain = [](int grade) { return std::pow(2.0, grade) - 1.0; };
  auto discount = [](size_t rank) { return 1.0 / std::log2(static_cast<double>(rank) + 1.0); };
  size_t hits = 0;
  double dcg = 0;
  for (const auto& j : q.expected) {
    auto it = std::find(ranked.begin(), ranked.end(), j.id);
    std::optional<size_t> rank;
    if (it != ranked.end()) rank = static_cast<size_t>(it - ranked.begin()) + 1;
    s.ranks.push_back(rank);
    if (rank && *rank <= kRecallAt) ++hits;
    if (rank && *rank <= kNdcgAt) dcg += gain(j.grade) * discount(*rank);
  }
  s.recall_at_5 = static_cast<double>(hits) / static_cast<double>(std::min(kRecallAt, q.expected.size()));
  std::vector<int> grades;
  for (const auto& j : q.expected) grades.push_back(j.grade);
  std::sort(grades.rbegin(), grades.rend());
  double ideal = 0;
  for (size_t i = 0; i < grades.size() && i < kNdcgAt; ++i) ideal += gain(grades[i]) * discount(i + 1);
  s.ndcg_at_10 = ideal > 0 ? dcg / ideal : 0;
  return s;
}

// Mean recall@5 and NDCG@10 over a query set.
struct SetSummary {
  size_t queries = 0;
  double mean_recall_at_5 = 0;
  double mean_ndcg_at_10 = 0;
  size_t full_recall = 0;  // queries with recall@5 = 1
};

// Averages per-query scores (an empty list gives zeros).
inline SetSummary Summarize(const std::vector<QueryScore>& scores) {
  SetSummary s;
  s.queries = scores.size();
  for (const auto& q : scores) {
    s.mean_recall_at_5 += q.recall_at_5;
    s.mean_ndcg_at_10 += q.ndcg_at_10;
    if (q.recall_at_5 >= 1.0 - 1e-9) ++s.full_recall;
  }
  if (!scores.empty()) {
    s.mean_recall_at_5 /= static_cast<double>(scores.size());
    s.mean_ndcg_at_10 /= static_cast<double>(scores.size());
  }
  return s;
}

}  // namespace pintu::relevance

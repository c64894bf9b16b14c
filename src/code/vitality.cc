#include "code/vitality.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <string>

namespace pintu::code {
namespace {

constexpr int64_t kDay = 86'400;
constexpr int64_t kFutureSlack = kDay;

// Is a date `when` within the last `days` days of `now`? Far-future dates count nowhere.
bool Within(int64_t when, int64_t now, int days) {
  const int64_t age = now - when;
  return age >= -kFutureSlack && age <= days * kDay;
}

std::string ContributorKey(const CommitFact& commit) {
  std::string key = commit.author_email.empty() ? "name:" + commit.author_name : commit.author_email;
  std::ranges::transform(key, key.begin(), [](unsigned char c) { return std::tolower(c); });
  return key;
}

double Capped(int value, int full) { return std::min(value, full) / static_cast<double>(full); }

}  // namespace

Vitality ComputeVitality(const std::vector<CommitFact>& commits, const std::vector<TagFact>& tags, int64_t now_unix) {
  Vitality v;
  std::set<std::string> people_60, people_365;
  for (const CommitFact& commit : commits) {
    if (!v.last_commit_unix || commit.unix_seconds > *v.last_commit_unix) v.last_commit_unix = commit.unix_seconds;
    if (Within(commit.unix_seconds, now_unix, 60)) {
      ++v.commits_60d;
      people_60.insert(ContributorKey(commit));
    }
    if (Within(commit.unix_seconds, now_unix, 365)) {
      ++v.commits_365d;
      people_365.insert(ContributorKey(commit));
    }
  }
  v.contributors_60d = static_cast<int>(people_60.size());
  v.contributors_365d = static_cast<int>(people_365.size());
  for (const TagFact& tag : tags) {
    if (Within(tag.unix_seconds, now_unix, 60)) ++v.releases_60d;
    if (Within(tag.unix_seconds, now_unix, 365)) ++v.releases_365d;
  }
  double recency = 0;
  if (v.last_commit_unix) {
    if (Within(*v.last_commit_unix, now_unix, 60)) {
      recency = 1;
    } else if (Within(*v.last_commit_unix, now_unix, 365)) {
      recency = 0.5;
    }
  }
  const double score = 30 * Capped(v.commits_365d, 52) + 20 * Capped(v.commits_60d, 8) +
                       25 * Capped(v.contributors_365d, 5) + 15 * Capped(v.releases_365d, 4) + 10 * recency;
  v.score = std::clamp(static_cast<int>(std::lround(score)), 0, 100);
  return v;
}

}  // namespace pintu::code

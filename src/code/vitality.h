// How alive a repository is, from its first-parent history and its tags.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "code/git_crawl.h"

namespace pintu::code {

// Counts over the last 60 and 365 days, and a 0–100 score (docs/publiccode.md, "Vitality"):
//   30 × min(commits_365d, 52) / 52     steady work over the year (weekly = full marks)
// + 20 × min(commits_60d, 8) / 8        recent work
// + 25 × min(contributors_365d, 5) / 5  more than one person (bus factor)
// + 15 × min(releases_365d, 4) / 4      tagged releases
// + 10 × recency                        1 when the last commit is ≤ 60 days old, ½ when ≤ 365
// rounded to the nearest integer. Contributors are distinct author e-mail addresses
// (case-insensitive; the name when the e-mail is empty). A commit counts in a window when
// its age is within the window; dates more than one day in the future (clock skew) count
// nowhere.
struct Vitality {
  int commits_60d = 0, commits_365d = 0, contributors_60d = 0, contributors_365d = 0,
      releases_60d = 0, releases_365d = 0;
  std::optional<int64_t> last_commit_unix;  // newest commit date; nullopt without history
  int score = 0;                            // 0–100
};

// Computes the vitality of a history as of `now_unix`.
Vitality ComputeVitality(const std::vector<CommitFact>& commits, const std::vector<TagFact>& tags,
                         int64_t now_unix);

}  // namespace pintu::code

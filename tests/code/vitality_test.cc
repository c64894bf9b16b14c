// Tests of ComputeVitality (src/code/vitality.h): windows, contributors, the score formula.
#include "code/vitality.h"

#include <gtest/gtest.h>

namespace pintu::code {
namespace {

constexpr int64_t kDay = 86'400;
constexpr int64_t kNow = 1'790'000'000;

CommitFact At(int days_ago, std::string email, std::string name = "x") {
  return CommitFact{kNow - days_ago * kDay, std::move(email), std::move(name)};
}

TEST(CodeVitalityTest, NoHistoryScoresZero) {
  const Vitality v = ComputeVitality({}, {}, kNow);
  EXPECT_EQ(v.score, 0);
  EXPECT_FALSE(v.last_commit_unix.has_value());
  EXPECT_EQ(v.commits_365d, 0);
}

TEST(CodeVitalityTest, WindowBoundariesAreInclusive) {
  const Vitality v = ComputeVitality({At(60, "a@x"), At(61, "b@x"), At(365, "c@x"), At(366, "d@x")}, {}, kNow);
  EXPECT_EQ(v.commits_60d, 1);
  EXPECT_EQ(v.commits_365d, 3);
  EXPECT_EQ(v.contributors_365d, 3);
}

TEST(CodeVitalityTest, ContributorsAreDistinctEmailsIgnoringCaseOrNamesWithoutEmail) {
  const Vitality v = ComputeVitality({At(1, "Ann@X.org"), At(2, "ann@x.org"), At(3, "", "Bo"), At(4, "", "Bo"),
                                      At(5, "", "Cy")},
                                     {}, kNow);
  EXPECT_EQ(v.contributors_60d, 3);
}

TEST(CodeVitalityTest, FarFutureDatesCountNowhere) {
  const Vitality v = ComputeVitality({At(-30, "a@x")}, {TagFact{"v9", kNow + 30 * kDay}}, kNow);
  EXPECT_EQ(v.commits_60d, 0);
  EXPECT_EQ(v.releases_365d, 0);
  EXPECT_EQ(v.score, 0);
  // Within a day of skew still counts.
  EXPECT_EQ(ComputeVitality({CommitFact{kNow + 3600, "a@x", "a"}}, {}, kNow).commits_60d, 1);
}

TEST(CodeVitalityTest, BusyProjectScoresFullMarks) {
  std::vector<CommitFact> commits;
  for (int day = 0; day < 365; day += 3) commits.push_back(At(day, "dev" + std::to_string((day / 3) % 6) + "@x"));
  std::vector<TagFact> tags;
  for (int month = 0; month < 6; ++month) tags.push_back(TagFact{"v" + std::to_string(month), kNow - month * 30 * kDay});
  const Vitality v = ComputeVitality(commits, tags, kNow);
  EXPECT_EQ(v.score, 100);
  EXPECT_EQ(v.releases_60d, 3);  // 0, 30 and 60 days ago
  EXPECT_EQ(v.releases_365d, 6);
}

TEST(CodeVitalityTest, OldProjectWithOneRecentishCommitGetsHalfRecency) {
  // One commit 100 days ago by one person: 30/52 + 0 + 25/5 + 0 + 10/2 = 10.58 → 11.
  const Vitality v = ComputeVitality({At(100, "a@x")}, {}, kNow);
  EXPECT_EQ(v.score, 11);
  EXPECT_EQ(*v.last_commit_unix, kNow - 100 * kDay);
}

}  // namespace
}  // namespace pintu::code

#include "quality/indicators/rollup.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/clock.h"

namespace pintu::quality {
namespace {

int BandIndex(std::string_view rating) {
  if (rating == "excellent") return 0;
  if (rating == "good") return 1;
  if (rating == "sufficient") return 2;
  return 3;
}

int BadgeIndex(std::string_view badge) {
  static constexpr std::array<std::string_view, 5> names = {"none", "bronze", "silver", "gold", "platinum"};
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == badge) return static_cast<int>(i);
  return 0;
}

}  // namespace

std::vector<GroupRollup> RollupScores(std::span<const ScoreSnapshotSummary> latest, RollupKey by) {
  std::map<std::string, GroupRollup> groups;
  for (const auto& s : latest) {
    if (!s.published) continue;
    std::string key = by == RollupKey::kAll            ? std::string("all")
                      : by == RollupKey::kOrganization ? s.organization_id
                                                       : std::string(ToCode(s.level));
    GroupRollup& g = groups[key];
    g.key = key;
    ++g.datasets;
    g.mean_mqa_points += s.mqa_points;
    g.mean_fair_percent += s.fair_percent;
    g.mean_ai_percent += s.ai_percent;
    ++g.mqa_bands[BandIndex(s.mqa_rating)];
    ++g.badges[BadgeIndex(s.badge)];
    ++g.stars[std::clamp(s.five_star, 0, 5)];
  }
  std::vector<GroupRollup> out;
  for (auto& [key, g] : groups) {
    g.mean_mqa_points /= g.datasets;
    g.mean_fair_percent /= g.datasets;
    g.mean_ai_percent /= g.datasets;
    out.push_back(std::move(g));
  }
  if (by == RollupKey::kAll && out.empty()) out.push_back(GroupRollup{.key = "all"});
  std::stable_sort(out.begin(), out.end(),
                   [](const GroupRollup& a, const GroupRollup& b) { return a.mean_mqa_points > b.mean_mqa_points; });
  return out;
}

std::array<int, 9> MqaHistogram(std::span<const ScoreSnapshotSummary> latest) {
  std::array<int, 9> bins{};
  for (const auto& s : latest) {
    if (!s.published) continue;
    ++bins[std::clamp(static_cast<int>(s.mqa_points / 45), 0, 8)];
  }
  return bins;
}

std::vector<TrendPoint> ScoreTrend(std::span<const ScoreSnapshotSummary> history, int64_t now_ms, int days) {
  constexpr int64_t kDay = 86'400'000;
  std::vector<TrendPoint> out;
  if (days <= 0) return out;
  const int64_t last_day = now_ms / kDay;
  std::unordered_map<std::string, const ScoreSnapshotSummary*> current;
  size_t next = 0;
  for (int64_t day = last_day - days + 1; day <= last_day; ++day) {
    const int64_t end = (day + 1) * kDay;
    for (; next < history.size() && history[next].computed_at < end; ++next) {
      const auto& s = history[next];
      if (s.published) current[s.dataset_id] = &s;
      else current.erase(s.dataset_id);
    }
    TrendPoint p;
    p.day = IsoFromUnixMillis(day * kDay).substr(0, 10);
    int central = 0, local = 0;
    for (const auto& [id, s] : current) {
      ++p.datasets;
      p.mean_mqa_points += s->mqa_points;
      p.mean_fair_percent += s->fair_percent;
      p.mean_ai_percent += s->ai_percent;
      if (s->level == OrgLevel::kCentral) ++central, p.mean_mqa_central += s->mqa_points;
      if (s->level == OrgLevel::kLocal) ++local, p.mean_mqa_local += s->mqa_points;
    }
    if (p.datasets) {
      p.mean_mqa_points /= p.datasets;
      p.mean_fair_percent /= p.datasets;
      p.mean_ai_percent /= p.datasets;
    }
    if (central) p.mean_mqa_central /= central;
    if (local) p.mean_mqa_local /= local;
    p.central_datasets = central;
    p.local_datasets = local;
    out.push_back(std::move(p));
  }
  return out;
}

std::vector<TopFix> TopFixes(std::span<const ScoreCard> cards, std::string_view framework, size_t limit) {
  std::map<std::string, TopFix> fixes;
  for (const ScoreCard& card : cards) {
    // Per dataset, an indicator counts once however many resources miss it.
    std::map<std::string_view, double> missing;
    for (const auto& s : card.indicators) {
      if (s.framework != framework) continue;
      const double gap = s.max_points - s.points;
      if (gap > 1e-9) missing[s.id] += gap;
    }
    for (const auto& [id, gap] : missing) {
      TopFix& f = fixes[std::string(id)];
      f.indicator_id = std::string(id);
      f.points += gap;
      ++f.datasets;
    }
  }
  std::vector<TopFix> out;
  for (auto& [id, f] : fixes) out.push_back(std::move(f));
  std::stable_sort(out.begin(), out.end(), [](const TopFix& a, const TopFix& b) { return a.points > b.points; });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace pintu::quality

#include "core/score_card.h"

#include <charconv>

namespace pintu {

ScoreSnapshotSummary SummarizeScoreCard(const ScoreCard& card) {
  ScoreSnapshotSummary s;
  s.dataset_id = card.dataset_id;
  s.organization_id = card.organization_id;
  s.level = card.level;
  s.published = card.published;
  s.computed_at = card.computed_at;
  if (const FrameworkTotal* t = card.Total(kFrameworkMqa)) {
    s.mqa_points = t->points;
    s.mqa_rating = t->rating;
  }
  if (const FrameworkTotal* t = card.Total(kFrameworkFair)) s.fair_percent = t->Percent();
  if (const FrameworkTotal* t = card.Total(kFrameworkAiReady)) s.ai_percent = t->Percent();
  if (const FrameworkTotal* t = card.Total(kFrameworkDatagovtw)) s.badge = t->rating;
  if (const FrameworkTotal* t = card.Total(kFrameworkFiveStar))
    std::from_chars(t->rating.data(), t->rating.data() + t->rating.size(), s.five_star);
  return s;
}

}  // namespace pintu

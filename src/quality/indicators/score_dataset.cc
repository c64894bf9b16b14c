#include "quality/indicators/score_dataset.h"

#include "quality/indicators/ai_readiness.h"
#include "quality/indicators/datagovtw_badge.h"
#include "quality/indicators/fair.h"
#include "quality/indicators/five_star.h"
#include "quality/indicators/mqa.h"

namespace pintu::quality {

ScoreCard ScoreDataset(const ScoringInput& input) {
  ScoreCard card;
  const Dataset& d = *input.dataset;
  card.dataset_id = d.id;
  card.dataset_slug = d.slug;
  card.organization_id = d.organization_id;
  card.level = input.organization ? input.organization->level : OrgLevel::kOther;
  card.published = !d.is_private && d.state == State::kActive;
  card.computed_at = input.now_ms;
  card.indicators.reserve(64);
  ScoreMqa(input, card);
  ScoreDatagovBadge(input, card);
  ScoreFiveStar(input, card);
  ScoreFair(input, card);
  ScoreAiReadiness(input, card);
  return card;
}

}  // namespace pintu::quality

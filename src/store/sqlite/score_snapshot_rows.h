// Rows of score_snapshots: dated quality score cards with their summary columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/score_card.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// The largest card JSON stored (bytes); larger ones are refused with kTooLarge.
inline constexpr size_t kMaxScoreCardBytes = 4 * 1024 * 1024;

// Inserts a snapshot of `card` with its JSON. Needs a dataset id.
Result<void> InsertScoreSnapshot(Connection& conn, const ScoreCard& card, std::string_view card_json);
// The newest card JSON of the dataset, or kNotFound.
Result<std::string> ReadLatestScoreCardJson(Connection& conn, std::string_view dataset_id);
// The summary of the dataset's newest snapshot, or kNotFound.
Result<ScoreSnapshotSummary> ReadLatestScoreSummary(Connection& conn, std::string_view dataset_id);
// The newest card JSON of each dataset of `organization_id` ("" = all datasets).
Result<std::vector<std::string>> ReadLatestScoreCards(Connection& conn, std::string_view organization_id);
// Summaries since `since`, oldest first; or only each dataset's newest.
Result<std::vector<ScoreSnapshotSummary>> ReadScoreSummaries(Connection& conn, bool latest_only, int64_t since);

// The newest snapshot id (0 when there is none).
Result<int64_t> ReadScoreSeq(Connection& conn);

}  // namespace pintu::sqlite

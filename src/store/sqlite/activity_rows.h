// The activity stream (the store's change sequence) and popularity counters.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "core/error.h"
#include "store/store.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// Appends the activity and returns its new seq. An empty id gets a fresh UUID,
// an empty timestamp the current time; `a.seq` is ignored.
Result<int64_t> AppendActivity(Connection& conn, const Activity& a);
// Activities about `object_id`, newest first.
Result<std::vector<Activity>> ReadActivities(Connection& conn, std::string_view object_id,
                                             size_t offset, size_t limit);
// Activities about datasets that match `q` (joined with the datasets table), newest first.
Result<std::vector<Activity>> ReadDatasetActivities(Connection& conn, const DatasetActivityQuery& q);
// Activities with seq > after_seq, oldest first.
Result<std::vector<Activity>> ReadActivitiesSince(Connection& conn, int64_t after_seq,
                                                  size_t limit);
// The highest activity seq (0 when there is none).
Result<int64_t> ReadChangeSeq(Connection& conn);

// Every row of the popularity counters.
Result<std::vector<DatasetPopularity>> ReadPopularity(Connection& conn);
// Adds to a dataset's view and download counters; kNotFound when no dataset has that id.
Result<void> AddToPopularity(Connection& conn, std::string_view dataset_id, int64_t views,
                             int64_t downloads);

}  // namespace pintu::sqlite

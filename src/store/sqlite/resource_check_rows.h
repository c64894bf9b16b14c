// Rows of resource_checks: stored check results with history, and the query that
// tells recurring schedules which resources are due.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/resource_check.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace pintu::sqlite {

// The largest full report stored (bytes); larger ones are refused with kTooLarge.
inline constexpr size_t kMaxCheckReportBytes = 8 * 1024 * 1024;

// Inserts `check` (its id is ignored) and returns it with the new id. Needs a
// resource id and a JSON report of at most kMaxCheckReportBytes.
Result<ResourceCheck> InsertResourceCheck(Connection& conn, const ResourceCheck& check);
// The newest result of `kind` for the resource, or kNotFound.
Result<ResourceCheck> ReadLatestResourceCheck(Connection& conn, std::string_view resource_id,
                                              CheckKind kind);
// Results of the resource (of `kind` when given), newest first, paged.
Result<std::vector<ResourceCheck>> ReadResourceChecks(Connection& conn, std::string_view resource_id,
                                                      std::optional<CheckKind> kind, size_t offset,
                                                      size_t limit);
// How many results the resource has (of `kind` when given).
Result<int64_t> CountResourceChecksOf(Connection& conn, std::string_view resource_id,
                                      std::optional<CheckKind> kind);
// Resource ids due for a recurring check (see DueResourceQuery).
Result<std::vector<std::string>> ReadResourcesDue(Connection& conn, const DueResourceQuery& q);
// Keeps the newest `keep` results per (resource, kind); returns how many were deleted.
Result<int64_t> DeleteOldResourceChecks(Connection& conn, size_t keep);

}  // namespace pintu::sqlite

// What the two resource-check handlers share: finding the resource a job is about,
// deciding whether a failed fetch is worth a retry, the declared metadata the
// data.gov.tw checks compare against, and storing a result.
#pragma once

#include <optional>
#include <string>

#include <boost/json/object.hpp>

#include "core/config.h"
#include "core/dataset.h"
#include "core/job.h"
#include "core/resource_check.h"
#include "fetch/fetch_error.h"
#include "quality/datagov_checks.h"
#include "store/store.h"

namespace pintu::actions {

// The resource a check job is about, with its dataset.
struct CheckSubject {
  Resource resource;
  Dataset dataset;
};

// The active resource `id` of a dataset that is not deleted, or nullopt when either is
// gone (the job then has nothing to do). Store failures are errors.
Result<std::optional<CheckSubject>> FindCheckSubject(Store& store, std::string_view id);

// True when a fetch that failed with `error` (final HTTP status `status`) may work
// later: DNS, connect, timeout, protocol and local sink failures, and HTTP 429, 502,
// 503 and 504. Refused addresses, bad URLs, TLS, redirect loops, too-large bodies and
// other HTTP statuses (404 …) are verdicts, not reasons to retry.
bool IsTransientFetchFailure(const fetch::FetchError& error, int status);

// True when `job` is on its last allowed attempt (a failure now would make it dead).
bool IsLastAttempt(const Job& job);

// The metadata the data.gov.tw checks compare with: declared format, encoding, field
// names, and the dataset's other active resources with the format their newest
// contents check found.
Result<quality::DatagovDeclared> DeclaredForDatagov(Store& store, const CheckSubject& subject);

// The newest stored result of `kind` for `resource_id` with its report parsed; nullopt
// when there is none (or its report is not a JSON object).
Result<std::optional<std::pair<ResourceCheck, boost::json::object>>> LatestCheckWithReport(
    Store& store, std::string_view resource_id, CheckKind kind);

// `report` with `datagov` as its first key ("datagovtw"), so that readers of stored
// results can take the six checks from the start of the text without parsing the rest
// (see CurrentDatagovChecks).
boost::json::object WithDatagovFirst(boost::json::object datagov, boost::json::object report);

// Stores `check` in its own transaction and returns it with its id.
Result<ResourceCheck> StoreCheck(Store& store, const ResourceCheck& check);

}  // namespace pintu::actions

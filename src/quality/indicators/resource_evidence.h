// Turns the stored results of a resource's checks (the newest link check and contents
// report, as JSON) into the compact ResourceEvidence the indicators read. Reading is
// forgiving: a missing or damaged report gives evidence that says "not checked".
#pragma once

#include <boost/json/fwd.hpp>

#include "core/dataset.h"
#include "quality/indicators/scoring_input.h"

namespace pintu::quality {

// Evidence for `resource` from `link_report` (fetch::LinkCheckResult::ToJson form; nullptr
// when never checked), `contents_report` (ReportToJson form, possibly with "datagovtw"
// first; nullptr when never checked) and the six data.gov.tw checks as they stand.
ResourceEvidence EvidenceFromReports(const Resource& resource, const boost::json::object* link_report,
                                     const boost::json::object* contents_report, const DatagovChecks& datagov);

}  // namespace pintu::quality

// JSON forms of the public-code engine's reports, as the store keeps them and the API
// returns them, and the validation of a crawled publiccode.yml with its assets.
#pragma once

#include <boost/json/object.hpp>

#include "code/git_crawl.h"
#include "code/readiness.h"
#include "code/vitality.h"
#include "formats/publiccode/validate.h"

namespace pintu::code {

// {"commits_60d", "commits_365d", "contributors_60d", "contributors_365d", "releases_60d",
//  "releases_365d", "last_commit_unix" (absent without history), "score"}.
boost::json::object VitalityToJson(const Vitality& v);

// {"met", "automatic", "criteria": [{"code", "state" ("met"|"not_met"|"self_assess"),
//  "automatic", "evidence_en": [...], "evidence_zh": [...]}]} in the standard's order.
boost::json::object ReadinessReportToJson(const ReadinessReport& r);

// Validates the crawled publiccode.yml in `mode`, offline. Relative logo and screenshot
// paths resolve inside the repository: the files they name are read from the crawl's
// clone (`options` names its cache) into a temporary folder, so missing files and broken
// PNGs are reported as for a local file; symlinks are not followed and paths may not climb
// out of the repository. Precondition: repo.publiccode_yml is set.
formats::publiccode::ValidationResult ValidateCrawledPubliccode(const RepositorySnapshot& repo,
                                                               const CrawlOptions& options,
                                                               formats::publiccode::Mode mode);

}  // namespace pintu::code

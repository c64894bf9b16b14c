// Internal to the CKAN face: what one action handler receives and returns.
#pragma once

#include <boost/json.hpp>

#include "actions/context.h"
#include "http/ckan/params.h"

namespace pintu::http::ckan {

struct Call {
  actions::Context& ctx;
  const Params& params;
  bool is_post;
};

using ActionFn = Result<boost::json::value> (*)(Call&);

struct ActionEntry {
  std::string_view name;
  ActionFn fn;
  bool write;  // needs POST
  bool uncached = false;  // never served from the anonymous response cache (results change
                          // without a change of the store's change sequence)
};

// The package/resource handlers (package_actions.cc).
extern const ActionEntry kPackageActions[];
extern const size_t kPackageActionCount;
// Organisations, groups (topics) and members (group_actions.cc).
extern const ActionEntry kGroupActions[];
extern const size_t kGroupActionCount;
// Site, tags and activity (site_actions.cc).
extern const ActionEntry kSiteActions[];
extern const size_t kSiteActionCount;
// Resource checks and the job queue (job_actions.cc).
extern const ActionEntry kJobActions[];
extern const size_t kJobActionCount;
// Quality scores, dashboard and top fixes (quality_actions.cc).
extern const ActionEntry kQualityActions[];
extern const size_t kQualityActionCount;

// A package dict as CKAN returns it: the canonical dict plus the embedded
// "organization" and titled "groups".
boost::json::object PackageDict(actions::Context& ctx, const Dataset& d);
// Turns an action's failure into a Result<json::value> in one line.
template <typename T>
Result<boost::json::value> Fail(const Result<T>& r) {
  return std::unexpected(r.error());
}

}  // namespace pintu::http::ckan

// Small lookups the portal's pages share: organisations by id, licence names.
#pragma once

#include <map>
#include <string>

#include <boost/json/object.hpp>

#include "actions/context.h"
#include "http/web/i18n.h"

namespace pintu::http::web {

// Every active organisation by id (a catalog has hundreds at most).
std::map<std::string, Organization> OrganizationsById(actions::Context& ctx);

// {"id", "title", "url", "open"}: a licence in plain language for `lang`.
boost::json::object LicenseView(std::string_view license_id, Lang lang);

// Runs a dataset search for a page; the results with their organisations resolved.
struct PageSearch {
  int64_t total = 0;
  boost::json::array results;  // DatasetSummary objects
  std::vector<std::pair<std::string, std::vector<FacetCount>>> facets;
  std::string did_you_mean;
};
// The facet counts of `field` in a search, by value (absent values count 0).
std::map<std::string, int64_t> FacetCounts(const PageSearch& s, std::string_view field);

Result<PageSearch> SearchForPage(actions::Context& ctx, Lang lang, const std::string& q,
                                 std::vector<std::string> fq, const std::string& sort, size_t rows, size_t start,
                                 std::vector<std::string> facets = {});

}  // namespace pintu::http::web

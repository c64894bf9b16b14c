#include "http/web/catalog_lookup.h"

#include <boost/json.hpp>

#include "actions/organizations.h"
#include "actions/search.h"
#include "core/vocabulary.h"
#include "http/web/view.h"

namespace pintu::http::web {

std::map<std::string, Organization> OrganizationsById(actions::Context& ctx) {
  std::map<std::string, Organization> out;
  if (auto orgs = actions::ListOrganizations(ctx))
    for (auto& o : *orgs) out.emplace(o.id, std::move(o));
  return out;
}

boost::json::object LicenseView(std::string_view license_id, Lang lang) {
  const LicenseInfo* l = FindLicense(license_id);
  if (!l) return {{"id", std::string(license_id)}, {"title", std::string(license_id)}, {"url", ""}, {"open", false}};
  return {{"id", std::string(l->id)},
          {"title", std::string(lang == kEn ? l->title_en : l->title_zh)},
          {"url", std::string(l->url)},
          {"open", l->open}};
}

std::map<std::string, int64_t> FacetCounts(const PageSearch& s, std::string_view field) {
  std::map<std::string, int64_t> out;
  for (const auto& [f, list] : s.facets)
    if (f == field)
      for (const auto& fc : list) out[fc.value] = fc.count;
  return out;
}

Result<PageSearch> SearchForPage(actions::Context& ctx, Lang lang, const std::string& q, std::vector<std::string> fq,
                                 const std::string& sort, size_t rows, size_t start, std::vector<std::string> facets) {
  actions::SearchRequest req;
  req.q = q;
  req.fq = std::move(fq);
  req.sort = sort;
  req.rows = rows;
  req.start = start;
  req.facet_fields = std::move(facets);
  req.facet_limit = 1000;
  auto r = actions::SearchDatasets(ctx, req);
  if (!r) return std::unexpected(r.error());
  auto orgs = OrganizationsById(ctx);
  PageSearch out;
  out.total = r->total;
  out.facets = std::move(r->facets);
  out.did_you_mean = std::move(r->did_you_mean);
  for (const auto& d : r->results) {
    auto it = orgs.find(d.organization_id);
    out.results.emplace_back(DatasetSummary(d, it == orgs.end() ? nullptr : &it->second, lang));
  }
  return out;
}

}  // namespace pintu::http::web

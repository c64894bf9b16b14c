// GET /dashboard: the agencies a logged-in user may publish for, with their datasets
// (private ones included) and links to create and edit datasets.
#include <boost/json.hpp>

#include "actions/authz.h"
#include "actions/organizations.h"
#include "actions/search.h"
#include "http/web/catalog_lookup.h"
#include "http/web/pages.h"
#include "http/web/view.h"

namespace pintu::http::web {

std::vector<Organization> EditableOrganizations(actions::Context& ctx) {
  std::vector<Organization> out;
  if (auto all = actions::ListOrganizations(ctx))
    for (auto& o : *all)
      if (actions::CanEditInOrganization(ctx.identity, o.id)) out.push_back(std::move(o));
  return out;
}

HttpResponse DashboardPage(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  boost::json::array orgs;
  for (const auto& o : EditableOrganizations(c.ctx)) {
    actions::SearchRequest req;
    req.fq = {"organization:\"" + o.slug + "\""};
    req.rows = 100;
    req.sort = "metadata_modified desc";
    req.include_private = true;
    auto found = actions::SearchDatasets(c.ctx, req);
    if (!found) return c.Failure(found.error());
    boost::json::array datasets;
    for (const auto& d : found->results) {
      auto item = DatasetSummary(d, &o, c.lang);
      item["private"] = d.is_private;
      item["edit_url"] = "/dataset/" + PercentEncodeSegment(d.slug) + "/edit";
      datasets.emplace_back(std::move(item));
    }
    orgs.emplace_back(boost::json::object{{"title", Localized(o.title, c.lang)},
                                          {"url", "/organization/" + PercentEncodeSegment(o.slug)},
                                          {"new_url", "/dataset/new?organization=" + PercentEncodeSegment(o.slug)},
                                          {"members_url", "/organization/" + PercentEncodeSegment(o.slug) + "/members"},
                                          {"total", found->total},
                                          {"datasets", datasets}});
  }
  boost::json::object data{{"organizations", orgs}, {"has_organizations", !orgs.empty()},
                           {"flash", c.req.Query("saved").has_value()}};
  return c.Render("dashboard", std::move(data), c.Frame(Translate(c.lang, "dashboard_title")));
}

}  // namespace pintu::http::web

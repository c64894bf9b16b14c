// GET /organization (central and local agencies, with dataset counts) and
// GET /organization/{slug} (one agency and its datasets).
#include <boost/json.hpp>

#include "actions/adoptions.h"
#include "actions/organizations.h"
#include "actions/software.h"
#include "actions/quality_scores.h"
#include "quality/indicators/indicator.h"
#include "http/web/catalog_lookup.h"
#include "http/web/pages.h"
#include "http/web/software_view.h"
#include "http/web/view.h"

namespace pintu::http::web {

HttpResponse OrganizationListPage(PageCall& c) {
  auto orgs = actions::ListOrganizations(c.ctx);
  if (!orgs) return c.Failure(orgs.error());
  auto counts = SearchForPage(c.ctx, c.lang, "", {}, "", 0, 0, {"organization"});
  if (!counts) return c.Failure(counts.error());
  auto per_org = FacetCounts(*counts, "organization");
  boost::json::array central, local, other;
  for (const auto& o : *orgs) {
    boost::json::object item{{"title", Localized(o.title, c.lang)},
                             {"url", "/organization/" + PercentEncodeSegment(o.slug)},
                             {"count", per_org[o.slug]}};
    (o.level == OrgLevel::kCentral ? central : o.level == OrgLevel::kLocal ? local : other).emplace_back(std::move(item));
  }
  boost::json::object data{{"central", central}, {"local", local}, {"other", other},
                           {"has_other", !other.empty()}};
  return c.Render("organizations", std::move(data), c.Frame(Translate(c.lang, "organizations_title")));
}

HttpResponse OrganizationPage(PageCall& c) {
  auto org = actions::ShowOrganization(c.ctx, c.req.Param("slug"));
  if (!org) return c.Failure(org.error());
  auto found = SearchForPage(c.ctx, c.lang, "", {"organization:\"" + org->slug + "\""}, "metadata_modified desc", 50, 0);
  if (!found) return c.Failure(found.error());
  // The fixes that would raise this agency's MQA points most (from stored snapshots).
  auto fixes = actions::ShowTopFixes(c.ctx, org->slug, kFrameworkMqa, 5);
  if (!fixes) return c.Failure(fixes.error());
  boost::json::array top_fixes;
  for (const auto& f : *fixes) {
    const quality::IndicatorDefinition* d = quality::FindIndicator(f.indicator_id);
    if (!d) continue;
    std::string gain = Translate(c.lang, "quality_fix_gain");
    auto put = [&gain](std::string_view key, const std::string& value) {
      if (auto at = gain.find(key); at != std::string::npos) gain.replace(at, key.size(), value);
    };
    put("{points}", std::to_string(static_cast<int>(std::lround(f.points))));
    put("{datasets}", std::to_string(f.datasets));
    top_fixes.emplace_back(boost::json::object{{"name", c.lang == kEn ? d->name_en : d->name_zh},
                                               {"hint", c.lang == kEn ? d->hint_en : d->hint_zh},
                                               {"gain", gain}});
  }
  // Its public code and the public code it reuses, beside its datasets.
  auto software = actions::ListSoftware(c.ctx, org->id);
  if (!software) return c.Failure(software.error());
  boost::json::array published, reused;
  for (const auto& s : *software)
    published.emplace_back(SoftwareSummary(s, &*org, actions::CountAdopters(c.ctx.store, s.id).value_or(0), c.lang));
  auto adoptions = actions::ListAdoptionsByOrganization(c.ctx, org->id);
  if (!adoptions) return c.Failure(adoptions.error());
  for (const auto& a : *adoptions) {
    auto s = c.ctx.store.GetSoftware(a.software_id);
    if (!s) continue;
    auto publisher = c.ctx.store.GetOrganization(s->organization_id);
    auto item = SoftwareSummary(*s, publisher ? &*publisher : nullptr, actions::CountAdopters(c.ctx.store, s->id).value_or(0), c.lang);
    item["adopted_version"] = a.version;
    item["adopted_since"] = a.since;
    reused.emplace_back(std::move(item));
  }
  boost::json::object data{
      {"software", published},
      {"software_count", static_cast<int64_t>(published.size())},
      {"has_software", !published.empty()},
      {"reused", reused},
      {"has_reused", !reused.empty()},
      {"top_fixes", top_fixes},
      {"has_top_fixes", !top_fixes.empty()},
      {"title", Localized(org->title, c.lang)},
      {"description", Localized(org->description, c.lang)},
      {"has_description", !org->description.Values().empty()},
      {"level", Translate(c.lang, "level_" + std::string(ToCode(org->level)))},
      {"homepage", org->homepage},
      {"total", found->total},
      {"results", found->results},
      {"more_url", found->total > 50 ? boost::json::value("/dataset?organization=" + PercentEncodeSegment(org->slug))
                                     : boost::json::value(false)},
  };
  PageFrame f = c.Frame(Localized(org->title, c.lang)["text"].as_string().c_str());
  f.path = "/organization/" + PercentEncodeSegment(org->slug);
  f.description = Excerpt(org->description.Best(c.lang), 200);
  f.feed_url = f.path + "/feed.atom" + (c.lang == kEn ? "?lang=en" : "");
  return c.Render("organization", std::move(data), f);
}

}  // namespace pintu::http::web

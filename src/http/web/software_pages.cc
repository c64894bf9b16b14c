// The public code registry in the portal:
//   GET /software                        search and browse with facets (no JavaScript needed)
//   GET /software/{slug}                 one entry: what it is, publisher, licence, maintenance,
//                                        vitality, readiness, adopters, datasets, versions
//   GET /software/{slug}/procurement     printable procurement summary
//   GET /software/{slug}/publiccode.yml  the current file
#include <boost/json.hpp>

#include "actions/adoptions.h"
#include "actions/authz.h"
#include "actions/datasets.h"
#include "actions/search_sync.h"
#include "actions/software.h"
#include "actions/software_fields.h"
#include "core/model_json.h"
#include "core/time.h"
#include "formats/publiccode/report.h"
#include "http/web/catalog_lookup.h"
#include "http/web/pages.h"
#include "http/web/software_view.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace json = boost::json;
namespace pc = formats::publiccode;
namespace {

constexpr int64_t kRows = 20;

// Facets of the software search page, in display order, with their label keys.
constexpr std::pair<std::string_view, std::string_view> kFacets[] = {
    {"category", "facet_category"},         {"piece_size", "facet_piece_size"},
    {"maintenance_status", "facet_maintenance"}, {"license", "facet_license"},
    {"organization", "facet_organization"}, {"level", "facet_level"},
};

std::string Url(const Pairs& params) {
  std::string url = "/software";
  char sep = '?';
  for (const auto& [k, v] : params) {
    url += sep + PercentEncodeSegment(k) + "=" + PercentEncodeSegment(v);
    sep = '&';
  }
  return url;
}

std::string Replace(std::string text, std::string_view key, const std::string& value) {
  if (auto at = text.find(key); at != std::string::npos) text.replace(at, key.size(), value);
  return text;
}

// The entry with everything the entry page and the procurement page share.
Result<json::object> EntryData(PageCall& c, const Software& s) {
  auto org = c.ctx.store.GetOrganization(s.organization_id);
  if (!org) return std::unexpected(org.error());
  auto adoptions = actions::ListAdoptionsOfSoftware(c.ctx, s.id);
  if (!adoptions) return std::unexpected(adoptions.error());
  auto orgs = OrganizationsById(c.ctx);
  json::array adopters;
  for (const auto& a : *adoptions) {
    auto o = orgs.find(a.organization_id);
    json::object item{{"agency", o != orgs.end() ? json::value(Localized(o->second.title, c.lang)) : json::value(nullptr)},
                      {"agency_url", o != orgs.end() ? "/organization/" + PercentEncodeSegment(o->second.slug) : std::string()},
                      {"version", a.version},
                      {"since", a.since},
                      {"vendor", a.vendor},
                      {"contract_reference", a.contract_reference},
                      {"contract_until", a.contract_until},
                      {"owner", Translate(c.lang, "custom_owner_" + a.customisations_owner)},
                      {"contact_name", a.contact_name},
                      {"contact_email", a.contact_email}};
    adopters.push_back(std::move(item));
  }
  int64_t adopter_count = actions::CountAdopters(c.ctx.store, s.id).value_or(0);
  json::object data = SoftwareSummary(s, &*org, adopter_count, c.lang);
  data["slug"] = s.slug;
  data["adoptions"] = std::move(adopters);
  data["has_adoptions"] = !data["adoptions"].as_array().empty();
  data["licence"] = LicenceView(s.license, c.lang);
  data["vitality"] = VitalityView(s.vitality_json, c.lang);
  data["readiness"] = ReadinessView(s, c.lang);
  data["repository_url"] = s.repository_url;
  data["source"] = Translate(c.lang, "software_source_" + std::string(ToCode(s.source)));
  data["crawled_at"] = DateOnly(s.crawled_at);
  data["crawl_error"] = s.crawl_error;
  data["development_status"] = s.development_status.empty() ? std::string() : Translate(c.lang, "devstatus_" + s.development_status);
  data["software_type"] = s.software_type;
  data["maintenance_type"] = s.maintenance_type.empty() ? std::string() : Translate(c.lang, "mainttype_" + s.maintenance_type);
  json::array contracts;
  for (const auto& until : s.contract_until) contracts.push_back(json::value(until));
  // The parsed file for what the summary fields do not carry.
  if (!s.publiccode_yml.empty()) {
    pc::ValidationResult result = actions::ValidateForRegistry(s.publiccode_yml);
    if (result.document) {
      const pc::Publiccode& doc = *result.document;
      const pc::Description* d = actions::DescriptionFor(doc, c.lang == kEn ? kLangEn : kLangZh);
      bool fallback = false;
      if (!d) {
        d = actions::DescriptionFor(doc, c.lang == kEn ? kLangZh : kLangEn);
        fallback = true;
      }
      if (!d && !doc.description.empty()) d = &doc.description.begin()->second;
      if (d) {
        if (d->localised_name && !d->localised_name->empty() && !fallback) data["name"] = *d->localised_name;
        data["long_description"] = d->long_description.value_or("");
        data["long_description_fallback"] = fallback;
        json::array features;
        for (const auto& f : d->features.value_or(std::vector<std::string>{})) features.push_back(json::value(f));
        data["features"] = std::move(features);
        data["documentation"] = d->documentation.value_or("");
      }
      json::array contractors;
      for (const auto& ct : doc.maintenance.contractors.value_or(std::vector<pc::Contractor>{}))
        contractors.push_back(json::object{{"name", ct.name}, {"until", ct.until}, {"website", ct.website.value_or("")}});
      data["contractors"] = std::move(contractors);
      json::array contacts;
      for (const auto& ct : doc.maintenance.contacts.value_or(std::vector<pc::Contact>{}))
        contacts.push_back(json::object{{"name", ct.name}, {"email", ct.email.value_or("")}, {"affiliation", ct.affiliation.value_or("")}});
      data["contacts"] = std::move(contacts);
      json::array platforms, categories, depends, used_by, based_on, languages;
      for (const auto& p : doc.platforms) platforms.push_back(json::value(p));
      for (const auto& x : s.categories) categories.push_back(json::value(x));
      if (doc.depends_on)
        for (const auto* list : {&doc.depends_on->open, &doc.depends_on->proprietary, &doc.depends_on->hardware})
          if (*list)
            for (const auto& dep : **list) depends.push_back(json::value(dep.name + (dep.version_min ? " ≥ " + *dep.version_min : "")));
      for (const auto& u : doc.used_by.value_or(std::vector<std::string>{})) used_by.push_back(json::value(u));
      for (const auto& b : doc.is_based_on) based_on.push_back(json::value(b));
      for (const auto& l : doc.localisation.available_languages.value_or(std::vector<std::string>{})) languages.push_back(json::value(l));
      data["platforms"] = std::move(platforms);
      data["categories"] = std::move(categories);
      data["depends_on"] = std::move(depends);
      data["declared_used_by"] = std::move(used_by);
      data["is_based_on"] = std::move(based_on);
      data["languages"] = std::move(languages);
      data["software_version"] = doc.software_version.value_or("");
      data["release_date"] = doc.release_date.value_or("");
      data["roadmap"] = doc.roadmap.value_or("");
      data["landing_url"] = doc.landing_url.value_or("");
      if (doc.taiwan) {
        json::array stacks, scanners;
        for (const auto& t : doc.taiwan->tech_stacks) stacks.push_back(json::value(t));
        for (const auto& t : doc.taiwan->vulnerability_scanners) scanners.push_back(json::value(t));
        data["tw"] = json::object{{"tech_stacks", std::move(stacks)},
                                  {"scanners", std::move(scanners)},
                                  {"accessibility", doc.taiwan->accessibility_conformance.value_or("")},
                                  {"openapi", doc.taiwan->openapi.value_or("")}};
      }
      json::array warnings;
      for (const auto& w : result.warnings)
        warnings.push_back(json::object{{"key", w.key}, {"message", c.lang == kEn ? w.message : w.message_zh}});
      data["warnings"] = std::move(warnings);
    }
  }
  json::array links;
  for (const auto& l : s.datasets) {
    auto d = actions::ShowDataset(c.ctx, l.dataset_id);
    if (!d) continue;
    links.push_back(json::object{{"title", Localized(d->title, c.lang)},
                                 {"url", "/dataset/" + PercentEncodeSegment(d->slug)},
                                 {"relation", Translate(c.lang, "software_relation_" + l.relation)}});
  }
  // Mustache cannot test a list for emptiness before its heading: has_<list> flags.
  for (std::string key : {"features", "categories", "platforms", "languages", "depends_on", "is_based_on",
                          "declared_used_by", "warnings"})
    data["has_" + key] = data.contains(key) && data[key].is_array() && !data[key].as_array().empty();
  if (auto* tw = data.if_contains("tw"); tw && tw->is_object())
    for (std::string key : {"tech_stacks", "scanners"})
      tw->as_object()["has_" + key] = !tw->as_object()[key].as_array().empty();
  data["has_datasets"] = !links.empty();
  data["datasets"] = std::move(links);
  data["can_edit"] = actions::CanEditInOrganization(c.ctx.identity, s.organization_id);
  return data;
}

}  // namespace

HttpResponse SoftwareListPage(PageCall& c) {
  const HttpRequest& req = c.req;
  std::string q = req.Query("q").value_or("");
  std::string sort = req.Query("sort").value_or("");
  int64_t page = 1;
  if (auto p = req.Query("page"); p && !p->empty() && p->size() < 6 && p->find_first_not_of("0123456789") == std::string::npos)
    page = std::max<int64_t>(1, std::stoll(*p));
  search::SoftwareQuery query;
  query.q = q;
  query.sort = sort.empty() ? "score" : sort;
  query.offset = (page - 1) * kRows;
  query.limit = kRows;
  for (const auto& [key, label] : kFacets) query.facets.emplace_back(key);
  Pairs base;
  if (!q.empty()) base.emplace_back("q", q);
  auto orgs = OrganizationsById(c.ctx);
  std::map<std::string, std::string> org_id_of_slug;
  for (const auto& [id, o] : orgs) org_id_of_slug[o.slug] = id;
  for (const auto& [key, label] : kFacets)
    for (const auto& v : req.QueryAll(key))
      if (!v.empty()) {
        // Publishers appear by slug in URLs; the index filters by id.
        std::string value = v;
        if (key == "organization")
          if (auto it = org_id_of_slug.find(v); it != org_id_of_slug.end()) value = it->second;
        query.filters[std::string(key)].push_back(value);
        base.emplace_back(std::string(key), v);
      }
  if (!sort.empty()) base.emplace_back("sort", sort);

  auto display = [&](std::string_view key, const std::string& value) -> std::string {
    if (key == "organization") {
      if (auto id = org_id_of_slug.find(value); id != org_id_of_slug.end())
        if (auto o = orgs.find(id->second); o != orgs.end()) return o->second.title.Best(c.lang);
    }
    if (key == "level") return Translate(c.lang, "level_" + value);
    if (key == "piece_size") return Translate(c.lang, "piece_" + value);
    if (key == "maintenance_status") return Translate(c.lang, "maint_" + value);
    if (key == "category") return TranslateOr(c.lang, "category_" + value, value);
    return value;
  };
  auto label_of = [](std::string_view key) {
    for (const auto& [k, label] : kFacets)
      if (k == key) return std::string(label);
    return std::string("facet_") + std::string(key);
  };

  PageFrame f = c.Frame(q.empty() ? Translate(c.lang, "software_title") : q + " — " + Translate(c.lang, "software_title"));
  f.description = Translate(c.lang, "software_intro");
  json::object data{{"q", q}};
  for (std::string_view s : {"score", "name", "modified", "adopters"})
    data["sort_" + std::string(s)] = (sort.empty() ? "score" : sort) == s;
  json::array active;
  for (const auto& [k, v] : base) {
    if (k == "q" || k == "sort") continue;
    Pairs without;
    for (const auto& p : base)
      if (!(p.first == k && p.second == v)) without.push_back(p);
    active.push_back(json::object{{"label", Translate(c.lang, label_of(k))}, {"value", display(k, v)}, {"remove_url", Url(without)}});
  }
  data["active"] = active;
  data["has_active"] = !active.empty();
  data["can_register"] = c.LoggedIn();
  if (!c.ctx.search) return c.Failure(Error::Internal("no search index"));
  auto hits = c.ctx.search->SearchSoftware(query);
  if (!hits) {
    if (hits.error().code == ErrorCode::kInternal) return c.Failure(hits.error());
    data["error"] = hits.error().message;
    f.status = 400;
    return c.Render("software_list", std::move(data), f);
  }
  json::array results;
  for (const auto& id : hits->ids) {
    auto s = c.ctx.store.GetSoftware(id);
    if (!s) continue;
    auto o = orgs.find(s->organization_id);
    results.push_back(SoftwareSummary(*s, o == orgs.end() ? nullptr : &o->second,
                                      actions::CountAdopters(c.ctx.store, s->id).value_or(0), c.lang));
  }
  json::array facets;
  for (const auto& [key, counts] : hits->facets) {
    json::array items;
    for (const auto& fc : counts) {
      if (items.size() >= 12) break;
      bool selected = false;
      for (const auto& [k, v] : base) selected |= (k == key && v == fc.value);
      std::string value = fc.value;
      if (key == "organization")
        if (auto o = orgs.find(fc.value); o != orgs.end()) value = o->second.slug;
      for (const auto& [k, v] : base) selected |= (k == key && v == value);
      if (selected || value.empty()) continue;
      Pairs with = base;
      with.emplace_back(key, value);
      items.push_back(json::object{{"label", display(key, value)}, {"count", fc.count}, {"url", Url(with)}});
    }
    if (!items.empty()) facets.push_back(json::object{{"title", Translate(c.lang, label_of(key))}, {"items", items}});
  }
  int64_t pages = (hits->total + kRows - 1) / kRows;
  auto page_url = [&](int64_t n) {
    Pairs p = base;
    if (n > 1) p.emplace_back("page", std::to_string(n));
    return Url(p);
  };
  json::array page_links;
  for (int64_t n = std::max<int64_t>(1, page - 3); n <= pages && n <= page + 3; ++n)
    page_links.push_back(json::object{{"number", n}, {"url", page_url(n)}, {"current", n == page}});
  data["results"] = std::move(results);
  data["has_results"] = !data["results"].as_array().empty();
  data["total"] = hits->total;
  data["facets"] = std::move(facets);
  data["pages"] = std::move(page_links);
  data["has_pages"] = pages > 1;
  data["prev_url"] = page > 1 ? json::value(page_url(page - 1)) : json::value(false);
  data["next_url"] = page < pages ? json::value(page_url(page + 1)) : json::value(false);
  json::array hidden;
  for (const auto& [k, v] : base)
    if (k != "q" && k != "sort") hidden.push_back(json::object{{"name", k}, {"value", v}});
  data["hidden"] = std::move(hidden);
  return c.Render("software_list", std::move(data), f);
}

HttpResponse SoftwarePage(PageCall& c) {
  auto s = actions::ShowSoftware(c.ctx, c.req.Param("slug"));
  if (!s) return c.Failure(s.error());
  auto data = EntryData(c, *s);
  if (!data) return c.Failure(data.error());
  auto versions = actions::ListSoftwareVersions(c.ctx, s->id, 0, 10);
  json::array history;
  if (versions)
    for (const auto& v : *versions)
      history.push_back(json::object{{"date", DateOnly(v.recorded_at)},
                                     {"commit", v.head_commit.substr(0, 12)},
                                     {"version", v.software_version},
                                     {"valid", v.valid},
                                     {"errors", v.error_count},
                                     {"warnings", v.warning_count},
                                     {"crawl_error", v.crawl_error}});
  (*data)["versions"] = std::move(history);
  (*data)["has_versions"] = !(*data)["versions"].as_array().empty();
  (*data)["version_count"] = c.ctx.store.CountSoftwareVersions(s->id).value_or(0);
  (*data)["csrf"] = c.csrf;
  (*data)["logged_in"] = c.LoggedIn();
  (*data)["is_git"] = s->source == SoftwareSource::kGit;
  (*data)["crawl_requested"] = c.req.Query("crawl").value_or("") == "queued";
  PageFrame f = c.Frame(s->name.empty() ? s->slug : s->name);
  f.path = "/software/" + PercentEncodeSegment(s->slug);
  f.description = Excerpt(s->short_description.Best(c.lang), 200);
  return c.Render("software", std::move(*data), f);
}

HttpResponse SoftwareProcurementPage(PageCall& c) {
  auto s = actions::ShowSoftware(c.ctx, c.req.Param("slug"));
  if (!s) return c.Failure(s.error());
  auto data = EntryData(c, *s);
  if (!data) return c.Failure(data.error());
  (*data)["printed_on"] = TodayIso();
  (*data)["page_url"] = c.ctx.config.EffectiveSiteUrl() + "/software/" + PercentEncodeSegment(s->slug);
  PageFrame f = c.Frame(Replace(Translate(c.lang, "procurement_title"), "{name}", s->name.empty() ? s->slug : s->name));
  f.path = "/software/" + PercentEncodeSegment(s->slug) + "/procurement";
  return c.Render("software_procurement", std::move(*data), f);
}

HttpResponse SoftwarePubliccodeFile(PageCall& c) {
  auto s = actions::ShowSoftware(c.ctx, c.req.Param("slug"));
  if (!s) return c.Failure(s.error());
  if (s->publiccode_yml.empty()) return c.NotFound();
  HttpResponse r;
  r.content_type = "application/yaml;charset=utf-8";
  r.body = s->publiccode_yml;
  r.SetHeader("Content-Disposition", "attachment; filename=\"publiccode.yml\"");
  r.SetHeader("X-Content-Type-Options", "nosniff");
  return r;
}

}  // namespace pintu::http::web

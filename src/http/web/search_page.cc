// GET /dataset: search with facets and pagination. Works without JavaScript: filters are
// links, the form is a plain GET.
#include <boost/json.hpp>

#include "http/web/catalog_lookup.h"
#include "http/web/pages.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace {

constexpr size_t kRows = 20;

// Filter parameters of the search page (named as the fq fields they set) and the
// translation key of each one's label.
struct FilterParam {
  std::string_view param;
  std::string_view label_key;
};
constexpr FilterParam kFilters[] = {
    {"organization", "facet_organization"}, {"organization_level", "facet_level"}, {"groups", "facet_topic"},
    {"res_format", "facet_format"},         {"tags", "facet_tag"},              {"license_id", "facet_license"},
};

std::string LabelKey(std::string_view param) {
  for (const auto& f : kFilters)
    if (f.param == param) return std::string(f.label_key);
  return "facet_" + std::string(param);
}

std::string Quote(const std::string& v) {
  std::string out = "\"";
  for (char ch : v)
    if (ch != '"') out += ch;
  return out + "\"";
}

// "/dataset?…" from parameters.
std::string Url(const Pairs& params) {
  std::string url = "/dataset";
  char sep = '?';
  for (const auto& [k, v] : params) {
    url += sep + PercentEncodeSegment(k) + "=" + PercentEncodeSegment(v);
    sep = '&';
  }
  return url;
}

}  // namespace

HttpResponse SearchPage(PageCall& c) {
  const HttpRequest& req = c.req;
  std::string q = req.Query("q").value_or("");
  std::string sort_param = req.Query("sort").value_or("");
  std::string sort = sort_param == "newest" ? "metadata_modified desc"
                     : sort_param == "title" ? "title_string asc"
                     : sort_param == "popular" ? "views desc"
                                               : "";
  size_t page = 1;
  if (auto p = req.Query("page")) {
    try {
      long v = std::stol(*p);
      if (v >= 1 && v <= 10000) page = static_cast<size_t>(v);
    } catch (...) {
    }
  }
  // The parameters that define this search (for links that change one of them).
  Pairs base;
  if (!q.empty()) base.emplace_back("q", q);
  std::vector<std::string> fq;
  boost::json::array active;
  for (const auto& f : kFilters) {
    for (const auto& v : req.QueryAll(f.param)) {
      if (v.empty()) continue;
      base.emplace_back(std::string(f.param), v);
      fq.push_back(std::string(f.param) + ":" + Quote(v));
    }
  }
  if (!sort_param.empty()) base.emplace_back("sort", sort_param);
  // What a person reads for a filter value: publisher, topic and licence titles, level names.
  auto orgs = OrganizationsById(c.ctx);
  std::map<std::string, std::string> org_title;
  for (const auto& [id, o] : orgs) org_title[o.slug] = o.title.Best(c.lang);
  auto display = [&](std::string_view field, const std::string& value) -> std::string {
    if (field == "organization" && org_title.count(value)) return org_title[value];
    if (field == "organization_level") return Translate(c.lang, "level_" + value);
    if (field == "groups") {
      if (auto t = c.ctx.store.GetTopic(value)) return Localized(t->title, c.lang)["text"].as_string().c_str();
    }
    if (field == "license_id") return LicenseView(value, c.lang)["title"].as_string().c_str();
    return value;
  };
  for (const auto& [k, v] : base) {
    if (k == "q" || k == "sort") continue;
    Pairs without;
    for (const auto& p : base)
      if (!(p.first == k && p.second == v)) without.push_back(p);
    active.emplace_back(boost::json::object{{"label", Translate(c.lang, LabelKey(k))},
                                            {"value", display(k, v)},
                                            {"remove_url", Url(without)}});
  }

  PageFrame f = c.Frame(q.empty() ? Translate(c.lang, "search_title") : q + " — " + Translate(c.lang, "search_title"));
  boost::json::object data{{"q", q}, {"active", active}, {"has_active", !active.empty()}};
  for (std::string_view s : {"relevance", "newest", "title", "popular"})
    data["sort_" + std::string(s)] = (sort_param.empty() ? "relevance" : sort_param) == s;

  auto found = SearchForPage(c.ctx, c.lang, q, fq, sort, kRows, (page - 1) * kRows,
                             {"organization", "organization_level", "groups", "res_format", "tags", "license_id"});
  if (!found) {
    // A bad query is the searcher's to fix: say what is wrong next to the box.
    if (found.error().code == ErrorCode::kInternal) return c.Failure(found.error());
    std::string message = found.error().message;
    for (const auto& fe : found.error().fields)
      message = c.lang == kZh && !fe.message_zh.empty() ? fe.message_zh : fe.message;
    data["error"] = message;
    f.status = 400;
    return c.Render("search", std::move(data), f);
  }

  boost::json::array facets;
  for (const auto& [field, list] : found->facets) {
    if (list.empty()) continue;
    boost::json::array items;
    for (const auto& fc : list) {
      if (items.size() >= 12) break;
      bool selected = false;
      for (const auto& [k, v] : base) selected |= (k == field && v == fc.value);
      if (selected) continue;
      Pairs with = base;
      with.emplace_back(field, fc.value);
      items.emplace_back(boost::json::object{{"label", display(field, fc.value)}, {"count", fc.count}, {"url", Url(with)}});
    }
    if (items.empty()) continue;
    facets.emplace_back(boost::json::object{{"title", Translate(c.lang, LabelKey(field))}, {"items", items}});
  }

  size_t pages = static_cast<size_t>((found->total + static_cast<int64_t>(kRows) - 1) / static_cast<int64_t>(kRows));
  boost::json::array page_links;
  auto page_url = [&](size_t n) {
    Pairs p = base;
    if (n > 1) p.emplace_back("page", std::to_string(n));
    return Url(p);
  };
  for (size_t n = page > 3 ? page - 3 : 1; n <= pages && n <= page + 3; ++n)
    page_links.emplace_back(boost::json::object{{"number", static_cast<int64_t>(n)}, {"url", page_url(n)}, {"current", n == page}});
  data["results"] = found->results;
  data["has_results"] = !found->results.empty();
  data["total"] = found->total;
  data["facets"] = facets;
  data["pages"] = page_links;
  data["has_pages"] = pages > 1;
  data["prev_url"] = page > 1 ? boost::json::value(page_url(page - 1)) : boost::json::value(false);
  data["next_url"] = page < pages ? boost::json::value(page_url(page + 1)) : boost::json::value(false);
  if (!found->did_you_mean.empty()) {
    Pairs p = base;
    for (auto& [k, v] : p)
      if (k == "q") v = found->did_you_mean;
    data["did_you_mean"] = boost::json::object{{"q", found->did_you_mean}, {"url", Url(p)}};
  }
  Pairs sort_base;
  for (const auto& p : base)
    if (p.first != "sort") sort_base.push_back(p);
  data["hidden"] = boost::json::array{};
  for (const auto& p : sort_base)
    if (p.first != "q") data["hidden"].as_array().emplace_back(boost::json::object{{"name", p.first}, {"value", p.second}});
  f.description = Translate(c.lang, "search_description");
  return c.Render("search", std::move(data), f);
}

}  // namespace pintu::http::web

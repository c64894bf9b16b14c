// CKAN status_show, site_read, tag_list and package_activity_list.
#include "actions/activity.h"
#include "core/model_json.h"
#include "http/ckan/call.h"

namespace json = boost::json;

namespace pintu::http::ckan {
namespace {

Result<json::value> StatusShow(Call& c) {
  const Config& cfg = c.ctx.config;
  return json::object{
      {"site_title", cfg.site_title_zh + " / " + cfg.site_title_en},
      {"site_description", "開放資料與公共程式平臺 / Open data and public code platform"},
      {"site_url", cfg.EffectiveSiteUrl()},
      {"ckan_version", "2.10.0"},
      {"pintu_version", "0.1.0"},
      {"locale_default", "zh_Hant_TW"},
      {"extensions", json::array{}},
  };
}

Result<json::value> SiteRead(Call&) { return true; }

Result<json::value> TagList(Call& c) {
  auto q = GetString(c.params.values, "query");
  if (!q) return Fail(q);
  auto limit = GetCount(c.params.values, "limit", 1000, 10000);
  if (!limit) return Fail(limit);
  auto tags = c.ctx.store.ListTags(q->value_or(""), *limit);
  if (!tags) return Fail(tags);
  json::array out;
  for (auto& t : *tags) out.emplace_back(t);
  return out;
}

Result<json::value> PackageActivityList(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto paging = GetPaging(c.params.values, 31, 1000);
  if (!paging) return Fail(paging);
  auto list = actions::ListDatasetActivity(c.ctx, *id, paging->offset, paging->limit);
  if (!list) return Fail(list);
  json::array out;
  for (const auto& a : *list) {
    json::value diff = ParseJson(a.diff_json).value_or(json::object{});
    out.emplace_back(json::object{{"id", a.id},
                                  {"timestamp", a.timestamp},
                                  {"user_id", a.actor},
                                  {"object_id", a.object_id},
                                  {"activity_type", a.activity_type},
                                  {"data", json::object{{"changes", std::move(diff)}}}});
  }
  return out;
}

}  // namespace

const ActionEntry kSiteActions[] = {
    {"status_show", StatusShow, false},
    {"site_read", SiteRead, false},
    {"tag_list", TagList, false},
    {"package_activity_list", PackageActivityList, false},
};
const size_t kSiteActionCount = std::size(kSiteActions);

}  // namespace pintu::http::ckan

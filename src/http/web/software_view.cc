#include "http/web/software_view.h"

#include <boost/json.hpp>

#include "actions/software.h"
#include "actions/software_fields.h"
#include "code/licence_summary.h"
#include "code/readiness.h"
#include "core/clock.h"
#include "core/model_json.h"
#include "core/text.h"
#include "core/time.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace json = boost::json;
namespace {

int64_t IntOf(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) return 0;
  if (it->value().is_int64()) return it->value().get_int64();
  if (it->value().is_uint64()) return static_cast<int64_t>(it->value().get_uint64());
  return 0;
}

}  // namespace

json::object MaintenanceStatusView(std::string_view code, Lang lang) {
  std::string c = code.empty() ? "unknown" : std::string(code);
  return json::object{{"code", c},
                      {"label", Translate(lang, "maint_" + c)},
                      {"explain", Translate(lang, "maint_" + c + "_explain")}};
}

json::object SoftwareSummary(const Software& s, const Organization* publisher, int64_t adopters, Lang lang) {
  std::string piece(actions::PieceSize(s.software_type));
  std::string used_by = Translate(lang, "software_used_by");
  if (auto at = used_by.find("{n}"); at != std::string::npos) used_by.replace(at, 3, std::to_string(adopters));
  json::object o{{"url", "/software/" + PercentEncodeSegment(s.slug)},
                 {"name", s.name.empty() ? s.slug : s.name},
                 {"description", Localized(s.short_description, lang)},
                 {"has_description", !s.short_description.Empty()},
                 {"piece", piece.empty() ? std::string() : Translate(lang, "piece_" + piece)},
                 {"license", s.license},
                 {"status", MaintenanceStatusView(actions::CurrentMaintenanceStatus(s, TodayIso()), lang)},
                 {"adopters", adopters},
                 {"used_by", used_by},
                 {"valid", s.valid}};
  if (publisher) {
    o["publisher"] = Localized(publisher->title, lang);
    o["publisher_url"] = "/organization/" + PercentEncodeSegment(publisher->slug);
  }
  return o;
}

json::object VitalityView(std::string_view vitality_json, Lang lang) {
  auto parsed = ParseJson(vitality_json);
  if (vitality_json.empty() || !parsed || !parsed->is_object()) return json::object{{"has", false}};
  const json::object& v = parsed->get_object();
  json::array rows;
  for (std::string_view what : {"commits", "contributors", "releases"})
    rows.push_back(json::object{{"label", Translate(lang, "vitality_" + std::string(what))},
                                {"d60", IntOf(v, std::string(what) + "_60d")},
                                {"d365", IntOf(v, std::string(what) + "_365d")}});
  json::object out{{"has", true}, {"score", IntOf(v, "score")}, {"rows", std::move(rows)}};
  if (int64_t last = IntOf(v, "last_commit_unix"); last > 0) out["last_commit"] = IsoFromUnixMillis(last * 1000).substr(0, 10);
  return out;
}

json::object ReadinessView(const Software& s, Lang lang) {
  const bool en = lang == kEn;
  actions::ReadinessSummary summary = actions::CurrentReadiness(s);
  json::array criteria;
  for (const auto& a : summary.criteria) {
    const code::CriterionInfo* info = nullptr;
    for (const auto& i : code::AllCriteria())
      if (i.code == a.code) info = &i;
    if (!info) continue;
    json::array evidence;
    for (const auto& e : en ? a.evidence_en : a.evidence_zh) evidence.emplace_back(e);
    criteria.push_back(json::object{{"code", a.code},
                                    {"name", en ? info->name_en : info->name_zh},
                                    {"explain", en ? info->explain_en : info->explain_zh},
                                    {"state", json::object{{"code", a.state}, {"label", Translate(lang, "readiness_" + a.state)}}},
                                    {"how", Translate(lang, a.source == "automatic" ? "readiness_automatic"
                                                            : a.source == "self"    ? "readiness_self"
                                                                                    : "readiness_unanswered")},
                                    {"evidence", std::move(evidence)},
                                    {"note", a.note}});
  }
  return json::object{{"met", summary.met}, {"total", static_cast<int64_t>(criteria.size())}, {"criteria", std::move(criteria)}};
}

json::object LicenceView(std::string_view spdx_expression, Lang lang) {
  code::LicenceSummary l = code::SummariseLicence(spdx_expression);
  return json::object{{"expression", l.expression},
                      {"osi", l.osi_approved},
                      {"copyleft", l.copyleft},
                      {"plain", lang == kEn ? l.plain_en : l.plain_zh}};
}

}  // namespace pintu::http::web

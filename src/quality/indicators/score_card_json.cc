#include "quality/indicators/score_card_json.h"

#include <boost/json.hpp>

#include "core/clock.h"
#include "quality/indicators/indicator.h"

namespace pintu::quality {
namespace json = boost::json;
namespace {

json::object Bilingual(std::string_view zh, std::string_view en) {
  return json::object{{"zh-TW", zh}, {"en", en}};
}

double Round2(double v) { return std::round(v * 100) / 100; }

const json::value* Field(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  return it == o.end() ? nullptr : &it->value();
}

std::optional<double> Number(const json::value* v) {
  if (!v) return std::nullopt;
  if (v->is_double()) return v->get_double();
  if (v->is_int64()) return double(v->get_int64());
  if (v->is_uint64()) return double(v->get_uint64());
  return std::nullopt;
}

std::string String(const json::value* v) { return v && v->is_string() ? std::string(v->get_string()) : std::string(); }

}  // namespace

json::object ScoreCardToJson(const ScoreCard& card, bool with_definitions) {
  json::object o;
  o["dataset_id"] = card.dataset_id;
  o["dataset_slug"] = card.dataset_slug;
  o["organization_id"] = card.organization_id;
  o["level"] = ToCode(card.level);
  o["published"] = card.published;
  o["computed_at"] = IsoFromUnixMillis(card.computed_at);
  json::array totals;
  for (const auto& t : card.totals)
    totals.push_back(json::object{{"framework", t.framework},
                                  {"points", Round2(t.points)},
                                  {"max_points", t.max_points},
                                  {"percent", Round2(t.Percent())},
                                  {"rating", t.rating}});
  o["totals"] = std::move(totals);
  json::array indicators;
  indicators.reserve(card.indicators.size());
  for (const auto& s : card.indicators) {
    json::object i;
    i["id"] = s.id;
    i["framework"] = s.framework;
    i["dimension"] = s.dimension;
    i["points"] = Round2(s.points);
    i["max_points"] = s.max_points;
    if (!s.resource_id.empty()) i["resource_id"] = s.resource_id;
    i["evidence"] = Bilingual(s.evidence.Get(kLangZh), s.evidence.Get(kLangEn));
    if (with_definitions) {
      if (const IndicatorDefinition* d = FindIndicator(s.id)) {
        i["name"] = Bilingual(d->name_zh, d->name_en);
        i["checks"] = Bilingual(d->checks_zh, d->checks_en);
        i["hint"] = Bilingual(d->hint_zh, d->hint_en);
      }
    }
    indicators.push_back(std::move(i));
  }
  o["indicators"] = std::move(indicators);
  return o;
}

Result<ScoreCard> ScoreCardFromJson(const json::value& v) {
  if (!v.is_object()) return std::unexpected(Error::Invalid("", "A score card must be a JSON object", "評分必須是 JSON 物件"));
  const json::object& o = v.get_object();
  ScoreCard card;
  card.dataset_id = String(Field(o, "dataset_id"));
  if (card.dataset_id.empty()) return std::unexpected(Error::Invalid("dataset_id", "Missing", "缺少"));
  card.dataset_slug = String(Field(o, "dataset_slug"));
  card.organization_id = String(Field(o, "organization_id"));
  card.level = ParseOrgLevel(String(Field(o, "level"))).value_or(OrgLevel::kOther);
  if (const json::value* p = Field(o, "published"); p && p->is_bool()) card.published = p->get_bool();
  if (auto at = UnixMillisFromIso(String(Field(o, "computed_at")))) card.computed_at = *at;
  else return std::unexpected(Error::Invalid("computed_at", "Must be an ISO date-time", "必須是 ISO 日期時間"));
  const json::value* totals = Field(o, "totals");
  if (!totals || !totals->is_array()) return std::unexpected(Error::Invalid("totals", "Must be an array", "必須是陣列"));
  for (size_t n = 0; n < totals->get_array().size(); ++n) {
    const auto& t = totals->get_array()[n];
    if (!t.is_object()) return std::unexpected(Error::Invalid("totals." + std::to_string(n), "Must be an object", "必須是物件"));
    FrameworkTotal ft;
    ft.framework = String(Field(t.get_object(), "framework"));
    auto points = Number(Field(t.get_object(), "points"));
    auto max = Number(Field(t.get_object(), "max_points"));
    if (ft.framework.empty() || !points || !max)
      return std::unexpected(Error::Invalid("totals." + std::to_string(n), "Needs framework, points and max_points", "需要 framework、points 與 max_points"));
    ft.points = *points;
    ft.max_points = *max;
    ft.rating = String(Field(t.get_object(), "rating"));
    card.totals.push_back(std::move(ft));
  }
  const json::value* indicators = Field(o, "indicators");
  if (!indicators || !indicators->is_array())
    return std::unexpected(Error::Invalid("indicators", "Must be an array", "必須是陣列"));
  card.indicators.reserve(indicators->get_array().size());
  for (size_t n = 0; n < indicators->get_array().size(); ++n) {
    const auto& i = indicators->get_array()[n];
    const std::string where = "indicators." + std::to_string(n);
    if (!i.is_object()) return std::unexpected(Error::Invalid(where, "Must be an object", "必須是物件"));
    const json::object& io = i.get_object();
    IndicatorScore s;
    s.id = String(Field(io, "id"));
    auto points = Number(Field(io, "points"));
    auto max = Number(Field(io, "max_points"));
    if (s.id.empty() || !points || !max)
      return std::unexpected(Error::Invalid(where, "Needs id, points and max_points", "需要 id、points 與 max_points"));
    s.points = *points;
    s.max_points = *max;
    s.framework = String(Field(io, "framework"));
    s.dimension = String(Field(io, "dimension"));
    s.resource_id = String(Field(io, "resource_id"));
    if (const json::value* ev = Field(io, "evidence"); ev && ev->is_object())
      s.evidence = LocalizedText::Both(String(Field(ev->get_object(), "zh-TW")), String(Field(ev->get_object(), "en")));
    card.indicators.push_back(std::move(s));
  }
  return card;
}

}  // namespace pintu::quality

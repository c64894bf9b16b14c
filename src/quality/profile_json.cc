#include "quality/profile_json.h"

#include <cmath>

#include <boost/json.hpp>

#include "quality/display_text.h"

namespace pintu::quality {
namespace {

boost::json::string DisplayText(std::string_view text, bool truncated) {
  std::string s = ToValidUtf8(text);
  if (truncated) s += "\xE2\x80\xA6";  // …
  return boost::json::string(s);
}

boost::json::value BoundToJson(const std::optional<ProfileBound>& b) {
  if (!b) return nullptr;
  switch (b->kind) {
    case ProfileBound::Kind::kInteger: return b->integer;
    case ProfileBound::Kind::kNumber:
      if (std::isfinite(b->number)) return b->number;
      return b->number > 0 ? "Infinity" : "-Infinity";
    case ProfileBound::Kind::kText: return DisplayText(b->text, b->truncated);
  }
  return nullptr;
}

template <typename T>
boost::json::value OptionalToJson(const std::optional<T>& v) {
  if (!v) return nullptr;
  return boost::json::value_from(*v);
}

}  // namespace

boost::json::object ColumnSummaryToJson(const ColumnSummary& s) {
  boost::json::object o;
  o["name"] = DisplayText(s.name, false);
  o["type"] = s.type;
  o["nonNull"] = s.non_null;
  o["nullCount"] = s.null_count;
  o["nullRatio"] = s.null_ratio;
  o["distinct"] = s.distinct;
  o["distinctExact"] = s.distinct_exact;
  o["unique"] = OptionalToJson(s.unique);
  o["keyCandidate"] = OptionalToJson(s.key_candidate);
  o["min"] = BoundToJson(s.min);
  o["max"] = BoundToJson(s.max);
  o["minLength"] = OptionalToJson(s.min_length);
  o["maxLength"] = OptionalToJson(s.max_length);
  boost::json::array top;
  for (const TopValue& t : s.top) {
    top.push_back(boost::json::object{{"value", DisplayText(t.value, t.truncated)}, {"count", t.count}});
  }
  o["top"] = std::move(top);
  o["topExact"] = s.top_exact;
  boost::json::array sample;
  for (const SampledValue& v : s.sample) sample.push_back(DisplayText(v.value, v.truncated));
  o["sample"] = std::move(sample);
  return o;
}

boost::json::object ProfileToJson(const TableProfile& profile) {
  boost::json::object o;
  o["rows"] = profile.rows();
  o["fields_count"] = profile.field_count();
  o["profiledFields"] = profile.profiled_field_count();
  boost::json::array fields;
  for (std::size_t i = 0; i < profile.profiled_field_count(); ++i) {
    fields.push_back(ColumnSummaryToJson(profile.Summarize(i)));
  }
  o["fields"] = std::move(fields);
  return o;
}

}  // namespace pintu::quality

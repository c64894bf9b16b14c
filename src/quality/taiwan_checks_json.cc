#include "quality/taiwan_checks_json.h"

#include <boost/json.hpp>

#include "quality/display_text.h"

namespace pintu::quality {

boost::json::object TaiwanWarningToJson(const TaiwanWarning& w) {
  boost::json::object o;
  o["type"] = w.type;
  o["severity"] = w.severity;
  o["fieldNumber"] = w.field_number;
  o["fieldName"] = ToValidUtf8(w.field_name);
  boost::json::array rows;
  for (std::uint64_t r : w.row_numbers) rows.push_back(r);
  o["rowNumbers"] = std::move(rows);
  o["count"] = w.count;
  o["example"] = ToValidUtf8(w.example);
  if (!w.suggestion.empty()) o["suggestion"] = ToValidUtf8(w.suggestion);
  o["message"] = ToValidUtf8(w.message.en);
  o["messageZh"] = ToValidUtf8(w.message.zh_tw);
  o["hint"] = w.hint.en;
  o["hintZh"] = w.hint.zh_tw;
  if (!w.formats.empty()) {
    boost::json::array formats;
    for (const auto& [name, count] : w.formats) formats.push_back(boost::json::object{{"format", name}, {"count", count}});
    o["formats"] = std::move(formats);
  }
  return o;
}

boost::json::array TaiwanWarningsToJson(const std::vector<TaiwanWarning>& warnings) {
  boost::json::array out;
  for (const TaiwanWarning& w : warnings) out.push_back(TaiwanWarningToJson(w));
  return out;
}

}  // namespace pintu::quality

#include "http/web/view.h"

#include <boost/json.hpp>

#include "core/text.h"

namespace pintu::http::web {

boost::json::object Localized(const LocalizedText& text, Lang lang) {
  std::string used;
  const std::string& v = text.Best(lang, &used);
  return {{"text", v}, {"lang", used.empty() ? std::string(lang) : used}, {"fallback", !used.empty() && used != lang}};
}

std::string Excerpt(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (chars == max_chars) return out + "…";
    char ch = text[i];
    if (ch == '\n' || ch == '\r' || ch == '\t') ch = ' ';
    if (len == 1) out += ch;
    else out.append(text.substr(i, len));
    i += len;
    ++chars;
  }
  return out;
}

std::string DateOnly(std::string_view iso) {
  if (iso.size() >= 10 && iso[4] == '-' && iso[7] == '-') return std::string(iso.substr(0, 10));
  return std::string(iso);
}

boost::json::object DatasetSummary(const Dataset& d, const Organization* org, Lang lang) {
  boost::json::array formats;
  std::vector<std::string> seen;
  for (const auto& r : d.resources) {
    std::string f = AsciiUpper(Trim(r.format));
    if (f.empty() || std::find(seen.begin(), seen.end(), f) != seen.end()) continue;
    seen.push_back(f);
    formats.emplace_back(f);
  }
  auto desc = Localized(d.description, lang);
  desc["text"] = Excerpt(desc["text"].as_string(), 160);
  boost::json::object out{
      {"slug", d.slug},
      {"url", "/dataset/" + PercentEncodeSegment(d.slug)},
      {"title", Localized(d.title, lang)},
      {"excerpt", desc},
      {"formats", formats},
      {"has_formats", !formats.empty()},
      {"type", std::string(ToCode(d.type))},
      {"is_statistical", d.type == DatasetType::kStatistical},
      {"modified", DateOnly(d.metadata_modified)},
  };
  if (org) {
    out["organization"] = boost::json::object{{"slug", org->slug},
                                              {"url", "/organization/" + PercentEncodeSegment(org->slug)},
                                              {"title", Localized(org->title, lang)}};
  }
  return out;
}

}  // namespace pintu::http::web

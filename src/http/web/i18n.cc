#include "http/web/i18n.h"

#include <boost/json.hpp>

#include "core/text.h"
#include "http/web/assets.h"

namespace pintu::http::web {
namespace {

boost::json::object Load(std::string_view lang) {
  const std::string_view* text = FindWebFile("i18n/" + std::string(lang) + ".json");
  if (!text) return {};
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(*text, ec);
  if (ec || !v.is_object()) return {};
  return v.get_object();
}

// Language of a tag, or empty when neither supported language fits.
Lang FromTag(std::string_view tag) {
  std::string t = AsciiLower(Trim(tag));
  if (t == "en" || t.starts_with("en-")) return kEn;
  if (t == "zh" || t.starts_with("zh-")) return kZh;
  return {};
}

}  // namespace

const boost::json::object& Catalogue(Lang lang) {
  static const boost::json::object zh = Load(kZh);
  static const boost::json::object en = Load(kEn);
  return lang == kEn ? en : zh;
}

std::string Translate(Lang lang, std::string_view key) {
  const auto* v = Catalogue(lang).if_contains(key);
  if (v && v->is_string()) return std::string(v->get_string());
  return std::string(key);
}

std::string TranslateOr(Lang lang, std::string_view key, std::string_view fallback) {
  const auto* v = Catalogue(lang).if_contains(key);
  if (v && v->is_string()) return std::string(v->get_string());
  return std::string(fallback);
}

Lang NegotiateLang(const HttpRequest& req) {
  if (auto q = req.Query("lang")) {
    if (Lang l = FromTag(*q); !l.empty()) return l;
  }
  std::string_view cookies = req.Header("cookie");
  while (!cookies.empty()) {
    size_t semi = cookies.find(';');
    std::string_view c = Trim(cookies.substr(0, semi));
    if (c.starts_with("lang=")) {
      if (Lang l = FromTag(c.substr(5)); !l.empty()) return l;
    }
    if (semi == std::string_view::npos) break;
    cookies.remove_prefix(semi + 1);
  }
  // Accept-Language: the supported language with the highest q (ties: first listed).
  Lang best;
  double best_q = 0;
  std::string_view accept = req.Header("accept-language");
  while (!accept.empty()) {
    size_t comma = accept.find(',');
    std::string_view item = Trim(accept.substr(0, comma));
    double q = 1;
    size_t semi = item.find(';');
    std::string_view tag = Trim(item.substr(0, semi));
    if (semi != std::string_view::npos) {
      std::string_view param = Trim(item.substr(semi + 1));
      if (param.starts_with("q=")) {
        try {
          q = std::stod(std::string(param.substr(2)));
        } catch (...) {
          q = 0;
        }
      }
    }
    if (Lang l = FromTag(tag); !l.empty() && q > best_q) {
      best = l;
      best_q = q;
    }
    if (comma == std::string_view::npos) break;
    accept.remove_prefix(comma + 1);
  }
  return best.empty() ? kZh : best;
}

std::vector<std::string> CatalogueDifferences() {
  std::vector<std::string> out;
  const auto& zh = Catalogue(kZh);
  const auto& en = Catalogue(kEn);
  if (zh.empty()) out.push_back("zh-TW: catalogue missing or not a JSON object");
  if (en.empty()) out.push_back("en: catalogue missing or not a JSON object");
  for (const auto& [k, v] : zh)
    if (!en.contains(k)) out.push_back("en: missing " + std::string(k));
  for (const auto& [k, v] : en)
    if (!zh.contains(k)) out.push_back("zh-TW: missing " + std::string(k));
  for (const auto& [k, v] : zh)
    if (!v.is_string() || v.get_string().empty()) out.push_back("zh-TW: empty " + std::string(k));
  for (const auto& [k, v] : en)
    if (!v.is_string() || v.get_string().empty()) out.push_back("en: empty " + std::string(k));
  return out;
}

}  // namespace pintu::http::web

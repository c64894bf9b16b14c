// The portal's two languages. Every user-facing string lives in web/i18n/zh-TW.json and
// web/i18n/en.json (flat objects: key → text); zh-TW is the default.
#pragma once

#include <string>
#include <string_view>

#include <boost/json/object.hpp>

#include "http/message.h"

namespace pintu::http::web {

// "zh-TW" or "en".
using Lang = std::string_view;
inline constexpr std::string_view kZh = "zh-TW";
inline constexpr std::string_view kEn = "en";

// The language of a request: ?lang= (zh-TW, zh, en), then the "lang" cookie, then the
// first supported language in Accept-Language (with q-values), else zh-TW.
Lang NegotiateLang(const HttpRequest& req);

// The whole catalogue of `lang` (for templates: {{t.key}}). Never missing keys: the
// build's test checks both catalogues have the same keys.
const boost::json::object& Catalogue(Lang lang);

// One string of `lang`'s catalogue; the key itself when it is missing (visible, not empty).
std::string Translate(Lang lang, std::string_view key);

// Like Translate, but `fallback` when the key is missing (for codes such as frequencies).
std::string TranslateOr(Lang lang, std::string_view key, std::string_view fallback);

// Keys present in one catalogue but not the other ("en: missing x"), for tests.
std::vector<std::string> CatalogueDifferences();

}  // namespace pintu::http::web

// The closed lists publiccode.yml values are checked against: categories and scopes of the
// standard, ISO 3166-1 countries and BCP 47 language tags (from ICU), oEmbed video URL
// schemes (compiled in from npm oembed-providers by scripts/refresh-spdx.sh).
#pragma once

#include <string_view>

namespace pintu::formats::publiccode {

// True for a category of the standard's categories list (0.7.0), e.g. "crm".
bool IsCategory(std::string_view category);

// True for a scope of the standard's scope list (0.7.0), e.g. "healthcare".
bool IsScope(std::string_view scope);

// True for an upper-case ISO 3166-1 alpha-2 code known to ICU, e.g. "TW".
bool IsCountryCode(std::string_view code);

// True for a well-formed BCP 47 tag whose language subtag is a known ISO 639 code
// ("en", "zh-Hant-TW", "sl-IT-nedis"; not "xxx" or "en_US").
bool IsLanguageTag(std::string_view tag);

// True when `url` matches the URL scheme of an oEmbed provider (YouTube, Vimeo, …).
bool IsOembedVideoUrl(std::string_view url);

}  // namespace pintu::formats::publiccode

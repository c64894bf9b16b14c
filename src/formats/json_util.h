// Internal to formats/: small helpers for reading loosely-typed JSON from foreign sources.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/localized_text.h"

namespace pintu::formats {

// The member `key` of `obj`, or nullptr when absent or null.
const boost::json::value* Member(const boost::json::object& obj, std::string_view key);
// A string, number or bool as text; nullopt for null, arrays and objects.
std::optional<std::string> AsText(const boost::json::value& v);
// The text of a member (see AsText), "" when absent or not scalar.
std::string TextOf(const boost::json::object& obj, std::string_view key);
// Strings are kept as they are; other values are serialised as compact JSON.
std::string AsExtraValue(const boost::json::value& v);
// Null, a blank string, an empty array or an empty object.
bool IsBlank(const boost::json::value& v);
// A string that holds a JSON list or object ("[\"en\",\"ca\"]") is parsed; anything else
// is returned unchanged.
boost::json::value DecodeEmbeddedJson(const boost::json::value& v);
// Strings from a list (strings and numbers), a language map ({lang: [..] or text}), or a
// single string (split on commas). Blank items are dropped; order is kept; no duplicates.
std::vector<std::string> AsStringList(const boost::json::value& v);
// A LocalizedText from an optional plain value and an optional {lang: text} map. A plain
// string is filed under zh-TW when it contains CJK characters, else en, unless the map
// already holds the same text.
LocalizedText ToLocalized(const boost::json::value* plain, const boost::json::value* translated);

}  // namespace pintu::formats

// Syntax checks of single publiccode.yml values, as the reference validator applies them.
#pragma once

#include <string_view>
#include <unordered_set>
#include <string>

namespace pintu::formats::publiccode {

// A URL with a scheme and something after it ("https://x", "urn:a:b", "mailto:a@b").
bool IsUrl(std::string_view s);

// An http:// or https:// URL with a host.
bool IsHttpUrl(std::string_view s);

// A calendar date written exactly YYYY-MM-DD (2024-02-30 is not a date).
bool IsDate(std::string_view s);

// An e-mail address local@domain.tld without spaces.
bool IsEmail(std::string_view s);

// An organisation URI: an http(s) URL, a URN ("urn:nid:nss"), and for
// "urn:x-italian-pa:<code>" a code found in `ipa_codes` (lower case; syntax only when null).
bool IsOrganisationUri(std::string_view s, const std::unordered_set<std::string>* ipa_codes);

// An Italian iPA code: in `ipa_codes` (any case) or, without a list, letters, digits, '_'.
bool IsIpaCode(std::string_view code, const std::unordered_set<std::string>* ipa_codes);

}  // namespace pintu::formats::publiccode

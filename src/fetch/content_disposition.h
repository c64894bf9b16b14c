// The Content-Disposition response header (RFC 6266, with RFC 8187 ext-values):
// whether a server offers a response as a download and under which file name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pintu::fetch {

// A parsed Content-Disposition header.
struct ContentDisposition {
  std::string type;                     // lower case: "attachment", "inline" or another token
  std::optional<std::string> filename;  // safe file name (see SanitizeFilename), valid UTF-8
};

// Parses a Content-Disposition value such as
//   attachment; filename="data.csv"; filename*=UTF-8''%E8%B3%87%E6%96%99.csv
// filename* (UTF-8 or ISO-8859-1) wins over filename when it decodes. A plain filename
// in raw UTF-8 is accepted, and one written with %XX escapes that decode to UTF-8 (as
// many Taiwanese government servers send it) is decoded; bytes that are not UTF-8 (e.g.
// raw Big5) make the plain filename unknown rather than garbled. Returns nullopt when the
// value has no disposition type. Never reads beyond `value`; linear in its length.
std::optional<ContentDisposition> ParseContentDisposition(std::string_view value);

// Makes a file name from a server safe to show and to store: only the part after the
// last '/' or '\', no control characters, no leading dots or surrounding spaces, at most
// 255 bytes cut on a UTF-8 boundary. Returns nullopt when nothing usable remains
// ("..", "/", "" …) or `name` is not valid UTF-8.
std::optional<std::string> SanitizeFilename(std::string_view name);

}  // namespace pintu::fetch

// Why an outgoing fetch failed: a typed kind that callers branch on, plus a message in
// English and Traditional Chinese that can be shown to the person who gave the URL.
#pragma once

#include <string>
#include <string_view>

#include "core/error.h"

namespace pintu::fetch {

// The ways a fetch can fail. Names (FetchErrorKindName) are stable: they are stored in
// link-check evidence and shown by the API.
enum class FetchErrorKind {
  kBadUrl,             // "bad-url": not a URL curl can parse
  kUnsupportedScheme,  // "unsupported-scheme": not http: or https: (file:, ftp:, gopher: …)
  kRefusedAddress,     // "refused-address": the host resolves only to addresses the guard refuses
  kDns,                // "dns": the host name does not resolve
  kConnect,            // "connect": no connection could be made (refused, unreachable)
  kTls,                // "tls": TLS handshake or certificate verification failed
  kTimeout,            // "timeout": connect, total or low-speed time limit reached
  kTooManyRedirects,   // "too-many-redirects": more redirects than allowed
  kTooLarge,           // "too-large": declared or received size above the limit
  kHttpStatus,         // "http-status": the final response is not 2xx
  kProtocol,           // "protocol": malformed or truncated response, oversized headers
  kSink,               // "sink": the body could not be stored (disk full, cannot create file)
};

// A failed fetch: its kind, a message for people in both languages, and the technical
// detail (e.g. libcurl's own text) for logs.
struct FetchError {
  FetchErrorKind kind = FetchErrorKind::kProtocol;
  std::string message_en;
  std::string message_zh;
  std::string detail;
};

// Stable name of a kind ("refused-address", "too-many-redirects" …).
std::string_view FetchErrorKindName(FetchErrorKind kind);

// Builds a FetchError whose messages are the standard sentence for `kind` followed by
// `specific_en` / `specific_zh` when given (e.g. the address that was refused).
FetchError MakeFetchError(FetchErrorKind kind, std::string specific_en = {}, std::string specific_zh = {},
                          std::string detail = {});

// Converts to the Error that crosses layers: kTooLarge → ErrorCode::kTooLarge, every
// other kind → a validation error on `field` (the URL the caller gave is what is wrong),
// carrying both messages.
Error ToError(const FetchError& error, std::string field = "url");

}  // namespace pintu::fetch

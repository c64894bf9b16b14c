// The safe outgoing HTTP client (libcurl behind this header). Every URL Pintu fetches on
// behalf of a user — resource links, files to check, repositories, harvest sources —
// goes through HttpFetch, which promises:
//   * only http: and https: (file:, ftp:, gopher:, dict: … are refused before any I/O);
//   * every connection, on every redirect hop, is checked by the address guard on the
//     address actually connected to (libcurl's open-socket hook), so neither a redirect
//     nor DNS rebinding nor a numeric host spelling (http://2130706433/) reaches a refused
//     address, and no connection to it is attempted;
//   * at most `max_redirects` redirects, each recorded with its status;
//   * connect, total and low-speed time limits;
//   * a size limit checked on the declared Content-Length first and then on the bytes
//     actually received (after Content-Encoding is decoded, so a gzip bomb stops too);
//   * response headers capped (256 KiB) and no proxy from the environment;
//   * the body of the final 2xx response only goes to the caller's sink.
// Thread-safe: each call uses its own libcurl handle.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/config.h"
#include "fetch/address_guard.h"
#include "fetch/body_sink.h"
#include "fetch/content_disposition.h"
#include "fetch/fetch_error.h"

namespace pintu::fetch {

// The User-Agent Pintu sends, so that agencies can recognise its checks in their logs.
inline constexpr std::string_view kUserAgent = "Pintu/0.1 (open data platform; link and file checks)";

// Limits and allowances for outgoing requests.
struct FetchOptions {
  AddressPolicy address_policy;                       // which refused address classes are allowed
  int max_redirects = 5;                              // redirects followed before kTooManyRedirects
  std::chrono::milliseconds connect_timeout{10'000};  // per connection
  std::chrono::milliseconds total_timeout{300'000};   // whole fetch, all hops together
  uint32_t low_speed_bytes_per_second = 1024;         // slower than this …
  std::chrono::seconds low_speed_window{30};          // … for this long is a timeout
  uint64_t max_bytes = 1ull << 30;                    // largest body accepted (declared or received)
  std::string user_agent = std::string(kUserAgent);
};

// The options a deployment configured (fetch_* keys; see docs/fetch.md).
FetchOptions FetchOptionsFromConfig(const Config& config);

// HEAD asks for headers only; GET asks for the body.
enum class FetchMethod { kGet, kHead };

// What to fetch.
struct FetchRequest {
  std::string url;
  FetchMethod method = FetchMethod::kGet;
  // Inclusive byte range to ask for ("Range: bytes=first-last"); a server may ignore it.
  std::optional<std::pair<uint64_t, uint64_t>> range;
  // Send Accept-Encoding and decode gzip/deflate bodies before they reach the sink.
  bool accept_compressed = true;
};

// One response on the way to the final one.
struct FetchHop {
  std::string url;  // the URL requested, without user name and password
  int status = 0;   // its HTTP status
};

// Everything observed during one fetch, whether it succeeded or not.
struct FetchResponse {
  std::string requested_url;
  std::string final_url;          // URL of the last response received (after redirects), without credentials
  int status = 0;                 // status of the last response; 0 when none arrived
  std::vector<FetchHop> chain;    // every response in order; the last one is final
  std::string content_type;       // as sent by the final response ("" when absent)
  std::string content_encoding;   // as sent by the final response ("" when absent)
  std::optional<uint64_t> content_length;  // declared by the final response
  std::string content_disposition;         // raw header text, control characters removed
  std::optional<ContentDisposition> disposition;  // parsed, with a safe file name
  std::string last_modified;      // as sent ("" when absent)
  std::string etag;               // as sent ("" when absent)
  std::string remote_address;     // IP address of the last connection
  uint64_t body_bytes = 0;        // body bytes received (decoded) and given to the sink
  bool body_complete = false;     // the whole body arrived (false for HEAD or a stopped sink)
  std::chrono::milliseconds elapsed{0};
  // Addresses the guard refused while connecting (with their class), in order.
  std::vector<AddressVerdict> refused_addresses;
  std::optional<FetchError> error;  // set when the fetch failed; the fields above are evidence

  // True when the fetch ended with a 2xx response and no error.
  bool ok() const { return !error.has_value(); }
};

// Fetches `request.url` under `options`, streaming the final body into `sink` (nullptr:
// the body is read, counted against max_bytes and dropped). A non-2xx final status is a
// kHttpStatus error; the sink then receives nothing. Never throws.
FetchResponse HttpFetch(const FetchRequest& request, const FetchOptions& options, BodySink* sink);

}  // namespace pintu::fetch

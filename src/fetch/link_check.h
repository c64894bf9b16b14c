// data.gov.tw's "linkable" (可連結) and "downloadable" (可直接下載) checks of a
// resource URL, with the evidence that supports the verdict.
//
//   linkable     the URL answers with 2xx after at most max_redirects redirects
//                (a 416 to the ranged probe also counts: the URL answers, the file is empty);
//   downloadable linkable, and the response is the file itself, not an HTML page that
//                links to it: the first bytes are not an HTML document (unless the
//                resource declares the HTML format), and a Content-Type of text/html only
//                counts against it when no bytes could be read and the server does not
//                send Content-Disposition: attachment. An empty file is not downloadable.
//
// How: a HEAD request first (cheap, and what most servers answer correctly); then a
// small ranged GET ("Range: bytes=0-N") to read the first bytes; when HEAD fails with an
// HTTP status or a malformed answer (servers that do not implement HEAD), the ranged GET
// alone decides. At most sniff_bytes of the body are read whatever the server sends.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fetch/content_sniff.h"
#include "fetch/http_fetch.h"

namespace pintu::fetch {

// How to check a link.
struct LinkCheckOptions {
  FetchOptions fetch;          // address policy, redirects, time limits
  size_t sniff_bytes = 4096;   // first bytes read to tell a file from a web page (0: HEAD only)
  std::string declared_format; // the resource's declared format ("CSV", "HTML" …); may be empty
};

// One request made during a check.
struct LinkAttempt {
  std::string method;  // "HEAD" or "GET"
  int status = 0;      // final status of that request; 0 when none
  std::optional<FetchErrorKind> error;
};

// The verdict and its evidence. Reason codes are stable: "file", "attachment",
// "html-landing-page", "empty", or, when not linkable, a FetchErrorKindName
// ("http-status", "timeout", "refused-address" …).
struct LinkCheckResult {
  std::string url;
  std::string checked_at;  // ISO UTC time the check started
  bool linkable = false;
  bool downloadable = false;
  std::string reason;
  std::string message_en;  // one sentence for people, English
  std::string message_zh;  // the same in Traditional Chinese
  // Evidence from the response that decided (the GET when it answered, else the HEAD).
  std::string final_url;
  int status = 0;
  std::vector<FetchHop> chain;
  std::string content_type;
  std::optional<uint64_t> content_length;
  std::optional<ContentDisposition> disposition;
  std::string last_modified;
  std::string etag;
  std::optional<ContentKind> sniffed;  // what the first bytes are; nullopt when none were read
  uint64_t bytes_seen = 0;             // body bytes read
  std::chrono::milliseconds elapsed{0};  // all requests together
  std::vector<LinkAttempt> attempts;
  std::optional<FetchError> error;     // why the URL is not linkable

  // The result as the JSON the lead stores with the resource: every field above, keys
  // in snake_case, absent values as null, times in milliseconds.
  boost::json::object ToJson() const;
};

// Checks `url`. Never throws; every failure is a verdict with evidence.
LinkCheckResult CheckLink(std::string_view url, const LinkCheckOptions& options);

}  // namespace pintu::fetch

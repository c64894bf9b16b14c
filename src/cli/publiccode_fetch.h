// Reading a publiccode.yml from an http(s) URL, and probing the URLs it names, through
// the guarded fetcher (fetch/http_fetch.h) for `pintu publiccode validate URL`. The
// address guard applies to every connection: loopback and private addresses are refused
// unless the policy allows them, before any connection is made.
#pragma once

#include <cstdint>
#include <string>

#include "core/error.h"
#include "fetch/address_guard.h"
#include "formats/publiccode/validate.h"

namespace pintu::cli {

// The bytes of a fetched publiccode.yml and the URL they finally came from (after redirects).
struct FetchedPubliccode {
  std::string bytes;
  std::string final_url;
};

// GETs `url` (http or https; at most 5 redirects, 10 s to connect, 60 s in all) and
// returns its body. A body above `max_bytes` (declared or received), a refused address,
// an unreachable host, a non-2xx answer … → an Error whose field message says why in
// English and zh-TW (a refused address also says that --allow-private exists).
Result<FetchedPubliccode> FetchPubliccode(const std::string& url, uint64_t max_bytes,
                                          const fetch::AddressPolicy& policy);

// A probe for ValidateOptions::probe: HEAD, then a ranged GET of the first bytes, through
// the guard with short limits (5 s to connect, 10 s per request). Returns nullopt when the
// URL answers 2xx, otherwise the English reason (e.g. the HTTP status or refused address).
formats::publiccode::UrlProbe MakeFetchProbe(const fetch::AddressPolicy& policy);

}  // namespace pintu::cli

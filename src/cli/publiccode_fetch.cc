// See publiccode_fetch.h.
#include "cli/publiccode_fetch.h"

#include <chrono>

#include "fetch/body_sink.h"
#include "fetch/http_fetch.h"
#include "fetch/link_check.h"

namespace pintu::cli {

Result<FetchedPubliccode> FetchPubliccode(const std::string& url, uint64_t max_bytes,
                                          const fetch::AddressPolicy& policy) {
  fetch::FetchOptions options;
  options.address_policy = policy;
  options.connect_timeout = std::chrono::seconds(10);
  options.total_timeout = std::chrono::seconds(60);
  options.max_bytes = max_bytes;
  fetch::MemorySink body(static_cast<size_t>(max_bytes) + 1);  // the fetcher's limit stops first
  fetch::FetchResponse response = fetch::HttpFetch({url, fetch::FetchMethod::kGet, std::nullopt, true}, options, &body);
  if (response.error) {
    fetch::FetchError e = *response.error;
    if (e.kind == fetch::FetchErrorKind::kRefusedAddress) {
      e.message_en += " (pass --allow-private to validate a file served on this machine or a private network)";
      e.message_zh += "（若檔案位於本機或私有網路，請加上 --allow-private）";
    }
    return std::unexpected(fetch::ToError(e, "url"));
  }
  return FetchedPubliccode{body.data(), response.final_url};
}

formats::publiccode::UrlProbe MakeFetchProbe(const fetch::AddressPolicy& policy) {
  fetch::LinkCheckOptions options;
  options.fetch.address_policy = policy;
  options.fetch.connect_timeout = std::chrono::seconds(5);
  options.fetch.total_timeout = std::chrono::seconds(10);
  options.fetch.low_speed_window = std::chrono::seconds(5);
  options.sniff_bytes = 64;
  return [options](std::string_view url) -> std::optional<std::string> {
    fetch::LinkCheckResult result = fetch::CheckLink(url, options);
    if (result.linkable) return std::nullopt;
    return result.message_en.empty() ? std::string(result.reason) : result.message_en;
  };
}

}  // namespace pintu::cli

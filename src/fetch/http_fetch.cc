#include "fetch/http_fetch.h"

#include <curl/curl.h>
#include <sys/socket.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <mutex>

#include "core/text.h"

namespace pintu::fetch {
namespace {

constexpr size_t kMaxHeaderBytes = 256 * 1024;  // all header lines of one response
constexpr size_t kMaxHeaderValue = 2048;        // kept per recorded header value

// Why our own callbacks stopped a transfer (libcurl then reports CURLE_WRITE_ERROR).
enum class Abort {
  kNone,
  kTooLarge,         // declared Content-Length or received bytes above max_bytes
  kHeadersTooLarge,  // more header bytes than kMaxHeaderBytes
  kNotFinalBody,     // body of a redirect or error response: not wanted
  kSinkStopped,      // the sink has what it needs
  kSinkFailed,       // the sink reported an error
};

// Headers of the response being received (reset at each status line).
struct ResponseHeaders {
  int status = 0;
  std::string content_type, content_encoding, content_disposition_raw, last_modified, etag, location;
  std::optional<uint64_t> content_length;
};

// State shared with libcurl's callbacks during one hop.
struct Transfer {
  const FetchOptions* options = nullptr;
  BodySink* sink = nullptr;
  bool head = false;
  ResponseHeaders headers;
  size_t header_bytes = 0;
  Abort abort = Abort::kNone;
  std::optional<Error> sink_error;
  uint64_t body_bytes = 0;
  bool body_started = false;
  std::vector<AddressVerdict> refused;
};

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct CurlUrlDeleter {
  void operator()(CURLU* u) const { curl_url_cleanup(u); }
};

// Header values are shown and stored: printable, valid UTF-8, bounded.
std::string SafeValue(std::string_view v) {
  v = v.substr(0, kMaxHeaderValue);
  std::string out = StripControlChars(v);
  if (!IsValidUtf8(out)) {
    for (char& c : out)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  }
  return out;
}

std::optional<uint64_t> ParseUnsigned(std::string_view v) {
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || end != v.data() + v.size() || v.empty()) return std::nullopt;
  return n;
}

int ParseStatusLine(std::string_view line) {
  // "HTTP/1.1 200 OK" or "HTTP/2 200"
  size_t space = line.find(' ');
  if (space == std::string_view::npos || line.size() < space + 4) return 0;
  int status = 0;
  auto [end, ec] = std::from_chars(line.data() + space + 1, line.data() + space + 4, status);
  return ec == std::errc() ? status : 0;
}

bool IsRedirectStatus(int status) { return status == 301 || status == 302 || status == 303 || status == 307 || status == 308; }

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  t->header_bytes += n;
  if (t->header_bytes > kMaxHeaderBytes) {
    t->abort = Abort::kHeadersTooLarge;
    return 0;
  }
  std::string_view line(data, n);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (StartsWith(line, "HTTP/")) {
    t->headers = ResponseHeaders{};
    t->headers.status = ParseStatusLine(line);
    return n;
  }
  if (line.empty()) {
    // End of one response's headers. A 1xx is followed by the real response.
    const ResponseHeaders& h = t->headers;
    if (!t->head && h.status >= 200 && h.status < 300 && h.content_length &&
        *h.content_length > t->options->max_bytes) {
      t->abort = Abort::kTooLarge;
      return 0;
    }
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name = AsciiLower(Trim(line.substr(0, colon)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  ResponseHeaders& h = t->headers;
  if (name == "content-type") h.content_type = SafeValue(value);
  else if (name == "content-encoding") h.content_encoding = SafeValue(value);
  else if (name == "content-disposition") h.content_disposition_raw = std::string(value.substr(0, 4 * kMaxHeaderValue));
  else if (name == "last-modified") h.last_modified = SafeValue(value);
  else if (name == "etag") h.etag = SafeValue(value);
  else if (name == "content-length") h.content_length = ParseUnsigned(value);
  else if (name == "location") h.location = std::string(value.substr(0, 8192));
  return n;
}

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  const int status = t->headers.status;
  if (status < 200 || status >= 300) {
    t->abort = Abort::kNotFinalBody;
    return 0;
  }
  t->body_started = true;
  t->body_bytes += n;
  if (t->body_bytes > t->options->max_bytes) {
    t->abort = Abort::kTooLarge;
    return 0;
  }
  if (t->sink == nullptr) return n;
  auto more = t->sink->Append(std::string_view(data, n));
  if (!more) {
    t->sink_error = more.error();
    t->abort = Abort::kSinkFailed;
    return 0;
  }
  if (!*more) {
    t->abort = Abort::kSinkStopped;
    return 0;
  }
  return n;
}

curl_socket_t OnOpenSocket(void* user, curlsocktype purpose, curl_sockaddr* address) {
  auto* t = static_cast<Transfer*>(user);
  AddressVerdict verdict = CheckAddress(&address->addr, address->addrlen, t->options->address_policy);
  if (!verdict.allowed) {
    t->refused.push_back(std::move(verdict));
    return CURL_SOCKET_BAD;
  }
  return ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

std::string RefusedList(const std::vector<AddressVerdict>& refused, std::string_view language) {
  std::string out;
  std::vector<std::string_view> seen;
  for (const AddressVerdict& v : refused) {
    if (std::find(seen.begin(), seen.end(), v.address) != seen.end()) continue;
    seen.push_back(v.address);
    if (!out.empty()) out += language == "zh-TW" ? "；" : "; ";
    out += v.address + (language == "zh-TW" ? " 是" : " is ") + std::string(AddressClassReason(v.address_class, language));
  }
  return out;
}

// Checks the scheme before any I/O so file:, ftp: … get a clear answer.
std::optional<FetchError> CheckUrl(const std::string& url) {
  std::unique_ptr<CURLU, CurlUrlDeleter> u(curl_url());
  if (!u) return MakeFetchError(FetchErrorKind::kProtocol, {}, {}, "out of memory");
  if (url.size() > 8192) return MakeFetchError(FetchErrorKind::kBadUrl, "longer than 8192 characters", "超過 8192 個字元");
  CURLUcode rc = curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME);
  if (rc != CURLUE_OK) return MakeFetchError(FetchErrorKind::kBadUrl, {}, {}, curl_url_strerror(rc));
  char* scheme = nullptr;
  if (curl_url_get(u.get(), CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK || scheme == nullptr)
    return MakeFetchError(FetchErrorKind::kBadUrl);
  std::string s = AsciiLower(scheme);
  curl_free(scheme);
  if (s != "http" && s != "https")
    return MakeFetchError(FetchErrorKind::kUnsupportedScheme, "not " + SafeValue(s) + ":", "不接受 " + SafeValue(s) + ":");
  return std::nullopt;
}

FetchError ErrorFromCurl(CURLcode code, const Transfer& t, const char* error_buffer, const FetchOptions& options) {
  std::string detail = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
  if (!t.refused.empty() && !t.body_started && t.headers.status == 0)
    return MakeFetchError(FetchErrorKind::kRefusedAddress, RefusedList(t.refused, "en"), RefusedList(t.refused, "zh-TW"),
                          detail);
  switch (t.abort) {
    case Abort::kTooLarge:
      return MakeFetchError(FetchErrorKind::kTooLarge, "more than " + std::to_string(options.max_bytes) + " bytes",
                            "超過 " + std::to_string(options.max_bytes) + " 位元組", detail);
    case Abort::kHeadersTooLarge:
      return MakeFetchError(FetchErrorKind::kProtocol, "the response headers exceed 256 KiB", "回應標頭超過 256 KiB",
                            detail);
    case Abort::kSinkFailed:
      return MakeFetchError(FetchErrorKind::kSink, {}, {}, t.sink_error ? t.sink_error->message : detail);
    default: break;
  }
  switch (code) {
    case CURLE_UNSUPPORTED_PROTOCOL:  // the scheme was checked before: this is e.g. an HTTP/0.9 reply
      return MakeFetchError(FetchErrorKind::kProtocol, {}, {}, detail);
    case CURLE_URL_MALFORMAT: return MakeFetchError(FetchErrorKind::kBadUrl, {}, {}, detail);
    case CURLE_COULDNT_RESOLVE_HOST: return MakeFetchError(FetchErrorKind::kDns, {}, {}, detail);
    case CURLE_COULDNT_CONNECT: return MakeFetchError(FetchErrorKind::kConnect, {}, {}, detail);
    case CURLE_OPERATION_TIMEDOUT:
      return MakeFetchError(FetchErrorKind::kTimeout, {}, {}, detail);
    case CURLE_FILESIZE_EXCEEDED: return MakeFetchError(FetchErrorKind::kTooLarge, {}, {}, detail);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_USE_SSL_FAILED:
      return MakeFetchError(FetchErrorKind::kTls, {}, {}, detail);
    case CURLE_PARTIAL_FILE:
      return MakeFetchError(FetchErrorKind::kProtocol, "the connection closed before the whole file arrived",
                            "檔案尚未傳完連線就中斷了", detail);
    default:
      return MakeFetchError(FetchErrorKind::kProtocol, {}, {}, detail);
  }
}

// The absolute URL a Location header (possibly relative) points to from `base`.
std::optional<std::string> ResolveLocation(const std::string& base, const std::string& location) {
  std::unique_ptr<CURLU, CurlUrlDeleter> u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, base.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return std::nullopt;
  if (curl_url_set(u.get(), CURLUPART_URL, location.c_str(), CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE) != CURLUE_OK)
    return std::nullopt;
  char* text = nullptr;
  if (curl_url_get(u.get(), CURLUPART_URL, &text, 0) != CURLUE_OK || text == nullptr) return std::nullopt;
  std::string out = text;
  curl_free(text);
  return out;
}

// `url` without user name and password, for evidence that is stored and shown.
std::string WithoutCredentials(const std::string& url) {
  std::unique_ptr<CURLU, CurlUrlDeleter> u(curl_url());
  if (!u || curl_url_set(u.get(), CURLUPART_URL, url.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK) return url;
  curl_url_set(u.get(), CURLUPART_USER, nullptr, 0);
  curl_url_set(u.get(), CURLUPART_PASSWORD, nullptr, 0);
  char* text = nullptr;
  if (curl_url_get(u.get(), CURLUPART_URL, &text, 0) != CURLUE_OK || text == nullptr) return url;
  std::string out = text;
  curl_free(text);
  return out;
}

std::string GetInfoString(CURL* curl, CURLINFO info) {
  char* value = nullptr;
  if (curl_easy_getinfo(curl, info, &value) != CURLE_OK || value == nullptr) return {};
  return value;
}

void ConfigureHandle(CURL* curl, const FetchRequest& request, const FetchOptions& options, Transfer& transfer,
                     char* error_buffer) {
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // hops are followed here, one by one
  curl_easy_setopt(curl, CURLOPT_PROXY, "");          // never a proxy from the environment
  curl_easy_setopt(curl, CURLOPT_USERAGENT, options.user_agent.c_str());
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETFUNCTION, &OnOpenSocket);
  curl_easy_setopt(curl, CURLOPT_OPENSOCKETDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &OnHeader);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &OnBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(options.low_speed_bytes_per_second));
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options.low_speed_window.count()));
  if (request.method == FetchMethod::kHead) curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (request.accept_compressed) curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
  if (request.range) {  // libcurl copies string options
    std::string range = std::to_string(request.range->first) + "-" + std::to_string(request.range->second);
    curl_easy_setopt(curl, CURLOPT_RANGE, range.c_str());
  }
}

}  // namespace

FetchOptions FetchOptionsFromConfig(const Config& config) {
  FetchOptions o;
  o.address_policy.allow_loopback = config.fetch_allow_loopback || config.allow_private_urls;
  o.address_policy.allow_private = config.fetch_allow_private || config.allow_private_urls;
  o.max_bytes = config.fetch_max_bytes;
  o.total_timeout = std::chrono::seconds(config.fetch_timeout_s);
  o.connect_timeout = std::chrono::seconds(config.fetch_connect_timeout_s);
  o.max_redirects = config.fetch_max_redirects;
  return o;
}

FetchResponse HttpFetch(const FetchRequest& request, const FetchOptions& options, BodySink* sink) {
  const auto start = std::chrono::steady_clock::now();
  FetchResponse response;
  response.requested_url = request.url;
  auto finish = [&]() -> FetchResponse {
    response.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    return std::move(response);
  };
  auto fail = [&](FetchError error) -> FetchResponse {
    response.error = std::move(error);
    return finish();
  };

  GlobalInit();
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return fail(MakeFetchError(FetchErrorKind::kProtocol, {}, {}, "curl_easy_init failed"));

  std::string url = request.url;
  for (int hop = 0;; ++hop) {
    if (auto bad = CheckUrl(url)) return fail(std::move(*bad));
    auto spent = std::chrono::steady_clock::now() - start;
    auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(options.total_timeout - spent);
    if (remaining.count() <= 0) return fail(MakeFetchError(FetchErrorKind::kTimeout));

    Transfer transfer;
    transfer.options = &options;
    transfer.sink = sink;
    transfer.head = request.method == FetchMethod::kHead;
    char error_buffer[CURL_ERROR_SIZE] = {};
    curl_easy_reset(curl.get());
    ConfigureHandle(curl.get(), request, options, transfer, error_buffer);
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(remaining.count()));
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS,
                     static_cast<long>(std::min(remaining, options.connect_timeout).count()));

    CURLcode code = curl_easy_perform(curl.get());

    response.refused_addresses.insert(response.refused_addresses.end(), transfer.refused.begin(),
                                      transfer.refused.end());
    if (std::string ip = GetInfoString(curl.get(), CURLINFO_PRIMARY_IP); !ip.empty()) response.remote_address = ip;
    const ResponseHeaders& h = transfer.headers;
    response.body_bytes = transfer.body_bytes;
    if (h.status != 0) {
      response.final_url = SafeValue(WithoutCredentials(GetInfoString(curl.get(), CURLINFO_EFFECTIVE_URL)));
      response.status = h.status;
      response.chain.push_back({response.final_url, h.status});
      response.content_type = h.content_type;
      response.content_encoding = h.content_encoding;
      response.content_length = h.content_length;
      response.content_disposition = SafeValue(h.content_disposition_raw);
      response.disposition = h.content_disposition_raw.empty() ? std::nullopt
                                                               : ParseContentDisposition(h.content_disposition_raw);
      response.last_modified = h.last_modified;
      response.etag = h.etag;
    }

    const bool our_stop = transfer.abort == Abort::kNotFinalBody || transfer.abort == Abort::kSinkStopped;
    if (code != CURLE_OK && !(code == CURLE_WRITE_ERROR && our_stop))
      return fail(ErrorFromCurl(code, transfer, error_buffer, options));

    if (IsRedirectStatus(h.status) && !h.location.empty()) {
      std::optional<std::string> next = ResolveLocation(url, h.location);
      if (!next)
        return fail(MakeFetchError(FetchErrorKind::kBadUrl, "the redirect target is not a URL",
                                   "重新導向的目標不是網址", SafeValue(h.location)));
      if (hop >= options.max_redirects)
        return fail(MakeFetchError(FetchErrorKind::kTooManyRedirects, "more than " + std::to_string(options.max_redirects),
                                   "超過 " + std::to_string(options.max_redirects) + " 次"));
      url = std::move(*next);
      continue;
    }
    if (h.status < 200 || h.status >= 300)
      return fail(MakeFetchError(FetchErrorKind::kHttpStatus, "HTTP " + std::to_string(h.status),
                                 "HTTP " + std::to_string(h.status)));
    response.body_complete = request.method == FetchMethod::kGet && transfer.abort == Abort::kNone;
    return finish();
  }
}

}  // namespace pintu::fetch

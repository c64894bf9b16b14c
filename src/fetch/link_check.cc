#include "fetch/link_check.h"

#include <boost/json.hpp>
#include <limits>

#include "core/text.h"
#include "core/time.h"

namespace pintu::fetch {
namespace {

bool IsHtmlFormat(std::string_view declared) {
  std::string f = AsciiLower(Trim(declared));
  return f == "html" || f == "htm" || f == "xhtml" || f == "text/html";
}

// HEAD failures that servers without (correct) HEAD support produce.
bool HeadMayBeUnsupported(const FetchResponse& head) {
  if (!head.error) return false;
  return head.error->kind == FetchErrorKind::kHttpStatus || head.error->kind == FetchErrorKind::kProtocol;
}

LinkAttempt AttemptOf(std::string method, const FetchResponse& r) {
  LinkAttempt a;
  a.method = std::move(method);
  a.status = r.status;
  if (r.error) a.error = r.error->kind;
  return a;
}

void TakeEvidence(LinkCheckResult& result, const FetchResponse& r) {
  result.final_url = r.final_url;
  result.status = r.status;
  result.chain = r.chain;
  result.content_type = r.content_type;
  result.content_length = r.content_length;
  result.disposition = r.disposition;
  result.last_modified = r.last_modified;
  result.etag = r.etag;
}

void SetVerdict(LinkCheckResult& result, bool downloadable, std::string reason, std::string en, std::string zh) {
  result.downloadable = downloadable;
  result.reason = std::move(reason);
  result.message_en = std::move(en);
  result.message_zh = std::move(zh);
}

// Decides "downloadable" for a linkable URL from headers and, when read, the first bytes.
void JudgeDownload(LinkCheckResult& result, const LinkCheckOptions& options) {
  const bool attachment = result.disposition && result.disposition->type == "attachment";
  const bool html_expected = IsHtmlFormat(options.declared_format);
  const bool empty = (result.sniffed && *result.sniffed == ContentKind::kEmpty) ||
                     (!result.sniffed && result.content_length && *result.content_length == 0);
  if (empty)
    return SetVerdict(result, false, "empty", "The link works but the file is empty.", "連結有效，但檔案是空的。");
  const bool html = result.sniffed ? *result.sniffed == ContentKind::kHtml
                                   : (!attachment && IsHtmlContentType(result.content_type));
  if (html && !html_expected)
    return SetVerdict(result, false, "html-landing-page",
                      "The link opens a web page, not the data file itself; link directly to the file.",
                      "連結開啟的是網頁，而不是資料檔本身；請直接連結到檔案。");
  if (attachment)
    return SetVerdict(result, true, "attachment", "The link downloads the file (the server offers it as an attachment).",
                      "連結可直接下載檔案（伺服器以附件提供）。");
  SetVerdict(result, true, "file", "The link returns the file itself.", "連結可直接取得檔案本身。");
}

void JudgeNotLinkable(LinkCheckResult& result, const FetchError& error) {
  result.error = error;
  SetVerdict(result, false, std::string(FetchErrorKindName(error.kind)), "The link does not work. " + error.message_en,
             "連結無效。" + error.message_zh);
}

// Stored JSON must be valid UTF-8 even when a hostile URL or server sent other bytes.
std::string SafeText(std::string_view s) {
  std::string out = StripControlChars(s);
  if (!IsValidUtf8(out))
    for (char& c : out)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  return out;
}

boost::json::value OptionalString(const std::string& s) {
  if (s.empty()) return nullptr;
  return boost::json::value(SafeText(s));
}

}  // namespace

LinkCheckResult CheckLink(std::string_view url, const LinkCheckOptions& options) {
  LinkCheckResult result;
  result.url = std::string(url);
  result.checked_at = NowIso();

  FetchRequest head_request{std::string(url), FetchMethod::kHead, std::nullopt, true};
  FetchResponse head = HttpFetch(head_request, options.fetch, nullptr);
  result.attempts.push_back(AttemptOf("HEAD", head));
  result.elapsed = head.elapsed;
  TakeEvidence(result, head);

  const bool head_ok = head.ok();
  if (!head_ok && !HeadMayBeUnsupported(head)) {
    JudgeNotLinkable(result, *head.error);
    return result;
  }
  if (options.sniff_bytes == 0) {
    if (!head_ok) {
      JudgeNotLinkable(result, *head.error);
      return result;
    }
    result.linkable = true;
    JudgeDownload(result, options);
    return result;
  }

  // The ranged GET: reads at most sniff_bytes whatever the server sends; identity
  // encoding, so the bytes are the file's own first bytes.
  FetchOptions get_options = options.fetch;
  get_options.max_bytes = std::numeric_limits<uint64_t>::max();  // the sink caps what is read
  FetchRequest get_request{std::string(url), FetchMethod::kGet,
                           std::make_pair(uint64_t{0}, static_cast<uint64_t>(options.sniff_bytes - 1)), false};
  MemorySink first_bytes(options.sniff_bytes);
  FetchResponse get = HttpFetch(get_request, get_options, &first_bytes);
  result.attempts.push_back(AttemptOf("GET", get));
  result.elapsed += get.elapsed;

  const bool range_unsatisfiable = get.error && get.error->kind == FetchErrorKind::kHttpStatus && get.status == 416;
  if (get.ok() || range_unsatisfiable) {
    TakeEvidence(result, get);
    result.bytes_seen = first_bytes.data().size();
    result.sniffed = SniffContent(first_bytes.data());
    result.linkable = true;
    JudgeDownload(result, options);
    return result;
  }
  if (head_ok) {  // the probe failed but HEAD answered: judge from the headers
    result.linkable = true;
    JudgeDownload(result, options);
    return result;
  }
  TakeEvidence(result, get);
  JudgeNotLinkable(result, *get.error);
  return result;
}

boost::json::object LinkCheckResult::ToJson() const {
  boost::json::object o;
  o["url"] = SafeText(url);
  o["checked_at"] = checked_at;
  o["linkable"] = linkable;
  o["downloadable"] = downloadable;
  o["reason"] = reason;
  o["message_en"] = message_en;
  o["message_zh"] = message_zh;
  o["final_url"] = OptionalString(final_url);
  o["status"] = status == 0 ? boost::json::value(nullptr) : boost::json::value(status);
  boost::json::array hops;
  for (const FetchHop& hop : chain) hops.push_back(boost::json::object{{"url", hop.url}, {"status", hop.status}});
  o["chain"] = std::move(hops);
  o["content_type"] = OptionalString(content_type);
  o["content_length"] = content_length ? boost::json::value(*content_length) : boost::json::value(nullptr);
  if (disposition) {
    o["content_disposition"] = boost::json::object{
        {"type", disposition->type},
        {"filename", disposition->filename ? boost::json::value(*disposition->filename) : boost::json::value(nullptr)}};
  } else {
    o["content_disposition"] = nullptr;
  }
  o["last_modified"] = OptionalString(last_modified);
  o["etag"] = OptionalString(etag);
  o["sniffed"] = sniffed ? boost::json::value(ContentKindName(*sniffed)) : boost::json::value(nullptr);
  o["bytes_seen"] = bytes_seen;
  o["elapsed_ms"] = elapsed.count();
  boost::json::array tries;
  for (const LinkAttempt& a : attempts) {
    tries.push_back(boost::json::object{
        {"method", a.method},
        {"status", a.status == 0 ? boost::json::value(nullptr) : boost::json::value(a.status)},
        {"error", a.error ? boost::json::value(FetchErrorKindName(*a.error)) : boost::json::value(nullptr)}});
  }
  o["attempts"] = std::move(tries);
  if (error) {
    o["error"] = boost::json::object{{"kind", FetchErrorKindName(error->kind)},
                                     {"message_en", error->message_en},
                                     {"message_zh", error->message_zh},
                                     {"detail", SafeText(error->detail)}};
  } else {
    o["error"] = nullptr;
  }
  return o;
}

}  // namespace pintu::fetch

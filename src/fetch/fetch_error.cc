#include "fetch/fetch_error.h"

namespace pintu::fetch {
namespace {

struct Sentences {
  std::string_view en;
  std::string_view zh;
};

Sentences StandardSentences(FetchErrorKind kind) {
  switch (kind) {
    case FetchErrorKind::kBadUrl:
      return {"The address is not a valid URL", "網址格式不正確"};
    case FetchErrorKind::kUnsupportedScheme:
      return {"Only http:// and https:// addresses can be fetched", "只能讀取 http:// 或 https:// 開頭的網址"};
    case FetchErrorKind::kRefusedAddress:
      return {"Refused to connect: the address is not on the public Internet",
              "拒絕連線：此位址不在公開網際網路上"};
    case FetchErrorKind::kDns:
      return {"The host name could not be found", "找不到此主機名稱"};
    case FetchErrorKind::kConnect:
      return {"Could not connect to the server", "無法連線到伺服器"};
    case FetchErrorKind::kTls:
      return {"The secure connection (TLS) failed", "安全連線（TLS）失敗"};
    case FetchErrorKind::kTimeout:
      return {"The server took too long to answer", "伺服器回應逾時"};
    case FetchErrorKind::kTooManyRedirects:
      return {"Too many redirects", "重新導向次數過多"};
    case FetchErrorKind::kTooLarge:
      return {"The file is larger than the allowed size", "檔案超過允許的大小"};
    case FetchErrorKind::kHttpStatus:
      return {"The server did not return the file", "伺服器沒有回傳檔案"};
    case FetchErrorKind::kProtocol:
      return {"The server's answer was malformed or incomplete", "伺服器的回應格式錯誤或不完整"};
    case FetchErrorKind::kSink:
      return {"The downloaded data could not be stored", "無法儲存下載的資料"};
  }
  return {"The fetch failed", "讀取失敗"};
}

}  // namespace

std::string_view FetchErrorKindName(FetchErrorKind kind) {
  switch (kind) {
    case FetchErrorKind::kBadUrl: return "bad-url";
    case FetchErrorKind::kUnsupportedScheme: return "unsupported-scheme";
    case FetchErrorKind::kRefusedAddress: return "refused-address";
    case FetchErrorKind::kDns: return "dns";
    case FetchErrorKind::kConnect: return "connect";
    case FetchErrorKind::kTls: return "tls";
    case FetchErrorKind::kTimeout: return "timeout";
    case FetchErrorKind::kTooManyRedirects: return "too-many-redirects";
    case FetchErrorKind::kTooLarge: return "too-large";
    case FetchErrorKind::kHttpStatus: return "http-status";
    case FetchErrorKind::kProtocol: return "protocol";
    case FetchErrorKind::kSink: return "sink";
  }
  return "protocol";
}

FetchError MakeFetchError(FetchErrorKind kind, std::string specific_en, std::string specific_zh, std::string detail) {
  Sentences s = StandardSentences(kind);
  FetchError e;
  e.kind = kind;
  e.message_en = std::string(s.en);
  if (!specific_en.empty()) e.message_en += ": " + specific_en;
  e.message_en += ".";
  e.message_zh = std::string(s.zh);
  if (!specific_zh.empty()) e.message_zh += "：" + specific_zh;
  e.message_zh += "。";
  e.detail = std::move(detail);
  return e;
}

Error ToError(const FetchError& error, std::string field) {
  if (error.kind == FetchErrorKind::kTooLarge) {
    Error e = Error::TooLarge(error.message_en);
    e.fields.push_back({std::move(field), error.message_en, error.message_zh});
    return e;
  }
  Error e = Error::Invalid(std::move(field), error.message_en, error.message_zh);
  e.message = error.message_en;
  return e;
}

}  // namespace pintu::fetch

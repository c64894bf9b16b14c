// Repository URL checks: the form of the URL (no DNS) and the addresses its host resolves to.
#include <netdb.h>
#include <sys/socket.h>
#include <sys/types.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>

#include <fmt/format.h>

#include "code/git_crawl.h"

namespace pintu::code {
namespace {

Error Refused(std::string message_en, std::string message_zh) {
  Error error;
  error.code = ErrorCode::kBadRequest;
  error.message = message_en;
  error.fields.push_back(FieldError{"repository_url", std::move(message_en), std::move(message_zh)});
  return error;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

}  // namespace

Result<RepositoryUrl> ParseRepositoryUrl(std::string_view url, bool allow_file_urls) {
  if (url.empty()) {
    return std::unexpected(Refused("The repository URL is empty.", "儲存庫網址是空的。"));
  }
  if (url.size() > 2048) {
    return std::unexpected(Refused("The repository URL is longer than 2048 characters.",
                                   "儲存庫網址超過 2048 個字元。"));
  }
  for (unsigned char c : url) {
    if (c < 0x20 || c == 0x7f || c == ' ') {
      return std::unexpected(Refused("The repository URL contains spaces or control characters.",
                                     "儲存庫網址含有空白或控制字元。"));
    }
  }
  RepositoryUrl out;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) {
    // A plain path ("/srv/git/x.git", "./x") is a local repository; "user@host:path" is
    // scp-like ssh and refused below.
    const bool looks_local = url.front() == '/' || url.starts_with("./") || url.starts_with("../");
    if (looks_local && allow_file_urls) {
      std::error_code ec;
      auto absolute = std::filesystem::absolute(std::filesystem::path(std::string(url)), ec);
      if (ec) return std::unexpected(Refused("The repository path cannot be read.", "無法讀取儲存庫路徑。"));
      out.scheme = "file";
      out.clone_url = "file://" + absolute.lexically_normal().string();
      return out;
    }
    if (looks_local) {
      return std::unexpected(Refused("Local repository paths are not allowed; give an https:// URL.",
                                     "不允許本機儲存庫路徑，請提供 https:// 網址。"));
    }
    return std::unexpected(Refused("Only https:// and http:// repository URLs are allowed (ssh and git are not).",
                                   "儲存庫網址只接受 https:// 與 http://（不接受 ssh 與 git）。"));
  }
  out.scheme = Lower(url.substr(0, scheme_end));
  if (out.scheme == "file") {
    if (!allow_file_urls) {
      return std::unexpected(Refused("file:// repository URLs are not allowed; give an https:// URL.",
                                     "不允許 file:// 儲存庫網址，請提供 https:// 網址。"));
    }
    const std::string_view rest = url.substr(scheme_end + 3);
    if (!rest.starts_with("/")) {
      return std::unexpected(Refused("A file:// URL must name an absolute path (file:///srv/x.git).",
                                     "file:// 網址必須是絕對路徑（file:///srv/x.git）。"));
    }
    out.clone_url = "file://" + std::string(rest);
    return out;
  }
  if (out.scheme != "https" && out.scheme != "http") {
    return std::unexpected(Refused(fmt::format("The scheme \"{}\" is not allowed; only https:// and http:// are.", out.scheme),
                                   fmt::format("不接受「{}」網址，只接受 https:// 與 http://。", out.scheme)));
  }
  const std::string_view rest = url.substr(scheme_end + 3);
  const std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (authority.find('@') != std::string_view::npos) {
    return std::unexpected(Refused("The repository URL contains a user name or password; give a public URL without credentials.",
                                   "儲存庫網址含有帳號或密碼，請提供不含帳密的公開網址。"));
  }
  std::string_view host = authority;
  if (host.starts_with("[")) {
    const auto close = host.find(']');
    if (close == std::string_view::npos) {
      return std::unexpected(Refused("The repository URL has a malformed IPv6 address.", "儲存庫網址的 IPv6 位址格式錯誤。"));
    }
    host = host.substr(1, close - 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  if (host.empty()) {
    return std::unexpected(Refused("The repository URL has no host name.", "儲存庫網址沒有主機名稱。"));
  }
  out.host = Lower(host);
  out.clone_url = out.scheme + "://" + std::string(rest);
  return out;
}

Result<void> CheckRepositoryHost(std::string_view host, const fetch::AddressPolicy& policy) {
  const std::string name(host);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  // An IP literal is parsed without a DNS query; only names are looked up.
  hints.ai_flags = AI_NUMERICHOST;
  int rc = getaddrinfo(name.c_str(), nullptr, &hints, &found);
  if (rc == EAI_NONAME) {
    hints.ai_flags = 0;
    rc = getaddrinfo(name.c_str(), nullptr, &hints, &found);
  }
  if (rc != 0 || found == nullptr) {
    return std::unexpected(Refused(fmt::format("The host \"{}\" could not be resolved.", name),
                                   fmt::format("無法解析主機「{}」。", name)));
  }
  std::unique_ptr<addrinfo, decltype(&freeaddrinfo)> owner(found, &freeaddrinfo);
  for (const addrinfo* a = found; a != nullptr; a = a->ai_next) {
    const auto verdict = fetch::CheckAddress(a->ai_addr, a->ai_addrlen, policy);
    if (!verdict.allowed) {
      return std::unexpected(Refused(
          fmt::format("The host \"{}\" resolves to {} ({}): {}", name, verdict.address,
                      fetch::AddressClassName(verdict.address_class),
                      fetch::AddressClassReason(verdict.address_class, "en")),
          fmt::format("主機「{}」解析為 {}（{}）：{}", name, verdict.address,
                      fetch::AddressClassName(verdict.address_class),
                      fetch::AddressClassReason(verdict.address_class, "zh-TW"))));
    }
  }
  return Ok();
}

}  // namespace pintu::code

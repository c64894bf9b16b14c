// File rules of rules.h: assets resolved next to the publiccode.yml, oEmbed videos, probes.
#include <fmt/format.h>

#include <fstream>
#include <system_error>

#include "formats/publiccode/rules.h"
#include "formats/publiccode/value_checks.h"
#include "formats/publiccode/vocabulary.h"

namespace pintu::formats::publiccode {
namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool IsFileUrl(std::string_view v) { return Lower(std::string(v.substr(0, 5))) == "file:"; }
bool IsRemote(std::string_view v) {
  std::string l = Lower(std::string(v.substr(0, 8)));
  return l.starts_with("http://") || l.starts_with("https://");
}

// True when the file starts with the PNG signature and an IHDR chunk.
bool LooksLikePng(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  char head[16] = {};
  in.read(head, sizeof head);
  return in.gcount() == sizeof head && std::string_view(head, 8) == "\x89PNG\r\n\x1a\n" &&
         std::string_view(head + 12, 4) == "IHDR";
}

// The folder of an http(s) URL, ending in '/': the URL without query, fragment and last
// path segment ("https://h/a/publiccode.yml?x" → "https://h/a/", "https://h" → "https://h/").
std::string FolderUrl(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  size_t scheme_end = url.find("://");
  size_t path_start = scheme_end == std::string_view::npos ? 0 : url.find('/', scheme_end + 3);
  if (path_start == std::string_view::npos) return std::string(url) + "/";
  return std::string(url.substr(0, url.rfind('/') + 1));
}

// The stand-in folder of a publiccode.yml read from a URL: relative paths are checked
// against it (no climbing out) and then turned back into paths relative to the URL.
const fs::path kRemoteFolder = "/publiccode-url-folder";

// `p` made absolute and normal without throwing (unchanged when the cwd is unknown).
fs::path Absolute(const fs::path& p) {
  std::error_code ec;
  fs::path a = fs::absolute(p, ec);
  return (ec ? p : a).lexically_normal();
}

class FileRules {
 public:
  FileRules(const Decoded& d, const fs::path& base, const ValidateOptions& o, FindingSink& s)
      : d_(d), base_(o.source_url.empty() ? Absolute(base) : kRemoteFolder), o_(o), s_(s) {}

  void Run() {
    const Publiccode& doc = d_.doc;
    if (doc.logo) Logo("logo", *doc.logo);
    if (doc.monochrome_logo) Logo("monochromeLogo", *doc.monochrome_logo);
    for (const auto& [lang, desc] : doc.description) {
      for (std::size_t i = 0; i < desc.screenshots.size(); ++i) {
        Screenshot(fmt::format("description.{}.screenshots[{}]", lang, i), desc.screenshots[i]);
      }
      for (std::size_t i = 0; i < desc.videos.size(); ++i) {
        const std::string& url = desc.videos[i];
        if (!IsOembedVideoUrl(url)) {
          s_.Error(fmt::format("description.{}.videos[{}]", lang, i),
                   fmt::format("'{}' is not a valid video URL supporting oEmbed: invalid oEmbed link: {}", url, url),
                   fmt::format("'{}' 不是支援 oEmbed 的影片網址", url));
        }
      }
    }
    if (doc.legal.authors_file && !doc.legal.authors_file->empty()) AuthorsFile(*doc.legal.authors_file);
    if (o_.probe) Probes();
  }

 private:
  // The local file `value` names, or nullopt after reporting why it cannot be one.
  std::optional<fs::path> Local(const std::string& key, const std::string& value) {
    if (IsFileUrl(value)) {
      s_.Error(key, "is a file:// URL. Only relative paths or HTTP(s) URLs allowed", "是 file:// 網址；只接受相對路徑或 HTTP(S) 網址");
      return std::nullopt;
    }
    fs::path rel(value);
    if (rel.is_absolute()) {
      s_.Error(key, fmt::format("is an absolute path ({}). Only relative paths or HTTP(s) URLs allowed", value),
               fmt::format("是絕對路徑（{}）；只接受相對路徑或 HTTP(S) 網址", value));
      return std::nullopt;
    }
    fs::path full = (base_ / rel).lexically_normal();
    // A relative path may not climb out of the folder of the publiccode.yml.
    auto [end, _] = std::mismatch(base_.begin(), base_.end(), full.begin(), full.end());
    if (end != base_.end()) {
      s_.Error(key, fmt::format("'{}' points outside the folder of the publiccode.yml", value),
               fmt::format("'{}' 指向 publiccode.yml 所在資料夾之外", value));
      return std::nullopt;
    }
    return full;
  }

  // For a publiccode.yml read from a URL: checks the asset at local-form path `full`
  // (see kRemoteFolder) by probing its URL, or warns that it could not be checked.
  void RemoteAsset(const std::string& key, const std::string& value, const fs::path& full) {
    std::string url = FolderUrl(o_.source_url) + full.lexically_relative(base_).generic_string();
    if (!o_.probe) {
      s_.Warning(key,
                 fmt::format("'{}' was not checked: it is relative to a publiccode.yml read from a URL and network "
                             "checks are off ({})", value, url),
                 fmt::format("未檢查 '{}'：它相對於從網址讀取的 publiccode.yml，而網路檢查已關閉（{}）", value, url));
    } else if (auto problem = o_.probe(url)) {
      s_.Error(key, fmt::format("HTTP GET failed for {}: {}", url, *problem), fmt::format("無法取得 {}：{}", url, *problem));
    }
  }

  bool Exists(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
  }

  void Logo(const std::string& key, const std::string& value) {
    if (value.empty()) return;
    if (IsRemote(value)) {
      if (o_.probe) {
        if (auto problem = o_.probe(value)) {
          s_.Error(key, fmt::format("HTTP GET failed for {}: {}", value, *problem), fmt::format("無法取得 {}：{}", value, *problem));
        }
      }
      return;
    }
    auto full = Local(key, value);
    if (!full) return;
    std::string ext = Lower(full->extension().string());
    if (ext != ".svg" && ext != ".svgz" && ext != ".png") {
      s_.Error(key, fmt::format("invalid file extension for: {}", full->string()),
               fmt::format("副檔名不正確（須為 .svg、.svgz 或 .png）：{}", full->string()));
      return;
    }
    if (!o_.source_url.empty()) return RemoteAsset(key, value, *full);
    if (!Exists(*full)) {
      s_.Error(key, fmt::format("no such file: {}", full->string()), fmt::format("找不到檔案：{}", full->string()));
      return;
    }
    if (ext == ".png" && !LooksLikePng(*full)) s_.Error(key, "image: unknown format", "影像格式無法辨識（不是 PNG）");
  }

  void Screenshot(const std::string& key, const std::string& value) {
    if (IsRemote(value)) {
      if (!o_.probe) return;
      if (auto problem = o_.probe(value)) {
        s_.Error(key, fmt::format("'{}' is not an image: HTTP GET failed for {}: {}", value, value, *problem),
                 fmt::format("'{}' 不是影像：無法取得 {}：{}", value, value, *problem));
      }
      return;
    }
    auto full = Local(key, value);
    if (!full) return;
    std::string ext = Lower(full->extension().string());
    if (!o_.source_url.empty()) {
      if (ext != ".jpg" && ext != ".jpeg" && ext != ".png") {
        s_.Error(key, fmt::format("'{}' is not an image: invalid file extension for: {}", value, value),
                 fmt::format("'{}' 不是影像：副檔名須為 .jpg 或 .png", value));
        return;
      }
      return RemoteAsset(key, value, *full);
    }
    if (!Exists(*full)) {
      s_.Error(key, fmt::format("'{}' is not an image: no such file: {}", value, full->string()),
               fmt::format("'{}' 不是影像：找不到檔案 {}", value, full->string()));
    } else if (ext != ".jpg" && ext != ".jpeg" && ext != ".png") {
      s_.Error(key, fmt::format("'{}' is not an image: invalid file extension for: {}", value, full->string()),
               fmt::format("'{}' 不是影像：副檔名須為 .jpg 或 .png", value));
    }
  }

  void AuthorsFile(const std::string& value) {
    if (IsRemote(value)) return;
    auto full = Local("legal.authorsFile", value);
    if (full && !o_.source_url.empty()) return RemoteAsset("legal.authorsFile", value, *full);
    if (!full || Exists(*full)) return;
    s_.Error("legal.authorsFile", fmt::format("'{}' does not exist: no such file: {}", full->string(), full->string()),
             fmt::format("'{}' 不存在", full->string()));
  }

  void Probe(const std::string& key, const std::optional<std::string>& url) {
    if (!url || url->empty()) return;
    if (auto problem = o_.probe(*url)) {
      s_.Error(key, fmt::format("'{}' not reachable: {}", *url, *problem), fmt::format("'{}' 無法連線：{}", *url, *problem));
    }
  }

  void Probes() {
    const Publiccode& doc = d_.doc;
    Probe("url", doc.url);
    Probe("landingURL", doc.landing_url);
    Probe("roadmap", doc.roadmap);
    for (const auto& [lang, desc] : doc.description) {
      Probe(DescriptionKey(lang) + ".documentation", desc.documentation);
      Probe(DescriptionKey(lang) + ".apiDocumentation", desc.api_documentation);
    }
  }

  const Decoded& d_;
  fs::path base_;
  const ValidateOptions& o_;
  FindingSink& s_;
};

}  // namespace

void CheckFileRules(const Decoded& decoded, const std::filesystem::path& base_dir, const ValidateOptions& options,
                    FindingSink& sink) {
  FileRules(decoded, base_dir, options, sink).Run();
}

}  // namespace pintu::formats::publiccode

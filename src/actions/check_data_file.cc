#include "actions/check_data_file.h"

#include <cctype>
#include <filesystem>

#include "fetch/body_sink.h"
#include "fetch/fetch_error.h"
#include "fetch/http_fetch.h"

namespace pintu::actions {
namespace {

// Passes bytes to a temporary file and tells the progress callback now and then.
class ProgressSink final : public fetch::BodySink {
 public:
  ProgressSink(fetch::TempFileSink& file, const quality::CheckProgress& progress) : file_(file), progress_(progress) {}
  Result<bool> Append(std::string_view bytes) override {
    auto r = file_.Append(bytes);
    if (r && progress_ && file_.bytes_written() - told_ >= (std::uint64_t{4} << 20)) {
      told_ = file_.bytes_written();
      progress_(told_, std::nullopt);
    }
    return r;
  }

 private:
  fetch::TempFileSink& file_;
  const quality::CheckProgress& progress_;
  std::uint64_t told_ = 0;
};

// The last path segment of a URL, without query or fragment.
std::string UrlFileName(std::string_view url) {
  url = url.substr(0, url.find_first_of("?#"));
  const auto scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  const auto slash = url.find('/');
  if (slash == std::string_view::npos) return {};
  url.remove_prefix(slash);
  return std::string(url.substr(url.find_last_of('/') + 1));
}

Result<DataFileCheck> CheckUrl(std::string_view url, const Config& config, quality::FileFacts facts,
                               const quality::CheckOptions& options, const quality::CheckProgress& on_download) {
  std::error_code ec;
  const std::string tmp = std::filesystem::temp_directory_path(ec).string();
  auto file = fetch::TempFileSink::Create(ec ? std::string("/tmp") : tmp);
  if (!file) return std::unexpected(file.error());
  ProgressSink sink(**file, on_download);
  const fetch::FetchResponse response =
      fetch::HttpFetch(fetch::FetchRequest{.url = std::string(url)}, fetch::FetchOptionsFromConfig(config), &sink);
  if (response.error) return std::unexpected(fetch::ToError(*response.error));
  if (response.status < 200 || response.status > 299) {
    const std::string status = std::to_string(response.status);
    Error e{ErrorCode::kBadRequest, "the server answered HTTP " + status + ", not the file", {}};
    e.fields.push_back({"url", e.message, "伺服器回應 HTTP " + status + "，沒有提供檔案"});
    return std::unexpected(std::move(e));
  }
  if (facts.file_name.empty()) {
    facts.file_name = response.disposition && response.disposition->filename
                          ? *response.disposition->filename
                          : UrlFileName(response.final_url.empty() ? url : response.final_url);
  }
  if (facts.content_type.empty()) facts.content_type = response.content_type;
  auto report = quality::CheckFile((*file)->path(), facts, options);
  if (!report) return std::unexpected(report.error());
  return DataFileCheck{std::move(*report), response.final_url, response.content_type, response.status};
}

}  // namespace

bool IsHttpUrl(std::string_view s) {
  auto starts = [&](std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    }
    return true;
  };
  return starts("http://") || starts("https://");
}

Result<DataFileCheck> CheckDataFile(std::string_view path_or_url, const Config& config, quality::FileFacts facts,
                                    const quality::CheckOptions& options, const quality::CheckProgress& on_download) {
  if (IsHttpUrl(path_or_url)) return CheckUrl(path_or_url, config, std::move(facts), options, on_download);
  auto report = quality::CheckFile(std::string(path_or_url), facts, options);
  if (!report) return std::unexpected(report.error());
  return DataFileCheck{std::move(*report), std::string(path_or_url), "", 0};
}

}  // namespace pintu::actions

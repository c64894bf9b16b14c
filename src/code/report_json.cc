#include "code/report_json.h"

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

#include <boost/json.hpp>

#include "core/ids.h"

namespace pintu::code {
namespace json = boost::json;
namespace pc = formats::publiccode;
namespace {

json::array Strings(const std::vector<std::string>& items) {
  json::array a;
  for (const auto& s : items) a.emplace_back(s);
  return a;
}

bool IsRelativeAsset(const std::string& value) {
  if (value.empty() || value.find("://") != std::string::npos || value.starts_with("/")) return false;
  return true;
}

// A temporary folder removed when this goes out of scope.
class TempFolder {
 public:
  TempFolder() {
    std::error_code ec;
    path_ = std::filesystem::temp_directory_path(ec) / ("pintu-publiccode-" + NewUuid());
    std::filesystem::create_directories(path_, ec);
  }
  ~TempFolder() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace

json::object VitalityToJson(const Vitality& v) {
  json::object o{{"commits_60d", v.commits_60d},           {"commits_365d", v.commits_365d},
                 {"contributors_60d", v.contributors_60d}, {"contributors_365d", v.contributors_365d},
                 {"releases_60d", v.releases_60d},         {"releases_365d", v.releases_365d},
                 {"score", v.score}};
  if (v.last_commit_unix) o["last_commit_unix"] = *v.last_commit_unix;
  return o;
}

json::object ReadinessReportToJson(const ReadinessReport& r) {
  json::array criteria;
  for (const auto& c : r.criteria)
    criteria.push_back(json::object{{"code", c.code},
                                    {"state", CriterionStateCode(c.state)},
                                    {"automatic", c.automatic},
                                    {"evidence_en", Strings(c.evidence_en)},
                                    {"evidence_zh", Strings(c.evidence_zh)}});
  return json::object{{"met", r.met}, {"automatic", r.automatic}, {"criteria", std::move(criteria)}};
}

pc::ValidationResult ValidateCrawledPubliccode(const RepositorySnapshot& repo, const CrawlOptions& options,
                                               pc::Mode mode) {
  pc::ValidateOptions validate;
  validate.mode = mode;
  const std::string& text = repo.publiccode_yml.value_or(std::string());
  TempFolder folder;
  // First pass: which local files does the file name? Then copy them out of the clone.
  pc::ValidationResult first = pc::ValidatePubliccode(text, folder.path(), validate);
  std::set<std::string> wanted;
  if (first.document) {
    const pc::Publiccode& doc = *first.document;
    for (const auto* logo : {&doc.logo, &doc.monochrome_logo})
      if (*logo && IsRelativeAsset(**logo)) wanted.insert(std::filesystem::path(**logo).lexically_normal().string());
    for (const auto& [lang, d] : doc.description)
      for (const auto& s : d.screenshots)
        if (IsRelativeAsset(s)) wanted.insert(std::filesystem::path(s).lexically_normal().string());
  }
  if (wanted.empty()) return first;
  std::vector<std::string> paths;
  for (const auto& p : wanted)
    if (!p.starts_with("..")) paths.push_back(p);
  auto files = ReadFilesAtCommit(repo.url, options, repo.head_commit, paths, 8 * 1024 * 1024);
  if (!files) return first;  // the missing files are reported by the first pass
  for (const auto& [path, bytes] : *files) {
    std::filesystem::path target = folder.path() / path;
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    std::ofstream out(target, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  return pc::ValidatePubliccode(text, folder.path(), validate);
}

}  // namespace pintu::code

// Procurement readiness: which of the 16 criteria the repository and publiccode.yml show.
#include "code/readiness.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

#include "code/licence_summary.h"

namespace pintu::code {
namespace {

namespace pc = formats::publiccode;

constexpr int64_t kDay = 86'400;

std::string Lower(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

std::string_view FileName(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string_view Folder(std::string_view path) {
  const auto slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash + 1);
}

// Builds one criterion's result.
class Criterion {
 public:
  explicit Criterion(std::string_view code) { result_.code = std::string(code); }
  void Saw(std::string en, std::string zh) {
    result_.evidence_en.push_back(std::move(en));
    result_.evidence_zh.push_back(std::move(zh));
  }
  CriterionResult Decide(CriterionState state) {
    result_.state = state;
    result_.automatic = state != CriterionState::kSelfAssess;
    return std::move(result_);
  }
  CriterionResult Decide(bool met) { return Decide(met ? CriterionState::kMet : CriterionState::kNotMet); }
  CriterionResult SelfAssess() {
    Saw("The repository cannot show this; the supplier has to answer.", "儲存庫無法顯示這一項，須由供應商自行說明。");
    return Decide(CriterionState::kSelfAssess);
  }

 private:
  CriterionResult result_;
};

// What the repository shows, gathered once.
struct RepositoryFacts {
  bool available = false;
  std::string licence_file, readme, contributing, security_file, ci_file, tests_path, docs_folder;
  bool security_has_channel = false;
  std::size_t commits = 0, tags = 0;
  std::optional<int64_t> last_commit;
};

bool IsCiPath(std::string_view path) {
  if (path.starts_with(".github/workflows/") && (path.ends_with(".yml") || path.ends_with(".yaml"))) return true;
  if (path.starts_with(".woodpecker/") || path.starts_with(".circleci/")) return true;
  for (std::string_view exact : {".gitlab-ci.yml", "Jenkinsfile", ".travis.yml", "azure-pipelines.yml", ".drone.yml",
                                 "bitbucket-pipelines.yml", ".woodpecker.yml", ".cirrus.yml", "appveyor.yml"}) {
    if (path == exact) return true;
  }
  return false;
}

bool IsTestPath(std::string_view path) {
  const std::string lower = Lower(path);
  for (std::string_view folder : {"test/", "tests/", "spec/", "__tests__/", "testing/"}) {
    if (lower.starts_with(folder) || lower.find("/" + std::string(folder)) != std::string::npos) return true;
  }
  const std::string name = Lower(FileName(path));
  const auto dot = name.find('.');
  const std::string stem = name.substr(0, dot);
  return stem.ends_with("_test") || stem.ends_with("_spec") || stem.starts_with("test_") ||
         name.find(".test.") != std::string::npos || name.find(".spec.") != std::string::npos ||
         std::string(FileName(path)).find("Test.") != std::string::npos;
}

bool InDocumentFolder(std::string_view path) {
  const auto folder = Folder(path);
  return folder.empty() || folder == ".github/" || folder == "docs/";
}

RepositoryFacts GatherFacts(const RepositorySnapshot& repo) {
  RepositoryFacts facts;
  facts.available = true;
  for (const std::string& path : repo.paths) {
    const std::string name = Lower(FileName(path));
    const bool at_root = Folder(path).empty();
    if (at_root && facts.licence_file.empty() &&
        (name.starts_with("license") || name.starts_with("licence") || name.starts_with("copying"))) {
      facts.licence_file = path;
    }
    if (at_root && facts.readme.empty() && name.starts_with("readme")) facts.readme = path;
    if (InDocumentFolder(path) && facts.contributing.empty() && name.starts_with("contributing")) facts.contributing = path;
    if (facts.ci_file.empty() && IsCiPath(path)) facts.ci_file = path;
    if (facts.tests_path.empty() && IsTestPath(path)) facts.tests_path = path;
    if (facts.docs_folder.empty() && (path.starts_with("docs/") || path.starts_with("doc/"))) {
      facts.docs_folder = path.substr(0, path.find('/') + 1);
    }
  }
  for (const auto& [path, text] : repo.documents) {
    if (!InDocumentFolder(path) || !Lower(FileName(path)).starts_with("security")) continue;
    if (facts.security_file.empty()) facts.security_file = path;
    if (NamesClosedSecurityChannel(text)) {
      facts.security_file = path;
      facts.security_has_channel = true;
      break;
    }
  }
  facts.commits = repo.commits.size();
  facts.tags = repo.tags.size();
  for (const auto& commit : repo.commits) {
    if (!facts.last_commit || commit.unix_seconds > *facts.last_commit) facts.last_commit = commit.unix_seconds;
  }
  return facts;
}

// ---- per-criterion rules ----------------------------------------------------------------

CriterionResult CodeInTheOpen(const RepositoryFacts& r, int64_t now) {
  Criterion c("code-in-the-open");
  if (!r.available) return c.SelfAssess();
  c.Saw("The repository is public: it was cloned without credentials.", "儲存庫是公開的：不需帳密即可複製。");
  const bool recent = r.last_commit && now - *r.last_commit <= 365 * kDay;
  if (recent) {
    c.Saw("The last commit is less than a year old, so the published code is the code being worked on.",
          "最近一次提交不到一年，公開的程式碼就是正在開發的程式碼。");
  } else {
    c.Saw("No commit in the last 365 days: the published code may not be the code in use.",
          "最近 365 天沒有任何提交：公開的程式碼可能不是實際使用中的版本。");
  }
  return c.Decide(recent);
}

CriterionResult WelcomeContributors(const RepositoryFacts& r) {
  Criterion c("welcome-contributors");
  if (!r.available) return c.SelfAssess();
  if (!r.contributing.empty()) {
    c.Saw(fmt::format("Contribution guidelines: {}.", r.contributing), fmt::format("貢獻指南：{}。", r.contributing));
  } else {
    c.Saw("No CONTRIBUTING file at the root, in .github/ or in docs/.", "根目錄、.github/ 與 docs/ 都沒有 CONTRIBUTING 檔案。");
  }
  return c.Decide(!r.contributing.empty());
}

CriterionResult MakeContributingEasy(const RepositoryFacts& r) {
  Criterion c("make-contributing-easy");
  if (!r.available) return c.SelfAssess();
  if (r.security_file.empty()) {
    c.Saw("No SECURITY.md telling how to report vulnerabilities privately.", "沒有說明如何私下通報漏洞的 SECURITY.md。");
  } else if (r.security_has_channel) {
    c.Saw(fmt::format("{} names a closed channel (an e-mail address or a private advisory form) for vulnerability reports.",
                      r.security_file),
          fmt::format("{} 列出通報漏洞的非公開管道（電子郵件或私密通報表單）。", r.security_file));
  } else {
    c.Saw(fmt::format("{} names no closed channel (no e-mail address or private advisory link).", r.security_file),
          fmt::format("{} 沒有列出非公開的通報管道（沒有電子郵件或私密通報連結）。", r.security_file));
  }
  return c.Decide(r.security_has_channel);
}

CriterionResult VersionControl(const RepositoryFacts& r) {
  Criterion c("version-control");
  if (!r.available) return c.SelfAssess();
  c.Saw(fmt::format("The code is in git with {} commits of public history on the default branch.", r.commits),
        fmt::format("程式碼以 git 管理，預設分支有 {} 筆公開的提交紀錄。", r.commits));
  return c.Decide(r.commits > 0);
}

bool HasDescription(const pc::Publiccode& doc) {
  return std::ranges::any_of(doc.description, [](const auto& entry) {
    return (entry.second.short_description && !entry.second.short_description->empty()) ||
           (entry.second.long_description && !entry.second.long_description->empty());
  });
}

bool HasDocumentationUrl(const pc::Publiccode& doc) {
  return std::ranges::any_of(doc.description, [](const auto& entry) {
    return entry.second.documentation && !entry.second.documentation->empty();
  });
}

CriterionResult DocumentObjectives(const RepositoryFacts& r, const pc::ValidationResult& v) {
  Criterion c("document-objectives");
  const bool described = v.document && HasDescription(*v.document);
  if (described) {
    c.Saw("publiccode.yml describes what the software is for.", "publiccode.yml 說明了軟體的用途。");
  } else {
    c.Saw("publiccode.yml has no short or long description.", "publiccode.yml 沒有簡短或詳細說明。");
  }
  if (!r.readme.empty()) c.Saw(fmt::format("README: {}.", r.readme), fmt::format("說明檔：{}。", r.readme));
  if (!described && !r.available) return c.SelfAssess();
  return c.Decide(described || !r.readme.empty());
}

CriterionResult DocumentTheCode(const RepositoryFacts& r, const pc::ValidationResult& v) {
  Criterion c("document-the-code");
  const bool doc_url = v.document && HasDocumentationUrl(*v.document);
  if (doc_url) c.Saw("publiccode.yml links to the documentation.", "publiccode.yml 附有文件連結。");
  if (!r.available) return doc_url ? c.Decide(true) : c.SelfAssess();
  if (!r.readme.empty()) {
    c.Saw(fmt::format("README: {}.", r.readme), fmt::format("說明檔：{}。", r.readme));
  } else {
    c.Saw("No README at the root of the repository.", "儲存庫根目錄沒有 README。");
  }
  if (!r.docs_folder.empty()) c.Saw(fmt::format("Documentation folder: {}.", r.docs_folder), fmt::format("文件資料夾：{}。", r.docs_folder));
  return c.Decide(!r.readme.empty());
}

CriterionResult ContinuousIntegration(const RepositoryFacts& r) {
  Criterion c("continuous-integration");
  if (!r.available) return c.SelfAssess();
  if (!r.ci_file.empty()) {
    c.Saw(fmt::format("CI configuration: {}.", r.ci_file), fmt::format("持續整合設定：{}。", r.ci_file));
  } else {
    c.Saw("No CI configuration (.github/workflows/, .gitlab-ci.yml, Jenkinsfile …).", "沒有持續整合設定（.github/workflows/、.gitlab-ci.yml、Jenkinsfile 等）。");
  }
  if (!r.tests_path.empty()) {
    c.Saw(fmt::format("Automated tests, e.g. {}.", r.tests_path), fmt::format("有自動化測試，例如 {}。", r.tests_path));
  } else {
    c.Saw("No tests found (no test/ or tests/ folder, no *_test files).", "找不到測試（沒有 test/、tests/ 資料夾或 *_test 檔案）。");
  }
  return c.Decide(!r.ci_file.empty() && !r.tests_path.empty());
}

CriterionResult OpenLicense(const RepositoryFacts& r, const pc::ValidationResult& v) {
  Criterion c("open-license");
  bool osi = false;
  if (v.document && !v.document->legal.license.empty()) {
    const LicenceSummary summary = SummariseLicence(v.document->legal.license);
    osi = summary.osi_approved;
    if (osi) {
      c.Saw(fmt::format("publiccode.yml states the licence {}, approved by the Open Source Initiative.", summary.expression),
            fmt::format("publiccode.yml 標示授權 {}，為開放原始碼促進會（OSI）認可的授權。", summary.expression));
    } else {
      c.Saw(fmt::format("publiccode.yml states the licence \"{}\", which is not (entirely) OSI-approved.", summary.expression),
            fmt::format("publiccode.yml 標示授權「{}」，並非（全部）經 OSI 認可。", summary.expression));
    }
  } else {
    c.Saw("No licence stated in a publiccode.yml.", "沒有 publiccode.yml 標示的授權。");
  }
  if (!r.available) {
    if (osi) c.Saw("The licence file itself could not be checked without the repository.", "沒有儲存庫，無法檢查授權檔案本身。");
    return c.Decide(osi);
  }
  if (!r.licence_file.empty()) {
    c.Saw(fmt::format("Licence file: {}.", r.licence_file), fmt::format("授權檔案：{}。", r.licence_file));
  } else {
    c.Saw("No LICENSE, LICENCE or COPYING file at the root of the repository.", "儲存庫根目錄沒有 LICENSE、LICENCE 或 COPYING 檔案。");
  }
  return c.Decide(osi && !r.licence_file.empty());
}

CriterionResult Findable(const pc::ValidationResult& v) {
  Criterion c("findable");
  if (v.document && v.valid()) {
    c.Saw("A valid publiccode.yml describes the software for catalogues.", "有效的 publiccode.yml 讓目錄系統能找到並描述這個軟體。");
  } else if (v.document) {
    c.Saw(fmt::format("publiccode.yml has {} error(s).", v.errors.size()), fmt::format("publiccode.yml 有 {} 個錯誤。", v.errors.size()));
  } else {
    c.Saw("No readable publiccode.yml.", "沒有可讀取的 publiccode.yml。");
  }
  return c.Decide(v.document.has_value() && v.valid());
}

CriterionResult DocumentMaturity(const RepositoryFacts& r, const pc::ValidationResult& v) {
  Criterion c("document-maturity");
  const bool status = v.document && !v.document->development_status.empty();
  if (status) {
    c.Saw(fmt::format("publiccode.yml states the development status \"{}\".", v.document->development_status),
          fmt::format("publiccode.yml 標示開發狀態「{}」。", v.document->development_status));
  } else {
    c.Saw("No development status stated in a publiccode.yml.", "沒有 publiccode.yml 標示的開發狀態。");
  }
  bool versioned = false;
  if (r.available) {
    versioned = r.tags > 0;
    if (versioned) {
      c.Saw(fmt::format("{} tagged release(s).", r.tags), fmt::format("{} 個標記的版本。", r.tags));
    } else {
      c.Saw("No tagged releases.", "沒有標記任何版本。");
    }
  } else if (v.document && v.document->software_version) {
    versioned = true;
    c.Saw(fmt::format("publiccode.yml states version {}.", *v.document->software_version),
          fmt::format("publiccode.yml 標示版本 {}。", *v.document->software_version));
  }
  return c.Decide(status && versioned);
}

ReadinessReport Assess(const RepositoryFacts& r, const pc::ValidationResult& v, int64_t now) {
  ReadinessReport report;
  report.criteria.push_back(CodeInTheOpen(r, now));
  report.criteria.push_back(Criterion("bundle-policy").SelfAssess());
  report.criteria.push_back(Criterion("reusable-portable").SelfAssess());
  report.criteria.push_back(WelcomeContributors(r));
  report.criteria.push_back(MakeContributingEasy(r));
  report.criteria.push_back(VersionControl(r));
  report.criteria.push_back(Criterion("require-review").SelfAssess());
  report.criteria.push_back(DocumentObjectives(r, v));
  report.criteria.push_back(DocumentTheCode(r, v));
  report.criteria.push_back(Criterion("plain-english").SelfAssess());
  report.criteria.push_back(Criterion("open-standards").SelfAssess());
  report.criteria.push_back(ContinuousIntegration(r));
  report.criteria.push_back(OpenLicense(r, v));
  report.criteria.push_back(Findable(v));
  report.criteria.push_back(Criterion("coherent-style").SelfAssess());
  report.criteria.push_back(DocumentMaturity(r, v));
  for (const auto& criterion : report.criteria) {
    report.met += criterion.state == CriterionState::kMet;
    report.automatic += criterion.automatic;
  }
  return report;
}

bool IsLocalPartChar(unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool IsDomainChar(unsigned char c) { return std::isalnum(c) || c == '.' || c == '-'; }

}  // namespace

bool NamesClosedSecurityChannel(std::string_view text) {
  const std::string lower = Lower(text);
  if (lower.find("/security/advisories") != std::string::npos) return true;  // GitHub private reporting
  if (lower.find("confidential issue") != std::string::npos) return true;     // GitLab confidential issues
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    std::size_t begin = at;
    while (begin > 0 && IsLocalPartChar(text[begin - 1])) --begin;
    std::size_t end = at + 1;
    while (end < text.size() && IsDomainChar(text[end])) ++end;
    std::string_view domain = text.substr(at + 1, end - at - 1);
    while (domain.ends_with('.')) domain.remove_suffix(1);  // sentence full stop
    const auto dot = domain.rfind('.');
    if (begin == at || dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
    const std::string_view tld = domain.substr(dot + 1);
    if (std::ranges::all_of(tld, [](unsigned char c) { return std::isalpha(c); })) return true;
  }
  return false;
}

ReadinessReport AssessReadiness(const RepositorySnapshot& repo, const pc::ValidationResult& pc, int64_t now_unix) {
  return Assess(GatherFacts(repo), pc, now_unix);
}

ReadinessReport AssessReadinessWithoutRepository(const pc::ValidationResult& pc, int64_t now_unix) {
  return Assess(RepositoryFacts{}, pc, now_unix);
}

}  // namespace pintu::code

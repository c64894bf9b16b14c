// Procurement readiness: the 16 criteria of the Standard for Public Code
// (standard.publiccode.net), each checked automatically where the repository or the
// publiccode.yml tells, otherwise left for the supplier to self-assess. Rules:
// docs/publiccode.md, "Procurement readiness".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "code/git_crawl.h"
#include "formats/publiccode/validate.h"

namespace pintu::code {

// kSelfAssess: the repository cannot tell; the supplier has to answer.
enum class CriterionState { kMet, kNotMet, kSelfAssess };

// Stable code of a state: "met", "not_met", "self_assess".
std::string_view CriterionStateCode(CriterionState state);

// The outcome of one criterion with what was seen or missing, in both languages.
struct CriterionResult {
  std::string code;  // stable, e.g. "open-license" (see AllCriteria)
  CriterionState state = CriterionState::kSelfAssess;
  std::vector<std::string> evidence_en, evidence_zh;  // same length, same order
  bool automatic = false;  // true when the state was decided from the data (met/not met)
};

// All 16 criteria in the standard's order; `met` and `automatic` count them.
struct ReadinessReport {
  std::vector<CriterionResult> criteria;
  int met = 0, automatic = 0;
};

// Assesses a crawled repository and the validation of its publiccode.yml (an empty
// ValidationResult when there was none) as of `now_unix`.
ReadinessReport AssessReadiness(const RepositorySnapshot& repo,
                                const formats::publiccode::ValidationResult& pc, int64_t now_unix);

// Readiness of an entry without a repository (uploaded publiccode.yml only): what the file
// tells; everything that needs the repository is self-assessed.
ReadinessReport AssessReadinessWithoutRepository(const formats::publiccode::ValidationResult& pc,
                                                 int64_t now_unix);

// Bilingual name and one-line plain-language explanation of a criterion.
struct CriterionInfo {
  std::string_view code, name_en, name_zh, explain_en, explain_zh;
};

// The 16 criteria in the standard's order (static data; the reference stays valid).
const std::vector<CriterionInfo>& AllCriteria();

// True when `text` names a closed channel for vulnerability reports: an e-mail address or
// a private advisory URL (GitHub "security/advisories", GitLab confidential issues).
bool NamesClosedSecurityChannel(std::string_view text);

}  // namespace pintu::code

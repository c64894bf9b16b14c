// Tests of procurement readiness (src/code/readiness.h) on a well-kept repository, a bare
// one and an entry without a repository.
#include "code/readiness.h"

#include <gtest/gtest.h>

#include <set>

#include "code/test_repo.h"
#include "support/temp_dir.h"

namespace pintu::code {
namespace {

namespace pc = formats::publiccode;

constexpr int64_t kDay = 86'400;
constexpr int64_t kNow = 1'790'000'000;

constexpr char kPubliccode[] = R"(publiccodeYmlVersion: "0.4"
name: Parking permits
url: "https://example.org/parking.git"
softwareVersion: "1.1"
releaseDate: "2026-09-01"
platforms: [web]
developmentStatus: stable
softwareType: standalone/web
description:
  en:
    shortDescription: Residents apply for parking permits online.
    longDescription: >
      Residents apply for parking permits online and the office decides within a week.
      The system keeps every application and decision, and sends reminders before permits expire.
      It replaces the paper forms the office used before and works on phones too.
    features: [Online applications]
legal:
  license: EUPL-1.2
maintenance:
  type: internal
  contacts:
    - name: Office of Transport
localisation:
  localisationReady: true
  availableLanguages: [en]
)";

const CriterionResult& Find(const ReadinessReport& report, std::string_view code) {
  for (const auto& c : report.criteria) {
    if (c.code == code) return c;
  }
  static const CriterionResult missing{"missing", CriterionState::kSelfAssess, {}, {}, false};
  ADD_FAILURE() << "no criterion " << code;
  return missing;
}

void ExpectWellFormed(const ReadinessReport& report) {
  ASSERT_EQ(report.criteria.size(), 16u);
  int met = 0, automatic = 0;
  for (size_t i = 0; i < report.criteria.size(); ++i) {
    const auto& c = report.criteria[i];
    EXPECT_EQ(c.code, AllCriteria()[i].code);  // the standard's order
    EXPECT_EQ(c.evidence_en.size(), c.evidence_zh.size()) << c.code;
    EXPECT_FALSE(c.evidence_en.empty()) << c.code;
    EXPECT_EQ(c.automatic, c.state != CriterionState::kSelfAssess) << c.code;
    met += c.state == CriterionState::kMet;
    automatic += c.automatic;
  }
  EXPECT_EQ(report.met, met);
  EXPECT_EQ(report.automatic, automatic);
}

class CodeReadinessTest : public ::testing::Test {
 protected:
  CodeReadinessTest() : origin_(dir_.File("origin.git")) {
    options_.cache_dir = dir_.File("cache");
    options_.allow_file_urls = true;
  }
  RepositorySnapshot Crawl() {
    auto snapshot = CrawlRepository(origin_.url(), options_);
    EXPECT_TRUE(snapshot.has_value()) << snapshot.error().message;
    return snapshot.value_or(RepositorySnapshot{});
  }
  pintu::test::TempDir dir_;
  test::TestRepo origin_;
  CrawlOptions options_;
};

TEST(CodeCriteriaTest, SixteenCriteriaWithBilingualTexts) {
  const auto& all = AllCriteria();
  ASSERT_EQ(all.size(), 16u);
  std::set<std::string_view> codes;
  for (const auto& c : all) {
    codes.insert(c.code);
    EXPECT_FALSE(c.name_en.empty());
    EXPECT_FALSE(c.name_zh.empty());
    EXPECT_FALSE(c.explain_en.empty());
    EXPECT_FALSE(c.explain_zh.empty());
  }
  EXPECT_EQ(codes.size(), 16u);
  EXPECT_EQ(all.front().code, "code-in-the-open");
  EXPECT_EQ(all.back().code, "document-maturity");
  EXPECT_EQ(CriterionStateCode(CriterionState::kSelfAssess), "self_assess");
}

TEST_F(CodeReadinessTest, WellKeptRepositoryMeetsEveryAutomaticCriterion) {
  origin_.Write("publiccode.yml", kPubliccode);
  origin_.Write("LICENSE", "European Union Public Licence v. 1.2\n");
  origin_.Write("README.md", "# Parking permits\n");
  origin_.Write("CONTRIBUTING.md", "Open an issue, then a merge request.\n");
  origin_.Write("SECURITY.md", "Report vulnerabilities privately to security@parking.example.org.\n");
  origin_.Write(".github/workflows/ci.yml", "on: push\n");
  origin_.Write("tests/permit_test.py", "def test(): pass\n");
  origin_.Write("docs/install.md", "Install it.\n");
  const auto c1 = origin_.Commit("1", "Alice", "alice@example.org", kNow - 100 * kDay);
  origin_.AnnotatedTag("v1.0", c1, kNow - 100 * kDay);
  origin_.Commit("2", "Bob", "bob@example.org", kNow - 5 * kDay);
  const RepositorySnapshot repo = Crawl();
  const auto validation = pc::ValidatePubliccode(*repo.publiccode_yml, {}, {});
  ASSERT_TRUE(validation.valid());

  const ReadinessReport report = AssessReadiness(repo, validation, kNow);
  ExpectWellFormed(report);
  for (std::string_view code : {"code-in-the-open", "welcome-contributors", "make-contributing-easy", "version-control",
                                "document-objectives", "document-the-code", "continuous-integration", "open-license",
                                "findable", "document-maturity"}) {
    EXPECT_EQ(Find(report, code).state, CriterionState::kMet) << code << ": " << Find(report, code).evidence_en.back();
  }
  for (std::string_view code : {"bundle-policy", "reusable-portable", "require-review", "plain-english", "open-standards",
                                "coherent-style"}) {
    EXPECT_EQ(Find(report, code).state, CriterionState::kSelfAssess) << code;
  }
  EXPECT_EQ(report.met, 10);
  EXPECT_EQ(report.automatic, 10);
  const auto& ci = Find(report, "continuous-integration");
  EXPECT_NE(ci.evidence_en[0].find(".github/workflows/ci.yml"), std::string::npos);
  EXPECT_NE(Find(report, "make-contributing-easy").evidence_en[0].find("SECURITY.md"), std::string::npos);
}

TEST_F(CodeReadinessTest, BareRepositoryMeetsOnlyVersionControl) {
  origin_.Write("main.c", "int main(void) { return 0; }\n");
  origin_.Commit("1", "Alice", "alice@example.org", kNow - 500 * kDay);
  const RepositorySnapshot repo = Crawl();
  const ReadinessReport report = AssessReadiness(repo, pc::ValidationResult{}, kNow);
  ExpectWellFormed(report);
  EXPECT_EQ(Find(report, "version-control").state, CriterionState::kMet);
  for (std::string_view code : {"code-in-the-open", "welcome-contributors", "make-contributing-easy", "document-objectives",
                                "document-the-code", "continuous-integration", "open-license", "findable",
                                "document-maturity"}) {
    EXPECT_EQ(Find(report, code).state, CriterionState::kNotMet) << code;
  }
  EXPECT_EQ(report.met, 1);
  EXPECT_EQ(report.automatic, 10);
  // Stale code: the evidence says why it is not "in the open".
  EXPECT_NE(Find(report, "code-in-the-open").evidence_en.back().find("365 days"), std::string::npos);
}

TEST_F(CodeReadinessTest, SecurityPolicyWithoutAClosedChannelIsNotEnough) {
  origin_.Write("SECURITY.md", "Please open a public issue for anything.\n");
  origin_.Commit("1", "Alice", "alice@example.org", kNow - kDay);
  const ReadinessReport report = AssessReadiness(Crawl(), pc::ValidationResult{}, kNow);
  const auto& c = Find(report, "make-contributing-easy");
  EXPECT_EQ(c.state, CriterionState::kNotMet);
  EXPECT_NE(c.evidence_en[0].find("names no closed channel"), std::string::npos);
}

TEST_F(CodeReadinessTest, NonOsiLicenceIsNotOpen) {
  std::string yml = kPubliccode;
  yml.replace(yml.find("EUPL-1.2"), 8, "CC-BY-NC-4.0");
  origin_.Write("publiccode.yml", yml);
  origin_.Write("LICENSE", "CC BY-NC\n");
  origin_.Commit("1", "Alice", "alice@example.org", kNow - kDay);
  const RepositorySnapshot repo = Crawl();
  const auto report = AssessReadiness(repo, pc::ValidatePubliccode(*repo.publiccode_yml, {}, {}), kNow);
  EXPECT_EQ(Find(report, "open-license").state, CriterionState::kNotMet);
}

TEST(CodeReadinessWithoutRepositoryTest, OnlyWhatTheFileTells) {
  const auto validation = pc::ValidatePubliccode(kPubliccode, {}, {});
  ASSERT_TRUE(validation.valid());
  const ReadinessReport report = AssessReadinessWithoutRepository(validation, kNow);
  ExpectWellFormed(report);
  EXPECT_EQ(Find(report, "open-license").state, CriterionState::kMet);
  EXPECT_EQ(Find(report, "findable").state, CriterionState::kMet);
  EXPECT_EQ(Find(report, "document-objectives").state, CriterionState::kMet);
  EXPECT_EQ(Find(report, "document-maturity").state, CriterionState::kMet);  // status + softwareVersion
  for (std::string_view code : {"code-in-the-open", "welcome-contributors", "make-contributing-easy", "version-control",
                                "document-the-code", "continuous-integration"}) {
    EXPECT_EQ(Find(report, code).state, CriterionState::kSelfAssess) << code;
  }
  EXPECT_EQ(report.met, 4);
}

TEST(CodeReadinessWithoutRepositoryTest, UnreadableFileMeetsNothing) {
  const auto validation = pc::ValidatePubliccode(std::string("\0\xff garbage", 10), {}, {});
  const ReadinessReport report = AssessReadinessWithoutRepository(validation, kNow);
  ExpectWellFormed(report);
  EXPECT_EQ(report.met, 0);
  EXPECT_EQ(Find(report, "findable").state, CriterionState::kNotMet);
}

TEST(CodeClosedChannelTest, EmailsAndPrivateAdvisoriesCount) {
  EXPECT_TRUE(NamesClosedSecurityChannel("Write to security@example.org."));
  EXPECT_TRUE(NamesClosedSecurityChannel("mailto:sec+vuln@gov.example.tw"));
  EXPECT_TRUE(NamesClosedSecurityChannel("Use https://github.com/org/repo/security/advisories/new"));
  EXPECT_TRUE(NamesClosedSecurityChannel("Open a confidential issue on GitLab."));
  EXPECT_FALSE(NamesClosedSecurityChannel("Open an issue at https://github.com/org/repo/issues"));
  EXPECT_FALSE(NamesClosedSecurityChannel("Ping @maintainer on chat"));
  EXPECT_FALSE(NamesClosedSecurityChannel("user@localhost"));
  EXPECT_FALSE(NamesClosedSecurityChannel("a@b.c1"));
  EXPECT_FALSE(NamesClosedSecurityChannel(std::string(300000, '@')));
  EXPECT_FALSE(NamesClosedSecurityChannel(""));
}

}  // namespace
}  // namespace pintu::code

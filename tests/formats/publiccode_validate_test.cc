// The publiccode.yml validator on Pintu's own small documents: what a publisher sees for
// common mistakes (key paths, messages, positions), lenient mode and the tw: section.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "formats/publiccode_fixture.h"
#include "formats/publiccode/validate.h"
#include "support/temp_dir.h"

namespace pintu::formats::publiccode {
namespace {

using test::kMinimal;
using test::Replace;

ValidationResult Check(const std::string& text, Mode mode = Mode::kStrict, const std::string& dir = "/nonexistent") {
  ValidateOptions options;
  options.mode = mode;
  return ValidatePubliccode(text, dir, options);
}

std::vector<std::string> Keys(const Findings& findings) {
  std::vector<std::string> keys;
  for (const auto& f : findings) keys.push_back(f.key);
  return keys;
}

const Finding* Find(const Findings& findings, const std::string& key) {
  auto it = std::find_if(findings.begin(), findings.end(), [&](const Finding& f) { return f.key == key; });
  return it == findings.end() ? nullptr : &*it;
}

TEST(PubliccodeValidate, MinimalDocumentIsValidAndTyped) {
  auto r = Check(kMinimal);
  EXPECT_TRUE(r.valid()) << testing::PrintToString(Keys(r.errors));
  EXPECT_TRUE(r.warnings.empty()) << testing::PrintToString(Keys(r.warnings));
  ASSERT_TRUE(r.document);
  EXPECT_EQ(r.version, "0");
  EXPECT_EQ(r.document->name, "Pintu");
  ASSERT_EQ(r.document->description.count("zh-TW"), 1u);
  EXPECT_EQ(r.document->description.at("zh-TW").short_description, "開放資料平台");
  ASSERT_TRUE(r.document->maintenance.contractors);
  EXPECT_EQ(r.document->maintenance.contractors->at(0).until, "2027-06-30");
  EXPECT_EQ(r.document->localisation.localisation_ready, true);
}

TEST(PubliccodeValidate, BadContractEndIsReportedAtItsKeyPathAndLine) {
  auto r = Check(Replace(kMinimal, "until: \"2027-06-30\"", "until: \"30/06/2027\""));
  ASSERT_EQ(r.errors.size(), 1u) << testing::PrintToString(Keys(r.errors));
  EXPECT_EQ(r.errors[0].key, "maintenance.contractors[0].until");
  EXPECT_EQ(r.errors[0].message, "until must be a date with format 'YYYY-MM-DD'");
  EXPECT_FALSE(r.errors[0].message_zh.empty());
  EXPECT_EQ(r.errors[0].line, 33);
  EXPECT_EQ(r.errors[0].column, 7);
}

TEST(PubliccodeValidate, NonAlphabeticLanguageStaysInBrackets) {
  auto r = Check(Replace(kMinimal, "    features:\n      - 搜尋\n", ""));
  EXPECT_EQ(Keys(r.errors), std::vector<std::string>{"description[zh-TW].features"});
  EXPECT_EQ(r.errors.at(0).message, "features must contain more than 0 items");
}

TEST(PubliccodeValidate, Yaml11BooleansAreWrongTypes) {
  for (std::string word : {"yes", "no", "on", "off", "\"true\""}) {
    auto r = Check(Replace(kMinimal, "localisationReady: true", "localisationReady: " + word));
    EXPECT_FALSE(r.valid()) << word;
    const Finding* f = Find(r.errors, "localisation.localisationReady");
    ASSERT_NE(f, nullptr) << word;
    EXPECT_EQ(f->message, "wrong type for this field");
  }
  EXPECT_TRUE(Check(Replace(kMinimal, "localisationReady: true", "localisationReady: false")).valid());
}

TEST(PubliccodeValidate, LengthsCountGraphemeClustersNotBytes) {
  // 150 family emoji (each several code points, 25 bytes) is exactly the limit.
  std::string family = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466";
  std::string at_limit;
  for (int i = 0; i < 150; ++i) at_limit += family;
  EXPECT_TRUE(Check(Replace(kMinimal, "An open-data platform", "\"" + at_limit + "\"")).valid());
  auto r = Check(Replace(kMinimal, "An open-data platform", "\"" + at_limit + family + "\""));
  EXPECT_EQ(Keys(r.errors), std::vector<std::string>{"description.en.shortDescription"});
  EXPECT_EQ(r.errors.at(0).message, "shortDescription must be a maximum of 150 characters in length");
}

TEST(PubliccodeValidate, UnknownKeysAreErrorsCaseSensitively) {
  auto r = Check(kMinimal + "It:\n  countryExtensionVersion: \"1.0\"\n");
  EXPECT_EQ(Keys(r.errors), std::vector<std::string>{"It"});
  EXPECT_EQ(r.errors.at(0).message, "unknown field \"It\"");
  EXPECT_EQ(r.errors.at(0).line, 39);
}

TEST(PubliccodeValidate, LicenceMustBeAnSpdxExpression) {
  auto r = Check(Replace(kMinimal, "MIT OR (Apache-2.0 WITH LLVM-exception)", "MIT License"));
  EXPECT_EQ(Keys(r.errors), std::vector<std::string>{"legal.license"});
  EXPECT_EQ(r.errors.at(0).message, "license must be a valid license (see https://spdx.org/licenses)");
  EXPECT_TRUE(r.errors.at(0).hint.empty()) << "strict mode words messages like the reference";
  auto lenient = Check(Replace(kMinimal, "MIT OR (Apache-2.0 WITH LLVM-exception)", "MIT License"), Mode::kLenient);
  ASSERT_EQ(lenient.errors.size(), 1u);
  EXPECT_EQ(lenient.errors[0].hint, "did you mean `MIT`?");
  EXPECT_EQ(lenient.errors[0].hint_zh, "是否是指 `MIT`？");
}

TEST(PubliccodeValidate, ContractorsOnlyWithContractAndContactsForInternal) {
  auto r = Check(Replace(kMinimal, "type: contract", "type: internal"));
  std::vector<std::string> want = {"maintenance.contractors", "maintenance.contacts"};
  EXPECT_EQ(Keys(r.errors), want);
  EXPECT_EQ(r.errors.at(1).message, "contacts is a required field when \"type\" is \"internal\"");
}

TEST(PubliccodeValidate, OldVersionsWarnAndDeprecatedKeysWarn) {
  auto r = Check(Replace(Replace(kMinimal, "publiccodeYmlVersion: \"0\"", "publiccodeYmlVersion: \"0.2\""),
                         "  license:", "  repoOwner: City\n  license:"));
  EXPECT_TRUE(r.valid());
  std::vector<std::string> want = {"publiccodeYmlVersion", "legal.repoOwner"};
  EXPECT_EQ(Keys(r.warnings), want);
  EXPECT_EQ(r.warnings[0].message, "v0.2 is not the latest version, use '0'. Parsing this file as v0.7.");
  auto unquoted = Check(Replace(kMinimal, "publiccodeYmlVersion: \"0\"", "publiccodeYmlVersion: 0.7"));
  EXPECT_EQ(Keys(unquoted.errors), (std::vector<std::string>{"publiccodeYmlVersion", "publiccodeYmlVersion"}));
}

TEST(PubliccodeValidate, TaiwanSectionIsReadInLenientModeOnly) {
  std::string tw = kMinimal +
                   "tw:\n"
                   "  countryExtensionVersion: \"0.1\"\n"
                   "  techStacks:\n    - C++\n    - SQLite\n"
                   "  vulnerabilityScanners: Trivy, Semgrep\n"
                   "  accessibilityConformance: AA\n"
                   "  openapi: https://example.org/openapi.json\n"
                   "  createdDate: \"2025-03-01\"\n";
  auto strict = Check(tw);
  EXPECT_EQ(Keys(strict.errors), std::vector<std::string>{"tw"});
  auto lenient = Check(tw, Mode::kLenient);
  EXPECT_TRUE(lenient.valid()) << testing::PrintToString(Keys(lenient.errors));
  ASSERT_TRUE(lenient.document && lenient.document->taiwan);
  const TaiwanSection& s = *lenient.document->taiwan;
  EXPECT_EQ(s.tech_stacks, (std::vector<std::string>{"C++", "SQLite"}));
  EXPECT_EQ(s.vulnerability_scanners, (std::vector<std::string>{"Trivy", "Semgrep"}));
  EXPECT_EQ(s.accessibility_conformance, "AA");
  EXPECT_EQ(s.openapi, "https://example.org/openapi.json");
  EXPECT_EQ(s.created_date, "2025-03-01");
  auto bad_date = Check(Replace(tw, "\"2025-03-01\"", "\"2025/03/01\""), Mode::kLenient);
  EXPECT_TRUE(bad_date.valid());
  EXPECT_EQ(Keys(bad_date.warnings), std::vector<std::string>{"tw.createdDate"});
  auto unknown = Check(kMinimal + "madeUp: 1\n", Mode::kLenient);
  EXPECT_TRUE(unknown.valid());
  EXPECT_EQ(Keys(unknown.warnings), std::vector<std::string>{"madeUp"});
}

class PubliccodeAssets : public testing::Test {
 protected:
  std::string Write(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_.File(name), std::ios::binary) << bytes;
    return dir_.File(name);
  }
  ValidationResult WithLogo(const std::string& logo) {
    return Check(Replace(kMinimal, "platforms:", "logo: " + logo + "\nplatforms:"), Mode::kStrict, dir_.path());
  }
  pintu::test::TempDir dir_;
};

TEST_F(PubliccodeAssets, RelativeLogoResolvesAgainstTheFilesFolder) {
  Write("logo.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16) + std::string(13, '\0'));
  EXPECT_TRUE(WithLogo("logo.png").valid());
  auto missing = WithLogo("nope.png");
  ASSERT_EQ(missing.errors.size(), 1u);
  EXPECT_EQ(missing.errors[0].message, "no such file: " + dir_.File("nope.png"));
  Write("empty.png", "");
  EXPECT_EQ(WithLogo("empty.png").errors.at(0).message, "image: unknown format");
  EXPECT_EQ(WithLogo("file:///etc/passwd").errors.at(0).message,
            "is a file:// URL. Only relative paths or HTTP(s) URLs allowed");
  EXPECT_EQ(Keys(WithLogo("/etc/hostname").errors), std::vector<std::string>{"logo"});
  EXPECT_EQ(Keys(WithLogo("../../etc/x.png").errors), std::vector<std::string>{"logo"});
  EXPECT_EQ(WithLogo("logo.gif").errors.at(0).message, "invalid file extension for: " + dir_.File("logo.gif"));
  // Remote logos are fetched only with network checks on: offline they pass.
  EXPECT_TRUE(WithLogo("https://example.org/logo.png").valid());
}

TEST_F(PubliccodeAssets, NetworkChecksRunOnlyThroughTheProbe) {
  ValidateOptions options;
  std::vector<std::string> asked;
  options.probe = [&](std::string_view url) -> std::optional<std::string> {
    asked.emplace_back(url);
    return std::string("not found");
  };
  auto r = ValidatePubliccode(kMinimal, dir_.path(), options);
  EXPECT_EQ(asked, std::vector<std::string>{"https://example.org/pintu.git"});
  EXPECT_EQ(Keys(r.errors), std::vector<std::string>{"url"});
  EXPECT_EQ(r.errors.at(0).message, "'https://example.org/pintu.git' not reachable: not found");
}

// A publiccode.yml read from a URL: its relative assets are not on this disk.
TEST_F(PubliccodeAssets, RelativeAssetsOfAUrlAreWarnedOfflineAndProbedAgainstItsFolder) {
  std::string text = Replace(kMinimal, "platforms:", "logo: img/logo.png\nplatforms:");
  text = Replace(text, "    features:\n      - Search\n",
                 "    features:\n      - Search\n    screenshots:\n      - shots/one.jpg\n");
  Write("logo.png", "not looked at");  // a file of that name here must not be used
  ValidateOptions options;
  options.source_url = "https://git.example.gov.tw/agency/app/raw/main/publiccode.yml?ref=main#top";
  auto offline = ValidatePubliccode(text, dir_.path(), options);
  EXPECT_TRUE(offline.valid()) << testing::PrintToString(Keys(offline.errors));
  ASSERT_EQ(Keys(offline.warnings), (std::vector<std::string>{"logo", "description.en.screenshots[0]"}));
  EXPECT_NE(offline.warnings[0].message.find("was not checked"), std::string::npos) << offline.warnings[0].message;
  EXPECT_NE(offline.warnings[0].message.find("https://git.example.gov.tw/agency/app/raw/main/img/logo.png"),
            std::string::npos) << offline.warnings[0].message;
  EXPECT_FALSE(offline.warnings[0].message_zh.empty());

  std::vector<std::string> asked;
  options.probe = [&](std::string_view url) -> std::optional<std::string> {
    asked.emplace_back(url);
    if (url.ends_with("logo.png")) return std::string("HTTP 404");
    return std::nullopt;
  };
  auto online = ValidatePubliccode(text, dir_.path(), options);
  EXPECT_EQ(asked, (std::vector<std::string>{"https://git.example.gov.tw/agency/app/raw/main/img/logo.png",
                                             "https://git.example.gov.tw/agency/app/raw/main/shots/one.jpg",
                                             "https://example.org/pintu.git"}));
  EXPECT_TRUE(online.warnings.empty()) << testing::PrintToString(Keys(online.warnings));
  EXPECT_EQ(Keys(online.errors), std::vector<std::string>{"logo"});
  EXPECT_EQ(online.errors.at(0).message,
            "HTTP GET failed for https://git.example.gov.tw/agency/app/raw/main/img/logo.png: HTTP 404");

  // The same rules as for local files: no climbing out of the folder, no file: URLs,
  // extensions still checked — and nothing is probed for them.
  asked.clear();
  auto climbing = ValidatePubliccode(Replace(kMinimal, "platforms:", "logo: ../../secret.png\nplatforms:"),
                                     dir_.path(), options);
  EXPECT_EQ(Keys(climbing.errors), std::vector<std::string>{"logo"});
  auto gif = ValidatePubliccode(Replace(kMinimal, "platforms:", "logo: logo.gif\nplatforms:"), dir_.path(), options);
  EXPECT_EQ(Keys(gif.errors), std::vector<std::string>{"logo"});
  EXPECT_EQ(asked, (std::vector<std::string>{"https://example.org/pintu.git", "https://example.org/pintu.git"}));

  // A URL without a path: its folder is the site root.
  options.probe = nullptr;
  options.source_url = "https://example.org";
  auto root = ValidatePubliccode(Replace(kMinimal, "platforms:", "logo: ./logo.svg\nplatforms:"), dir_.path(), options);
  ASSERT_EQ(root.warnings.size(), 1u);
  EXPECT_NE(root.warnings[0].message.find("(https://example.org/logo.svg)"), std::string::npos) << root.warnings[0].message;
}

TEST_F(PubliccodeAssets, RemoteScreenshotsAreProbedWhenNetworkChecksAreOn) {
  std::string text = Replace(kMinimal, "    features:\n      - Search\n",
                             "    features:\n      - Search\n    screenshots:\n      - https://cdn.example/s.png\n");
  ValidateOptions options;
  EXPECT_TRUE(ValidatePubliccode(text, dir_.path(), options).valid());
  options.probe = [&](std::string_view url) -> std::optional<std::string> {
    if (url == "https://cdn.example/s.png") return std::string("HTTP 404");
    return std::nullopt;
  };
  auto r = ValidatePubliccode(text, dir_.path(), options);
  EXPECT_EQ(Keys(r.errors), std::vector<std::string>{"description.en.screenshots[0]"});
}

}  // namespace
}  // namespace pintu::formats::publiccode

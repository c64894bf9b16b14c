// Hostile publiccode.yml input: every case ends in a clear file-level problem (or a clean
// validation) within the limits, quickly and without unbounded memory.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "formats/publiccode/spdx_expression.h"
#include "formats/publiccode/validate.h"
#include "formats/publiccode/yaml_tree.h"
#include "formats/publiccode_fixture.h"
#include "support/temp_dir.h"

namespace pintu::formats::publiccode {
namespace {

using test::kMinimal;

ValidationResult Check(std::string_view bytes) { return ValidatePubliccode(bytes, "/nonexistent", ValidateOptions{}); }

// The single file-level error of `r` (key ""), or a failure.
std::string FileLevelError(const ValidationResult& r) {
  EXPECT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.warnings.empty());
  if (r.errors.empty()) return "";
  EXPECT_EQ(r.errors[0].key, "");
  return r.errors[0].message;
}

TEST(PubliccodeHostile, BillionLaughsIsRefusedBeforeExpansion) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + "]\n";
  }  // 10^11 nodes when expanded
  auto start = std::chrono::steady_clock::now();
  auto r = Check(bomb);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_NE(FileLevelError(r).find("YAML bomb"), std::string::npos);
  auto loaded = LoadYaml(bomb);
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().kind, YamlLoadError::Kind::kAliasBudget);
}

TEST(PubliccodeHostile, ModestAliasesStillWork) {
  auto r = Check(std::string(kMinimal) + "usedBy: &users\n  - City A\n");
  EXPECT_TRUE(r.valid());
  auto loaded = LoadYaml("a: &x {k: v}\nb: *x\nc: *x\n");
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->root->entries.at(2).second->entries.at(0).second->value, "v");
}

TEST(PubliccodeHostile, SelfReferencingAliasIsAnError) {
  auto loaded = LoadYaml("a: &x [1, *x]\n");
  EXPECT_FALSE(loaded);
}

TEST(PubliccodeHostile, FiftyMegabytesAreRefusedWithAClearError) {
  std::string big(50 * 1024 * 1024, ' ');
  big.replace(0, 5, "name:");
  auto r = Check(big);
  std::string message = FileLevelError(r);
  EXPECT_NE(message.find("file too large: 52428800 bytes"), std::string::npos) << message;
  EXPECT_NE(r.errors.at(0).message_zh.find("檔案過大"), std::string::npos);

  pintu::test::TempDir dir;
  std::string path = dir.File("publiccode.yml");
  std::ofstream(path, std::ios::binary) << big;
  auto from_file = ValidatePubliccodeFile(path, ValidateOptions{});
  ASSERT_FALSE(from_file);
  EXPECT_EQ(from_file.error().code, ErrorCode::kTooLarge);
}

TEST(PubliccodeHostile, DeepNestingIsRefused) {
  std::string deep = "name: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  auto r = Check(deep);
  EXPECT_NE(FileLevelError(r).find("nesting deeper than 64 levels"), std::string::npos);
  std::string block;
  for (int i = 0; i < 200; ++i) block += std::string(i * 2, ' ') + "k" + std::to_string(i) + ":\n";
  EXPECT_NE(FileLevelError(Check(block)).find("nesting deeper"), std::string::npos);
}

TEST(PubliccodeHostile, BinaryAndInvalidUtf8AreFileLevelErrors) {
  std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
  EXPECT_NE(FileLevelError(Check(png)).find("binary file"), std::string::npos);
  EXPECT_EQ(FileLevelError(Check("name: caf\xe9\n")), "Invalid UTF-8");
  EXPECT_EQ(FileLevelError(Check("name: \xed\xa0\x80\n")), "Invalid UTF-8");  // a surrogate
  EXPECT_EQ(FileLevelError(Check("name: \xc0\xaf\n")), "Invalid UTF-8");      // overlong '/'
  EXPECT_EQ(FileLevelError(Check("name: \xe4\xb8")), "Invalid UTF-8");        // truncated
  // A UTF-8 byte order mark is fine.
  EXPECT_TRUE(Check("\xEF\xBB\xBF" + kMinimal).valid());
}

TEST(PubliccodeHostile, SyntaxErrorsDuplicatesAndSeveralDocumentsAreFileLevel) {
  EXPECT_FALSE(FileLevelError(Check("name: [unclosed\n")).empty());
  EXPECT_NE(FileLevelError(Check("name: a\nname: b\n")).find("already defined"), std::string::npos);
  EXPECT_NE(FileLevelError(Check(kMinimal + "---\nname: again\n")).find("one YAML document"), std::string::npos);
  auto r = Check("name: [unclosed\n");
  EXPECT_GT(r.errors.at(0).line, 0);
}

TEST(PubliccodeHostile, EmptyAndNonMappingDocumentsDoNotCrash) {
  auto empty = Check("");
  EXPECT_FALSE(empty.valid());
  EXPECT_EQ(empty.errors.at(0).message, "publiccodeYmlVersion is a required field");
  EXPECT_FALSE(Check("- a\n- b\n").valid());
  EXPECT_FALSE(Check("just a string").valid());
  EXPECT_FALSE(Check("? [complex, key]\n: value\n").valid());
}

TEST(PubliccodeHostile, SymlinkedFileIsFollowedAndAssetsStayBesideTheLink) {
  pintu::test::TempDir dir;
  std::filesystem::create_directory(dir.File("real"));
  std::ofstream(dir.File("real/publiccode.yml")) << kMinimal;
  std::filesystem::create_symlink(dir.File("real/publiccode.yml"), dir.File("publiccode.yml"));
  auto r = ValidatePubliccodeFile(dir.File("publiccode.yml"), ValidateOptions{});
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->valid());
  std::filesystem::create_symlink(dir.File("missing.yml"), dir.File("dangling.yml"));
  EXPECT_FALSE(ValidatePubliccodeFile(dir.File("dangling.yml"), ValidateOptions{}));
  std::filesystem::create_symlink(dir.File("real"), dir.File("dirlink.yml"));
  auto directory = ValidatePubliccodeFile(dir.File("dirlink.yml"), ValidateOptions{});
  ASSERT_FALSE(directory);
  EXPECT_NE(directory.error().message.find("not a regular file"), std::string::npos);
}

TEST(PubliccodeSpdx, RealExpressionParser) {
  for (std::string ok : {"MIT", "mit", "Apache-2.0 OR MIT", "(MIT AND BSD-3-Clause) OR GPL-2.0-only",
                         "GPL-2.0-or-later WITH Classpath-exception-2.0", "GPL-2.0+", "LicenseRef-my-own",
                         "DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2", "GPL-3.0", "EUPL-1.2"}) {
    EXPECT_TRUE(CheckSpdxExpression(ok).valid) << ok;
  }
  for (std::string bad : {"", "MIT License", "MIT OR", "(MIT", "MIT)", "MIT AND AND BSD-2-Clause", "Apache-2.0 WITH MIT",
                          "NotALicence-1.0", "MIT WITH", "MIT; rm -rf", "foo:LicenseRef-x"}) {
    EXPECT_FALSE(CheckSpdxExpression(bad).valid) << bad;
  }
  std::string nested(1000, '(');
  EXPECT_FALSE(CheckSpdxExpression(nested + "MIT" + std::string(1000, ')')).valid);
  EXPECT_FALSE(CheckSpdxExpression(std::string(5000, 'M')).valid);
  EXPECT_EQ(CheckSpdxExpression("MIT OR Apache-2.0").licence_ids, (std::vector<std::string>{"MIT", "Apache-2.0"}));
}

TEST(PubliccodeSpdx, ProblemsQuoteWholeCharacters) {
  // Found by fuzz_publiccode: the lenient hint cut a UTF-8 character in half.
  SpdxCheck check = CheckSpdxExpression("AGPL-3.0\xd3\x99r-later");
  EXPECT_FALSE(check.valid);
  EXPECT_EQ(check.problem, "unexpected character '\xd3\x99'");
  EXPECT_TRUE(IsValidUtf8(check.problem));
}

TEST(PubliccodeSpdx, HintsForInformalNames) {
  EXPECT_EQ(SuggestSpdxId("MIT License"), "MIT");
  EXPECT_EQ(SuggestSpdxId("Apache License 2.0"), "Apache-2.0");
  EXPECT_EQ(SuggestSpdxId("apache 2"), "Apache-2.0");
  EXPECT_EQ(SuggestSpdxId("GPL 3.0"), "GPL-3.0-only");  // the current id, not the deprecated GPL-3.0
  EXPECT_EQ(SuggestSpdxId("something else entirely"), std::nullopt);
  EXPECT_NE(SpdxDataSource().find("spdx-license-ids"), std::string_view::npos);
}

}  // namespace
}  // namespace pintu::formats::publiccode

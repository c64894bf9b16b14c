// Refusals of repository URLs (src/code/git_crawl.h): schemes, credentials, file:// and
// hosts the address guard refuses. Only IP literals are used (no DNS) and every refusal
// happens before any connection.
#include <gtest/gtest.h>

#include "code/git_crawl.h"
#include "support/temp_dir.h"

namespace pintu::code {
namespace {

void ExpectRefused(const Result<RepositorySnapshot>& result, std::string_view url) {
  ASSERT_FALSE(result.has_value()) << url;
  EXPECT_EQ(result.error().code, ErrorCode::kBadRequest) << url;
  ASSERT_EQ(result.error().fields.size(), 1u) << url;
  EXPECT_EQ(result.error().fields[0].field, "repository_url");
  EXPECT_FALSE(result.error().fields[0].message.empty());
  EXPECT_FALSE(result.error().fields[0].message_zh.empty());
}

class CodeRepositoryUrlTest : public ::testing::Test {
 protected:
  CodeRepositoryUrlTest() { options_.cache_dir = dir_.File("cache"); }
  pintu::test::TempDir dir_;
  CrawlOptions options_;
};

TEST_F(CodeRepositoryUrlTest, OtherSchemesAreRefused) {
  for (const char* url : {"ssh://git@example.org/x.git", "git://example.org/x.git", "ext::sh -c touch% /tmp/pwned",
                          "git@example.org:x/y.git", "ftp://example.org/x.git", "HTTPS+ssh://example.org/x"}) {
    ExpectRefused(CrawlRepository(url, options_), url);
  }
  EXPECT_FALSE(std::filesystem::exists(options_.cache_dir));
}

TEST_F(CodeRepositoryUrlTest, CredentialsInTheUrlAreRefused) {
  for (const char* url : {"https://user:pass@example.org/x.git", "https://token@example.org/x.git",
                          "http://a:b@127.0.0.1/x.git"}) {
    ExpectRefused(CrawlRepository(url, options_), url);
    EXPECT_NE(CrawlRepository(url, options_).error().message.find("password"), std::string::npos);
  }
}

TEST_F(CodeRepositoryUrlTest, FileUrlsAndPathsOnlyWhenAllowed) {
  for (const char* url : {"file:///etc", "/srv/git/x.git", "./x.git", "FILE:///etc"}) {
    ExpectRefused(CrawlRepository(url, options_), url);
  }
  auto parsed = ParseRepositoryUrl("/srv/git/../git/x.git", /*allow_file_urls=*/true);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->scheme, "file");
  EXPECT_EQ(parsed->clone_url, "file:///srv/git/x.git");
  EXPECT_FALSE(ParseRepositoryUrl("file://relative/x", true).has_value());
}

TEST_F(CodeRepositoryUrlTest, MalformedUrlsAreRefused) {
  for (std::string url : {std::string(""), std::string("https://"), std::string("https:///x"),
                          std::string("https://exa mple.org/x"), std::string("https://example.org/x\n"),
                          std::string("https://[::1/x"), std::string("https://example.org/") + std::string(3000, 'a')}) {
    ExpectRefused(CrawlRepository(url, options_), url);
  }
}

TEST_F(CodeRepositoryUrlTest, HostsOfTheUrlAreParsed) {
  auto a = ParseRepositoryUrl("https://Example.ORG:8443/x.git", false);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->host, "example.org");
  EXPECT_EQ(a->clone_url, "https://Example.ORG:8443/x.git");  // scheme lower-cased, the rest as given
  auto upper = ParseRepositoryUrl("HTTPS://example.org/x", false);
  ASSERT_TRUE(upper.has_value());
  EXPECT_EQ(upper->clone_url, "https://example.org/x");
  auto b = ParseRepositoryUrl("http://[2001:db8::1]:80/x", false);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->host, "2001:db8::1");
}

// The guard judges the resolved address: private, loopback, link-local (cloud metadata)
// and unspecified literals are refused without any packet being sent.
TEST_F(CodeRepositoryUrlTest, PrivateAndLocalAddressesAreRefusedBeforeConnecting) {
  for (const char* url : {"https://10.0.0.1/x.git", "https://192.168.1.20/x.git", "http://169.254.169.254/latest/",
                          "https://127.0.0.1/x.git", "https://[::1]/x.git", "https://[::ffff:10.0.0.1]/x.git",
                          "https://0.0.0.0/x.git", "https://172.16.0.1/x.git", "https://2130706433/x.git"}) {
    const auto result = CrawlRepository(url, options_);
    ExpectRefused(result, url);
    EXPECT_NE(result.error().message.find("resolves to"), std::string::npos) << url;
  }
  EXPECT_FALSE(std::filesystem::exists(options_.cache_dir));  // refused before any clone began
  const auto zh = CrawlRepository("https://10.0.0.1/x.git", options_).error().fields[0].message_zh;
  EXPECT_NE(zh.find("主機「10.0.0.1」解析為 10.0.0.1"), std::string::npos) << zh;
}

TEST_F(CodeRepositoryUrlTest, GuardPolicyIsPassedThrough) {
  EXPECT_FALSE(CheckRepositoryHost("127.0.0.1", {}).has_value());
  EXPECT_TRUE(CheckRepositoryHost("127.0.0.1", {.allow_loopback = true}).has_value());
  EXPECT_FALSE(CheckRepositoryHost("10.0.0.1", {.allow_loopback = true}).has_value());
  EXPECT_TRUE(CheckRepositoryHost("10.0.0.1", {.allow_private = true}).has_value());
  EXPECT_TRUE(CheckRepositoryHost("192.168.3.4", {.allow_private = true}).has_value());
  // Link-local (cloud metadata) stays refused whatever the policy says.
  EXPECT_FALSE(CheckRepositoryHost("169.254.169.254", {.allow_loopback = true, .allow_private = true}).has_value());
  const auto refused = CheckRepositoryHost("::1", {});
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().fields[0].message.find("loopback"), std::string::npos);
}

}  // namespace
}  // namespace pintu::code

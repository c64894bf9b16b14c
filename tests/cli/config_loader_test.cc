#include "cli/config_loader.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>

#include "support/temp_dir.h"

namespace pintu::cli {
namespace {

std::string Write(const test::TempDir& dir, const std::string& text) {
  std::string path = dir.File("pintu.toml");
  std::ofstream(path) << text;
  return path;
}

TEST(ConfigLoader, ReadsTopLevelAndSections) {
  test::TempDir dir;
  Config c;
  auto ok = LoadConfigFile(Write(dir, "data_dir = \"/srv/pintu\"\n[server]\nlisten = \"0.0.0.0:80\"\nthreads = 4\n"
                                      "access_log = false\n[site]\nsite_url = \"https://data.example.gov.tw/\"\n"), c);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(c.data_dir, "/srv/pintu");
  EXPECT_EQ(c.listen, "0.0.0.0:80");
  EXPECT_EQ(c.threads, 4);
  EXPECT_FALSE(c.access_log);
  EXPECT_EQ(c.EffectiveSiteUrl(), "https://data.example.gov.tw");
}

TEST(ConfigLoader, UnknownKeysAndWrongTypesNameTheKey) {
  test::TempDir dir;
  Config c;
  auto typo = LoadConfigFile(Write(dir, "lisen = \"127.0.0.1:1\"\n"), c);
  ASSERT_FALSE(typo);
  EXPECT_NE(typo.error().message.find("lisen"), std::string::npos);
  auto type = LoadConfigFile(Write(dir, "threads = \"many\"\n"), c);
  ASSERT_FALSE(type);
  EXPECT_NE(type.error().message.find("threads"), std::string::npos);
  auto negative = LoadConfigFile(Write(dir, "threads = -2\n"), c);
  EXPECT_FALSE(negative);
}

TEST(ConfigLoader, ReadsJobSettingsAtTopLevelOrInTheJobsTable) {
  test::TempDir dir;
  Config c;
  auto ok = LoadConfigFile(Write(dir, "jobs_workers = 2\n[jobs]\ncheck_links_interval_h = 12\n"
                                      "check_contents_interval_h = 72\njobs_max_attempts = 8\n"
                                      "jobs_backoff_base_s = 30\njobs_backoff_cap_s = 600\njobs_lease_s = 120\n"
                                      "jobs_tick_s = 60\njobs_retention_days = 7\ncheck_history_keep = 20\n"), c);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(c.jobs_workers, 2);
  EXPECT_EQ(c.check_links_interval_h, 12);
  EXPECT_EQ(c.check_contents_interval_h, 72);
  EXPECT_EQ(c.jobs_max_attempts, 8);
  EXPECT_EQ(c.jobs_backoff_base_s, 30);
  EXPECT_EQ(c.jobs_backoff_cap_s, 600);
  EXPECT_EQ(c.jobs_lease_s, 120);
  EXPECT_EQ(c.jobs_tick_s, 60);
  EXPECT_EQ(c.jobs_retention_days, 7);
  EXPECT_EQ(c.check_history_keep, 20);
  EXPECT_FALSE(LoadConfigFile(Write(dir, "[jobs]\njobs_workers = 0\n"), c));
  EXPECT_FALSE(LoadConfigFile(Write(dir, "[jobs]\ncheck_links_interval_h = \"daily\"\n"), c));
}

TEST(ConfigLoader, MalformedTomlSaysWhere) {
  test::TempDir dir;
  Config c;
  auto bad = LoadConfigFile(Write(dir, "data_dir = \n[[[\n"), c);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line"), std::string::npos);
  EXPECT_FALSE(LoadConfigFile(dir.File("missing.toml"), c));
}

TEST(ConfigLoader, EnvironmentOverridesFile) {
  Config c;
  c.listen = "127.0.0.1:1";
  setenv("PINTU_LISTEN", "127.0.0.1:2", 1);
  setenv("PINTU_THREADS", "3", 1);
  ASSERT_TRUE(ApplyEnvironment(c));
  EXPECT_EQ(c.listen, "127.0.0.1:2");
  EXPECT_EQ(c.threads, 3);
  setenv("PINTU_THREADS", "lots", 1);
  EXPECT_FALSE(ApplyEnvironment(c));
  unsetenv("PINTU_LISTEN");
  unsetenv("PINTU_THREADS");
}

TEST(ConfigLoader, ReadsOutgoingFetchSettings) {
  test::TempDir dir;
  Config c;
  EXPECT_FALSE(c.fetch_allow_loopback);
  EXPECT_FALSE(c.fetch_allow_private);
  auto ok = LoadConfigFile(Write(dir, "fetch_allow_private = true\n[fetch]\nfetch_max_bytes = 1048576\n"
                                      "fetch_timeout_s = 30\nfetch_connect_timeout_s = 4\nfetch_max_redirects = 3\n"),
                           c);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_TRUE(c.fetch_allow_private);
  EXPECT_FALSE(c.fetch_allow_loopback);
  EXPECT_EQ(c.fetch_max_bytes, 1048576u);
  EXPECT_EQ(c.fetch_timeout_s, 30);
  EXPECT_EQ(c.fetch_connect_timeout_s, 4);
  EXPECT_EQ(c.fetch_max_redirects, 3);
  auto wrong = LoadConfigFile(Write(dir, "fetch_allow_loopback = \"yes\"\n"), c);
  ASSERT_FALSE(wrong);
  EXPECT_NE(wrong.error().message.find("fetch_allow_loopback"), std::string::npos);
  EXPECT_FALSE(LoadConfigFile(Write(dir, "fetch_max_bytes = 0\n"), c));

  Config e;
  setenv("PINTU_FETCH_ALLOW_LOOPBACK", "1", 1);
  ASSERT_TRUE(ApplyEnvironment(e));
  EXPECT_TRUE(e.fetch_allow_loopback);
  EXPECT_FALSE(e.fetch_allow_private);
  unsetenv("PINTU_FETCH_ALLOW_LOOPBACK");
}

}  // namespace
}  // namespace pintu::cli

// `pintu publiccode validate` end to end: the real binary on small documents written here,
// as an agency's CI would call it (exit codes 0/1/2, the JSON of the interface contract).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <boost/json.hpp>

#include "formats/publiccode_fixture.h"
#include "integration/process.h"
#include "support/loopback_http_server.h"
#include "support/temp_dir.h"

namespace pintu::cli {
namespace {

using formats::publiccode::test::kMinimal;
using formats::publiccode::test::Replace;

class PubliccodeCommand : public testing::Test {
 protected:
  void SetUp() override { setenv("LANG", "C", 1), unsetenv("LC_ALL"), unsetenv("LC_MESSAGES"); }
  test::RunResult Validate(std::vector<std::string> args) {
    args.insert(args.begin(), {"publiccode", "validate"});
    return test::Run(PINTU_BINARY, args, dir_.File("run" + std::to_string(runs_++)), std::chrono::seconds(60));
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = dir_.File(name);
    EXPECT_TRUE(test::WriteFile(path, text));
    return path;
  }
  test::TempDir dir_;
  int runs_ = 0;
};

TEST_F(PubliccodeCommand, ValidFileExitsZeroWithContractJson) {
  auto r = Validate({Write("publiccode.yml", kMinimal), "--no-network", "--format", "json"});
  EXPECT_EQ(r.status.code, 0) << r.Describe();
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_EQ(v, boost::json::parse(R"({"valid": true, "version": "0", "errors": [], "warnings": []})"));
  EXPECT_EQ(r.err, "");
}

TEST_F(PubliccodeCommand, InvalidFileExitsOneWithKeyPathsAndPositions) {
  std::string text = Replace(kMinimal, "until: \"2027-06-30\"", "until: tomorrow");
  auto r = Validate({Write("publiccode.yml", text), "--no-network", "--format", "json"});
  EXPECT_EQ(r.status.code, 1) << r.Describe();
  boost::json::value v = boost::json::parse(r.out);
  EXPECT_EQ(v.at("valid"), false);
  EXPECT_EQ(v.at("errors"), boost::json::parse(R"([{"key": "maintenance.contractors[0].until",
      "message": "until must be a date with format 'YYYY-MM-DD'", "line": 33, "column": 7}])"));
}

TEST_F(PubliccodeCommand, TextReportAndChineseLocale) {
  std::string path = Write("publiccode.yml", Replace(kMinimal, "type: contract", "type: sometimes"));
  auto en = Validate({path, "--no-network"});
  EXPECT_EQ(en.status.code, 1);
  EXPECT_NE(en.out.find("error maintenance.type (29:3): type must be one of the following"), std::string::npos) << en.out;
  // A bad type also makes the contractors list forbidden.
  EXPECT_NE(en.out.find("error maintenance.contractors (30:3): contractors must not be present"), std::string::npos) << en.out;
  EXPECT_NE(en.out.find("invalid: 2 error(s), 0 warning(s)"), std::string::npos) << en.out;
  setenv("LANG", "zh_TW.UTF-8", 1);
  auto zh = Validate({path, "--no-network"});
  EXPECT_NE(zh.out.find("錯誤 maintenance.type"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("無效"), std::string::npos) << zh.out;
}

TEST_F(PubliccodeCommand, LenientModeReadsTaiwanSectionAndHints) {
  std::string text = Replace(kMinimal, "MIT OR (Apache-2.0 WITH LLVM-exception)", "MIT License") +
                     "tw:\n  techStacks: [Go]\n";
  std::string path = Write("publiccode.yml", text);
  auto strict = Validate({path, "--no-network", "--strict", "--format", "json"});
  EXPECT_EQ(strict.status.code, 1);
  EXPECT_EQ(boost::json::parse(strict.out).at("errors").as_array().size(), 2u) << strict.out;  // licence, tw
  auto lenient = Validate({path, "--no-network", "--lenient", "--format", "json"});
  EXPECT_EQ(lenient.status.code, 1);
  auto errors = boost::json::parse(lenient.out).at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u) << lenient.out;
  EXPECT_NE(std::string(errors[0].at("message").as_string()).find("did you mean `MIT`?"), std::string::npos);
  auto both = Validate({path, "--strict", "--lenient"});
  EXPECT_NE(both.status.code, 0);
  EXPECT_NE(both.status.code, 1);
}

TEST_F(PubliccodeCommand, UnreadableFilesExitTwoAndBrokenYamlExitsOne) {
  auto missing = Validate({dir_.File("nope.yml"), "--no-network"});
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  auto broken = Validate({Write("broken.yml", "name: [unclosed\n"), "--no-network", "--format", "json"});
  EXPECT_EQ(broken.status.code, 1) << broken.Describe();
  EXPECT_EQ(boost::json::parse(broken.out).at("errors").at(0).at("key"), "");
}

// publiccode.yml files served over HTTP on 127.0.0.1 (never any other address).
class PubliccodeUrl : public PubliccodeCommand {
 protected:
  void SetUp() override {
    PubliccodeCommand::SetUp();
    server_ = test::LoopbackHttpServer::Start([this](const test::ReceivedRequest& req) { return Answer(req); });
    ASSERT_TRUE(server_);
  }
  test::HttpReply Answer(const test::ReceivedRequest& req) {
    std::string path = req.target.substr(0, req.target.find('?'));
    if (path == "/good/publiccode.yml") return {200, {{"Content-Type", "text/yaml"}}, Good()};
    if (path == "/bad/publiccode.yml") return {200, {}, Replace(Good(), "until: \"2027-06-30\"", "until: tomorrow")};
    if (path == "/logo/publiccode.yml") return {200, {}, Replace(Good(), "platforms:", "logo: img/logo.png\nplatforms:")};
    if (path == "/big/publiccode.yml") return {200, {}, Good() + "# " + std::string(5 << 20, 'x') + "\n"};
    if (path == "/endless") {  // no Content-Length: only the bytes received can stop it
      test::HttpReply endless;
      endless.endless_bytes = 64ull << 20;
      return endless;
    }
    if (path == "/moved") return {302, {{"Location", server_->Url("/good/publiccode.yml")}}, ""};
    if (path == "/app" || path == "/logo/img/logo.png") return {200, {{"Content-Type", "text/html"}}, "ok"};
    return {404, {}, "not found"};
  }
  // kMinimal whose url points at this server (so network checks stay on loopback).
  std::string Good() const { return Replace(kMinimal, "https://example.org/pintu.git", server_->Url("/app")); }
  std::unique_ptr<test::LoopbackHttpServer> server_;
};

TEST_F(PubliccodeUrl, GoodAndBadFilesExitZeroAndOneWithAllowPrivate) {
  auto good = Validate({server_->Url("/good/publiccode.yml"), "--allow-private", "--no-network", "--format", "json"});
  EXPECT_EQ(good.status.code, 0) << good.Describe();
  EXPECT_EQ(boost::json::parse(good.out).at("valid"), true) << good.out;
  auto bad = Validate({server_->Url("/bad/publiccode.yml"), "--allow-private", "--no-network", "--format", "json"});
  EXPECT_EQ(bad.status.code, 1) << bad.Describe();
  EXPECT_EQ(boost::json::parse(bad.out).at("errors").at(0).at("key"), "maintenance.contractors[0].until") << bad.out;
  auto moved = Validate({server_->Url("/moved"), "--allow-private", "--no-network"});
  EXPECT_EQ(moved.status.code, 0) << moved.Describe();
}

TEST_F(PubliccodeUrl, LoopbackIsRefusedWithoutAllowPrivateBeforeConnecting) {
  auto r = Validate({server_->Url("/good/publiccode.yml"), "--no-network"});
  EXPECT_EQ(r.status.code, 2) << r.Describe();
  EXPECT_NE(r.err.find("--allow-private"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(server_->received().empty());  // the guard refused before any connection
  setenv("LANG", "zh_TW.UTF-8", 1);
  auto zh = Validate({server_->Url("/good/publiccode.yml"), "--no-network"});
  EXPECT_EQ(zh.status.code, 2) << zh.Describe();
  EXPECT_NE(zh.err.find("錯誤"), std::string::npos) << zh.err;
  EXPECT_NE(zh.err.find("--allow-private"), std::string::npos) << zh.err;
  EXPECT_TRUE(server_->received().empty());
}

TEST_F(PubliccodeUrl, UnreadableUrlsExitTwo) {
  auto missing = Validate({server_->Url("/nope/publiccode.yml"), "--allow-private", "--no-network"});
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  EXPECT_NE(missing.err.find("404"), std::string::npos) << missing.err;
  // Above the validator's size limit (4 MiB): stopped, not validated.
  auto big = Validate({server_->Url("/big/publiccode.yml"), "--allow-private", "--no-network"});
  EXPECT_EQ(big.status.code, 2) << big.Describe();
  auto endless = Validate({server_->Url("/endless"), "--allow-private", "--no-network"});
  EXPECT_EQ(endless.status.code, 2) << endless.Describe();
  auto scheme = Validate({"ftp://127.0.0.1/publiccode.yml", "--no-network"});
  EXPECT_EQ(scheme.status.code, 2) << scheme.Describe();  // read as a file name that does not exist
}

TEST_F(PubliccodeUrl, RelativeAssetsOfAUrlAreWarnedOfflineAndFetchedOnline) {
  auto offline = Validate({server_->Url("/logo/publiccode.yml"), "--allow-private", "--no-network", "--format", "json"});
  EXPECT_EQ(offline.status.code, 0) << offline.Describe();
  auto warnings = boost::json::parse(offline.out).at("warnings").as_array();
  ASSERT_EQ(warnings.size(), 1u) << offline.out;
  EXPECT_NE(std::string(warnings[0].at("message").as_string()).find(server_->Url("/logo/img/logo.png")),
            std::string::npos) << offline.out;
  auto online = Validate({server_->Url("/logo/publiccode.yml"), "--allow-private", "--format", "json"});
  EXPECT_EQ(online.status.code, 0) << online.Describe();
  EXPECT_EQ(boost::json::parse(online.out).at("warnings").as_array().size(), 0u) << online.out;
  bool logo_fetched = false;
  for (const auto& req : server_->received()) logo_fetched |= req.target == "/logo/img/logo.png";
  EXPECT_TRUE(logo_fetched);
}

TEST_F(PubliccodeUrl, NetworkChecksProbeTheDocumentsUrlsThroughTheGuard) {
  // A local file whose url is on this server: refused (loopback) unless --allow-private.
  std::string path = Write("publiccode.yml", Good());
  auto refused = Validate({path, "--format", "json"});
  EXPECT_EQ(refused.status.code, 1) << refused.Describe();
  EXPECT_EQ(boost::json::parse(refused.out).at("errors").at(0).at("key"), "url") << refused.out;
  EXPECT_TRUE(server_->received().empty());
  auto allowed = Validate({path, "--allow-private"});
  EXPECT_EQ(allowed.status.code, 0) << allowed.Describe();
  EXPECT_FALSE(server_->received().empty());
  auto broken = Validate({Write("broken-url.yml", Replace(Good(), "/app", "/gone")), "--allow-private", "--format", "json"});
  EXPECT_EQ(broken.status.code, 1) << broken.Describe();
  EXPECT_NE(std::string(boost::json::parse(broken.out).at("errors").at(0).at("message").as_string()).find("not reachable"),
            std::string::npos) << broken.out;
}

}  // namespace
}  // namespace pintu::cli

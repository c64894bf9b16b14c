// `pintu check` end to end: the real binary on the quality fixtures and on loopback URLs.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>

#include <boost/json/parse.hpp>

#include "integration/process.h"
#include "quality/fixtures.h"
#include "support/loopback_http_server.h"
#include "support/temp_dir.h"

namespace pintu::cli {
namespace {

namespace json = boost::json;
using pintu::quality::test::FixturePath;
using pintu::quality::test::ReadFixture;

class CheckCommand : public testing::Test {
 protected:
  void SetUp() override {
    setenv("LANG", "C", 1);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("PINTU_FETCH_ALLOW_LOOPBACK");
  }
  void TearDown() override { unsetenv("PINTU_FETCH_ALLOW_LOOPBACK"); }
  test::RunResult Check(std::vector<std::string> args) {
    args.insert(args.begin(), "check");
    return test::Run(PINTU_BINARY, args, dir_.File("run" + std::to_string(runs_++)), std::chrono::seconds(120));
  }
  json::object Json(const test::RunResult& r) {
    json::value v = json::parse(r.out);
    return v.as_object();
  }
  test::TempDir dir_;
  int runs_ = 0;
};

TEST_F(CheckCommand, ValidFileExitsZeroWithTheContractShape) {
  auto r = Check({FixturePath("utf8.csv"), "--format", "json"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  json::object o = Json(r);
  EXPECT_TRUE(o.at("valid").as_bool());
  EXPECT_EQ(o.at("encoding").at("detected").as_string(), "utf-8");
  EXPECT_FALSE(o.at("encoding").at("bom").as_bool());
  EXPECT_TRUE(o.at("encoding").at("declared").is_null());
  EXPECT_TRUE(o.at("encoding").at("matches").is_null());
  EXPECT_EQ(o.at("format").at("detected").as_string(), "csv");
  EXPECT_EQ(o.at("dialect").at("delimiter").as_string(), ",");
  EXPECT_EQ(o.at("dialect").at("quoteChar").as_string(), "\"");
  EXPECT_EQ(o.at("stats").at("rows").as_int64(), 2);
  EXPECT_EQ(o.at("stats").at("fields").as_int64(), 2);
  EXPECT_EQ(o.at("stats").at("sha256").as_string().size(), 64u);
  EXPECT_TRUE(o.at("errors").as_array().empty());
  EXPECT_TRUE(o.at("warnings").is_array());
  EXPECT_EQ(o.at("schema").at("fields").as_array().size(), 2u);
}

TEST_F(CheckCommand, InvalidFileExitsOneAndTextGroupsProblemsWithHints) {
  auto r = Check({FixturePath("ragged.csv")});
  ASSERT_EQ(r.status.code, 1) << r.Describe();
  EXPECT_NE(r.out.find("INVALID"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fix: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("rows "), std::string::npos) << r.out;

  setenv("LANG", "zh_TW.UTF-8", 1);
  auto zh = Check({FixturePath("ragged.csv")});
  ASSERT_EQ(zh.status.code, 1) << zh.Describe();
  EXPECT_NE(zh.out.find("無效"), std::string::npos) << zh.out;
  EXPECT_NE(zh.out.find("修正："), std::string::npos) << zh.out;
  auto en = Check({FixturePath("ragged.csv"), "--lang", "en"});
  EXPECT_NE(en.out.find("INVALID"), std::string::npos) << "--lang wins over LANG";
}

TEST_F(CheckCommand, DeclaredEncodingMismatchIsReported) {
  auto r = Check({FixturePath("big5.csv"), "--declared-encoding", "UTF-8", "--format", "json"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  json::object o = Json(r);
  EXPECT_EQ(o.at("encoding").at("detected").as_string(), "big5");
  EXPECT_EQ(o.at("encoding").at("declared").as_string(), "utf-8");
  EXPECT_FALSE(o.at("encoding").at("matches").as_bool());
  auto text = Check({FixturePath("big5.csv"), "--declared-encoding", "UTF-8"});
  EXPECT_NE(text.out.find("declared utf-8: does not match"), std::string::npos) << text.out;
}

TEST_F(CheckCommand, SchemaIsHonouredAndBadSchemasAreRefusedWithThePath) {
  auto r = Check({FixturePath("schema-errors.csv"), "--schema", FixturePath("schema-errors.schema.json"), "--format",
                  "json", "--limit-errors", "2"});
  ASSERT_EQ(r.status.code, 1) << r.Describe();
  json::object o = Json(r);
  EXPECT_EQ(o.at("errors").as_array().size(), 2u) << "--limit-errors stops the list";
  EXPECT_FALSE(o.at("schemaInferred").as_bool());

  auto bad = Check({FixturePath("utf8.csv"), "--schema", FixturePath("invalid-type.schema.json")});
  EXPECT_EQ(bad.status.code, 2) << bad.Describe();
  EXPECT_NE(bad.err.find("fields["), std::string::npos) << "the JSON path of the mistake: " << bad.err;
  auto utf = Check({FixturePath("utf8.csv"), "--schema", FixturePath("invalid-utf8.schema.json")});
  EXPECT_EQ(utf.status.code, 2) << utf.Describe();
  auto missing = Check({FixturePath("utf8.csv"), "--schema", dir_.File("none.json")});
  EXPECT_EQ(missing.status.code, 2);
  auto limit = Check({FixturePath("utf8.csv"), "--limit-errors", "0"});
  EXPECT_EQ(limit.status.code, 2);
}

TEST_F(CheckCommand, UnreadableInputExitsTwo) {
  auto r = Check({dir_.File("no-such.csv")});
  EXPECT_EQ(r.status.code, 2) << r.Describe();
  EXPECT_NE(r.err.find("error"), std::string::npos) << r.err;
  auto format = Check({FixturePath("utf8.csv"), "--format", "yaml"});
  EXPECT_NE(format.status.code, 0);
}

TEST_F(CheckCommand, DelimiterCanBeGivenAndIsChecked) {
  auto r = Check({FixturePath("tabs.csv"), "--delimiter", "tab", "--format", "json"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_EQ(Json(r).at("dialect").at("delimiter").as_string(), "\t");
  auto semicolon = Check({FixturePath("utf8.csv"), "--delimiter", ";", "--format", "json"});
  ASSERT_EQ(semicolon.status.code, 0) << semicolon.Describe();
  EXPECT_EQ(Json(semicolon).at("stats").at("fields").as_int64(), 1) << "the file has no ; so one column";
  auto bad = Check({FixturePath("utf8.csv"), "--delimiter", "ab"});
  EXPECT_EQ(bad.status.code, 2);
  EXPECT_NE(bad.err.find("--delimiter"), std::string::npos) << bad.err;
}

TEST_F(CheckCommand, PdfNamedCsvIsInvalid) {
  auto r = Check({FixturePath("pdf-renamed.csv"), "--format", "json"});
  ASSERT_EQ(r.status.code, 1) << r.Describe();
  json::object o = Json(r);
  EXPECT_EQ(o.at("format").at("detected").as_string(), "pdf");
  EXPECT_EQ(o.at("format").at("declared").as_string(), "csv");
  EXPECT_EQ(o.at("errors").as_array()[0].at("type").as_string(), "format-error");
}

// A 1 GiB file that is one line: reading stops at the record limit with a source error
// naming it; the rest is only streamed through the digests (memory stays bounded).
TEST_F(CheckCommand, OneGigabyteSingleLineEndsInASourceError) {
  const std::string path = dir_.File("one-line.csv");
  {
    std::ofstream out(path, std::ios::binary);
    out << "id,name\n";
    const std::string block(1 << 20, 'x');
    for (int i = 0; i < 1024; ++i) out << block;
    ASSERT_TRUE(out.good());
  }
  auto r = Check({path, "--format", "json"});
  std::filesystem::remove(path);
  ASSERT_EQ(r.status.code, 1) << r.Describe();
  json::object o = Json(r);
  ASSERT_EQ(o.at("errors").as_array().size(), 1u);
  const json::object& e = o.at("errors").as_array()[0].as_object();
  EXPECT_EQ(e.at("type").as_string(), "source-error");
  EXPECT_NE(std::string(e.at("note").as_string()).find("row 2"), std::string::npos) << e.at("note").as_string();
  EXPECT_EQ(o.at("stats").at("bytes").as_int64(), (1LL << 30) + 8) << "every byte was still digested";
}

TEST_F(CheckCommand, UrlIsFetchedOnlyWhenLoopbackIsAllowed) {
  const std::string big5 = ReadFixture("big5.csv");
  auto server = test::LoopbackHttpServer::Start([&](const test::ReceivedRequest& request) {
    test::HttpReply reply;
    if (request.target == "/data/people") {
      reply.headers = {{"Content-Type", "text/csv; charset=big5"},
                       {"Content-Disposition", "attachment; filename=\"people.csv\""}};
      reply.body = big5;
    } else {
      reply.status = 404;
      reply.body = "not here";
    }
    return reply;
  });
  ASSERT_TRUE(server);

  // Default configuration: loopback is a refused address, nothing reaches the server.
  auto refused = Check({server->Url("/data/people")});
  EXPECT_EQ(refused.status.code, 2) << refused.Describe();
  EXPECT_NE(refused.err.find("error"), std::string::npos) << refused.err;

  setenv("PINTU_FETCH_ALLOW_LOOPBACK", "1", 1);
  auto r = Check({server->Url("/data/people"), "--format", "json"});
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  json::object o = Json(r);
  EXPECT_EQ(o.at("encoding").at("detected").as_string(), "big5");
  EXPECT_EQ(o.at("format").at("declared").as_string(), "csv") << "the name from Content-Disposition counts";
  EXPECT_EQ(o.at("stats").at("rows").as_int64(), 2);

  auto missing = Check({server->Url("/nothing.csv")});
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  EXPECT_NE(missing.err.find("404"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace pintu::cli

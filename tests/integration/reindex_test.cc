// `pintu import` indexes what it wrote, `pintu reindex` rebuilds the search index with
// identical answers, a missing index is rebuilt on start, and a server's index is never
// rebuilt under its feet.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "integration/harness.h"

namespace pintu::test {
namespace {

const char* kWords[] = {"河川", "森林", "港口", "稻米", "燈塔", "river", "forest", "harbour"};

// A CKAN JSON-lines catalog of 40 datasets from two publishers with varied words and dates.
std::string Catalog() {
  std::string out;
  for (int i = 0; i < 40; ++i) {
    json::object d{{"name", "ds-" + std::to_string(i)},
                   {"title", std::string(kWords[i % 5]) + kWords[(i * 3) % 5] + "資料 " + kWords[5 + i % 3]},
                   {"notes", std::string("說明 ") + kWords[(i + 1) % 8]},
                   {"metadata_modified", "2024-0" + std::to_string(1 + i % 9) + "-1" + std::to_string(i % 10) + "T00:00:00"},
                   {"organization", json::object{{"name", i % 2 ? "org-a" : "org-b"}, {"title", i % 2 ? "甲機關" : "乙機關"}}},
                   {"tags", json::array{json::object{{"name", kWords[i % 8]}}}},
                   {"resources", json::array{json::object{{"url", "https://example.org/" + std::to_string(i) + ".csv"},
                                                          {"format", i % 3 ? "CSV" : "JSON"}}}}};
    out += json::serialize(d) + "\n";
  }
  return out;
}

// The answers a client sees for a fixed set of searches (ranked names, counts, facets).
std::vector<std::string> Answers(uint16_t port) {
  Client c(port, 10s);
  EXPECT_TRUE(c.connected());
  std::vector<std::string> out;
  for (const std::string q : {"河川", "森林 river", "港口", "forest", "說明", "甲機關", "riv", "harbor"}) {
    for (const std::string sort : {"score desc", "metadata_modified desc", "title_string asc"}) {
      auto r = c.Request("GET", "/api/3/action/package_search?rows=100&facet.field=[\"tags\",\"res_format\"]&q=" +
                                    UrlEncode(q) + "&sort=" + UrlEncode(sort));
      EXPECT_TRUE(Succeeded(r)) << q << ": " << (r ? r->body.substr(0, 300) : "no response");
      if (!r) continue;
      auto v = *ParseJson(r->body);
      std::string line = q + " / " + sort + ": count=" + json::serialize(At(At(v, "result"), "count")) + " [";
      for (const auto& d : At(At(v, "result"), "results").get_array()) line += Str(At(d, "name")) + " ";
      line += "] facets=" + json::serialize(At(At(v, "result"), "facets"));
      out.push_back(line);
    }
  }
  return out;
}

TEST(Reindex, RebuildGivesIdenticalAnswersAndRefusesARunningServer) {
  TempDir tmp;
  std::string data = tmp.File("data");
  std::string file = tmp.File("catalog.jsonl");
  std::ofstream(file) << Catalog();
  auto imported = Pintu(tmp, data, {"import", file});
  ASSERT_TRUE(imported.status.Ok()) << imported.Describe();
  ASSERT_TRUE(std::filesystem::exists(data + "/search")) << "import did not build the search index";
  ASSERT_TRUE(std::filesystem::exists(data + "/synonyms.tsv")) << "no editable synonyms file";

  std::vector<std::string> before;
  {
    Server server(tmp, data);
    ASSERT_TRUE(server.Start()) << server.error();
    before = Answers(server.port());
    // Searches answer from the imported index.
    EXPECT_EQ(before[0].find("count=0 "), std::string::npos) << before[0];
    // A running server holds the index: reindex refuses before doing anything.
    auto busy = Pintu(tmp, data, {"reindex"});
    EXPECT_EQ(busy.status.code, 1) << busy.Describe();
    EXPECT_NE(busy.err.find("in use"), std::string::npos) << busy.err;
    EXPECT_EQ(Answers(server.port()), before);
  }

  auto rebuilt = Pintu(tmp, data, {"reindex"});
  ASSERT_TRUE(rebuilt.status.Ok()) << rebuilt.Describe();
  EXPECT_NE(rebuilt.out.find("Indexed 40 datasets"), std::string::npos) << rebuilt.out;
  for (const auto& entry : std::filesystem::directory_iterator(data))
    EXPECT_EQ(entry.path().filename().string().find(".rebuild-"), std::string::npos) << "left behind: " << entry.path();
  {
    Server server(tmp, data);
    ASSERT_TRUE(server.Start()) << server.error();
    EXPECT_EQ(Answers(server.port()), before);
  }

  // An index deleted by an operator is rebuilt from the store when the server starts.
  std::filesystem::remove_all(data + "/search");
  Server server(tmp, data);
  ASSERT_TRUE(server.Start()) << server.error();
  EXPECT_EQ(Answers(server.port()), before);
}

TEST(Reindex, BrokenSynonymsFileIsReportedWithItsLine) {
  TempDir tmp;
  std::string data = tmp.File("data");
  std::filesystem::create_directories(data);
  std::ofstream(data + "/synonyms.tsv") << "# ok\n長照\t長期照顧\nlonely\n";
  auto r = Pintu(tmp, data, {"reindex"});
  EXPECT_NE(r.status.code, 0) << r.Describe();
  EXPECT_NE(r.err.find("synonyms.tsv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("line 3"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace pintu::test

// pintu serve as a user meets it: the demo catalog, and a clean stop on SIGTERM.
#include "integration/harness.h"

namespace pintu::test {
namespace {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or code points > U+10FFFF).
bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n;
    uint32_t cp;
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07; }
    else return false;
    if (i + n >= s.size()) return false;  // truncated sequence
    for (size_t k = 1; k <= n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

TEST(Utf8Check, Basics) {
  EXPECT_TRUE(IsValidUtf8("abc 長照"));
  EXPECT_FALSE(IsValidUtf8("\xAA\xF8"));      // Big5 bytes
  EXPECT_FALSE(IsValidUtf8("\xE9\x95"));      // truncated
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // surrogate
}

bool Mentions(const json::value& v, std::string_view word) {
  if (v.is_string()) return std::string_view(v.get_string()).find(word) != std::string_view::npos;
  if (v.is_object()) {
    for (const auto& kv : v.get_object())
      if (Mentions(kv.value(), word)) return true;
  }
  if (v.is_array()) {
    for (const auto& x : v.get_array())
      if (Mentions(x, word)) return true;
  }
  return false;
}

int64_t DatasetCount(Client& c) {
  auto r = c.Request("GET", "/api/3/action/package_search?rows=0&include_private=true");
  if (!Succeeded(r)) return -1;
  auto v = *ParseJson(r->body);
  return At(At(v, "result"), "count").to_number<int64_t>();
}

TEST(Demo, LoadsOnceSearchesLongTermCareAndServesTheBig5File) {
  TempDir tmp;
  const std::string data = tmp.File("data");
  const std::string demo_dir = kSourceDir + "/demo";
  int64_t first_count = -1;
  {
    Server server(tmp, data, {"--demo", "--demo-dir", demo_dir});
    ASSERT_TRUE(server.Start(120s)) << server.error();
    std::string out = server.process().Stdout();
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex(R"(Demo admin token[^\n]*\n\s*(\S+))"))) << out;
    std::string token = m[1];
    EXPECT_GE(token.size(), 16u);
    EXPECT_TRUE(std::regex_search(out, std::regex(R"(Pintu is serving https?://\S+)"))) << out;
    EXPECT_NE(out.find("Loaded the demo catalog"), std::string::npos) << out;

    Client c(server.port(), 10s);
    ASSERT_TRUE(c.connected());
    // The printed token is a sysadmin token.
    auto who = c.Request("GET", "/api/3/action/package_show?id=moda-service-inventory-internal", {},
                         "Authorization: " + token + "\r\n");
    EXPECT_TRUE(Succeeded(who)) << "the demo token cannot read the private demo dataset: "
                                << (who ? who->body.substr(0, 300) : "no response");

    auto r = c.Request("GET", "/api/3/action/package_search?q=" + UrlEncode("長照") + "&rows=100");
    ASSERT_TRUE(Succeeded(r)) << (r ? r->body.substr(0, 500) : "no response");
    auto v = *ParseJson(r->body);
    const json::value& result = At(v, "result");
    int64_t count = At(result, "count").to_number<int64_t>();
    // All 18 datasets of the demo's 長照 topic, whatever words their own metadata uses.
    EXPECT_GE(count, 18);
    const auto& results = At(result, "results").get_array();
    EXPECT_EQ(results.size(), static_cast<size_t>(count));
    for (const auto& d : results) {
      bool ok = Mentions(At(d, "title"), "長照") || Mentions(At(d, "title_translated"), "長照") ||
                Mentions(At(d, "notes"), "長照") || Mentions(At(d, "notes_translated"), "長照") ||
                Mentions(At(d, "tags"), "長照") || Mentions(At(d, "groups"), "長照");
      EXPECT_TRUE(ok) << Str(At(d, "name")) << " (" << Str(At(d, "title")) << ") does not mention 長照 in its "
                      << "title, description, tags or topics";
    }

    // The Big5 file is served byte for byte: not valid UTF-8.
    auto show = c.Request("GET", "/api/3/action/package_show?id=taichung-ltc-home-care-agencies");
    ASSERT_TRUE(Succeeded(show)) << (show ? show->body.substr(0, 300) : "no response");
    auto show_v = *ParseJson(show->body);
    const auto& res = At(At(show_v, "result"), "resources").get_array();
    ASSERT_FALSE(res.empty());
    std::string url = Str(At(res[0], "url"));
    size_t path_at = url.find("/dataset/");
    ASSERT_NE(path_at, std::string::npos) << url;
    auto file = c.Request("GET", url.substr(path_at));
    ASSERT_TRUE(file.has_value());
    EXPECT_EQ(file->status, 200) << url;
    EXPECT_GT(file->body.size(), 100u);
    EXPECT_FALSE(IsValidUtf8(file->body)) << "the Big5 demo file came back as valid UTF-8 (transcoded?)";
    EXPECT_EQ(file->body, ReadFile(demo_dir + "/files/taichung-home-care-agencies-big5.csv"));

    first_count = DatasetCount(c);
    EXPECT_GT(first_count, 0);
    auto st = server.Stop();
    ASSERT_TRUE(st && st->Ok()) << (st ? st->Describe() : "did not stop");
  }
  // Second start on the same directory: the demo is not loaded again.
  Server again(tmp, data, {"--demo", "--demo-dir", demo_dir});
  ASSERT_TRUE(again.Start(120s)) << again.error();
  std::string out = again.process().Stdout();
  EXPECT_EQ(out.find("Loaded the demo catalog"), std::string::npos) << out;
  EXPECT_EQ(out.find("Demo admin token"), std::string::npos) << out;
  EXPECT_NE(out.find("not loading the demo again"), std::string::npos) << out;
  Client c(again.port(), 10s);
  EXPECT_EQ(DatasetCount(c), first_count);
  auto orgs = c.Request("GET", "/api/3/action/organization_list");
  ASSERT_TRUE(Succeeded(orgs));
  auto orgs_v = *ParseJson(orgs->body);
  EXPECT_EQ(At(orgs_v, "result").get_array().size(), 14u);
}

TEST(Serve, SigtermWithKeepAliveClientStopsCleanly) {
  TempDir tmp;
  Server server(tmp, tmp.File("data"));
  ASSERT_TRUE(server.Start()) << server.error();
  Client c(server.port(), 10s);
  ASSERT_TRUE(c.connected());
  auto r = c.Request("GET", "/api/3/action/status_show");
  ASSERT_TRUE(Succeeded(r)) << (r ? r->body : "no response");
  EXPECT_NE(r->Header("connection"), "close");
  // A second keep-alive client that never sends anything.
  Client idle(server.port(), 10s);
  ASSERT_TRUE(idle.connected());

  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(server.process().Signal(SIGTERM));
  auto st = server.process().Wait(8s);
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
  ASSERT_TRUE(st.has_value()) << "still running 8 s after SIGTERM";
  EXPECT_TRUE(st->Ok()) << st->Describe() << "\n" << server.process().Stderr().substr(0, 3000);
  EXPECT_LT(took.count(), 5000) << "took " << took.count() << " ms";
  EXPECT_NE(server.process().Stdout().find("Pintu stopped."), std::string::npos) << server.process().Stdout();
  EXPECT_TRUE(c.ClosedWithin(2s));
  EXPECT_TRUE(idle.ClosedWithin(2s));
}

}  // namespace
}  // namespace pintu::test

// HttpFetch against the loopback test server. Only 127.0.0.1 and ::1 are ever contacted;
// redirects to other addresses are refused by the guard inside libcurl's open-socket
// hook, before a socket exists.
#include "fetch/http_fetch.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "fetch/test_routes.h"
#include "support/temp_dir.h"

namespace pintu::fetch {
namespace {

using testing::LoopbackOptions;
using testing::Route;

class HttpFetchTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = test::LoopbackHttpServer::Start(Route);
    ASSERT_NE(server_, nullptr) << "cannot listen on 127.0.0.1";
  }
  FetchResponse Get(const std::string& path, BodySink* sink, const FetchOptions& options = LoopbackOptions()) {
    return HttpFetch({server_->Url(path)}, options, sink);
  }
  std::unique_ptr<test::LoopbackHttpServer> server_;
};

std::string KindOf(const FetchResponse& r) {
  return r.error ? std::string(FetchErrorKindName(r.error->kind)) : "ok";
}

TEST_F(HttpFetchTest, FetchesAFileWithItsMetadata) {
  MemorySink sink(1 << 20);
  FetchResponse r = Get("/file.csv", &sink);
  ASSERT_TRUE(r.ok()) << r.error->message_en << " / " << r.error->detail;
  EXPECT_EQ(sink.data(), testing::kCsv);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(r.content_length, testing::kCsv.size());
  EXPECT_EQ(r.last_modified, "Wed, 21 Oct 2026 07:28:00 GMT");
  EXPECT_EQ(r.etag, "\"v1-abc\"");
  EXPECT_EQ(r.body_bytes, testing::kCsv.size());
  EXPECT_TRUE(r.body_complete);
  EXPECT_EQ(r.final_url, server_->Url("/file.csv"));
  ASSERT_EQ(r.chain.size(), 1u);
  EXPECT_EQ(r.chain[0].status, 200);
  EXPECT_EQ(r.remote_address, "127.0.0.1");
  EXPECT_FALSE(r.disposition.has_value());
  auto received = server_->received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].method, "GET");
  EXPECT_NE(received[0].Header("user-agent").find("Pintu/"), std::string::npos);
}

TEST_F(HttpFetchTest, CredentialsInTheUrlAreNotKeptAsEvidence) {
  FetchResponse r =
      HttpFetch({"http://agency:s3cret@127.0.0.1:" + std::to_string(server_->port()) + "/redirect/1"}, LoopbackOptions(),
                nullptr);
  ASSERT_TRUE(r.ok()) << KindOf(r);
  ASSERT_EQ(r.chain.size(), 2u);
  for (const FetchHop& hop : r.chain) EXPECT_EQ(hop.url.find("s3cret"), std::string::npos) << hop.url;
  EXPECT_EQ(r.final_url, server_->Url("/redirect/0"));
}

TEST_F(HttpFetchTest, StreamsTheBodyToAFile) {
  test::TempDir dir;
  auto sink = TempFileSink::Create(dir.path());
  ASSERT_TRUE(sink.has_value());
  FetchResponse r = Get("/file.csv", sink->get());
  ASSERT_TRUE(r.ok());
  auto path = (*sink)->Keep();
  ASSERT_TRUE(path.has_value());
  std::ifstream in(*path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(ss.str(), testing::kCsv);
}

TEST_F(HttpFetchTest, RedirectsAreFollowedAndRecorded) {
  MemorySink sink(1024);
  FetchResponse r = Get("/redirect/1", &sink);
  ASSERT_TRUE(r.ok()) << KindOf(r);
  ASSERT_EQ(r.chain.size(), 2u);
  EXPECT_EQ(r.chain[0].url, server_->Url("/redirect/1"));
  EXPECT_EQ(r.chain[0].status, 302);
  EXPECT_EQ(r.chain[1].url, server_->Url("/redirect/0"));
  EXPECT_EQ(r.chain[1].status, 200);
  EXPECT_EQ(r.final_url, server_->Url("/redirect/0"));
  EXPECT_EQ(sink.data(), "end\n") << "the body of a redirect must not reach the sink";

  MemorySink moved(1024);
  FetchResponse relative = Get("/moved", &moved);
  ASSERT_TRUE(relative.ok()) << KindOf(relative) << ": " << relative.error->detail;
  EXPECT_EQ(relative.chain.front().status, 301);
  EXPECT_EQ(relative.final_url, server_->Url("/file.csv"));
  EXPECT_EQ(moved.data(), testing::kCsv);
}

TEST_F(HttpFetchTest, RedirectTargetsAreEncodedOrRefused) {
  FetchResponse r = Get("/to-unencoded", nullptr);
  ASSERT_TRUE(r.ok()) << KindOf(r);
  auto received = server_->received();
  ASSERT_EQ(received.size(), 2u);
  // Existing escapes are kept; the raw space and UTF-8 bytes are encoded (as libcurl does).
  EXPECT_EQ(received[1].target, "/file.csv?name=%E9%95%B7+%e7%85%a7");

  FetchResponse bad = Get("/to-malformed", nullptr);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error->kind, FetchErrorKind::kBadUrl);
  EXPECT_EQ(bad.chain.size(), 1u);
}

TEST_F(HttpFetchTest, FiveRedirectsAreAllowedSixAreNot) {
  FetchResponse five = Get("/redirect/5", nullptr);
  ASSERT_TRUE(five.ok()) << KindOf(five);
  EXPECT_EQ(five.chain.size(), 6u);
  EXPECT_EQ(five.status, 200);

  int before = server_->requests();
  FetchResponse six = Get("/redirect/6", nullptr);
  ASSERT_FALSE(six.ok());
  EXPECT_EQ(six.error->kind, FetchErrorKind::kTooManyRedirects);
  EXPECT_EQ(six.chain.size(), 6u);
  EXPECT_EQ(server_->requests() - before, 6) << "the sixth redirect must not be followed";
  EXPECT_NE(six.error->message_zh.find("重新導向"), std::string::npos);
}

TEST_F(HttpFetchTest, TheRedirectLimitIsConfigurable) {
  FetchOptions options = LoopbackOptions();
  options.max_redirects = 0;
  FetchResponse r = Get("/redirect/1", nullptr, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kTooManyRedirects);
  options.max_redirects = 2;
  EXPECT_TRUE(Get("/redirect/2", nullptr, options).ok());
  EXPECT_FALSE(Get("/redirect/3", nullptr, options).ok());
}

// The guard refuses 10.0.0.1 inside the open-socket hook: no socket is created, so no
// packet leaves the machine.
TEST_F(HttpFetchTest, RedirectToAPrivateAddressIsRefusedBeforeConnecting) {
  MemorySink sink(1024);
  FetchResponse r = Get("/to-private", &sink);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kRefusedAddress) << r.error->detail;
  ASSERT_EQ(r.refused_addresses.size(), 1u);
  EXPECT_EQ(r.refused_addresses[0].address, "10.0.0.1");
  EXPECT_EQ(r.refused_addresses[0].address_class, AddressClass::kPrivate);
  EXPECT_EQ(r.remote_address, "127.0.0.1") << "the only connection made was to the test server";
  ASSERT_EQ(r.chain.size(), 1u);
  EXPECT_EQ(r.chain[0].status, 302);
  EXPECT_TRUE(sink.data().empty());
  EXPECT_NE(r.error->message_en.find("10.0.0.1"), std::string::npos);
  EXPECT_NE(r.error->message_zh.find("10.0.0.1"), std::string::npos);
  EXPECT_NE(r.error->message_zh.find("私有網路"), std::string::npos);
}

TEST_F(HttpFetchTest, RedirectToCloudMetadataIsRefusedEvenWhenPrivateIsAllowed) {
  FetchOptions options = LoopbackOptions();
  options.address_policy.allow_private = true;
  FetchResponse r = Get("/to-metadata", nullptr, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kRefusedAddress);
  ASSERT_FALSE(r.refused_addresses.empty());
  EXPECT_EQ(r.refused_addresses[0].address, "169.254.169.254");
  EXPECT_EQ(r.refused_addresses[0].address_class, AddressClass::kLinkLocal);
}

TEST_F(HttpFetchTest, LoopbackIsRefusedWithoutTheAllowanceAndNothingReachesTheServer) {
  FetchOptions strict = LoopbackOptions();
  strict.address_policy.allow_loopback = false;
  for (const std::string& url :
       {server_->Url("/file.csv"), "http://localhost:" + std::to_string(server_->port()) + "/file.csv",
        "http://2130706433:" + std::to_string(server_->port()) + "/file.csv",
        "http://0x7f.1:" + std::to_string(server_->port()) + "/file.csv",
        "http://017700000001:" + std::to_string(server_->port()) + "/file.csv",
        "http://[::ffff:127.0.0.1]:" + std::to_string(server_->port()) + "/file.csv"}) {
    FetchResponse r = HttpFetch({url}, strict, nullptr);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error->kind, FetchErrorKind::kRefusedAddress) << url << ": " << KindOf(r) << " " << r.error->detail;
    ASSERT_FALSE(r.refused_addresses.empty()) << url;
    EXPECT_EQ(r.refused_addresses[0].address_class, AddressClass::kLoopback) << url;
    EXPECT_EQ(r.status, 0);
  }
  EXPECT_EQ(server_->connections(), 0) << "a refused fetch must not even connect";
  EXPECT_EQ(server_->requests(), 0);
}

TEST_F(HttpFetchTest, NumericHostSpellingsReachLoopbackWhenAllowed) {
  // The same spellings do reach 127.0.0.1: proof that the refusal above is about the
  // resolved address, not the text.
  FetchResponse r = HttpFetch({"http://2130706433:" + std::to_string(server_->port()) + "/file.csv"},
                              LoopbackOptions(), nullptr);
  ASSERT_TRUE(r.ok()) << KindOf(r);
  EXPECT_EQ(r.remote_address, "127.0.0.1");
  EXPECT_EQ(server_->requests(), 1);
}

TEST(HttpFetchIpv6Test, Ipv6LoopbackIsRefusedUnlessAllowed) {
  auto server = test::LoopbackHttpServer::Start(Route, "::1");
  if (!server) GTEST_SKIP() << "no IPv6 loopback on this machine";
  FetchOptions strict = LoopbackOptions();
  strict.address_policy.allow_loopback = false;
  FetchResponse refused = HttpFetch({server->Url("/file.csv")}, strict, nullptr);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error->kind, FetchErrorKind::kRefusedAddress);
  EXPECT_EQ(refused.refused_addresses.at(0).address, "::1");
  EXPECT_EQ(server->connections(), 0);

  MemorySink sink(1024);
  FetchResponse allowed = HttpFetch({server->Url("/file.csv")}, LoopbackOptions(), &sink);
  ASSERT_TRUE(allowed.ok()) << KindOf(allowed);
  EXPECT_EQ(allowed.remote_address, "::1");
  EXPECT_EQ(sink.data(), testing::kCsv);
}

TEST_F(HttpFetchTest, OnlyHttpAndHttpsAreFetched) {
  for (const char* url : {"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1:70/_x", "dict://127.0.0.1:11211/stat",
                          "ldap://127.0.0.1/", "telnet://127.0.0.1/", "FILE:///etc/passwd", "scp://127.0.0.1/x"}) {
    FetchResponse r = HttpFetch({url}, LoopbackOptions(), nullptr);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error->kind, FetchErrorKind::kUnsupportedScheme) << url;
    EXPECT_NE(r.error->message_zh.find("http://"), std::string::npos);
  }
  for (const char* url : {"", "not a url", "http://", "http://[::1", "://x", "http://a b/"}) {
    FetchResponse r = HttpFetch({url}, LoopbackOptions(), nullptr);
    ASSERT_FALSE(r.ok()) << url;
    EXPECT_EQ(r.error->kind, FetchErrorKind::kBadUrl) << "'" << url << "': " << KindOf(r);
  }
  FetchResponse long_url = HttpFetch({"http://127.0.0.1/" + std::string(100000, 'a')}, LoopbackOptions(), nullptr);
  EXPECT_EQ(KindOf(long_url), "bad-url");
}

TEST_F(HttpFetchTest, RedirectsToOtherSchemesAreRefused) {
  for (const char* path : {"/to-file", "/to-gopher"}) {
    MemorySink sink(1024);
    FetchResponse r = Get(path, &sink);
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.error->kind, FetchErrorKind::kUnsupportedScheme) << path;
    EXPECT_TRUE(sink.data().empty());
  }
}

TEST_F(HttpFetchTest, ASlowDripTimesOut) {
  FetchOptions options = LoopbackOptions();
  options.low_speed_bytes_per_second = 100;
  options.low_speed_window = std::chrono::seconds(1);
  FetchResponse r = Get("/drip", nullptr, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kTimeout) << r.error->detail;
  EXPECT_LT(r.elapsed, std::chrono::seconds(15));
}

TEST_F(HttpFetchTest, ASilentServerHitsTheTotalTimeout) {
  FetchOptions options = LoopbackOptions();
  options.total_timeout = std::chrono::milliseconds(700);
  FetchResponse r = Get("/stall", nullptr, options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kTimeout);
  EXPECT_GE(r.elapsed, std::chrono::milliseconds(600));
  EXPECT_LT(r.elapsed, std::chrono::seconds(10));
  EXPECT_NE(r.error->message_zh.find("逾時"), std::string::npos);
}

TEST_F(HttpFetchTest, AnEndlessBodyStopsAtTheSizeLimit) {
  test::TempDir dir;
  std::string path;
  {
    auto sink = TempFileSink::Create(dir.path());
    ASSERT_TRUE(sink.has_value());
    path = (*sink)->path();
    FetchResponse r = Get("/endless", sink->get());  // 64 MiB offered, 1 MiB allowed
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error->kind, FetchErrorKind::kTooLarge);
    EXPECT_LE((*sink)->bytes_written(), 1u << 20);
    EXPECT_LE(r.body_bytes, (1u << 20) + (1u << 20)) << "reading stops right after the limit";
    EXPECT_NE(r.error->message_en.find("1048576"), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(path)) << "the partial download is removed";
}

TEST_F(HttpFetchTest, ADeclaredSizeAboveTheLimitIsRefusedBeforeTheBody) {
  MemorySink sink(1 << 20);
  FetchResponse r = Get("/declared-huge", &sink);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kTooLarge);
  EXPECT_EQ(r.body_bytes, 0u);
  EXPECT_TRUE(sink.data().empty());
  EXPECT_EQ(r.content_length, 10000000000u);
  // A HEAD request only reads the headers: the declared size is evidence, not an error.
  FetchResponse head = HttpFetch({server_->Url("/declared-huge"), FetchMethod::kHead}, LoopbackOptions(), nullptr);
  ASSERT_TRUE(head.ok()) << KindOf(head);
  EXPECT_EQ(head.content_length, 10000000000u);
  EXPECT_EQ(head.body_bytes, 0u);
  EXPECT_FALSE(head.body_complete);
}

TEST_F(HttpFetchTest, LyingContentLengths) {
  FetchResponse short_body = Get("/lying-short", nullptr);
  ASSERT_FALSE(short_body.ok());
  EXPECT_EQ(short_body.error->kind, FetchErrorKind::kProtocol);
  EXPECT_NE(short_body.error->message_en.find("closed before"), std::string::npos);

  MemorySink sink(1 << 20);
  FetchResponse long_body = Get("/lying-long", &sink);
  ASSERT_TRUE(long_body.ok()) << KindOf(long_body);
  EXPECT_EQ(sink.data(), "01234") << "bytes beyond the declared length are not part of the body";
}

TEST_F(HttpFetchTest, ErrorStatusesAreTypedAndTheirBodiesDropped) {
  for (auto [path, status] : {std::pair{"/missing", 404}, std::pair{"/broken", 500}}) {
    MemorySink sink(1024);
    FetchResponse r = Get(path, &sink);
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.error->kind, FetchErrorKind::kHttpStatus);
    EXPECT_EQ(r.status, status);
    EXPECT_TRUE(sink.data().empty());
    EXPECT_NE(r.error->message_en.find(std::to_string(status)), std::string::npos);
  }
}

TEST_F(HttpFetchTest, ContentDispositionIsRecordedAndMadeSafe) {
  FetchResponse r = Get("/attachment", nullptr);
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r.disposition.has_value());
  EXPECT_EQ(r.disposition->type, "attachment");
  EXPECT_EQ(r.disposition->filename, "長照.csv");
  EXPECT_NE(r.content_disposition.find("filename*=UTF-8''"), std::string::npos);

  FetchResponse t = Get("/traversal", nullptr);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t.disposition->filename, "job");
}

TEST_F(HttpFetchTest, GzipBodiesAreDecoded) {
  MemorySink sink(1 << 20);
  FetchResponse r = Get("/gzip", &sink);
  ASSERT_TRUE(r.ok()) << KindOf(r);
  EXPECT_EQ(r.content_encoding, "gzip");
  EXPECT_EQ(sink.data(), std::string(testing::kCsv) + std::string(testing::kCsv));
  EXPECT_EQ(r.body_bytes, 2 * testing::kCsv.size());
}

TEST_F(HttpFetchTest, AGzipBombStopsAtTheSizeLimit) {
  MemorySink sink(4u << 20);
  FetchResponse r = Get("/gzip-bomb", &sink);  // ~16 KiB on the wire, 16 MiB decoded
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kTooLarge);
  EXPECT_LE(sink.data().size(), 1u << 20);
}

TEST_F(HttpFetchTest, MalformedResponsesAreProtocolErrors) {
  for (const char* path : {"/header-flood", "/garbage"}) {
    FetchResponse r = Get(path, nullptr);
    ASSERT_FALSE(r.ok()) << path;
    EXPECT_EQ(r.error->kind, FetchErrorKind::kProtocol) << path << ": " << KindOf(r) << " " << r.error->detail;
  }
}

TEST_F(HttpFetchTest, TlsToAPlainServerIsATlsError) {
  FetchResponse r =
      HttpFetch({"https://127.0.0.1:" + std::to_string(server_->port()) + "/file.csv"}, LoopbackOptions(), nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kTls) << r.error->detail;
}

TEST_F(HttpFetchTest, NothingListeningIsAConnectError) {
  uint16_t port = server_->port();
  server_.reset();  // the port is now closed
  FetchResponse r = HttpFetch({"http://127.0.0.1:" + std::to_string(port) + "/"}, LoopbackOptions(), nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->kind, FetchErrorKind::kConnect) << r.error->detail;
}

TEST_F(HttpFetchTest, RangeAndHeadRequestsAreSentAsAsked) {
  FetchRequest ranged{server_->Url("/ranged"), FetchMethod::kGet, std::make_pair(uint64_t{0}, uint64_t{4095}), false};
  MemorySink sink(1 << 20);
  FetchResponse r = HttpFetch(ranged, LoopbackOptions(), &sink);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.status, 206);
  EXPECT_EQ(sink.data().size(), 4096u);
  FetchResponse head = HttpFetch({server_->Url("/file.csv"), FetchMethod::kHead}, LoopbackOptions(), nullptr);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head.content_length, testing::kCsv.size());
  auto received = server_->received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].Header("range"), "bytes=0-4095");
  EXPECT_TRUE(received[0].Header("accept-encoding").empty());
  EXPECT_EQ(received[1].method, "HEAD");
}

TEST_F(HttpFetchTest, ASinkThatHasEnoughStopsTheTransferWithoutError) {
  MemorySink sink(10);
  FetchResponse r = Get("/endless", &sink);
  ASSERT_TRUE(r.ok()) << KindOf(r);
  EXPECT_EQ(sink.data(), "xxxxxxxxxx");
  EXPECT_FALSE(r.body_complete);
}

TEST_F(HttpFetchTest, ConcurrentFetchesAreIndependent) {
  std::vector<std::thread> threads;
  std::atomic<int> good{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      MemorySink sink(1024);
      FetchResponse r = Get(i % 2 ? "/file.csv" : "/redirect/2", &sink);
      if (r.ok() && !sink.data().empty()) ++good;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(good.load(), 4);
}

TEST(FetchErrorTest, ConvertsToLayerErrorsWithBothLanguages) {
  FetchError too_large = MakeFetchError(FetchErrorKind::kTooLarge, "more than 10 bytes", "超過 10 位元組");
  Error e = ToError(too_large, "resources.0.url");
  EXPECT_EQ(e.code, ErrorCode::kTooLarge);
  ASSERT_EQ(e.fields.size(), 1u);
  EXPECT_EQ(e.fields[0].field, "resources.0.url");
  EXPECT_EQ(e.fields[0].message, "The file is larger than the allowed size: more than 10 bytes.");
  EXPECT_EQ(e.fields[0].message_zh, "檔案超過允許的大小：超過 10 位元組。");
  Error refused = ToError(MakeFetchError(FetchErrorKind::kRefusedAddress));
  EXPECT_EQ(refused.code, ErrorCode::kValidation);
  EXPECT_EQ(refused.fields.at(0).field, "url");
  EXPECT_FALSE(refused.fields[0].message_zh.empty());
  EXPECT_EQ(FetchErrorKindName(FetchErrorKind::kTooManyRedirects), "too-many-redirects");
}

TEST(FetchOptionsTest, ComeFromTheConfig) {
  Config config;
  FetchOptions defaults = FetchOptionsFromConfig(config);
  EXPECT_FALSE(defaults.address_policy.allow_loopback);
  EXPECT_FALSE(defaults.address_policy.allow_private);
  EXPECT_EQ(defaults.max_redirects, 5);
  config.fetch_allow_loopback = true;
  config.fetch_max_bytes = 1234;
  config.fetch_timeout_s = 7;
  config.fetch_connect_timeout_s = 3;
  config.fetch_max_redirects = 2;
  FetchOptions o = FetchOptionsFromConfig(config);
  EXPECT_TRUE(o.address_policy.allow_loopback);
  EXPECT_FALSE(o.address_policy.allow_private);
  EXPECT_EQ(o.max_bytes, 1234u);
  EXPECT_EQ(o.total_timeout, std::chrono::seconds(7));
  EXPECT_EQ(o.connect_timeout, std::chrono::seconds(3));
  EXPECT_EQ(o.max_redirects, 2);
  Config legacy;
  legacy.allow_private_urls = true;  // the older key allows both
  FetchOptions l = FetchOptionsFromConfig(legacy);
  EXPECT_TRUE(l.address_policy.allow_loopback);
  EXPECT_TRUE(l.address_policy.allow_private);
}

}  // namespace
}  // namespace pintu::fetch

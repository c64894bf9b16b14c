// data.gov.tw's linkable / downloadable checks against the loopback test server.
#include "fetch/link_check.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "fetch/test_routes.h"

namespace pintu::fetch {
namespace {

class LinkCheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = test::LoopbackHttpServer::Start(testing::Route);
    ASSERT_NE(server_, nullptr);
    options_.fetch = testing::LoopbackOptions();
  }
  LinkCheckResult Check(const std::string& path) { return CheckLink(server_->Url(path), options_); }
  std::unique_ptr<test::LoopbackHttpServer> server_;
  LinkCheckOptions options_;
};

TEST_F(LinkCheckTest, ADirectFileIsLinkableAndDownloadable) {
  LinkCheckResult r = Check("/file.csv");
  EXPECT_TRUE(r.linkable);
  EXPECT_TRUE(r.downloadable);
  EXPECT_EQ(r.reason, "file");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.sniffed, ContentKind::kText);
  EXPECT_EQ(r.bytes_seen, testing::kCsv.size());
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  ASSERT_EQ(r.attempts.size(), 2u);
  EXPECT_EQ(r.attempts[0].method, "HEAD");
  EXPECT_EQ(r.attempts[1].method, "GET");
  auto received = server_->received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[1].Header("range"), "bytes=0-4095");
  EXPECT_FALSE(r.message_zh.empty());
  EXPECT_FALSE(r.error.has_value());
}

TEST_F(LinkCheckTest, AnHtmlLandingPageIsLinkableButNotDownloadable) {
  LinkCheckResult r = Check("/redirect-to-landing");
  EXPECT_TRUE(r.linkable);
  EXPECT_FALSE(r.downloadable);
  EXPECT_EQ(r.reason, "html-landing-page");
  EXPECT_EQ(r.sniffed, ContentKind::kHtml);
  ASSERT_EQ(r.chain.size(), 2u);
  EXPECT_EQ(r.chain[0].status, 302);
  EXPECT_EQ(r.final_url, server_->Url("/landing"));
  EXPECT_NE(r.message_zh.find("網頁"), std::string::npos);
}

TEST_F(LinkCheckTest, DeclaringHtmlMakesAPageTheFileItself) {
  options_.declared_format = "HTML";
  LinkCheckResult r = Check("/landing");
  EXPECT_TRUE(r.downloadable);
  EXPECT_EQ(r.reason, "file");
}

TEST_F(LinkCheckTest, AttachmentsCountAsDownloads) {
  LinkCheckResult r = Check("/attachment");
  EXPECT_TRUE(r.downloadable);
  EXPECT_EQ(r.reason, "attachment");
  ASSERT_TRUE(r.disposition.has_value());
  EXPECT_EQ(r.disposition->filename, "長照.csv");
  // A wrong text/html Content-Type does not matter when the bytes are the file.
  LinkCheckResult typed = Check("/attachment-html-type");
  EXPECT_TRUE(typed.downloadable);
  EXPECT_EQ(typed.reason, "attachment");
  LinkCheckResult csv_as_html = Check("/csv-as-html");
  EXPECT_TRUE(csv_as_html.downloadable);
  EXPECT_EQ(csv_as_html.reason, "file");
}

TEST_F(LinkCheckTest, AnHtmlPageOfferedAsAttachmentIsStillALandingPage) {
  LinkCheckResult r = Check("/html-as-attachment");
  EXPECT_TRUE(r.linkable);
  EXPECT_FALSE(r.downloadable);
  EXPECT_EQ(r.reason, "html-landing-page");
}

TEST_F(LinkCheckTest, WithoutSniffingTheContentTypeDecides) {
  options_.sniff_bytes = 0;
  LinkCheckResult page = Check("/landing");
  EXPECT_TRUE(page.linkable);
  EXPECT_FALSE(page.downloadable);
  EXPECT_EQ(page.reason, "html-landing-page");
  EXPECT_FALSE(page.sniffed.has_value());
  LinkCheckResult attachment = Check("/attachment-html-type");
  EXPECT_TRUE(attachment.downloadable);
  EXPECT_EQ(server_->requests(), 2) << "HEAD only";
}

TEST_F(LinkCheckTest, BrokenLinksAreNotLinkable) {
  LinkCheckResult missing = Check("/missing");
  EXPECT_FALSE(missing.linkable);
  EXPECT_FALSE(missing.downloadable);
  EXPECT_EQ(missing.reason, "http-status");
  EXPECT_EQ(missing.status, 404);
  ASSERT_TRUE(missing.error.has_value());
  EXPECT_EQ(missing.attempts.size(), 2u) << "a failed HEAD is retried as a ranged GET";

  LinkCheckResult loop = Check("/redirect/9");
  EXPECT_FALSE(loop.linkable);
  EXPECT_EQ(loop.reason, "too-many-redirects");
  EXPECT_EQ(loop.attempts.size(), 1u) << "a redirect loop is not retried";
}

TEST_F(LinkCheckTest, AServerWithoutHeadIsCheckedWithAGet) {
  LinkCheckResult r = Check("/head-not-allowed");
  EXPECT_TRUE(r.linkable);
  EXPECT_TRUE(r.downloadable);
  ASSERT_EQ(r.attempts.size(), 2u);
  EXPECT_EQ(r.attempts[0].status, 405);
  EXPECT_EQ(r.attempts[1].status, 200);
}

TEST_F(LinkCheckTest, EmptyFilesAreNotDownloadable) {
  LinkCheckResult empty = Check("/empty");
  EXPECT_TRUE(empty.linkable);
  EXPECT_FALSE(empty.downloadable);
  EXPECT_EQ(empty.reason, "empty");
  LinkCheckResult ranged = Check("/empty-ranged");  // 416 to the range probe
  EXPECT_TRUE(ranged.linkable);
  EXPECT_FALSE(ranged.downloadable);
  EXPECT_EQ(ranged.reason, "empty");
}

TEST_F(LinkCheckTest, OnlyTheFirstBytesAreRead) {
  LinkCheckResult r = Check("/endless");  // ignores Range, offers 64 MiB
  EXPECT_TRUE(r.downloadable);
  EXPECT_EQ(r.bytes_seen, 4096u);
  LinkCheckResult huge = Check("/declared-huge");  // declares 10 GB: still just a probe
  EXPECT_TRUE(huge.linkable);
  EXPECT_EQ(huge.content_length, 10000000000u);
}

TEST_F(LinkCheckTest, RefusedAddressesAreNotLinkableAndNotContacted) {
  options_.fetch.address_policy.allow_loopback = false;
  LinkCheckResult r = Check("/file.csv");
  EXPECT_FALSE(r.linkable);
  EXPECT_EQ(r.reason, "refused-address");
  EXPECT_EQ(server_->connections(), 0);
  options_.fetch.address_policy.allow_loopback = true;
  LinkCheckResult redirected = Check("/to-private");
  EXPECT_FALSE(redirected.linkable);
  EXPECT_EQ(redirected.reason, "refused-address");
}

TEST_F(LinkCheckTest, TimeoutsAreEvidence) {
  options_.fetch.total_timeout = std::chrono::milliseconds(500);
  LinkCheckResult r = Check("/stall");
  EXPECT_FALSE(r.linkable);
  EXPECT_EQ(r.reason, "timeout");
  EXPECT_LT(r.elapsed, std::chrono::seconds(10));
}

TEST_F(LinkCheckTest, ToJsonCarriesTheEvidence) {
  LinkCheckResult r = Check("/redirect-to-landing");
  boost::json::object j = r.ToJson();
  EXPECT_EQ(j.at("linkable").as_bool(), true);
  EXPECT_EQ(j.at("downloadable").as_bool(), false);
  EXPECT_EQ(j.at("reason").as_string(), "html-landing-page");
  EXPECT_EQ(j.at("status").as_int64(), 200);
  EXPECT_EQ(j.at("chain").as_array().size(), 2u);
  EXPECT_EQ(j.at("chain").as_array()[0].at("status").as_int64(), 302);
  EXPECT_EQ(j.at("final_url").as_string(), server_->Url("/landing"));
  EXPECT_EQ(j.at("sniffed").as_string(), "html");
  EXPECT_EQ(j.at("content_type").as_string(), "text/html; charset=utf-8");
  EXPECT_TRUE(j.at("content_disposition").is_null());
  EXPECT_TRUE(j.at("error").is_null());
  EXPECT_GT(j.at("bytes_seen").as_uint64(), 0u);
  EXPECT_TRUE(j.at("elapsed_ms").is_int64());
  EXPECT_EQ(j.at("attempts").as_array().size(), 2u);
  EXPECT_FALSE(j.at("message_zh").as_string().empty());
  EXPECT_FALSE(j.at("checked_at").as_string().empty());
  // It survives a round trip through text.
  EXPECT_EQ(boost::json::parse(boost::json::serialize(j)).as_object(), j);

  boost::json::object failed = Check("/missing").ToJson();
  EXPECT_EQ(failed.at("error").at("kind").as_string(), "http-status");
  EXPECT_FALSE(failed.at("error").at("message_zh").as_string().empty());
}

TEST(LinkCheckHostileTest, InvalidUtf8InTheUrlStillGivesValidJson) {
  LinkCheckOptions options;
  options.fetch = testing::LoopbackOptions();
  // Port 1 on loopback: nothing listens, and no name needs resolving.
  LinkCheckResult r = CheckLink("http://127.0.0.1:1/\xff\xfe\xc3\x01", options);
  EXPECT_FALSE(r.linkable);
  std::string text = boost::json::serialize(r.ToJson());
  boost::system::error_code ec;
  boost::json::parse(text, ec);
  EXPECT_FALSE(ec) << "stored evidence must be valid JSON";
}

}  // namespace
}  // namespace pintu::fetch

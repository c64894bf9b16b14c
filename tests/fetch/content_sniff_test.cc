#include "fetch/content_sniff.h"

#include <gtest/gtest.h>

#include <string>

namespace pintu::fetch {
namespace {

using namespace std::string_literals;

TEST(ContentSniffTest, HtmlLandingPagesAreRecognised) {
  EXPECT_EQ(SniffContent("<!DOCTYPE html><html><head>"), ContentKind::kHtml);
  EXPECT_EQ(SniffContent("\xEF\xBB\xBF\r\n  <html lang=\"zh-Hant-TW\">"), ContentKind::kHtml);
  EXPECT_EQ(SniffContent("<HTML>"), ContentKind::kHtml);
  EXPECT_EQ(SniffContent("\n\n<script>location.href='/login'</script>"), ContentKind::kHtml);
  EXPECT_EQ(SniffContent("<!-- generated -->\n<html>"), ContentKind::kHtml);
  EXPECT_EQ(SniffContent("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">"),
            ContentKind::kHtml);
  EXPECT_EQ(SniffContent("<html"), ContentKind::kHtml);  // sample ends inside the tag
}

TEST(ContentSniffTest, DataFilesAreNotHtml) {
  EXPECT_EQ(SniffContent("機構名稱,地址,電話\n臺北市立聯合醫院,臺北市,02-2555\n"), ContentKind::kText);
  EXPECT_EQ(SniffContent("\xAA\xF8\xB7\xD3,a\n"), ContentKind::kText);  // Big5 CSV
  EXPECT_EQ(SniffContent("<?xml version=\"1.0\" encoding=\"UTF-8\"?><dataset><row/></dataset>"), ContentKind::kXml);
  EXPECT_EQ(SniffContent("  [{\"a\":1}]"), ContentKind::kJson);
  EXPECT_EQ(SniffContent("{\"type\":\"FeatureCollection\"}"), ContentKind::kJson);
  EXPECT_EQ(SniffContent("%PDF-1.7\n%"), ContentKind::kPdf);
  EXPECT_EQ(SniffContent("PK\x03\x04\x14\x00"s), ContentKind::kZip);
  EXPECT_EQ(SniffContent("\x1f\x8b\x08\x00"s), ContentKind::kGzip);
  EXPECT_EQ(SniffContent("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), ContentKind::kOle2);
  EXPECT_EQ(SniffContent("abc\0def"s), ContentKind::kBinary);
  EXPECT_EQ(SniffContent(""), ContentKind::kEmpty);
  EXPECT_EQ(SniffContent("   \n"), ContentKind::kText);
  // Tags that merely start like HTML signatures.
  EXPECT_EQ(SniffContent("<abbr>x</abbr>"), ContentKind::kText);
  EXPECT_EQ(SniffContent("<bogus>"), ContentKind::kText);
  EXPECT_EQ(SniffContent("<htmlx>"), ContentKind::kText);
}

TEST(ContentSniffTest, ContentTypeNamesHtml) {
  EXPECT_TRUE(IsHtmlContentType("text/html"));
  EXPECT_TRUE(IsHtmlContentType("Text/HTML; charset=Big5"));
  EXPECT_TRUE(IsHtmlContentType(" application/xhtml+xml "));
  EXPECT_FALSE(IsHtmlContentType("text/csv; charset=utf-8"));
  EXPECT_FALSE(IsHtmlContentType("text/htmlx"));
  EXPECT_FALSE(IsHtmlContentType(""));
}

TEST(ContentSniffTest, EveryKindHasAName) {
  EXPECT_EQ(ContentKindName(ContentKind::kHtml), "html");
  EXPECT_EQ(ContentKindName(ContentKind::kEmpty), "empty");
  EXPECT_EQ(ContentKindName(ContentKind::kZip), "zip");
}

}  // namespace
}  // namespace pintu::fetch

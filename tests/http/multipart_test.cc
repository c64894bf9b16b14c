#include "http/multipart.h"

#include <gtest/gtest.h>

namespace pintu::http {
namespace {

const char* kType = "multipart/form-data; boundary=XyZ";

TEST(Multipart, FieldsAndFiles) {
  std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"package_id\"\r\n\r\nltc-points\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"長照.csv\"\r\n"
      "Content-Type: text/csv\r\n\r\na,b\r\n1,2\r\n--XyZ--\r\n";
  auto parts = ParseMultipart(body, kType);
  ASSERT_TRUE(parts) << parts.error().message;
  ASSERT_EQ(parts->size(), 2u);
  EXPECT_EQ((*parts)[0].name, "package_id");
  EXPECT_EQ((*parts)[0].body, "ltc-points");
  EXPECT_EQ((*parts)[1].filename, "長照.csv");
  EXPECT_EQ((*parts)[1].content_type, "text/csv");
  EXPECT_EQ((*parts)[1].body, "a,b\r\n1,2");
}

TEST(Multipart, MalformedBodiesAreBadRequests) {
  EXPECT_EQ(ParseMultipart("x", "multipart/form-data").error().code, ErrorCode::kBadRequest);
  EXPECT_EQ(ParseMultipart("no boundary here", kType).error().code, ErrorCode::kBadRequest);
  EXPECT_FALSE(ParseMultipart("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated", kType));
  EXPECT_FALSE(ParseMultipart("--XyZ\r\nContent-Disposition: form-data; name=\"a\"", kType));
  EXPECT_FALSE(ParseMultipart("--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--", kType));  // no name
  EXPECT_FALSE(ParseMultipart("--XyZgarbage", kType));
}

TEST(Multipart, PartCountIsLimited) {
  std::string body;
  for (int i = 0; i < 5; ++i) body += "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
  body += "--XyZ--";
  auto r = ParseMultipart(body, kType, 3);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
}

}  // namespace
}  // namespace pintu::http

#include "search/synonyms.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>

#include "search/normalizer.h"

namespace pintu::search {
namespace {

using Terms = std::vector<std::string>;

TEST(SynonymsTest, ParsesGroupsCommentsAndBlankLines) {
  auto r = ParseSynonyms("# header\n\n長照\t長期照顧\n北市\t臺北市\t台北市  # comment\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].terms, (Terms{"長照", "長期照顧"}));
  EXPECT_EQ((*r)[1].terms, (Terms{"北市", "臺北市", "台北市"}));
}

TEST(SynonymsTest, HandlesCrLfBomSpacesAndEmptyFields) {
  auto r = ParseSynonyms("\xEF\xBB\xBF" "a\t\tb \r\n  \r\nlong-term care\t長照\r\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ((*r)[0].terms, (Terms{"a", "b"}));
  EXPECT_EQ((*r)[1].terms, (Terms{"long-term care", "長照"}));
}

TEST(SynonymsTest, NoTrailingNewline) {
  auto r = ParseSynonyms("x\ty");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->size(), 1u);
}

TEST(SynonymsTest, EmptyInput) {
  auto r = ParseSynonyms("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(SynonymsTest, SingleTermIsAnErrorNamingTheLine) {
  auto r = ParseSynonyms("# c\na\tb\n\nc\td\n\n\n\n\n\n\n\nlonely\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  EXPECT_EQ(r.error().message, "line 12: a group needs at least two terms");
}

TEST(SynonymsTest, RepeatedTermCountsOnce) {
  auto r = ParseSynonyms("a\tb\nx\tx\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "line 2: a group needs at least two terms");
}

TEST(SynonymsTest, SpacesAreNotSeparators) {
  auto r = ParseSynonyms("air pollution\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "line 1: a group needs at least two terms");
}

TEST(SynonymsTest, LoadMissingFileFails) {
  auto r = LoadSynonyms("/nonexistent/synonyms.tsv");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("/nonexistent/synonyms.tsv"), std::string::npos);
}

// The shipped data file: large enough, well-formed, no term in two groups.
TEST(SynonymsTest, ShippedFileIsConsistent) {
  auto r = LoadSynonyms(std::string(PINTU_SOURCE_DIR) + "/data/synonyms.tsv");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_GE(r->size(), 100u);
  auto n = Normalizer::Create();
  ASSERT_TRUE(n) << n.error().message;
  std::map<std::string, size_t> owner;  // normalised term → group index
  for (size_t g = 0; g < r->size(); ++g) {
    std::set<std::string> distinct;
    for (const auto& t : (*r)[g].terms) distinct.insert((*n)->Normalize(t));
    EXPECT_GE(distinct.size(), 2u) << "group " << g << " starts with " << (*r)[g].terms[0];
    for (const auto& t : distinct) {
      auto [it, fresh] = owner.emplace(t, g);
      EXPECT_TRUE(fresh) << "term '" << t << "' in groups " << it->second << " and " << g;
    }
  }
  ASSERT_TRUE(owner.contains("長照"));
  ASSERT_TRUE(owner.contains("長期照顧"));
  EXPECT_EQ(owner["長照"], owner["長期照顧"]);
  EXPECT_EQ(owner["北市"], owner["臺北市"]);
  EXPECT_EQ(owner["捷運"], owner["mrt"]);
}

}  // namespace
}  // namespace pintu::search

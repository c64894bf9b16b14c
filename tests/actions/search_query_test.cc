#include "actions/search.h"

#include <gtest/gtest.h>

namespace pintu::actions {
namespace {

TEST(BuildQuery, WordsPhrasesAndExclusions) {
  SearchRequest r;
  r.q = "長照 \"day care\" -失智 tags:長期照顧";
  auto q = BuildQuery(r, Identity::Anonymous());
  ASSERT_TRUE(q);
  // A quoted phrase of several words keeps its quotes: the index matches it as a phrase.
  EXPECT_EQ(q->terms, (std::vector<std::string>{"長照", "\"day care\""}));
  EXPECT_EQ(q->excluded_terms, std::vector<std::string>{"失智"});
  EXPECT_EQ(q->tags, std::vector<std::string>{"長期照顧"});
}

TEST(BuildQuery, CkanFqForms) {
  SearchRequest r;
  r.fq = {"organization:taipei-health res_format:CSV +tags:\"long term\" -groups:air-quality",
          "organization_level:local"};
  auto q = BuildQuery(r, Identity::Anonymous());
  ASSERT_TRUE(q);
  EXPECT_EQ(q->organization_slugs, std::vector<std::string>{"taipei-health"});
  EXPECT_EQ(q->formats, std::vector<std::string>{"CSV"});
  EXPECT_EQ(q->tags, std::vector<std::string>{"long term"});
  ASSERT_EQ(q->excluded.size(), 1u);
  EXPECT_EQ(q->excluded[0], (std::pair<std::string, std::string>{"groups", "air-quality"}));
  EXPECT_EQ(q->org_levels, std::vector<std::string>{"local"});
}

TEST(BuildQuery, BadParametersNameTheParameter) {
  SearchRequest r;
  r.rows = 1001;
  auto q = BuildQuery(r, Identity::Anonymous());
  ASSERT_FALSE(q);
  EXPECT_EQ(q.error().fields[0].field, "rows");
  r.rows = 10;
  r.fq = {"secret_field:x"};
  EXPECT_EQ(BuildQuery(r, Identity::Anonymous()).error().fields[0].field, "fq");
  r.fq.clear();
  r.sort = "password desc";
  EXPECT_EQ(BuildQuery(r, Identity::Anonymous()).error().fields[0].field, "sort");
  r.sort = "title_string sideways";
  EXPECT_EQ(BuildQuery(r, Identity::Anonymous()).error().fields[0].field, "sort");
  r.sort = "";
  r.facet_fields = {"maintainer_email"};
  EXPECT_EQ(BuildQuery(r, Identity::Anonymous()).error().fields[0].field, "facet.field");
  r.facet_fields.clear();
  r.q = std::string("\xff\xfe");
  EXPECT_EQ(BuildQuery(r, Identity::Anonymous()).error().fields[0].field, "q");
}

TEST(BuildQuery, SortsAndMatchAll) {
  SearchRequest r;
  r.q = "*:*";
  r.sort = "metadata_modified desc, name asc";
  auto q = BuildQuery(r, Identity::Anonymous());
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->terms.empty());
  EXPECT_EQ(q->sort_field, "metadata_modified");
  EXPECT_TRUE(q->sort_desc);
  r.sort = "title_string asc";
  EXPECT_EQ(BuildQuery(r, Identity::Anonymous())->sort_field, "title");
}

TEST(BuildQuery, PrivateVisibilityFollowsMemberships) {
  Identity who;
  who.user = User{};
  who.memberships = {{"u", "org-a", MemberRole::kMember}};
  SearchRequest r;
  r.include_private = true;
  auto q = BuildQuery(r, who);
  ASSERT_TRUE(q);
  EXPECT_TRUE(q->include_private);
  EXPECT_FALSE(q->all_private);
  EXPECT_EQ(q->private_org_ids, std::vector<std::string>{"org-a"});
  EXPECT_TRUE(BuildQuery(r, Identity::System())->all_private);
}

}  // namespace
}  // namespace pintu::actions

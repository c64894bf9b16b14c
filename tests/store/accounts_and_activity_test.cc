// Organisations, topics, users, tokens, memberships and the activity stream.
#include "store/store_test_support.h"

namespace pintu {
namespace {

using testing_support::MakeOrganization;

class AccountsTest : public testing_support::StoreTest {
 protected:
  static User MakeUser(std::string id, std::string name) {
    User u;
    u.id = std::move(id);
    u.name = std::move(name);
    u.full_name = "陳 " + u.name;
    u.email = u.name + "@example.gov.tw";
    u.password_hash = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdA$aGFzaA";
    u.created = "2020-01-01T00:00:00.000000Z";
    return u;
  }
};

TEST_F(AccountsTest, OrganizationRoundTripsAndListsBySlug) {
  Organization o = MakeOrganization("org-2", "mohw", "衛生福利部", OrgLevel::kCentral);
  o.title.Set("en", "Ministry of Health and Welfare");
  o.description = LocalizedText::Both("說明", "About");
  o.gov_oid = "2.16.886.101.20003";
  o.parent_id = "org-1";
  o.contacts = {{"承辦人", "contact@mohw.gov.tw", "02-8590-6666"}};
  o.image_url = "https://example.gov.tw/logo.png";
  o.homepage = "https://www.mohw.gov.tw";
  Organization deleted = MakeOrganization("org-3", "gone", "已裁撤");
  deleted.state = State::kDeleted;
  MustWrite([&](WriteTxn& t) -> Result<void> {
    if (auto r = t.PutOrganization(MakeOrganization("org-1", "ey", "行政院")); !r) return r;
    if (auto r = t.PutOrganization(o); !r) return r;
    return t.PutOrganization(deleted);
  });
  EXPECT_EQ(*store_->GetOrganization("mohw"), o);
  EXPECT_EQ(*store_->GetOrganization("org-2"), o);
  auto active = store_->ListOrganizations(false);
  ASSERT_EQ(active->size(), 2u);
  EXPECT_EQ((*active)[0].slug, "ey");
  EXPECT_EQ((*active)[1].slug, "mohw");
  EXPECT_EQ(store_->ListOrganizations(true)->size(), 3u);

  auto clash = store_->Write([](WriteTxn& t) { return t.PutOrganization(MakeOrganization("org-9", "ey", "重複")); });
  ASSERT_FALSE(clash.has_value());
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->GetOrganization("nope").error().code, ErrorCode::kNotFound);
}

TEST_F(AccountsTest, TopicRoundTrips) {
  Topic t;
  t.id = "topic-1";
  t.slug = "long-term-care";
  t.title = LocalizedText::Both("長照", "Long-term care");
  t.description = LocalizedText::Zh("長期照顧相關資料");
  t.image_url = "https://example.gov.tw/ltc.png";
  t.created = "2020-01-01T00:00:00.000000Z";
  t.modified = "2020-01-02T00:00:00.000000Z";
  Topic old = t;
  old.id = "topic-0";
  old.slug = "archived";
  old.state = State::kDeleted;
  MustWrite([&](WriteTxn& w) -> Result<void> {
    if (auto r = w.PutTopic(t); !r) return r;
    return w.PutTopic(old);
  });
  EXPECT_EQ(*store_->GetTopic("long-term-care"), t);
  EXPECT_EQ(*store_->GetTopic("topic-1"), t);
  EXPECT_EQ(store_->ListTopics(false)->size(), 1u);
  EXPECT_EQ(store_->ListTopics(true)->size(), 2u);
  EXPECT_EQ(store_->GetTopic("missing").error().code, ErrorCode::kNotFound);
}

TEST_F(AccountsTest, UsersRoundTripAndNamesAreUnique) {
  User u = MakeUser("u-1", "alice");
  u.sysadmin = true;
  MustWrite([&](WriteTxn& t) { return t.PutUser(u); });
  EXPECT_EQ(store_->GetUser("alice")->password_hash, u.password_hash);
  auto by_id = store_->GetUser("u-1");
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->name, "alice");
  EXPECT_TRUE(by_id->sysadmin);
  EXPECT_EQ(by_id->email, u.email);
  EXPECT_EQ(by_id->full_name, u.full_name);
  EXPECT_EQ(by_id->created, u.created);

  auto clash = store_->Write([&](WriteTxn& t) { return t.PutUser(MakeUser("u-2", "alice")); });
  ASSERT_FALSE(clash.has_value());
  EXPECT_EQ(clash.error().code, ErrorCode::kConflict);
  MustWrite([&](WriteTxn& t) { return t.PutUser(MakeUser("u-0", "bob")); });
  auto users = store_->ListUsers();
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].name, "alice");
  EXPECT_EQ((*users)[1].name, "bob");
}

TEST_F(AccountsTest, TokensAreFoundByHashUntilRevoked) {
  MustWrite([&](WriteTxn& t) { return t.PutUser(MakeUser("u-1", "alice")); });
  Token tok{"t-1", "u-1", "CLI", "deadbeef", "2020-01-01T00:00:00Z", "", false};
  MustWrite([&](WriteTxn& t) { return t.PutToken(tok); });
  auto found = store_->GetTokenByHash("deadbeef");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, "t-1");
  EXPECT_EQ(found->user_id, "u-1");
  EXPECT_EQ(found->name, "CLI");
  EXPECT_EQ(store_->GetTokenByHash("cafebabe").error().code, ErrorCode::kNotFound);

  tok.revoked = true;
  MustWrite([&](WriteTxn& t) { return t.PutToken(tok); });
  EXPECT_EQ(store_->GetTokenByHash("deadbeef").error().code, ErrorCode::kNotFound);
  auto listed = store_->ListTokens("u-1");
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_TRUE((*listed)[0].revoked);

  auto orphan = store_->Write([](WriteTxn& t) {
    return t.PutToken({"t-2", "no-user", "x", "feed", "2020-01-01T00:00:00Z", "", false});
  });
  ASSERT_FALSE(orphan.has_value());
  EXPECT_EQ(orphan.error().code, ErrorCode::kNotFound);
}

TEST_F(AccountsTest, MembershipsAreSetUpdatedAndRemoved) {
  MustWrite([&](WriteTxn& t) -> Result<void> {
    for (auto* u : {"alice", "bob"})
      if (auto r = t.PutUser(MakeUser(std::string("u-") + u, u)); !r) return r;
    if (auto r = t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); !r) return r;
    if (auto r = t.PutOrganization(MakeOrganization("org-2", "mohw", "衛福部")); !r) return r;
    if (auto r = t.PutMembership({"u-alice", "org-1", MemberRole::kEditor}); !r) return r;
    if (auto r = t.PutMembership({"u-alice", "org-2", MemberRole::kMember}); !r) return r;
    return t.PutMembership({"u-bob", "org-1", MemberRole::kMember});
  });
  auto of_alice = store_->ListMembershipsOfUser("u-alice");
  ASSERT_EQ(of_alice->size(), 2u);
  EXPECT_EQ((*of_alice)[0].organization_id, "org-1");
  EXPECT_EQ((*of_alice)[0].role, MemberRole::kEditor);

  MustWrite([](WriteTxn& t) { return t.PutMembership({"u-bob", "org-1", MemberRole::kAdmin}); });
  auto members = store_->ListMembersOfOrganization("org-1");
  ASSERT_EQ(members->size(), 2u);
  EXPECT_EQ((*members)[1].user_id, "u-bob");
  EXPECT_EQ((*members)[1].role, MemberRole::kAdmin);

  MustWrite([](WriteTxn& t) { return t.RemoveMembership("u-alice", "org-1"); });
  of_alice = store_->ListMembershipsOfUser("u-alice");
  ASSERT_EQ(of_alice->size(), 1u);
  EXPECT_EQ((*of_alice)[0].organization_id, "org-2");

  auto dangling = store_->Write([](WriteTxn& t) { return t.PutMembership({"u-alice", "org-x", MemberRole::kAdmin}); });
  EXPECT_FALSE(dangling.has_value());
}

TEST_F(AccountsTest, ActivitiesGetIncreasingSeqAndListInBothOrders) {
  std::vector<int64_t> seqs;
  MustWrite([&](WriteTxn& t) -> Result<void> {
    for (int i = 0; i < 5; ++i) {
      Activity a;
      a.id = "act-" + std::to_string(i);
      a.timestamp = "2020-01-0" + std::to_string(i + 1) + "T00:00:00Z";
      a.actor = "alice";
      a.object_type = "dataset";
      a.object_id = i % 2 == 0 ? "d-even" : "d-odd";
      a.activity_type = i == 0 ? "new package" : "changed package";
      a.diff_json = R"({"title":{"old":"a","new":"b"}})";
      auto seq = t.AddActivity(a);
      if (!seq) return std::unexpected(seq.error());
      seqs.push_back(*seq);
    }
    return Ok();
  });
  ASSERT_EQ(seqs.size(), 5u);
  for (size_t i = 1; i < seqs.size(); ++i) EXPECT_GT(seqs[i], seqs[i - 1]);
  EXPECT_EQ(store_->ChangeSeq(), seqs.back());

  auto even = store_->ListActivities("d-even", 0, 10);
  ASSERT_EQ(even->size(), 3u);
  EXPECT_EQ((*even)[0].id, "act-4");  // newest first
  EXPECT_EQ((*even)[2].id, "act-0");
  EXPECT_EQ((*even)[2].activity_type, "new package");
  EXPECT_EQ((*even)[2].diff_json, R"({"title":{"old":"a","new":"b"}})");
  EXPECT_EQ((*even)[2].seq, seqs[0]);
  EXPECT_EQ(store_->ListActivities("d-even", 1, 1)->front().id, "act-2");

  auto since = store_->ListActivitiesSince(seqs[1], 10);
  ASSERT_EQ(since->size(), 3u);
  EXPECT_EQ((*since)[0].id, "act-2");  // oldest first
  EXPECT_EQ((*since)[2].id, "act-4");
  EXPECT_EQ(store_->ListActivitiesSince(seqs[1], 2)->size(), 2u);
  EXPECT_TRUE(store_->ListActivitiesSince(seqs.back(), 10)->empty());
}

}  // namespace
}  // namespace pintu

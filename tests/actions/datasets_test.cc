#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "actions/activity.h"
#include "actions/resources.h"
#include "actions/search.h"
#include "catalog_fixture.h"

namespace pintu::test {
namespace {

using ::testing::Contains;

TEST_F(CatalogTest, EditorCreatesInOwnAgencyOnly) {
  auto alice = As("alice");
  auto created = actions::CreateDataset(alice, MakeDataset("ltc-points", "mohw"));
  ASSERT_TRUE(created) << created.error().message;
  EXPECT_EQ(created->organization_id, health_.id);
  EXPECT_FALSE(created->resources[0].id.empty());

  auto denied = actions::CreateDataset(alice, MakeDataset("tp-points", "taipei-health"));
  ASSERT_FALSE(denied);
  EXPECT_EQ(denied.error().code, ErrorCode::kAuthorization);
  EXPECT_FALSE(store_->GetDataset("tp-points"));
}

TEST_F(CatalogTest, EditorOfAnotherAgencyCannotTouchDataset) {
  auto sys = System();
  Must(actions::CreateDataset(sys, MakeDataset("ltc-points", "mohw")));
  auto bob = As("bob");
  Dataset changed = MakeDataset("ltc-points", "mohw", "竄改");
  auto upd = actions::UpdateDataset(bob, changed);
  ASSERT_FALSE(upd);
  EXPECT_EQ(upd.error().code, ErrorCode::kAuthorization);
  auto del = actions::DeleteDataset(bob, "ltc-points");
  ASSERT_FALSE(del);
  EXPECT_EQ(del.error().code, ErrorCode::kAuthorization);
  auto patch = actions::PatchDataset(bob, "ltc-points", boost::json::object{{"title", "x"}});
  ASSERT_FALSE(patch);
  // A member (not editor) of the right agency cannot edit either.
  auto carol = As("carol");
  EXPECT_FALSE(actions::PatchDataset(carol, "ltc-points", boost::json::object{{"version", "2"}}));
  EXPECT_EQ(store_->GetDataset("ltc-points")->title.Get("zh-TW"), "長照服務據點");
  // Moving a dataset into an agency where the editor has no rights is refused.
  auto alice = As("alice");
  auto move = actions::PatchDataset(alice, "ltc-points", boost::json::object{{"owner_org", "taipei-health"}});
  ASSERT_FALSE(move);
  EXPECT_EQ(move.error().code, ErrorCode::kAuthorization);
}

TEST_F(CatalogTest, PrivateDatasetsAreInvisibleToOutsiders) {
  auto sys = System();
  Dataset d = MakeDataset("internal-list", "mohw");
  d.is_private = true;
  Must(actions::CreateDataset(sys, d));
  auto anon = Anonymous();
  auto shown = actions::ShowDataset(anon, "internal-list");
  ASSERT_FALSE(shown);
  EXPECT_EQ(shown.error().code, ErrorCode::kNotFound);
  auto bob = As("bob");
  EXPECT_FALSE(actions::ShowDataset(bob, "internal-list"));
  auto carol = As("carol");  // member of mohw
  EXPECT_TRUE(actions::ShowDataset(carol, "internal-list"));

  actions::SearchRequest req;
  req.q = "長照";
  req.include_private = true;
  EXPECT_EQ(actions::SearchDatasets(bob, req)->total, 0);
  EXPECT_EQ(actions::SearchDatasets(carol, req)->total, 1);
  req.include_private = false;
  EXPECT_EQ(actions::SearchDatasets(carol, req)->total, 0);
  EXPECT_THAT(*actions::ListDatasetNames(anon, 0, 100), ::testing::Not(Contains("internal-list")));
}

TEST_F(CatalogTest, ValidationNamesTheFieldsAndWritesNothing) {
  auto sys = System();
  int64_t seq_before = store_->ChangeSeq();
  Dataset d = MakeDataset("Bad Slug!", "no-such-agency");
  d.title = LocalizedText();
  d.topics = {"no-such-topic"};
  auto r = actions::CreateDataset(sys, d);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);
  auto fields = Fields(r.error());
  EXPECT_THAT(fields, Contains("name"));
  EXPECT_THAT(fields, Contains("title"));
  EXPECT_THAT(fields, Contains("owner_org"));
  EXPECT_THAT(fields, Contains("groups.0"));
  EXPECT_EQ(store_->ChangeSeq(), seq_before);
  EXPECT_EQ(store_->Stats()->datasets, 0);
}

TEST_F(CatalogTest, SlugMustBeUnique) {
  auto sys = System();
  Must(actions::CreateDataset(sys, MakeDataset("ltc-points", "mohw")));
  auto again = actions::CreateDataset(sys, MakeDataset("ltc-points", "mohw"));
  ASSERT_FALSE(again);
  EXPECT_THAT(Fields(again.error()), Contains("name"));
}

TEST_F(CatalogTest, EveryWriteLeavesAnActivity) {
  auto alice = As("alice");
  auto d = Must(actions::CreateDataset(alice, MakeDataset("ltc-points", "mohw")));
  Must(actions::PatchDataset(alice, "ltc-points", boost::json::object{{"version", "2025.1"}}));
  Must(actions::DeleteDataset(alice, "ltc-points"));
  auto sys = System();
  auto acts = actions::ListDatasetActivity(sys, d.id, 0, 10);
  ASSERT_TRUE(acts) << acts.error().message;
  ASSERT_EQ(acts->size(), 3u);
  EXPECT_EQ((*acts)[0].activity_type, "deleted package");
  EXPECT_EQ((*acts)[1].activity_type, "changed package");
  EXPECT_EQ((*acts)[2].activity_type, "new package");
  EXPECT_EQ((*acts)[1].actor, "alice");
  EXPECT_NE((*acts)[1].diff_json.find("2025.1"), std::string::npos);
}

TEST_F(CatalogTest, DeleteIsSoft) {
  auto sys = System();
  Must(actions::CreateDataset(sys, MakeDataset("ltc-points", "mohw")));
  Must(actions::DeleteDataset(sys, "ltc-points"));
  auto anon = Anonymous();
  EXPECT_FALSE(actions::ShowDataset(anon, "ltc-points"));
  auto kept = actions::ShowDataset(sys, "ltc-points");
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->state, State::kDeleted);
  EXPECT_EQ(kept->title.Get("zh-TW"), "長照服務據點");
}

TEST_F(CatalogTest, PatchKeepsOtherFieldsAndTranslations) {
  auto sys = System();
  Must(actions::CreateDataset(sys, MakeDataset("ltc-points", "mohw")));
  auto patched = actions::PatchDataset(sys, "ltc-points", boost::json::object{{"title", "長照據點（新）"}});
  ASSERT_TRUE(patched) << patched.error().message;
  EXPECT_EQ(patched->title.Get("zh-TW"), "長照據點（新）");
  EXPECT_EQ(patched->title.Get("en"), "Long-term care service points");
  EXPECT_EQ(patched->resources.size(), 1u);
  EXPECT_EQ(patched->keywords, std::vector<std::string>{"長照"});
}

TEST_F(CatalogTest, ResourcesAddUpdateDelete) {
  auto alice = As("alice");
  auto d = Must(actions::CreateDataset(alice, MakeDataset("ltc-points", "mohw")));
  Resource r;
  r.dataset_id = "ltc-points";
  r.url = "https://example.gov.tw/b.json";
  r.format = "JSON";
  auto added = Must(actions::CreateResource(alice, r));
  EXPECT_EQ(store_->GetDataset(d.id)->resources.size(), 2u);
  auto patched = Must(actions::PatchResource(alice, added.id, boost::json::object{{"format", "GeoJSON"}}));
  EXPECT_EQ(patched.format, "GeoJSON");
  EXPECT_EQ(patched.url, "https://example.gov.tw/b.json");
  auto bob = As("bob");
  EXPECT_FALSE(actions::DeleteResource(bob, added.id));
  Must(actions::DeleteResource(alice, added.id));
  EXPECT_EQ(store_->GetDataset(d.id)->resources.size(), 1u);
  auto gone = actions::ShowResource(alice, added.id);
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetResource(added.id)->state, State::kDeleted);  // soft
}

TEST_F(CatalogTest, UploadStoresFileWithChecksum) {
  auto alice = As("alice");
  auto d = Must(actions::CreateDataset(alice, MakeDataset("ltc-points", "mohw")));
  Resource r;
  r.dataset_id = d.id;
  auto up = actions::UploadResourceFile(alice, r, {"../../etc/長照 清單.csv", "a,b\n1,2\n"});
  ASSERT_TRUE(up) << up.error().message;
  EXPECT_TRUE(up->uploaded);
  EXPECT_EQ(up->size_bytes, 8);
  EXPECT_EQ(up->checksum.substr(0, 7), "sha256:");
  auto path = actions::UploadedFilePath(alice, up->id);
  ASSERT_TRUE(path) << path.error().message;
  EXPECT_EQ(path->find(".."), std::string::npos);
  EXPECT_NE(path->find(dir_.path()), std::string::npos);
  auto bob = As("bob");
  Resource other;
  other.dataset_id = d.id;
  EXPECT_FALSE(actions::UploadResourceFile(bob, other, {"x.csv", "1"}));
}

TEST_F(CatalogTest, TokensAuthenticateAndRevoke) {
  auto sys = System();
  auto issued = Must(actions::CreateToken(sys, "alice", "ci"));
  EXPECT_NE(issued.token.token_hash, issued.secret);  // only the hash is stored
  auto who = actions::Authenticate(*store_, issued.secret);
  ASSERT_TRUE(who);
  EXPECT_EQ(who->user->name, "alice");
  EXPECT_EQ(who->RoleIn(health_.id), MemberRole::kEditor);
  EXPECT_TRUE(actions::Authenticate(*store_, "Bearer " + issued.secret));
  EXPECT_FALSE(actions::Authenticate(*store_, "pintu_wrong"));
  EXPECT_FALSE(actions::Authenticate(*store_, std::string(10000, 'x')));
  EXPECT_FALSE(actions::Authenticate(*store_, "' OR 1=1 --"));
  Must(actions::RevokeToken(sys, issued.token.id));
  EXPECT_FALSE(actions::Authenticate(*store_, issued.secret));
  // Users cannot mint tokens for others.
  auto bob = As("bob");
  EXPECT_FALSE(actions::CreateToken(bob, "alice", "steal"));
}

TEST_F(CatalogTest, PasswordsAreHashedAndVerified) {
  auto sys = System();
  Must(actions::CreateUser(sys, {"dora", "Dora", "dora@example.org", "correct horse battery", false}));
  auto u = store_->GetUser("dora");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->password_hash.rfind("$argon2id$", 0), 0u);
  EXPECT_TRUE(actions::VerifyPassword(*store_, "dora", "correct horse battery"));
  EXPECT_FALSE(actions::VerifyPassword(*store_, "dora", "wrong"));
  EXPECT_FALSE(actions::VerifyPassword(*store_, "nobody", "x"));
  auto short_pw = actions::CreateUser(sys, {"eve", "", "", "short", false});
  ASSERT_FALSE(short_pw);
  EXPECT_THAT(Fields(short_pw.error()), Contains("password"));
}

TEST_F(CatalogTest, OnlyAdminsManageOrganizations) {
  auto alice = As("alice");
  EXPECT_FALSE(actions::CreateOrganization(alice, Org("new-org", "新機關", OrgLevel::kLocal)));
  EXPECT_FALSE(actions::SetMembership(alice, "mohw", "bob", MemberRole::kAdmin));
  auto sys = System();
  Must(actions::SetMembership(sys, "mohw", "alice", MemberRole::kAdmin));
  auto admin = As("alice");
  EXPECT_TRUE(actions::SetMembership(admin, "mohw", "bob", MemberRole::kMember));
  EXPECT_FALSE(actions::SetMembership(admin, "taipei-health", "alice", MemberRole::kAdmin));
}

}  // namespace
}  // namespace pintu::test

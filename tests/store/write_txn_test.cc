// Store::Write: one transaction that commits on success and leaves the store
// unchanged on error or exception.
#include <stdexcept>

#include "store/store_test_support.h"

namespace pintu {
namespace {

using testing_support::MakeDataset;
using testing_support::MakeOrganization;

class WriteTxnTest : public testing_support::StoreTest {};

TEST_F(WriteTxnTest, ErrorFromFunctionRollsEverythingBack) {
  auto r = store_->Write([](WriteTxn& t) -> Result<void> {
    if (auto put = t.PutOrganization(MakeOrganization("org-1", "moi", "內政部")); !put) return put;
    if (auto put = t.PutDataset(MakeDataset("d-1", "kept-out", "不存在")); !put) return put;
    if (auto a = t.AddActivity({0, "", "", "system", "dataset", "d-1", "new package", "{}"}); !a)
      return std::unexpected(a.error());
    return std::unexpected(Error::Invalid("title", "bad"));
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kValidation);  // returned unchanged
  EXPECT_EQ(r.error().fields[0].field, "title");
  EXPECT_EQ(store_->GetDataset("kept-out").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetOrganization("moi").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(store_->ChangeSeq(), 0);
}

TEST_F(WriteTxnTest, ExceptionRollsBackAndBecomesInternalError) {
  auto r = store_->Write([](WriteTxn& t) -> Result<void> {
    (void)t.PutDataset(MakeDataset("d-1", "thrown-away", "丟掉"));
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_NE(r.error().message.find("boom"), std::string::npos);
  EXPECT_EQ(store_->GetDataset("thrown-away").error().code, ErrorCode::kNotFound);
  // The store keeps working afterwards.
  MustWrite([](WriteTxn& t) { return t.PutDataset(MakeDataset("d-2", "after", "之後")); });
  EXPECT_TRUE(store_->GetDataset("after").has_value());
}

TEST_F(WriteTxnTest, FailedStatementInsideTransactionRollsBackEarlierWrites) {
  MustWrite([](WriteTxn& t) { return t.PutDataset(MakeDataset("d-1", "taken", "一")); });
  auto r = store_->Write([](WriteTxn& t) -> Result<void> {
    if (auto put = t.PutDataset(MakeDataset("d-2", "fresh", "二")); !put) return put;
    return t.PutDataset(MakeDataset("d-3", "taken", "三"));  // conflict
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);
  EXPECT_EQ(store_->GetDataset("fresh").error().code, ErrorCode::kNotFound);
}

TEST_F(WriteTxnTest, ReadsInsideTransactionSeeOwnWritesOthersDoNot) {
  MustWrite([&](WriteTxn& t) -> Result<void> {
    if (auto put = t.PutDataset(MakeDataset("d-1", "in-flight", "進行中")); !put) return put;
    auto seen = t.GetDataset("in-flight");
    EXPECT_TRUE(seen.has_value());
    auto page = t.SearchDatasets(DatasetQuery{.terms = {"進行"}});
    EXPECT_TRUE(page.has_value());
    if (page) EXPECT_EQ(page->total, 1);
    // The store's own readers see the last committed state only.
    EXPECT_EQ(store_->GetDataset("in-flight").error().code, ErrorCode::kNotFound);
    return Ok();
  });
  EXPECT_TRUE(store_->GetDataset("in-flight").has_value());
}

TEST_F(WriteTxnTest, NestedWriteIsRefusedInsteadOfDeadlocking) {
  auto r = store_->Write([&](WriteTxn&) -> Result<void> {
    return store_->Write([](WriteTxn&) { return Ok(); });
  });
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
}

}  // namespace
}  // namespace pintu

// The WriteTxn handed to Store::Write's function: all its reads and writes go
// through the writer connection inside the open transaction.
#pragma once

#include "store/sqlite/connection_reader.h"

namespace pintu::sqlite {

class SqliteWriteTxn final : public ConnectionReader<WriteTxn> {
 public:
  // Uses `conn`, on which the caller has begun a transaction, for every call.
  explicit SqliteWriteTxn(Connection& conn) : conn_(conn) {}

  Result<void> PutOrganization(const Organization& o) override { return WriteOrganization(conn_, o); }
  Result<void> PutDataset(const Dataset& d) override { return WriteDataset(conn_, d); }
  Result<void> PutTopic(const Topic& t) override { return WriteTopic(conn_, t); }
  Result<void> PutUser(const User& u) override { return WriteUser(conn_, u); }
  Result<void> PutToken(const Token& t) override { return WriteToken(conn_, t); }
  Result<void> PutMembership(const Membership& m) override { return WriteMembership(conn_, m); }
  Result<void> RemoveMembership(std::string_view user_id, std::string_view org_id) override {
    return DeleteMembership(conn_, user_id, org_id);
  }
  Result<int64_t> AddActivity(const Activity& a) override { return AppendActivity(conn_, a); }
  Result<void> AddPopularity(std::string_view dataset_id, int64_t views,
                             int64_t downloads) override {
    return AddToPopularity(conn_, dataset_id, views, downloads);
  }
  Result<Job> EnqueueJob(const JobRequest& request, int64_t now) override {
    return InsertJobDeduplicated(conn_, request, now);
  }
  Result<ResourceCheck> AddResourceCheck(const ResourceCheck& check) override {
    return InsertResourceCheck(conn_, check);
  }
  Result<void> AddScoreSnapshot(const ScoreCard& card, std::string_view card_json) override {
    return InsertScoreSnapshot(conn_, card, card_json);
  }
  Result<void> PutSoftware(const Software& s) override { return WriteSoftware(conn_, s); }
  Result<int64_t> AddSoftwareVersion(const SoftwareVersion& v) override { return InsertSoftwareVersion(conn_, v); }
  Result<void> PutAdoption(const Adoption& a) override { return WriteAdoption(conn_, a); }

 protected:
  Result<void> WithConnection(const std::function<void(Connection&)>& fn) override {
    fn(conn_);
    return Ok();
  }

 private:
  Connection& conn_;
};

}  // namespace pintu::sqlite

// Implements every StoreReader method on top of one virtual hook that supplies a
// connection. The store supplies a pooled read connection inside a read
// transaction (one snapshot per call); the write transaction supplies the writer
// connection, so its reads see its own writes.
#pragma once

#include <exception>
#include <functional>
#include <optional>

#include "store/sqlite/account_rows.h"
#include "store/sqlite/activity_rows.h"
#include "store/sqlite/dataset_rows.h"
#include "store/sqlite/dataset_search.h"
#include "store/sqlite/job_rows.h"
#include "store/sqlite/organization_rows.h"
#include "store/sqlite/resource_check_rows.h"
#include "store/sqlite/score_snapshot_rows.h"
#include "store/sqlite/software_rows.h"
#include "store/sqlite/topic_rows.h"
#include "store/store.h"

namespace pintu::sqlite {

template <typename Base>
class ConnectionReader : public Base {
 public:
  Result<Organization> GetOrganization(std::string_view id_or_slug) override {
    return Read<Organization>([&](Connection& c) { return ReadOrganization(c, id_or_slug); });
  }
  Result<std::vector<Organization>> ListOrganizations(bool include_deleted) override {
    return Read<std::vector<Organization>>(
        [&](Connection& c) { return ReadOrganizations(c, include_deleted); });
  }
  Result<Dataset> GetDataset(std::string_view id_or_slug) override {
    return Read<Dataset>([&](Connection& c) { return ReadDataset(c, id_or_slug); });
  }
  Result<std::vector<std::string>> ListDatasetSlugs(bool include_private, size_t offset,
                                                    size_t limit) override {
    return Read<std::vector<std::string>>(
        [&](Connection& c) { return ReadDatasetSlugs(c, include_private, offset, limit); });
  }
  Result<std::vector<Dataset>> ListDatasets(bool include_private, size_t offset,
                                            size_t limit) override {
    return Read<std::vector<Dataset>>(
        [&](Connection& c) { return ReadDatasets(c, include_private, offset, limit); });
  }
  Result<std::vector<DatasetStamp>> ListDatasetStamps(bool include_private, size_t offset,
                                                      size_t limit) override {
    return Read<std::vector<DatasetStamp>>(
        [&](Connection& c) { return ReadDatasetStamps(c, include_private, offset, limit); });
  }
  Result<std::vector<std::string>> ListAllDatasetIds() override {
    return Read<std::vector<std::string>>([&](Connection& c) { return ReadAllDatasetIds(c); });
  }
  Result<int64_t> CountDatasetsOfOrganization(std::string_view org_id,
                                              bool include_private) override {
    return Read<int64_t>([&](Connection& c) {
      return sqlite::CountDatasetsOfOrganization(c, org_id, include_private);
    });
  }
  Result<Resource> GetResource(std::string_view id) override {
    return Read<Resource>([&](Connection& c) { return ReadResource(c, id); });
  }
  Result<DatasetPage> SearchDatasets(const DatasetQuery& q) override {
    return Read<DatasetPage>([&](Connection& c) { return sqlite::SearchDatasets(c, q); });
  }
  Result<std::vector<std::string>> ListTags(std::string_view contains, size_t limit) override {
    return Read<std::vector<std::string>>([&](Connection& c) { return ReadTags(c, contains, limit); });
  }
  Result<Topic> GetTopic(std::string_view id_or_slug) override {
    return Read<Topic>([&](Connection& c) { return ReadTopic(c, id_or_slug); });
  }
  Result<std::vector<Topic>> ListTopics(bool include_deleted) override {
    return Read<std::vector<Topic>>([&](Connection& c) { return ReadTopics(c, include_deleted); });
  }
  Result<User> GetUser(std::string_view id_or_name) override {
    return Read<User>([&](Connection& c) { return ReadUser(c, id_or_name); });
  }
  Result<std::vector<User>> ListUsers() override {
    return Read<std::vector<User>>([&](Connection& c) { return ReadUsers(c); });
  }
  Result<Token> GetTokenByHash(std::string_view token_hash) override {
    return Read<Token>([&](Connection& c) { return ReadTokenByHash(c, token_hash); });
  }
  Result<std::vector<Token>> ListTokens(std::string_view user_id) override {
    return Read<std::vector<Token>>([&](Connection& c) { return ReadTokens(c, user_id); });
  }
  Result<std::vector<Membership>> ListMembershipsOfUser(std::string_view user_id) override {
    return Read<std::vector<Membership>>(
        [&](Connection& c) { return ReadMembershipsOfUser(c, user_id); });
  }
  Result<std::vector<Membership>> ListMembersOfOrganization(std::string_view org_id) override {
    return Read<std::vector<Membership>>(
        [&](Connection& c) { return ReadMembersOfOrganization(c, org_id); });
  }
  Result<std::vector<Activity>> ListActivities(std::string_view object_id, size_t offset,
                                               size_t limit) override {
    return Read<std::vector<Activity>>(
        [&](Connection& c) { return ReadActivities(c, object_id, offset, limit); });
  }
  Result<std::vector<Activity>> ListDatasetActivities(const DatasetActivityQuery& q) override {
    return Read<std::vector<Activity>>([&](Connection& c) { return ReadDatasetActivities(c, q); });
  }
  Result<std::vector<Activity>> ListActivitiesSince(int64_t after_seq, size_t limit) override {
    return Read<std::vector<Activity>>(
        [&](Connection& c) { return ReadActivitiesSince(c, after_seq, limit); });
  }

  Result<std::vector<DatasetPopularity>> ListPopularity() override {
    return Read<std::vector<DatasetPopularity>>([&](Connection& c) { return ReadPopularity(c); });
  }

  Result<Job> GetJob(int64_t id) override {
    return Read<Job>([&](Connection& c) { return ReadJob(c, id); });
  }
  Result<std::vector<Job>> ListJobs(const JobQuery& q) override {
    return Read<std::vector<Job>>([&](Connection& c) { return ReadJobs(c, q); });
  }
  Result<int64_t> CountJobs(const JobQuery& q) override {
    return Read<int64_t>([&](Connection& c) { return CountMatchingJobs(c, q); });
  }
  Result<std::vector<JobStateCount>> CountJobsByState() override {
    return Read<std::vector<JobStateCount>>([&](Connection& c) { return ReadJobStateCounts(c); });
  }
  Result<std::vector<JobRun>> ListJobRuns(int64_t job_id) override {
    return Read<std::vector<JobRun>>([&](Connection& c) { return ReadJobRuns(c, job_id); });
  }
  Result<Job> GetActiveJob(std::string_view kind, std::string_view subject) override {
    return Read<Job>([&](Connection& c) { return ReadActiveJob(c, kind, subject); });
  }
  Result<ResourceCheck> GetLatestResourceCheck(std::string_view resource_id, CheckKind kind) override {
    return Read<ResourceCheck>([&](Connection& c) { return ReadLatestResourceCheck(c, resource_id, kind); });
  }
  Result<std::vector<ResourceCheck>> ListResourceChecks(std::string_view resource_id,
                                                        std::optional<CheckKind> kind, size_t offset,
                                                        size_t limit) override {
    return Read<std::vector<ResourceCheck>>(
        [&](Connection& c) { return ReadResourceChecks(c, resource_id, kind, offset, limit); });
  }
  Result<int64_t> CountResourceChecks(std::string_view resource_id, std::optional<CheckKind> kind) override {
    return Read<int64_t>([&](Connection& c) { return CountResourceChecksOf(c, resource_id, kind); });
  }
  Result<std::vector<std::string>> ListResourcesDueForCheck(const DueResourceQuery& q) override {
    return Read<std::vector<std::string>>([&](Connection& c) { return ReadResourcesDue(c, q); });
  }
  Result<std::string> GetLatestScoreCardJson(std::string_view dataset_id) override {
    return Read<std::string>([&](Connection& c) { return ReadLatestScoreCardJson(c, dataset_id); });
  }
  Result<ScoreSnapshotSummary> GetLatestScoreSummary(std::string_view dataset_id) override {
    return Read<ScoreSnapshotSummary>([&](Connection& c) { return ReadLatestScoreSummary(c, dataset_id); });
  }
  Result<std::vector<std::string>> ListLatestScoreCardJson(std::string_view organization_id) override {
    return Read<std::vector<std::string>>([&](Connection& c) { return ReadLatestScoreCards(c, organization_id); });
  }
  Result<std::vector<ScoreSnapshotSummary>> ListScoreSummaries(bool latest_only, int64_t since) override {
    return Read<std::vector<ScoreSnapshotSummary>>(
        [&](Connection& c) { return ReadScoreSummaries(c, latest_only, since); });
  }
  Result<Software> GetSoftware(std::string_view id_or_slug) override {
    return Read<Software>([&](Connection& c) { return ReadSoftware(c, id_or_slug); });
  }
  Result<std::vector<Software>> ListSoftware(bool include_deleted) override {
    return Read<std::vector<Software>>([&](Connection& c) { return ReadSoftwareList(c, include_deleted); });
  }
  Result<std::vector<Software>> ListSoftwareForDataset(std::string_view dataset_id) override {
    return Read<std::vector<Software>>([&](Connection& c) { return ReadSoftwareForDataset(c, dataset_id); });
  }
  Result<std::vector<SoftwareVersion>> ListSoftwareVersions(std::string_view software_id, size_t offset,
                                                           size_t limit) override {
    return Read<std::vector<SoftwareVersion>>(
        [&](Connection& c) { return ReadSoftwareVersions(c, software_id, offset, limit); });
  }
  Result<int64_t> CountSoftwareVersions(std::string_view software_id) override {
    return Read<int64_t>([&](Connection& c) { return sqlite::CountSoftwareVersions(c, software_id); });
  }
  Result<Adoption> GetAdoption(std::string_view id) override {
    return Read<Adoption>([&](Connection& c) { return ReadAdoption(c, id); });
  }
  Result<std::vector<Adoption>> ListAdoptions(std::string_view software_id,
                                              std::string_view organization_id) override {
    return Read<std::vector<Adoption>>(
        [&](Connection& c) { return ReadAdoptions(c, software_id, organization_id); });
  }

 protected:
  // Runs `fn` on a connection; reads made by `fn` see one consistent state.
  // Returns an error only when no connection could be provided.
  virtual Result<void> WithConnection(const std::function<void(Connection&)>& fn) = 0;

  // Runs `query` through WithConnection; exceptions become kInternal errors.
  template <typename T, typename Query>
  Result<T> Read(Query&& query) {
    std::optional<Result<T>> out;
    auto provided = WithConnection([&](Connection& c) {
      try {
        out.emplace(query(c));
      } catch (const std::exception& e) {
        out.emplace(std::unexpected(Error::Internal(std::string("Store read failed: ") + e.what())));
      } catch (...) {
        out.emplace(std::unexpected(Error::Internal("Store read failed")));
      }
    });
    if (!provided) return std::unexpected(provided.error());
    if (!out) return std::unexpected(Error::Internal("Store read did not run"));
    return std::move(*out);
  }
};

}  // namespace pintu::sqlite

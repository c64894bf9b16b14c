// The Store: the only code that speaks SQL. Actions talk to this interface; the
// SQLite backend (store/sqlite) implements it and a PostgreSQL backend can follow
// without touching actions.
//
// Reads return documents in any state (actions decide visibility), except where a
// query says otherwise. Every write happens inside Store::Write(), which runs the
// given function in one transaction: either everything it did commits, or nothing.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/activity.h"
#include "core/dataset.h"
#include "core/error.h"
#include "core/job.h"
#include "core/organization.h"
#include "core/resource_check.h"
#include "core/score_card.h"
#include "core/software.h"
#include "core/topic.h"

namespace pintu {

// A dataset query: what package_search asks of the search index (search/), and of the
// store's own simple substring search (used to count inside write transactions and as
// the reference in tests).
struct DatasetQuery {
  // Every term must occur. A term in double quotes ("day care") is a phrase for the
  // search index; the store's simple search matches terms as case-insensitive substrings.
  std::vector<std::string> terms;
  std::vector<std::string> excluded_terms;  // no term may occur
  // Filters: each listed value must match (AND across keys, OR within one key's list
  // only when `any_of` is used by the caller through several queries — keep it simple).
  std::vector<std::string> organization_slugs;  // dataset's organisation slug ∈ list
  std::vector<std::string> tags;                // dataset has every tag
  std::vector<std::string> formats;             // dataset has a resource of every format (case-insensitive)
  std::vector<std::string> topics;              // dataset is in every topic
  std::vector<std::string> licenses;            // license_id ∈ list
  std::vector<std::string> dataset_types;       // type code ∈ list
  std::vector<std::string> themes;              // dataset has every theme
  std::vector<std::string> org_levels;          // organisation level ∈ list
  // Negated filters (fq "-key:value").
  std::vector<std::pair<std::string, std::string>> excluded;  // (key, value)
  // Visibility: drafts and deleted are never returned. Private datasets are returned
  // only when include_private and the dataset's organisation is in private_org_ids,
  // or when all_private is true (sysadmin).
  bool include_private = false;
  bool all_private = false;
  std::vector<std::string> private_org_ids;
  // Sorting: "score" (matches in title first, then modified), "metadata_modified",
  // "title", "name", "views", "downloads"; with "asc" or "desc".
  std::string sort_field = "score";
  bool sort_desc = true;
  size_t offset = 0;
  size_t limit = 10;
  // Facet keys to count: "organization", "tags", "res_format", "groups", "license_id",
  // "dataset_type", "themes", "organization_level".
  std::vector<std::string> facet_fields;
  size_t facet_limit = 50;
};

// One facet value and how many matching datasets carry it.
struct FacetCount {
  std::string value;
  int64_t count = 0;
};

struct DatasetPage {
  int64_t total = 0;             // matches before paging
  std::vector<Dataset> results;  // the requested page, with active resources
  std::vector<std::pair<std::string, std::vector<FacetCount>>> facets;  // in requested order
};

// A dataset's popularity counters.
struct DatasetPopularity {
  std::string dataset_id;
  int64_t views = 0;
  int64_t downloads = 0;
};

// A dataset's slug and when its metadata last changed (sitemaps).
struct DatasetStamp {
  std::string slug;
  std::string metadata_modified;
};

// Which dataset activities to list (feeds of recent changes). Callers still apply the
// read rules to each activity; these filters only keep the scan small.
struct DatasetActivityQuery {
  std::string organization_id;   // only datasets now in this organisation; empty = every dataset
  bool include_private = false;  // activities of private datasets too
  bool include_drafts = false;   // activities of datasets now in draft state too
  bool include_deleted = false;  // activities of datasets now deleted too
  size_t offset = 0;
  size_t limit = 50;
};

// Size and counts, for /metrics and status pages.
struct StoreStats {
  int64_t datasets = 0;       // active, public and private
  int64_t organizations = 0;  // active
  int64_t resources = 0;      // active
  int64_t bytes = 0;          // database file(s) size
  int64_t change_seq = 0;     // latest activity sequence
};

// Which jobs to list (admin pages, job_list). Empty filters match everything.
struct JobQuery {
  std::optional<JobState> state;
  std::string kind;
  std::string subject;
  size_t offset = 0;
  size_t limit = 50;  // newest (highest id) first
};

// How many jobs are in one state (for /metrics and admin pages).
struct JobStateCount {
  JobState state = JobState::kQueued;
  int64_t count = 0;
};

// Which resources a recurring check should visit next: active resources of active
// datasets with no result of `check_kind` newer than `checked_before`, and no job of
// `job_kind` for them that is active or finished after `checked_before` (so a job
// that went dead waits for the next interval too). Oldest result (or none) first;
// at most `limit`.
struct DueResourceQuery {
  CheckKind check_kind = CheckKind::kLinks;
  std::string job_kind;
  int64_t checked_before = 0;  // Unix ms: results at or before this are stale
  size_t limit = 500;
};

// What a worker asks for when claiming. The claim takes the runnable job (queued, or
// failed with run_after ≤ now) of one of `kinds` with the highest priority, then the
// earliest run_after, then the lowest id.
struct ClaimRequest {
  std::string owner;                // worker id recorded as lease_owner
  std::vector<std::string> kinds;   // only jobs of these kinds; empty claims nothing
  int64_t now = 0;                  // Unix ms
  int64_t lease_ms = 60'000;        // lease_until = now + lease_ms
};

// Read access. Implemented by the store (auto-committed reads on a snapshot) and by
// the write transaction (reads see the transaction's own writes).
class StoreReader {
 public:
  virtual ~StoreReader() = default;

  // Looks up by id or slug. Not found → ErrorCode::kNotFound.
  virtual Result<Organization> GetOrganization(std::string_view id_or_slug) = 0;
  // All organisations, ordered by slug; deleted ones only when asked.
  virtual Result<std::vector<Organization>> ListOrganizations(bool include_deleted) = 0;
  // The dataset with its non-deleted resources in position order.
  virtual Result<Dataset> GetDataset(std::string_view id_or_slug) = 0;
  // Slugs of active datasets ordered by slug; private ones only when asked.
  virtual Result<std::vector<std::string>> ListDatasetSlugs(bool include_private, size_t offset,
                                                            size_t limit) = 0;
  // Active datasets (with resources) ordered by metadata_modified descending.
  virtual Result<std::vector<Dataset>> ListDatasets(bool include_private, size_t offset,
                                                    size_t limit) = 0;
  // Slugs and modification times of active datasets ordered by slug; private ones only when asked.
  virtual Result<std::vector<DatasetStamp>> ListDatasetStamps(bool include_private, size_t offset,
                                                              size_t limit) = 0;
  // Ids of every dataset in any state (active, draft, deleted; public or private), in
  // creation order. For exports and rebuilds.
  virtual Result<std::vector<std::string>> ListAllDatasetIds() = 0;
  virtual Result<int64_t> CountDatasetsOfOrganization(std::string_view org_id,
                                                      bool include_private) = 0;
  virtual Result<Resource> GetResource(std::string_view id) = 0;
  virtual Result<DatasetPage> SearchDatasets(const DatasetQuery& q) = 0;
  // Distinct tags of active public datasets, optionally containing `contains`.
  virtual Result<std::vector<std::string>> ListTags(std::string_view contains, size_t limit) = 0;

  virtual Result<Topic> GetTopic(std::string_view id_or_slug) = 0;
  virtual Result<std::vector<Topic>> ListTopics(bool include_deleted) = 0;

  virtual Result<User> GetUser(std::string_view id_or_name) = 0;
  virtual Result<std::vector<User>> ListUsers() = 0;
  // The active token whose hash is `token_hash`, or kNotFound.
  virtual Result<Token> GetTokenByHash(std::string_view token_hash) = 0;
  virtual Result<std::vector<Token>> ListTokens(std::string_view user_id) = 0;
  virtual Result<std::vector<Membership>> ListMembershipsOfUser(std::string_view user_id) = 0;
  virtual Result<std::vector<Membership>> ListMembersOfOrganization(std::string_view org_id) = 0;

  // Activities about one object, newest first.
  virtual Result<std::vector<Activity>> ListActivities(std::string_view object_id, size_t offset,
                                                       size_t limit) = 0;
  // Activities about datasets (object_type "dataset") that match `q`, newest first.
  virtual Result<std::vector<Activity>> ListDatasetActivities(const DatasetActivityQuery& q) = 0;
  // Activities with seq > after_seq, oldest first (for followers such as the search index).
  virtual Result<std::vector<Activity>> ListActivitiesSince(int64_t after_seq, size_t limit) = 0;
  // Counters of every dataset that has been viewed or downloaded, in no set order.
  virtual Result<std::vector<DatasetPopularity>> ListPopularity() = 0;

  // Jobs (see Store's job methods for the life cycle). Not found → kNotFound.
  virtual Result<Job> GetJob(int64_t id) = 0;
  // Jobs matching `q`, newest first.
  virtual Result<std::vector<Job>> ListJobs(const JobQuery& q) = 0;
  // How many jobs match `q` when paging is ignored.
  virtual Result<int64_t> CountJobs(const JobQuery& q) = 0;
  // The number of jobs in each state, every state listed (zero counts included).
  virtual Result<std::vector<JobStateCount>> CountJobsByState() = 0;
  // The runs of one job, oldest first.
  virtual Result<std::vector<JobRun>> ListJobRuns(int64_t job_id) = 0;
  // The active (queued, running or failed) job of (kind, subject), or kNotFound.
  virtual Result<Job> GetActiveJob(std::string_view kind, std::string_view subject) = 0;

  // Resource check results. The newest result of `kind` for the resource, or kNotFound.
  virtual Result<ResourceCheck> GetLatestResourceCheck(std::string_view resource_id,
                                                       CheckKind kind) = 0;
  // Results for the resource (of `kind` when given), newest first, paged.
  virtual Result<std::vector<ResourceCheck>> ListResourceChecks(std::string_view resource_id,
                                                                std::optional<CheckKind> kind,
                                                                size_t offset, size_t limit) = 0;
  // How many results the resource has (of `kind` when given).
  virtual Result<int64_t> CountResourceChecks(std::string_view resource_id,
                                              std::optional<CheckKind> kind) = 0;
  // Ids of resources due for a recurring check (see DueResourceQuery).
  virtual Result<std::vector<std::string>> ListResourcesDueForCheck(const DueResourceQuery& q) = 0;

  // Quality score snapshots (see AddScoreSnapshot). The newest card of the dataset as
  // stored JSON (quality/indicators/score_card_json.h), or kNotFound.
  virtual Result<std::string> GetLatestScoreCardJson(std::string_view dataset_id) = 0;
  // The summary of the dataset's newest snapshot, or kNotFound.
  virtual Result<ScoreSnapshotSummary> GetLatestScoreSummary(std::string_view dataset_id) = 0;
  // The newest card JSON of every dataset of `organization_id` ("" = every dataset).
  virtual Result<std::vector<std::string>> ListLatestScoreCardJson(std::string_view organization_id) = 0;
  // Summaries of snapshots computed at or after `since` (Unix ms), oldest first; with
  // `latest_only`, only each dataset's newest snapshot (whatever its time).
  virtual Result<std::vector<ScoreSnapshotSummary>> ListScoreSummaries(bool latest_only, int64_t since) = 0;

  // Public code. A software entry by id or slug, or kNotFound.
  virtual Result<Software> GetSoftware(std::string_view id_or_slug) = 0;
  // Every software entry ordered by slug; deleted ones only when asked.
  virtual Result<std::vector<Software>> ListSoftware(bool include_deleted) = 0;
  // Active software entries linked to the dataset (uses or produces), ordered by slug.
  virtual Result<std::vector<Software>> ListSoftwareForDataset(std::string_view dataset_id) = 0;
  // Versions (crawls and uploads) of the entry, newest first, paged.
  virtual Result<std::vector<SoftwareVersion>> ListSoftwareVersions(std::string_view software_id, size_t offset,
                                                                   size_t limit) = 0;
  // How many versions the entry has.
  virtual Result<int64_t> CountSoftwareVersions(std::string_view software_id) = 0;
  // An adoption by id, or kNotFound.
  virtual Result<Adoption> GetAdoption(std::string_view id) = 0;
  // Adoptions (any state, oldest first) of one entry and/or by one organisation; "" = any.
  virtual Result<std::vector<Adoption>> ListAdoptions(std::string_view software_id,
                                                      std::string_view organization_id) = 0;
};

// Writes inside one transaction. Put* inserts or replaces by id; the caller assigns
// ids and time stamps. Nothing is ever hard-deleted: callers set state = kDeleted.
class WriteTxn : public StoreReader {
 public:
  virtual Result<void> PutOrganization(const Organization& o) = 0;
  // Replaces the dataset row and its resource rows. Resources that the dataset no
  // longer lists are kept with state = deleted (soft delete).
  virtual Result<void> PutDataset(const Dataset& d) = 0;
  virtual Result<void> PutTopic(const Topic& t) = 0;
  virtual Result<void> PutUser(const User& u) = 0;
  virtual Result<void> PutToken(const Token& t) = 0;
  // Sets (inserts or updates) a membership.
  virtual Result<void> PutMembership(const Membership& m) = 0;
  virtual Result<void> RemoveMembership(std::string_view user_id, std::string_view org_id) = 0;
  // Records an activity; the store assigns `seq` and returns it.
  virtual Result<int64_t> AddActivity(const Activity& a) = 0;
  // Counts a page view or download (popularity); no activity row.
  virtual Result<void> AddPopularity(std::string_view dataset_id, int64_t views, int64_t downloads) = 0;

  // Enqueues `request` at time `now` (Unix ms), deduplicated: when (kind, subject) already
  // has an active job, that job is returned instead; if it is queued or failed (waiting),
  // its run_after moves earlier and its priority higher when the request asks for that.
  // Never creates a second active job for the same (kind, subject).
  virtual Result<Job> EnqueueJob(const JobRequest& request, int64_t now) = 0;
  // Stores a check result and returns it with its id.
  virtual Result<ResourceCheck> AddResourceCheck(const ResourceCheck& check) = 0;
  // Stores a dated score snapshot: `card`'s summary columns and `card_json` (its JSON,
  // at most 4 MiB). Snapshots are history: none is replaced.
  virtual Result<void> AddScoreSnapshot(const ScoreCard& card, std::string_view card_json) = 0;
  // Inserts or replaces a software entry by id, with its dataset links. A slug used by
  // another entry → kConflict on "name".
  virtual Result<void> PutSoftware(const Software& s) = 0;
  // Appends a version (at most 8 MiB of file and report) and returns its id.
  virtual Result<int64_t> AddSoftwareVersion(const SoftwareVersion& v) = 0;
  // Inserts or replaces an adoption by id.
  virtual Result<void> PutAdoption(const Adoption& a) = 0;
};

class Store : public StoreReader {
 public:
  // Runs `fn` in one transaction. Commits when fn returns a value, rolls back when it
  // returns an error (which Write returns unchanged) or throws.
  virtual Result<void> Write(const std::function<Result<void>(WriteTxn&)>& fn) = 0;
  // Writes a consistent copy of the whole store to `path` while it stays online.
  virtual Result<void> Backup(const std::string& path) = 0;
  virtual Result<StoreStats> Stats() = 0;
  // The latest committed change sequence (activity seq). Cheap enough for hot paths:
  // current after this process's own writes; other processes' writes show up within a second.
  virtual int64_t ChangeSeq() = 0;
  // The newest score snapshot's number (0 when none), as fresh as ChangeSeq; caches of
  // responses that show scores are valid while both stay the same.
  virtual int64_t ScoreSeq() = 0;

  // ---- The job queue. Each call below is one atomic transaction of its own. ----
  //
  // Leases: a claimed job belongs to its worker until lease_until. A worker that dies
  // stops renewing; once the lease has expired the job is claimable again (the lost
  // run is recorded as "lease_expired" and counts as an attempt; when it was the
  // last allowed attempt the job goes dead). Completing, failing, renewing and
  // releasing need the JobLease of the current claim: a stale worker whose job was
  // re-claimed gets kConflict and changes nothing.
  //
  // SQLite runs a claim in one BEGIN IMMEDIATE transaction (one writer at a time, so
  // two workers never claim the same job). A PostgreSQL backend does the same with
  // `SELECT … FOR UPDATE SKIP LOCKED LIMIT 1` followed by the UPDATE in one
  // transaction, so that workers on several machines claim different rows without
  // waiting on each other; nothing in this contract depends on a single writer.

  // Claims the next runnable job for `request.owner` (see ClaimRequest), first turning
  // every expired lease back into a claimable (or dead) job. Returns nullopt when
  // nothing is runnable. The returned job is running, its attempts already counted.
  virtual Result<std::optional<Job>> ClaimJob(const ClaimRequest& request) = 0;
  // Extends the lease to `lease_until`. kConflict when the lease is no longer held.
  virtual Result<void> RenewJobLease(const JobLease& lease, int64_t lease_until) = 0;
  // Marks the job succeeded with `result` (JSON) and records the run.
  virtual Result<void> CompleteJob(const JobLease& lease, int64_t now, std::string_view result) = 0;
  // Records a failed run with `error`. When attempts remain the job becomes failed and
  // claimable at `retry_at`; otherwise it is dead with `error` kept as last_error.
  virtual Result<JobState> FailJob(const JobLease& lease, int64_t now, std::string_view error,
                                   int64_t retry_at) = 0;
  // Gives an unfinished job back (shutdown): it is queued again at `now` and the run
  // does not count as an attempt.
  virtual Result<void> ReleaseJob(const JobLease& lease, int64_t now) = 0;
  // Deletes succeeded and dead jobs (with their runs) that finished before
  // `finished_before`, at most `limit` of them; returns how many went.
  virtual Result<int64_t> PruneFinishedJobs(int64_t finished_before, size_t limit) = 0;
  // Deletes all but the newest `keep` results per (resource, kind), for resources with
  // more; returns how many rows went.
  virtual Result<int64_t> PruneResourceChecks(size_t keep) = 0;
};

// Opens the store named by `url`: a path or "sqlite:PATH" opens SQLite (created and
// migrated when new). Other schemes report ErrorCode::kBadRequest for now.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace pintu

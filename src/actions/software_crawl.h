// Crawling registered repositories: the crawl_software job, its schedule, and the check
// a repository URL gets before it is accepted.
#pragma once

#include <cstdint>
#include <string_view>

#include "core/config.h"
#include "core/software.h"
#include "jobs/scheduler.h"
#include "jobs/worker.h"
#include "store/store.h"

namespace pintu::actions {

// Accepts https:// and http:// URLs (and file:// when code_allow_file_urls) without
// credentials, spaces or control characters (code::ParseRepositoryUrl). The address guard
// judges the host when the crawl resolves it. Validation errors on the field "repository_url".
Result<void> CheckRepositoryUrl(const Config& config, std::string_view url);

// Inside a write: enqueues a crawl of software `software_id` (deduplicated) and returns
// the job id.
Result<int64_t> EnqueueSoftwareCrawl(WriteTxn& tx, std::string_view software_id, int priority);

// What one crawl did.
struct CrawlOutcome {
  Software software;        // the entry as stored afterwards
  int64_t version_id = 0;   // the version row recorded for this crawl
  bool changed = false;     // head commit, file, validity or status moved
};

// Clones or fetches the entry's repository, validates its publiccode.yml, computes
// vitality, readiness and maintenance status, and records a version (also when the crawl
// fails: then with the reason, and the entry keeps its previous file). `now_ms` is the
// crawl time. kNotFound when the entry is gone; deleted and non-git entries are skipped
// with kBadRequest.
Result<CrawlOutcome> CrawlSoftware(Store& store, const Config& config, std::string_view software_id, int64_t now_ms);

// Registers the crawl_software handler. `store` and `config` must outlive the workers.
void RegisterSoftwareCrawlHandler(jobs::HandlerRegistry& registry, Store& store, const Config& config);

// Re-crawls every active git entry every software_crawl_interval_h hours.
jobs::Schedule SoftwareCrawlSchedule(const Config& config);

}  // namespace pintu::actions

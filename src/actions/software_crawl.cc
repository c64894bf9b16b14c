#include "actions/software_crawl.h"

#include "actions/activity_log.h"
#include "actions/software.h"
#include "actions/software_fields.h"
#include "code/git_crawl.h"
#include "code/readiness.h"
#include "code/report_json.h"
#include "code/vitality.h"
#include "core/clock.h"
#include "core/model_json.h"
#include "core/software_json.h"
#include "core/text.h"
#include "core/time.h"
#include "formats/publiccode/report.h"
#include "jobs/kinds.h"

namespace pintu::actions {
namespace json = boost::json;
namespace pc = formats::publiccode;
namespace {

code::CrawlOptions CrawlOptionsFrom(const Config& config) {
  code::CrawlOptions o;
  o.cache_dir = config.GitCacheDir();
  o.allow_file_urls = config.code_allow_file_urls;
  o.allow_loopback = config.fetch_allow_loopback || config.allow_private_urls;
  o.allow_private = config.fetch_allow_private || config.allow_private_urls;
  o.max_repository_bytes = config.code_max_repository_bytes;
  return o;
}

std::string DateOfUnixSeconds(int64_t s) { return IsoFromUnixMillis(s * 1000).substr(0, 10); }

}  // namespace

Result<void> CheckRepositoryUrl(const Config& config, std::string_view url) {
  auto parsed = code::ParseRepositoryUrl(url, config.code_allow_file_urls);
  if (!parsed) {
    // The engine reports a malformed URL as a bad request; to a person filling in the form
    // it is a wrong field.
    Error e = parsed.error();
    if (!e.fields.empty()) e.code = ErrorCode::kValidation;
    return std::unexpected(e);
  }
  return Ok();
}

Result<int64_t> EnqueueSoftwareCrawl(WriteTxn& tx, std::string_view software_id, int priority) {
  JobRequest request;
  request.kind = std::string(jobs::kCrawlSoftware);
  request.subject = std::string(software_id);
  request.priority = priority;
  request.max_attempts = 3;
  auto job = tx.EnqueueJob(request, SystemClock().NowMillis());
  if (!job) return std::unexpected(job.error());
  return job->id;
}

Result<CrawlOutcome> CrawlSoftware(Store& store, const Config& config, std::string_view software_id, int64_t now_ms) {
  auto loaded = store.GetSoftware(software_id);
  if (!loaded) return std::unexpected(loaded.error());
  if (loaded->state == State::kDeleted || loaded->source != SoftwareSource::kGit)
    return std::unexpected(Error::BadRequest("Only active entries registered by repository are crawled"));
  const Software before = *loaded;
  Software s = before;
  const int64_t now_s = now_ms / 1000;

  SoftwareVersion v;
  v.software_id = s.id;
  v.recorded_at = IsoFromUnixMillis(now_ms);
  v.publiccode_yml = s.publiccode_yml;
  v.valid = s.valid;

  const code::CrawlOptions options = CrawlOptionsFrom(config);
  auto snapshot = code::CrawlRepository(s.repository_url, options);
  if (!snapshot) {
    v.crawl_error = snapshot.error().message;
    s.crawl_error = v.crawl_error;
  } else {
    s.head_commit = snapshot->head_commit;
    v.head_commit = snapshot->head_commit;
    if (!snapshot->commits.empty()) s.last_commit_unix = snapshot->commits.front().unix_seconds;
    s.vitality_json = ToJsonString(code::VitalityToJson(code::ComputeVitality(snapshot->commits, snapshot->tags, now_s)));
    if (!snapshot->publiccode_yml) {
      v.crawl_error = "The repository has no publiccode.yml at its root (HEAD " + snapshot->head_commit.substr(0, 12) + ")";
      for (const auto& problem : snapshot->problems) v.crawl_error += ". " + problem.message_en;
      s.crawl_error = v.crawl_error;
      s.valid = false;
      v.valid = false;
      pc::ValidationResult none;
      s.readiness_json = ToJsonString(code::ReadinessReportToJson(code::AssessReadiness(*snapshot, none, now_s)));
    } else {
      auto result = code::ValidateCrawledPubliccode(*snapshot, options, pc::Mode::kLenient);
      s.crawl_error.clear();
      s.publiccode_yml = *snapshot->publiccode_yml;
      ApplyPubliccode(s, result);
      v.publiccode_yml = s.publiccode_yml;
      v.valid = result.valid();
      v.error_count = static_cast<int64_t>(result.errors.size());
      v.warning_count = static_cast<int64_t>(result.warnings.size());
      v.report_json = ToJsonString(pc::ValidationResultToJson(result));
      if (result.document && result.document->software_version) v.software_version = *result.document->software_version;
      s.readiness_json = ToJsonString(code::ReadinessReportToJson(code::AssessReadiness(*snapshot, result, now_s)));
    }
  }
  s.maintenance_status = CurrentMaintenanceStatus(s, DateOfUnixSeconds(now_s));
  s.crawled_at = IsoFromUnixMillis(now_ms);
  const bool changed = s.head_commit != before.head_commit || s.publiccode_yml != before.publiccode_yml ||
                       s.valid != before.valid || s.maintenance_status != before.maintenance_status ||
                       s.crawl_error != before.crawl_error;
  if (changed) s.modified = NowIso();

  CrawlOutcome out;
  auto r = store.Write([&](WriteTxn& tx) -> Result<void> {
    auto current = tx.GetSoftware(s.id);  // an edit may have happened during the crawl
    if (!current) return std::unexpected(current.error());
    if (current->state == State::kDeleted) return std::unexpected(Error::BadRequest("The entry was deleted during the crawl"));
    s.slug = current->slug;
    s.datasets = current->datasets;
    s.self_assessment = current->self_assessment;
    if (current->repository_url != before.repository_url) {
      return std::unexpected(Error::Conflict("repository_url", "The repository URL changed during the crawl"));
    }
    if (auto ok = tx.PutSoftware(s); !ok) return ok;
    auto id = tx.AddSoftwareVersion(v);
    if (!id) return std::unexpected(id.error());
    out.version_id = *id;
    if (!changed) return Ok();
    Identity system = Identity::System();
    return RecordActivity(tx, system, "crawled software", "software", s.id, SoftwareToJson(before), SoftwareToJson(s));
  });
  if (!r) return std::unexpected(r.error());
  out.software = s;
  out.changed = changed;
  return out;
}

void RegisterSoftwareCrawlHandler(jobs::HandlerRegistry& registry, Store& store, const Config& config) {
  registry.Register(std::string(jobs::kCrawlSoftware), [&store, &config](const Job& job, std::stop_token) -> Result<json::value> {
    auto r = CrawlSoftware(store, config, job.subject, SystemClock().NowMillis());
    if (!r) {
      if (r.error().code == ErrorCode::kNotFound || r.error().code == ErrorCode::kBadRequest)
        return json::value(json::object{{"skipped", r.error().message}});
      return std::unexpected(r.error());
    }
    return json::value(json::object{{"version_id", r->version_id},
                                    {"changed", r->changed},
                                    {"valid", r->software.valid},
                                    {"head_commit", r->software.head_commit},
                                    {"crawl_error", r->software.crawl_error}});
  });
}

jobs::Schedule SoftwareCrawlSchedule(const Config& config) {
  jobs::Schedule s;
  s.name = "software";
  s.job_kind = std::string(jobs::kCrawlSoftware);
  s.interval_ms = int64_t{std::max(1, config.software_crawl_interval_h)} * 3'600'000;
  s.max_attempts = 3;
  s.find_due = [](Store& store, int64_t checked_before, size_t limit) -> Result<std::vector<std::string>> {
    auto all = store.ListSoftware(false);
    if (!all) return std::unexpected(all.error());
    std::vector<std::string> due;
    for (const auto& sw : *all) {
      if (sw.source != SoftwareSource::kGit) continue;
      auto crawled = UnixMillisFromIso(sw.crawled_at);
      if (crawled && *crawled > checked_before) continue;
      due.push_back(sw.id);
      if (due.size() >= limit) break;
    }
    return due;
  };
  return s;
}

}  // namespace pintu::actions

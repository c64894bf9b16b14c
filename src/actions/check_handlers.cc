// Registration of the check handlers, and the link check.
#include "actions/check_handlers.h"

#include <filesystem>

#include <boost/json.hpp>

#include "actions/check_job_support.h"
#include "actions/context.h"
#include "actions/resources.h"
#include "core/clock.h"
#include "fetch/link_check.h"
#include "jobs/kinds.h"

namespace pintu::actions {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// The verdict for a file Pintu stores itself: no request is made, the file on disk is
// the evidence.
fetch::LinkCheckResult UploadedLinkVerdict(Store& store, const Config& config, const Resource& r) {
  fetch::LinkCheckResult result;
  result.url = r.url;
  result.final_url = r.url;
  Context ctx{store, Identity::System(), config};
  auto path = UploadedFilePath(ctx, r.id);
  std::error_code ec;
  const uint64_t size = path ? fs::file_size(*path, ec) : 0;
  if (!path || ec) {
    result.reason = "upload-missing";
    result.message_en = "The uploaded file is missing from the data directory.";
    result.message_zh = "上傳的檔案已不在資料目錄中。";
    return result;
  }
  result.linkable = true;
  result.content_length = size;
  result.bytes_seen = 0;
  if (size == 0) {
    result.reason = "empty";
    result.message_en = "The uploaded file is empty.";
    result.message_zh = "上傳的檔案是空的。";
    return result;
  }
  result.downloadable = true;
  result.reason = "uploaded";
  result.message_en = "The file is stored and served by this platform.";
  result.message_zh = "檔案由本平臺儲存並提供下載。";
  return result;
}

// Only the two link verdicts: the other four belong to contents checks.
json::object LinkOnlyDatagov(const json::object& link, const std::string& checked_at) {
  quality::DatagovInputs in;
  in.link = &link;
  in.link_checked_at = checked_at;
  json::object all = quality::DatagovChecksToJson(quality::EvaluateDatagovChecks(in));
  json::object out;
  for (auto id : {quality::DatagovCheckId::kLinkable, quality::DatagovCheckId::kDownloadable}) {
    auto name = quality::DatagovCheckName(id);
    out[name] = all[name];
  }
  return out;
}

}  // namespace

Result<json::value> RunLinkCheckJob(Store& store, const Config& config, const Job& job, std::stop_token) {
  auto subject = FindCheckSubject(store, job.subject);
  if (!subject) return std::unexpected(subject.error());
  if (!*subject) return json::object{{"resource_id", job.subject}, {"skipped", "resource deleted"}};
  const Resource& r = (*subject)->resource;
  if (r.url.empty()) return json::object{{"resource_id", r.id}, {"skipped", "no URL"}};

  const int64_t started = SystemClock().NowMillis();
  fetch::LinkCheckResult result;
  if (r.uploaded) {
    result = UploadedLinkVerdict(store, config, r);
  } else {
    fetch::LinkCheckOptions options;
    options.fetch = fetch::FetchOptionsFromConfig(config);
    options.declared_format = r.format;
    result = fetch::CheckLink(r.url, options);
    if (result.error && IsTransientFetchFailure(*result.error, result.status) && !IsLastAttempt(job))
      return std::unexpected(Error::Internal("Link check of " + r.url + " failed for now (" +
                                             std::string(fetch::FetchErrorKindName(result.error->kind)) +
                                             "): " + result.error->message_en));
  }
  if (result.checked_at.empty()) result.checked_at = IsoFromUnixMillis(started);

  json::object report = result.ToJson();
  if (r.uploaded) report["uploaded"] = true;
  json::object datagov = LinkOnlyDatagov(report, IsoFromUnixMillis(started));
  report = WithDatagovFirst(std::move(datagov), std::move(report));

  ResourceCheck check;
  check.resource_id = r.id;
  check.kind = CheckKind::kLinks;
  check.checked_at = started;
  check.valid = result.linkable && result.downloadable;
  if (result.status != 0) check.http_status = result.status;
  check.report = json::serialize(report);
  if (job.id > 0) check.job_id = job.id;
  auto stored = StoreCheck(store, check);
  if (!stored) return std::unexpected(stored.error());
  return json::object{{"resource_id", r.id},
                      {"check_id", stored->id},
                      {"linkable", result.linkable},
                      {"downloadable", result.downloadable},
                      {"reason", result.reason},
                      {"status", result.status == 0 ? json::value(nullptr) : json::value(result.status)}};
}

void RegisterCheckHandlers(jobs::HandlerRegistry& registry, Store& store, const Config& config) {
  registry.Register(std::string(jobs::kCheckResourceLinks), [&store, &config](const Job& job, std::stop_token stop) {
    return RunLinkCheckJob(store, config, job, stop);
  });
  registry.Register(std::string(jobs::kCheckResourceContents),
                    [&store, &config](const Job& job, std::stop_token stop) {
                      return RunContentsCheckJob(store, config, job, stop);
                    });
}

}  // namespace pintu::actions

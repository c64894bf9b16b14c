#include "actions/resource_checks.h"

#include <algorithm>

#include <boost/json.hpp>

#include "actions/authz.h"
#include "actions/datasets.h"
#include "core/clock.h"
#include "jobs/kinds.h"

namespace pintu::actions {
namespace {

constexpr CheckKind kBothKinds[] = {CheckKind::kLinks, CheckKind::kContents};

JobRequest CheckRequest(const Config& config, CheckKind kind, std::string_view resource_id, int priority) {
  JobRequest r;
  r.kind = std::string(jobs::JobKindForCheck(kind));
  r.subject = std::string(resource_id);
  r.priority = priority;
  r.max_attempts = std::clamp(config.jobs_max_attempts, 1, 100);
  return r;
}

bool NeedsCheck(const Resource& now, const Resource* before) {
  if (!before) return true;
  return now.url != before->url || now.uploaded != before->uploaded || now.size_bytes != before->size_bytes ||
         now.checksum != before->checksum;
}

// The active resource `id` and its dataset, when the caller may read the dataset.
Result<std::pair<Resource, Dataset>> VisibleResource(Context& ctx, std::string_view id) {
  auto r = ctx.store.GetResource(id);
  if (!r || r->state == State::kDeleted) return std::unexpected(Error::NotFound("Resource"));
  auto d = ShowDataset(ctx, r->dataset_id);
  if (!d) return std::unexpected(Error::NotFound("Resource"));
  return std::pair{std::move(*r), std::move(*d)};
}

}  // namespace

Result<std::vector<Job>> RecheckResource(Context& ctx, std::string_view id) {
  auto found = VisibleResource(ctx, id);
  if (!found) return std::unexpected(found.error());
  const auto& [resource, dataset] = *found;
  if (auto ok = Require(CanEditInOrganization(ctx.identity, dataset.organization_id), "re-check this resource"); !ok)
    return std::unexpected(ok.error());
  std::vector<Job> out;
  int64_t now = SystemClock().NowMillis();
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    out.clear();
    for (CheckKind kind : kBothKinds) {
      auto job = tx.EnqueueJob(CheckRequest(ctx.config, kind, resource.id, kPriorityUserAsked), now);
      if (!job) return std::unexpected(job.error());
      out.push_back(std::move(*job));
    }
    return Ok();
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<ResourceCheckOverview> ResourceCheckResults(Context& ctx, std::string_view id,
                                                   std::optional<CheckKind> kind, size_t offset,
                                                   size_t limit) {
  auto found = VisibleResource(ctx, id);
  if (!found) return std::unexpected(found.error());
  ResourceCheckOverview out;
  out.resource = std::move(found->first);
  for (CheckKind k : kBothKinds) {
    auto latest = ctx.store.GetLatestResourceCheck(out.resource.id, k);
    if (latest) (k == CheckKind::kLinks ? out.latest_links : out.latest_contents) = std::move(*latest);
    else if (latest.error().code != ErrorCode::kNotFound) return std::unexpected(latest.error());
    auto job = ctx.store.GetActiveJob(jobs::JobKindForCheck(k), out.resource.id);
    if (job) out.active_jobs.push_back(std::move(*job));
    else if (job.error().code != ErrorCode::kNotFound) return std::unexpected(job.error());
  }
  auto history = ctx.store.ListResourceChecks(out.resource.id, kind, offset, limit);
  if (!history) return std::unexpected(history.error());
  out.history = std::move(*history);
  auto total = ctx.store.CountResourceChecks(out.resource.id, kind);
  if (!total) return std::unexpected(total.error());
  out.history_total = *total;
  out.datagovtw = CurrentDatagovChecks(out.latest_links, out.latest_contents);
  return out;
}

namespace {

// The verdicts stored under "datagovtw" in a result's report; all undecided when absent.
// The handlers write that key first, so only its value is parsed, however large the
// rest of the report (a 100 000-column schema is megabytes); other reports are parsed whole.
quality::DatagovChecks StoredDatagov(const std::optional<ResourceCheck>& check) {
  if (!check) return quality::DatagovChecksFromJson(nullptr);
  constexpr std::string_view kLeadingKey = "{\"datagovtw\":";
  boost::system::error_code ec;
  if (std::string_view(check->report).starts_with(kLeadingKey)) {
    boost::json::parser leading;
    std::string_view rest = std::string_view(check->report).substr(kLeadingKey.size());
    // Parses one complete value and stops there; an incomplete one is an error.
    leading.write_some(rest.data(), rest.size(), ec);
    if (!ec) return quality::DatagovChecksFromJson(leading.release());
    ec.clear();
  }
  boost::json::value report = boost::json::parse(check->report, ec);
  const boost::json::value* stored = !ec && report.is_object() ? report.get_object().if_contains("datagovtw") : nullptr;
  return quality::DatagovChecksFromJson(stored ? *stored : boost::json::value(nullptr));
}

}  // namespace

quality::DatagovChecks CurrentDatagovChecks(const std::optional<ResourceCheck>& latest_links,
                                            const std::optional<ResourceCheck>& latest_contents) {
  return quality::NewestDatagovChecks(StoredDatagov(latest_links), StoredDatagov(latest_contents));
}

Result<std::map<std::string, quality::DatagovChecks>> DatagovChecksOfDataset(Context& ctx, const Dataset& dataset) {
  std::map<std::string, quality::DatagovChecks> out;
  for (const Resource& r : dataset.resources) {
    if (r.state == State::kDeleted) continue;
    std::optional<ResourceCheck> latest[2];
    for (CheckKind k : kBothKinds) {
      auto c = ctx.store.GetLatestResourceCheck(r.id, k);
      if (c) latest[k == CheckKind::kLinks ? 0 : 1] = std::move(*c);
      else if (c.error().code != ErrorCode::kNotFound) return std::unexpected(c.error());
    }
    out[r.id] = CurrentDatagovChecks(latest[0], latest[1]);
  }
  return out;
}

Result<void> EnqueueChecksForChangedResources(WriteTxn& tx, const Config& config, const Dataset* before,
                                              const Dataset& after) {
  if (after.state == State::kDeleted) return Ok();
  int64_t now = SystemClock().NowMillis();
  for (const Resource& r : after.resources) {
    if (r.state == State::kDeleted || r.url.empty()) continue;
    const Resource* old = nullptr;
    if (before)
      for (const Resource& b : before->resources)
        if (b.id == r.id) old = &b;
    if (!NeedsCheck(r, old)) continue;
    for (CheckKind kind : kBothKinds) {
      auto job = tx.EnqueueJob(CheckRequest(config, kind, r.id, kPriorityOnChange), now);
      if (!job) return std::unexpected(job.error());
    }
  }
  return Ok();
}

}  // namespace pintu::actions

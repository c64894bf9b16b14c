// Pintu's job and check actions on the CKAN face: resource_check_show,
// resource_recheck, job_list and job_show.
#include <charconv>

#include "actions/jobs.h"
#include "actions/resource_checks.h"
#include "core/job_json.h"
#include "http/ckan/call.h"

namespace json = boost::json;

namespace pintu::http::ckan {
namespace {

// The optional "kind" parameter: "links" or "contents".
Result<std::optional<CheckKind>> GetCheckKind(const json::object& p) {
  auto s = GetString(p, "kind");
  if (!s) return std::unexpected(s.error());
  if (!*s || (*s)->empty()) return std::optional<CheckKind>();
  auto kind = ParseCheckKind(**s);
  if (!kind)
    return std::unexpected(Error::Invalid("kind", "Must be \"links\" or \"contents\"",
                                          "必須是 \"links\" 或 \"contents\""));
  return std::optional<CheckKind>(*kind);
}

json::value LatestOrNull(const std::optional<ResourceCheck>& c) {
  return c ? json::value(ResourceCheckToJson(*c, true)) : json::value(nullptr);
}

Result<json::value> ResourceCheckShow(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto kind = GetCheckKind(c.params.values);
  if (!kind) return Fail(kind);
  auto paging = GetPaging(c.params.values, 10, 100);
  if (!paging) return Fail(paging);
  auto overview = actions::ResourceCheckResults(c.ctx, *id, *kind, paging->offset, paging->limit);
  if (!overview) return Fail(overview);
  json::array history, pending;
  for (const auto& check : overview->history) history.emplace_back(ResourceCheckToJson(check, false));
  for (const auto& job : overview->active_jobs) pending.emplace_back(JobToJson(job));
  return json::object{
      {"resource_id", overview->resource.id},
      {"links", LatestOrNull(overview->latest_links)},
      {"contents", LatestOrNull(overview->latest_contents)},
      // data.gov.tw's six checks as they stand, each with its time and evidence.
      {"datagovtw", quality::DatagovChecksToJson(overview->datagovtw)},
      {"history", std::move(history)},
      {"history_count", overview->history_total},
      {"pending_jobs", std::move(pending)},
  };
}

Result<json::value> ResourceRecheck(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto jobs = actions::RecheckResource(c.ctx, *id);
  if (!jobs) return Fail(jobs);
  json::array out;
  for (const auto& job : *jobs) out.emplace_back(JobToJson(job));
  return json::object{{"resource_id", *id}, {"jobs", std::move(out)}};
}

Result<json::value> JobList(Call& c) {
  const auto& p = c.params.values;
  JobQuery q;
  auto state = GetString(p, "state");
  if (!state) return Fail(state);
  if (*state && !(*state)->empty()) {
    q.state = ParseJobState(**state);
    if (!q.state)
      return std::unexpected(Error::Invalid("state", "Must be queued, running, succeeded, failed or dead",
                                            "必須是 queued、running、succeeded、failed 或 dead"));
  }
  auto kind = GetString(p, "kind");
  if (!kind) return Fail(kind);
  q.kind = kind->value_or("");
  auto subject = GetString(p, "subject");
  if (!subject) return Fail(subject);
  q.subject = subject->value_or("");
  auto paging = GetPaging(p, 50, 1000);
  if (!paging) return Fail(paging);
  q.limit = paging->limit;
  q.offset = paging->offset;
  auto list = actions::ListJobs(c.ctx, q);
  if (!list) return Fail(list);
  json::array results;
  for (const auto& job : list->jobs) results.emplace_back(JobToJson(job));
  json::object counts;
  for (const auto& sc : list->by_state) counts[JobStateName(sc.state)] = sc.count;
  return json::object{{"count", list->total}, {"results", std::move(results)}, {"counts_by_state", std::move(counts)}};
}

Result<json::value> JobShow(Call& c) {
  auto text = GetId(c.params.values);
  if (!text) return Fail(text);
  int64_t id = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc() || end != text->data() + text->size() || id <= 0)
    return std::unexpected(Error::Invalid("id", "Must be a job number", "必須是工作編號"));
  auto detail = actions::ShowJob(c.ctx, id);
  if (!detail) return Fail(detail);
  json::object out = JobToJson(detail->job);
  json::array runs;
  for (const auto& r : detail->runs) runs.emplace_back(JobRunToJson(r));
  out["runs"] = std::move(runs);
  return out;
}

}  // namespace

// Results change without a catalog change (workers store them), so none of these
// is served from the anonymous response cache.
const ActionEntry kJobActions[] = {
    {"resource_check_show", ResourceCheckShow, false, true},
    {"resource_recheck", ResourceRecheck, true, true},
    {"job_list", JobList, false, true},
    {"job_show", JobShow, false, true},
};
const size_t kJobActionCount = std::size(kJobActions);

}  // namespace pintu::http::ckan

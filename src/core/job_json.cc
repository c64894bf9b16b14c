#include "core/job_json.h"

#include "core/clock.h"
#include "core/model_json.h"

namespace json = boost::json;

namespace pintu {
namespace {

json::value TimeOrNull(int64_t millis) {
  if (millis == 0) return nullptr;
  return json::value(IsoFromUnixMillis(millis));
}

// Stored JSON text as a value; text that does not parse is shown as a string.
json::value StoredJson(const std::string& text) {
  if (text.empty()) return nullptr;
  auto parsed = ParseJson(text);
  if (!parsed) return json::value(text);
  return std::move(*parsed);
}

}  // namespace

json::object JobToJson(const Job& j) {
  return json::object{
      {"id", j.id},
      {"kind", j.kind},
      {"subject", j.subject},
      {"payload", StoredJson(j.payload)},
      {"state", JobStateName(j.state)},
      {"priority", j.priority},
      {"attempts", j.attempts},
      {"max_attempts", j.max_attempts},
      {"run_after", TimeOrNull(j.run_after)},
      {"lease_owner", j.lease_owner.empty() ? json::value(nullptr) : json::value(j.lease_owner)},
      {"lease_until", TimeOrNull(j.lease_until)},
      {"last_error", j.last_error.empty() ? json::value(nullptr) : json::value(j.last_error)},
      {"result", StoredJson(j.result)},
      {"created_at", TimeOrNull(j.created_at)},
      {"started_at", TimeOrNull(j.started_at)},
      {"finished_at", TimeOrNull(j.finished_at)},
  };
}

json::object JobRunToJson(const JobRun& r) {
  return json::object{
      {"id", r.id},
      {"job_id", r.job_id},
      {"attempt", r.attempt},
      {"worker", r.worker},
      {"started_at", TimeOrNull(r.started_at)},
      {"finished_at", TimeOrNull(r.finished_at)},
      {"outcome", RunOutcomeName(r.outcome)},
      {"error", r.error.empty() ? json::value(nullptr) : json::value(r.error)},
      {"duration_ms", r.duration_ms},
  };
}

json::object ResourceCheckToJson(const ResourceCheck& c, bool with_report) {
  json::object o{
      {"id", c.id},
      {"resource_id", c.resource_id},
      {"kind", CheckKindName(c.kind)},
      {"checked_at", TimeOrNull(c.checked_at)},
      {"valid", c.valid ? json::value(*c.valid) : json::value(nullptr)},
      {"error_count", c.error_count},
      {"warning_count", c.warning_count},
      {"encoding", c.detected_encoding.empty() ? json::value(nullptr) : json::value(c.detected_encoding)},
      {"format", c.detected_format.empty() ? json::value(nullptr) : json::value(c.detected_format)},
      {"http_status", c.http_status ? json::value(*c.http_status) : json::value(nullptr)},
      {"job_id", c.job_id ? json::value(*c.job_id) : json::value(nullptr)},
  };
  if (with_report) o["report"] = StoredJson(c.report);
  return o;
}

}  // namespace pintu

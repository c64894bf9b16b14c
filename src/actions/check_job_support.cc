#include "actions/check_job_support.h"

#include "actions/quality_scores.h"

#include <boost/json.hpp>

namespace pintu::actions {

Result<std::optional<CheckSubject>> FindCheckSubject(Store& store, std::string_view id) {
  auto resource = store.GetResource(id);
  if (!resource) {
    if (resource.error().code == ErrorCode::kNotFound) return std::optional<CheckSubject>();
    return std::unexpected(resource.error());
  }
  if (resource->state == State::kDeleted) return std::optional<CheckSubject>();
  auto dataset = store.GetDataset(resource->dataset_id);
  if (!dataset) {
    if (dataset.error().code == ErrorCode::kNotFound) return std::optional<CheckSubject>();
    return std::unexpected(dataset.error());
  }
  if (dataset->state == State::kDeleted) return std::optional<CheckSubject>();
  return std::optional<CheckSubject>(CheckSubject{std::move(*resource), std::move(*dataset)});
}

bool IsTransientFetchFailure(const fetch::FetchError& error, int status) {
  using K = fetch::FetchErrorKind;
  switch (error.kind) {
    case K::kDns:
    case K::kConnect:
    case K::kTimeout:
    case K::kProtocol:
    case K::kSink:
      return true;
    case K::kHttpStatus:
      return status == 429 || status == 502 || status == 503 || status == 504;
    case K::kBadUrl:
    case K::kUnsupportedScheme:
    case K::kRefusedAddress:
    case K::kTls:
    case K::kTooManyRedirects:
    case K::kTooLarge:
      return false;
  }
  return false;
}

bool IsLastAttempt(const Job& job) { return job.attempts >= job.max_attempts; }

Result<std::optional<std::pair<ResourceCheck, boost::json::object>>> LatestCheckWithReport(
    Store& store, std::string_view resource_id, CheckKind kind) {
  using Out = std::optional<std::pair<ResourceCheck, boost::json::object>>;
  auto latest = store.GetLatestResourceCheck(resource_id, kind);
  if (!latest) {
    if (latest.error().code == ErrorCode::kNotFound) return Out();
    return std::unexpected(latest.error());
  }
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(latest->report, ec);
  if (ec || !parsed.is_object()) return Out();
  return Out(std::pair{std::move(*latest), std::move(parsed.get_object())});
}

Result<quality::DatagovDeclared> DeclaredForDatagov(Store& store, const CheckSubject& subject) {
  quality::DatagovDeclared d;
  const Resource& r = subject.resource;
  d.format = r.format;
  d.encoding = r.encoding;
  for (const FieldSpec& f : r.fields) {
    d.field_names.push_back(f.name);
    if (f.description.Values().empty()) ++d.fields_without_description;
  }
  for (const Resource& other : subject.dataset.resources) {
    if (other.id == r.id || other.state == State::kDeleted) continue;
    quality::DatagovSibling s;
    s.id = other.id;
    s.declared_format = other.format;
    auto latest = store.GetLatestResourceCheck(other.id, CheckKind::kContents);
    if (latest) s.detected_format = latest->detected_format;
    else if (latest.error().code != ErrorCode::kNotFound) return std::unexpected(latest.error());
    d.siblings.push_back(std::move(s));
  }
  return d;
}

boost::json::object WithDatagovFirst(boost::json::object datagov, boost::json::object report) {
  boost::json::object out;
  out.reserve(report.size() + 1);
  out["datagovtw"] = std::move(datagov);
  for (auto& [key, value] : report)
    if (key != "datagovtw") out[key] = std::move(value);
  return out;
}

Result<ResourceCheck> StoreCheck(Store& store, const ResourceCheck& check) {
  ResourceCheck stored;
  auto written = store.Write([&](WriteTxn& tx) -> Result<void> {
    auto added = tx.AddResourceCheck(check);
    if (!added) return std::unexpected(added.error());
    stored = std::move(*added);
    // A new measurement may change the dataset's score.
    auto resource = tx.GetResource(check.resource_id);
    if (resource) return EnqueueRescore(tx, resource->dataset_id);
    return Ok();
  });
  if (!written) return std::unexpected(written.error());
  return stored;
}

}  // namespace pintu::actions

// The contents check: get the file (uploaded in place, or fetched into a temporary
// file), run the quality engine on it, add data.gov.tw's six checks, store the result.
#include <filesystem>
#include <set>

#include <boost/json.hpp>

#include "actions/check_handlers.h"
#include "actions/check_job_support.h"
#include "actions/context.h"
#include "actions/resources.h"
#include "core/clock.h"
#include "core/text.h"
#include "fetch/body_sink.h"
#include "fetch/http_fetch.h"
#include "quality/check_file.h"
#include "quality/report.h"

namespace pintu::actions {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// Largest stored report before the bulky parts are dropped (the store takes 8 MiB).
constexpr size_t kStoredReportBudget = 7u << 20;

// Passes the body to a temporary file until the worker is asked to stop.
class StoppableSink : public fetch::BodySink {
 public:
  StoppableSink(fetch::BodySink& inner, std::stop_token stop) : inner_(inner), stop_(std::move(stop)) {}
  Result<bool> Append(std::string_view bytes) override {
    if (stop_.stop_requested()) return std::unexpected(Error::Internal("The worker is stopping"));
    return inner_.Append(bytes);
  }

 private:
  fetch::BodySink& inner_;
  std::stop_token stop_;
};

// Table Schema types; a declared type outside this list is checked as "any".
bool IsTableSchemaType(std::string_view t) {
  static const std::set<std::string_view> kTypes = {"string", "number",   "integer", "boolean",  "object",
                                                    "array",  "date",     "time",    "datetime", "year",
                                                    "yearmonth", "duration", "geopoint", "geojson", "any"};
  return kTypes.contains(t);
}

// The field dictionary as a Table Schema (fields matched to the header by name), or
// nullopt when no field declares a type. `notes` gets what was checked differently.
std::optional<quality::TableSchema> SchemaFromFieldDictionary(const Resource& r, json::array& notes) {
  json::array fields;
  bool typed = false;
  for (const FieldSpec& f : r.fields) {
    std::string type = AsciiLower(Trim(f.type));
    if (!type.empty()) typed = true;
    if (!type.empty() && !IsTableSchemaType(type)) {
      notes.emplace_back(json::object{{"field", f.name}, {"declaredType", f.type}, {"checkedAs", "any"}});
      type = "any";
    }
    fields.emplace_back(json::object{{"name", f.name}, {"type", type.empty() ? "any" : type}});
  }
  if (!typed) return std::nullopt;
  auto schema = quality::TableSchemaFromJson(json::object{{"fields", std::move(fields)}});
  if (!schema) {
    notes.emplace_back(json::object{{"schema", "not used"}, {"reason", schema.error().message}});
    return std::nullopt;
  }
  return std::move(*schema);
}

// The file name a fetched file goes by: Content-Disposition's, else the URL path's last segment.
std::string FetchedFileName(const fetch::FetchResponse& response, const std::string& url) {
  if (response.disposition && response.disposition->filename && !response.disposition->filename->empty())
    return *response.disposition->filename;
  std::string u = response.final_url.empty() ? url : response.final_url;
  size_t end = u.find_first_of("?#");
  if (end != std::string::npos) u.resize(end);
  size_t scheme = u.find("://");
  size_t path_start = scheme == std::string::npos ? 0 : u.find('/', scheme + 3);
  if (path_start == std::string::npos) return "";
  std::string path = u.substr(path_start);
  size_t slash = path.rfind('/');
  return PercentDecode(slash == std::string::npos ? path : path.substr(slash + 1));
}

// Why the engine could not read the file, in both languages.
json::object EngineFailure(const Error& e) {
  std::string zh;
  for (const FieldError& f : e.fields)
    if (!f.message_zh.empty()) zh = f.message_zh;
  std::string kind;
  switch (e.code) {
    case ErrorCode::kTooLarge:
      kind = "too-large";
      if (zh.empty()) zh = "檔案解壓縮後超過大小上限，為安全起見停止檢查。";
      break;
    case ErrorCode::kNotFound:
      kind = "file-missing";
      if (zh.empty()) zh = "找不到檔案。";
      break;
    case ErrorCode::kBadRequest:
      kind = "unreadable";
      if (zh.empty()) zh = "檔案無法讀取（可能已損毀）。";
      break;
    default:
      kind = "unreadable";
      if (zh.empty()) zh = "檔案無法檢查。";
      break;
  }
  std::string en = e.message;
  for (const FieldError& f : e.fields)
    if (!f.message.empty()) en += (en.empty() ? "" : ": ") + f.message;
  return json::object{{"kind", kind}, {"code", ErrorCodeName(e.code)}, {"message_en", en}, {"message_zh", zh}};
}

// Keeps a stored report under the store's limit: drops the profile, then the schema,
// then keeps only the first errors and warnings.
std::string FitReport(json::object& report) {
  std::string text = json::serialize(report);
  if (text.size() <= kStoredReportBudget) return text;
  json::array dropped;
  for (const char* key : {"profile", "schema"}) {
    if (report.erase(key)) dropped.emplace_back(key);
    report["truncated"] = dropped;
    text = json::serialize(report);
    if (text.size() <= kStoredReportBudget) return text;
  }
  for (const char* key : {"errors", "warnings"}) {
    json::value* list = report.if_contains(key);
    if (list && list->is_array() && list->get_array().size() > 100) {
      list->get_array().resize(100);
      dropped.emplace_back(std::string(key) + " after 100");
    }
  }
  report["truncated"] = dropped;
  return json::serialize(report);
}

struct Source {
  std::string path;           // the file checked
  std::optional<fetch::FetchResponse> fetched;  // for URLs
  quality::FileFacts facts;
  json::object evidence;      // stored under "source"
};

}  // namespace

Result<json::value> RunContentsCheckJob(Store& store, const Config& config, const Job& job, std::stop_token stop) {
  auto subject = FindCheckSubject(store, job.subject);
  if (!subject) return std::unexpected(subject.error());
  if (!*subject) return json::object{{"resource_id", job.subject}, {"skipped", "resource deleted"}};
  const Resource& r = (*subject)->resource;
  if (r.url.empty()) return json::object{{"resource_id", r.id}, {"skipped", "no URL"}};
  const int64_t started = SystemClock().NowMillis();

  Source source;
  source.facts.declared_format = r.format;
  source.facts.declared_encoding = r.encoding;
  source.evidence = json::object{{"url", r.url}, {"uploaded", r.uploaded}};
  std::optional<json::object> failure;  // set when the file could not be had or read
  std::unique_ptr<fetch::TempFileSink> temp;  // removed when this function returns

  if (r.uploaded) {
    Context ctx{store, Identity::System(), config};
    auto path = UploadedFilePath(ctx, r.id);
    if (path) {
      source.path = *path;
      source.facts.file_name = fs::path(*path).filename().string();
    } else {
      failure = json::object{{"kind", "file-missing"},
                             {"message_en", "The uploaded file is missing from the data directory."},
                             {"message_zh", "上傳的檔案已不在資料目錄中。"}};
    }
  } else {
    std::string dir = config.data_dir + "/tmp";
    std::error_code ec;
    fs::create_directories(dir, ec);
    auto created = fetch::TempFileSink::Create(dir);
    if (!created) return std::unexpected(created.error());  // the disk: worth a retry
    temp = std::move(*created);
    fetch::FetchOptions options = fetch::FetchOptionsFromConfig(config);
    options.max_bytes = config.fetch_max_bytes;
    StoppableSink sink(*temp, stop);
    fetch::FetchResponse response = fetch::HttpFetch({r.url}, options, &sink);
    if (stop.stop_requested()) return std::unexpected(Error::Internal("Stopped while downloading " + r.url));
    source.evidence["final_url"] = response.final_url;
    source.evidence["status"] = response.status == 0 ? json::value(nullptr) : json::value(response.status);
    source.evidence["content_type"] = response.content_type;
    source.evidence["bytes"] = response.body_bytes;
    if (response.error) {
      if (IsTransientFetchFailure(*response.error, response.status) && !IsLastAttempt(job))
        return std::unexpected(Error::Internal("Download of " + r.url + " failed for now (" +
                                               std::string(fetch::FetchErrorKindName(response.error->kind)) +
                                               "): " + response.error->message_en));
      failure = json::object{{"kind", fetch::FetchErrorKindName(response.error->kind)},
                             {"status", response.status == 0 ? json::value(nullptr) : json::value(response.status)},
                             {"message_en", response.error->message_en},
                             {"message_zh", response.error->message_zh}};
    } else {
      source.path = temp->path();
      source.facts.file_name = FetchedFileName(response, r.url);
      source.facts.content_type = response.content_type;
    }
    source.fetched = std::move(response);
  }
  source.evidence["file_name"] = source.facts.file_name;

  json::object report;
  std::optional<quality::Report> checked;
  json::array schema_notes;
  if (!failure) {
    quality::CheckOptions options;
    options.validator.schema = SchemaFromFieldDictionary(r, schema_notes);
    options.validator.schema_sync = true;
    auto result = quality::CheckFile(source.path, source.facts, options);
    if (stop.stop_requested()) return std::unexpected(Error::Internal("Stopped while checking " + r.url));
    if (result) {
      checked = std::move(*result);
      report = quality::ReportToJson(*checked);
    } else {
      failure = EngineFailure(result.error());
    }
  }
  temp.reset();  // the downloaded copy is not needed any more

  // data.gov.tw's checks from this result and the newest link check.
  auto latest_link = LatestCheckWithReport(store, r.id, CheckKind::kLinks);
  if (!latest_link) return std::unexpected(latest_link.error());
  auto declared = DeclaredForDatagov(store, **subject);
  if (!declared) return std::unexpected(declared.error());
  quality::DatagovInputs in;
  if (*latest_link) {
    in.link = &(*latest_link)->second;
    in.link_checked_at = IsoFromUnixMillis((*latest_link)->first.checked_at);
  }
  if (checked) in.contents = &report;
  if (failure) in.contents_failure = &*failure;
  in.contents_checked_at = IsoFromUnixMillis(started);
  in.declared = std::move(*declared);
  json::object datagov = quality::DatagovChecksToJson(quality::EvaluateDatagovChecks(in));

  if (failure) report["failure"] = *failure;
  if (!schema_notes.empty()) report["schemaNotes"] = std::move(schema_notes);
  report["source"] = std::move(source.evidence);
  report = WithDatagovFirst(std::move(datagov), std::move(report));

  ResourceCheck check;
  check.resource_id = r.id;
  check.kind = CheckKind::kContents;
  check.checked_at = started;
  if (job.id > 0) check.job_id = job.id;
  if (source.fetched && source.fetched->status != 0) check.http_status = source.fetched->status;
  if (checked) {
    check.valid = checked->valid;
    check.error_count = static_cast<int64_t>(checked->errors.size());
    check.warning_count = static_cast<int64_t>(checked->warnings.size());
    check.detected_encoding = checked->encoding.detected.value_or("");
    check.detected_format = checked->format.detected.value_or("");
  }
  check.report = FitReport(report);
  auto stored = StoreCheck(store, check);
  if (!stored) return std::unexpected(stored.error());
  json::object summary{{"resource_id", r.id},
                       {"check_id", stored->id},
                       {"valid", check.valid ? json::value(*check.valid) : json::value(nullptr)},
                       {"errors", check.error_count},
                       {"warnings", check.warning_count},
                       {"format", check.detected_format},
                       {"encoding", check.detected_encoding}};
  if (failure) summary["failure"] = (*failure)["kind"];
  return summary;
}

}  // namespace pintu::actions

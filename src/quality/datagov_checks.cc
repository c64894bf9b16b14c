#include "quality/datagov_checks.h"

#include <algorithm>
#include <map>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "quality/encoding.h"
#include "quality/sniff.h"

namespace pintu::quality {
namespace {

namespace json = boost::json;

// Lists in the evidence are capped so that a file with 10^6 columns keeps the stored
// verdict small.
constexpr std::size_t kMaxListedNames = 50;

const json::object* ObjectAt(const json::object* o, std::string_view key) {
  if (!o) return nullptr;
  const json::value* v = o->if_contains(key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

std::optional<std::string> StringAt(const json::object* o, std::string_view key) {
  if (!o) return std::nullopt;
  const json::value* v = o->if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->get_string());
}

std::optional<bool> BoolAt(const json::object* o, std::string_view key) {
  if (!o) return std::nullopt;
  const json::value* v = o->if_contains(key);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->get_bool();
}

std::optional<std::int64_t> IntAt(const json::object* o, std::string_view key) {
  if (!o) return std::nullopt;
  const json::value* v = o->if_contains(key);
  if (!v) return std::nullopt;
  if (v->is_int64()) return v->get_int64();
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
    return static_cast<std::int64_t>(v->get_uint64());
  return std::nullopt;
}

json::value OrNull(const std::optional<std::string>& s) { return s ? json::value(*s) : json::value(nullptr); }
json::value OrNull(const std::optional<std::int64_t>& n) { return n ? json::value(*n) : json::value(nullptr); }
json::value OrNull(const std::optional<bool>& b) { return b ? json::value(*b) : json::value(nullptr); }

std::string Upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

DatagovCheck Verdict(DatagovCheckId id, std::optional<bool> pass, std::string checked_at, json::object evidence,
                     std::string en, std::string zh) {
  DatagovCheck c;
  c.id = id;
  c.pass = pass;
  c.checked_at = std::move(checked_at);
  c.evidence = std::move(evidence);
  c.explanation_en = std::move(en);
  c.explanation_zh = std::move(zh);
  return c;
}

// The undecided verdict of a contents-based check when no report is there.
DatagovCheck NoContents(DatagovCheckId id, const DatagovInputs& in) {
  json::object evidence;
  if (in.contents_failure) {
    evidence["reason"] = "file-unreadable";
    evidence["failure"] = *in.contents_failure;
    return Verdict(id, std::nullopt, in.contents_checked_at, std::move(evidence),
                   "Unknown: the file could not be read, so it could not be checked.",
                   "未知：無法讀取檔案，因此無法檢測。");
  }
  evidence["reason"] = "not-checked";
  return Verdict(id, std::nullopt, "", std::move(evidence), "Unknown: the file has not been checked yet.",
                 "未知：檔案尚未檢測。");
}

// ---- linkable / downloadable ----

json::object LinkEvidence(const json::object& link) {
  json::object e;
  e["url"] = OrNull(StringAt(&link, "url"));
  e["final_url"] = OrNull(StringAt(&link, "final_url"));
  e["status"] = OrNull(IntAt(&link, "status"));
  e["reason"] = OrNull(StringAt(&link, "reason"));
  if (const json::value* chain = link.if_contains("chain"); chain && chain->is_array())
    e["redirects"] = chain->get_array().empty() ? 0 : static_cast<std::int64_t>(chain->get_array().size()) - 1;
  if (const json::object* err = ObjectAt(&link, "error")) e["error"] = OrNull(StringAt(err, "kind"));
  if (BoolAt(&link, "uploaded").value_or(false)) e["uploaded"] = true;
  return e;
}

// "… : <message>" from the link result's error (or its verdict message) in each language.
std::pair<std::string, std::string> LinkMessages(const json::object& link) {
  const json::object* err = ObjectAt(&link, "error");
  std::string en = StringAt(err, "message_en").value_or(StringAt(&link, "message_en").value_or(""));
  std::string zh = StringAt(err, "message_zh").value_or(StringAt(&link, "message_zh").value_or(""));
  return {std::move(en), std::move(zh)};
}

DatagovCheck CheckLinkable(const DatagovInputs& in) {
  const auto id = DatagovCheckId::kLinkable;
  if (!in.link)
    return Verdict(id, std::nullopt, "", json::object{{"reason", "not-checked"}},
                   "Unknown: the link has not been checked yet.", "未知：連結尚未檢測。");
  const json::object& link = *in.link;
  json::object e = LinkEvidence(link);
  auto linkable = BoolAt(&link, "linkable");
  if (!linkable) {
    e["reason"] = "malformed-link-result";
    return Verdict(id, std::nullopt, in.link_checked_at, std::move(e),
                   "Unknown: the stored link check is unreadable.", "未知：連結檢測結果無法判讀。");
  }
  auto status = IntAt(&link, "status");
  if (*linkable) {
    if (BoolAt(&link, "uploaded").value_or(false))
      return Verdict(id, true, in.link_checked_at, std::move(e), "The file is stored and served by this platform.",
                     "檔案由本平臺儲存並提供下載。");
    if (status)
      return Verdict(id, true, in.link_checked_at, std::move(e),
                     fmt::format("The link answers with HTTP {}.", *status), fmt::format("連結正常回應 HTTP {}。", *status));
    return Verdict(id, true, in.link_checked_at, std::move(e), "The link answers.", "連結正常回應。");
  }
  if (StringAt(&link, "reason").value_or("") == "http-status" && status)
    return Verdict(id, false, in.link_checked_at, std::move(e),
                   fmt::format("The link does not work: it answers HTTP {}.", *status),
                   fmt::format("連結無法使用：回應 HTTP {}。", *status));
  auto [en, zh] = LinkMessages(link);
  return Verdict(id, false, in.link_checked_at, std::move(e),
                 en.empty() ? "The link does not work." : "The link does not work: " + en,
                 zh.empty() ? "連結無法使用。" : "連結無法使用：" + zh);
}

DatagovCheck CheckDownloadable(const DatagovInputs& in) {
  const auto id = DatagovCheckId::kDownloadable;
  if (!in.link)
    return Verdict(id, std::nullopt, "", json::object{{"reason", "not-checked"}},
                   "Unknown: the link has not been checked yet.", "未知：連結尚未檢測。");
  const json::object& link = *in.link;
  json::object e = LinkEvidence(link);
  e["content_type"] = OrNull(StringAt(&link, "content_type"));
  e["sniffed"] = OrNull(StringAt(&link, "sniffed"));
  e["bytes_seen"] = OrNull(IntAt(&link, "bytes_seen"));
  if (const json::object* cd = ObjectAt(&link, "content_disposition")) e["content_disposition"] = *cd;
  auto linkable = BoolAt(&link, "linkable");
  auto downloadable = BoolAt(&link, "downloadable");
  if (!linkable || !downloadable) {
    e["reason"] = "malformed-link-result";
    return Verdict(id, std::nullopt, in.link_checked_at, std::move(e),
                   "Unknown: the stored link check is unreadable.", "未知：連結檢測結果無法判讀。");
  }
  if (!*linkable)
    return Verdict(id, false, in.link_checked_at, std::move(e), "Not downloadable: the link does not work.",
                   "無法直接下載：連結無法使用。");
  std::string reason = StringAt(&link, "reason").value_or("");
  if (*downloadable) {
    if (BoolAt(&link, "uploaded").value_or(false))
      return Verdict(id, true, in.link_checked_at, std::move(e), "The file downloads directly from this platform.",
                     "檔案可直接從本平臺下載。");
    std::string type = StringAt(&link, "content_type").value_or("");
    if (type.empty())
      return Verdict(id, true, in.link_checked_at, std::move(e), "The link gives the file itself.",
                     "連結直接提供檔案本身。");
    return Verdict(id, true, in.link_checked_at, std::move(e),
                   fmt::format("The link gives the file itself ({}).", type),
                   fmt::format("連結直接提供檔案本身（{}）。", type));
  }
  if (reason == "html-landing-page")
    return Verdict(id, false, in.link_checked_at, std::move(e), "The link opens a web page, not the file itself.",
                   "連結開啟的是網頁，而不是檔案本身。");
  if (reason == "empty")
    return Verdict(id, false, in.link_checked_at, std::move(e), "The link gives an empty file.",
                   "連結提供的是空檔案。");
  auto [en, zh] = LinkMessages(link);
  return Verdict(id, false, in.link_checked_at, std::move(e),
                 en.empty() ? "The link does not give the file itself." : "Not downloadable: " + en,
                 zh.empty() ? "連結未直接提供檔案。" : "無法直接下載：" + zh);
}

// ---- structure ----

DatagovCheck CheckStructure(const DatagovInputs& in) {
  const auto id = DatagovCheckId::kStructure;
  if (!in.contents) return NoContents(id, in);
  const json::object* format = ObjectAt(in.contents, "format");
  auto detected = StringAt(format, "detected");
  json::object e{{"detected", OrNull(detected)}, {"declared", in.declared.format}};
  if (!detected || detected->empty()) {
    e["reason"] = "format-unknown";
    return Verdict(id, std::nullopt, in.contents_checked_at, std::move(e),
                   "Unknown: the file's format could not be determined.", "未知：無法判定檔案格式。");
  }
  auto machine_readable = BoolAt(format, "machineReadable");
  if (machine_readable) {
    e["basis"] = "report";
    if (auto ev = StringAt(format, "evidence")) e["format_evidence"] = *ev;
  } else {
    auto known = FormatFromDeclaration(*detected);
    machine_readable = known && IsMachineReadable(*known);
    e["basis"] = "format-name";
  }
  e["machine_readable"] = *machine_readable;
  if (auto compression = StringAt(format, "compression")) e["compression"] = *compression;
  std::string name = Upper(*detected);
  if (*machine_readable)
    return Verdict(id, true, in.contents_checked_at, std::move(e),
                   fmt::format("The file is {}, a structured, machine-readable format.", name),
                   fmt::format("檔案為 {}，屬結構化、機器可讀的格式。", name));
  return Verdict(id, false, in.contents_checked_at, std::move(e),
                 fmt::format("The file is {}, which is not a structured, machine-readable format.", name),
                 fmt::format("檔案為 {}，不是結構化、機器可讀的格式。", name));
}

// ---- encoding_match ----

// Formats whose bytes are text in some character encoding.
bool IsTextFormat(std::string_view f) {
  return f == "csv" || f == "tsv" || f == "json" || f == "geojson" || f == "xml" || f == "html" || f == "text";
}

DatagovCheck CheckEncodingMatch(const DatagovInputs& in) {
  const auto id = DatagovCheckId::kEncodingMatch;
  if (!in.contents) return NoContents(id, in);
  const json::object* enc = ObjectAt(in.contents, "encoding");
  auto detected = StringAt(enc, "detected");
  auto format = StringAt(ObjectAt(in.contents, "format"), "detected");
  const bool bom = BoolAt(enc, "bom").value_or(false);
  json::object e{{"declared", in.declared.encoding}, {"detected", OrNull(detected)}, {"bom", bom},
                 {"format", OrNull(format)}};
  if (auto method = StringAt(enc, "method")) e["method"] = *method;
  if (format && !format->empty() && !IsTextFormat(*format)) {
    e["reason"] = "not-text";
    return Verdict(id, std::nullopt, in.contents_checked_at, std::move(e),
                   fmt::format("Not applicable: a {} file has no character encoding.", Upper(*format)),
                   fmt::format("不適用：{} 檔案沒有字元編碼。", Upper(*format)));
  }
  if (!detected || detected->empty() || *detected == "unknown") {
    e["reason"] = "encoding-unknown";
    return Verdict(id, std::nullopt, in.contents_checked_at, std::move(e),
                   "Unknown: the file's encoding could not be determined.", "未知：無法判定檔案的字元編碼。");
  }
  if (in.declared.encoding.empty())
    return Verdict(id, false, in.contents_checked_at, std::move(e),
                   fmt::format("No encoding is declared; the file is {}.", Upper(*detected)),
                   fmt::format("未宣告字元編碼；檔案實為 {}。", Upper(*detected)));
  // The report's own verdict knows more (a pure-ASCII sample matches any ASCII-compatible
  // declaration); it applies when it was made against the same declaration.
  std::optional<bool> matches;
  auto report_declared = StringAt(enc, "declared");
  auto report_matches = BoolAt(enc, "matches");
  if (report_declared && report_matches &&
      NormalizeEncodingName(*report_declared) == NormalizeEncodingName(in.declared.encoding)) {
    matches = report_matches;
    e["basis"] = "report";
  } else {
    EncodingDetection detection;
    detection.encoding = NormalizeEncodingName(*detected);
    detection.bom = bom;
    matches = EncodingMatches(detection, in.declared.encoding);
    e["basis"] = "names";
  }
  e["matches"] = OrNull(matches);
  if (matches.value_or(false))
    return Verdict(id, true, in.contents_checked_at, std::move(e),
                   fmt::format("The declared encoding {} matches the file ({}).", in.declared.encoding, Upper(*detected)),
                   fmt::format("宣告的編碼 {} 與檔案相符（{}）。", in.declared.encoding, Upper(*detected)));
  return Verdict(id, false, in.contents_checked_at, std::move(e),
                 fmt::format("Declared as {}, but the file is {}.", in.declared.encoding, Upper(*detected)),
                 fmt::format("宣告為 {}，但檔案實為 {}。", in.declared.encoding, Upper(*detected)));
}

// ---- desc_match ----

// A field name as compared: surrounding ASCII and ideographic spaces removed, ASCII
// letters lower-cased.
std::string ComparableName(std::string_view s) {
  auto strip = [](std::string_view& v) {
    bool changed = true;
    while (changed && !v.empty()) {
      changed = false;
      if (v.front() == ' ' || v.front() == '\t' || v.front() == '\r' || v.front() == '\n') {
        v.remove_prefix(1);
        changed = true;
      } else if (v.back() == ' ' || v.back() == '\t' || v.back() == '\r' || v.back() == '\n') {
        v.remove_suffix(1);
        changed = true;
      } else if (v.starts_with("\xE3\x80\x80")) {  // U+3000 IDEOGRAPHIC SPACE
        v.remove_prefix(3);
        changed = true;
      } else if (v.ends_with("\xE3\x80\x80")) {
        v.remove_suffix(3);
        changed = true;
      }
    }
  };
  strip(s);
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

json::array CappedList(const std::vector<std::string>& names) {
  json::array a;
  for (std::size_t i = 0; i < names.size() && i < kMaxListedNames; ++i) a.emplace_back(names[i]);
  return a;
}

// The header labels as found in the file, from the report's schema (given or inferred)
// with the label errors applied: a blank label was renamed "fieldN" by inference and a
// duplicate one "nameN", but the error keeps the text actually found.
std::optional<std::vector<std::string>> HeaderLabels(const json::object& report) {
  const json::object* schema = ObjectAt(&report, "schema");
  const json::value* fields = schema ? schema->if_contains("fields") : nullptr;
  if (!fields || !fields->is_array()) return std::nullopt;
  std::vector<std::string> labels;
  for (const json::value& f : fields->get_array()) {
    auto name = f.is_object() ? StringAt(&f.get_object(), "name") : std::nullopt;
    if (!name) return std::nullopt;
    labels.push_back(std::move(*name));
  }
  if (const json::value* errors = report.if_contains("errors"); errors && errors->is_array()) {
    for (const json::value& ev : errors->get_array()) {
      if (!ev.is_object()) continue;
      const json::object& err = ev.get_object();
      auto type = StringAt(&err, "type");
      auto field = IntAt(&err, "fieldNumber");
      if (!type || !field || *field < 1 || static_cast<std::uint64_t>(*field) > labels.size()) continue;
      std::string& label = labels[static_cast<std::size_t>(*field - 1)];
      if (*type == "blank-label") label.clear();
      else if (*type == "duplicate-label" || *type == "incorrect-label") label = StringAt(&err, "cell").value_or(label);
    }
  }
  return labels;
}

DatagovCheck CheckDescMatch(const DatagovInputs& in) {
  const auto id = DatagovCheckId::kDescMatch;
  if (!in.contents) return NoContents(id, in);
  auto format = StringAt(ObjectAt(in.contents, "format"), "detected");
  json::object e{{"format", OrNull(format)},
                 {"declared", CappedList(in.declared.field_names)},
                 {"declared_count", static_cast<std::int64_t>(in.declared.field_names.size())},
                 {"fields_without_description", static_cast<std::int64_t>(in.declared.fields_without_description)}};
  if (!format || (*format != "csv" && *format != "tsv")) {
    e["reason"] = "not-tabular";
    return Verdict(id, std::nullopt, in.contents_checked_at, std::move(e),
                   "Not applicable: the file is not a table with a header row.", "不適用：檔案不是含標題列的表格。");
  }
  if (!BoolAt(ObjectAt(in.contents, "dialect"), "header").value_or(true)) {
    e["reason"] = "no-header";
    return Verdict(id, std::nullopt, in.contents_checked_at, std::move(e),
                   "Unknown: the file has no header row to compare with.", "未知：檔案沒有可比對的標題列。");
  }
  auto labels = HeaderLabels(*in.contents);
  if (!labels) {
    e["reason"] = "header-unknown";
    return Verdict(id, std::nullopt, in.contents_checked_at, std::move(e),
                   "Unknown: the file's header row could not be read.", "未知：無法讀取檔案的標題列。");
  }
  e["header"] = CappedList(*labels);
  e["header_count"] = static_cast<std::int64_t>(labels->size());
  if (in.declared.field_names.empty()) {
    e["reason"] = "no-field-dictionary";
    return Verdict(id, false, in.contents_checked_at, std::move(e),
                   "The resource declares no field names to compare with the file.", "資源未宣告欄位名稱，無法與檔案比對。");
  }
  // Multiset difference in both directions, on comparable names.
  std::map<std::string, int> remaining;
  std::vector<std::string> declared_cmp, header_cmp;
  for (const auto& n : in.declared.field_names) declared_cmp.push_back(ComparableName(n));
  for (const auto& n : *labels) header_cmp.push_back(ComparableName(n));
  for (const auto& n : header_cmp) ++remaining[n];
  std::vector<std::string> missing_in_file, not_declared;
  json::array blank_positions;
  for (std::size_t i = 0; i < declared_cmp.size(); ++i) {
    auto it = remaining.find(declared_cmp[i]);
    if (it != remaining.end() && it->second > 0) --it->second;
    else missing_in_file.push_back(in.declared.field_names[i]);
  }
  std::map<std::string, int> declared_left;
  for (const auto& n : declared_cmp) ++declared_left[n];
  for (std::size_t i = 0; i < header_cmp.size(); ++i) {
    if (header_cmp[i].empty()) {
      blank_positions.emplace_back(static_cast<std::int64_t>(i + 1));
      not_declared.push_back((*labels)[i]);
      continue;
    }
    auto it = declared_left.find(header_cmp[i]);
    if (it != declared_left.end() && it->second > 0) --it->second;
    else not_declared.push_back((*labels)[i]);
  }
  e["missing_in_file"] = CappedList(missing_in_file);
  e["not_declared"] = CappedList(not_declared);
  e["blank_label_positions"] = std::move(blank_positions);
  e["order_matches"] = declared_cmp == header_cmp;
  if (missing_in_file.empty() && not_declared.empty())
    return Verdict(id, true, in.contents_checked_at, std::move(e),
                   fmt::format("The {} declared field names match the file's header.", declared_cmp.size()),
                   fmt::format("宣告的 {} 個欄位名稱與檔案標題列相符。", declared_cmp.size()));
  return Verdict(
      id, false, in.contents_checked_at, std::move(e),
      fmt::format("Field names differ from the header: {} declared not in the file, {} in the file not declared.",
                  missing_in_file.size(), not_declared.size()),
      fmt::format("欄位名稱與標題列不符：{} 個宣告欄位不在檔案中，{} 個檔案欄位未宣告。", missing_in_file.size(),
                  not_declared.size()));
}

// ---- csv ----

bool DeclaresCsv(std::string_view declared) {
  auto f = FormatFromDeclaration(declared);
  return f && *f == FileFormat::kCsv;
}

DatagovCheck CheckCsv(const DatagovInputs& in) {
  const auto id = DatagovCheckId::kCsv;
  auto own = in.contents ? StringAt(ObjectAt(in.contents, "format"), "detected") : std::nullopt;
  json::object e{{"detected", OrNull(own)}, {"declared", in.declared.format}};
  if (own && *own == "csv") {
    e["basis"] = "this-file";
    return Verdict(id, true, in.contents_checked_at, std::move(e), "This resource is a CSV file.",
                   "此資源為 CSV 檔案。");
  }
  // Another resource: a checked CSV first, else one declared CSV and not checked yet.
  const DatagovSibling* found = nullptr;
  bool found_checked = false;
  for (const auto& s : in.declared.siblings) {
    if (s.detected_format == "csv") {
      found = &s;
      found_checked = true;
      break;
    }
    if (!found && s.detected_format.empty() && DeclaresCsv(s.declared_format)) found = &s;
  }
  if (found) {
    e["basis"] = found_checked ? "sibling-checked" : "sibling-declared";
    e["sibling"] = found->id;
    // Decided when this resource's contents check ran, even one that could not read the file.
    std::string checked_at = in.contents || in.contents_failure ? in.contents_checked_at : "";
    if (found_checked)
      return Verdict(id, true, checked_at, std::move(e), "Another resource of this dataset is a CSV file.",
                     "此資料集的另一項資源為 CSV 檔案。");
    return Verdict(id, true, checked_at, std::move(e),
                   "Another resource of this dataset is declared as CSV (not checked yet).",
                   "此資料集的另一項資源宣告為 CSV（尚未檢測）。");
  }
  if (!own) {
    DatagovCheck c = NoContents(id, in);
    for (auto& [k, v] : e) c.evidence[k] = v;
    return c;
  }
  e["basis"] = "none";
  return Verdict(id, false, in.contents_checked_at, std::move(e),
                 fmt::format("No CSV is offered: this file is {} and no other resource is CSV.", Upper(*own)),
                 fmt::format("未提供 CSV：此檔案為 {}，且資料集沒有其他 CSV 資源。", Upper(*own)));
}

}  // namespace

std::string_view DatagovCheckName(DatagovCheckId id) {
  switch (id) {
    case DatagovCheckId::kLinkable: return "linkable";
    case DatagovCheckId::kDownloadable: return "downloadable";
    case DatagovCheckId::kStructure: return "structure";
    case DatagovCheckId::kEncodingMatch: return "encoding_match";
    case DatagovCheckId::kDescMatch: return "desc_match";
    case DatagovCheckId::kCsv: return "csv";
  }
  return "linkable";
}

std::optional<DatagovCheckId> ParseDatagovCheckName(std::string_view name) {
  for (DatagovCheckId id : kDatagovCheckIds)
    if (DatagovCheckName(id) == name) return id;
  return std::nullopt;
}

DatagovChecks EvaluateDatagovChecks(const DatagovInputs& in) {
  return {CheckLinkable(in),      CheckDownloadable(in), CheckStructure(in),
          CheckEncodingMatch(in), CheckDescMatch(in),    CheckCsv(in)};
}

boost::json::object DatagovChecksToJson(const DatagovChecks& checks) {
  json::object out;
  for (const DatagovCheck& c : checks) {
    out[DatagovCheckName(c.id)] = json::object{
        {"pass", OrNull(c.pass)},
        {"checked_at", c.checked_at.empty() ? json::value(nullptr) : json::value(c.checked_at)},
        {"evidence", c.evidence},
        {"explanation", json::object{{"en", c.explanation_en}, {"zh-TW", c.explanation_zh}}}};
  }
  return out;
}

DatagovChecks DatagovChecksFromJson(const boost::json::value& value) {
  DatagovChecks out;
  const json::object* all = value.is_object() ? &value.get_object() : nullptr;
  for (std::size_t i = 0; i < kDatagovCheckIds.size(); ++i) {
    DatagovCheck& c = out[i];
    c.id = kDatagovCheckIds[i];
    const json::object* o = ObjectAt(all, DatagovCheckName(c.id));
    if (!o) {
      c.explanation_en = "Unknown: not checked yet.";
      c.explanation_zh = "未知：尚未檢測。";
      continue;
    }
    c.pass = BoolAt(o, "pass");
    c.checked_at = StringAt(o, "checked_at").value_or("");
    if (const json::object* e = ObjectAt(o, "evidence")) c.evidence = *e;
    const json::object* text = ObjectAt(o, "explanation");
    c.explanation_en = StringAt(text, "en").value_or("");
    c.explanation_zh = StringAt(text, "zh-TW").value_or("");
    if (c.explanation_en.empty() || c.explanation_zh.empty()) {
      c.explanation_en = "Unknown: the stored result is unreadable.";
      c.explanation_zh = "未知：儲存的結果無法判讀。";
      c.pass.reset();
    }
  }
  return out;
}

DatagovChecks NewestDatagovChecks(const DatagovChecks& a, const DatagovChecks& b) {
  DatagovChecks out;
  for (std::size_t i = 0; i < out.size(); ++i) {
    const DatagovCheck& x = a[i];
    const DatagovCheck& y = b[i];
    if (x.checked_at != y.checked_at) out[i] = x.checked_at > y.checked_at ? x : y;
    else out[i] = (x.pass || !y.pass) ? x : y;
  }
  return out;
}

}  // namespace pintu::quality

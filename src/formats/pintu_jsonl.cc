#include "formats/pintu_jsonl.h"

#include "core/model_json.h"
#include "core/text.h"
#include "formats/json_util.h"
#include "formats/normalize.h"
#include "formats/record_sink.h"

namespace json = boost::json;

namespace pintu::formats {

std::string_view KindName(ImportRecord::Kind kind) {
  switch (kind) {
    case ImportRecord::Kind::kOrganization: return "organization";
    case ImportRecord::Kind::kTopic: return "topic";
    case ImportRecord::Kind::kDataset: return "dataset";
  }
  return "dataset";
}

std::string PintuJsonlHeader(std::string_view exported_at, std::string_view generator) {
  return json::serialize(json::object{{"format", kPintuJsonlFormat},
                                      {"version", kPintuJsonlVersion},
                                      {"exported", exported_at},
                                      {"generator", generator}});
}

std::string PintuJsonlLine(ImportRecord::Kind kind, const json::object& doc) {
  return json::serialize(json::object{{"kind", KindName(kind)}, {"doc", doc}});
}

Result<void> ImportPintuJsonl(std::string_view bytes, const std::string& filename, RecordSink& sink) {
  size_t start = sink.batch().records.size();
  size_t line_no = 0, pos = 0, lines = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(pos, end - pos);
    size_t line_offset = pos;
    pos = end + 1;
    ++line_no;
    if (Trim(line).empty()) continue;
    if (++lines > sink.limits().max_rows)
      return std::unexpected(Error::TooLarge(filename + ": more than " + std::to_string(sink.limits().max_rows) +
                                             " lines (the limit)"));
    std::string source = filename + ":line " + std::to_string(line_no);
    if (size_t bad = FirstInvalidUtf8(line); bad != std::string::npos) {
      sink.Skip(source, "invalid UTF-8 at byte " + std::to_string(line_offset + bad) + " of the file");
      continue;
    }
    auto v = ParseJson(line, sink.limits().max_depth);
    if (!v) {
      sink.Skip(source, v.error().message + " (byte offset within the line)");
      continue;
    }
    if (!v->is_object()) {
      sink.Skip(source, "a line must be a JSON object {\"kind\": …, \"doc\": {…}}");
      continue;
    }
    const auto& o = v->get_object();
    if (const json::value* fmt = Member(o, "format")) {
      if (!fmt->is_string() || fmt->get_string() != kPintuJsonlFormat) {
        sink.Skip(source, "unknown header format " + Quote(AsExtraValue(*fmt)));
        continue;
      }
      const json::value* ver = Member(o, "version");
      if (!ver || !ver->is_int64() || ver->get_int64() != kPintuJsonlVersion)
        return std::unexpected(Error::BadRequest(
            source + ": unsupported pintu-jsonl version " + (ver ? AsExtraValue(*ver) : "(missing)") +
            "; this Pintu reads version " + std::to_string(kPintuJsonlVersion)));
      continue;
    }
    std::string kind = TextOf(o, "kind");
    const json::value* doc = Member(o, "doc");
    if (!doc || !doc->is_object()) {
      sink.Skip(source, "field doc is missing or not an object");
      continue;
    }
    if (kind == "dataset") sink.AddDataset(doc->get_object(), std::nullopt, source, /*require_title=*/false);
    else if (kind == "organization") sink.AddOrganization(doc->get_object(), source);
    else if (kind == "topic") sink.AddTopic(doc->get_object(), source);
    else sink.Skip(source, "field kind must be organization, topic or dataset, not " + Quote(kind));
  }
  auto& recs = sink.batch().records;
  auto rank = [](const ImportRecord& r) {
    return r.kind == ImportRecord::Kind::kOrganization ? 0 : r.kind == ImportRecord::Kind::kTopic ? 1 : 2;
  };
  std::stable_sort(recs.begin() + static_cast<std::ptrdiff_t>(start), recs.end(),
                   [&](const ImportRecord& a, const ImportRecord& b) { return rank(a) < rank(b); });
  return Ok();
}

}  // namespace pintu::formats

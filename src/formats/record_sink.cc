#include "formats/record_sink.h"

namespace json = boost::json;

namespace pintu::formats {

std::string DescribeFieldErrors(const Error& e) {
  if (e.fields.empty()) return e.message;
  std::string out;
  size_t n = 0;
  for (const auto& f : e.fields) {
    if (n == 5) {
      out += "; and " + std::to_string(e.fields.size() - 5) + " more";
      break;
    }
    if (!out.empty()) out += "; ";
    out += "field " + f.field + ": " + f.message;
    ++n;
  }
  return out;
}

const std::string* RecordSink::Seen(const std::string& key, const std::string& source) {
  auto [it, inserted] = seen_.try_emplace(key, source);
  return inserted ? nullptr : &it->second;
}

bool RecordSink::AddDataset(json::object doc, std::optional<OrganizationRef> org, std::string source,
                            bool require_title) {
  auto parsed = DatasetFromJson(doc, limits_.json);
  if (!parsed) {
    Skip(std::move(source), "invalid dataset: " + DescribeFieldErrors(parsed.error()));
    return false;
  }
  if (require_title && parsed->title.Empty()) {
    Skip(std::move(source), "missing title (field title)");
    return false;
  }
  for (const auto& [prefix, value] : {std::pair<std::string, std::string>{"id", parsed->id},
                                      {"slug", parsed->slug}}) {
    if (value.empty()) continue;
    if (const std::string* first = Seen("dataset:" + prefix + ":" + value, source)) {
      Skip(std::move(source), "duplicate of " + *first + " (same dataset " +
                                  (prefix == "id" ? "id" : "name") + " \"" + value + "\")");
      return false;
    }
  }
  batch_.records.push_back(
      {ImportRecord::Kind::kDataset, DatasetToJson(*parsed), std::move(org), std::move(source)});
  return true;
}

bool RecordSink::AddOrganization(json::object doc, std::string source) {
  auto parsed = OrganizationFromJson(doc, limits_.json);
  if (!parsed) {
    Skip(std::move(source), "invalid organization: " + DescribeFieldErrors(parsed.error()));
    return false;
  }
  for (const std::string& key : {"organization:id:" + parsed->id, "organization:slug:" + parsed->slug}) {
    if (key.back() == ':') continue;
    if (const std::string* first = Seen(key, source)) {
      Skip(std::move(source), "duplicate of " + *first + " (same organization id or name)");
      return false;
    }
  }
  batch_.records.push_back(
      {ImportRecord::Kind::kOrganization, OrganizationToJson(*parsed), std::nullopt, std::move(source)});
  return true;
}

bool RecordSink::AddTopic(json::object doc, std::string source) {
  auto parsed = TopicFromJson(doc, limits_.json);
  if (!parsed) {
    Skip(std::move(source), "invalid topic: " + DescribeFieldErrors(parsed.error()));
    return false;
  }
  for (const std::string& key : {"topic:id:" + parsed->id, "topic:slug:" + parsed->slug}) {
    if (key.back() == ':') continue;
    if (const std::string* first = Seen(key, source)) {
      Skip(std::move(source), "duplicate of " + *first + " (same topic id or name)");
      return false;
    }
  }
  batch_.records.push_back(
      {ImportRecord::Kind::kTopic, TopicToJson(*parsed), std::nullopt, std::move(source)});
  return true;
}

}  // namespace pintu::formats

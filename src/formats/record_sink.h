// Internal to formats/: collects records into an ImportBatch, validating each one with
// the canonical codec and detecting duplicates within one file.
#pragma once

#include <map>
#include <string>

#include "formats/import.h"

namespace pintu::formats {

class RecordSink {
 public:
  RecordSink(ImportBatch& batch, const ImportLimits& limits) : batch_(batch), limits_(limits) {}

  // Validates `doc` with DatasetFromJson; adds a record (doc re-serialised by
  // DatasetToJson) or a SkippedRow listing the field errors. A second dataset with the
  // same id or slug in one file is skipped as a duplicate of the first.
  // Foreign sources must give a title (`require_title`); Pintu's own export need not
  // (drafts). Returns true when the record was added.
  bool AddDataset(boost::json::object doc, std::optional<OrganizationRef> org, std::string source,
                  bool require_title = true);
  // Same for organisations (OrganizationFromJson) and topics (TopicFromJson).
  bool AddOrganization(boost::json::object doc, std::string source);
  bool AddTopic(boost::json::object doc, std::string source);

  void Skip(std::string source, std::string reason) {
    batch_.skipped.push_back({std::move(source), std::move(reason)});
  }
  void Warn(std::string source, std::string message) {
    batch_.warnings.push_back({std::move(source), std::move(message)});
  }
  const ImportLimits& limits() const { return limits_; }
  ImportBatch& batch() { return batch_; }

 private:
  // Returns the source of an earlier record with the same key, or nullptr.
  const std::string* Seen(const std::string& key, const std::string& source);

  ImportBatch& batch_;
  const ImportLimits& limits_;
  std::map<std::string, std::string> seen_;  // "dataset:slug:x" → first source
};

// "field: message; field: message" from a validation error (at most 5 fields listed).
std::string DescribeFieldErrors(const Error& e);

}  // namespace pintu::formats

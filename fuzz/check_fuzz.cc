// libFuzzer target for the whole file check (src/quality/check_file.h): sniffing, encoding
// detection, dialect detection, streaming decode, CSV validation, column profile, Taiwan
// checks, JSON syntax check, schema inference and the report's JSON and text forms. The
// first byte picks the file name (and so the declared format) and whether a Table Schema
// is given; the rest is the file. Besides sanitizer findings it traps when a report breaks
// its own promises (valid with errors, rows without fields, invalid UTF-8 in the JSON).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/json/serialize.hpp>

#include "quality/check_file.h"
#include "quality/report_text.h"
#include "quality/table_schema.h"
#include "core/text.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pintu::quality;
  if (size == 0) return 0;
  static constexpr const char* kNames[] = {"data.csv", "data.tsv", "data.json", "data.txt", "data", "data.csv.gz",
                                           "data.xlsx", "資料.csv"};
  const std::uint8_t control = data[0];
  FileFacts facts;
  facts.file_name = kNames[control & 7];
  if (control & 8) facts.declared_encoding = "big5";
  CheckOptions options;
  options.validator.limit_errors = 50;
  options.sample_bytes = 4096;  // small, so that inputs cross the sample boundary
  if (control & 16) {
    auto schema = ParseTableSchema(R"({"fields": [{"name": "id", "type": "integer", "constraints": {"unique": true}},
                                                 {"name": "date", "type": "date"}], "primaryKey": ["id"]})");
    if (!schema) std::abort();
    options.validator.schema = *schema;
  }
  if (control & 32) options.validator.header = false;
  auto report = CheckBytes(std::string(reinterpret_cast<const char*>(data) + 1, size - 1), facts, options);
  if (!report) return 0;  // refused (e.g. a corrupt archive): a clear error, not a crash
  if (report->valid && !report->errors.empty()) std::abort();
  if (report->stats.bytes && *report->stats.bytes > size) std::abort();
  const std::string json = boost::json::serialize(ReportToJson(*report));
  const std::string text = ReportToText(*report, TextReportOptions{.zh = (control & 64) != 0, .name = facts.file_name});
  if (!pintu::IsValidUtf8(json) || !pintu::IsValidUtf8(text)) std::abort();
  return 0;
}

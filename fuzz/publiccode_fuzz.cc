// libFuzzer target for the publiccode.yml parser and validator (src/formats/publiccode):
// YAML loading with its limits, decoding, every field rule, SPDX parsing, the JSON and text
// reports. The first byte picks strict or lenient mode; the rest is the file. Network
// checks are off; assets resolve against a folder that does not exist. Besides sanitizer
// findings it traps when a result breaks its promises: a valid result without a document,
// negative positions, a file-level error together with other findings, or reports that are
// not valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <boost/json/serialize.hpp>

#include "formats/publiccode/report.h"
#include "formats/publiccode/spdx_expression.h"
#include "formats/publiccode/validate.h"
#include "formats/publiccode/yaml_tree.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace pc = pintu::formats::publiccode;
  if (size == 0) return 0;
  pc::ValidateOptions options;
  options.mode = (data[0] & 1) ? pc::Mode::kLenient : pc::Mode::kStrict;
  options.limits.max_bytes = 64 * 1024;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  pc::ValidationResult r = pc::ValidatePubliccode(text, "/nonexistent-fuzz-dir", options);
  if (r.valid() && !r.document) std::abort();
  bool file_level = false;
  for (const auto* list : {&r.errors, &r.warnings}) {
    for (const auto& f : *list) {
      if (f.line < 0 || f.column < 0) std::abort();
      if (f.key.empty() && f.severity == pc::Severity::kError) file_level = true;
    }
  }
  if (file_level && !r.document && (r.errors.size() != 1 || !r.warnings.empty())) std::abort();
  std::string json = boost::json::serialize(pc::ValidationResultToJson(r));
  std::string en = pc::ValidationResultText(r, false);
  std::string zh = pc::ValidationResultText(r, true);
  if (pc::IsValidUtf8(text)) {
    if (!pc::IsValidUtf8(json) || !pc::IsValidUtf8(en) || !pc::IsValidUtf8(zh)) std::abort();
  }
  // The SPDX parser on the raw bytes as an expression (bounded by its own length limit).
  (void)pc::CheckSpdxExpression(text.substr(0, 512));
  return 0;
}

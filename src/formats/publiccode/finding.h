// One problem found in a publiccode.yml, located by key path (publiccode-parser-go style:
// dots, `[i]`, `description[en-US]`; "" for the whole file) and 1-based line/column.
#pragma once

#include <string>
#include <vector>

namespace pintu::formats::publiccode {

// Errors make a file invalid; warnings do not.
enum class Severity { kError, kWarning };

// One finding with its key path, bilingual message, optional hint and position.
struct Finding {
  Severity severity = Severity::kError;
  std::string key;         // e.g. "maintenance.contractors[0].until"; "" = file level
  std::string message;     // English, worded as the reference validator words it
  std::string message_zh;  // zh-TW
  std::string hint;        // optional suggestion, e.g. "did you mean `MIT`?" (English)
  std::string hint_zh;     // the same in zh-TW
  int line = 0;            // 1-based; 0 = not located
  int column = 0;
};

// Findings in the order they were produced.
using Findings = std::vector<Finding>;

}  // namespace pintu::formats::publiccode

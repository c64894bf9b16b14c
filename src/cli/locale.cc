#include "cli/locale.h"

#include <cstdlib>
#include <iostream>

namespace pintu::cli {

bool PreferZh() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value && *value) return std::string_view(value).starts_with("zh");
  }
  return false;
}

bool IsZhTag(std::string_view tag, bool fallback) {
  if (tag.starts_with("zh")) return true;
  if (tag.starts_with("en")) return false;
  return fallback;
}

void PrintLocalizedError(const Error& e, bool zh) {
  if (zh && !e.fields.empty() && !e.fields[0].message_zh.empty()) {
    std::cerr << "錯誤：" << e.fields[0].message_zh << "\n";
  } else if (!e.fields.empty() && e.message == "Validation failed") {
    std::cerr << "error: " << e.fields[0].message << "\n";
  } else {
    std::cerr << "error: " << e.message << "\n";
  }
}

}  // namespace pintu::cli

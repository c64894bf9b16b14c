#include "formats/publiccode/report.h"

#include <fmt/format.h>

#include <boost/json.hpp>

namespace pintu::formats::publiccode {
namespace {

std::string WithHint(const std::string& message, const std::string& hint) {
  return hint.empty() ? message : fmt::format("{} ({})", message, hint);
}

boost::json::array FindingsToJson(const Findings& findings) {
  boost::json::array out;
  for (const Finding& f : findings) {
    out.push_back(boost::json::object{{"key", f.key},
                                      {"message", WithHint(f.message, f.hint)},
                                      {"line", f.line},
                                      {"column", f.column}});
  }
  return out;
}

void AppendText(std::string& out, const Findings& findings, bool zh) {
  for (const Finding& f : findings) {
    std::string_view label = f.severity == Severity::kError ? (zh ? "錯誤" : "error") : (zh ? "警告" : "warning");
    std::string key = f.key.empty() ? (zh ? "（整個檔案）" : "(file)") : f.key;
    std::string where = f.line > 0 ? fmt::format(" ({}:{})", f.line, f.column) : "";
    const std::string& message = zh && !f.message_zh.empty() ? f.message_zh : f.message;
    const std::string& hint = zh && !f.hint_zh.empty() ? f.hint_zh : f.hint;
    out += fmt::format("{} {}{}: {}\n", label, key, where, WithHint(message, hint));
  }
}

}  // namespace

boost::json::object ValidationResultToJson(const ValidationResult& result) {
  return {{"valid", result.valid()},
          {"version", result.version},
          {"errors", FindingsToJson(result.errors)},
          {"warnings", FindingsToJson(result.warnings)}};
}

std::string ValidationResultText(const ValidationResult& result, bool zh) {
  std::string out;
  AppendText(out, result.errors, zh);
  AppendText(out, result.warnings, zh);
  if (zh) {
    out += fmt::format("{}：{} 個錯誤，{} 個警告\n", result.valid() ? "有效" : "無效", result.errors.size(),
                       result.warnings.size());
  } else {
    out += fmt::format("{}: {} error(s), {} warning(s)\n", result.valid() ? "valid" : "invalid", result.errors.size(),
                       result.warnings.size());
  }
  return out;
}

}  // namespace pintu::formats::publiccode

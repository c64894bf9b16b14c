// The checker's report as text (mlcroissant's output format) and as JSON.
#include <algorithm>

#include <boost/json.hpp>

#include "formats/croissant_check.h"

namespace pintu::formats {
namespace json = boost::json;

size_t CroissantReport::ErrorCount() const {
  return static_cast<size_t>(std::count_if(issues.begin(), issues.end(), [](const CroissantIssue& i) {
    return i.severity == CroissantSeverity::kError;
  }));
}

size_t CroissantReport::WarningCount() const { return issues.size() - ErrorCount(); }

std::string CroissantReportText(const CroissantReport& report) {
  std::string out;
  for (auto severity : {CroissantSeverity::kError, CroissantSeverity::kWarning}) {
    size_t n = severity == CroissantSeverity::kError ? report.ErrorCount() : report.WarningCount();
    if (n == 0) continue;
    out += "Found the following " + std::to_string(n) +
           (severity == CroissantSeverity::kError ? " error(s)" : " warning(s)") + " during the validation:\n";
    for (const auto& i : report.issues) {
      if (i.severity != severity) continue;
      out += "  -  ";
      if (!i.node_path.empty()) out += "[" + i.node_path + "] ";
      out += i.message + " (" + i.kind + ")\n";
    }
  }
  return out.empty() ? "No errors or warnings found.\n" : out;
}

json::object CroissantReportToJson(const CroissantReport& report) {
  json::array issues;
  for (auto severity : {CroissantSeverity::kError, CroissantSeverity::kWarning})
    for (const auto& i : report.issues)
      if (i.severity == severity)
        issues.emplace_back(json::object{{"severity", i.severity == CroissantSeverity::kError ? "error" : "warning"},
                                     {"kind", i.kind},
                                     {"node", i.node_path},
                                     {"property", i.property},
                                     {"message", i.message},
                                     {"messageZh", i.message_zh}});
  size_t errors = report.ErrorCount();
  return json::object{{"conformsTo", report.conforms_to},
                      {"valid", errors == 0},
                      {"errorCount", errors},
                      {"warningCount", report.WarningCount()},
                      {"issues", std::move(issues)}};
}

}  // namespace pintu::formats

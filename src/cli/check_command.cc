// pintu check FILE|URL: validate and profile a data file, print a report.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "actions/check_data_file.h"
#include "cli/commands.h"
#include "cli/locale.h"
#include "quality/report_text.h"
#include "quality/table_schema.h"

namespace pintu::cli {
namespace {

struct CheckCommandOptions {
  std::string input;
  std::string schema_path;
  std::string format = "text";
  std::size_t limit_errors = 1000;
  std::string declared_encoding;
  std::string declared_format;
  std::string from;
  std::string delimiter;
  std::string lang;
  bool no_profile = false;
  bool no_progress = false;
};

// A one-line progress bar on stderr, redrawn at most a few times a second; only when
// stderr is a terminal and the input is large enough to wait for.
class ProgressBar {
 public:
  ProgressBar(bool enabled, bool zh) : enabled_(enabled && ::isatty(2) == 1), zh_(zh) {}
  ~ProgressBar() { Clear(); }

  // Shows `done` of `total` bytes (`verb` says what is happening).
  void Show(std::string_view verb, std::uint64_t done, std::optional<std::uint64_t> total) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (total && *total < (std::uint64_t{16} << 20)) return;  // small files finish before anyone waits
    if (shown_ && now - last_ < std::chrono::milliseconds(200) && !(total && done == *total)) return;
    if (!shown_) start_ = now;
    last_ = now;
    shown_ = true;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    const double mib = done / 1048576.0;
    std::string line;
    if (total && *total > 0) {
      const double share = static_cast<double>(done) / static_cast<double>(*total);
      const int filled = static_cast<int>(share * 30);
      line = fmt::format("\r{} [{}{}] {:3.0f}% {:.0f}/{:.0f} MiB", verb, std::string(filled, '#'),
                         std::string(30 - filled, '.'), share * 100, mib, *total / 1048576.0);
    } else {
      line = fmt::format("\r{} {:.0f} MiB", verb, mib);
    }
    if (seconds > 0.5) line += fmt::format("  {:.0f} MiB/s", mib / seconds);
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
  }

  // Removes the bar before the report is printed.
  void Clear() {
    if (!shown_) return;
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    shown_ = false;
  }

  bool zh() const { return zh_; }

 private:
  bool enabled_;
  bool zh_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

Result<quality::TableSchema> LoadSchema(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Error e{ErrorCode::kNotFound, "cannot read the schema file " + path, {}};
    e.fields.push_back({"schema", e.message, "無法讀取結構描述檔 " + path});
    return std::unexpected(std::move(e));
  }
  std::string text;
  char buffer[65536];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > quality::kMaxSchemaBytes) {
      Error e{ErrorCode::kTooLarge, "the schema file is larger than 8 MiB", {}};
      e.fields.push_back({"schema", e.message, "結構描述檔超過 8 MiB"});
      return std::unexpected(std::move(e));
    }
  }
  return quality::ParseTableSchema(text);
}

int RunCheck(const CheckCommandOptions& o, Globals& g) {
  const bool zh = IsZhTag(o.lang, PreferZh());
  quality::CheckOptions options;
  options.validator.limit_errors = o.limit_errors;
  options.forced_encoding = o.from;
  if (!o.delimiter.empty()) {
    const std::string d = o.delimiter == "\\t" || o.delimiter == "tab" ? "\t" : o.delimiter;
    if (d.size() != 1 || d[0] == '"' || d[0] == '\n' || d[0] == '\r') {
      std::cerr << (zh ? "錯誤：--delimiter 必須是一個字元（例如 , ; | 或 tab）\n"
                       : "error: --delimiter must be one character (e.g. , ; | or tab)\n");
      return 2;
    }
    options.delimiter = d[0];
  }
  options.profile_columns = !o.no_profile;
  if (!o.schema_path.empty()) {
    auto schema = LoadSchema(o.schema_path);
    if (!schema) {
      Error e = schema.error();
      if (e.message.find("schema") == std::string::npos) e.message = "schema " + o.schema_path + ": " + e.message;
      PrintLocalizedError(e, zh);
      for (const auto& f : schema.error().fields) {
        if (!f.field.empty()) std::cerr << "  " << f.field << ": " << (zh && !f.message_zh.empty() ? f.message_zh : f.message) << "\n";
      }
      return 2;
    }
    options.validator.schema = std::move(*schema);
  }
  if (o.limit_errors < 1 || o.limit_errors > quality::kMaxErrorLimit) {
    std::cerr << (zh ? "錯誤：--limit-errors 必須介於 1 與 1000000 之間\n" : "error: --limit-errors must be between 1 and 1000000\n");
    return 2;
  }
  if (actions::IsHttpUrl(o.input) && !Resolve(g)) return 2;

  ProgressBar bar(!o.no_progress, zh);
  options.progress = [&bar, zh](std::uint64_t done, std::optional<std::uint64_t> total) {
    bar.Show(zh ? "檢查中" : "checking", done, total);
  };
  quality::CheckProgress download = [&bar, zh](std::uint64_t done, std::optional<std::uint64_t> total) {
    bar.Show(zh ? "下載中" : "downloading", done, total);
  };
  quality::FileFacts facts;
  facts.declared_encoding = o.declared_encoding;
  facts.declared_format = o.declared_format;
  auto checked = actions::CheckDataFile(o.input, g.config, facts, options, download);
  bar.Clear();
  if (!checked) {
    PrintLocalizedError(checked.error(), zh);
    return 2;
  }
  const quality::Report& report = checked->report;
  if (o.format == "json") {
    std::cout << boost::json::serialize(quality::ReportToJson(report)) << "\n";
  } else {
    std::cout << quality::ReportToText(report, quality::TextReportOptions{.zh = zh, .name = o.input});
  }
  std::cout.flush();
  return report.valid ? 0 : 1;
}

}  // namespace

void AddCheckCommand(CLI::App& app, Globals& g, int& exit_code) {
  auto o = std::make_shared<CheckCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Check a data file or URL: encoding, format, structure (Frictionless errors), column profile, "
               "Taiwan-specific problems");
  cmd->add_option("file", o->input, "File or http(s) URL (.gz and single-file .zip are unpacked)")->required();
  cmd->add_option("--schema", o->schema_path, "Table Schema JSON file to validate against (default: infer one)");
  cmd->add_option("--format", o->format, "Output: text (grouped, with fix hints) or json (Frictionless-like report)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--limit-errors", o->limit_errors, "Stop after this many errors (default 1000)");
  cmd->add_option("--declared-encoding", o->declared_encoding, "The encoding the publisher declares, to compare");
  cmd->add_option("--declared-format", o->declared_format, "The format the publisher declares (default: from the name)");
  cmd->add_option("--from", o->from, "Read with this encoding instead of detecting it");
  cmd->add_option("--delimiter", o->delimiter, "Use this delimiter instead of detecting it (\"tab\" for a tab)");
  cmd->add_option("--lang", o->lang, "Report language: zh-TW or en (default: from LANG)");
  cmd->add_flag("--no-profile", o->no_profile, "Skip the column profile, schema inference and Taiwan checks");
  cmd->add_flag("--no-progress", o->no_progress, "Never draw a progress bar");
  cmd->footer("Exit codes: 0 valid, 1 invalid (problems found), 2 could not read the file or the options.");
  cmd->callback([&exit_code, &g, o] { exit_code = RunCheck(*o, g); });
}

}  // namespace pintu::cli

// pintu import and pintu export.
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "actions/catalog_export.h"
#include "actions/catalog_import.h"
#include "actions/search_sync.h"
#include "cli/commands.h"
#include "formats/import.h"

namespace pintu::cli {
namespace {

struct ImportOptions {
  std::vector<std::string> files;
  std::string format = "auto";
  std::string report_path;
  std::string default_org;
  bool no_index = false;
};

int Import(Globals& g, const ImportOptions& o) {
  if (!Resolve(g)) return 2;
  auto format = formats::ParseImportFormat(o.format);
  if (!format) {
    std::cerr << "error: unknown --format \"" << o.format << "\" (auto, ckan, datagovtw-csv, datagovtw-json, jsonl)\n";
    return 2;
  }
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 1;
  actions::Context ctx{*store, Identity::System(), g.config};
  boost::json::array report_files;
  int rc = 0;
  for (const auto& file : o.files) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << "error: cannot read " << file << "\n";
      rc = 2;
      continue;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    auto t0 = std::chrono::steady_clock::now();
    auto batch = formats::ParseImportDocument(bytes, file, *format);
    if (!batch) {
      std::cerr << "error: " << file << ": " << batch.error().message << "\n";
      rc = 2;
      continue;
    }
    std::cerr << file << ": " << batch->format << ", " << batch->records.size() << " records to write, "
              << batch->skipped.size() << " rows skipped while reading\n";
    size_t total = batch->records.size();
    auto report = actions::ApplyImport(ctx, *batch, [&](size_t done, size_t n) {
      if (done % 1000 == 0 || done == n)
        std::cerr << "\r  committed " << done << " / " << total << std::flush;
    }, {o.default_org});
    if (total) std::cerr << "\n";
    if (!report) {
      PrintError(report.error());
      return 1;
    }
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    std::cout << file << ": created " << report->datasets_created << " datasets, updated "
              << report->datasets_updated << "; organizations created " << report->organizations_created
              << ", updated " << report->organizations_updated << "; topics created " << report->topics_created
              << "; skipped " << report->skipped.size() << " (" << ms << " ms)\n";
    for (const auto& s : report->skipped) std::cout << "  skipped " << s.source << ": " << s.reason << "\n";
    for (const auto& w : report->warnings) std::cout << "  warning " << w.source << ": " << w.message << "\n";
    boost::json::array skipped;
    for (const auto& s : report->skipped) skipped.emplace_back(boost::json::object{{"source", s.source}, {"reason", s.reason}});
    report_files.emplace_back(boost::json::object{
        {"file", file}, {"format", batch->format},
        {"datasets_created", report->datasets_created}, {"datasets_updated", report->datasets_updated},
        {"organizations_created", report->organizations_created}, {"skipped", std::move(skipped)}});
  }
  // Index what was imported now (a running server that holds the index does it itself;
  // if indexing fails, the store is still complete and `pintu reindex` repairs the index).
  if (!o.no_index) OpenSearchIndex(*store, g.config, true);
  if (!o.report_path.empty()) {
    std::ofstream out(o.report_path);
    out << boost::json::serialize(boost::json::object{{"files", report_files}}) << "\n";
  }
  return rc;
}

struct ExportOptions {
  std::string format = "jsonl";
  std::string output;
};

int Export(Globals& g, const ExportOptions& o) {
  if (!Resolve(g)) return 2;
  if (o.format != "jsonl") {
    std::cerr << "error: unknown --format \"" << o.format << "\" (jsonl)\n";
    return 2;
  }
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 1;
  actions::Context ctx{*store, Identity::System(), g.config};
  std::ofstream file;
  std::string tmp = o.output + ".part";
  if (!o.output.empty()) {
    file.open(tmp, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "error: cannot write " << o.output << "\n";
      return 1;
    }
  }
  std::ostream& out = o.output.empty() ? std::cout : file;
  auto summary = actions::ExportCatalog(ctx, [&](std::string_view line) { out << line << '\n'; });
  if (!summary) {
    PrintError(summary.error());
    return 1;
  }
  out.flush();
  if (!o.output.empty()) {
    file.close();
    if (std::rename(tmp.c_str(), o.output.c_str()) != 0) {
      std::cerr << "error: cannot write " << o.output << "\n";
      return 1;
    }
  }
  std::cerr << "exported " << summary->organizations << " organizations, " << summary->topics << " topics, "
            << summary->datasets << " datasets\n";
  return 0;
}

}  // namespace

void AddImportCommand(CLI::App& app, Globals& g, int& exit_code) {
  auto o = std::make_shared<ImportOptions>();
  CLI::App* cmd = app.add_subcommand("import", "Import CKAN JSON, data.gov.tw CSV/JSON or pintu-jsonl files");
  cmd->add_option("files", o->files, "Files to import")->required();
  cmd->add_option("--format", o->format, "auto (default), ckan, datagovtw-csv, datagovtw-json or jsonl");
  cmd->add_option("--report", o->report_path, "Write a JSON report of what was imported and skipped");
  cmd->add_option("--org", o->default_org,
                  "Publisher for datasets that name none (default: an \"unassigned\" organization)");
  cmd->add_flag("--no-index", o->no_index,
                "Leave the search index for later (the next `pintu serve` or `pintu reindex` updates it)");
  cmd->callback([&g, &exit_code, o] { exit_code = Import(g, *o); });
}

void AddExportCommand(CLI::App& app, Globals& g, int& exit_code) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = app.add_subcommand("export", "Export the whole catalog (lossless pintu-jsonl)");
  cmd->add_option("--format", o->format, "jsonl (default)");
  cmd->add_option("-o,--output", o->output, "Output file (default: standard output)");
  cmd->callback([&g, &exit_code, o] { exit_code = Export(g, *o); });
}

}  // namespace pintu::cli

// pintu reindex, and the helper other commands use to bring the search index up to date.
#include <chrono>
#include <iostream>

#include "actions/search_sync.h"
#include "cli/commands.h"

namespace pintu::cli {
namespace {

// Prints "\r  <label> <done> / <total>" at most ten times a second.
actions::SearchSync::Progress ProgressPrinter(std::string label) {
  auto last = std::make_shared<std::chrono::steady_clock::time_point>();
  return [label = std::move(label), last](int64_t done, int64_t total) {
    auto now = std::chrono::steady_clock::now();
    if (done < total && now - *last < std::chrono::milliseconds(100)) return;
    *last = now;
    std::cerr << "\r  " << label << " " << done << " / " << total << std::flush;
    if (done >= total) std::cerr << "\n";
  };
}

int Reindex(Globals& g) {
  if (!Resolve(g)) return 2;
  auto store = OpenConfiguredStore(g.config);
  if (!store) return 1;
  auto t0 = std::chrono::steady_clock::now();
  std::cerr << "Rebuilding the search index " << g.config.SearchIndexDir() << " from the store\n";
  auto n = actions::RebuildSearchIndex(*store, g.config, ProgressPrinter("indexed datasets"));
  if (!n) {
    PrintError(n.error());
    return 1;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "Indexed " << *n << " datasets (" << ms << " ms).\n";
  return 0;
}

}  // namespace

std::unique_ptr<actions::SearchSync> OpenSearchIndex(Store& store, const Config& config, bool quiet_when_busy) {
  auto sync = actions::SearchSync::OpenConfigured(store, config);
  if (!sync) {
    if (quiet_when_busy && sync.error().code == ErrorCode::kConflict) {
      std::cerr << "note: the search index is open in a running server, which will index these changes\n";
      return nullptr;
    }
    PrintError(sync.error());
    return nullptr;
  }
  if ((*sync)->Behind()) {
    auto n = (*sync)->CatchUp(ProgressPrinter("search index: applied changes"));
    if (!n) {
      PrintError(n.error());
      return nullptr;
    }
  }
  return std::move(*sync);
}

void AddSearchCommands(CLI::App& app, Globals& g, int& exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "reindex", "Rebuild the search index from the store (stop `pintu serve` first)");
  cmd->callback([&g, &exit_code] { exit_code = Reindex(g); });
}

}  // namespace pintu::cli

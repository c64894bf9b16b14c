// pintu serve: runs the HTTP server (optionally loading the demo catalog first).
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "actions/accounts.h"
#include "actions/check_handlers.h"
#include "actions/quality_scores.h"
#include "actions/software.h"
#include "actions/software_crawl.h"
#include "core/time.h"
#include "core/clock.h"
#include "actions/demo_catalog.h"
#include "core/ids.h"
#include "actions/search_sync.h"
#include "cli/commands.h"
#include "cli/periodic_task.h"
#include "http/access_log.h"
#include "http/metrics.h"
#include "http/server.h"
#include "http/site.h"
#include "jobs/runtime.h"

namespace pintu::cli {
namespace {

struct ServeOptions {
  std::string listen;
  bool demo = false;
  std::string demo_dir = "demo";
  int threads = 0;
  bool no_access_log = false;
  bool no_jobs = false;
};

bool SplitListen(const std::string& listen, std::string& host, uint16_t& port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  std::string p = listen.substr(colon + 1);
  if (p.empty() || p.size() > 5) return false;
  unsigned v = 0;
  for (char c : p) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  if (v > 65535) return false;
  port = static_cast<uint16_t>(v);
  return true;
}

// Loads the demo into an empty store and creates the demo admin with a token.
bool LoadDemoIfEmpty(Store& store, const Config& config, const std::string& demo_dir) {
  auto stats = store.Stats();
  if (!stats) {
    PrintError(stats.error());
    return false;
  }
  if (stats->datasets > 0 || stats->organizations > 0) {
    std::cout << "Data directory already holds a catalog; not loading the demo again.\n";
    return true;
  }
  actions::Context ctx{store, Identity::System(), config};
  auto t0 = std::chrono::steady_clock::now();
  auto summary = actions::LoadDemoCatalog(ctx, demo_dir);
  if (!summary) {
    PrintError(summary.error());
    return false;
  }
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  std::cout << "Loaded the demo catalog: " << summary->organizations << " organizations, "
            << summary->topics << " topics, " << summary->datasets << " datasets, "
            << summary->files << " files, " << summary->software << " public code entries, " << summary->adoptions
            << " adoptions (" << ms << " ms).\n";
  // First quality scores from the metadata; the check jobs rescore as files are read.
  auto scored = actions::RescoreAllDatasets(store, config, SystemClock().NowMillis());
  if (!scored) {
    PrintError(scored.error());
    return false;
  }
  std::cout << "Scored " << *scored << " datasets (quality, FAIR, AI-readiness).\n";
  auto admin = actions::CreateUser(ctx, {"admin", "Demo administrator", "admin@example.org", "", true});
  if (!admin) {
    PrintError(admin.error());
    return false;
  }
  auto token = actions::CreateToken(ctx, "admin", "demo");
  if (!token) {
    PrintError(token.error());
    return false;
  }
  std::cout << "Demo admin token (sysadmin; send as the Authorization header):\n  " << token->secret << "\n";
  // An agency data steward who signs in to the portal with a password.
  std::string password = RandomHex(8);
  auto steward = actions::CreateUser(ctx, {"steward", "臺北市政府衛生局資料管理員", "steward@example.org", password, false});
  if (!steward) {
    PrintError(steward.error());
    return false;
  }
  if (auto m = actions::SetMembership(ctx, "taipei-health", "steward", MemberRole::kEditor); !m) {
    PrintError(m.error());
    return false;
  }
  std::cout << "Demo agency editor (Department of Health, Taipei City) for " << config.EffectiveSiteUrl()
            << "/login:\n  user steward, password " << password << "\n";
  return true;
}

int Serve(Globals& g, const ServeOptions& o) {
  if (!Resolve(g)) return 2;
  Config& config = g.config;
  if (!o.listen.empty()) config.listen = o.listen;
  if (o.threads > 0) config.threads = o.threads;
  if (o.no_access_log) config.access_log = false;
  http::ServerOptions so;
  if (!SplitListen(config.listen, so.host, so.port)) {
    std::cerr << "error: --listen must be HOST:PORT, got \"" << config.listen << "\"\n";
    return 2;
  }
  auto store = OpenConfiguredStore(config);
  if (!store) return 1;
  if (o.demo && !LoadDemoIfEmpty(*store, config, o.demo_dir)) return 1;
  auto search = OpenSearchIndex(*store, config, false);
  if (!search) return 1;

  so.threads = config.threads;
  so.max_body_bytes = config.max_body_bytes;
  so.max_header_bytes = config.max_header_bytes;
  so.read_timeout = std::chrono::seconds(config.read_timeout_s);
  so.shutdown_grace = std::chrono::seconds(config.shutdown_grace_s);
  http::Metrics metrics;
  std::unique_ptr<http::AccessLog> access_log;
  if (config.access_log) {
    std::string err;
    access_log = http::AccessLog::OpenFile(config.data_dir + "/access.log", &err);
    if (!access_log) std::cerr << "warning: access log disabled: " << err << "\n";
  }
  http::Site site(*store, config, metrics, search.get());
  http::Server server(so, site.BuildRouter(), metrics, access_log.get());
  if (auto ok = server.Start(); !ok) {
    PrintError(ok.error());
    return 1;
  }
  // With --listen HOST:0 the kernel picked the port: links must name the real one.
  if (config.site_url.empty() && so.port == 0) {
    std::string host = so.host.find(':') != std::string::npos ? "[" + so.host + "]" : so.host;
    config.site_url = "http://" + host + ":" + std::to_string(server.port());
  }
  // Between requests, keep the index current with writes of other processes and copy
  // view/download counters into it (for sorting by popularity).
  PeriodicTask index_upkeep(std::chrono::seconds(config.search_refresh_s), [&search] {
    if (search->Behind()) {
      if (auto ok = search->CatchUp(); !ok) std::cerr << "warning: search index: " << ok.error().message << "\n";
    }
    if (auto ok = search->RefreshPopularity(); !ok)
      std::cerr << "warning: search index popularity: " << ok.error().message << "\n";
  });
  // Background jobs: the resource checks (links and contents) and their schedules.
  // With --no-jobs this process leaves the queue alone (another process may run it).
  std::unique_ptr<jobs::JobRuntime> job_runtime;
  if (!o.no_jobs) {
    jobs::HandlerRegistry handlers;
    actions::RegisterCheckHandlers(handlers, *store, config);
    actions::RegisterScoreHandler(handlers, *store, config);
    actions::RegisterSoftwareCrawlHandler(handlers, *store, config);
    auto schedules = jobs::ResourceCheckSchedules(config);
    schedules.push_back(actions::SoftwareCrawlSchedule(config));
    job_runtime = jobs::JobRuntime::Start(*store, config, std::move(handlers), std::move(schedules));
  }
  // Maintenance statuses move with the calendar (contracts end, a year passes without
  // commits): store the new ones hourly so that search facets follow.
  std::unique_ptr<PeriodicTask> status_upkeep;
  if (!o.no_jobs)
    status_upkeep = std::make_unique<PeriodicTask>(std::chrono::hours(1), [&store] {
      if (auto moved = actions::RefreshMaintenanceStatuses(*store, TodayIso()); !moved)
        std::cerr << "warning: maintenance statuses: " << moved.error().message << "\n";
    });
  std::cout << "Pintu is serving " << config.EffectiveSiteUrl() << "/ (listening on " << so.host << ":"
            << server.port() << ", " << so.threads << " threads)\n"
            << "  CKAN API: " << config.EffectiveSiteUrl() << "/api/3/action/package_search?q=長照\n"
            << std::flush;
  if (job_runtime)
    std::cout << "  Background checks: " << std::max(1, config.jobs_workers) << " worker(s); links every "
              << config.check_links_interval_h << " h, files every " << config.check_contents_interval_h
              << " h, repositories every " << config.software_crawl_interval_h << " h\n"
              << std::flush;
  server.Run();
  // Running checks are asked to stop; an unfinished one goes back to the queue.
  if (job_runtime) job_runtime->Stop();
  if (access_log) access_log->Flush();
  std::cout << "Pintu stopped.\n";
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, Globals& g, int& exit_code) {
  auto opts = std::make_shared<ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Run the web server (CKAN API, downloads, metrics)");
  cmd->add_option("--listen", opts->listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  cmd->add_flag("--demo", opts->demo, "Load the demo catalog first when the data directory is empty");
  cmd->add_option("--demo-dir", opts->demo_dir, "Folder of the demo catalog (default ./demo)");
  cmd->add_option("--threads", opts->threads, "Server threads (default 2)")->check(CLI::Range(1, 256));
  cmd->add_flag("--no-access-log", opts->no_access_log, "Do not write data-dir/access.log");
  cmd->add_flag("--no-jobs", opts->no_jobs,
                "Run no background jobs (link and file checks) in this process; they wait in the queue");
  cmd->callback([&g, &exit_code, opts] { exit_code = Serve(g, *opts); });
}

}  // namespace pintu::cli

#include "cli/config_loader.h"

#include <cstdlib>
#include <toml++/toml.h>

namespace pintu::cli {
namespace {

Result<int64_t> ParsePositive(std::string_view name, std::string_view text) {
  Error bad = Error::Invalid(std::string(name), "Must be a positive whole number");
  bad.message = std::string(name) + " must be a positive whole number, not \"" + std::string(text) + "\"";
  int64_t v = 0;
  if (text.empty() || text.size() > 15) return std::unexpected(bad);
  for (char c : text) {
    if (c < '0' || c > '9') return std::unexpected(bad);
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::unexpected(bad);
  return v;
}

Error KeyError(const std::string& path, const std::string& key, const std::string& what) {
  Error e = Error::Invalid(key, what);
  e.message = path + ": " + key + " " + what;
  return e;
}

}  // namespace

Result<void> LoadConfigFile(const std::string& path, Config& config) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return std::unexpected(Error::BadRequest("Cannot read config " + path + ": " + std::string(e.description()) +
                                             " (line " + std::to_string(e.source().begin.line) + ")"));
  }
  auto apply = [&](const std::string& key, const toml::node& node) -> Result<void> {
    auto str = [&](std::string& out) -> Result<void> {
      auto v = node.value<std::string>();
      if (!v) return std::unexpected(KeyError(path, key, "must be a string"));
      out = *v;
      return {};
    };
    auto integer = [&](auto& out) -> Result<void> {
      auto v = node.value<int64_t>();
      if (!v || *v <= 0) return std::unexpected(KeyError(path, key, "must be a positive integer"));
      out = static_cast<std::remove_reference_t<decltype(out)>>(*v);
      return {};
    };
    auto boolean = [&](bool& out) -> Result<void> {
      auto v = node.value<bool>();
      if (!v) return std::unexpected(KeyError(path, key, "must be true or false"));
      out = *v;
      return {};
    };
    if (key == "data_dir") return str(config.data_dir);
    if (key == "store") return str(config.store_url);
    if (key == "listen") return str(config.listen);
    if (key == "site_url") return str(config.site_url);
    if (key == "site_title_zh") return str(config.site_title_zh);
    if (key == "site_title_en") return str(config.site_title_en);
    if (key == "threads") return integer(config.threads);
    if (key == "max_body_bytes") return integer(config.max_body_bytes);
    if (key == "max_upload_bytes") return integer(config.max_upload_bytes);
    if (key == "read_timeout_s") return integer(config.read_timeout_s);
    if (key == "shutdown_grace_s") return integer(config.shutdown_grace_s);
    if (key == "access_log") return boolean(config.access_log);
    if (key == "allow_private_urls") return boolean(config.allow_private_urls);
    if (key == "fetch_allow_loopback") return boolean(config.fetch_allow_loopback);
    if (key == "fetch_allow_private") return boolean(config.fetch_allow_private);
    if (key == "fetch_max_bytes") return integer(config.fetch_max_bytes);
    if (key == "fetch_timeout_s") return integer(config.fetch_timeout_s);
    if (key == "fetch_connect_timeout_s") return integer(config.fetch_connect_timeout_s);
    if (key == "fetch_max_redirects") return integer(config.fetch_max_redirects);
    if (key == "synonyms_file") return str(config.synonyms_file);
    if (key == "search_refresh_s") return integer(config.search_refresh_s);
    if (key == "jobs_workers") return integer(config.jobs_workers);
    if (key == "jobs_max_attempts") return integer(config.jobs_max_attempts);
    if (key == "jobs_backoff_base_s") return integer(config.jobs_backoff_base_s);
    if (key == "jobs_backoff_cap_s") return integer(config.jobs_backoff_cap_s);
    if (key == "jobs_lease_s") return integer(config.jobs_lease_s);
    if (key == "jobs_tick_s") return integer(config.jobs_tick_s);
    if (key == "jobs_retention_days") return integer(config.jobs_retention_days);
    if (key == "check_links_interval_h") return integer(config.check_links_interval_h);
    if (key == "check_contents_interval_h") return integer(config.check_contents_interval_h);
    if (key == "check_history_keep") return integer(config.check_history_keep);
    if (key == "software_crawl_interval_h") return integer(config.software_crawl_interval_h);
    if (key == "code_allow_file_urls") return boolean(config.code_allow_file_urls);
    if (key == "code_max_repository_bytes") return integer(config.code_max_repository_bytes);
    return std::unexpected(KeyError(path, key, "is not a known setting"));
  };
  for (const auto& [k, node] : root) {
    std::string key(k.str());
    if (const toml::table* section = node.as_table(); section && (key == "server" || key == "site" || key == "store" || key == "search" || key == "fetch" || key == "jobs" || key == "code")) {
      for (const auto& [k2, n2] : *section)
        if (auto ok = apply(std::string(k2.str()), n2); !ok) return ok;
      continue;
    }
    if (auto ok = apply(key, node); !ok) return ok;
  }
  return {};
}

Result<void> ApplyEnvironment(Config& config) {
  auto env = [](const char* name) -> std::optional<std::string> {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  };
  if (auto v = env("PINTU_DATA_DIR")) config.data_dir = *v;
  if (auto v = env("PINTU_STORE")) config.store_url = *v;
  if (auto v = env("PINTU_LISTEN")) config.listen = *v;
  if (auto v = env("PINTU_SITE_URL")) config.site_url = *v;
  if (auto v = env("PINTU_SYNONYMS_FILE")) config.synonyms_file = *v;
  if (auto v = env("PINTU_THREADS")) {
    auto n = ParsePositive("PINTU_THREADS", *v);
    if (!n) return std::unexpected(n.error());
    config.threads = static_cast<int>(*n);
  }
  if (auto v = env("PINTU_JOBS_WORKERS")) {
    auto n = ParsePositive("PINTU_JOBS_WORKERS", *v);
    if (!n) return std::unexpected(n.error());
    config.jobs_workers = static_cast<int>(*n);
  }
  if (auto v = env("PINTU_ALLOW_PRIVATE_URLS")) config.allow_private_urls = (*v == "1" || *v == "true");
  if (auto v = env("PINTU_FETCH_ALLOW_LOOPBACK")) config.fetch_allow_loopback = (*v == "1" || *v == "true");
  if (auto v = env("PINTU_FETCH_ALLOW_PRIVATE")) config.fetch_allow_private = (*v == "1" || *v == "true");
  return {};
}

}  // namespace pintu::cli

// Configuration from a TOML file, PINTU_* environment variables and flags, in
// that order of precedence (flags win).
#pragma once

#include <string>

#include "core/config.h"
#include "core/error.h"

namespace pintu::cli {

// Reads `path` (TOML) into `config`. Keys: data_dir, store, listen, site_url, threads,
// access_log, allow_private_urls, max_body_bytes, max_upload_bytes, read_timeout_s,
// shutdown_grace_s, site_title_zh, site_title_en, fetch_allow_loopback, fetch_allow_private,
// fetch_max_bytes, fetch_timeout_s, fetch_connect_timeout_s, fetch_max_redirects (top level
// or under [server]/[site]/[store]/[search]/[fetch]).
// Unknown keys are an error naming the key, so typos do not pass silently.
Result<void> LoadConfigFile(const std::string& path, Config& config);
// Applies PINTU_DATA_DIR, PINTU_STORE, PINTU_LISTEN, PINTU_SITE_URL, PINTU_THREADS,
// PINTU_ALLOW_PRIVATE_URLS, PINTU_FETCH_ALLOW_LOOPBACK, PINTU_FETCH_ALLOW_PRIVATE when set.
Result<void> ApplyEnvironment(Config& config);

}  // namespace pintu::cli

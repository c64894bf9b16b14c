// Run-time configuration shared by every face. Loaded by cli/ from a TOML file,
// PINTU_* environment variables and flags (later sources win).
#pragma once

#include <cstdint>
#include <string>

namespace pintu {

struct Config {
  std::string data_dir = "./pintu-data";   // SQLite file, uploads, search index
  std::string store_url;                   // empty = sqlite:<data_dir>/pintu.db
  std::string listen = "127.0.0.1:8080";   // HOST:PORT for `pintu serve`
  std::string site_url;                    // public base URL; empty = http://<listen>
  std::string site_title_zh = "Pintu 拼圖 開放資料平臺";
  std::string site_title_en = "Pintu Open Data Portal";
  int threads = 2;                         // server threads
  uint64_t max_body_bytes = 64ull << 20;   // largest accepted request body (uploads)
  uint64_t max_json_bytes = 16ull << 20;   // largest accepted JSON action body
  uint64_t max_header_bytes = 16ull << 10;
  int read_timeout_s = 30;
  int shutdown_grace_s = 10;
  bool access_log = true;
  // Outgoing fetches to user-supplied URLs refuse loopback/private/link-local
  // addresses unless this is true (tests set it for loopback).
  // Older spelling: true allows both loopback and private targets (as fetch_allow_*).
  bool allow_private_urls = false;
  // Outgoing fetches (docs/fetch.md): allowances of the address guard and limits.
  bool fetch_allow_loopback = false;       // allow 127.0.0.0/8 and ::1
  bool fetch_allow_private = false;        // allow 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7
  uint64_t fetch_max_bytes = 1ull << 30;   // largest body fetched from a URL
  int fetch_timeout_s = 300;               // whole fetch, redirects included
  int fetch_connect_timeout_s = 10;        // each connection
  int fetch_max_redirects = 5;             // redirects followed
  uint64_t max_upload_bytes = 64ull << 20;
  // Synonyms and abbreviations for search (TSV); empty = <data_dir>/synonyms.tsv, which
  // is created from the built-in list on first start and may be edited (restart to apply).
  std::string synonyms_file;
  int search_refresh_s = 60;  // how often a server refreshes popularity in its index

  // Background jobs (docs/jobs.md).
  int jobs_workers = 1;                 // worker threads per process
  int jobs_max_attempts = 5;            // runs before a job is dead
  int jobs_backoff_base_s = 60;         // retry delay after the first failure (doubles, with jitter)
  int jobs_backoff_cap_s = 21600;       // longest retry delay (6 h)
  int jobs_lease_s = 300;               // a worker's claim on a job lasts this long unless renewed
  int jobs_tick_s = 300;                // how often the scheduler looks for due work
  int jobs_retention_days = 30;         // finished jobs are deleted after this many days
  int check_links_interval_h = 24;      // re-check every resource's link this often
  int check_contents_interval_h = 168;  // re-check every resource's file this often (weekly)
  int check_history_keep = 100;         // check results kept per resource and kind

  // Public code registry (docs/publiccode.md).
  int software_crawl_interval_h = 24;   // re-crawl every registered repository this often
  bool code_allow_file_urls = false;    // accept file:// repository URLs (tests, local mirrors)
  int64_t code_max_repository_bytes = 512LL << 20;  // a clone larger than this is aborted

  // The store URL to open: store_url, or the SQLite file in data_dir.
  std::string EffectiveStoreUrl() const {
    return store_url.empty() ? "sqlite:" + data_dir + "/pintu.db" : store_url;
  }
  // The public base URL without a trailing slash.
  std::string EffectiveSiteUrl() const {
    std::string s = site_url.empty() ? "http://" + listen : site_url;
    while (!s.empty() && s.back() == '/') s.pop_back();
    return s;
  }
  std::string UploadDir() const { return data_dir + "/uploads"; }
  std::string SearchIndexDir() const { return data_dir + "/search"; }
  std::string GitCacheDir() const { return data_dir + "/git-cache"; }
  std::string EffectiveSynonymsFile() const {
    return synonyms_file.empty() ? data_dir + "/synonyms.tsv" : synonyms_file;
  }
};

}  // namespace pintu

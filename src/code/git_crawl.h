// Crawling a public code repository: a bare clone (first time) or a fetch (later) into a
// cache folder, then the facts the public-code pages need read from HEAD — the
// publiccode.yml, the file list, a few small documents, the commit history and the tags.
//
// Only https://, http:// and (for tests and administrators) file:// URLs are crawled. The
// host is resolved first and every address is judged by fetch/address_guard.h, so a
// repository URL cannot make the server talk to itself, to the office network or to a cloud
// metadata service. libgit2 stays inside git_crawl.cc.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "fetch/address_guard.h"
#include "formats/publiccode/yaml_tree.h"

namespace pintu::code {

// Default caps of one crawl (see CrawlOptions), the tag cap and the size of a document read.
inline constexpr std::size_t kMaxPaths = 50'000;
inline constexpr std::size_t kMaxCommits = 20'000;
inline constexpr std::size_t kMaxTags = 10'000;
inline constexpr std::size_t kMaxDocumentBytes = 256 * 1024;

// One commit of the first-parent history: author date and author identity.
struct CommitFact {
  int64_t unix_seconds = 0;
  std::string author_email;
  std::string author_name;
};

// One tag. Annotated tags carry the tagger's time, lightweight tags the commit's time.
struct TagFact {
  std::string name;
  int64_t unix_seconds = 0;
};

// Something the crawl noticed about the repository's content that is not a failure of the
// crawl itself (e.g. a publiccode.yml symlink pointing outside the repository). Bilingual.
struct CrawlProblem {
  std::string code;  // stable: "publiccode_symlink_outside", "publiccode_too_large", …
  std::string message_en;
  std::string message_zh;
};

// What one crawl read from the repository's HEAD.
struct RepositorySnapshot {
  std::string url;             // as given
  std::string head_commit;     // 40-hex id of HEAD
  std::string default_branch;  // e.g. "main"
  // Bytes of publiccode.yml (else publiccode.yaml) at the root of HEAD; nullopt when
  // absent, unreadable (see problems) or larger than CrawlOptions::max_publiccode_bytes.
  std::optional<std::string> publiccode_yml;
  std::string publiccode_name;          // which of the two names was found ("" when none)
  std::vector<std::string> paths;       // every file path in HEAD's tree, up to max_paths
  bool paths_truncated = false;         // true when the tree had more files than max_paths
  // Small texts the readiness check reads, by path: root LICENSE*/LICENCE*/COPYING*,
  // README*, CONTRIBUTING*, SECURITY.md (also in .github/ and docs/), regular files of at
  // most kMaxDocumentBytes each.
  std::map<std::string, std::string> documents;
  std::vector<CommitFact> commits;  // newest first, first-parent walk from HEAD, ≤ max_commits
  bool commits_truncated = false;   // true when the history was longer than max_commits
  std::vector<TagFact> tags;  // ≤ kMaxTags, sorted by name
  std::vector<CrawlProblem> problems;
};

// Limits and permissions of one crawl.
struct CrawlOptions {
  std::filesystem::path cache_dir;  // bare clones live here, one folder per URL hash
  bool allow_file_urls = false;     // file:// and plain paths: tests and admins only
  bool allow_loopback = false, allow_private = false;  // passed to the address guard
  int64_t max_repository_bytes = int64_t{512} << 20;   // transfer aborted beyond
  int timeout_seconds = 300;  // transfer aborted beyond (checked while data arrives)
  // publiccode.yml larger than this is not read (default: the validator's own input limit).
  std::size_t max_publiccode_bytes = formats::publiccode::YamlLimits{}.max_bytes;
  std::size_t max_paths = kMaxPaths;      // file paths listed (the walk stops beyond)
  std::size_t max_commits = kMaxCommits;  // commits of history read
};

// Clones (first time) or fetches (later) the repository at `url` into options.cache_dir and
// reads HEAD. Refused with kBadRequest (field "repository_url"): schemes other than
// https/http (file:// and plain paths only when allowed), credentials in the URL, and
// hosts resolving to an address the guard refuses. kTooLarge when the transfer exceeds
// max_repository_bytes; kNotFound when the repository does not exist, needs credentials or is empty;
// kInternal for other network or disk failures (the message says which). Never throws.
Result<RepositorySnapshot> CrawlRepository(std::string_view url, const CrawlOptions& options);

// The parts of a repository URL the crawl acts on.
struct RepositoryUrl {
  std::string scheme;     // "https", "http" or "file"
  std::string host;       // without brackets or port; "" for file
  std::string clone_url;  // what is handed to git (a plain path becomes file://…)
};

// Checks the URL's form only (no DNS): scheme, credentials, host present, no control
// characters. Error as CrawlRepository describes.
Result<RepositoryUrl> ParseRepositoryUrl(std::string_view url, bool allow_file_urls);

// Resolves `host` and judges every address with the guard; kBadRequest (field
// "repository_url", bilingual reason) when any address is refused or nothing resolves.
// IP literals are judged without any DNS query.
Result<void> CheckRepositoryHost(std::string_view host, const fetch::AddressPolicy& policy);

// Reads `paths` (relative to the repository root) at `commit` from the clone a previous
// CrawlRepository of `url` with the same options left in the cache; no network. Paths that
// are absent, not regular files (symlinks are not followed) or larger than `max_bytes` are
// left out of the result. kNotFound when the clone or the commit is not there.
Result<std::map<std::string, std::string>> ReadFilesAtCommit(std::string_view url, const CrawlOptions& options,
                                                             std::string_view commit,
                                                             const std::vector<std::string>& paths,
                                                             std::size_t max_bytes);

}  // namespace pintu::code

// CrawlRepository: libgit2 bare clone/fetch into a cache folder, then HEAD read into a
// RepositorySnapshot. libgit2 is confined to this file.
#include "code/git_crawl.h"

#include <git2.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>

#include <fmt/format.h>

namespace pintu::code {
namespace {

// ---- libgit2 plumbing -------------------------------------------------------------------

// Initialises libgit2 once for the process and stops it from reading the user's or the
// system's git configuration (url.<x>.insteadOf could turn an https URL into ssh, and
// http.proxy would bypass the address guard).
void EnsureLibgit2() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    for (int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL,
                      GIT_CONFIG_LEVEL_PROGRAMDATA}) {
      git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
    }
  });
}

template <typename T, void (*Free)(T*)>
struct GitDeleter {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using GitPtr = std::unique_ptr<T, GitDeleter<T, Free>>;

using RepositoryPtr = GitPtr<git_repository, git_repository_free>;
using RemotePtr = GitPtr<git_remote, git_remote_free>;
using CommitPtr = GitPtr<git_commit, git_commit_free>;
using TreePtr = GitPtr<git_tree, git_tree_free>;
using TreeEntryPtr = GitPtr<git_tree_entry, git_tree_entry_free>;
using BlobPtr = GitPtr<git_blob, git_blob_free>;
using ObjectPtr = GitPtr<git_object, git_object_free>;
using RevwalkPtr = GitPtr<git_revwalk, git_revwalk_free>;
using OdbPtr = GitPtr<git_odb, git_odb_free>;
using ReferencePtr = GitPtr<git_reference, git_reference_free>;

std::string LastGitError() {
  const git_error* e = git_error_last();
  return e != nullptr && e->message != nullptr ? e->message : "unknown libgit2 error";
}

Error GitFailure(std::string_view doing, std::string_view doing_zh) {
  Error error = Error::Internal(fmt::format("Could not {} the repository: {}", doing, LastGitError()));
  error.fields.push_back(FieldError{"repository_url", error.message,
                                    fmt::format("無法{}儲存庫：{}", doing_zh, LastGitError())});
  return error;
}

std::string OidHex(const git_oid& oid) {
  char buffer[GIT_OID_HEXSZ + 1] = {};
  git_oid_tostr(buffer, sizeof buffer, &oid);
  return buffer;
}

bool LooksLikeMissingRepository(std::string_view message) {
  for (std::string_view sign : {"could not find repository", "not found", "status code: 404", "status code: 401",
                                "status code: 403", "authentication", "credential"}) {
    if (message.find(sign) != std::string_view::npos) return true;
  }
  return false;
}

// ---- transfer limits --------------------------------------------------------------------

// Shared by the transfer callbacks: why the transfer was stopped, if it was.
struct TransferGuard {
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  int64_t max_bytes = 0;
  int timeout_seconds = 0;
  bool too_large = false;
  bool timed_out = false;

  // Returns false (stop) when a limit is exceeded.
  bool Check(std::size_t received_bytes) {
    if (max_bytes > 0 && static_cast<int64_t>(received_bytes) > max_bytes) {
      too_large = true;
      return false;
    }
    const auto elapsed = std::chrono::steady_clock::now() - started;
    if (timeout_seconds > 0 && elapsed > std::chrono::seconds(timeout_seconds)) {
      timed_out = true;
      return false;
    }
    return true;
  }
};

int OnTransferProgress(const git_indexer_progress* stats, void* payload) {
  return static_cast<TransferGuard*>(payload)->Check(stats->received_bytes) ? 0 : -1;
}

int OnSidebandProgress(const char*, int, void* payload) {
  return static_cast<TransferGuard*>(payload)->Check(0) ? 0 : -1;
}

// Refuses every credential request: public repositories need none.
int OnCredentials(git_credential**, const char*, const char*, unsigned int, void*) {
  return GIT_PASSTHROUGH;
}

git_remote_callbacks Callbacks(TransferGuard* guard) {
  git_remote_callbacks callbacks = GIT_REMOTE_CALLBACKS_INIT;
  callbacks.transfer_progress = &OnTransferProgress;
  callbacks.sideband_progress = &OnSidebandProgress;
  callbacks.credentials = &OnCredentials;
  callbacks.payload = guard;
  return callbacks;
}

Error LimitError(const TransferGuard& guard, const CrawlOptions& options) {
  if (guard.too_large) {
    Error error = Error::TooLarge(fmt::format("The repository is larger than the limit of {} MiB.",
                                              options.max_repository_bytes / (1024 * 1024)));
    error.fields.push_back(FieldError{"repository_url", error.message,
                                      fmt::format("儲存庫超過 {} MiB 的上限。", options.max_repository_bytes / (1024 * 1024))});
    return error;
  }
  Error error = Error::Internal(fmt::format("Fetching the repository took longer than {} seconds.", options.timeout_seconds));
  error.fields.push_back(FieldError{"repository_url", error.message,
                                    fmt::format("下載儲存庫超過 {} 秒。", options.timeout_seconds)});
  return error;
}

// ---- cache folder -----------------------------------------------------------------------

std::filesystem::path CacheFolder(const CrawlOptions& options, const std::string& clone_url) {
  git_oid hash;
  git_odb_hash(&hash, clone_url.data(), clone_url.size(), GIT_OBJECT_BLOB);
  return options.cache_dir / ("repo-" + OidHex(hash));
}

// The cache folder records the URL it was cloned from under this configuration key (a plain
// value: libgit2 1.5 leaks memory in the regex lookups that named remotes go through).
constexpr char kCrawledUrlKey[] = "pintu.crawledurl";

std::optional<std::string> CrawledUrl(git_repository* repo) {
  git_config* config = nullptr;
  if (git_repository_config(&config, repo) != 0) return std::nullopt;
  git_buf value = GIT_BUF_INIT;
  std::optional<std::string> out;
  if (git_config_get_string_buf(&value, config, kCrawledUrlKey) == 0) out = std::string(value.ptr, value.size);
  git_buf_dispose(&value);
  git_config_free(config);
  return out;
}

// Opens the cached bare clone of `clone_url`, or creates an empty one that records the URL.
Result<RepositoryPtr> OpenOrCreateCache(const std::filesystem::path& folder, const std::string& clone_url,
                                        bool* created) {
  *created = false;
  std::error_code ec;
  if (std::filesystem::exists(folder, ec)) {
    git_repository* raw = nullptr;
    if (git_repository_open_bare(&raw, folder.c_str()) == 0) {
      RepositoryPtr repo(raw);
      if (CrawledUrl(repo.get()) == clone_url) return repo;
    }
    // A broken or foreign cache folder is rebuilt from scratch.
    std::filesystem::remove_all(folder, ec);
  }
  std::filesystem::create_directories(folder.parent_path(), ec);
  git_repository* raw = nullptr;
  if (git_repository_init(&raw, folder.c_str(), /*is_bare=*/1) != 0) {
    return std::unexpected(GitFailure("create a cache folder for", "建立快取資料夾給"));
  }
  RepositoryPtr repo(raw);
  git_config* config = nullptr;
  const bool recorded = git_repository_config(&config, repo.get()) == 0 &&
                        git_config_set_string(config, kCrawledUrlKey, clone_url.c_str()) == 0;
  git_config_free(config);
  if (!recorded) return std::unexpected(GitFailure("set up", "設定"));
  *created = true;
  return repo;
}

// An in-memory remote for `clone_url` whose branches land in refs/heads/* (so HEAD can
// name the default branch). No url.<x>.insteadOf rewriting.
Result<RemotePtr> MirrorRemote(git_repository* repo, const std::string& clone_url) {
  git_remote_create_options create = GIT_REMOTE_CREATE_OPTIONS_INIT;
  create.repository = repo;
  create.name = nullptr;  // anonymous: nothing written to the configuration
  create.fetchspec = "+refs/heads/*:refs/heads/*";
  create.flags = GIT_REMOTE_CREATE_SKIP_INSTEADOF;
  git_remote* raw = nullptr;
  if (git_remote_create_with_opts(&raw, clone_url.c_str(), &create) != 0) return std::unexpected(GitFailure("open", "開啟"));
  return RemotePtr(raw);
}

// Connects, picks the default branch from the advertised HEAD, downloads, updates refs and
// points the cache's HEAD at the default branch. Returns the branch name.
Result<std::string> FetchInto(git_repository* repo, const std::string& clone_url, const CrawlOptions& options) {
  auto remote = MirrorRemote(repo, clone_url);
  if (!remote) return std::unexpected(remote.error());
  TransferGuard guard;
  guard.max_bytes = options.max_repository_bytes;
  guard.timeout_seconds = options.timeout_seconds;

  git_remote_connect_options connect = GIT_REMOTE_CONNECT_OPTIONS_INIT;
  connect.callbacks = Callbacks(&guard);
  connect.follow_redirects = GIT_REMOTE_REDIRECT_NONE;  // a redirect could lead past the guard
  if (git_remote_connect_ext(remote->get(), GIT_DIRECTION_FETCH, &connect) != 0) {
    if (guard.too_large || guard.timed_out) return std::unexpected(LimitError(guard, options));
    // libgit2 reports both "no such repository" and "connection refused" as OS errors, so
    // the message decides: a missing path, HTTP 404 or a request for credentials (private
    // repositories look missing) is kNotFound; anything else (DNS, connect, TLS) kInternal.
    Error error = GitFailure("reach", "連線到");
    if (LooksLikeMissingRepository(LastGitError())) error.code = ErrorCode::kNotFound;
    return std::unexpected(error);
  }
  const git_remote_head** heads = nullptr;
  size_t head_count = 0;
  if (git_remote_ls(&heads, &head_count, remote->get()) != 0) return std::unexpected(GitFailure("list", "列出"));
  std::string branch_ref;
  const git_remote_head* head = nullptr;
  for (size_t i = 0; i < head_count; ++i) {
    if (std::string_view(heads[i]->name) == "HEAD") head = heads[i];
  }
  if (head != nullptr && head->symref_target != nullptr && std::string_view(head->symref_target).starts_with("refs/heads/")) {
    branch_ref = head->symref_target;
  } else {
    // No symref advertised: the branch HEAD points at, preferring main and master.
    for (size_t i = 0; i < head_count; ++i) {
      const std::string_view name(heads[i]->name);
      if (!name.starts_with("refs/heads/")) continue;
      if (head != nullptr && !git_oid_equal(&heads[i]->oid, &head->oid)) continue;
      if (branch_ref.empty() || name == "refs/heads/main" || name == "refs/heads/master") branch_ref = name;
    }
  }
  if (branch_ref.empty()) {
    Error error = Error::NotFound("Repository branch");
    error.message = "The repository is empty (it has no branch).";
    error.fields.push_back(FieldError{"repository_url", error.message, "儲存庫是空的（沒有任何分支）。"});
    return std::unexpected(error);
  }

  git_fetch_options fetch = GIT_FETCH_OPTIONS_INIT;
  fetch.callbacks = Callbacks(&guard);
  fetch.follow_redirects = GIT_REMOTE_REDIRECT_NONE;
  fetch.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_ALL;
  fetch.prune = GIT_FETCH_PRUNE;
  if (git_remote_download(remote->get(), nullptr, &fetch) != 0) {
    if (guard.too_large || guard.timed_out) return std::unexpected(LimitError(guard, options));
    return std::unexpected(GitFailure("download", "下載"));
  }
  git_remote_callbacks callbacks = Callbacks(&guard);
  if (git_remote_update_tips(remote->get(), &callbacks, 1, GIT_REMOTE_DOWNLOAD_TAGS_ALL, nullptr) != 0) {
    return std::unexpected(GitFailure("update", "更新"));
  }
  git_remote_prune(remote->get(), &callbacks);  // best effort: stale branches only
  git_remote_disconnect(remote->get());
  if (git_repository_set_head(repo, branch_ref.c_str()) != 0) return std::unexpected(GitFailure("read HEAD of", "讀取 HEAD："));
  return branch_ref.substr(std::string_view("refs/heads/").size());
}

// ---- reading HEAD -----------------------------------------------------------------------

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  std::ranges::transform(out, out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// Size of a blob without inflating it.
std::optional<std::size_t> BlobSize(git_repository* repo, const git_oid& oid) {
  git_odb* odb_raw = nullptr;
  if (git_repository_odb(&odb_raw, repo) != 0) return std::nullopt;
  OdbPtr odb(odb_raw);
  size_t size = 0;
  git_object_t type = GIT_OBJECT_INVALID;
  if (git_odb_read_header(&size, &type, odb.get(), &oid) != 0 || type != GIT_OBJECT_BLOB) return std::nullopt;
  return size;
}

std::optional<std::string> ReadBlob(git_repository* repo, const git_oid& oid) {
  git_blob* raw = nullptr;
  if (git_blob_lookup(&raw, repo, &oid) != 0) return std::nullopt;
  BlobPtr blob(raw);
  const auto* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
  return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

bool IsRegularFile(git_filemode_t mode) { return mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE; }

// Is `name` (in folder `root`) one of the documents the readiness check reads?
bool IsReadinessDocument(std::string_view root, std::string_view name) {
  if (root != "" && root != ".github/" && root != "docs/") return false;
  const std::string lower = LowerAscii(name);
  for (std::string_view prefix : {"license", "licence", "copying", "readme", "contributing", "security"}) {
    if (lower.starts_with(prefix)) return true;
  }
  return false;
}

constexpr std::size_t kMaxDocuments = 32;

struct WalkState {
  git_repository* repo = nullptr;
  RepositorySnapshot* snapshot = nullptr;
  std::size_t max_paths = kMaxPaths;
};

int OnTreeEntry(const char* root, const git_tree_entry* entry, void* payload) {
  auto* state = static_cast<WalkState*>(payload);
  if (git_tree_entry_type(entry) != GIT_OBJECT_BLOB) return 0;  // descend into trees, skip submodules
  RepositorySnapshot& snapshot = *state->snapshot;
  if (snapshot.paths.size() >= state->max_paths) {
    snapshot.paths_truncated = true;
    return -1;  // stops the walk
  }
  const std::string_view name = git_tree_entry_name(entry);
  std::string path = std::string(root) + std::string(name);
  if (IsRegularFile(git_tree_entry_filemode(entry)) && IsReadinessDocument(root, name) &&
      snapshot.documents.size() < kMaxDocuments) {
    const auto size = BlobSize(state->repo, *git_tree_entry_id(entry));
    if (size && *size <= kMaxDocumentBytes) {
      if (auto text = ReadBlob(state->repo, *git_tree_entry_id(entry))) snapshot.documents[path] = std::move(*text);
    }
  }
  snapshot.paths.push_back(std::move(path));
  return 0;
}

void AddProblem(RepositorySnapshot& snapshot, std::string code, std::string en, std::string zh) {
  snapshot.problems.push_back(CrawlProblem{std::move(code), std::move(en), std::move(zh)});
}

// Resolves a symlink target written at the repository root to a path inside the
// repository; nullopt when it leaves the repository (absolute or too many "..").
std::optional<std::string> ResolveRootSymlink(std::string_view target) {
  if (target.empty() || target.front() == '/' || target.find('\0') != std::string_view::npos) return std::nullopt;
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= target.size()) {
    const auto end = std::min(target.find('/', start), target.size());
    const std::string_view part = target.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  if (parts.empty()) return std::nullopt;
  std::string out;
  for (const auto& part : parts) out += (out.empty() ? "" : "/") + std::string(part);
  return out;
}

// Reads publiccode.yml (else publiccode.yaml) from the root of `tree` into the snapshot.
void ReadPubliccode(git_repository* repo, git_tree* tree, const CrawlOptions& options, RepositorySnapshot& snapshot) {
  const git_tree_entry* entry = nullptr;
  for (const char* name : {"publiccode.yml", "publiccode.yaml"}) {
    entry = git_tree_entry_byname(tree, name);
    if (entry != nullptr) {
      snapshot.publiccode_name = name;
      break;
    }
  }
  if (entry == nullptr) return;
  const std::string& name = snapshot.publiccode_name;
  git_oid oid = *git_tree_entry_id(entry);
  const git_filemode_t mode = git_tree_entry_filemode(entry);
  if (mode == GIT_FILEMODE_LINK) {
    const auto link_size = BlobSize(repo, oid);
    std::optional<std::string> target;
    if (link_size && *link_size <= 4096) target = ReadBlob(repo, oid);
    const auto inside = target ? ResolveRootSymlink(*target) : std::nullopt;
    if (!inside) {
      AddProblem(snapshot, "publiccode_symlink_outside",
                 fmt::format("{} is a symbolic link that points outside the repository; it was not read.", name),
                 fmt::format("{} 是指向儲存庫外的符號連結，未讀取。", name));
      return;
    }
    git_tree_entry* resolved_raw = nullptr;
    if (git_tree_entry_bypath(&resolved_raw, tree, inside->c_str()) != 0) {
      AddProblem(snapshot, "publiccode_symlink_missing",
                 fmt::format("{} is a symbolic link to \"{}\", which does not exist in the repository.", name, *inside),
                 fmt::format("{} 是指向「{}」的符號連結，但儲存庫中沒有這個檔案。", name, *inside));
      return;
    }
    TreeEntryPtr resolved(resolved_raw);
    if (!IsRegularFile(git_tree_entry_filemode(resolved.get()))) {
      AddProblem(snapshot, "publiccode_symlink_not_file",
                 fmt::format("{} is a symbolic link to \"{}\", which is not a regular file.", name, *inside),
                 fmt::format("{} 是指向「{}」的符號連結，但它不是一般檔案。", name, *inside));
      return;
    }
    oid = *git_tree_entry_id(resolved.get());
  } else if (!IsRegularFile(mode)) {
    AddProblem(snapshot, "publiccode_not_file", fmt::format("{} is not a regular file.", name),
               fmt::format("{} 不是一般檔案。", name));
    return;
  }
  const auto size = BlobSize(repo, oid);
  if (!size) {
    AddProblem(snapshot, "publiccode_unreadable", fmt::format("{} could not be read.", name), fmt::format("無法讀取 {}。", name));
    return;
  }
  if (*size > options.max_publiccode_bytes) {
    AddProblem(snapshot, "publiccode_too_large",
               fmt::format("{} is {} bytes, more than the limit of {} bytes; it was not read.", name, *size,
                           options.max_publiccode_bytes),
               fmt::format("{} 有 {} 位元組，超過 {} 位元組的上限，未讀取。", name, *size, options.max_publiccode_bytes));
    return;
  }
  snapshot.publiccode_yml = ReadBlob(repo, oid);
}

void ReadHistory(git_repository* repo, const git_oid& head, std::size_t max_commits, RepositorySnapshot& snapshot) {
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo) != 0) return;
  RevwalkPtr walk(raw);
  git_revwalk_simplify_first_parent(walk.get());
  if (git_revwalk_push(walk.get(), &head) != 0) return;
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    if (snapshot.commits.size() >= max_commits) {
      snapshot.commits_truncated = true;
      break;
    }
    git_commit* commit_raw = nullptr;
    if (git_commit_lookup(&commit_raw, repo, &oid) != 0) break;
    CommitPtr commit(commit_raw);
    const git_signature* author = git_commit_author(commit.get());
    CommitFact fact;
    fact.unix_seconds = author != nullptr ? author->when.time : git_commit_time(commit.get());
    if (author != nullptr) {
      fact.author_email = author->email != nullptr ? author->email : "";
      fact.author_name = author->name != nullptr ? author->name : "";
    }
    snapshot.commits.push_back(std::move(fact));
  }
}

struct TagState {
  git_repository* repo = nullptr;
  std::vector<TagFact>* tags = nullptr;
};

int OnTag(const char* ref_name, git_oid* oid, void* payload) {
  auto* state = static_cast<TagState*>(payload);
  if (state->tags->size() >= kMaxTags) return 1;  // stop
  std::string_view name(ref_name);
  if (name.starts_with("refs/tags/")) name.remove_prefix(std::string_view("refs/tags/").size());
  git_object* raw = nullptr;
  if (git_object_lookup(&raw, state->repo, oid, GIT_OBJECT_ANY) != 0) return 0;
  ObjectPtr object(raw);
  std::optional<int64_t> when;
  if (git_object_type(object.get()) == GIT_OBJECT_TAG) {
    const auto* tag = reinterpret_cast<const git_tag*>(object.get());
    if (const git_signature* tagger = git_tag_tagger(tag)) when = tagger->when.time;
  }
  if (!when) {
    git_object* peeled_raw = nullptr;
    if (git_object_peel(&peeled_raw, object.get(), GIT_OBJECT_COMMIT) == 0) {
      ObjectPtr peeled(peeled_raw);
      when = git_commit_time(reinterpret_cast<const git_commit*>(peeled.get()));
    }
  }
  if (when) state->tags->push_back(TagFact{std::string(name), *when});
  return 0;
}

Result<void> ReadHead(git_repository* repo, const CrawlOptions& options, RepositorySnapshot& snapshot) {
  git_object* head_raw = nullptr;
  if (git_revparse_single(&head_raw, repo, "HEAD^{commit}") != 0) return std::unexpected(GitFailure("read HEAD of", "讀取 HEAD："));
  ObjectPtr head(head_raw);
  snapshot.head_commit = OidHex(*git_object_id(head.get()));
  git_tree* tree_raw = nullptr;
  if (git_commit_tree(&tree_raw, reinterpret_cast<const git_commit*>(head.get())) != 0) {
    return std::unexpected(GitFailure("read the files of", "讀取檔案："));
  }
  TreePtr tree(tree_raw);
  WalkState walk{repo, &snapshot, options.max_paths};
  git_tree_walk(tree.get(), GIT_TREEWALK_PRE, &OnTreeEntry, &walk);  // a stop at kMaxPaths is fine
  ReadPubliccode(repo, tree.get(), options, snapshot);
  ReadHistory(repo, *git_object_id(head.get()), options.max_commits, snapshot);
  TagState tags{repo, &snapshot.tags};
  git_tag_foreach(repo, &OnTag, &tags);
  std::ranges::sort(snapshot.tags, {}, &TagFact::name);
  return Ok();
}

}  // namespace

Result<RepositorySnapshot> CrawlRepository(std::string_view url, const CrawlOptions& options) {
  try {
    auto parsed = ParseRepositoryUrl(url, options.allow_file_urls);
    if (!parsed) return std::unexpected(parsed.error());
    if (parsed->scheme != "file") {
      fetch::AddressPolicy policy{options.allow_loopback, options.allow_private};
      if (auto ok = CheckRepositoryHost(parsed->host, policy); !ok) return std::unexpected(ok.error());
    }
    if (options.cache_dir.empty()) return std::unexpected(Error::Internal("No cache folder is configured for repository crawls."));
    EnsureLibgit2();
    const auto folder = CacheFolder(options, parsed->clone_url);
    bool created = false;
    auto repo = OpenOrCreateCache(folder, parsed->clone_url, &created);
    if (!repo) return std::unexpected(repo.error());
    auto branch = FetchInto(repo->get(), parsed->clone_url, options);
    if (!branch) {
      if (created) {
        repo->reset();
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);  // no half clone (or oversized pack) stays behind
      }
      return std::unexpected(branch.error());
    }
    RepositorySnapshot snapshot;
    snapshot.url = std::string(url);
    snapshot.default_branch = *branch;
    if (auto ok = ReadHead(repo->get(), options, snapshot); !ok) return std::unexpected(ok.error());
    return snapshot;
  } catch (const std::exception& e) {
    return std::unexpected(Error::Internal(fmt::format("Repository crawl failed: {}", e.what())));
  }
}

Result<std::map<std::string, std::string>> ReadFilesAtCommit(std::string_view url, const CrawlOptions& options,
                                                             std::string_view commit,
                                                             const std::vector<std::string>& paths,
                                                             std::size_t max_bytes) {
  try {
    auto parsed = ParseRepositoryUrl(url, options.allow_file_urls);
    if (!parsed) return std::unexpected(parsed.error());
    EnsureLibgit2();
    const auto folder = CacheFolder(options, parsed->clone_url);
    git_repository* raw_repo = nullptr;
    if (git_repository_open_bare(&raw_repo, folder.c_str()) != 0)
      return std::unexpected(Error::NotFound("Crawled repository (crawl it first)"));
    RepositoryPtr repo(raw_repo);
    git_oid oid;
    if (git_oid_fromstrn(&oid, commit.data(), commit.size()) != 0) return std::unexpected(Error::NotFound("Commit"));
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repo.get(), &oid) != 0) return std::unexpected(Error::NotFound("Commit"));
    CommitPtr head(raw_commit);
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, head.get()) != 0) return std::unexpected(GitFailure("reading the tree", "讀取檔案樹"));
    TreePtr tree(raw_tree);
    std::map<std::string, std::string> out;
    for (const auto& path : paths) {
      git_tree_entry* raw_entry = nullptr;
      if (git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str()) != 0) continue;
      TreeEntryPtr entry(raw_entry);
      if (!IsRegularFile(git_tree_entry_filemode(entry.get()))) continue;  // symlinks and folders are not followed
      auto size = BlobSize(repo.get(), *git_tree_entry_id(entry.get()));
      if (!size || *size > max_bytes) continue;
      if (auto bytes = ReadBlob(repo.get(), *git_tree_entry_id(entry.get()))) out.emplace(path, std::move(*bytes));
    }
    return out;
  } catch (const std::exception& e) {
    return std::unexpected(Error::Internal(fmt::format("Reading repository files failed: {}", e.what())));
  }
}

}  // namespace pintu::code

#include "store/sqlite/migrations.h"

#include "core/time.h"

namespace pintu::sqlite {
namespace {

// Version 1: the catalog, accounts and the activity stream.
//
// Documents are stored as canonical JSON (core/model_json.h) in `doc`; the other
// columns exist for lookups, filters, sorting, facets and the simple search, and
// are derived from the document on every write. A dataset's document holds no
// resources: they live in `resources`. Popularity counters live in their own narrow
// table so that counting a page view does not rewrite the dataset row.
//
// datasets.organization_id has no foreign key on purpose: an import may name an
// organisation that arrives later; actions check it exists.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE organizations (
  id           TEXT PRIMARY KEY,
  slug         TEXT NOT NULL UNIQUE,
  state        TEXT NOT NULL,
  level        TEXT NOT NULL,
  parent_id    TEXT,
  title_search TEXT NOT NULL,   -- lower-cased titles in every language
  doc          TEXT NOT NULL
);

CREATE TABLE topics (
  id    TEXT PRIMARY KEY,
  slug  TEXT NOT NULL UNIQUE,
  state TEXT NOT NULL,
  doc   TEXT NOT NULL
);

CREATE TABLE datasets (
  rid               INTEGER PRIMARY KEY,  -- stable row key of the side tables below
  id                TEXT NOT NULL UNIQUE,
  slug              TEXT NOT NULL UNIQUE,
  organization_id   TEXT NOT NULL,
  state             TEXT NOT NULL,
  private           INTEGER NOT NULL,
  license_id        TEXT NOT NULL,
  type              TEXT NOT NULL,
  metadata_created  TEXT NOT NULL,
  metadata_modified TEXT NOT NULL,
  title_sort        TEXT NOT NULL,  -- lower-cased zh-TW (else best) title
  tags_packed       TEXT NOT NULL,  -- "\x1fa\x1fb\x1f": exact-match lists for filters and facets
  themes_packed     TEXT NOT NULL,
  topics_packed     TEXT NOT NULL,
  formats_packed    TEXT NOT NULL   -- upper-cased formats of non-deleted resources
);
CREATE INDEX datasets_by_state_slug ON datasets(state, slug);
CREATE INDEX datasets_by_state_modified ON datasets(state, metadata_modified DESC, slug);
CREATE INDEX datasets_by_organization ON datasets(organization_id, state, private);

-- Kept apart from datasets so that scans for filters, sorting and facets stay
-- small; joined by rid only when a query needs text or the document.
CREATE TABLE dataset_texts (
  rid          INTEGER PRIMARY KEY REFERENCES datasets(rid),
  title_search TEXT NOT NULL,   -- lower-cased titles in every language
  search_text  TEXT NOT NULL    -- lower-cased slug, titles, descriptions, tags
);

CREATE TABLE dataset_documents (
  rid INTEGER PRIMARY KEY REFERENCES datasets(rid),
  doc TEXT NOT NULL
);

CREATE TABLE resources (
  id         TEXT PRIMARY KEY,
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  position   INTEGER NOT NULL,
  state      TEXT NOT NULL,
  format     TEXT NOT NULL,         -- upper-cased
  doc        TEXT NOT NULL
);
CREATE INDEX resources_by_dataset ON resources(dataset_id, position);
CREATE INDEX resources_by_state ON resources(state);

CREATE TABLE dataset_tags (
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  tag        TEXT NOT NULL,
  tag_lower  TEXT NOT NULL,
  PRIMARY KEY (dataset_id, tag)
) WITHOUT ROWID;
CREATE INDEX dataset_tags_by_tag ON dataset_tags(tag, tag_lower);  -- covers tag listing

CREATE TABLE dataset_topics (
  dataset_id TEXT NOT NULL REFERENCES datasets(id),
  topic_slug TEXT NOT NULL,
  PRIMARY KEY (dataset_id, topic_slug)
) WITHOUT ROWID;
CREATE INDEX dataset_topics_by_topic ON dataset_topics(topic_slug);

CREATE TABLE dataset_popularity (
  dataset_id TEXT PRIMARY KEY REFERENCES datasets(id),
  views      INTEGER NOT NULL DEFAULT 0,
  downloads  INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  full_name     TEXT NOT NULL,
  email         TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  sysadmin      INTEGER NOT NULL,
  state         TEXT NOT NULL,
  created       TEXT NOT NULL
);

CREATE TABLE tokens (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users(id),
  name       TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created    TEXT NOT NULL,
  last_used  TEXT NOT NULL,
  revoked    INTEGER NOT NULL
);
CREATE INDEX tokens_by_user ON tokens(user_id);

CREATE TABLE memberships (
  user_id         TEXT NOT NULL REFERENCES users(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  role            TEXT NOT NULL,
  PRIMARY KEY (user_id, organization_id)
) WITHOUT ROWID;
CREATE INDEX memberships_by_organization ON memberships(organization_id);

CREATE TABLE activities (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,  -- the store's change sequence
  id            TEXT NOT NULL UNIQUE,
  timestamp     TEXT NOT NULL,
  actor         TEXT NOT NULL,
  object_type   TEXT NOT NULL,
  object_id     TEXT NOT NULL,
  activity_type TEXT NOT NULL,
  diff_json     TEXT NOT NULL
);
CREATE INDEX activities_by_object ON activities(object_id, seq);
)sql";

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)";

Result<int> CurrentVersion(Connection& conn) {
  auto st = conn.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!st) return std::unexpected(st.error());
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  return static_cast<int>(st->Int(0));
}

// Reads the recorded version; 0 when the database is new (no migrations table).
Result<int> RecordedVersion(Connection& conn) {
  auto st = conn.Prepare(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
  if (!st) return std::unexpected(st.error());
  auto row = st->Step();
  if (!row) return std::unexpected(row.error());
  bool exists = st->Int(0) > 0;
  if (!exists) return 0;
  return CurrentVersion(conn);
}

Result<void> ApplyOne(Connection& conn, const Migration& m) {
  if (auto r = conn.Exec(m.sql); !r) {
    return std::unexpected(Error::Internal("Schema migration " + std::to_string(m.version) +
                                           " failed: " + r.error().message));
  }
  auto st = conn.Prepare("INSERT INTO schema_migrations(version, applied_at) VALUES (?, ?)");
  if (!st) return std::unexpected(st.error());
  st->Bind(m.version, NowIso());
  return st->Run();
}

// v2: package_list reads (state, slug, private) from the index alone instead of
// visiting every dataset row.
constexpr std::string_view kV2 = R"sql(
CREATE INDEX datasets_by_state_slug_private ON datasets(state, slug, private);
DROP INDEX datasets_by_state_slug;
)sql";

// v3: portal login sessions are tokens of kind 'session' that expire.
constexpr std::string_view kV3 = R"sql(
ALTER TABLE tokens ADD COLUMN kind TEXT NOT NULL DEFAULT 'api';
ALTER TABLE tokens ADD COLUMN expires TEXT NOT NULL DEFAULT '';
)sql";

// v4: the durable job queue, the history of its runs, and resource check results.
// Times are Unix milliseconds (0 = not yet). At most one active job (queued, running
// or failed awaiting a retry) per (kind, subject): the partial unique index enforces
// it even if a caller forgets to look first.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE jobs (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  kind         TEXT NOT NULL,
  subject      TEXT NOT NULL,
  payload      TEXT NOT NULL DEFAULT '{}',
  state        TEXT NOT NULL,
  priority     INTEGER NOT NULL DEFAULT 0,
  attempts     INTEGER NOT NULL DEFAULT 0,
  max_attempts INTEGER NOT NULL,
  run_after    INTEGER NOT NULL,
  lease_owner  TEXT NOT NULL DEFAULT '',
  lease_until  INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT NOT NULL DEFAULT '',
  result       TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  started_at   INTEGER NOT NULL DEFAULT 0,
  finished_at  INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX jobs_one_active ON jobs(kind, subject)
  WHERE state IN ('queued', 'running', 'failed');
CREATE INDEX jobs_runnable ON jobs(priority DESC, run_after, id)
  WHERE state IN ('queued', 'failed');
CREATE INDEX jobs_leases ON jobs(lease_until) WHERE state = 'running';
CREATE INDEX jobs_by_subject ON jobs(subject, kind, finished_at);
CREATE INDEX jobs_by_state ON jobs(state, id);
CREATE INDEX jobs_finished ON jobs(finished_at) WHERE state IN ('succeeded', 'dead');

CREATE TABLE job_runs (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  job_id      INTEGER NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
  attempt     INTEGER NOT NULL,
  worker      TEXT NOT NULL,
  started_at  INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  outcome     TEXT NOT NULL,
  error       TEXT NOT NULL DEFAULT '',
  duration_ms INTEGER NOT NULL
);
CREATE INDEX job_runs_by_job ON job_runs(job_id, id);

CREATE TABLE resource_checks (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  resource_id       TEXT NOT NULL,
  kind              TEXT NOT NULL,
  checked_at        INTEGER NOT NULL,
  valid             INTEGER,          -- 1, 0 or NULL (undecided)
  error_count       INTEGER NOT NULL DEFAULT 0,
  warning_count     INTEGER NOT NULL DEFAULT 0,
  detected_encoding TEXT NOT NULL DEFAULT '',
  detected_format   TEXT NOT NULL DEFAULT '',
  http_status       INTEGER,
  report            TEXT NOT NULL,
  job_id            INTEGER
);
CREATE INDEX resource_checks_latest ON resource_checks(resource_id, kind, checked_at DESC, id DESC);
CREATE INDEX resource_checks_by_resource ON resource_checks(resource_id, checked_at DESC, id DESC);
)sql";

// v5: dated quality score snapshots (issue 6): summary columns for dashboards, the
// whole card as JSON for the dataset page and the API.
constexpr std::string_view kV5 = R"sql(
CREATE TABLE score_snapshots (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  dataset_id      TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  level           TEXT NOT NULL,
  published       INTEGER NOT NULL,
  computed_at     INTEGER NOT NULL,
  mqa_points      REAL NOT NULL,
  fair_percent    REAL NOT NULL,
  ai_percent      REAL NOT NULL,
  mqa_rating      TEXT NOT NULL,
  badge           TEXT NOT NULL,
  five_star       INTEGER NOT NULL,
  card            TEXT NOT NULL
);
CREATE INDEX score_snapshots_latest ON score_snapshots(dataset_id, computed_at DESC, id DESC);
CREATE INDEX score_snapshots_by_time ON score_snapshots(computed_at);
)sql";

// v6: the public code registry (issue 7): software entries (document + slug), their
// dataset links (both directions are queried), every crawl or upload as a version, and
// adoptions by agencies.
constexpr std::string_view kV6 = R"sql(
CREATE TABLE software (
  id              TEXT PRIMARY KEY,
  slug            TEXT NOT NULL UNIQUE,
  organization_id TEXT NOT NULL,
  state           TEXT NOT NULL,
  doc             TEXT NOT NULL
);
CREATE INDEX software_by_org ON software(organization_id);
CREATE TABLE software_datasets (
  software_id TEXT NOT NULL,
  dataset_id  TEXT NOT NULL,
  relation    TEXT NOT NULL,
  PRIMARY KEY (software_id, dataset_id, relation)
);
CREATE INDEX software_datasets_by_dataset ON software_datasets(dataset_id);
CREATE TABLE software_versions (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  software_id      TEXT NOT NULL,
  recorded_at      TEXT NOT NULL,
  head_commit      TEXT NOT NULL DEFAULT '',
  software_version TEXT NOT NULL DEFAULT '',
  valid            INTEGER NOT NULL,
  error_count      INTEGER NOT NULL,
  warning_count    INTEGER NOT NULL,
  report           TEXT NOT NULL,
  publiccode_yml   TEXT NOT NULL,
  crawl_error      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX software_versions_by_software ON software_versions(software_id, id DESC);
CREATE TABLE adoptions (
  id              TEXT PRIMARY KEY,
  software_id     TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  state           TEXT NOT NULL,
  doc             TEXT NOT NULL
);
CREATE INDEX adoptions_by_software ON adoptions(software_id);
CREATE INDEX adoptions_by_org ON adoptions(organization_id);
)sql";

}  // namespace

const std::vector<Migration>& AllMigrations() {
  static const std::vector<Migration> migrations = {
      {1, kV1},
      {2, kV2},
      {3, kV3},
      {4, kV4},
      {5, kV5},
      {6, kV6},
  };
  return migrations;
}

int LatestSchemaVersion() { return AllMigrations().back().version; }

Result<void> ApplyMigrations(Connection& conn) {
  auto recorded = RecordedVersion(conn);
  if (!recorded) return std::unexpected(recorded.error());
  if (*recorded > LatestSchemaVersion()) {
    return std::unexpected(Error::Internal(
        "The database has schema version " + std::to_string(*recorded) +
        " but this program knows only up to " + std::to_string(LatestSchemaVersion()) +
        "; upgrade Pintu"));
  }
  // WAL is persistent in the file; switching it on again is a cheap no-op.
  if (auto r = conn.Exec("PRAGMA journal_mode = WAL;"); !r) return r;
  if (*recorded == LatestSchemaVersion()) return Ok();

  if (auto r = conn.Exec("BEGIN IMMEDIATE"); !r) return r;
  auto apply = [&]() -> Result<void> {
    if (auto r = conn.Exec(kCreateMigrationsTable); !r) return r;
    // Re-read under the write lock: another process may have migrated meanwhile.
    auto current = CurrentVersion(conn);
    if (!current) return std::unexpected(current.error());
    for (const Migration& m : AllMigrations()) {
      if (m.version <= *current) continue;
      if (auto r = ApplyOne(conn, m); !r) return r;
    }
    return Ok();
  };
  if (auto r = apply(); !r) {
    (void)conn.Exec("ROLLBACK");
    return r;
  }
  return conn.Exec("COMMIT");
}

}  // namespace pintu::sqlite

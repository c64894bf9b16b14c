// Pintu engine: builds Datasets/Organizations from catalog rows and runs SearchIndex::Search.
#include "search/pintu_engine.h"

#include <chrono>
#include <cstdio>
#include <map>

#include "formats/normalize.h"
#include "search/queries.h"
#include "search/synonyms.h"

namespace pintu::bench {
namespace {

class PintuSession : public Session {
 public:
  explicit PintuSession(search::SearchIndex& index) : index_(index) {}
  // Same query shape as package_search?q=…&rows=10: terms, score order, no facets.
  Result<Hits> Run(const std::string& query) override {
    DatasetQuery q;
    q.terms = SplitTerms(query);
    q.limit = 10;
    auto r = index_.Search(q);
    if (!r) return std::unexpected(r.error());
    Hits h;
    h.total = r->total;
    for (const auto& id : r->ids) h.top.push_back(PintuEngine::RowOf(id));
    return h;
  }

 private:
  search::SearchIndex& index_;
};

// Deterministic UUID-shaped id with `n` in the last 12 digits.
std::string UuidOf(const char* group, size_t n) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "00000000-0000-4000-%s-%012zu", group, n);
  return buf;
}

}  // namespace

std::string PintuEngine::IdOf(size_t row) { return UuidOf("8000", row); }

int64_t PintuEngine::RowOf(std::string_view id) {
  if (id.size() < 12) return -1;
  int64_t n = 0;
  for (char c : id.substr(id.size() - 12)) n = n * 10 + (c - '0');
  return n;
}

Result<std::unique_ptr<PintuEngine>> PintuEngine::Build(const Catalog& cat, const std::string& dir,
                                                        const std::string& synonyms_path,
                                                        BuildStats& stats) {
  std::unique_ptr<PintuEngine> e(new PintuEngine());
  auto normalizer = search::Normalizer::Create();
  if (!normalizer) return std::unexpected(normalizer.error());
  e->normalizer_ = std::move(*normalizer);
  auto synonyms = search::LoadSynonyms(synonyms_path);
  if (!synonyms) return std::unexpected(synonyms.error());
  e->synonym_groups_ = synonyms->size();

  // One Organization per agency, as the importer makes them.
  std::map<std::string, Organization> orgs;
  for (const auto& row : cat.rows) {
    if (orgs.contains(row.agency)) continue;
    Organization o;
    o.id = UuidOf("9000", orgs.size());
    o.slug = formats::OrgSlugForName(row.agency);
    o.title = LocalizedText::Zh(row.agency);
    o.level = formats::GuessOrgLevel(row.agency).value_or(OrgLevel::kOther);
    orgs.emplace(row.agency, std::move(o));
  }

  auto t0 = std::chrono::steady_clock::now();
  auto index = search::SearchIndex::Open(dir, e->normalizer_.get(), std::move(*synonyms));
  if (!index) return std::unexpected(index.error());
  e->index_ = std::move(*index);
  for (size_t i = 0; i < cat.rows.size(); ++i) {
    const CatalogRow& row = cat.rows[i];
    const Organization& org = orgs.at(row.agency);
    Dataset d;
    d.id = IdOf(i);
    d.slug = formats::DatagovtwListingSlug(row.agency, row.title);
    d.title = LocalizedText::Zh(row.title);
    d.organization_id = org.id;
    d.issued = row.issued;
    d.metadata_modified = row.issued.empty() ? "" : row.issued + "T00:00:00Z";
    d.views = row.views;
    d.downloads = row.downloads;
    if (auto r = e->index_->Upsert(d, org, {}); !r) return std::unexpected(r.error());
  }
  if (auto r = e->index_->Commit(); !r) return std::unexpected(r.error());
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  stats.bytes_on_disk = DiskUsage(dir);
  return e;
}

Result<std::unique_ptr<Session>> PintuEngine::NewSession() {
  return std::unique_ptr<Session>(new PintuSession(*index_));
}

}  // namespace pintu::bench

#include "actions/search_sync.h"

#include "actions/adoptions.h"
#include "actions/software_search_document.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <unistd.h>

#include "core/model_json.h"
#include "search/builtin_synonyms.h"
#include "search/normalizer.h"

namespace pintu::actions {
namespace {

namespace fs = std::filesystem;

constexpr size_t kBatch = 500;  // activities (or datasets) per index commit

// Keys of an organisation activity's diff that do not change what the index holds
// (membership changes are recorded as "changed organization").
bool OnlyMembership(const std::string& diff_json) {
  auto diff = ParseJson(diff_json);
  if (!diff || !diff->is_object()) return false;
  for (const auto& [key, value] : diff->get_object())
    if (key != "member" && key != "role") return false;
  return true;
}

// Reads the synonyms file, writing the built-in list there first when it is missing.
Result<std::vector<search::SynonymGroup>> ConfiguredSynonyms(const Config& config) {
  std::string path = config.EffectiveSynonymsFile();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    if (!config.synonyms_file.empty())
      return std::unexpected(Error::Internal("Synonyms file " + path + " does not exist"));
    fs::create_directories(fs::path(path).parent_path(), ec);
    std::ofstream out(path, std::ios::binary);
    out << search::BuiltinSynonymsTsv();
    out.close();
    if (!out) return std::unexpected(Error::Internal("Cannot write the synonyms file " + path));
  }
  return search::LoadSynonyms(path);
}

}  // namespace

SearchSync::SearchSync(Store& store, std::unique_ptr<search::SearchIndex> index)
    : store_(store), index_(std::move(index)) {}
SearchSync::~SearchSync() = default;

Result<std::unique_ptr<SearchSync>> SearchSync::Open(Store& store, const std::string& dir,
                                                     const search::Normalizer* normalizer,
                                                     std::vector<search::SynonymGroup> synonyms) {
  auto index = search::SearchIndex::Open(dir, normalizer, std::move(synonyms));
  if (!index) return std::unexpected(index.error());
  auto last = (*index)->LastAppliedSeq();
  if (!last) return std::unexpected(last.error());
  std::unique_ptr<SearchSync> sync(new SearchSync(store, std::move(*index)));
  sync->applied_ = *last;
  return sync;
}

Result<std::unique_ptr<SearchSync>> SearchSync::OpenConfigured(Store& store, const Config& config,
                                                               const std::string& dir) {
  auto synonyms = ConfiguredSynonyms(config);
  if (!synonyms) return std::unexpected(synonyms.error());
  auto normalizer = search::Normalizer::Create();
  if (!normalizer) return std::unexpected(normalizer.error());
  auto sync = Open(store, dir.empty() ? config.SearchIndexDir() : dir, normalizer->get(), std::move(*synonyms));
  if (!sync) return std::unexpected(sync.error());
  (*sync)->owned_normalizer_ = std::move(*normalizer);
  return sync;
}

bool SearchSync::Behind() { return store_.ChangeSeq() > applied_.load(); }

Result<size_t> SearchSync::Reindex(const std::vector<std::string>& dataset_ids) {
  std::map<std::string, Organization> orgs;
  std::map<std::string, Topic> topics;
  size_t n = 0;
  for (const auto& id : dataset_ids) {
    auto d = store_.GetDataset(id);
    if (!d) {
      if (d.error().code != ErrorCode::kNotFound) return std::unexpected(d.error());
      if (auto ok = index_->Remove(id); !ok) return std::unexpected(ok.error());
      continue;
    }
    auto org = orgs.find(d->organization_id);
    if (org == orgs.end()) {
      auto o = store_.GetOrganization(d->organization_id);
      if (!o) return std::unexpected(o.error());
      org = orgs.emplace(d->organization_id, std::move(*o)).first;
    }
    std::vector<Topic> its_topics;
    for (const auto& slug : d->topics) {
      auto t = topics.find(slug);
      if (t == topics.end()) {
        auto got = store_.GetTopic(slug);
        if (!got) {
          if (got.error().code == ErrorCode::kNotFound) continue;  // a dangling topic name
          return std::unexpected(got.error());
        }
        t = topics.emplace(slug, std::move(*got)).first;
      }
      its_topics.push_back(t->second);
    }
    if (auto ok = index_->Upsert(*d, org->second, its_topics); !ok) return std::unexpected(ok.error());
    ++n;
  }
  return n;
}

Result<size_t> SearchSync::CatchUp(const Progress& progress) {
  std::lock_guard lock(mu_);
  size_t reindexed = 0;
  int64_t start = applied_.load();
  for (;;) {
    int64_t from = applied_.load();
    auto activities = store_.ListActivitiesSince(from, kBatch);
    if (!activities) return std::unexpected(activities.error());
    if (activities->empty()) break;
    std::set<std::string> ids;
    std::set<std::string> software_ids;
    for (const auto& a : *activities) {
      if (a.object_type == "software") {
        software_ids.insert(a.object_id);
      } else if (a.object_type == "dataset") {
        ids.insert(a.object_id);
      } else if (a.object_type == "organization" && !OnlyMembership(a.diff_json)) {
        auto of = index_->DatasetIdsOfOrganization(a.object_id);
        if (!of) return std::unexpected(of.error());
        ids.insert(of->begin(), of->end());
        auto software = store_.ListSoftware(true);
        if (!software) return std::unexpected(software.error());
        for (const auto& sw : *software)
          if (sw.organization_id == a.object_id) software_ids.insert(sw.id);
      } else if (a.object_type == "topic") {
        auto topic = store_.GetTopic(a.object_id);
        if (!topic) continue;
        auto in = index_->DatasetIdsInTopic(topic->slug);
        if (!in) return std::unexpected(in.error());
        ids.insert(in->begin(), in->end());
      }
    }
    auto n = Reindex({ids.begin(), ids.end()});
    if (!n) return std::unexpected(n.error());
    reindexed += *n;
    auto sw = ReindexSoftware({software_ids.begin(), software_ids.end()});
    if (!sw) return std::unexpected(sw.error());
    reindexed += *sw;
    int64_t last = activities->back().seq;
    if (auto ok = index_->SetLastAppliedSeq(last); !ok) return std::unexpected(ok.error());
    if (auto ok = index_->Commit(); !ok) return std::unexpected(ok.error());
    applied_ = last;
    if (progress) progress(last - start, std::max(store_.ChangeSeq(), last) - start);
    if (activities->size() < kBatch) break;
  }
  return reindexed;
}

Result<size_t> SearchSync::Rebuild(const Progress& progress) {
  size_t total = 0;
  {
    std::lock_guard lock(mu_);
    // Changes committed after this point are applied by the CatchUp below (again,
    // harmlessly, when the listing already saw them).
    auto stats = store_.Stats();
    if (!stats) return std::unexpected(stats.error());
    int64_t seq = stats->change_seq;
    auto ids = store_.ListAllDatasetIds();
    if (!ids) return std::unexpected(ids.error());
    for (size_t i = 0; i < ids->size(); i += kBatch) {
      std::vector<std::string> batch(ids->begin() + static_cast<ptrdiff_t>(i),
                                     ids->begin() + static_cast<ptrdiff_t>(std::min(ids->size(), i + kBatch)));
      auto n = Reindex(batch);
      if (!n) return std::unexpected(n.error());
      total += *n;
      if (auto ok = index_->Commit(); !ok) return std::unexpected(ok.error());
      if (progress) progress(static_cast<int64_t>(i + batch.size()), static_cast<int64_t>(ids->size()));
    }
    auto software = store_.ListSoftware(true);
    if (!software) return std::unexpected(software.error());
    std::vector<std::string> software_ids;
    for (const auto& sw : *software) software_ids.push_back(sw.id);
    auto n = ReindexSoftware(software_ids);
    if (!n) return std::unexpected(n.error());
    total += *n;
    if (auto ok = index_->SetLastAppliedSeq(seq); !ok) return std::unexpected(ok.error());
    if (auto ok = index_->Commit(); !ok) return std::unexpected(ok.error());
    applied_ = seq;
  }
  auto more = CatchUp();
  if (!more) return std::unexpected(more.error());
  return total;
}

Result<size_t> SearchSync::ReindexSoftware(const std::vector<std::string>& software_ids) {
  size_t n = 0;
  for (const auto& id : software_ids) {
    auto sw = store_.GetSoftware(id);
    if (!sw) {
      if (sw.error().code != ErrorCode::kNotFound) return std::unexpected(sw.error());
      if (auto ok = index_->RemoveSoftware(id); !ok) return std::unexpected(ok.error());
      continue;
    }
    auto org = store_.GetOrganization(sw->organization_id);
    if (!org) return std::unexpected(org.error());
    auto adopters = CountAdopters(store_, sw->id);
    if (!adopters) return std::unexpected(adopters.error());
    if (auto ok = index_->UpsertSoftware(SoftwareSearchDocument(*sw, *org, *adopters)); !ok)
      return std::unexpected(ok.error());
    ++n;
  }
  return n;
}

Result<search::SoftwareHits> SearchSync::SearchSoftware(const search::SoftwareQuery& q) {
  if (Behind()) {
    if (auto ok = CatchUp(); !ok) return std::unexpected(ok.error());
  }
  return index_->SearchSoftware(q);
}

Result<search::DatasetHits> SearchSync::Search(const DatasetQuery& q) {
  if (Behind()) {
    if (auto ok = CatchUp(); !ok) return std::unexpected(ok.error());
  }
  return index_->Search(q);
}

Result<std::vector<std::string>> SearchSync::Suggest(std::string_view prefix, size_t limit) {
  if (Behind()) {
    if (auto ok = CatchUp(); !ok) return std::unexpected(ok.error());
  }
  return index_->Suggest(prefix, limit);
}

Result<size_t> SearchSync::RefreshPopularity() {
  if (Behind()) {
    if (auto ok = CatchUp(); !ok) return std::unexpected(ok.error());
  }
  auto rows = store_.ListPopularity();
  if (!rows) return std::unexpected(rows.error());
  std::lock_guard lock(mu_);
  size_t changed = 0;
  for (const auto& p : *rows) {
    auto r = index_->SetPopularity(p.dataset_id, p.views, p.downloads);
    if (!r) return std::unexpected(r.error());
    if (*r) ++changed;
  }
  if (changed > 0) {
    if (auto ok = index_->Commit(); !ok) return std::unexpected(ok.error());
  }
  return changed;
}

Result<size_t> RebuildSearchIndex(Store& store, const Config& config, const SearchSync::Progress& progress) {
  std::string dir = config.SearchIndexDir();
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    // Refuse early when a server holds the index: it would keep writing to the old one.
    auto probe = SearchSync::OpenConfigured(store, config);
    if (!probe) return std::unexpected(probe.error());
  }
  std::string fresh = dir + ".rebuild-" + std::to_string(::getpid());
  fs::remove_all(fresh, ec);
  size_t n = 0;
  {
    auto target = SearchSync::OpenConfigured(store, config, fresh);
    if (!target) return std::unexpected(target.error());
    auto built = (*target)->Rebuild(progress);
    if (!built) {
      target->reset();
      fs::remove_all(fresh, ec);
      return std::unexpected(built.error());
    }
    n = *built;
  }
  std::string old = dir + ".old-" + std::to_string(::getpid());
  if (fs::exists(dir, ec)) {
    fs::rename(dir, old, ec);
    if (ec) return std::unexpected(Error::Internal("Cannot move the old index aside: " + ec.message()));
  }
  fs::rename(fresh, dir, ec);
  if (ec) return std::unexpected(Error::Internal("Cannot move the new index into place: " + ec.message()));
  fs::remove_all(old, ec);
  return n;
}

}  // namespace pintu::actions

// Xapian-backed dataset search. See index.h for the contract and thread model.
#include "search/index.h"
#include "search/index_impl.h"

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <optional>
#include <map>
#include <mutex>
#include <set>
#include <shared_mutex>
#include <unordered_map>

#include "core/text.h"
#include "search/normalizer.h"
#include "search/segmenter.h"

namespace pintu::search {
namespace {

// Boolean term prefixes of datasets (shared ones are in index_impl.h). All two letters,
// so none is a prefix of another, and all upper case, so they never collide with the
// lower-case terms TermGenerator makes.
constexpr std::string_view kOrg = "XO";
constexpr std::string_view kOrgLevel = "XL";
constexpr std::string_view kTheme = "XH";
constexpr std::string_view kTopic = "XG";
constexpr std::string_view kFormat = "XF";
constexpr std::string_view kLicense = "XI";
constexpr std::string_view kTag = "XK";
constexpr std::string_view kDatasetType = "XY";
constexpr std::string_view kPrivate = "XP";
constexpr std::string_view kVisOrg = "XV";
constexpr std::string_view kState = "XS";
constexpr std::string_view kSuggest = "XA";     // "XA<normalised>\x1f<as written>"

// Value slots.
constexpr Xapian::valueno kSlotModified = 0;
constexpr Xapian::valueno kSlotTitle = 1;
constexpr Xapian::valueno kSlotViews = 2;
constexpr Xapian::valueno kSlotDownloads = 3;
constexpr Xapian::valueno kSlotSlug = 4;
constexpr Xapian::valueno kSlotRecency = 5;     // weight added for recently modified datasets
constexpr Xapian::valueno kSlotPopularity = 6;  // weight added for much used datasets

struct FieldInfo {
  std::string_view key;
  std::string_view prefix;
  Xapian::valueno facet_slot;
  bool every;       // filter list: true = every value must match, false = any value
  bool upper_case;  // formats
};
constexpr FieldInfo kFields[] = {
    {"organization", kOrg, 10, false, false},
    {"tags", kTag, 11, true, false},
    {"res_format", kFormat, 12, true, true},
    {"groups", kTopic, 13, true, false},
    {"license_id", kLicense, 14, false, false},
    {"dataset_type", kDatasetType, 15, false, false},
    {"themes", kTheme, 16, true, false},
    {"organization_level", kOrgLevel, 17, false, false},
};
const FieldInfo* FindField(std::string_view key) {
  for (const auto& f : kFields)
    if (f.key == key) return &f;
  return nullptr;
}

// The small relevance bonus of a dataset last modified on `iso_date`: 0 for 2000 or
// earlier, growing linearly to kMaxRecencyBoost for 2030. It depends only on the date
// (never on "now"), so an index rebuilt later ranks exactly like the one it replaces.
constexpr double kMaxRecencyBoost = 0.5;
double RecencyBoost(std::string_view iso_date) {
  using namespace std::chrono;
  int y = 0;
  unsigned mo = 0, d = 0;
  if (iso_date.size() < 10 || std::sscanf(std::string(iso_date.substr(0, 10)).c_str(), "%d-%u-%u", &y, &mo, &d) != 3)
    return 0;
  year_month_day ymd{year{y}, month{mo}, day{d}};
  if (!ymd.ok()) return 0;
  double days = static_cast<double>((sys_days(ymd) - sys_days(year{2000} / 1 / 1)).count());
  return kMaxRecencyBoost * std::clamp(days / (30 * 365.25), 0.0, 1.0);
}

// The small relevance bonus of a dataset viewed and downloaded `uses` times in all:
// 0.2 per factor of ten, at most kMaxPopularityBoost (reached at a million uses), so
// among comparable matches the one people actually use comes first.
constexpr double kMaxPopularityBoost = 1.2;
double PopularityBoost(int64_t uses) {
  if (uses <= 0) return 0;
  return std::min(kMaxPopularityBoost, 0.2 * std::log10(1.0 + static_cast<double>(uses)));
}

// Words of a visible document offered as spelling corrections: its plain (unprefixed,
// unstemmed) terms of three or more ASCII letters. Drafts, private and deleted
// documents contribute none, so suggestions never reveal them.
std::set<std::string> SpellingWords(const Xapian::Document& doc) {
  std::set<std::string> words;
  bool active = false, is_public = false;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string& t = *it;
    if (t == "XSactive") active = true;
    if (t == "XP0") is_public = true;
    if (t.size() >= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      words.insert(t);
  }
  if (!active || !is_public) words.clear();
  return words;
}

// Keeps the spelling table equal to "how many visible documents contain each word",
// whatever the order of updates (so a rebuilt index suggests exactly the same words).
void UpdateSpelling(Xapian::WritableDatabase& db, const std::set<std::string>& before,
                    const std::set<std::string>& after) {
  for (const auto& w : before)
    if (!after.count(w)) db.remove_spelling(w);
  for (const auto& w : after)
    if (!before.count(w)) db.add_spelling(w);
}

// The indexed form of the filter value `value` of field `f`, given its normalised form
// (formats are matched normalised and upper-cased, other fields as written).
std::string FilterValue(const FieldInfo& f, std::string_view value, std::string_view normalised) {
  if (f.upper_case) return AsciiUpper(Trim(normalised));
  return std::string(value);
}

}  // namespace


SearchIndex::SearchIndex() : impl_(std::make_unique<Impl>()) {}
SearchIndex::~SearchIndex() = default;

Result<std::unique_ptr<SearchIndex>> SearchIndex::Open(const std::string& dir,
                                                       const Normalizer* normalizer,
                                                       std::vector<SynonymGroup> synonyms) {
  std::unique_ptr<SearchIndex> index(new SearchIndex());
  Impl& m = *index->impl_;
  m.dir = dir;
  m.normalizer = normalizer;
  for (const auto& g : synonyms) {
    std::vector<std::string> group;
    for (const auto& t : g.terms) AddUnique(group, CollapseSpace(m.Norm(t)));
    for (const auto& t : group)
      if (t.find(' ') != std::string::npos) m.multi_word.insert(t);
    if (group.size() >= 2) m.synonyms.push_back(std::move(group));
  }
  try {
    m.writer = std::make_unique<Xapian::WritableDatabase>(dir, Xapian::DB_CREATE_OR_OPEN);
    std::vector<std::string> keys(m.writer->synonym_keys_begin(), m.writer->synonym_keys_end());
    for (const auto& k : keys) m.writer->clear_synonyms(k);
    for (const auto& group : m.synonyms)
      for (const auto& a : group)
        for (const auto& b : group)
          if (a != b) m.writer->add_synonym(a, b);
    m.writer->commit();
  } catch (const Xapian::DatabaseLockError&) {
    Error e;
    e.code = ErrorCode::kConflict;
    e.message = "The search index " + dir +
                " is in use by another Pintu process (is `pintu serve` running on this data directory?)";
    return std::unexpected(std::move(e));
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
  return index;
}

Result<void> SearchIndex::Upsert(const Dataset& d, const Organization& org,
                                 const std::vector<Topic>& topics) {
  if (d.id.empty()) return std::unexpected(Error::Invalid("id", "Missing dataset id"));
  Impl& m = *impl_;
  try {
    Xapian::Document doc;
    FieldText fields([&m](std::string_view t) { return m.Norm(t); }, doc);
    auto text = [&](std::string_view t, Xapian::termcount wdf) { fields.Add(t, wdf); };
    for (const auto& [lang, v] : d.title.Values()) text(v, 5);
    for (const auto& k : d.keywords) text(k, 3);
    for (const auto& [lang, v] : org.title.Values()) text(v, 2);
    for (const auto& t : topics)
      for (const auto& [lang, v] : t.title.Values()) text(v, 2);
    for (const auto& [lang, v] : d.description.Values()) text(v, 1);
    text(d.slug, 1);
    text(d.methodology.description, 1);
    text(d.methodology.formula, 1);
    std::vector<std::string> formats;
    for (const auto& r : d.resources) {
      if (r.state == State::kDeleted) continue;
      for (const auto& [lang, v] : r.name.Values()) text(v, 1);
      for (const auto& [lang, v] : r.description.Values()) text(v, 1);
      text(r.format, 1);
      for (const auto& f : r.fields) {
        text(f.name, 1);
        for (const auto& [lang, v] : f.description.Values()) text(v, 1);
      }
      AddUnique(formats, AsciiUpper(Trim(m.Norm(r.format))));
    }

    auto boolean = [&](std::string_view prefix, std::string_view value) { AddFilterTerm(doc, prefix, value); };
    doc.add_boolean_term(Term(kId, d.id));
    boolean(kType, "dataset");
    boolean(kOrg, org.slug);
    boolean(kOrgLevel, ToCode(org.level));
    std::vector<std::string> tags, themes, topic_slugs;
    for (const auto& t : d.keywords) AddUnique(tags, t);
    for (const auto& t : d.themes) AddUnique(themes, t);
    for (const auto& t : d.topics) AddUnique(topic_slugs, t);
    for (const auto& t : themes) boolean(kTheme, t);
    for (const auto& t : topic_slugs) boolean(kTopic, t);
    for (const auto& t : tags) boolean(kTag, t);
    for (const auto& f : formats) boolean(kFormat, f);
    boolean(kLicense, d.license_id);
    boolean(kDatasetType, ToCode(d.type));
    boolean(kPrivate, d.is_private ? "1" : "0");
    boolean(kVisOrg, d.organization_id);
    boolean(kState, ToCode(d.state));

    // Exact-title boost terms and (for visible datasets only) type-ahead terms.
    bool visible = d.state == State::kActive && !d.is_private;
    for (const auto& [lang, v] : d.title.Values()) {
      std::string n = CollapseSpace(m.Norm(v));
      if (!n.empty() && n.size() + kExactTitle.size() <= kMaxTerm) doc.add_term(Term(kExactTitle, n));
    }
    if (visible) {
      auto suggest = [&](std::string_view written) {
        std::string shown = CollapseSpace(written);
        std::string n = CollapseSpace(m.Norm(shown));
        if (n.empty()) return;
        std::string t = Term(kSuggest, n) + kSep + shown;
        if (t.size() <= kMaxTerm) doc.add_boolean_term(t);
      };
      for (const auto& [lang, v] : d.title.Values()) suggest(v);
      for (const auto& k : d.keywords) suggest(k);
    }

    doc.add_value(kSlotModified, d.metadata_modified);
    doc.add_value(kSlotTitle, CollapseSpace(m.Norm(d.title.Best(kLangZh))));
    doc.add_value(kSlotViews, Xapian::sortable_serialise(static_cast<double>(d.views)));
    doc.add_value(kSlotDownloads, Xapian::sortable_serialise(static_cast<double>(d.downloads)));
    doc.add_value(kSlotSlug, d.slug);
    doc.add_value(kSlotRecency, Xapian::sortable_serialise(RecencyBoost(d.metadata_modified)));
    doc.add_value(kSlotPopularity, Xapian::sortable_serialise(PopularityBoost(d.views + d.downloads)));
    doc.add_value(FindField("organization")->facet_slot, org.slug);
    doc.add_value(FindField("tags")->facet_slot, Join(tags));
    doc.add_value(FindField("res_format")->facet_slot, Join(formats));
    doc.add_value(FindField("groups")->facet_slot, Join(topic_slugs));
    doc.add_value(FindField("license_id")->facet_slot, d.license_id);
    doc.add_value(FindField("dataset_type")->facet_slot, std::string(ToCode(d.type)));
    doc.add_value(FindField("themes")->facet_slot, Join(themes));
    doc.add_value(FindField("organization_level")->facet_slot, std::string(ToCode(org.level)));
    doc.set_data(d.id);

    std::lock_guard lock(m.write_mu);
    std::string id_term = Term(kId, d.id);
    auto old = FindDocument(*m.writer, id_term);
    UpdateSpelling(*m.writer, old ? SpellingWords(*old) : std::set<std::string>{}, SpellingWords(doc));
    m.writer->replace_document(id_term, doc);
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
  return Ok();
}

Result<void> SearchIndex::Remove(std::string_view id) {
  try {
    std::lock_guard lock(impl_->write_mu);
    std::string id_term = Term(kId, id);
    if (auto old = FindDocument(*impl_->writer, id_term))
      UpdateSpelling(*impl_->writer, SpellingWords(*old), {});
    impl_->writer->delete_document(id_term);
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
  return Ok();
}

Result<std::vector<std::string>> SearchIndex::DatasetIdsOfOrganization(std::string_view org_id) {
  return impl_->IdsWithTerm(Term(kVisOrg, org_id));
}

Result<std::vector<std::string>> SearchIndex::DatasetIdsInTopic(std::string_view topic_slug) {
  return impl_->IdsWithTerm(Term(kTopic, topic_slug));
}

Result<bool> SearchIndex::SetPopularity(std::string_view id, int64_t views, int64_t downloads) {
  try {
    std::lock_guard lock(impl_->write_mu);
    std::string id_term = Term(kId, id);
    auto doc = FindDocument(*impl_->writer, id_term);
    if (!doc) return false;
    std::string v = Xapian::sortable_serialise(static_cast<double>(views));
    std::string d = Xapian::sortable_serialise(static_cast<double>(downloads));
    if (doc->get_value(kSlotViews) == v && doc->get_value(kSlotDownloads) == d) return false;
    doc->add_value(kSlotViews, v);
    doc->add_value(kSlotDownloads, d);
    doc->add_value(kSlotPopularity, Xapian::sortable_serialise(PopularityBoost(views + downloads)));
    impl_->writer->replace_document(id_term, *doc);
    return true;
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
}

Result<void> SearchIndex::Commit() {
  try {
    std::lock_guard lock(impl_->write_mu);
    std::unique_lock hold(impl_->commit_mu);
    impl_->writer->commit();
    impl_->gen.fetch_add(1);
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
  return Ok();
}

Result<int64_t> SearchIndex::LastAppliedSeq() {
  return impl_->WithReader<int64_t>([](Xapian::Database& db) -> Result<int64_t> {
    std::string v = db.get_metadata("last_seq");
    if (v.empty()) return int64_t{0};
    try {
      return static_cast<int64_t>(std::stoll(v));
    } catch (const std::exception&) {
      return std::unexpected(Error::Internal("Search index: bad last_seq \"" + v + "\""));
    }
  });
}

Result<void> SearchIndex::SetLastAppliedSeq(int64_t seq) {
  try {
    std::lock_guard lock(impl_->write_mu);
    impl_->writer->set_metadata("last_seq", std::to_string(seq));
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
  return Ok();
}

Result<int64_t> SearchIndex::DocumentCount() {
  return impl_->WithReader<int64_t>(
      [](Xapian::Database& db) -> Result<int64_t> { return static_cast<int64_t>(db.get_doccount()); });
}

Result<DatasetHits> SearchIndex::Search(const DatasetQuery& q) {
  static constexpr std::string_view kSorts[] = {"score", "metadata_modified", "title",
                                                "name", "views", "downloads"};
  if (std::find(std::begin(kSorts), std::end(kSorts), q.sort_field) == std::end(kSorts))
    return std::unexpected(Error::BadRequest("Cannot sort by \"" + q.sort_field + "\""));
  for (const auto& f : q.facet_fields)
    if (!FindField(f)) return std::unexpected(Error::BadRequest("Unknown facet field \"" + f + "\""));
  for (const auto& [key, value] : q.excluded)
    if (!FindField(key)) return std::unexpected(Error::BadRequest("Unknown filter field \"" + key + "\""));

  Impl& m = *impl_;
  return m.WithReader<DatasetHits>([&](Xapian::Database& db) -> Result<DatasetHits> {
    using Q = Xapian::Query;
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("en"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Q::OP_AND);

    // Text: every term must match.
    std::vector<Q> musts;
    std::vector<std::string> normalised_terms;
    std::vector<std::string> terms;
    for (const auto& t : q.terms) {
      std::string n = CollapseSpace(m.Norm(t));
      if (!n.empty()) terms.push_back(std::move(n));
    }
    for (auto& n : m.JoinMultiWordSynonyms(std::move(terms))) {
      Q parsed = m.ParseTerm(qp, n);
      if (parsed.empty()) continue;  // e.g. only punctuation
      musts.push_back(std::move(parsed));
      normalised_terms.push_back(n);
    }
    // Not Q::MatchAll: that is one static object whose reference count Xapian 1.4 updates
    // without atomics, so copying it from several threads corrupts it (a crash under load).
    // The empty term is Xapian's own definition of MatchAll, built per call.
    Q query = musts.empty() ? Q(std::string()) : Q(Q::OP_AND, musts.begin(), musts.end());
    if (!normalised_terms.empty()) {
      std::string whole;
      for (const auto& n : normalised_terms) whole += (whole.empty() ? "" : " ") + n;
      if (whole.size() >= 2 && whole.front() == '"' && whole.back() == '"')
        whole = CollapseSpace(whole.substr(1, whole.size() - 2));
      if (!whole.empty() && whole.size() + kExactTitle.size() <= kMaxTerm)
        query = Q(Q::OP_AND_MAYBE, query, Q(Q::OP_SCALE_WEIGHT, Q(Term(kExactTitle, whole)), 5.0));
    }

    // Filters (weightless).
    std::vector<Q> filters{Q(Term(kType, "dataset")), Q(Term(kState, "active"))};
    if (!q.all_private) {
      Q visible(Term(kPrivate, "0"));
      if (q.include_private && !q.private_org_ids.empty()) {
        std::vector<Q> orgs;
        for (const auto& id : q.private_org_ids) orgs.emplace_back(Term(kVisOrg, id));
        visible = Q(Q::OP_OR, visible,
                    Q(Q::OP_AND, Q(Term(kPrivate, "1")), Q(Q::OP_OR, orgs.begin(), orgs.end())));
      }
      filters.push_back(visible);
    }
    auto add_filter = [&](std::string_view key, const std::vector<std::string>& values) {
      if (values.empty()) return;
      const FieldInfo& f = *FindField(key);
      std::vector<Q> parts;
      for (const auto& v : values) parts.emplace_back(Term(f.prefix, FilterValue(f, v, m.Norm(v))));
      filters.emplace_back(f.every ? Q::OP_AND : Q::OP_OR, parts.begin(), parts.end());
    };
    add_filter("organization", q.organization_slugs);
    add_filter("tags", q.tags);
    add_filter("res_format", q.formats);
    add_filter("groups", q.topics);
    add_filter("license_id", q.licenses);
    add_filter("dataset_type", q.dataset_types);
    add_filter("themes", q.themes);
    add_filter("organization_level", q.org_levels);
    query = Q(Q::OP_FILTER, query, Q(Q::OP_AND, filters.begin(), filters.end()));

    std::vector<Q> nots;
    for (const auto& t : q.excluded_terms) {
      std::string n = CollapseSpace(m.Norm(t));
      if (n.empty()) continue;
      Q parsed = m.ParseTerm(qp, n);
      if (!parsed.empty()) nots.push_back(std::move(parsed));
    }
    for (const auto& [key, value] : q.excluded) {
      const FieldInfo& f = *FindField(key);
      nots.emplace_back(Term(f.prefix, FilterValue(f, value, m.Norm(value))));
    }
    if (!nots.empty()) query = Q(Q::OP_AND_NOT, query, Q(Q::OP_OR, nots.begin(), nots.end()));

    // Recency and popularity: small bonuses (only when ranking by text).
    Xapian::ValueWeightPostingSource recency(kSlotRecency), popularity(kSlotPopularity);
    if (!musts.empty() && q.sort_field == "score")
      query = Q(Q::OP_AND_MAYBE, query, Q(Q::OP_OR, Q(&recency), Q(&popularity)));

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MultiValueKeyMaker keys;
    bool desc = q.sort_desc;
    if (q.sort_field == "score") {
      keys.add_value(kSlotModified, true);
      keys.add_value(kSlotSlug, false);
      enquire.set_sort_by_relevance_then_key(&keys, false);
    } else {
      Xapian::valueno slot = q.sort_field == "metadata_modified" ? kSlotModified
                             : q.sort_field == "title"           ? kSlotTitle
                             : q.sort_field == "views"           ? kSlotViews
                             : q.sort_field == "downloads"       ? kSlotDownloads
                                                                 : kSlotSlug;
      keys.add_value(slot, desc);
      if (slot != kSlotSlug) keys.add_value(kSlotSlug, false);
      enquire.set_sort_by_key(&keys, false);
    }
    std::vector<Xapian::valueno> slots;
    for (const auto& f : q.facet_fields) slots.push_back(FindField(f)->facet_slot);
    FacetSpy spy(slots);
    if (!slots.empty()) enquire.add_matchspy(&spy);

    Xapian::doccount all = std::max<Xapian::doccount>(db.get_doccount(), 1);
    Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(q.offset),
                                         static_cast<Xapian::doccount>(std::min<size_t>(q.limit, all)), all);
    DatasetHits out;
    out.total = static_cast<int64_t>(mset.get_matches_estimated());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.ids.push_back(it.get_document().get_data());
    for (size_t i = 0; i < q.facet_fields.size(); ++i) {
      std::vector<FacetCount> list;
      for (auto& [value, n] : spy.counts()[i]) list.push_back({value, n});
      auto order = [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
      };
      size_t keep = std::min(q.facet_limit, list.size());
      std::partial_sort(list.begin(), list.begin() + static_cast<ptrdiff_t>(keep), list.end(), order);
      list.resize(keep);
      out.facets.emplace_back(q.facet_fields[i], std::move(list));
    }
    enquire.clear_matchspies();
    if (!q.terms.empty() && out.total < 3) out.did_you_mean = Impl::SpellingCorrection(db, q.terms);
    return out;
  });
}

Result<std::vector<std::string>> SearchIndex::Suggest(std::string_view prefix, size_t limit) {
  std::string n = CollapseSpace(impl_->Norm(prefix));
  if (n.empty() || limit == 0) return std::vector<std::string>{};
  std::string start = Term(kSuggest, n);
  return impl_->WithReader<std::vector<std::string>>(
      [&](Xapian::Database& db) -> Result<std::vector<std::string>> {
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        size_t scanned = 0;
        for (auto it = db.allterms_begin(start); it != db.allterms_end(start) && scanned < 5000;
             ++it, ++scanned) {
          std::string t = *it;
          size_t sep = t.find(kSep, kSuggest.size());
          if (sep == std::string::npos) continue;
          found.emplace_back(it.get_termfreq(), t.substr(sep + 1));
        }
        std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
          return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        std::vector<std::string> out;
        for (auto& [freq, shown] : found) {
          if (out.size() >= limit) break;
          if (std::find(out.begin(), out.end(), shown) == out.end()) out.push_back(std::move(shown));
        }
        return out;
      });
}

}  // namespace pintu::search

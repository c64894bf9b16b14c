// Software entries in the Xapian search index (SearchIndex::*Software). They share the
// dataset index's database, normaliser, CJK n-grams and synonyms, but have their own
// id term, type term and value slots, so the two kinds of search never mix.
#include <xapian.h>

#include <algorithm>
#include <string>
#include <vector>

#include "search/index.h"
#include "search/index_impl.h"

namespace pintu::search {
namespace {

// Boolean term prefixes of software (two upper-case letters, distinct from the
// dataset ones in index.cc and the shared ones in index_impl.h).
constexpr std::string_view kSoftwareId = "XW";  // unique id term (dataset ids use "Q")
constexpr std::string_view kVisible = "XU";     // "XU1" visible, "XU0" hidden
constexpr std::string_view kSoftwareType = "software";

// Value slots (datasets use 0–6 and 10–17).
constexpr Xapian::valueno kSlotName = 20;
constexpr Xapian::valueno kSlotModified = 21;
constexpr Xapian::valueno kSlotAdopters = 22;
constexpr Xapian::valueno kSlotSlug = 23;

// A filterable, countable field: its query key, term prefix and value slot.
struct SoftwareField {
  std::string_view key;
  std::string_view prefix;
  Xapian::valueno slot;
};
constexpr SoftwareField kSoftwareFields[] = {
    {"category", "XC", 30},       {"piece_size", "XZ", 31},         {"license", "XN", 32},
    {"organization", "XR", 33},   {"level", "XJ", 34},              {"maintenance_status", "XM", 35},
    {"development_status", "XD", 36},
};
const SoftwareField* FindSoftwareField(std::string_view key) {
  for (const auto& f : kSoftwareFields)
    if (f.key == key) return &f;
  return nullptr;
}
const SoftwareField& Field(std::string_view key) { return *FindSoftwareField(key); }

constexpr size_t kMaxQueryBytes = 2000;
constexpr size_t kMaxQueryTerms = 32;

// The query text split into words and "quoted phrases" (kept with their quotes, which
// the query parser reads as a phrase). Control characters separate words; a quotation
// mark left open counts as a space.
std::vector<std::string> QueryTerms(std::string_view q) {
  std::string text(q);
  for (char& c : text)
    if ((static_cast<unsigned char>(c) < 0x20) || c == 0x7f) c = ' ';
  if (std::count(text.begin(), text.end(), '"') % 2 != 0) text[text.rfind('"')] = ' ';
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    size_t end;
    if (text[i] == '"') {
      end = text.find('"', i + 1) + 1;  // balanced, so found
    } else {
      end = text.find_first_of(" \"", i);
      if (end == std::string::npos) end = text.size();
    }
    std::string term = text.substr(i, end - i);
    if (term != "\"\"") terms.push_back(std::move(term));
    i = end;
  }
  return terms;
}

// kBadRequest about the query parameter `field`, in English and zh-TW.
Error BadQuery(std::string field, std::string en, std::string zh) {
  Error e = Error::BadRequest(en);
  e.fields.push_back({std::move(field), std::move(en), std::move(zh)});
  return e;
}

}  // namespace

Result<void> SearchIndex::UpsertSoftware(const SoftwareDocument& s) {
  if (s.id.empty()) return std::unexpected(Error::Invalid("id", "Missing software id", "缺少軟體 id"));
  Impl& m = *impl_;
  try {
    Xapian::Document doc;
    FieldText fields([&m](std::string_view t) { return m.Norm(t); }, doc);
    auto text = [&](std::string_view t, Xapian::termcount wdf) { fields.Add(t, wdf); };
    text(s.name, 5);
    for (const auto& k : s.keywords) text(k, 3);
    for (const auto& f : s.features) text(f, 2);
    text(s.organization_title_zh, 2);
    text(s.organization_title_en, 2);
    for (const auto& [lang, d] : s.descriptions) text(d, 1);
    text(s.slug, 1);

    auto boolean = [&](std::string_view prefix, std::string_view value) { AddFilterTerm(doc, prefix, value); };
    if (kSoftwareId.size() + s.id.size() > kMaxTerm)
      return std::unexpected(Error::Invalid("id", "Software id is too long", "軟體 id 過長"));
    doc.add_boolean_term(Term(kSoftwareId, s.id));
    boolean(kType, kSoftwareType);
    boolean(kVisible, s.visible ? "1" : "0");
    std::vector<std::string> categories;
    for (const auto& c : s.categories) AddUnique(categories, c);
    for (const auto& c : categories) boolean(Field("category").prefix, c);
    auto single = [&](std::string_view key, const std::string& value) {
      boolean(Field(key).prefix, value);
      doc.add_value(Field(key).slot, value);
    };
    doc.add_value(Field("category").slot, Join(categories));
    single("piece_size", s.piece_size);
    single("license", s.license);
    single("organization", s.organization_id);
    single("level", s.level);
    single("maintenance_status", s.maintenance_status);
    single("development_status", s.development_status);

    std::string name = CollapseSpace(m.Norm(s.name));
    if (!name.empty() && name.size() + kExactTitle.size() <= kMaxTerm) doc.add_term(Term(kExactTitle, name));
    doc.add_value(kSlotName, name);
    doc.add_value(kSlotModified, s.modified);
    doc.add_value(kSlotAdopters, Xapian::sortable_serialise(static_cast<double>(s.adopters)));
    doc.add_value(kSlotSlug, s.slug);
    doc.set_data(s.id);

    std::lock_guard lock(m.write_mu);
    m.writer->replace_document(Term(kSoftwareId, s.id), doc);
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
  return Ok();
}

Result<void> SearchIndex::RemoveSoftware(std::string_view id) {
  try {
    std::lock_guard lock(impl_->write_mu);
    impl_->writer->delete_document(Term(kSoftwareId, id));
  } catch (const Xapian::Error& e) {
    return std::unexpected(XapianError(e));
  }
  return Ok();
}

Result<SoftwareHits> SearchIndex::SearchSoftware(const SoftwareQuery& q) {
  static constexpr std::string_view kSorts[] = {"score", "name", "modified", "adopters"};
  if (std::find(std::begin(kSorts), std::end(kSorts), q.sort) == std::end(kSorts))
    return std::unexpected(BadQuery("sort", "Cannot sort software by \"" + q.sort + "\"", "無法依「" + q.sort + "」排序軟體"));
  for (const auto& f : q.facets)
    if (!FindSoftwareField(f)) return std::unexpected(BadQuery("facets", "Unknown software facet \"" + f + "\"", "未知的軟體分面「" + f + "」"));
  for (const auto& [key, values] : q.filters)
    if (!FindSoftwareField(key))
      return std::unexpected(BadQuery("filters", "Unknown software filter \"" + key + "\"", "未知的軟體篩選欄位「" + key + "」"));
  if (q.offset < 0 || q.limit < 0)
    return std::unexpected(BadQuery("offset", "Offset and limit must not be negative", "起始位置與筆數不可為負數"));
  if (q.q.size() > kMaxQueryBytes)
    return std::unexpected(BadQuery("q", "Query is too long (at most 2000 bytes)", "查詢過長（最多 2000 位元組）"));
  std::vector<std::string> raw_terms = QueryTerms(q.q);
  if (raw_terms.size() > kMaxQueryTerms)
    return std::unexpected(BadQuery("q", "Too many search terms (at most 32)", "搜尋詞過多（最多 32 個）"));

  Impl& m = *impl_;
  return m.WithReader<SoftwareHits>([&](Xapian::Database& db) -> Result<SoftwareHits> {
    using Q = Xapian::Query;
    Xapian::QueryParser qp;
    qp.set_database(db);
    qp.set_stemmer(Xapian::Stem("en"));
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    qp.set_default_op(Q::OP_AND);

    std::vector<std::string> terms;
    for (const auto& t : raw_terms) {
      std::string n = CollapseSpace(m.Norm(t));
      if (!n.empty()) terms.push_back(std::move(n));
    }
    std::vector<Q> musts;
    std::string whole;
    for (auto& n : m.JoinMultiWordSynonyms(std::move(terms))) {
      Q parsed = m.ParseTerm(qp, n);
      if (parsed.empty()) continue;  // e.g. only punctuation
      musts.push_back(std::move(parsed));
      whole += (whole.empty() ? "" : " ") + n;
    }
    // The empty term is Xapian's MatchAll, built per call (see Search in index.cc).
    Q query = musts.empty() ? Q(std::string()) : Q(Q::OP_AND, musts.begin(), musts.end());
    if (whole.size() >= 2 && whole.front() == '"' && whole.back() == '"')
      whole = CollapseSpace(whole.substr(1, whole.size() - 2));
    if (!whole.empty() && whole.size() + kExactTitle.size() <= kMaxTerm)
      query = Q(Q::OP_AND_MAYBE, query, Q(Q::OP_SCALE_WEIGHT, Q(Term(kExactTitle, whole)), 5.0));

    std::vector<Q> filters{Q(Term(kType, kSoftwareType)), Q(Term(kVisible, "1"))};
    for (const auto& [key, values] : q.filters) {
      if (values.empty()) continue;
      std::vector<Q> any;
      for (const auto& v : values) any.emplace_back(Term(Field(key).prefix, v));
      filters.emplace_back(Q::OP_OR, any.begin(), any.end());
    }
    query = Q(Q::OP_FILTER, query, Q(Q::OP_AND, filters.begin(), filters.end()));

    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    Xapian::MultiValueKeyMaker keys;
    if (q.sort == "score") {
      keys.add_value(kSlotModified, true);
      keys.add_value(kSlotSlug, false);
      enquire.set_sort_by_relevance_then_key(&keys, false);
    } else {
      if (q.sort == "name") keys.add_value(kSlotName, false);
      if (q.sort == "modified") keys.add_value(kSlotModified, true);
      if (q.sort == "adopters") keys.add_value(kSlotAdopters, true);
      keys.add_value(kSlotSlug, false);
      enquire.set_sort_by_key(&keys, false);
    }
    std::vector<Xapian::valueno> slots;
    for (const auto& f : q.facets) slots.push_back(Field(f).slot);
    FacetSpy spy(slots);
    if (!slots.empty()) enquire.add_matchspy(&spy);

    Xapian::doccount all = std::max<Xapian::doccount>(db.get_doccount(), 1);
    auto clamp = [&](int64_t v) { return static_cast<Xapian::doccount>(std::min<int64_t>(v, all)); };
    Xapian::MSet mset = enquire.get_mset(clamp(q.offset), clamp(q.limit), all);
    SoftwareHits out;
    out.total = static_cast<int64_t>(mset.get_matches_estimated());
    for (auto it = mset.begin(); it != mset.end(); ++it) out.ids.push_back(it.get_document().get_data());
    for (size_t i = 0; i < q.facets.size(); ++i) {
      std::vector<FacetCount> list;
      for (auto& [value, n] : spy.counts()[i]) list.push_back({value, n});
      std::sort(list.begin(), list.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
      });
      out.facets.emplace_back(q.facets[i], std::move(list));
    }
    enquire.clear_matchspies();
    return out;
  });
}

}  // namespace pintu::search

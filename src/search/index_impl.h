// Internals of SearchIndex shared by its source files (index.cc: datasets,
// software_index.cc: software). Private to src/search: includes Xapian, so never
// include it from a public header.
#pragma once

#include <xapian.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/error.h"
#include "core/text.h"
#include "search/index.h"
#include "search/normalizer.h"
#include "search/segmenter.h"

namespace pintu::search {
namespace index_detail {

// Boolean term prefixes shared by every document type. All two letters (or one, for
// Xapian's conventional unique-id "Q"), upper case, so they never collide with the
// lower-case terms TermGenerator makes. Type-specific prefixes live with their type.
inline constexpr std::string_view kId = "Q";
inline constexpr std::string_view kType = "XT";
inline constexpr std::string_view kExactTitle = "XE";  // weighted, for the exact-title boost
inline constexpr char kSep = '\x1f';  // separates values of a multi-valued facet slot
inline constexpr size_t kMaxTerm = 240;  // Xapian's limit is 245 bytes
inline constexpr size_t kMinHanToSegment = 4;  // shorter Chinese query terms must occur whole

// The term `prefix` + `value`.
inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string t(prefix);
  t += value;
  return t;
}

// `s` with runs of ASCII white space made one space and no space at either end.
inline std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out += c;
    }
  }
  return out;
}

// The values joined with kSep (a multi-valued facet slot).
inline std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) {
    if (!out.empty()) out += kSep;
    out += s;
  }
  return out;
}

// The parts of a kSep-joined slot value (views into `s`).
inline std::vector<std::string_view> Split(std::string_view s) {
  std::vector<std::string_view> out;
  while (!s.empty()) {
    size_t p = s.find(kSep);
    out.push_back(s.substr(0, p));
    if (p == std::string_view::npos) break;
    s.remove_prefix(p + 1);
  }
  return out;
}

// Appends `s` unless empty or already present.
inline void AddUnique(std::vector<std::string>& v, std::string s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(std::move(s));
}

// Counts facet values of every matching document (check_at_least = doccount makes the
// matcher visit all matches).
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(std::vector<Xapian::valueno> slots) : slots_(std::move(slots)), counts_(slots_.size()) {}
  void operator()(const Xapian::Document& doc, double) override {
    for (size_t i = 0; i < slots_.size(); ++i) {
      std::string v = doc.get_value(slots_[i]);
      for (std::string_view part : Split(v))
        if (!part.empty()) ++counts_[i][std::string(part)];
    }
  }
  std::vector<std::unordered_map<std::string, int64_t>>& counts() { return counts_; }

 private:
  std::vector<Xapian::valueno> slots_;
  std::vector<std::unordered_map<std::string, int64_t>> counts_;
};

// The committed-or-not document with this unique boolean term, if any.
inline std::optional<Xapian::Document> FindDocument(Xapian::WritableDatabase& db, const std::string& id_term) {
  Xapian::PostingIterator p = db.postlist_begin(id_term);
  if (p == db.postlist_end(id_term)) return std::nullopt;
  return db.get_document(*p);
}

// A Xapian exception as an internal error naming its type.
inline Error XapianError(const Xapian::Error& e) {
  return Error::Internal(std::string("Search index: ") + e.get_type() + ": " + e.get_msg());
}

}  // namespace index_detail

using namespace index_detail;  // NOLINT: the Impl below and both source files use these

// State shared by every SearchIndex call: the writer, the pool of readers, the
// normaliser and the synonym groups (see index.h for the thread model).
struct SearchIndex::Impl {
  std::string dir;
  const Normalizer* normalizer = nullptr;
  std::vector<std::vector<std::string>> synonyms;  // normalised groups
  std::set<std::string> multi_word;                 // members with a space ("air quality")

  std::mutex write_mu;
  std::unique_ptr<Xapian::WritableDatabase> writer;

  struct Reader {
    Xapian::Database db;
    uint64_t gen = 0;
  };
  std::mutex pool_mu;
  std::vector<std::unique_ptr<Reader>> pool;
  std::atomic<uint64_t> gen{0};
  // Commit() holds it exclusively; a search that lost its revision three times holds it
  // shared for a final attempt, so it cannot be starved by a fast stream of commits.
  std::shared_mutex commit_mu;

  std::string Norm(std::string_view s) const {
    return normalizer ? normalizer->Normalize(s) : NormalizeWithoutConversion(s);
  }

  std::unique_ptr<Reader> Borrow() {
    std::unique_ptr<Reader> r;
    {
      std::lock_guard lock(pool_mu);
      if (!pool.empty()) {
        r = std::move(pool.back());
        pool.pop_back();
      }
    }
    uint64_t g = gen.load();
    if (!r) {
      r = std::make_unique<Reader>(Reader{Xapian::Database(dir), g});
    } else if (r->gen != g) {
      r->db.reopen();
      r->gen = g;
    }
    return r;
  }
  void Return(std::unique_ptr<Reader> r) {
    std::lock_guard lock(pool_mu);
    if (pool.size() < 16) pool.push_back(std::move(r));
  }

  // Runs fn(db) on a pooled reader; retries when the revision was overwritten.
  template <typename T, typename Fn>
  Result<T> WithReader(Fn&& fn) {
    try {
      // Opening, reopening and reading can all find that commits discarded the
      // revision being read; retry from a fresh revision.
      for (int attempt = 0; attempt < 3; ++attempt) {
        try {
          auto r = Borrow();
          Result<T> out = fn(r->db);
          Return(std::move(r));
          return out;
        } catch (const Xapian::DatabaseModifiedError&) {
        }
      }
      // Commits keep outpacing this search: run it once more while holding off commits.
      std::shared_lock hold(commit_mu);
      auto r = Borrow();
      r->db.reopen();
      Result<T> out = fn(r->db);
      Return(std::move(r));
      return out;
    } catch (const Xapian::Error& e) {
      return std::unexpected(XapianError(e));
    }
  }

  // The term itself and variants with a synonym-group member replaced by each other
  // member of its group (so 長照服務 also matches 長期照顧服務).
  std::vector<std::string> Variants(const std::string& term) const {
    std::vector<std::string> out{term};
    for (const auto& group : synonyms) {
      for (const auto& m : group) {
        size_t pos = term.find(m);
        if (m.empty() || pos == std::string::npos) continue;
        for (const auto& other : group) {
          if (other == m || out.size() >= 16) continue;
          std::string v = term;
          v.replace(pos, m.size(), other);
          AddUnique(out, std::move(v));
        }
      }
    }
    return out;
  }

  // One query word: the word and its synonym variants as one term for ranking
  // (OP_SYNONYM: a dataset mentioning 長照 and 長期照顧 does not count double).
  Xapian::Query ParseWord(Xapian::QueryParser& qp, const std::string& normalised) const {
    std::vector<Xapian::Query> alts;
    for (const auto& v : Variants(normalised)) {
      Xapian::Query q;
      try {
        q = qp.parse_query(v, Xapian::QueryParser::FLAG_CJK_NGRAM | Xapian::QueryParser::FLAG_PHRASE |
                                  Xapian::QueryParser::FLAG_LOVEHATE);
      } catch (const Xapian::QueryParserError&) {
        q = qp.parse_query(v, Xapian::QueryParser::FLAG_CJK_NGRAM);
      }
      if (!q.empty()) alts.push_back(std::move(q));
    }
    if (alts.empty()) return Xapian::Query();
    if (alts.size() == 1) return alts[0];
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alts.begin(), alts.end());
  }

  // A query term. A long Chinese term (kMinHanToSegment ideographs or more) also
  // matches when its dictionary words occur apart (土石流警戒 → 土石流 AND 警戒 finds
  // 土石流紅黃警戒); the whole term, when it occurs, adds its weight on top.
  Xapian::Query ParseTerm(Xapian::QueryParser& qp, const std::string& normalised) const {
    Xapian::Query whole = ParseWord(qp, normalised);
    if (normalised.find('"') != std::string::npos || CountHan(normalised) < kMinHanToSegment) return whole;
    std::vector<Xapian::Query> words;
    for (const auto& w : SegmentWords(normalised)) {
      Xapian::Query q = ParseWord(qp, w);
      if (!q.empty()) words.push_back(std::move(q));
    }
    if (words.size() < 2) return whole;
    Xapian::Query apart(Xapian::Query::OP_AND, words.begin(), words.end());
    if (whole.empty()) return apart;
    return Xapian::Query(Xapian::Query::OP_OR, whole, apart);
  }

  // Joins adjacent query terms that together spell a multi-word synonym ("air quality"
  // → one term, which then also matches 空氣品質).
  std::vector<std::string> JoinMultiWordSynonyms(std::vector<std::string> terms) const {
    std::vector<std::string> out;
    for (size_t i = 0; i < terms.size();) {
      size_t joined = 1;
      for (size_t len = std::min<size_t>(4, terms.size() - i); len >= 2 && joined == 1; --len) {
        std::string phrase = terms[i];
        for (size_t k = 1; k < len; ++k) phrase += " " + terms[i + k];
        if (multi_word.count(phrase)) {
          out.push_back(phrase);
          joined = len;
        }
      }
      if (joined == 1) out.push_back(terms[i]);
      i += joined;
    }
    return out;
  }

  // Ids (document data) of the writer's documents indexed by `term`.
  Result<std::vector<std::string>> IdsWithTerm(const std::string& term) {
    try {
      std::lock_guard lock(write_mu);
      std::vector<std::string> ids;
      for (auto p = writer->postlist_begin(term); p != writer->postlist_end(term); ++p)
        ids.push_back(writer->get_document(*p).get_data());
      return ids;
    } catch (const Xapian::Error& e) {
      return std::unexpected(XapianError(e));
    }
  }

  // "Did you mean": the query terms with each unknown English word replaced by the
  // closest word of a visible document; empty when nothing would change.
  static std::string SpellingCorrection(Xapian::Database& db, const std::vector<std::string>& terms) {
    std::string corrected;
    bool changed = false;
    for (const auto& term : terms) {
      if (!corrected.empty()) corrected += ' ';
      size_t i = 0;
      while (i < term.size()) {
        size_t j = i;
        while (j < term.size() && std::isalpha(static_cast<unsigned char>(term[j]))) ++j;
        if (j == i) {
          corrected += term[i++];
          continue;
        }
        std::string word = AsciiLower(term.substr(i, j - i));
        std::string fix;
        if (word.size() >= 3 && !db.term_exists(word)) fix = db.get_spelling_suggestion(word, 2);
        if (!fix.empty() && fix != word) {
          corrected += fix;
          changed = true;
        } else {
          corrected.append(term, i, j - i);
        }
        i = j;
      }
    }
    return changed ? corrected : std::string();
  }

};

// How the free text of every document type becomes terms: normalised by `normalise` (the
// index's normaliser), English stems, CJK n-grams, the field's weight as wdf, and a gap after
// each field so that no phrase spans two fields.
template <typename Normalise>
class FieldText {
 public:
  FieldText(Normalise normalise, Xapian::Document& doc) : normalise_(std::move(normalise)) {
    generator_.set_stemmer(Xapian::Stem("en"));
    generator_.set_flags(Xapian::TermGenerator::FLAG_CJK_NGRAM);
    generator_.set_document(doc);
  }
  // Indexes `text` (nothing when blank) with weight `wdf`.
  void Add(std::string_view text, Xapian::termcount wdf) {
    if (Trim(text).empty()) return;
    generator_.index_text(normalise_(text), wdf);
    generator_.increase_termpos(100);
  }

 private:
  Normalise normalise_;
  Xapian::TermGenerator generator_;
};

// Adds the filter term prefix+value to `doc`; nothing when the value is empty or the term
// would exceed Xapian's length limit.
inline void AddFilterTerm(Xapian::Document& doc, std::string_view prefix, std::string_view value) {
  if (value.empty() || prefix.size() + value.size() > kMaxTerm) return;
  doc.add_boolean_term(Term(prefix, value));
}

}  // namespace pintu::search

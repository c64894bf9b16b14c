// Pintu's search engine (search::SearchIndex) set up exactly as the server does:
// Normalizer::Create(), synonyms from data/synonyms.tsv, one Dataset per catalog row.
#pragma once

#include <memory>
#include <string>

#include "search/catalog.h"
#include "search/engine.h"
#include "search/index.h"
#include "search/normalizer.h"

namespace pintu::bench {

class PintuEngine : public Engine {
 public:
  // Indexes every row of `cat` into a new index in `dir` (Upsert per row, one Commit)
  // and records the time in `stats`. Fails when OpenCC data or the synonyms file is
  // missing, or Xapian fails.
  static Result<std::unique_ptr<PintuEngine>> Build(const Catalog& cat, const std::string& dir,
                                                    const std::string& synonyms_path, BuildStats& stats);
  std::string Name() const override { return "pintu"; }
  Result<std::unique_ptr<Session>> NewSession() override;
  // Number of synonym groups loaded.
  size_t synonym_groups() const { return synonym_groups_; }

  // Dataset id of catalog row `row` (a UUID-shaped string that encodes the row) and back.
  static std::string IdOf(size_t row);
  static int64_t RowOf(std::string_view id);

 private:
  std::unique_ptr<search::Normalizer> normalizer_;
  std::unique_ptr<search::SearchIndex> index_;
  size_t synonym_groups_ = 0;
};

}  // namespace pintu::bench

// Text normalisation for search, applied identically to indexed documents and to
// queries, so that what a person types matches what agencies wrote:
//   1. Unicode NFKC (full-width ＣＳＶ → CSV, compatibility forms);
//   2. CJK radicals and compatibility ideographs that NFKC leaves alone, via a table
//      (⻑ U+2ED1 → 長, ㇐ U+31D0 → 一, …), as found in text extracted from PDFs;
//   3. Simplified → Taiwan Traditional with phrases (OpenCC s2twp: 长期照顾 → 長期照顧);
//   4. 台 → 臺 (both spellings are official; the index uses one);
//   5. case folding (full Unicode lower case).
// English stemming is left to the index (Xapian's stemmer), not done here.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace pintu::search {

class Normalizer {
 public:
  // Loads OpenCC's s2twp conversion. Fails with a clear message when the OpenCC data
  // files are missing.
  static Result<std::unique_ptr<Normalizer>> Create();
  ~Normalizer();
  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;

  // The normalised form of `text` (valid UTF-8 in, valid UTF-8 out; invalid bytes are
  // replaced by U+FFFD). Thread-safe.
  std::string Normalize(std::string_view text) const;

 private:
  Normalizer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Only steps 1, 2, 4 and 5 (no OpenCC): for callers without a Normalizer instance
// and for tests of the table-driven steps.
std::string NormalizeWithoutConversion(std::string_view text);

}  // namespace pintu::search

// Synonyms and abbreviations used by Taiwanese government data (長照 ↔ 長期照顧,
// 北市 ↔ 臺北市 …), read from an operator-editable file (default: data/synonyms.tsv
// in the source tree, copied into the data directory on first start).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pintu::search {

// One group of terms that mean the same thing, e.g. {"長照", "長期照顧"}.
struct SynonymGroup {
  std::vector<std::string> terms;  // normalised (see Normalizer), at least two
};

// Parses the TSV format: one group per line, terms separated by tabs; '#' starts a
// comment; blank lines are ignored. Errors name the line. Terms are returned as
// written (callers normalise them).
Result<std::vector<SynonymGroup>> ParseSynonyms(std::string_view text);
// Reads and parses a synonyms file.
Result<std::vector<SynonymGroup>> LoadSynonyms(const std::string& path);

}  // namespace pintu::search

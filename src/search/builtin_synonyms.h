// The synonym list shipped with Pintu (data/synonyms.tsv in the source tree, compiled
// into the binary so that a fresh data directory gets it wherever the binary runs).
#pragma once

#include <string_view>

namespace pintu::search {

// The text of data/synonyms.tsv at build time (TSV; see synonyms.h for the format).
std::string_view BuiltinSynonymsTsv();

}  // namespace pintu::search

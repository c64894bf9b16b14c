// How a software entry looks to the search index.
#pragma once

#include <cstdint>

#include "core/organization.h"
#include "core/software.h"
#include "search/index.h"

namespace pintu::actions {

// The index document of `s` published by `org` and adopted by `adopters` agencies: name,
// descriptions (short and long, by language), features and tw: tech stacks from its
// publiccode.yml, plus the facet values (category, piece size, licence, publisher, level,
// stored maintenance status, development status). Deleted entries are not visible.
search::SoftwareDocument SoftwareSearchDocument(const Software& s, const Organization& org, int64_t adopters);

}  // namespace pintu::actions

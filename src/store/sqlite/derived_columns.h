// The indexed columns the store derives from documents: lower-cased search text,
// sort keys and packed value lists. Pure functions, so writes and tests agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/dataset.h"
#include "core/organization.h"

namespace pintu::sqlite {

// Separator of packed lists; it never occurs in stored values.
inline constexpr char kPackSeparator = '\x1f';

// "\x1fa\x1fb\x1f" for {a, b} (duplicates and empty values dropped); "" for none.
std::string PackList(const std::vector<std::string>& values);
// The values of a packed list, in stored order.
std::vector<std::string_view> UnpackList(std::string_view packed);
// The needle that finds `value` as a whole element of a packed list.
std::string PackedNeedle(std::string_view value);

// Normalises text for the simple search: ASCII letters lower-cased, everything
// else (CJK included) kept as is.
std::string SearchFold(std::string_view text);

// Folded titles of the dataset in every language, one per line.
std::string DatasetTitleSearch(const Dataset& d);
// Folded slug, titles, descriptions (every language) and tags, one per line.
std::string DatasetSearchText(const Dataset& d);
// The key "title" sorts by: the folded zh-TW title (else the best one).
std::string DatasetTitleSort(const Dataset& d);
// Upper-cased formats of the dataset's non-deleted resources, packed.
std::string DatasetFormatsPacked(const Dataset& d);
// Folded titles of the organisation in every language, one per line.
std::string OrganizationTitleSearch(const Organization& o);

}  // namespace pintu::sqlite

// Plain-language descriptions of dataset activities (created, changed, deleted) for the
// Atom feeds: what happened and which parts of the dataset changed, in zh-TW or English.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "http/web/i18n.h"

namespace pintu::http::web {

// What an activity did, in the reader's language.
struct ChangeDescription {
  std::string kind;     // "created", "changed" or "deleted"
  std::string label;    // "資料集更新" / "Dataset updated"
  std::string summary;  // "變更項目：標題、資料檔案。" / "Changed: title, data files."
};

// Describes a dataset activity ("new package", "changed package", "deleted package"; other
// types count as changes) from its type and diff_json.
ChangeDescription DescribeDatasetChange(const Activity& a, Lang lang);

// The catalogue keys ("change_title", "change_resources", …) of the parts of a dataset
// that a diff_json ({"field": {"old", "new"}, …} in CKAN field names) changed, in a fixed
// reading order and without duplicates. Bookkeeping fields (modification times, counters,
// licence titles derived from the licence id, the time stamps every write puts on each
// resource) are left out; fields without a label of their own count as "change_other".
// Malformed JSON → no parts.
std::vector<std::string> ChangedParts(std::string_view diff_json);

}  // namespace pintu::http::web

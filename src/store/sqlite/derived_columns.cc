#include "store/sqlite/derived_columns.h"

#include <algorithm>

#include "core/text.h"

namespace pintu::sqlite {
namespace {

void AppendLine(std::string& out, std::string_view text) {
  if (text.empty()) return;
  if (!out.empty()) out += '\n';
  out += SearchFold(text);
}

void AppendAll(std::string& out, const LocalizedText& t) {
  for (const auto& [lang, value] : t.Values()) AppendLine(out, value);
}

}  // namespace

std::string PackList(const std::vector<std::string>& values) {
  std::vector<std::string> seen;
  std::string out;
  for (const auto& raw : values) {
    std::string v = raw;
    std::replace(v.begin(), v.end(), kPackSeparator, ' ');
    if (v.empty() || std::find(seen.begin(), seen.end(), v) != seen.end()) continue;
    if (out.empty()) out += kPackSeparator;
    out += v;
    out += kPackSeparator;
    seen.push_back(std::move(v));
  }
  return out;
}

std::vector<std::string_view> UnpackList(std::string_view packed) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < packed.size()) {
    size_t end = packed.find(kPackSeparator, start);
    if (end == std::string_view::npos) end = packed.size();
    if (end > start) out.push_back(packed.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

std::string PackedNeedle(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out += kPackSeparator;
  out += value;
  out += kPackSeparator;
  return out;
}

std::string SearchFold(std::string_view text) { return AsciiLower(text); }

std::string DatasetTitleSearch(const Dataset& d) {
  std::string out;
  AppendAll(out, d.title);
  return out;
}

std::string DatasetSearchText(const Dataset& d) {
  std::string out;
  AppendLine(out, d.slug);
  AppendAll(out, d.title);
  AppendAll(out, d.description);
  for (const auto& tag : d.keywords) AppendLine(out, tag);
  return out;
}

std::string DatasetTitleSort(const Dataset& d) { return SearchFold(d.title.Best(kLangZh)); }

std::string DatasetFormatsPacked(const Dataset& d) {
  std::vector<std::string> formats;
  for (const auto& r : d.resources)
    if (r.state != State::kDeleted) formats.push_back(AsciiUpper(Trim(r.format)));
  return PackList(formats);
}

std::string OrganizationTitleSearch(const Organization& o) {
  std::string out;
  AppendAll(out, o.title);
  return out;
}

}  // namespace pintu::sqlite

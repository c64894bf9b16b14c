#include "search/synonyms.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace pintu::search {
namespace {

// Trims ASCII spaces and '\r' (tabs are separators, not trimmed).
std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Cuts a comment: '#' at the start of the line or of a term starts it.
std::string_view StripComment(std::string_view line) {
  size_t pos = line.find('#');
  return pos == std::string_view::npos ? line : line.substr(0, pos);
}

}  // namespace

Result<std::vector<SynonymGroup>> ParseSynonyms(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 BOM
  std::vector<SynonymGroup> groups;
  size_t line_no = 0;
  while (!text.empty()) {
    ++line_no;
    size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    line = StripComment(line);
    if (Trim(line).empty()) continue;
    SynonymGroup group;
    while (true) {
      size_t tab = line.find('\t');
      std::string_view term = Trim(line.substr(0, tab));
      // Exact repeats within a line add nothing and are dropped.
      if (!term.empty() && std::ranges::find(group.terms, term) == group.terms.end()) {
        group.terms.emplace_back(term);
      }
      if (tab == std::string_view::npos) break;
      line.remove_prefix(tab + 1);
    }
    if (group.terms.size() < 2) {
      Error e = Error::Invalid(
          "synonyms", fmt::format("line {}: a group needs at least two terms", line_no),
          fmt::format("第 {} 行：每組至少需要兩個詞", line_no));
      e.message = e.fields.front().message;
      return std::unexpected(std::move(e));
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

Result<std::vector<SynonymGroup>> LoadSynonyms(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(Error::Internal("cannot open synonyms file " + path));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return std::unexpected(Error::Internal("cannot read synonyms file " + path));
  auto parsed = ParseSynonyms(buf.str());
  if (!parsed) parsed.error().message = path + ": " + parsed.error().message;
  return parsed;
}

}  // namespace pintu::search

// Query set construction.
#include "search/queries.h"

#include <set>

#include "search/rng.h"

namespace pintu::bench {
namespace {

// Decodes the code point starting at s[i] (valid UTF-8 assumed); sets `len`.
char32_t Decode(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) {
    len = 1;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return cp;
}

bool IsIdeograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

}  // namespace

std::vector<BenchQuery> CuratedQueries() {
  static const char* kQueries[] = {
      "長照", "長期照顧", "空氣品質", "臺北市 公車", "人口 統計", "土地", "地震", "水質",
      "預算", "學校", "醫院", "觀光", "交通事故", "犯罪", "人口统计", "air quality", "youbike",
      "停車場", "垃圾", "失業率", "颱風", "雨量", "幼兒園", "藥局", "天氣", "高雄市 預算",
      "台北市", "疫苗", "農產品 價格", "社會福利", "公共自行車", "身心障礙", "自來水"};
  std::vector<BenchQuery> out;
  for (const char* q : kQueries) out.push_back({q, "curated"});
  return out;
}

std::vector<BenchQuery> BuildQuerySet(const Catalog& cat, size_t random_count, uint64_t seed) {
  std::vector<BenchQuery> out = CuratedQueries();
  std::set<std::string> seen;
  for (const auto& q : out) seen.insert(q.text);
  Rng rng(seed);
  size_t added = 0;
  for (size_t attempt = 0; added < random_count && attempt < random_count * 1000 && !cat.rows.empty();
       ++attempt) {
    const std::string& title = cat.rows[rng.Below(cat.rows.size())].title;
    std::vector<std::pair<size_t, size_t>> cps;  // (byte offset, byte length)
    for (size_t i = 0, len = 0; i < title.size(); i += len) {
      char32_t cp = Decode(title, i, len);
      cps.emplace_back(IsIdeograph(cp) ? i : std::string::npos, len);
    }
    size_t want = 2 + rng.Below(3);  // 2, 3 or 4 characters
    if (cps.size() < want) continue;
    size_t start = rng.Below(cps.size() - want + 1);
    bool ok = true;
    for (size_t k = start; k < start + want; ++k) ok = ok && cps[k].first != std::string::npos;
    if (!ok) continue;
    size_t from = cps[start].first, to = cps[start + want - 1].first + cps[start + want - 1].second;
    std::string piece = title.substr(from, to - from);
    if (!seen.insert(piece).second) continue;
    out.push_back({std::move(piece), "substring"});
    ++added;
  }
  return out;
}

std::vector<std::string> SplitTerms(std::string_view query) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < query.size();) {
    size_t len = 1;
    bool space = query[i] == ' ' || query[i] == '\t' || query[i] == '\n' || query[i] == '\r';
    if (query.substr(i, 3) == "\u3000") space = true, len = 3;
    if (space) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += query[i];
    }
    i += len;
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace pintu::bench

#include "formats/normalize.h"

#include <array>

#include "core/localized_text.h"
#include "core/hash.h"
#include "core/model_json.h"
#include "core/text.h"

namespace pintu::formats {
namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The first `n` code points of valid UTF-8 `s`.
std::string_view FirstCodePoints(std::string_view s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) return s.substr(0, i);
      ++count;
    }
  }
  return s;
}

}  // namespace

std::optional<int64_t> ParseCount(std::string_view s) {
  s = Trim(s);
  if (s.empty()) return 0;
  int64_t v = 0;
  int digits = 0;
  for (char c : s) {
    if (c == ',') continue;
    if (c < '0' || c > '9') return std::nullopt;
    if (++digits > 18) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (digits == 0) return std::nullopt;
  return v;
}

std::string NormalizeEncoding(std::string_view s) {
  std::string_view t = Trim(s);
  std::string key;
  for (char c : AsciiLower(t))
    if (c != '-' && c != '_' && c != ' ') key.push_back(c);
  if (key.empty() || t == "其他" || t == "無" || key == "other" || key == "unknown" || key == "none")
    return {};
  if (key == "utf8" || key == "utf8sig" || key == "utf8bom" || key == "utf8withbom") return "UTF-8";
  if (key == "big5" || key == "cp950" || key == "ms950" || key == "windows950" ||
      key == "big5hkscs" || key == "x-big5" || key == "xbig5")
    return "Big5";
  if (key == "gbk" || key == "cp936") return "GBK";
  if (key == "gb2312") return "GB2312";
  if (key == "gb18030") return "GB18030";
  if (key == "utf16") return "UTF-16";
  if (key == "utf16le") return "UTF-16LE";
  if (key == "utf16be") return "UTF-16BE";
  if (key == "ascii" || key == "usascii") return "US-ASCII";
  if (key == "latin1" || key == "iso88591") return "ISO-8859-1";
  return std::string(t);
}

Contact ParseAgencyContact(std::string_view s) {
  Contact c;
  std::string text = CleanTitle(s);
  std::string_view t = text;
  // Find the last opening parenthesis, ASCII or full-width.
  size_t open = t.rfind('(');
  size_t open_len = 1;
  size_t fw = t.rfind("（");
  if (fw != std::string_view::npos && (open == std::string_view::npos || fw > open)) {
    open = fw;
    open_len = 3;
  }
  if (open != std::string_view::npos) {
    std::string_view inner = t.substr(open + open_len);
    if (EndsWith(inner, ")")) inner.remove_suffix(1);
    else if (EndsWith(inner, "）")) inner.remove_suffix(3);
    c.name = std::string(Trim(t.substr(0, open)));
    c.phone = std::string(Trim(inner));
    return c;
  }
  size_t digits = 0, others = 0;
  for (char ch : t) {
    if (ch >= '0' && ch <= '9') ++digits;
    else if (ch != '-' && ch != '#' && ch != ' ' && ch != '+' && ch != ';') ++others;
  }
  if (digits > 0 && digits >= others) c.phone = std::string(t);
  else c.name = std::string(t);
  return c;
}

std::string NormalizeLicense(std::string_view s) {
  std::string_view t = Trim(s);
  if (const LicenseInfo* l = FindLicense(t)) return std::string(l->id);
  return std::string(t);
}

std::string StableHex(std::string_view bytes, size_t hex_chars) {
  std::string hex = Sha256Hex(bytes);
  if (hex_chars < hex.size()) hex.resize(hex_chars);
  return hex;
}

std::string DatagovtwListingSlug(std::string_view agency, std::string_view title) {
  std::string key = CleanTitle(agency);
  key.push_back('\x1f');
  key += CleanTitle(title);
  return "dgtw-" + StableHex(key, 12);
}

std::string SlugifyAscii(std::string_view s) {
  std::string out;
  bool dash = false;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      if (dash && !out.empty()) out.push_back('-');
      dash = false;
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else {
      dash = true;
    }
  }
  if (out.size() > 100) out.resize(100);
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() < 2) return {};
  return out;
}

std::string OrgSlugForName(std::string_view name) {
  std::string cleaned = CleanTitle(name);
  std::string_view t = cleaned;
  if (!ContainsCjk(t)) {
    bool ascii = true;
    for (char c : t)
      if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    if (ascii) {
      std::string slug = SlugifyAscii(t);
      if (!slug.empty()) return slug;
    }
  }
  return "org-" + StableHex(t, 10);
}

std::optional<OrgLevel> GuessOrgLevel(std::string_view name) {
  std::string cleaned = CleanTitle(name);
  std::string_view t = cleaned;
  if (t.empty()) return std::nullopt;
  static constexpr std::array<std::string_view, 21> kPlaces{
      "北市", "新北市", "桃園市", "桃園縣", "中市", "南市", "高雄市", "基隆市", "新竹市", "新竹縣",
      "嘉義市", "嘉義縣", "苗栗縣", "彰化縣", "南投縣", "雲林縣", "屏東縣", "宜蘭縣", "花蓮縣",
      "東縣", "北縣"};
  static constexpr std::array<std::string_view, 3> kIslands{"澎湖縣", "金門縣", "連江縣"};
  for (std::string_view place : kPlaces) {
    // 臺/台 prefixed names (臺北市, 台中市, 臺東縣 …) and the plain ones (新北市 …).
    for (std::string_view pre : {std::string_view(""), std::string_view("臺"), std::string_view("台")}) {
      std::string full = std::string(pre) + std::string(place);
      bool needs_prefix = place == "北市" || place == "中市" || place == "南市" || place == "東縣" ||
                          place == "北縣";
      if (needs_prefix && pre.empty()) continue;
      if (!needs_prefix && !pre.empty()) continue;
      if (StartsWith(t, full)) return OrgLevel::kLocal;
    }
  }
  for (std::string_view place : kIslands)
    if (StartsWith(t, place)) return OrgLevel::kLocal;
  if (EndsWith(t, "公所")) return OrgLevel::kLocal;

  static constexpr std::array<std::string_view, 11> kCentralPrefixes{
      "行政院", "總統府", "立法院", "司法院", "考試院", "監察院", "國家", "國立", "中央", "國史館", "最高"};
  for (std::string_view p : kCentralPrefixes)
    if (StartsWith(t, p)) return OrgLevel::kCentral;
  if (t.find("法院") != std::string_view::npos || t.find("檢察署") != std::string_view::npos)
    return OrgLevel::kCentral;
  std::string_view head = FirstCodePoints(t, 4);
  if (head.find("部") != std::string_view::npos) return OrgLevel::kCentral;
  std::string_view head6 = FirstCodePoints(t, 6);
  if (head6.find("委員會") != std::string_view::npos) return OrgLevel::kCentral;
  return std::nullopt;
}

std::string CleanTitle(std::string_view s) {
  std::string stripped = StripControlChars(s);
  std::string out;
  out.reserve(stripped.size());
  bool space = false;
  for (char c : stripped) {
    if (c == '\r' || c == '\n' || c == '\t') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return std::string(Trim(out));
}

std::string CleanText(std::string_view s) { return std::string(Trim(StripControlChars(s))); }

namespace {
std::vector<std::string> SplitOn(std::string_view s, std::initializer_list<std::string_view> seps) {
  std::vector<std::string> out;
  size_t start = 0, i = 0;
  auto flush = [&](size_t end) {
    std::string piece = CleanText(s.substr(start, end - start));
    if (!piece.empty() && std::find(out.begin(), out.end(), piece) == out.end()) out.push_back(piece);
  };
  while (i < s.size()) {
    bool matched = false;
    for (std::string_view sep : seps) {
      if (s.substr(i, sep.size()) == sep) {
        flush(i);
        i += sep.size();
        start = i;
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  flush(s.size());
  return out;
}
}  // namespace

std::vector<std::string> SplitList(std::string_view s) { return SplitOn(s, {";", "；"}); }

std::vector<std::string> SplitKeywords(std::string_view s) {
  return SplitOn(s, {",", "，", ";", "；", "、", "|"});
}

std::string Quote(std::string_view s) {
  std::string clean = CleanTitle(s);
  std::string_view head = FirstCodePoints(clean, 60);
  std::string out = "\"" + std::string(head);
  if (head.size() < clean.size()) out += "…";
  return out + "\"";
}

std::string NormalizeLanguage(std::string_view s) {
  std::string_view t = Trim(s);
  if (auto slash = t.rfind('/'); slash != std::string_view::npos) t = t.substr(slash + 1);
  if (auto hash = t.rfind('#'); hash != std::string_view::npos) t = t.substr(hash + 1);
  std::string lower = AsciiLower(t);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> k3{{
      {"eng", "en"}, {"spa", "es"}, {"cat", "ca"}, {"fra", "fr"}, {"fre", "fr"}, {"deu", "de"},
      {"ger", "de"}, {"zho", "zh-TW"}, {"chi", "zh-TW"}, {"jpn", "ja"}, {"kor", "ko"},
      {"ita", "it"}, {"nld", "nl"}, {"por", "pt"}}};
  for (const auto& [code, tag] : k3)
    if (lower == code) return std::string(tag);
  if (lower.empty() || lower.size() > 35) return {};
  for (char c : lower)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return {};
  return NormalizeLangTag(t);
}

}  // namespace pintu::formats

#include "formats/dcat_vocabularies.h"

#include <array>
#include <cctype>
#include <utility>

#include "core/text.h"

namespace pintu::dcat {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr std::array<Pair, 13> kThemes{{
    {"AGRI", "Agriculture, fisheries, forestry and food"},
    {"ECON", "Economy and finance"},
    {"EDUC", "Education, culture and sport"},
    {"ENER", "Energy"},
    {"ENVI", "Environment"},
    {"GOVE", "Government and public sector"},
    {"HEAL", "Health"},
    {"INTR", "International issues"},
    {"JUST", "Justice, legal system and public safety"},
    {"REGI", "Regions and cities"},
    {"SOCI", "Population and society"},
    {"TECH", "Science and technology"},
    {"TRAN", "Transport"},
}};

// ISO 639-1 primary subtag → EU language table (ISO 639-3) code.
constexpr std::array<Pair, 12> kLanguages{{
    {"zh", "ZHO"}, {"en", "ENG"}, {"ja", "JPN"}, {"ko", "KOR"}, {"vi", "VIE"}, {"id", "IND"}, {"th", "THA"},
    {"ms", "MSA"}, {"tl", "TGL"}, {"fr", "FRA"}, {"de", "DEU"}, {"es", "SPA"},
}};

// Upper-cased declared format → EU file-type code.
template <size_t N>
std::optional<std::string_view> Find(const std::array<Pair, N>& table, std::string_view key) {
  for (const auto& [k, v] : table)
    if (k == key) return v;
  return std::nullopt;
}

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$&^_.+-").find(c) != std::string_view::npos;
}

}  // namespace

std::optional<std::string_view> EuThemeLabel(std::string_view code) { return Find(kThemes, code); }

std::optional<std::string_view> EuLanguageCode(std::string_view bcp47) {
  std::string primary = AsciiLower(bcp47.substr(0, bcp47.find_first_of("-_")));
  return Find(kLanguages, primary);
}

std::optional<std::string> CleanMediaType(std::string_view media_type) {
  std::string_view t = Trim(media_type.substr(0, media_type.find(';')));
  size_t slash = t.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == t.size() || t.size() > 255) return std::nullopt;
  for (size_t i = 0; i < t.size(); ++i)
    if (i != slash && !IsTokenChar(t[i])) return std::nullopt;
  return AsciiLower(t);
}

std::string_view GuessLanguage(std::string_view text) {
  if (ContainsHan(text)) return "zh-TW";
  bool letter = false;
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return "";
    if (std::isalpha(static_cast<unsigned char>(c))) letter = true;
  }
  return letter ? "en" : "";
}

}  // namespace pintu::dcat

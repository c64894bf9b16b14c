// Text in several languages, keyed by BCP 47 tag ("zh-TW", "en", ...).
// Pintu's user-facing languages are zh-TW (default) and en; other tags found in
// imported documents are kept so that exports lose nothing.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pintu {

inline constexpr std::string_view kLangZh = "zh-TW";
inline constexpr std::string_view kLangEn = "en";

class LocalizedText {
 public:
  LocalizedText() = default;
  // A text with only the zh-TW value set (may be empty).
  static LocalizedText Zh(std::string zh);
  static LocalizedText Both(std::string zh, std::string en);

  // The value for `lang` exactly, or empty when absent.
  const std::string& Get(std::string_view lang) const;
  // The value for `lang`; falls back to zh-TW, then en, then any language.
  // `used_lang`, when given, receives the language actually returned.
  const std::string& Best(std::string_view lang, std::string* used_lang = nullptr) const;
  // Sets (or, with an empty value, removes) the value for `lang`.
  void Set(std::string_view lang, std::string value);
  bool Has(std::string_view lang) const { return !Get(lang).empty(); }
  bool Empty() const { return values_.empty(); }
  // All non-empty values in insertion order (zh-TW first when present).
  const std::vector<std::pair<std::string, std::string>>& Values() const { return values_; }

  bool operator==(const LocalizedText&) const = default;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

// Normalises a language tag's spelling: "zh_TW", "zh-tw", "zh-Hant" → "zh-TW";
// "EN", "en-US" stay as given except case ("en", "en-US").
std::string NormalizeLangTag(std::string_view tag);

}  // namespace pintu

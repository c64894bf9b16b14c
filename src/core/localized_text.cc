#include "core/localized_text.h"

#include <algorithm>
#include <cctype>

namespace pintu {
namespace {
const std::string kEmpty;
}

LocalizedText LocalizedText::Zh(std::string zh) {
  LocalizedText t;
  t.Set(kLangZh, std::move(zh));
  return t;
}

LocalizedText LocalizedText::Both(std::string zh, std::string en) {
  LocalizedText t;
  t.Set(kLangZh, std::move(zh));
  t.Set(kLangEn, std::move(en));
  return t;
}

const std::string& LocalizedText::Get(std::string_view lang) const {
  for (const auto& [k, v] : values_)
    if (k == lang) return v;
  return kEmpty;
}

const std::string& LocalizedText::Best(std::string_view lang, std::string* used_lang) const {
  for (std::string_view candidate : {lang, kLangZh, kLangEn}) {
    for (const auto& [k, v] : values_) {
      if (k == candidate) {
        if (used_lang) *used_lang = k;
        return v;
      }
    }
  }
  if (!values_.empty()) {
    if (used_lang) *used_lang = values_.front().first;
    return values_.front().second;
  }
  if (used_lang) used_lang->clear();
  return kEmpty;
}

void LocalizedText::Set(std::string_view lang, std::string value) {
  std::string tag = NormalizeLangTag(lang);
  auto it = std::find_if(values_.begin(), values_.end(),
                         [&](const auto& p) { return p.first == tag; });
  if (value.empty()) {
    if (it != values_.end()) values_.erase(it);
    return;
  }
  if (it != values_.end()) {
    it->second = std::move(value);
  } else if (tag == kLangZh) {
    values_.insert(values_.begin(), {std::move(tag), std::move(value)});
  } else {
    values_.emplace_back(std::move(tag), std::move(value));
  }
}

std::string NormalizeLangTag(std::string_view tag) {
  std::string t(tag);
  std::replace(t.begin(), t.end(), '_', '-');
  std::string lower = t;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (lower == "zh-tw" || lower == "zh-hant" || lower == "zh-hant-tw" || lower == "zh")
    return std::string(kLangZh);
  // Lower-case the primary subtag, upper-case a two-letter region.
  auto dash = lower.find('-');
  if (dash == std::string::npos) return lower;
  std::string out = lower.substr(0, dash + 1);
  std::string rest = t.substr(dash + 1);
  if (rest.size() == 2) {
    std::transform(rest.begin(), rest.end(), rest.begin(),
                   [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  }
  return out + rest;
}

}  // namespace pintu

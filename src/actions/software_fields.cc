#include "actions/software_fields.h"

#include "core/text.h"

namespace pintu::actions {
namespace pc = formats::publiccode;

const pc::Description* DescriptionFor(const pc::Publiccode& doc, std::string_view lang) {
  auto find = [&](std::string_view tag) -> const pc::Description* {
    for (const auto& [key, d] : doc.description)
      if (AsciiLower(key) == AsciiLower(tag)) return &d;
    return nullptr;
  };
  if (lang == kLangZh) {
    for (std::string_view tag : {"zh-TW", "zh-Hant-TW", "zh-Hant", "zh"})
      if (auto* d = find(tag)) return d;
    for (const auto& [key, d] : doc.description)
      if (AsciiLower(key).starts_with("zh")) return &d;
    return nullptr;
  }
  if (auto* d = find(lang)) return d;
  for (const auto& [key, d] : doc.description)
    if (AsciiLower(key).starts_with(std::string(lang) + "-")) return &d;
  return nullptr;
}

LocalizedText ShortDescriptions(const pc::Publiccode& doc) {
  LocalizedText t;
  for (std::string_view lang : {kLangZh, kLangEn})
    if (const auto* d = DescriptionFor(doc, lang); d && d->short_description)
      t.Set(lang, *d->short_description);
  return t;
}

void ApplyPubliccode(Software& s, const pc::ValidationResult& result) {
  s.valid = result.valid();
  if (!result.document) return;
  const pc::Publiccode& doc = *result.document;
  s.name = doc.name;
  s.short_description = ShortDescriptions(doc);
  s.software_type = doc.software_type;
  s.development_status = doc.development_status;
  s.license = doc.legal.license;
  s.categories = doc.categories.value_or(std::vector<std::string>{});
  s.maintenance_type = doc.maintenance.type;
  s.contract_until.clear();
  if (doc.maintenance.contractors)
    for (const auto& c : *doc.maintenance.contractors) s.contract_until.push_back(c.until);
}

std::string_view PieceSize(std::string_view software_type) {
  if (software_type == "library" || software_type == "addon" || software_type == "configurationFiles")
    return "module";
  if (software_type.starts_with("standalone")) return "system";
  return "";
}

std::string SlugCandidate(std::string_view text) {
  std::string out;
  for (char c : text) {
    char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    bool keep = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (keep) out.push_back(l);
    else if (!out.empty() && out.back() != '-') out.push_back('-');
    if (out.size() >= 100) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() < 2) return "";
  return out;
}

}  // namespace pintu::actions

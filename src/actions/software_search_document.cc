#include "actions/software_search_document.h"

#include "actions/software.h"
#include "actions/software_fields.h"

namespace pintu::actions {

search::SoftwareDocument SoftwareSearchDocument(const Software& s, const Organization& org, int64_t adopters) {
  search::SoftwareDocument doc;
  doc.id = s.id;
  doc.slug = s.slug;
  doc.name = s.name;
  doc.organization_id = org.id;
  doc.organization_title_zh = org.title.Get(kLangZh);
  doc.organization_title_en = org.title.Get(kLangEn);
  doc.level = std::string(ToCode(org.level));
  doc.categories = s.categories;
  doc.piece_size = std::string(PieceSize(s.software_type));
  doc.license = s.license;
  // The stored status: kept current by crawls, edits and RefreshMaintenanceStatuses.
  doc.maintenance_status = s.maintenance_status;
  doc.development_status = s.development_status;
  doc.adopters = adopters;
  doc.modified = s.modified;
  doc.visible = s.state == State::kActive;
  for (const auto& [lang, text] : s.short_description.Values()) doc.descriptions[lang] = text;
  if (!s.publiccode_yml.empty()) {
    auto result = ValidateForRegistry(s.publiccode_yml);
    if (result.document) {
      for (const auto& [lang, d] : result.document->description) {
        std::string text = d.short_description.value_or("");
        if (d.long_description) text += "\n" + *d.long_description;
        if (d.localised_name) text = *d.localised_name + "\n" + text;
        std::string& slot = doc.descriptions[lang];
        slot = slot.empty() ? text : slot + "\n" + text;
        if (d.features)
          for (const auto& f : *d.features) doc.features.push_back(f);
      }
      if (result.document->taiwan)
        for (const auto& t : result.document->taiwan->tech_stacks) doc.keywords.push_back(t);
      for (const auto& p : result.document->platforms) doc.keywords.push_back(p);
    }
  }
  return doc;
}

}  // namespace pintu::actions

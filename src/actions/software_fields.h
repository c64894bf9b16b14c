// Derives a software entry's summary fields (name, descriptions, type, licence …) from a
// validated publiccode.yml, and names an entry's slug.
#pragma once

#include <string>
#include <string_view>

#include "core/localized_text.h"
#include "core/software.h"
#include "formats/publiccode/validate.h"

namespace pintu::actions {

// The description of `doc` in `lang` ("zh-TW" or "en"), falling back within the language
// family (zh-TW → zh-Hant-TW, zh-Hant, zh; en → en-*, any English) and nullptr when the
// family has none.
const formats::publiccode::Description* DescriptionFor(const formats::publiccode::Publiccode& doc,
                                                       std::string_view lang);
// Short descriptions in zh-TW and en (absent languages stay absent: pages fall back).
LocalizedText ShortDescriptions(const formats::publiccode::Publiccode& doc);

// Copies what `result` says into `s` (valid flag, name, descriptions, type, status,
// licence, categories, maintenance). Fields the file lacks are cleared.
void ApplyPubliccode(Software& s, const formats::publiccode::ValidationResult& result);

// "module" for libraries, add-ons and configuration files; "system" for standalone
// software; "" when the type is unknown. The piece size of the mission's puzzle.
std::string_view PieceSize(std::string_view software_type);

// A slug candidate from a name or repository URL: lower-case ASCII letters, digits and
// '-', 2–100 characters; "" when nothing usable is left (e.g. a name in Chinese only).
std::string SlugCandidate(std::string_view text);

}  // namespace pintu::actions

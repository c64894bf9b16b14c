// Mappings from Pintu's codes to the EU authority tables and IANA registries that
// DCAT-AP uses, with the labels the export writes next to each IRI.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pintu::dcat {

// The English label of an EU data-theme code ("HEAL" → "Health"), or nullopt.
std::optional<std::string_view> EuThemeLabel(std::string_view code);

// The EU language-table code of a BCP 47 tag: "zh-TW", "zh" → "ZHO", "en-US" → "ENG",
// "ja" → "JPN" … (a dozen languages of Taiwan's data); nullopt for others.
std::optional<std::string_view> EuLanguageCode(std::string_view bcp47);

// A declared media type reduced to "type/subtype" in lower case ("Text/CSV; charset=big5"
// → "text/csv"), or nullopt when it is not a syntactically valid media type.
std::optional<std::string> CleanMediaType(std::string_view media_type);

// The language tag to put on free text whose language is not declared: "zh-TW" when it
// contains Han characters, "en" when it is plain ASCII with a letter, else "" (no tag).
std::string_view GuessLanguage(std::string_view text);

}  // namespace pintu::dcat

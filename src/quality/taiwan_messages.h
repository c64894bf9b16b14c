// The bilingual (en, zh-TW) messages and fix hints of the Taiwan-specific warnings.
// Internal to quality/taiwan_checks.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "quality/taiwan_checks.h"

namespace pintu::quality::taiwan_messages {

// roc-date: `example` is the first ROC date, `gregorian` its ISO form.
LocalizedLine RocDate(std::uint64_t count, std::string_view example, std::string_view gregorian);
LocalizedLine RocDateHint(std::string_view gregorian);

// mixed-date-formats: `formats` lists "NAME (COUNT)" entries joined by ", ".
LocalizedLine MixedDateFormats(std::size_t format_count, std::string_view formats);
LocalizedLine MixedDateFormatsHint(std::string_view majority_format);

// full-width-characters: `example` and its half-width form.
LocalizedLine FullWidth(std::uint64_t count, std::string_view example, std::string_view half_width);
LocalizedLine FullWidthHint();

// cjk-compatibility-character: `characters` lists "⻑ (U+2ED1) → 長" entries.
LocalizedLine CjkCompatibility(std::uint64_t count, std::string_view characters, std::string_view example);
LocalizedLine CjkCompatibilityHint();

// personal-data-national-id / -phone / -email: `masked` is a masked example.
LocalizedLine NationalId(std::uint64_t count, std::string_view masked);
LocalizedLine NationalIdHint();
LocalizedLine MobilePhone(std::uint64_t count, std::string_view masked);
LocalizedLine MobilePhoneHint();
LocalizedLine Email(std::uint64_t count, std::string_view masked);
LocalizedLine EmailHint();

// leading-trailing-whitespace.
LocalizedLine Whitespace(std::uint64_t count, std::string_view example);
LocalizedLine WhitespaceHint();

}  // namespace pintu::quality::taiwan_messages

// The language of the terminal user, for CLI messages.
#pragma once

#include <string_view>

#include "core/error.h"

namespace pintu::cli {

// True when the user's locale asks for Chinese: the first set of LC_ALL, LC_MESSAGES,
// LANG starts with "zh".
bool PreferZh();

// True for "zh", "zh-TW", "zh_TW.UTF-8" …; false for "en…"; `fallback` for anything else.
bool IsZhTag(std::string_view tag, bool fallback);

// Prints `e` to stderr in the user's language ("錯誤：…" / "error: …"), preferring the
// first field's message, which names what is wrong.
void PrintLocalizedError(const Error& e, bool zh);

}  // namespace pintu::cli

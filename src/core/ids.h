// Identifiers and secrets.
#pragma once

#include <string>
#include <string_view>

namespace pintu {

// A random (version 4) UUID in canonical lower-case form.
std::string NewUuid();
// True for a canonical UUID string (any version).
bool LooksLikeUuid(std::string_view s);
// `bytes` cryptographically random bytes, hex-encoded (2×bytes characters).
std::string RandomHex(size_t bytes);

}  // namespace pintu

// Checking a Croissant metadata file on disk with Pintu's checker (formats/croissant_check.h),
// for `pintu croissant validate`.
#pragma once

#include <string>

#include "core/error.h"
#include "formats/croissant_check.h"

namespace pintu::actions {

// Reads the file at `path` (at most formats::CroissantLimits{}.max_bytes) and checks it.
// Fails with kNotFound when there is no such file, kBadRequest when it cannot be read or
// is not JSON, kTooLarge when it is over the limit; each error carries a zh-TW message in
// its first field.
Result<formats::CroissantValidity> ValidateCroissantFile(const std::string& path);

}  // namespace pintu::actions

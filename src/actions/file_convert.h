// Converting a data file to UTF-8 without BOM (`pintu convert`): open (gzip/zip unwrapped),
// detect or take the encoding, decode in one streaming pass, keep line endings.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "quality/encoding.h"
#include "quality/transcode.h"

namespace pintu::actions {

// What to convert.
struct ConvertRequest {
  std::string path;          // local file (may be .gz or a .zip holding one data file)
  std::string from;          // source encoding; empty = detect
  size_t sample_bytes = 1 << 20;  // bytes the detector looks at
};

// What happened.
struct ConvertReport {
  std::string encoding;  // the canonical encoding decoded from
  std::optional<quality::EncodingDetection> detection;  // set when it was detected
  std::string compression;  // "none", "gzip" or "zip"
  std::string member;       // the zip member converted, if any
  uint64_t bytes_in = 0;    // bytes decoded (after decompression)
  uint64_t bytes_out = 0;   // UTF-8 bytes written
  uint64_t invalid_count = 0;  // invalid sequences (replaced by U+FFFD or, for user-defined
                               // characters, kept as Private Use code points)
  std::optional<quality::InvalidSequence> first_invalid;
};

// Receives the UTF-8 output in order; an error stops the conversion and is returned.
using Utf8Writer = std::function<Result<void>(std::string_view)>;

// Converts `request.path` to UTF-8, passing the text to `write`. Invalid bytes do not stop
// the conversion: they are counted in the report. Fails (kNotFound, kBadRequest, kTooLarge,
// kValidation for an unknown --from or an undetectable encoding) when the input cannot be
// read or decoded at all; then some output may already have been written.
Result<ConvertReport> ConvertToUtf8(const ConvertRequest& request, const Utf8Writer& write);

}  // namespace pintu::actions

// Strict UTF-8 validation (RFC 3629 / Unicode 15 table 3-7): no overlong forms, no
// surrogates, nothing above U+10FFFF. ASCII runs are checked 16 bytes at a time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pintu::quality {

// How a scan of UTF-8 bytes ended.
enum class Utf8Status {
  kValid,       // every byte belongs to a complete, valid sequence
  kIncomplete,  // valid up to a sequence that the end of the bytes cuts short
  kInvalid,     // an invalid sequence starts at `valid_prefix`
};

// The outcome of ScanUtf8.
struct Utf8Scan {
  Utf8Status status = Utf8Status::kValid;
  // Bytes before the first problem (all of them when kValid). Always on a sequence boundary.
  size_t valid_prefix = 0;
  // For kInvalid: length of the maximal invalid subpart at `valid_prefix` (1..3), i.e. the
  // bytes one U+FFFD replaces (Unicode "substitution of maximal subparts", as WHATWG does).
  size_t invalid_length = 0;
  // True when the valid prefix contains only ASCII bytes.
  bool ascii_only = true;
};

// Scans `bytes` from the start and stops at the first invalid or cut-off sequence.
Utf8Scan ScanUtf8(std::string_view bytes);

// Counts over a whole buffer, resynchronising after each invalid sequence.
struct Utf8Census {
  size_t multibyte_sequences = 0;  // valid sequences of 2 to 4 bytes
  size_t invalid_sequences = 0;    // maximal invalid subparts (a cut-off tail counts when `at_end`)
  size_t first_invalid_offset = 0; // meaningful when invalid_sequences > 0
  bool truncated_at_end = false;   // the buffer ends inside a sequence
  size_t truncated_offset = 0;     // where that sequence starts, when truncated_at_end
};

// Validates all of `bytes`, counting valid multi-byte and invalid sequences. A sequence cut
// by the end counts as invalid only when `at_end` (the buffer is the whole input).
Utf8Census CountUtf8(std::string_view bytes, bool at_end);

}  // namespace pintu::quality

namespace pintu::quality {

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD (for names and messages).
std::string ToValidUtf8(std::string_view bytes);

}  // namespace pintu::quality

// Byte count, SHA-256 and MD5 of a file's raw bytes, computed while it streams past, for
// the report's stats and for the declared bytes/hash checks (byte-count, hash-count).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/hash.h"
#include "quality/md5.h"

namespace pintu::quality {

// The digests of a whole file.
struct FileDigests {
  std::uint64_t bytes = 0;
  std::string sha256;  // 64 lower-case hex characters
  std::string md5;     // 32 lower-case hex characters
};

// Accumulates FileDigests over chunks of raw bytes (before any decoding).
class FileDigest {
 public:
  // Adds the next raw bytes of the file.
  void Update(std::string_view raw);
  // The digests of everything added. Call once.
  FileDigests Finish();

 private:
  std::uint64_t bytes_ = 0;
  Sha256 sha256_;
  Md5 md5_;
};

}  // namespace pintu::quality

// Byte count, SHA-256 and MD5 of a file's raw bytes, computed while it streams past, for
// the report's stats and for the declared bytes/hash checks (byte-count, hash-count).
// Both digests come from OpenSSL's EVP interface (SHA-NI and assembly MD5 where the CPU
// has them); MD5 only because Frictionless compares a `hash` without an algorithm prefix
// as MD5 — not for security.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

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
  FileDigest();
  ~FileDigest();
  FileDigest(const FileDigest&) = delete;
  FileDigest& operator=(const FileDigest&) = delete;

  // Adds the next raw bytes of the file.
  void Update(std::string_view raw);
  // The digests of everything added so far; adding more afterwards continues the same
  // digests.
  FileDigests Current() const;
  // The digests of everything added (the same as Current()).
  FileDigests Finish() { return Current(); }

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace pintu::quality

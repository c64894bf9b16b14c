// A pull interface for bytes, so that every check reads its input once, in chunks, with
// memory that does not grow with the size of the input.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>

#include "core/error.h"

namespace pintu::quality {

// A forward-only stream of bytes.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `buffer.size()` bytes into `buffer`. Returns how many were read; 0 only at
  // the end of the stream (never 0 for a non-empty buffer before the end). After an error
  // the source should not be read again.
  virtual Result<size_t> Read(std::span<char> buffer) = 0;
  // Bytes delivered by Read so far.
  virtual uint64_t Position() const = 0;
  // Bytes that will be delivered in total, when known in advance (a file's size).
  virtual std::optional<uint64_t> KnownSize() const { return std::nullopt; }
  // A short description for messages ("file report.csv", "gzip of …").
  virtual std::string Describe() const = 0;
};

// Opens a regular file for one sequential pass (posix_fadvise SEQUENTIAL; plain read(2)
// into the caller's buffer; no mapping of the whole file). Fails with kNotFound when the
// file does not exist and kBadRequest when it is a directory or cannot be read.
Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path);

// A source over bytes held in memory (tests, small uploads). Owns a copy of `bytes`.
std::unique_ptr<ByteSource> MemorySource(std::string bytes);

// A source that first replays `prefix` (bytes already read from `rest`) and then continues
// with `rest`: lets a caller look at the start of a stream and still process all of it.
std::unique_ptr<ByteSource> WithPrefix(std::string prefix, std::unique_ptr<ByteSource> rest);

// Reads up to `limit` bytes from the start of `source` (fewer only at its end).
Result<std::string> ReadPrefix(ByteSource& source, size_t limit);

// Reads the rest of `source`; fails with kTooLarge when it has more than `limit` bytes.
Result<std::string> ReadAll(ByteSource& source, size_t limit);

}  // namespace pintu::quality

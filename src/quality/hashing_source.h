// A tee that computes SHA-256 and MD5 of the bytes passing through a ByteSource, so a file
// is hashed in the same single pass that checks it.
#pragma once

#include <memory>
#include <string>

#include "quality/byte_source.h"

namespace pintu::quality {

// Hex digests of a whole stream.
struct Digests {
  std::string sha256;  // 64 lower-case hex characters
  std::string md5;     // 32 lower-case hex characters
};

// Where the hashing work runs.
enum class HashingThread {
  kCaller,      // in Read(), on the caller's thread
  kBackground,  // on a worker thread fed with copies of the bytes (at most 8 MB queued), so
                // that hashing (MD5 runs at about 0.6 GB/s) overlaps with the caller's work
};

// Passes reads through to the wrapped source and hashes every byte delivered.
class HashingSource final : public ByteSource {
 public:
  explicit HashingSource(std::unique_ptr<ByteSource> inner, HashingThread thread = HashingThread::kCaller);
  ~HashingSource() override;
  HashingSource(const HashingSource&) = delete;
  HashingSource& operator=(const HashingSource&) = delete;

  // ByteSource: reads from the wrapped source (hashing what it returns) and reports its
  // position, size and description.
  Result<size_t> Read(std::span<char> buffer) override;
  uint64_t Position() const override { return inner_->Position(); }
  std::optional<uint64_t> KnownSize() const override { return inner_->KnownSize(); }
  std::string Describe() const override { return inner_->Describe(); }

  // The digests of the bytes read so far (normally: the whole stream, read to its end).
  // Does not disturb further hashing. With kBackground, waits for the queued bytes.
  Digests Current() const;

 private:
  struct State;
  struct Worker;
  std::unique_ptr<ByteSource> inner_;
  std::unique_ptr<State> state_;
  std::unique_ptr<Worker> worker_;  // only with kBackground
};

// The digests of `bytes` (tests, small inputs).
Digests HashBytes(std::string_view bytes);

}  // namespace pintu::quality

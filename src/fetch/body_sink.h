// Where the body of a fetched response goes: memory with a cap, or a file in a
// directory streamed to disk. The fetcher hands a sink only the body of the final 2xx
// response (never the body of a redirect or an error page), already decoded when the
// server used Content-Encoding.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.h"

namespace pintu::fetch {

// Receives the body in chunks, in order.
class BodySink {
 public:
  virtual ~BodySink() = default;
  // Takes the next bytes of the body. Returns true to go on, false to stop the transfer
  // early (the fetch then succeeds with body_complete = false), or an error to abort it.
  virtual Result<bool> Append(std::string_view bytes) = 0;
};

// Keeps the body in memory, at most `cap` bytes. Reaching the cap stops the transfer
// (truncated() becomes true): a cap of a few KiB reads just the first bytes of a file.
class MemorySink : public BodySink {
 public:
  explicit MemorySink(size_t cap) : cap_(cap) {}
  Result<bool> Append(std::string_view bytes) override;
  // The bytes received, at most `cap`.
  const std::string& data() const { return data_; }
  // True when more bytes arrived than the cap allowed and the transfer was stopped.
  bool truncated() const { return truncated_; }

 private:
  size_t cap_;
  std::string data_;
  bool truncated_ = false;
};

// Streams the body to a new file in a directory. The file is removed when the sink is
// destroyed unless Keep() was called, so an aborted download leaves nothing behind.
class TempFileSink : public BodySink {
 public:
  // Creates an empty file "pintu-fetch-XXXXXX" (mode 0600) in `directory`.
  static Result<std::unique_ptr<TempFileSink>> Create(const std::string& directory);
  ~TempFileSink() override;
  TempFileSink(const TempFileSink&) = delete;
  TempFileSink& operator=(const TempFileSink&) = delete;

  // Writes the bytes to the file; an I/O error (e.g. disk full) aborts the fetch.
  Result<bool> Append(std::string_view bytes) override;
  // Flushes and closes the file and hands it over: it is no longer removed. Returns its path.
  Result<std::string> Keep();
  // The path of the file.
  const std::string& path() const { return path_; }
  // How many bytes were written so far.
  uint64_t bytes_written() const { return bytes_written_; }

 private:
  TempFileSink(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
  std::string path_;
  int fd_ = -1;
  uint64_t bytes_written_ = 0;
  bool kept_ = false;
};

}  // namespace pintu::fetch

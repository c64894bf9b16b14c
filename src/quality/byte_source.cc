#include "quality/byte_source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace pintu::quality {
namespace {

class FileSource final : public ByteSource {
 public:
  FileSource(int fd, std::string path, uint64_t size) : fd_(fd), path_(std::move(path)), size_(size) {}
  ~FileSource() override { ::close(fd_); }

  Result<size_t> Read(std::span<char> buffer) override {
    if (buffer.empty()) return 0;
    for (;;) {
      ssize_t n = ::read(fd_, buffer.data(), buffer.size());
      if (n >= 0) {
        position_ += static_cast<uint64_t>(n);
        return static_cast<size_t>(n);
      }
      if (errno == EINTR) continue;
      return std::unexpected(Error::BadRequest("cannot read " + path_ + ": " + std::strerror(errno)));
    }
  }
  uint64_t Position() const override { return position_; }
  std::optional<uint64_t> KnownSize() const override { return size_; }
  std::string Describe() const override { return "file " + path_; }

 private:
  int fd_;
  std::string path_;
  uint64_t size_;
  uint64_t position_ = 0;
};

class InMemorySource final : public ByteSource {
 public:
  explicit InMemorySource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> Read(std::span<char> buffer) override {
    size_t n = std::min(buffer.size(), bytes_.size() - position_);
    std::memcpy(buffer.data(), bytes_.data() + position_, n);
    position_ += n;
    return n;
  }
  uint64_t Position() const override { return position_; }
  std::optional<uint64_t> KnownSize() const override { return bytes_.size(); }
  std::string Describe() const override { return "memory"; }

 private:
  std::string bytes_;
  size_t position_ = 0;
};

class ReplaySource final : public ByteSource {
 public:
  ReplaySource(std::string prefix, std::unique_ptr<ByteSource> rest)
      : prefix_(std::move(prefix)), rest_(std::move(rest)) {}
  Result<size_t> Read(std::span<char> buffer) override {
    if (replaying_) {
      size_t n = std::min(buffer.size(), prefix_.size() - replayed_);
      std::memcpy(buffer.data(), prefix_.data() + replayed_, n);
      replayed_ += n;
      if (replayed_ == prefix_.size()) {
        replaying_ = false;
        std::string().swap(prefix_);  // free it
      }
      return n;
    }
    return rest_->Read(buffer);
  }
  // While replaying, the bytes delivered; afterwards `rest_` has delivered them all.
  uint64_t Position() const override { return replaying_ ? replayed_ : rest_->Position(); }
  std::optional<uint64_t> KnownSize() const override { return rest_->KnownSize(); }
  std::string Describe() const override { return rest_->Describe(); }

 private:
  std::string prefix_;
  size_t replayed_ = 0;
  bool replaying_ = true;  // WithPrefix never builds one with an empty prefix
  std::unique_ptr<ByteSource> rest_;
};

}  // namespace

std::unique_ptr<ByteSource> WithPrefix(std::string prefix, std::unique_ptr<ByteSource> rest) {
  if (prefix.empty()) return rest;
  return std::make_unique<ReplaySource>(std::move(prefix), std::move(rest));
}

Result<std::unique_ptr<ByteSource>> OpenFileSource(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return std::unexpected(Error{ErrorCode::kNotFound, "no such file: " + path, {}});
    return std::unexpected(Error::BadRequest("cannot open " + path + ": " + std::strerror(err)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::unexpected(Error::BadRequest(path + " is not a regular file"));
  }
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  return std::make_unique<FileSource>(fd, path, static_cast<uint64_t>(st.st_size));
}

std::unique_ptr<ByteSource> MemorySource(std::string bytes) {
  return std::make_unique<InMemorySource>(std::move(bytes));
}

Result<std::string> ReadPrefix(ByteSource& source, size_t limit) {
  std::string out(limit, '\0');
  size_t have = 0;
  while (have < limit) {
    auto n = source.Read(std::span<char>(out.data() + have, limit - have));
    if (!n) return std::unexpected(n.error());
    if (*n == 0) break;
    have += *n;
  }
  out.resize(have);
  return out;
}

Result<std::string> ReadAll(ByteSource& source, size_t limit) {
  std::string out;
  char buffer[64 * 1024];
  for (;;) {
    auto n = source.Read(buffer);
    if (!n) return std::unexpected(n.error());
    if (*n == 0) return out;
    if (out.size() + *n > limit) {
      return std::unexpected(Error::TooLarge(source.Describe() + " is larger than " + std::to_string(limit) + " bytes"));
    }
    out.append(buffer, *n);
  }
}

}  // namespace pintu::quality

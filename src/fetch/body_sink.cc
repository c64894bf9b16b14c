#include "fetch/body_sink.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace pintu::fetch {

Result<bool> MemorySink::Append(std::string_view bytes) {
  size_t room = cap_ - data_.size();
  if (bytes.size() > room) {
    data_.append(bytes.substr(0, room));
    truncated_ = true;
    return false;
  }
  data_.append(bytes);
  return true;
}

Result<std::unique_ptr<TempFileSink>> TempFileSink::Create(const std::string& directory) {
  std::string pattern = directory + "/pintu-fetch-XXXXXX";
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  int fd = mkostemp(buffer.data(), O_CLOEXEC);
  if (fd < 0)
    return std::unexpected(Error::Internal("Cannot create a download file in " + directory + ": " +
                                           std::strerror(errno)));
  return std::unique_ptr<TempFileSink>(new TempFileSink(std::string(buffer.data()), fd));
}

TempFileSink::~TempFileSink() {
  if (fd_ >= 0) ::close(fd_);
  if (!kept_) ::unlink(path_.c_str());
}

Result<bool> TempFileSink::Append(std::string_view bytes) {
  if (fd_ < 0) return std::unexpected(Error::Internal("The download file " + path_ + " is already closed"));
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::unexpected(Error::Internal("Cannot write " + path_ + ": " + std::strerror(errno)));
    }
    bytes.remove_prefix(static_cast<size_t>(n));
    bytes_written_ += static_cast<uint64_t>(n);
  }
  return true;
}

Result<std::string> TempFileSink::Keep() {
  if (fd_ >= 0) {
    int fd = fd_;
    fd_ = -1;
    bool synced = ::fsync(fd) == 0;
    int saved = errno;
    bool closed = ::close(fd) == 0;
    if (!synced || !closed)
      return std::unexpected(Error::Internal("Cannot finish " + path_ + ": " + std::strerror(synced ? errno : saved)));
  }
  kept_ = true;
  return path_;
}

}  // namespace pintu::fetch

// MD5 (RFC 1321), only because Frictionless compares a resource's declared `hash`
// without an algorithm prefix as MD5. Not for security.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace pintu::quality {

// Incremental MD5 over a stream.
class Md5 {
 public:
  Md5();
  // Adds bytes to the digest.
  void Update(std::string_view data);
  // The digest of everything added, as 32 lower-case hex characters. Call once.
  std::string FinishHex();

 private:
  void Block(const unsigned char* p);
  std::array<std::uint32_t, 4> state_;
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t length_ = 0;
};

}  // namespace pintu::quality

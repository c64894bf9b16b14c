// Cryptographic digests, hex-encoded.
#pragma once

#include <string>
#include <string_view>

namespace pintu {

// SHA-256 of `data` as 64 lower-case hex characters.
std::string Sha256Hex(std::string_view data);

// Incremental SHA-256 for streams (files, uploads).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;
  void Update(std::string_view data);
  // The digest of everything passed to Update, hex-encoded. Call once.
  std::string FinishHex();

 private:
  struct State;
  State* state_;
};

}  // namespace pintu

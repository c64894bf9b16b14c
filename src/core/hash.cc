#include "core/hash.h"

#include <sodium.h>

namespace pintu {

struct Sha256::State {
  crypto_hash_sha256_state s;
};

Sha256::Sha256() : state_(new State) {
  (void)sodium_init();
  crypto_hash_sha256_init(&state_->s);
}
Sha256::~Sha256() { delete state_; }

void Sha256::Update(std::string_view data) {
  crypto_hash_sha256_update(&state_->s, reinterpret_cast<const unsigned char*>(data.data()),
                            data.size());
}

std::string Sha256::FinishHex() {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_->s, out);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string Sha256Hex(std::string_view data) {
  Sha256 h;
  h.Update(data);
  return h.FinishHex();
}

}  // namespace pintu

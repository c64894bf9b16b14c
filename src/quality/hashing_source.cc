#include "quality/hashing_source.h"

#include <openssl/evp.h>

namespace pintu::quality {
namespace {

std::string Hex(const unsigned char* bytes, unsigned length) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(length * 2, '0');
  for (unsigned i = 0; i < length; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 15];
  }
  return out;
}

// One running OpenSSL digest.
class Digest {
 public:
  explicit Digest(const EVP_MD* md) : ctx_(EVP_MD_CTX_new()) { EVP_DigestInit_ex(ctx_, md, nullptr); }
  ~Digest() { EVP_MD_CTX_free(ctx_); }
  Digest(const Digest&) = delete;
  Digest& operator=(const Digest&) = delete;
  void Update(const char* data, size_t n) { EVP_DigestUpdate(ctx_, data, n); }
  std::string PeekHex() const {
    EVP_MD_CTX* copy = EVP_MD_CTX_new();
    EVP_MD_CTX_copy_ex(copy, ctx_);
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_DigestFinal_ex(copy, out, &length);
    EVP_MD_CTX_free(copy);
    return Hex(out, length);
  }

 private:
  EVP_MD_CTX* ctx_;
};

}  // namespace

struct HashingSource::State {
  Digest sha256{EVP_sha256()};
  Digest md5{EVP_md5()};
};

HashingSource::HashingSource(std::unique_ptr<ByteSource> inner)
    : inner_(std::move(inner)), state_(std::make_unique<State>()) {}
HashingSource::~HashingSource() = default;

Result<size_t> HashingSource::Read(std::span<char> buffer) {
  auto n = inner_->Read(buffer);
  if (n && *n > 0) {
    state_->sha256.Update(buffer.data(), *n);
    state_->md5.Update(buffer.data(), *n);
  }
  return n;
}

Digests HashingSource::Current() const { return {state_->sha256.PeekHex(), state_->md5.PeekHex()}; }

Digests HashBytes(std::string_view bytes) {
  Digest sha(EVP_sha256()), md5(EVP_md5());
  sha.Update(bytes.data(), bytes.size());
  md5.Update(bytes.data(), bytes.size());
  return {sha.PeekHex(), md5.PeekHex()};
}

}  // namespace pintu::quality

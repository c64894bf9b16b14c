#include "quality/file_digest.h"

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
  void Update(std::string_view data) { EVP_DigestUpdate(ctx_, data.data(), data.size()); }
  // The hex digest so far, from a copy of the context (this one keeps running).
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

struct FileDigest::State {
  std::uint64_t bytes = 0;
  Digest sha256{EVP_sha256()};
  Digest md5{EVP_md5()};
};

FileDigest::FileDigest() : state_(std::make_unique<State>()) {}
FileDigest::~FileDigest() = default;

void FileDigest::Update(std::string_view raw) {
  state_->bytes += raw.size();
  state_->sha256.Update(raw);
  state_->md5.Update(raw);
}

FileDigests FileDigest::Current() const {
  return FileDigests{state_->bytes, state_->sha256.PeekHex(), state_->md5.PeekHex()};
}

}  // namespace pintu::quality

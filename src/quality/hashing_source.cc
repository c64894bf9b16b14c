#include "quality/hashing_source.h"

#include <openssl/evp.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

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
  void Update(const char* data, size_t n) {
    sha256.Update(data, n);
    md5.Update(data, n);
  }
};

// A thread that hashes copies of the bytes, in order, with a bounded queue.
struct HashingSource::Worker {
  static constexpr size_t kMaxQueued = 8 << 20;

  explicit Worker(State& state) : state_(state), thread_([this] { Run(); }) {}
  ~Worker() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

  // Queues a copy of `data`; blocks while kMaxQueued bytes wait. Copies go into buffers
  // recycled from earlier blocks, so a long stream faults in no new pages.
  void Push(const char* data, size_t n) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queued_bytes_ + n <= kMaxQueued || queued_bytes_ == 0; });
    std::vector<char> block;
    if (!free_.empty()) {
      block = std::move(free_.back());
      free_.pop_back();
    }
    lock.unlock();
    block.assign(data, data + n);
    lock.lock();
    queue_.push_back(std::move(block));
    queued_bytes_ += n;
    changed_.notify_all();
  }

  // Waits until every queued byte was hashed.
  void Drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
  }

 private:
  void Run() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stop requested and nothing left
      std::vector<char> block = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
      lock.unlock();
      state_.Update(block.data(), block.size());
      lock.lock();
      busy_ = false;
      queued_bytes_ -= block.size();
      if (free_.size() < kMaxFree) free_.push_back(std::move(block));
      changed_.notify_all();
    }
  }

  State& state_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<char>> queue_;
  static constexpr size_t kMaxFree = 16;
  std::vector<std::vector<char>> free_;  // hashed blocks kept for reuse
  size_t queued_bytes_ = 0;
  bool busy_ = false;
  bool stop_ = false;
  std::thread thread_;  // last: starts after the other members exist
};

HashingSource::HashingSource(std::unique_ptr<ByteSource> inner, HashingThread thread)
    : inner_(std::move(inner)), state_(std::make_unique<State>()) {
  if (thread == HashingThread::kBackground) worker_ = std::make_unique<Worker>(*state_);
}
HashingSource::~HashingSource() = default;

Result<size_t> HashingSource::Read(std::span<char> buffer) {
  auto n = inner_->Read(buffer);
  if (n && *n > 0) {
    if (worker_) {
      worker_->Push(buffer.data(), *n);
    } else {
      state_->Update(buffer.data(), *n);
    }
  }
  return n;
}

Digests HashingSource::Current() const {
  if (worker_) worker_->Drain();
  return {state_->sha256.PeekHex(), state_->md5.PeekHex()};
}

Digests HashBytes(std::string_view bytes) {
  Digest sha(EVP_sha256()), md5(EVP_md5());
  sha.Update(bytes.data(), bytes.size());
  md5.Update(bytes.data(), bytes.size());
  return {sha.PeekHex(), md5.PeekHex()};
}

}  // namespace pintu::quality

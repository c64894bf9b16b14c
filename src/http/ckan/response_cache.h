// Rendered responses of read actions for anonymous callers, keyed by request
// target. Anonymous callers all see the same public catalog, so a body is valid
// for every one of them until the store changes: every entry is dropped as soon
// as the store's change sequence moves. Bounded by the total size of the bodies.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace pintu::http::ckan {

class ResponseCache {
 public:
  // A cache holding at most `max_bytes` of keys and bodies together.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}
  // The body cached under `key` at change sequence `seq`, if any.
  std::optional<std::string> Get(const std::string& key, int64_t seq);
  // Caches `body` under `key` for change sequence `seq` (evicting the least recently used).
  void Put(const std::string& key, int64_t seq, std::string body);

 private:
  void ResetIfStale(int64_t seq);  // requires mu_
  std::mutex mu_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  int64_t seq_ = -1;
  std::list<std::pair<std::string, std::string>> lru_;  // front = most recent
  std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> index_;
};

}  // namespace pintu::http::ckan

// Rendered package_show responses for anonymous readers of public datasets.
// Every entry is dropped as soon as the store's change sequence moves, so a
// cached body is never older than the last committed write of this process.
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
  explicit ResponseCache(size_t capacity) : capacity_(capacity) {}
  // The body cached under `key` at change sequence `seq`, if any.
  std::optional<std::string> Get(const std::string& key, int64_t seq);
  // Caches `body` under `key` for change sequence `seq` (evicting the least recently used).
  void Put(const std::string& key, int64_t seq, std::string body);

 private:
  void ResetIfStale(int64_t seq);  // requires mu_
  std::mutex mu_;
  size_t capacity_;
  int64_t seq_ = -1;
  std::list<std::pair<std::string, std::string>> lru_;  // front = most recent
  std::unordered_map<std::string, std::list<std::pair<std::string, std::string>>::iterator> index_;
};

}  // namespace pintu::http::ckan

#include "http/ckan/response_cache.h"

namespace pintu::http::ckan {

void ResponseCache::ResetIfStale(int64_t seq) {
  if (seq == seq_) return;
  lru_.clear();
  index_.clear();
  seq_ = seq;
}

std::optional<std::string> ResponseCache::Get(const std::string& key, int64_t seq) {
  std::lock_guard lock(mu_);
  ResetIfStale(seq);
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  lru_.splice(lru_.begin(), lru_, it->second);
  return it->second->second;
}

void ResponseCache::Put(const std::string& key, int64_t seq, std::string body) {
  std::lock_guard lock(mu_);
  ResetIfStale(seq);
  if (capacity_ == 0) return;
  if (auto it = index_.find(key); it != index_.end()) {
    it->second->second = std::move(body);
    lru_.splice(lru_.begin(), lru_, it->second);
    return;
  }
  lru_.emplace_front(key, std::move(body));
  index_[key] = lru_.begin();
  if (lru_.size() > capacity_) {
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

}  // namespace pintu::http::ckan

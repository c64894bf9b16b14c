#include "http/ckan/response_cache.h"

namespace pintu::http::ckan {

void ResponseCache::ResetIfStale(int64_t seq) {
  if (seq == seq_) return;
  lru_.clear();
  index_.clear();
  bytes_ = 0;
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
  size_t size = key.size() + body.size();
  if (size > max_bytes_ / 4) return;  // one huge body must not flush everything else
  if (auto it = index_.find(key); it != index_.end()) {
    bytes_ -= it->second->first.size() + it->second->second.size();
    it->second->second = std::move(body);
    bytes_ += size;
    lru_.splice(lru_.begin(), lru_, it->second);
  } else {
    lru_.emplace_front(key, std::move(body));
    index_[key] = lru_.begin();
    bytes_ += size;
  }
  while (bytes_ > max_bytes_ && !lru_.empty()) {
    bytes_ -= lru_.back().first.size() + lru_.back().second.size();
    index_.erase(lru_.back().first);
    lru_.pop_back();
  }
}

}  // namespace pintu::http::ckan

// A background thread that runs a function every `period` until destroyed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace pintu::cli {

class PeriodicTask {
 public:
  // Starts the thread; the first run happens one period from now.
  PeriodicTask(std::chrono::milliseconds period, std::function<void()> fn)
      : period_(period), fn_(std::move(fn)), thread_([this] { Loop(); }) {}
  // Stops the thread, waiting for a run in progress to finish.
  ~PeriodicTask() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

 private:
  void Loop() {
    std::unique_lock lock(mu_);
    while (!cv_.wait_for(lock, period_, [this] { return stop_; })) {
      lock.unlock();
      fn_();
      lock.lock();
    }
  }

  std::chrono::milliseconds period_;
  std::function<void()> fn_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;  // last: starts after the other members exist
};

}  // namespace pintu::cli

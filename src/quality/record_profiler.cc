#include "quality/record_profiler.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include <fmt/format.h>

namespace pintu::quality {
namespace {

constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
constexpr std::size_t kBatchRows = 8192;
constexpr std::size_t kMaxQueuedBatches = 2;

bool IsBlank(std::span<const std::string_view> cells) {
  return std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return c.empty(); });
}

}  // namespace

// Data rows copied out of the scanner's buffers: every cell's text back to back.
struct RecordProfiler::Batch {
  std::string text;
  std::vector<std::uint32_t> cell_ends;  // end of each cell in `text`
  std::vector<std::uint32_t> row_cells;  // cells of each row
  std::vector<std::uint64_t> row_numbers;

  void Add(std::uint64_t row_number, std::span<const std::string_view> cells) {
    for (std::string_view c : cells) {
      text.append(c);
      cell_ends.push_back(static_cast<std::uint32_t>(text.size()));
    }
    row_cells.push_back(static_cast<std::uint32_t>(cells.size()));
    row_numbers.push_back(row_number);
  }
  bool Full() const { return text.size() >= kBatchBytes || row_numbers.size() >= kBatchRows; }
  bool Empty() const { return row_numbers.empty(); }
  void Clear() {
    text.clear();
    cell_ends.clear();
    row_cells.clear();
    row_numbers.clear();
  }
};

// Profiles batches on its own thread, in order; recycles them.
class RecordProfiler::Worker {
 public:
  explicit Worker(RecordProfiler& owner) : owner_(owner), thread_([this] { Run(); }) {}
  ~Worker() { Stop(); }

  // Hands `batch` over (waits while kMaxQueuedBatches wait) and returns an empty one.
  std::unique_ptr<Batch> Swap(std::unique_ptr<Batch> batch) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < kMaxQueuedBatches; });
    queue_.push_back(std::move(batch));
    changed_.notify_all();
    if (!free_.empty()) {
      auto b = std::move(free_.back());
      free_.pop_back();
      return b;
    }
    return std::make_unique<Batch>();
  }

  // Profiles everything queued and joins the thread.
  void Stop() {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
      stopping_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }

 private:
  void Run() {
    std::vector<std::string_view> cells;
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      std::unique_ptr<Batch> batch = std::move(queue_.front());
      queue_.pop_front();
      changed_.notify_all();
      lock.unlock();
      std::size_t cell = 0, start = 0;
      for (std::size_t row = 0; row < batch->row_numbers.size(); ++row) {
        cells.clear();
        for (std::uint32_t i = 0; i < batch->row_cells[row]; ++i, ++cell) {
          cells.emplace_back(batch->text.data() + start, batch->cell_ends[cell] - start);
          start = batch->cell_ends[cell];
        }
        owner_.Profile(batch->row_numbers[row], cells);
      }
      batch->Clear();
      lock.lock();
      free_.push_back(std::move(batch));
    }
  }

  RecordProfiler& owner_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> queue_;
  std::vector<std::unique_ptr<Batch>> free_;
  bool stopping_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

RecordProfiler::RecordProfiler(bool header, ProfileOptions profile_options, TaiwanCheckOptions taiwan_options,
                               bool threaded)
    : header_(header),
      threaded_(threaded),
      profile_options_(std::move(profile_options)),
      taiwan_options_(std::move(taiwan_options)) {}

RecordProfiler::~RecordProfiler() { Finish(); }

void RecordProfiler::Start(std::vector<std::string> names) {
  taiwan_ = std::make_unique<TaiwanChecks>(names, taiwan_options_);
  profile_ = std::make_unique<TableProfile>(std::move(names), profile_options_);
  candidates_.assign(profile_->field_count(), kAllTypes);
  masks_.assign(profile_->field_count(), 0);
}

void RecordProfiler::OnRecord(const CsvRecord& record) {
  if (finished_) return;
  if (!profile_) {
    if (header_) {
      Start(std::vector<std::string>(record.cells.begin(), record.cells.end()));
      return;
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < record.cells.size(); ++i) names.push_back(fmt::format("field{}", i + 1));
    Start(std::move(names));
  }
  if (IsBlank(record.cells)) return;
  if (!threaded_) {
    Profile(record.row_number, record.cells);
    return;
  }
  if (!worker_) {
    worker_ = std::make_unique<Worker>(*this);
    filling_ = std::make_unique<Batch>();
  }
  // Cells beyond the header are never profiled: no need to copy them.
  filling_->Add(record.row_number, record.cells.first(std::min(record.cells.size(), masks_.size())));
  if (filling_->Full()) filling_ = worker_->Swap(std::move(filling_));
}

void RecordProfiler::Finish() {
  if (finished_) return;
  finished_ = true;
  if (!worker_) return;
  if (!filling_->Empty()) filling_ = worker_->Swap(std::move(filling_));
  worker_->Stop();
}

void RecordProfiler::Profile(std::uint64_t row_number, std::span<const std::string_view> cells) {
  const std::size_t n = std::min(cells.size(), masks_.size());
  for (std::size_t i = 0; i < n; ++i) {
    if (profile_->IsMissing(cells[i])) {
      masks_[i] = 0;
      continue;
    }
    // Only the types still possible for the column matter: once none is left, the
    // column is text and its cells need no parsing at all.
    const TypeMask mask = candidates_[i] == 0 ? 0 : ConformingTypes(cells[i]) & candidates_[i];
    candidates_[i] &= mask;
    masks_[i] = mask;
  }
  profile_->AddRow(row_number, cells, std::span<const TypeMask>(masks_.data(), n));
  taiwan_->AddRow(row_number, cells);
}

}  // namespace pintu::quality

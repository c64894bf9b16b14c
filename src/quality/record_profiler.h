// The bridge between the CSV check and the per-column engines: every record the validator
// reads also goes, as it passes, into the column profile (with each cell's type mask) and
// the Taiwan checks. The header names the columns; without a header they are field1, ….
//
// With `threaded`, data rows are copied into batches of about 1 MiB that a worker thread
// profiles while the caller goes on scanning and validating (at most two batches wait,
// so memory stays bounded); Finish() waits for the last one.
#pragma once

#include <memory>
#include <vector>

#include "quality/column_profile.h"
#include "quality/csv_check.h"
#include "quality/taiwan_checks.h"

namespace pintu::quality {

class RecordProfiler final : public RecordObserver {
 public:
  // `header`: the first record holds the labels (as ValidatorOptions::header).
  RecordProfiler(bool header, ProfileOptions profile_options, TaiwanCheckOptions taiwan_options,
                 bool threaded = false);
  ~RecordProfiler() override;
  RecordProfiler(const RecordProfiler&) = delete;
  RecordProfiler& operator=(const RecordProfiler&) = delete;

  // RecordObserver: the first record starts the profile (labels, or the number of cells
  // without a header); blank records are skipped; other records are profiled.
  void OnRecord(const CsvRecord& record) override;

  // Profiles what is still queued and stops the worker. Call before reading the results;
  // later records are ignored.
  void Finish();

  // The profile; nullptr when no record came. Complete only after Finish().
  const TableProfile* profile() const { return profile_.get(); }
  // The Taiwan checks; nullptr when no record came. Complete only after Finish().
  const TaiwanChecks* taiwan() const { return taiwan_.get(); }

 private:
  struct Batch;
  class Worker;
  void Start(std::vector<std::string> names);
  void Profile(std::uint64_t row_number, std::span<const std::string_view> cells);

  bool header_;
  bool threaded_;
  bool finished_ = false;
  ProfileOptions profile_options_;
  TaiwanCheckOptions taiwan_options_;
  std::unique_ptr<TableProfile> profile_;
  std::unique_ptr<TaiwanChecks> taiwan_;
  std::vector<TypeMask> candidates_;  // per column: types every non-null cell so far conforms to
  std::vector<TypeMask> masks_;       // the current row's masks (reused)
  std::unique_ptr<Batch> filling_;    // threaded: rows copied since the last hand-over
  std::unique_ptr<Worker> worker_;    // threaded: started with the first data row
};

}  // namespace pintu::quality

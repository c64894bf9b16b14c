// The bridge between the CSV check and the per-column engines: every record the validator
// reads also goes, as it passes, into the column profile (with each cell's type mask) and
// the Taiwan checks. The header names the columns; without a header they are field1, ….
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
  RecordProfiler(bool header, ProfileOptions profile_options, TaiwanCheckOptions taiwan_options);
  ~RecordProfiler() override;

  // RecordObserver: the first record starts the profile (labels, or the number of cells
  // without a header); blank records are skipped; other records are profiled.
  void OnRecord(const CsvRecord& record) override;

  // The profile so far; nullptr before the first record.
  const TableProfile* profile() const { return profile_.get(); }
  // The Taiwan checks so far; nullptr before the first record.
  const TaiwanChecks* taiwan() const { return taiwan_.get(); }

 private:
  void Start(std::vector<std::string> names);
  void AddDataRow(const CsvRecord& record);

  bool header_;
  ProfileOptions profile_options_;
  TaiwanCheckOptions taiwan_options_;
  std::unique_ptr<TableProfile> profile_;
  std::unique_ptr<TaiwanChecks> taiwan_;
  std::vector<TypeMask> candidates_;  // per column: types every non-null cell so far conforms to
  std::vector<TypeMask> masks_;       // the current row's masks (reused)
};

}  // namespace pintu::quality

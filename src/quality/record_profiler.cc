#include "quality/record_profiler.h"

#include <algorithm>
#include <string>

#include <fmt/format.h>

namespace pintu::quality {

RecordProfiler::RecordProfiler(bool header, ProfileOptions profile_options, TaiwanCheckOptions taiwan_options)
    : header_(header), profile_options_(std::move(profile_options)), taiwan_options_(std::move(taiwan_options)) {}

RecordProfiler::~RecordProfiler() = default;

void RecordProfiler::Start(std::vector<std::string> names) {
  taiwan_ = std::make_unique<TaiwanChecks>(names, taiwan_options_);
  profile_ = std::make_unique<TableProfile>(std::move(names), profile_options_);
  candidates_.assign(profile_->field_count(), kAllTypes);
  masks_.assign(profile_->field_count(), 0);
}

void RecordProfiler::OnRecord(const CsvRecord& record) {
  if (!profile_) {
    if (header_) {
      Start(std::vector<std::string>(record.cells.begin(), record.cells.end()));
      return;
    }
    std::vector<std::string> names;
    for (std::size_t i = 0; i < record.cells.size(); ++i) names.push_back(fmt::format("field{}", i + 1));
    Start(std::move(names));
  }
  AddDataRow(record);
}

void RecordProfiler::AddDataRow(const CsvRecord& record) {
  const auto& cells = record.cells;
  if (std::all_of(cells.begin(), cells.end(), [](std::string_view c) { return c.empty(); })) return;  // blank row
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
  profile_->AddRow(record.row_number, cells, std::span<const TypeMask>(masks_.data(), n));
  taiwan_->AddRow(record.row_number, cells);
}

}  // namespace pintu::quality

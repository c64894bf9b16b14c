#include "quality/csv_check.h"

namespace pintu::quality {

struct CsvCheck::Impl {
  std::unique_ptr<TableValidator> validator;
  std::optional<CsvScanner> scanner;
  CsvDialect dialect;
  bool started = false;
  bool bom = false;
  bool done = false;

  // Turns a scanner failure into the report's source error.
  void OnScanFailure() {
    const auto& failure = scanner->failure();
    if (failure) validator->AddSourceError("source-error", failure->message, failure->message_zh);
    done = true;
  }
};

CsvCheck::CsvCheck(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CsvCheck::CsvCheck(CsvCheck&&) noexcept = default;
CsvCheck& CsvCheck::operator=(CsvCheck&&) noexcept = default;
CsvCheck::~CsvCheck() = default;

Result<CsvCheck> CsvCheck::Create(CsvCheckOptions options) {
  auto impl = std::make_unique<Impl>();
  auto validator = TableValidator::Create(std::move(options.validator));
  if (!validator) return std::unexpected(validator.error());
  impl->validator = std::make_unique<TableValidator>(std::move(*validator));
  TableValidator* v = impl->validator.get();
  RecordObserver* observer = options.observer;
  auto scanner = CsvScanner::Create(options.dialect, options.limits, [v, observer](const CsvRecord& record) {
    if (observer != nullptr) observer->OnRecord(record);
    return v->OnRecord(record);
  });
  if (!scanner) return std::unexpected(scanner.error());
  impl->scanner.emplace(std::move(*scanner));
  impl->dialect = options.dialect;
  return CsvCheck(std::move(impl));
}

bool CsvCheck::Feed(std::string_view text) {
  Impl& s = *impl_;
  if (s.done) return false;
  if (!s.started && !text.empty()) {
    s.started = true;
    if (text.starts_with("\xEF\xBB\xBF")) {
      s.bom = true;
      text.remove_prefix(3);
    }
  }
  if (!s.scanner->Feed(text)) {
    s.OnScanFailure();
    return false;
  }
  if (s.scanner->stopped() || s.validator->finished_early()) s.done = true;
  return !s.done;
}

void CsvCheck::AddEncodingError(std::string note, std::string note_zh) {
  impl_->validator->AddSourceError("encoding-error", std::move(note), std::move(note_zh));
  impl_->done = true;
}

Report CsvCheck::Finish(const FileDigests* raw_digests) {
  Impl& s = *impl_;
  if (!s.done && !s.scanner->Finish()) {
    const auto& failure = s.scanner->failure();
    if (failure) s.validator->AddSourceError("source-error", failure->message, failure->message_zh);
  }
  s.done = true;
  Report report = s.validator->Finish(raw_digests);
  report.dialect.delimiter = s.dialect.delimiter;
  report.dialect.quote_char = s.dialect.quote_char;
  if (s.bom) report.encoding.bom = true;
  return report;
}

Result<Report> CheckCsvText(std::string_view text, CsvCheckOptions options) {
  auto check = CsvCheck::Create(std::move(options));
  if (!check) return std::unexpected(check.error());
  FileDigest digest;
  digest.Update(text);
  check->Feed(text);
  const FileDigests digests = digest.Finish();
  return check->Finish(&digests);
}

}  // namespace pintu::quality

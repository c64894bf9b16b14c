#include "quality/check_file.h"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "quality/csv_check.h"
#include "quality/dialect.h"
#include "quality/encoding.h"
#include "quality/error_messages.h"
#include "quality/inferred_schema.h"
#include "quality/json_check.h"
#include "quality/open_for_check.h"
#include "quality/profile_json.h"
#include "quality/record_profiler.h"
#include "quality/sniff.h"
#include "quality/taiwan_checks_json.h"
#include "quality/transcode.h"

namespace pintu::quality {
namespace {

namespace json = boost::json;

constexpr std::size_t kChunkBytes = std::size_t{1} << 20;
constexpr std::uint64_t kProgressEvery = std::uint64_t{4} << 20;

// Reads the input in chunks and tells the progress callback now and then.
class ChunkReader {
 public:
  ChunkReader(ByteSource& source, const CheckProgress& progress)
      : source_(source), progress_(progress), buffer_(kChunkBytes) {}

  // The next chunk; empty at the end.
  Result<std::string_view> Next() {
    auto n = source_.Read(buffer_);
    if (!n) return std::unexpected(n.error());
    Tell(*n == 0);
    return std::string_view(buffer_.data(), *n);
  }

  // Reads to the end without looking (the digests still see every byte).
  Result<void> Drain() {
    for (;;) {
      auto chunk = Next();
      if (!chunk) return std::unexpected(chunk.error());
      if (chunk->empty()) return {};
    }
  }

  // Reports the position now (after the sample was read, say).
  void Tell(bool force) {
    if (!progress_) return;
    const std::uint64_t at = source_.Position();
    if (!force && at - told_ < kProgressEvery) return;
    told_ = at;
    progress_(at, source_.KnownSize());
  }

 private:
  ByteSource& source_;
  const CheckProgress& progress_;
  std::vector<char> buffer_;
  std::uint64_t told_ = 0;
};

// The last path segment of a name or URL path, without a query.
std::string_view BaseName(std::string_view name) {
  name = name.substr(0, name.find_first_of("?#"));
  const auto slash = name.find_last_of("/\\");
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// The name the content goes by: the zip member, or the file name without ".gz".
std::string ContentName(const FileFacts& facts, const OpenedInput& opened) {
  if (!opened.member_name.empty()) return std::string(BaseName(opened.member_name));
  std::string name(BaseName(facts.file_name));
  if (opened.compression == Compression::kGzip) {
    for (std::string_view ext : {".gz", ".GZ", ".gzip"}) {
      if (name.ends_with(ext)) {
        name.resize(name.size() - ext.size());
        break;
      }
    }
  }
  return name;
}

// What the catalog or, failing that, the file name says the format is.
std::string DeclaredFormat(const FileFacts& facts, const std::string& content_name) {
  if (!facts.declared_format.empty()) return facts.declared_format;
  if (FormatFromDeclaration(content_name)) return content_name;
  return {};
}

void AddError(Report& report, std::string type, std::string note, std::string note_zh) {
  ReportError error;
  error.type = std::move(type);
  error.note = std::move(note);
  error.note_zh = std::move(note_zh);
  WordError(error);
  report.errors.push_back(std::move(error));
  report.valid = false;
}

// The report's format section from the sniffing result.
void FillFormat(Report& report, const SniffResult& sniffed, const std::string& declared, const OpenedInput& opened) {
  report.format.detected = std::string(FileFormatName(sniffed.format));
  report.format.machine_readable = sniffed.machine_readable;
  report.format.evidence = sniffed.evidence;
  if (opened.compression != Compression::kNone) report.format.compression = std::string(CompressionName(opened.compression));
  report.format.member = opened.member_name;
  if (declared.empty()) return;
  const FormatComparison comparison = CompareFormats(declared, sniffed.format);
  report.format.declared = comparison.declared ? std::string(FileFormatName(*comparison.declared)) : declared;
  report.format.matches = comparison.agrees;
}

void FillEncoding(Report& report, const EncodingDetection& detection, const FileFacts& facts) {
  report.encoding.detected = detection.encoding;
  report.encoding.bom = detection.bom;
  report.encoding.method = std::string(DetectionMethodName(detection.method));
  for (const RejectedCandidate& r : detection.rejected) {
    report.encoding.rejected.emplace_back(r.encoding, r.first_invalid_offset);
  }
  if (!facts.declared_encoding.empty()) {
    report.encoding.declared = NormalizeEncodingName(facts.declared_encoding);
    report.encoding.matches = EncodingMatches(detection, facts.declared_encoding);
  }
}

// The finding when the declared format is not the actual one.
void WarnFormatMismatch(Report& report) {
  if (!report.format.matches || *report.format.matches) return;
  const std::string declared = report.format.declared.value_or("");
  const std::string actual = report.format.detected.value_or("");
  report.Warn("format-mismatch",
              fmt::format("the file is declared as {} but its content is {}", declared, actual),
              fmt::format("檔案宣告為 {}，實際內容卻是 {}", declared, actual));
}

// Why a format cannot be read as data, in both languages.
std::pair<std::string, std::string> NotDataReason(FileFormat format) {
  const std::string name(FileFormatName(format));
  switch (format) {
    case FileFormat::kPdf:
    case FileFormat::kDoc:
    case FileFormat::kDocx:
    case FileFormat::kOdt:
    case FileFormat::kPptx:
    case FileFormat::kOdp:
      return {fmt::format("the file is a {} document, not machine-readable data; publish the table as CSV", name),
              fmt::format("檔案是 {} 文件，不是機器可讀的資料；請以 CSV 提供表格", name)};
    case FileFormat::kHtml:
      return {"the file is an HTML web page, not the data itself; link the data file directly",
              "檔案是 HTML 網頁而不是資料本身；請直接連結到資料檔"};
    case FileFormat::kPng:
    case FileFormat::kJpeg:
    case FileFormat::kGif:
    case FileFormat::kTiff:
    case FileFormat::kWebp:
    case FileFormat::kBmp:
      return {fmt::format("the file is a {} image, not machine-readable data", name),
              fmt::format("檔案是 {} 圖片，不是機器可讀的資料", name)};
    case FileFormat::kZip:
      return {"the zip archive holds no file that can be read", "壓縮檔中沒有可讀取的檔案"};
    default:
      return {"the file's format is not recognised as data (binary content)", "無法辨識檔案格式（二進位內容），不是可讀取的資料"};
  }
}

// Decoded text goes into the CSV check; the first undecodable sequence ends it.
class DecodeIntoCheck final : public DecodeSink {
 public:
  DecodeIntoCheck(CsvCheck& check, std::string encoding) : check_(check), encoding_(std::move(encoding)) {}

  void Text(std::string_view utf8) override {
    if (!stopped_) stopped_ = !check_.Feed(utf8);
  }

  void Invalid(const InvalidSequence& sequence) override {
    if (sequence.kind == InvalidKind::kPrivateUse) {
      if (private_use_count_++ == 0) first_private_use_ = sequence.offset;
      return;
    }
    if (stopped_) return;
    const std::string what = sequence.kind == InvalidKind::kTruncated ? "the file ends inside a character" : "bytes that are not valid";
    check_.AddEncodingError(
        fmt::format("byte offset {}: {} {} ({} byte{}); reading stopped here", sequence.offset, what, encoding_,
                    sequence.length, sequence.length == 1 ? "" : "s"),
        fmt::format("第 {} 位元組：{}（{} 位元組）不是有效的 {}；讀取在此停止", sequence.offset,
                    sequence.kind == InvalidKind::kTruncated ? "檔案在字元中間結束" : "這段位元組", sequence.length,
                    encoding_));
    stopped_ = true;
  }

  bool stopped() const { return stopped_; }
  std::uint64_t private_use_count() const { return private_use_count_; }
  std::uint64_t first_private_use() const { return first_private_use_; }

 private:
  CsvCheck& check_;
  std::string encoding_;
  bool stopped_ = false;
  std::uint64_t private_use_count_ = 0;
  std::uint64_t first_private_use_ = 0;
};

// The sample as UTF-8 text, for dialect detection.
std::string SampleText(std::string_view sample, const std::string& encoding, std::size_t bom_length) {
  if (encoding == "utf-8" || encoding == "ascii") return std::string(sample.substr(bom_length));
  auto decoded = DecodeAll(sample, encoding, 0);
  if (!decoded) return std::string(sample.substr(bom_length));
  return std::move(decoded->text);
}

// Adds the Taiwan checks' findings and the profile to the report.
void AddProfileFindings(Report& report, const RecordProfiler& profiler, bool schema_given) {
  const TableProfile* profile = profiler.profile();
  if (profile == nullptr) return;
  json::object profile_json = ProfileToJson(*profile);
  json::array* fields = profile_json.contains("fields") ? profile_json["fields"].if_array() : nullptr;
  for (const TaiwanWarning& w : profiler.taiwan()->Warnings()) {
    // A column holding personal data keeps its statistics but shows none of its values.
    if (w.type.starts_with("personal-data-") && fields && w.field_number >= 1 && w.field_number <= fields->size()) {
      if (json::object* field = (*fields)[w.field_number - 1].if_object()) {
        for (const char* key : {"top", "sample", "min", "max"}) field->erase(key);
        field->insert_or_assign("redacted", "personal-data");
      }
    }
    ReportWarning warning;
    warning.type = w.type;
    warning.message = w.message.en;
    warning.message_zh = w.message.zh_tw;
    if (!w.row_numbers.empty()) warning.row_number = w.row_numbers.front();
    warning.details = TaiwanWarningToJson(w);
    report.warnings.push_back(std::move(warning));
  }
  report.profile = std::move(profile_json);
  if (!schema_given) {
    report.schema = InferSchema(*profile);
    report.schema_inferred = true;
  }
}

// Checks delimited text: decode → CSV check with profiling.
Result<Report> CheckDelimited(OpenedInput& opened, ChunkReader& reader, std::string_view sample, bool whole,
                              const FileFacts& facts, const CheckOptions& options, const std::string& content_name,
                              const SniffResult& sniffed, const std::string& declared_format) {
  EncodingDetection detection;
  if (options.forced_encoding.empty()) {
    detection = DetectEncoding(sample, whole);
  } else {
    detection.encoding = NormalizeEncodingName(options.forced_encoding);
    detection.method = DetectionMethod::kUnknown;
  }
  // With no answer, read as UTF-8: the first byte that is not says where the trouble starts.
  const std::string decode_as = detection.encoding == "unknown" ? "utf-8" : detection.encoding;
  auto decoder = Utf8Decoder::Create(decode_as, /*strip_bom=*/true);
  if (!decoder) {
    // An encoding nobody can decode with is the report's encoding error (as frictionless).
    Report report;
    FillEncoding(report, detection, facts);
    report.encoding.method = "forced";
    FillFormat(report, sniffed, declared_format, opened);
    AddError(report, "encoding-error", "unknown encoding: " + options.forced_encoding,
             "無法辨識的編碼：" + options.forced_encoding);
    if (auto drained = reader.Drain(); !drained) return std::unexpected(drained.error());
    const Digests digests = opened.source->Current();
    report.stats.bytes = opened.source->Position();
    report.stats.sha256 = digests.sha256;
    report.stats.md5 = digests.md5;
    return report;
  }

  const DialectGuess guess = DetectDialect(SampleText(sample, decode_as, detection.bom_length), whole);
  CsvDialect dialect = guess.dialect;
  if (!guess.confident && sniffed.format == FileFormat::kTsv) dialect.delimiter = '\t';
  if (options.delimiter) dialect.delimiter = *options.delimiter;

  ProfileOptions profile_options = options.profile;
  if (options.validator.schema) profile_options.missing_values = options.validator.schema->missing_values;
  RecordProfiler profiler(options.validator.header, std::move(profile_options), options.taiwan,
                          options.profile_thread);
  CsvCheckOptions csv_options;
  csv_options.dialect = dialect;
  csv_options.validator = options.validator;
  csv_options.observer = options.profile_columns ? &profiler : nullptr;
  auto check = CsvCheck::Create(std::move(csv_options));
  if (!check) return std::unexpected(check.error());

  DecodeIntoCheck sink(*check, decode_as);
  (*decoder)->Decode(sample, sink);
  bool at_end = whole;
  while (!at_end && !sink.stopped()) {
    auto chunk = reader.Next();
    if (!chunk) return std::unexpected(chunk.error());
    if (chunk->empty()) {
      at_end = true;
      break;
    }
    (*decoder)->Decode(*chunk, sink);
  }
  if (!sink.stopped()) (*decoder)->Finish(sink);
  if (!at_end) {
    if (auto drained = reader.Drain(); !drained) return std::unexpected(drained.error());
  }
  reader.Tell(true);

  const Digests digests = opened.source->Current();
  const FileDigests file_digests{opened.source->Position(), digests.sha256, digests.md5};
  Report report = check->Finish(&file_digests);
  FillEncoding(report, detection, facts);
  if (!options.forced_encoding.empty()) report.encoding.method = "forced";
  FillFormat(report, sniffed, declared_format, opened);
  report.format.detected = dialect.delimiter == '\t' ? "tsv" : "csv";
  report.format.machine_readable = true;
  WarnFormatMismatch(report);
  if (auto finding = CompareDialectWithFileName(guess, content_name)) {
    report.Warn(finding->type, finding->message, finding->message_zh);
  }
  if (sink.private_use_count() > 0) {
    report.Warn("private-use-character",
                fmt::format("{} user-defined characters (造字, Private Use Area), the first at byte offset {}: they "
                            "display only with the agency's own font; replace them with standard characters",
                            sink.private_use_count(), sink.first_private_use()),
                fmt::format("有 {} 個造字（使用者自定字元），第一個在第 {} 位元組：只有機關自己的字型才能顯示，請改用標準字元",
                            sink.private_use_count(), sink.first_private_use()));
  }
  if (options.profile_columns) {
    profiler.Finish();
    AddProfileFindings(report, profiler, options.validator.schema.has_value());
  }
  return report;
}

// Checks a file that is not delimited text: JSON is parsed, other formats are reported.
Result<Report> CheckOtherFormat(OpenedInput& opened, ChunkReader& reader, std::string_view sample, bool whole,
                                const FileFacts& facts, const SniffResult& sniffed,
                                const std::string& declared_format) {
  Report report;
  const bool text_format = sniffed.format == FileFormat::kJson || sniffed.format == FileFormat::kGeoJson ||
                           sniffed.format == FileFormat::kXml;
  std::optional<JsonSyntaxCheck> json;
  if (sniffed.format == FileFormat::kJson || sniffed.format == FileFormat::kGeoJson) json.emplace();
  if (json) json->Feed(sample);
  if (!whole) {
    for (;;) {
      auto chunk = reader.Next();
      if (!chunk) return std::unexpected(chunk.error());
      if (chunk->empty()) break;
      if (json) json->Feed(*chunk);
    }
  }
  reader.Tell(true);
  if (text_format) FillEncoding(report, DetectEncoding(sample, whole), facts);
  FillFormat(report, sniffed, declared_format, opened);
  const Digests digests = opened.source->Current();
  report.stats.bytes = opened.source->Position();
  report.stats.sha256 = digests.sha256;
  report.stats.md5 = digests.md5;

  if (json) {
    if (auto error = json->Finish()) {
      AddError(report, "format-error",
               fmt::format("not valid JSON at byte offset {}: {}", error->offset, error->reason),
               fmt::format("第 {} 位元組起不是有效的 JSON：{}", error->offset, error->reason_zh));
    }
  } else if (sniffed.format == FileFormat::kXlsx || sniffed.format == FileFormat::kOds ||
             sniffed.format == FileFormat::kXls) {
    report.Warn("cells-not-read",
                "a spreadsheet: its format was checked but its cells are not read yet; offer a CSV copy as well",
                "試算表檔案：已檢查格式，但尚未讀取儲存格內容；請同時提供 CSV 版本");
  } else if (!sniffed.machine_readable) {
    auto [en, zh] = NotDataReason(sniffed.format);
    AddError(report, "format-error", std::move(en), std::move(zh));
  }
  WarnFormatMismatch(report);
  return report;
}

bool IsDelimited(FileFormat format) {
  return format == FileFormat::kCsv || format == FileFormat::kTsv || format == FileFormat::kText ||
         format == FileFormat::kEmpty;
}

Result<Report> CheckOpened(OpenedInput opened, const FileFacts& facts, const CheckOptions& options) {
  ChunkReader reader(*opened.source, options.progress);
  const std::size_t sample_limit = std::max<std::size_t>(options.sample_bytes, 4096);
  auto sample = ReadPrefix(*opened.source, sample_limit);
  if (!sample) return std::unexpected(sample.error());
  const bool whole = sample->size() < sample_limit;
  reader.Tell(whole);

  const std::string content_name = ContentName(facts, opened);
  SniffInput sniff_input;
  sniff_input.head = *sample;
  sniff_input.file_name = content_name;
  sniff_input.content_type = facts.content_type;
  for (const ZipMember& member : opened.members) sniff_input.zip_members.push_back(member.name);
  const SniffResult sniffed = SniffFormat(sniff_input);
  const std::string declared_format = DeclaredFormat(facts, content_name);

  if (IsDelimited(sniffed.format) || !options.forced_encoding.empty()) {
    return CheckDelimited(opened, reader, *sample, whole, facts, options, content_name, sniffed, declared_format);
  }
  return CheckOtherFormat(opened, reader, *sample, whole, facts, sniffed, declared_format);
}

}  // namespace

Result<Report> CheckFile(const std::string& path, const FileFacts& facts, const CheckOptions& options) {
  auto opened = OpenForCheck(path, options.decompression, HashingThread::kBackground);
  if (!opened) return std::unexpected(opened.error());
  FileFacts with_name = facts;
  if (with_name.file_name.empty()) with_name.file_name = path;
  return CheckOpened(std::move(*opened), with_name, options);
}

Result<Report> CheckBytes(std::string bytes, const FileFacts& facts, const CheckOptions& options) {
  auto opened = OpenSourceForCheck([&bytes] { return Result<std::unique_ptr<ByteSource>>(MemorySource(bytes)); },
                                   options.decompression);
  if (!opened) return std::unexpected(opened.error());
  return CheckOpened(std::move(*opened), facts, options);
}

}  // namespace pintu::quality

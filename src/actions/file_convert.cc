#include "actions/file_convert.h"

#include <vector>

#include "quality/open_for_check.h"

namespace pintu::actions {
namespace {

constexpr size_t kReadBlock = 1 << 20;
constexpr size_t kWriteBlock = 1 << 20;

// Buffers decoded text and hands it to the writer in large blocks.
class BufferedSink final : public quality::DecodeSink {
 public:
  explicit BufferedSink(const Utf8Writer& write) : write_(write) { buffer_.reserve(kWriteBlock); }
  void Text(std::string_view utf8) override {
    if (!status_) return;
    written_ += utf8.size();
    if (utf8.size() >= kWriteBlock) {
      Flush();
      if (status_) status_ = write_(utf8);
      return;
    }
    if (buffer_.size() + utf8.size() > kWriteBlock) Flush();
    buffer_.append(utf8);
  }
  void Invalid(const quality::InvalidSequence&) override {}
  void Flush() {
    if (status_ && !buffer_.empty()) status_ = write_(buffer_);
    buffer_.clear();
  }
  const Result<void>& status() const { return status_; }
  uint64_t written() const { return written_; }

 private:
  const Utf8Writer& write_;
  std::string buffer_;
  Result<void> status_;
  uint64_t written_ = 0;
};

}  // namespace

Result<ConvertReport> ConvertToUtf8(const ConvertRequest& request, const Utf8Writer& write) {
  auto opened = quality::OpenForCheck(request.path);
  if (!opened) return std::unexpected(opened.error());
  ConvertReport report;
  report.compression = std::string(quality::CompressionName(opened->compression));
  report.member = opened->member_name;
  quality::ByteSource& source = *opened->source;

  auto sample = quality::ReadPrefix(source, request.sample_bytes);
  if (!sample) return std::unexpected(sample.error());
  if (request.from.empty()) {
    report.detection = quality::DetectEncoding(*sample, sample->size() < request.sample_bytes);
    report.encoding = report.detection->encoding;
    if (report.encoding == "unknown") {
      return std::unexpected(Error::Invalid("from", "cannot tell the encoding of " + request.path + "; name it with --from",
                                            "無法判斷 " + request.path + " 的編碼，請用 --from 指定"));
    }
  } else {
    report.encoding = quality::NormalizeEncodingName(request.from);
  }
  auto decoder = quality::Utf8Decoder::Create(report.encoding);
  if (!decoder) return std::unexpected(decoder.error());

  BufferedSink sink(write);
  (*decoder)->Decode(*sample, sink);
  std::string().swap(*sample);
  std::vector<char> block(kReadBlock);
  while (sink.status()) {
    auto n = source.Read(block);
    if (!n) return std::unexpected(n.error());
    if (*n == 0) break;
    (*decoder)->Decode(std::string_view(block.data(), *n), sink);
  }
  (*decoder)->Finish(sink);
  sink.Flush();
  if (!sink.status()) return std::unexpected(sink.status().error());
  report.bytes_in = (*decoder)->BytesIn();
  report.bytes_out = sink.written();
  report.invalid_count = (*decoder)->InvalidCount();
  report.first_invalid = (*decoder)->FirstInvalid();
  return report;
}

}  // namespace pintu::actions

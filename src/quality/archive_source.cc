#include "quality/archive_source.h"

#include <archive.h>
#include <archive_entry.h>

#include <locale.h>

#include <cerrno>
#include <optional>

#include "quality/transcode.h"
#include "quality/utf8.h"

namespace pintu::quality {
namespace {

// Small enough that the ratio check sees the compressed bytes actually consumed (a bomb
// is stopped right after the grace amount), large enough to cost nothing.
constexpr size_t kInputBlock = 64 * 1024;

// An error a user sees, with its zh-TW wording attached as the "file" field.
Error UserError(ErrorCode code, std::string en, std::string zh) {
  Error e{code, en, {}};
  e.fields.push_back({"file", std::move(en), std::move(zh)});
  return e;
}

// libarchive converts entry names to the current locale's charset and drops names it cannot
// convert (UTF-8 names under the "C" locale). This switches the calling thread to C.UTF-8
// (LC_CTYPE only, thread-local) while libarchive reads headers and names.
class Utf8NamesScope {
 public:
  Utf8NamesScope() {
    static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    if (utf8) previous_ = uselocale(utf8);
  }
  ~Utf8NamesScope() {
    if (previous_) uselocale(previous_);
  }
  Utf8NamesScope(const Utf8NamesScope&) = delete;
  Utf8NamesScope& operator=(const Utf8NamesScope&) = delete;

 private:
  locale_t previous_ = static_cast<locale_t>(0);
};

// Owns a libarchive reader fed from a ByteSource.
class Reader {
 public:
  explicit Reader(ByteSource& input) : input_(input), block_(kInputBlock) {}
  ~Reader() {
    if (archive_) archive_read_free(archive_);
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;

  // Opens the reader for `compression`; describes failures in the returned error.
  Result<void> Open(Compression compression) {
    archive_ = archive_read_new();
    if (!archive_) return std::unexpected(Error::Internal("libarchive: out of memory"));
    if (compression == Compression::kGzip) {
      archive_read_support_filter_gzip(archive_);
      archive_read_support_format_raw(archive_);
    } else {
      archive_read_support_filter_none(archive_);
      archive_read_support_format_zip_streamable(archive_);
    }
    if (archive_read_open(archive_, this, nullptr, &Reader::ReadCallback, nullptr) != ARCHIVE_OK) {
      return std::unexpected(Failure("cannot open"));
    }
    return Ok();
  }

  // The next header; nullopt at the end of the archive.
  // Call inside a Utf8NamesScope.
  Result<archive_entry*> NextHeader() {
    archive_entry* entry = nullptr;
    int rc = archive_read_next_header(archive_, &entry);
    if (rc == ARCHIVE_EOF) return nullptr;
    if (rc < ARCHIVE_WARN) return std::unexpected(Failure("cannot read the archive"));
    return entry;
  }

  // An error describing why libarchive failed (or why our input did).
  Error Failure(std::string_view what) const {
    if (input_error_) return *input_error_;
    const char* detail = archive_ ? archive_error_string(archive_) : nullptr;
    std::string en = std::string(what) + " " + input_.Describe() + ": " + (detail ? detail : "not a valid archive");
    return UserError(ErrorCode::kBadRequest, en, "無法讀取壓縮檔（" + input_.Describe() + "）：" + (detail ? detail : "格式不正確"));
  }

  struct archive* archive() { return archive_; }
  ByteSource& input() { return input_; }

 private:
  static la_ssize_t ReadCallback(struct archive* a, void* self_ptr, const void** buffer) {
    auto* self = static_cast<Reader*>(self_ptr);
    auto n = self->input_.Read(std::span<char>(self->block_.data(), self->block_.size()));
    if (!n) {
      self->input_error_ = n.error();
      archive_set_error(a, EIO, "%s", n.error().message.c_str());
      return -1;
    }
    *buffer = self->block_.data();
    return static_cast<la_ssize_t>(*n);
  }

  ByteSource& input_;
  std::vector<char> block_;
  struct archive* archive_ = nullptr;
  std::optional<Error> input_error_;
};

// The entry's name as UTF-8 (call inside a Utf8NamesScope): names flagged UTF-8 as they are; others (zip tools on
// Taiwanese Windows write CP950) decoded as CP950 when that works, else with U+FFFD.
std::string EntryName(archive_entry* entry) {
  if (const char* utf8 = archive_entry_pathname_utf8(entry)) return ToValidUtf8(utf8);
  const char* raw = archive_entry_pathname(entry);
  if (!raw) return "";
  std::string_view bytes(raw);
  if (ScanUtf8(bytes).status != Utf8Status::kValid) {
    if (auto decoded = DecodeAll(bytes, "cp950", 0); decoded && decoded->invalid_count == 0) return decoded->text;
  }
  return ToValidUtf8(bytes);
}

class ArchiveSource final : public DecompressingSource {
 public:
  ArchiveSource(std::unique_ptr<ByteSource> input, Compression compression, DecompressionLimits limits)
      : input_(std::move(input)), reader_(*input_), compression_(compression), limits_(limits) {}

  Result<void> Start() {
    Utf8NamesScope names;
    if (auto ok = reader_.Open(compression_); !ok) return ok;
    for (;;) {
      auto entry = reader_.NextHeader();
      if (!entry) return std::unexpected(entry.error());
      if (*entry == nullptr) {
        return std::unexpected(UserError(ErrorCode::kValidation, "the zip archive contains no file",
                                         "壓縮檔裡沒有任何檔案"));
      }
      if (compression_ == Compression::kGzip) {
        if (archive_filter_code(reader_.archive(), 0) != ARCHIVE_FILTER_GZIP) {
          return std::unexpected(UserError(ErrorCode::kBadRequest, input_->Describe() + " is not gzip-compressed",
                                           "檔案不是 gzip 壓縮格式"));
        }
        return Ok();
      }
      if (archive_entry_filetype(*entry) != AE_IFREG) continue;
      member_ = EntryName(*entry);
      if (archive_entry_is_encrypted(*entry)) {
        return std::unexpected(UserError(ErrorCode::kValidation, "the zip member " + member_ + " is encrypted",
                                         "壓縮檔中的 " + member_ + " 有加密，無法讀取"));
      }
      if (archive_entry_size_is_set(*entry) &&
          static_cast<uint64_t>(archive_entry_size(*entry)) > limits_.max_output_bytes) {
        return std::unexpected(TooLarge());
      }
      return Ok();
    }
  }

  Result<size_t> Read(std::span<char> buffer) override {
    if (done_ || buffer.empty()) return 0;
    la_ssize_t n = archive_read_data(reader_.archive(), buffer.data(), buffer.size());
    if (n < 0) return std::unexpected(reader_.Failure("cannot decompress"));
    if (n == 0) {
      done_ = true;
      return 0;
    }
    position_ += static_cast<uint64_t>(n);
    if (position_ > limits_.max_output_bytes) return std::unexpected(TooLarge());
    uint64_t compressed = std::max<uint64_t>(1, input_->Position());
    if (position_ > limits_.ratio_grace_bytes && static_cast<double>(position_) > limits_.max_ratio * compressed) {
      return std::unexpected(Bomb(compressed));
    }
    return static_cast<size_t>(n);
  }

  uint64_t Position() const override { return position_; }
  std::string Describe() const override {
    return member_.empty() ? "gzip in " + input_->Describe() : "zip member " + member_ + " in " + input_->Describe();
  }
  const std::string& MemberName() const override { return member_; }
  uint64_t CompressedPosition() const override { return input_->Position(); }

 private:
  Error TooLarge() const {
    std::string limit = std::to_string(limits_.max_output_bytes);
    return UserError(ErrorCode::kTooLarge,
                     "decompressed data of " + Describe() + " is larger than the limit of " + limit + " bytes",
                     "解壓縮後的資料超過上限（" + limit + " 位元組）");
  }
  Error Bomb(uint64_t compressed) const {
    std::string ratio = std::to_string(position_ / compressed);
    return UserError(ErrorCode::kTooLarge,
                     "zip bomb: " + Describe() + " expands " + ratio + "x (limit " +
                         std::to_string(static_cast<uint64_t>(limits_.max_ratio)) + "x); decompression stopped",
                     "疑似壓縮炸彈（zip bomb）：解壓縮比例達 " + ratio + " 倍，已停止解壓縮");
  }

  std::unique_ptr<ByteSource> input_;
  Reader reader_;
  Compression compression_;
  DecompressionLimits limits_;
  std::string member_;
  uint64_t position_ = 0;
  bool done_ = false;
};

}  // namespace

std::string_view CompressionName(Compression compression) {
  switch (compression) {
    case Compression::kNone: return "none";
    case Compression::kGzip: return "gzip";
    case Compression::kZip: return "zip";
  }
  return "none";
}

Result<std::unique_ptr<DecompressingSource>> OpenDecompressing(std::unique_ptr<ByteSource> compressed,
                                                               Compression compression,
                                                               DecompressionLimits limits) {
  if (compression == Compression::kNone) {
    return std::unexpected(Error::Internal("OpenDecompressing needs gzip or zip"));
  }
  auto source = std::make_unique<ArchiveSource>(std::move(compressed), compression, limits);
  if (auto ok = source->Start(); !ok) return std::unexpected(ok.error());
  return source;
}

Result<std::vector<ZipMember>> ListZipMembers(ByteSource& zip, size_t max_members) {
  Utf8NamesScope names;
  Reader reader(zip);
  if (auto ok = reader.Open(Compression::kZip); !ok) return std::unexpected(ok.error());
  std::vector<ZipMember> members;
  while (members.size() < max_members) {
    auto entry = reader.NextHeader();
    if (!entry) {
      if (!members.empty()) break;  // a damaged tail: keep what was listed
      return std::unexpected(entry.error());
    }
    if (*entry == nullptr) break;
    ZipMember m;
    m.name = EntryName(*entry);
    if (archive_entry_size_is_set(*entry)) m.size = static_cast<uint64_t>(archive_entry_size(*entry));
    m.regular_file = archive_entry_filetype(*entry) == AE_IFREG;
    members.push_back(std::move(m));
    if (archive_read_data_skip(reader.archive()) < ARCHIVE_WARN) break;
  }
  return members;
}

}  // namespace pintu::quality

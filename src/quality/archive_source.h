// Decompression of gzip files and zip archives (libarchive), as a ByteSource, with limits
// that stop decompression bombs before they fill memory or disk.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "quality/byte_source.h"

namespace pintu::quality {

// How the bytes of a file are packed.
enum class Compression {
  kNone,
  kGzip,  // one gzip stream (RFC 1952)
  kZip,   // a zip archive; its first regular member is read
};

// Name of a compression as reported to users: "none", "gzip", "zip".
std::string_view CompressionName(Compression compression);

// Limits on decompression. A stream that exceeds them fails with ErrorCode::kTooLarge.
struct DecompressionLimits {
  // Most bytes the decompressed stream may deliver.
  uint64_t max_output_bytes = 8ULL << 30;
  // Most decompressed bytes per compressed byte read, checked once the output passed
  // `ratio_grace_bytes` (real CSV files compress 5–50×; a bomb of zeros about 1000×).
  double max_ratio = 250.0;
  uint64_t ratio_grace_bytes = 16ULL << 20;
};

// One entry of a zip archive.
struct ZipMember {
  std::string name;                 // as stored, made valid UTF-8 (invalid bytes → U+FFFD)
  std::optional<uint64_t> size;     // declared uncompressed size, when the archive says
  bool regular_file = false;        // false for directories, links and the like
};

// A decompressing source: Read() delivers the decompressed bytes of a gzip stream or of
// one zip member. Memory use is bounded (libarchive's window plus one read buffer).
class DecompressingSource : public ByteSource {
 public:
  // The member being read ("" for gzip).
  virtual const std::string& MemberName() const = 0;
  // Compressed bytes consumed so far from the underlying source.
  virtual uint64_t CompressedPosition() const = 0;
};

// Starts decompressing `compressed`. For kZip, positions on the first regular member
// (fails with kValidation when there is none or it is encrypted). Fails with kBadRequest
// when the bytes are not in the stated format.
Result<std::unique_ptr<DecompressingSource>> OpenDecompressing(std::unique_ptr<ByteSource> compressed,
                                                               Compression compression,
                                                               DecompressionLimits limits = {});

// Lists the entries of a zip archive read from `zip` (reads through it; decompresses
// nothing). Stops after `max_members` entries. Fails with kBadRequest when it is no zip.
Result<std::vector<ZipMember>> ListZipMembers(ByteSource& zip, size_t max_members = 10000);

}  // namespace pintu::quality

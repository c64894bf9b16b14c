// Opening a local file for a check: gzip files and zip archives are unwrapped (one level,
// with decompression limits); everything else, office documents included, is read as is.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "quality/archive_source.h"
#include "quality/hashing_source.h"

namespace pintu::quality {

// A file ready to be read once.
struct OpenedInput {
  // The bytes to check: the file itself, the gzip's content or the zip's first regular
  // member. Hashes (sha256, md5) are of these bytes, complete once read to the end.
  std::unique_ptr<HashingSource> source;
  Compression compression = Compression::kNone;  // how the file was packed
  std::string member_name;                       // for zip: the member being read
  // For any zip file (xlsx, ods … included): its entries. Office documents (a zip with
  // [Content_Types].xml or mimetype) are not unwrapped; sniff them with these names.
  std::vector<ZipMember> members;
};

// Opens `path`, sniffing its magic bytes (1F 8B gzip, PK\3\4 zip). Fails with kNotFound when
// the file does not exist, kBadRequest when it cannot be read or decompressed, kTooLarge
// for a decompression bomb, and kValidation for an archive inside the archive (nested
// archives are refused, which also stops recursive zip bombs).
// `hashing` says where the digests are computed (kBackground overlaps hashing with the
// caller's work).
Result<OpenedInput> OpenForCheck(const std::string& path, DecompressionLimits limits = {},
                                 HashingThread hashing = HashingThread::kCaller);

// Opens a source for a check the same way. `open` is called once to read the bytes and, for
// a zip, once more to list its members, so it must return the same bytes each time.
using SourceOpener = std::function<Result<std::unique_ptr<ByteSource>>()>;
Result<OpenedInput> OpenSourceForCheck(const SourceOpener& open, DecompressionLimits limits = {},
                                       HashingThread hashing = HashingThread::kCaller);

}  // namespace pintu::quality

#include "quality/open_for_check.h"

#include <algorithm>

namespace pintu::quality {
namespace {

Compression CompressionFromMagic(std::string_view head) {
  if (head.starts_with("\x1F\x8B")) return Compression::kGzip;
  if (head.starts_with("PK\x03\x04")) return Compression::kZip;
  return Compression::kNone;
}

bool IsOfficePackage(const std::vector<ZipMember>& members) {
  return std::any_of(members.begin(), members.end(), [](const ZipMember& m) {
    return m.name == "[Content_Types].xml" || m.name == "mimetype";
  });
}

Error NestedArchive(const std::string& member) {
  std::string en = "the archive member " + member + " is itself an archive; unpack it first";
  Error e{ErrorCode::kValidation, en, {}};
  e.fields.push_back({"file", en, "壓縮檔中的 " + member + " 又是壓縮檔，請先解壓縮再檢查"});
  return e;
}

}  // namespace

Result<OpenedInput> OpenForCheck(const std::string& path, DecompressionLimits limits, HashingThread hashing) {
  return OpenSourceForCheck([&path] { return OpenFileSource(path); }, limits, hashing);
}

Result<OpenedInput> OpenSourceForCheck(const SourceOpener& open, DecompressionLimits limits, HashingThread hashing) {
  auto file = open();
  if (!file) return std::unexpected(file.error());
  auto head = ReadPrefix(**file, 8);
  if (!head) return std::unexpected(head.error());
  OpenedInput opened;
  opened.compression = CompressionFromMagic(*head);
  if (opened.compression == Compression::kNone) {
    opened.source = std::make_unique<HashingSource>(WithPrefix(std::move(*head), std::move(*file)), hashing);
    return opened;
  }
  if (opened.compression == Compression::kZip) {
    auto lister = open();
    if (!lister) return std::unexpected(lister.error());
    auto members = ListZipMembers(**lister);
    if (!members) return std::unexpected(members.error());
    opened.members = std::move(*members);
    if (IsOfficePackage(opened.members)) {
      opened.compression = Compression::kNone;
      opened.source = std::make_unique<HashingSource>(WithPrefix(std::move(*head), std::move(*file)), hashing);
      return opened;
    }
  }
  auto inflating = OpenDecompressing(WithPrefix(std::move(*head), std::move(*file)), opened.compression, limits);
  if (!inflating) return std::unexpected(inflating.error());
  opened.member_name = (*inflating)->MemberName();
  std::unique_ptr<ByteSource> content = std::move(*inflating);
  auto inner_head = ReadPrefix(*content, 8);
  if (!inner_head) return std::unexpected(inner_head.error());
  if (CompressionFromMagic(*inner_head) != Compression::kNone) {
    return std::unexpected(NestedArchive(opened.member_name.empty() ? "(gzip content)" : opened.member_name));
  }
  opened.source = std::make_unique<HashingSource>(WithPrefix(std::move(*inner_head), std::move(content)), hashing);
  return opened;
}

}  // namespace pintu::quality

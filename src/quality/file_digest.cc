#include "quality/file_digest.h"

namespace pintu::quality {

void FileDigest::Update(std::string_view raw) {
  bytes_ += raw.size();
  sha256_.Update(raw);
  md5_.Update(raw);
}

FileDigests FileDigest::Finish() { return FileDigests{bytes_, sha256_.FinishHex(), md5_.FinishHex()}; }

}  // namespace pintu::quality

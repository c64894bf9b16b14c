// Writes gzip files and zip archives for tests (libarchive), streaming, so that large
// inputs such as a 1 GB zip bomb are produced without holding them in memory.
#pragma once

#include <archive.h>
#include <archive_entry.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pintu::quality::test {

// Calls `emit` with successive pieces of a member's content.
using Producer = std::function<void(const std::function<void(std::string_view)>& emit)>;

// Repeats `block` until `total` bytes were produced.
inline Producer Repeat(std::string block, uint64_t total) {
  return [block = std::move(block), total](const std::function<void(std::string_view)>& emit) {
    for (uint64_t done = 0; done < total;) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(block.size(), total - done));
      emit(std::string_view(block).substr(0, n));
      done += n;
    }
  };
}

inline Producer Bytes(std::string bytes) {
  return [bytes = std::move(bytes)](const std::function<void(std::string_view)>& emit) { emit(bytes); };
}

struct Member {
  std::string name;
  Producer content;
};

namespace detail {
inline bool WriteEntries(struct archive* a, const std::string& path, const std::vector<Member>& members) {
  if (archive_write_open_filename(a, path.c_str()) != ARCHIVE_OK) return false;
  bool ok = true;
  for (const Member& m : members) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, m.name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    // Sizes are not known in advance: zip then writes a data descriptor.
    ok = ok && archive_write_header(a, e) == ARCHIVE_OK;
    m.content([&](std::string_view piece) {
      if (ok && archive_write_data(a, piece.data(), piece.size()) < 0) ok = false;
    });
    archive_entry_free(e);
  }
  ok = archive_write_close(a) == ARCHIVE_OK && ok;
  archive_write_free(a);
  return ok;
}
}  // namespace detail

// Writes `content` as a gzip file (compression level 1 fastest … 9 smallest).
inline bool WriteGzip(const std::string& path, const Producer& content, int level = 6) {
  struct archive* a = archive_write_new();
  archive_write_add_filter_gzip(a);
  archive_write_set_filter_option(a, "gzip", "compression-level", std::to_string(level).c_str());
  archive_write_set_format_raw(a);
  return detail::WriteEntries(a, path, {{"data", content}});
}

// Writes a zip archive of `members` (deflate at `level`).
inline bool WriteZip(const std::string& path, const std::vector<Member>& members, int level = 6) {
  struct archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_set_format_option(a, "zip", "compression-level", std::to_string(level).c_str());
  return detail::WriteEntries(a, path, members);
}

}  // namespace pintu::quality::test

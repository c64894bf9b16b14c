// Streaming JSON syntax validation: is a file well-formed JSON (RFC 8259, UTF-8)? Reads
// chunk by chunk without building a document, so memory stays small whatever the size;
// nesting deeper than a limit is refused rather than followed.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace pintu::quality {

// Where and why the text stopped being JSON.
struct JsonSyntaxError {
  std::uint64_t offset = 0;  // byte offset of the problem in the whole input
  std::string reason;        // English, e.g. "syntax error", "illegal UTF-8 sequence"
  std::string reason_zh;     // zh-TW
};

// Validates one JSON text fed in chunks.
class JsonSyntaxCheck {
 public:
  // `max_depth`: deepest nesting of arrays/objects accepted.
  explicit JsonSyntaxCheck(std::size_t max_depth = 1000);
  ~JsonSyntaxCheck();
  JsonSyntaxCheck(const JsonSyntaxCheck&) = delete;
  JsonSyntaxCheck& operator=(const JsonSyntaxCheck&) = delete;

  // Checks the next chunk. Returns false once an error was found (later chunks are ignored).
  bool Feed(std::string_view chunk);

  // Ends the input; nullopt when the whole text was one well-formed JSON value (leading
  // and trailing white space allowed, a UTF-8 byte order mark is not JSON and is refused).
  std::optional<JsonSyntaxError> Finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pintu::quality

// Streaming decoding of any supported encoding to UTF-8, chunk by chunk, with the absolute
// byte offset of every invalid sequence (Frictionless `encoding-error`). Input that is
// already UTF-8 is only validated: valid text is handed on as views of the input (no copy).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace pintu::quality {

// Why bytes could not be decoded.
enum class InvalidKind {
  kMalformed,    // not a valid sequence in the encoding (or unmapped in its table)
  kTruncated,    // the input ends inside a multi-byte sequence
  kPrivateUse,   // a user-defined character (造字, EUDC): decodes only to a Private Use Area
                 // code point whose meaning depends on a font; the code point is kept
};

// Name of an InvalidKind for reports: "malformed", "truncated", "private-use".
std::string_view InvalidKindName(InvalidKind kind);

// One invalid byte sequence.
struct InvalidSequence {
  uint64_t offset = 0;   // absolute offset of its first byte in the input (BOM included)
  uint32_t length = 0;   // bytes it spans
  InvalidKind kind = InvalidKind::kMalformed;
};

// Receives decoded text and problems, in input order.
class DecodeSink {
 public:
  virtual ~DecodeSink() = default;
  // The next piece of decoded text: valid UTF-8; pieces concatenate to the whole text. The
  // view is valid only during the call. Malformed and truncated bytes arrive as U+FFFD.
  virtual void Text(std::string_view utf8) = 0;
  // An invalid sequence (reported before the text that replaces it).
  virtual void Invalid(const InvalidSequence& sequence) = 0;
};

// A decoder for one stream.
class Utf8Decoder {
 public:
  // A decoder for `encoding`: a name NormalizeEncodingName understands (utf-8, big5, cp950,
  // big5-hkscs, gb18030, utf-16le, utf-16be, utf-32le, utf-32be, windows-1252, …) or any
  // converter name ICU knows. With `strip_bom`, a byte-order mark at the very start is
  // dropped (its bytes still count in offsets). Fails with kValidation for unknown names.
  static Result<std::unique_ptr<Utf8Decoder>> Create(std::string_view encoding, bool strip_bom = true);
  virtual ~Utf8Decoder() = default;

  // Decodes the next `chunk` of the input. A multi-byte sequence split across chunks is
  // completed by the next call.
  virtual void Decode(std::string_view chunk, DecodeSink& sink) = 0;
  // Ends the input: a sequence still incomplete is reported as kTruncated.
  virtual void Finish(DecodeSink& sink) = 0;

  // Input bytes consumed so far.
  uint64_t BytesIn() const { return bytes_in_; }
  // Invalid sequences reported so far, and the first one.
  uint64_t InvalidCount() const { return invalid_count_; }
  const std::optional<InvalidSequence>& FirstInvalid() const { return first_invalid_; }
  // True when reported offsets are exact whatever the chunking: every encoding except the
  // stateful ones (ISO-2022-*, HZ, UTF-7, SCSU, BOCU-1, BOM-driven UTF-16/UTF-32), where a
  // sequence split across chunks may be reported a few bytes off.
  virtual bool ExactOffsets() const = 0;
  // The canonical name of the encoding being decoded.
  const std::string& Encoding() const { return encoding_; }

 protected:
  // Records `sequence` in the counters and passes it to `sink`.
  void Report(const InvalidSequence& sequence, DecodeSink& sink);
  uint64_t bytes_in_ = 0;
  std::string encoding_;

 private:
  uint64_t invalid_count_ = 0;
  std::optional<InvalidSequence> first_invalid_;
};

// The whole of `bytes` decoded at once (tests, short texts): the UTF-8 text and up to
// `max_problems` invalid sequences.
struct DecodedText {
  std::string text;
  std::vector<InvalidSequence> invalid;
  uint64_t invalid_count = 0;
};
Result<DecodedText> DecodeAll(std::string_view bytes, std::string_view encoding, size_t max_problems = 100);

}  // namespace pintu::quality

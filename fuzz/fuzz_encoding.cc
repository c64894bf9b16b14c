// libFuzzer target: encoding detection, streaming decoding on random chunk splits, and
// format sniffing must never crash, must give valid UTF-8, and must not depend on how the
// input is split into chunks.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "quality/encoding.h"
#include "quality/sniff.h"
#include "quality/transcode.h"
#include "quality/utf8.h"

namespace {

using namespace pintu::quality;

struct Collect : DecodeSink {
  std::string text;
  std::vector<InvalidSequence> invalid;
  void Text(std::string_view utf8) override { text.append(utf8); }
  void Invalid(const InvalidSequence& s) override { invalid.push_back(s); }
};

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

constexpr const char* kEncodings[] = {"utf-8", "big5", "cp950", "big5-hkscs", "gb18030",
                                      "utf-16le", "utf-16be", "utf-32le", "windows-1252"};

// Decodes `bytes` with chunk sizes drawn from `splits` (cycled; 0 becomes 1).
Collect Decode(std::string_view bytes, const char* encoding, std::string_view splits) {
  Collect out;
  auto decoder = Utf8Decoder::Create(encoding);
  Check(decoder.has_value());
  size_t pos = 0, i = 0;
  while (pos < bytes.size()) {
    size_t n = splits.empty() ? bytes.size() : 1 + static_cast<unsigned char>(splits[i++ % splits.size()]) % 97;
    n = std::min(n, bytes.size() - pos);
    (*decoder)->Decode(bytes.substr(pos, n), out);
    pos += n;
  }
  (*decoder)->Finish(out);
  Check((*decoder)->BytesIn() == bytes.size());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  // First byte: which encoding to force; next 8 bytes: chunk sizes; the rest: the input.
  const char* forced = kEncodings[data[0] % std::size(kEncodings)];
  size_t split_bytes = std::min<size_t>(8, size - 1);
  std::string_view splits(reinterpret_cast<const char*>(data + 1), split_bytes);
  std::string_view input(reinterpret_cast<const char*>(data + 1 + split_bytes), size - 1 - split_bytes);

  EncodingDetection whole = DetectEncoding(input, true);
  Check(!whole.encoding.empty());
  for (const auto& r : whole.rejected) Check(r.first_invalid_offset <= input.size());
  EncodingDetection part = DetectEncoding(input.substr(0, input.size() / 2), false);
  Check(!part.encoding.empty());
  (void)EncodingMatches(whole, forced);

  for (const char* encoding : {forced, whole.encoding.c_str()}) {
    if (whole.encoding == "unknown" && encoding == whole.encoding.c_str()) continue;
    auto check_encoding = Utf8Decoder::Create(encoding);
    if (!check_encoding) continue;  // uchardet may name a charset ICU does not have
    bool exact = (*check_encoding)->ExactOffsets();
    Collect one = Decode(input, encoding, {});
    Collect chunked = Decode(input, encoding, splits);
    Check(ScanUtf8(one.text).status == Utf8Status::kValid);
    Check(one.text == chunked.text);
    if (exact) Check(one.invalid.size() == chunked.invalid.size());
    uint64_t last = 0;
    for (size_t i = 0; exact && i < one.invalid.size(); ++i) {
      if (exact) Check(one.invalid[i].offset == chunked.invalid[i].offset);
      Check(one.invalid[i].offset < input.size());
      Check(one.invalid[i].offset >= last);
      last = one.invalid[i].offset;
    }
    for (const auto& s : chunked.invalid) Check(s.offset < input.size());
  }

  SniffResult sniffed = SniffFormat({input, "data.csv", "text/csv", {}});
  Check(!FileFormatName(sniffed.format).empty());
  return 0;
}

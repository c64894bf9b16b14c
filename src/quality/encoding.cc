#include "quality/encoding.h"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "quality/transcode.h"
#include "quality/utf8.h"

namespace pintu::quality {
namespace {

// UTF-8 is taken despite errors when the sample has at least this many valid multi-byte
// sequences and at most one invalid sequence per kMostlyRatio valid ones.
constexpr size_t kMostlyMinimum = 4;
constexpr size_t kMostlyRatio = 50;
// Below this many non-ASCII bytes the statistical tie-break is not asked (too little text
// for statistics; the documented order decides).
constexpr size_t kTieBreakMinimumBytes = 40;

struct Bom {
  std::string_view bytes;
  std::string_view encoding;
};
// Longest first: FF FE 00 00 is UTF-32LE, not UTF-16LE followed by U+0000.
// (string_view literals: a plain "\x00…" literal would end at its first NUL.)
using namespace std::string_view_literals;
constexpr Bom kBoms[] = {
    {"\xFF\xFE\x00\x00"sv, "utf-32le"}, {"\x00\x00\xFE\xFF"sv, "utf-32be"}, {"\xEF\xBB\xBF"sv, "utf-8"},
    {"\xFF\xFE"sv, "utf-16le"},         {"\xFE\xFF"sv, "utf-16be"},
};

// Records the first problem of a strict decode, ignoring the text.
class FirstProblemSink final : public DecodeSink {
 public:
  void Text(std::string_view) override {}
  void Invalid(const InvalidSequence& s) override {
    if (s.kind == InvalidKind::kTruncated) {
      if (!truncated) truncated = s.offset;
    } else if (!first) {
      first = s.offset;
    }
  }
  std::optional<uint64_t> first;      // first malformed, unmapped or user-defined sequence
  std::optional<uint64_t> truncated;  // a sequence cut by the end of a whole input
};

// Decodes `sample` strictly as `encoding`; the offset of the first bad sequence, if any.
FirstProblemSink StrictDecode(std::string_view sample, std::string_view encoding, bool whole_input) {
  FirstProblemSink sink;
  auto decoder = Utf8Decoder::Create(encoding, false);
  if (!decoder) {
    sink.first = 0;
    return sink;
  }
  constexpr size_t kSlice = 64 * 1024;
  for (size_t pos = 0; pos < sample.size() && !sink.first; pos += kSlice) {
    (*decoder)->Decode(sample.substr(pos, kSlice), sink);
  }
  if (whole_input && !sink.first) (*decoder)->Finish(sink);
  return sink;
}

// True when a Big5-structured sample uses a code CP950 has and Big5 lacks: the euro sign
// A3E1 or the ETEN extensions F9D6–F9FE.
bool UsesCp950Extensions(std::string_view sample) {
  for (size_t i = 0; i < sample.size();) {
    auto b = static_cast<unsigned char>(sample[i]);
    if (b < 0x81 || b == 0xFF || i + 1 >= sample.size()) {
      ++i;
      continue;
    }
    unsigned code = (b << 8) | static_cast<unsigned char>(sample[i + 1]);
    if (code == 0xA3E1 || (code >= 0xF9D6 && code <= 0xF9FE)) return true;
    i += 2;
  }
  return false;
}

// uchardet's guess, canonical; "" when it has none.
std::string StatisticalGuess(std::string_view sample) {
  uchardet_t detector = uchardet_new();
  if (!detector) return "";
  std::string guess;
  if (uchardet_handle_data(detector, sample.data(), sample.size()) == 0) {
    uchardet_data_end(detector);
    const char* charset = uchardet_get_charset(detector);
    if (charset && *charset) guess = NormalizeEncodingName(charset);
  }
  uchardet_delete(detector);
  return guess;
}

size_t NonAsciiBytes(std::string_view sample) {
  return static_cast<size_t>(std::count_if(sample.begin(), sample.end(),
                                           [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
}

bool IsBig5Family(std::string_view e) { return e == "big5" || e == "cp950" || e == "big5-hkscs"; }
bool IsWideUnicode(std::string_view e) { return e.starts_with("utf-16") || e.starts_with("utf-32"); }

}  // namespace

std::string_view DetectionMethodName(DetectionMethod method) {
  switch (method) {
    case DetectionMethod::kEmpty: return "empty";
    case DetectionMethod::kBom: return "bom";
    case DetectionMethod::kUtf8Valid: return "utf-8-valid";
    case DetectionMethod::kUtf8Mostly: return "utf-8-mostly-valid";
    case DetectionMethod::kStrictDecode: return "strict-decode";
    case DetectionMethod::kTieBreak: return "tie-break";
    case DetectionMethod::kStatistical: return "statistical";
    case DetectionMethod::kUnknown: return "unknown";
  }
  return "unknown";
}

EncodingDetection DetectEncoding(std::string_view sample, bool whole_input) {
  EncodingDetection d;
  if (sample.empty()) {
    d.encoding = "utf-8";
    d.method = DetectionMethod::kEmpty;
    d.ascii_only = true;
    return d;
  }
  for (const Bom& bom : kBoms) {
    if (sample.starts_with(bom.bytes)) {
      d.encoding = bom.encoding;
      d.bom = true;
      d.bom_length = bom.bytes.size();
      d.method = DetectionMethod::kBom;
      if (d.encoding == "utf-8") {
        Utf8Census c = CountUtf8(sample, whole_input);
        if (c.invalid_sequences > 0) d.first_invalid_offset = c.first_invalid_offset;
      }
      return d;
    }
  }

  Utf8Census utf8 = CountUtf8(sample, false);
  if (utf8.invalid_sequences == 0) {
    d.encoding = "utf-8";
    d.method = DetectionMethod::kUtf8Valid;
    d.ascii_only = utf8.multibyte_sequences == 0 && !utf8.truncated_at_end;
    if (utf8.truncated_at_end && whole_input) d.first_invalid_offset = utf8.truncated_offset;
    return d;
  }
  if (utf8.multibyte_sequences >= kMostlyMinimum && utf8.invalid_sequences * kMostlyRatio <= utf8.multibyte_sequences) {
    d.encoding = "utf-8";
    d.method = DetectionMethod::kUtf8Mostly;
    d.first_invalid_offset = utf8.first_invalid_offset;
    return d;
  }
  d.rejected.push_back({"utf-8", utf8.first_invalid_offset});

  // Strict legacy decodes, in the documented order.
  std::string big5_family;
  std::optional<uint64_t> big5_truncated;
  FirstProblemSink cp950 = StrictDecode(sample, "cp950", whole_input);
  if (!cp950.first) {
    big5_family = UsesCp950Extensions(sample) ? "cp950" : "big5";
    big5_truncated = cp950.truncated;
  } else {
    d.rejected.push_back({"cp950", *cp950.first});
    FirstProblemSink hkscs = StrictDecode(sample, "big5-hkscs", whole_input);
    if (!hkscs.first) {
      big5_family = "big5-hkscs";
      big5_truncated = hkscs.truncated;
    } else {
      d.rejected.push_back({"big5-hkscs", *hkscs.first});
    }
  }
  FirstProblemSink gb = StrictDecode(sample, "gb18030", whole_input);
  if (!big5_family.empty()) {
    d.encoding = big5_family;
    d.method = DetectionMethod::kStrictDecode;
    d.first_invalid_offset = big5_truncated;
    if (!gb.first) {
      d.also_decodes.push_back("gb18030");
      if (NonAsciiBytes(sample) >= kTieBreakMinimumBytes) {
        d.statistical_guess = StatisticalGuess(sample);
        if (d.statistical_guess == "gb18030") {
          d.also_decodes = {big5_family};
          d.encoding = "gb18030";
          d.method = DetectionMethod::kTieBreak;
          d.first_invalid_offset = gb.truncated;
        } else if (IsBig5Family(d.statistical_guess)) {
          d.method = DetectionMethod::kTieBreak;
        }
      }
    }
    return d;
  }
  if (!gb.first) {
    d.encoding = "gb18030";
    d.method = DetectionMethod::kStrictDecode;
    d.first_invalid_offset = gb.truncated;
    return d;
  }
  d.rejected.push_back({"gb18030", *gb.first});

  d.statistical_guess = StatisticalGuess(sample);
  if (!d.statistical_guess.empty()) {
    d.encoding = d.statistical_guess;
    d.method = DetectionMethod::kStatistical;
  } else {
    d.encoding = "unknown";
    d.method = DetectionMethod::kUnknown;
  }
  return d;
}

std::string NormalizeEncodingName(std::string_view name) {
  std::string n;
  for (char c : name) {
    if (c == '"' || c == '\'' || std::isspace(static_cast<unsigned char>(c))) continue;
    n.push_back(c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  struct Alias {
    std::string_view canonical;
    std::initializer_list<std::string_view> names;
  };
  static const Alias kAliases[] = {
      {"utf-8", {"utf8", "utf-8", "utf-8-sig", "utf8-sig", "unicode-1-1-utf-8", "x-utf-8", "utf-8-bom"}},
      {"big5", {"big5", "big-5", "csbig5", "x-big5", "cn-big5", "big5-eten", "ibm-1373"}},
      {"cp950", {"cp950", "ms950", "windows-950", "x-windows-950", "windows-950-2000", "950"}},
      {"big5-hkscs", {"big5-hkscs", "big5hkscs", "hkscs", "ibm-1375", "big5-hkscs:2008"}},
      {"gb18030", {"gb18030", "gb-18030", "gbk", "gb2312", "gb-2312", "csgb2312", "cp936", "ms936", "windows-936",
                   "euc-cn", "x-gbk", "x-euc-cn"}},
      {"ascii", {"ascii", "us-ascii", "ansi-x3.4-1968", "iso646-us", "646"}},
      {"iso-8859-1", {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1"}},
      {"windows-1252", {"windows-1252", "cp1252", "x-cp1252"}},
      {"utf-16", {"utf-16", "utf16", "ucs-2", "ucs2"}},
      {"utf-16le", {"utf-16le", "utf16le", "utf-16-le"}},
      {"utf-16be", {"utf-16be", "utf16be", "utf-16-be"}},
      {"utf-32", {"utf-32", "utf32", "ucs-4"}},
      {"utf-32le", {"utf-32le", "utf32le"}},
      {"utf-32be", {"utf-32be", "utf32be"}},
  };
  for (const Alias& a : kAliases) {
    for (std::string_view alias : a.names) {
      if (n == alias) return std::string(a.canonical);
    }
  }
  return n;
}

std::optional<bool> EncodingMatches(const EncodingDetection& detection, std::string_view declared) {
  std::string d = NormalizeEncodingName(declared);
  if (d.empty() || detection.encoding == "unknown") return std::nullopt;
  const std::string& e = detection.encoding;
  if (d == e) return true;
  if (detection.ascii_only && !detection.bom && !IsWideUnicode(d)) return true;
  if (e == "big5") return d == "cp950" || d == "big5-hkscs";
  if (e == "cp950") return d == "big5";
  if (d == "utf-16") return e == "utf-16le" || e == "utf-16be";
  if (d == "utf-32") return e == "utf-32le" || e == "utf-32be";
  return false;
}

std::string IcuConverterName(std::string_view canonical) {
  static const std::pair<std::string_view, std::string_view> kNames[] = {
      {"utf-8", "UTF-8"},           {"big5", "windows-950"},       {"cp950", "windows-950"},
      {"big5-hkscs", "ibm-1375"},   {"gb18030", "gb18030"},        {"ascii", "US-ASCII"},
      {"iso-8859-1", "ISO-8859-1"}, {"windows-1252", "windows-1252"}, {"utf-16", "UTF-16"},
      {"utf-16le", "UTF-16LE"},     {"utf-16be", "UTF-16BE"},      {"utf-32", "UTF-32"},
      {"utf-32le", "UTF-32LE"},     {"utf-32be", "UTF-32BE"},
  };
  for (const auto& [name, icu] : kNames) {
    if (canonical == name) return std::string(icu);
  }
  return std::string(canonical);
}

bool IsStrictLegacyEncoding(std::string_view canonical) {
  return IsBig5Family(canonical) || canonical == "gb18030";
}

}  // namespace pintu::quality

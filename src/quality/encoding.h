// Character-encoding detection for data files, deterministic first and statistical last:
//   1. byte-order mark (UTF-8, UTF-16LE/BE, UTF-32LE/BE);
//   2. strict UTF-8 validation (a sample with ≥ 4 valid multi-byte sequences and at most
//      one invalid one per 50 valid ones is UTF-8 with errors, reported by the decoder);
//   3. strict CP950/Big5 decode; 4. strict Big5-HKSCS decode; 5. strict GB18030 decode;
//   6. only then uchardet's statistical guess.
// "Strict" means ICU converters that stop at the first byte sequence that is malformed or
// unmapped, and that also reject user-defined characters (Private Use Area code points,
// EUDC/造字) and the C1 controls Microsoft's tables give to lone bytes 0x80/0xFF, so
// that HKSCS files are not taken for CP950 ones.
// When a Big5-family candidate and GB18030 both decode strictly (GBK text is often valid
// Big5 byte-wise), uchardet breaks the tie when it names one of them; else the order wins.
// Big5 vs CP950: both are decoded with Microsoft's CP950 table (a superset of Big5);
// the file is reported as "cp950" when it uses a Microsoft extension — the euro sign
// A3E1 or the ETEN characters and box-drawing signs F9D6–F9FE — and as "big5" otherwise.
// A sequence cut by the end of a whole input does not reject a candidate: the decoder
// reports it as an encoding error at its offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::quality {

// How the encoding was decided.
enum class DetectionMethod {
  kEmpty,         // no bytes: reported as utf-8
  kBom,           // a byte-order mark
  kUtf8Valid,     // every byte is valid UTF-8 (pure ASCII included)
  kUtf8Mostly,    // UTF-8 with a few invalid sequences (see rule 2 above)
  kStrictDecode,  // the first legacy candidate that decodes without error
  kTieBreak,      // several legacy candidates decode; uchardet chose among them
  kStatistical,   // uchardet's guess, nothing decoded strictly
  kUnknown,       // nothing decoded and uchardet had no answer
};

// Name of a method for reports: "empty", "bom", "utf-8-valid", "utf-8-mostly-valid",
// "strict-decode", "tie-break", "statistical", "unknown".
std::string_view DetectionMethodName(DetectionMethod method);

// A candidate encoding that was tried and failed, with where.
struct RejectedCandidate {
  std::string encoding;           // canonical name
  uint64_t first_invalid_offset;  // offset of the first byte it could not decode
};

// What DetectEncoding found.
struct EncodingDetection {
  std::string encoding;   // canonical name ("utf-8", "big5", …) or "unknown"
  bool bom = false;       // the input starts with a byte-order mark
  size_t bom_length = 0;  // its length in bytes (0, 2, 3 or 4)
  DetectionMethod method = DetectionMethod::kUnknown;
  bool ascii_only = false;  // the sample is pure ASCII (valid in every ASCII-compatible encoding)
  // Candidates tried before the answer, in order, with their first invalid byte.
  std::vector<RejectedCandidate> rejected;
  // Other candidates that also decoded strictly (only for kTieBreak or when GB18030 lost).
  std::vector<std::string> also_decodes;
  // For a chosen encoding that has errors in the sample (kUtf8Mostly, truncated end): the
  // offset of the first invalid byte.
  std::optional<uint64_t> first_invalid_offset;
  std::string statistical_guess;  // uchardet's answer when it was asked (canonical), else ""
};

// Detects the encoding of `sample`, the first bytes of an input. `whole_input` says the
// sample is all of it (a sequence cut by the sample's end is then a truncation, not a
// boundary). Callers pass about the first 1 MB; the streaming decoder checks the rest.
EncodingDetection DetectEncoding(std::string_view sample, bool whole_input);

// The canonical spelling of an encoding name, case and punctuation insensitive:
// utf8/UTF-8/utf-8-sig → "utf-8"; big5/x-big5/csbig5 → "big5"; cp950/ms950/windows-950 →
// "cp950"; big5-hkscs/hkscs → "big5-hkscs"; gbk/gb2312/cp936/gb18030 → "gb18030";
// ascii/us-ascii → "ascii"; latin1/iso-8859-1 → "iso-8859-1"; cp1252 → "windows-1252";
// utf-16/utf-16le/utf-16be, utf-32…; anything else lower-cased as given.
std::string NormalizeEncodingName(std::string_view name);

// Whether a file detected as `detection` may be declared as `declared`: nullopt when
// nothing is declared (empty), else true when decoding with the declared encoding gives the
// same text: the same canonical name; big5 ↔ cp950 ↔ big5-hkscs for a file using Big5
// code points only (cp950 files also match big5, the name agencies use for CP950); any
// ASCII-compatible encoding for a pure-ASCII file; utf-16 for utf-16le/be.
std::optional<bool> EncodingMatches(const EncodingDetection& detection, std::string_view declared);

// The ICU converter name for a canonical encoding name (itself for names ICU knows).
std::string IcuConverterName(std::string_view canonical);

// True for the legacy CJK encodings decoded strictly (big5, cp950, big5-hkscs, gb18030).
bool IsStrictLegacyEncoding(std::string_view canonical);

}  // namespace pintu::quality

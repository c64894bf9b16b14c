// Table of CJK radical and stroke code points that Unicode NFKC leaves alone but that
// stand for ordinary ideographs in text extracted from PDFs (⻑ → 長, ㇐ → 一).
// Shared by the search normaliser and the data-file quality checks.
#pragma once

namespace pintu {

// The ideograph that `cp` stands for, or `cp` itself when the table has no entry.
// Covers CJK Radicals Supplement (U+2E80–U+2EFF) and CJK Strokes (U+31C0–U+31EF);
// Kangxi Radicals (U+2F00–U+2FDF) are mapped by NFKC and are not in the table.
char32_t MapCjkVariant(char32_t cp);

}  // namespace pintu

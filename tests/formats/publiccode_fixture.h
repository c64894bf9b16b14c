// A small valid publiccode.yml written for Pintu's own tests (not from the conformance
// suite), and helpers to derive broken variants from it.
#pragma once

#include <string>

namespace pintu::formats::publiccode::test {

// Valid under publiccode.yml 0.7 in strict mode, with no warning. Line numbers matter to
// the tests: `maintenance:` is on line 28, `until:` on line 33; the document has 38 lines.
inline const std::string kMinimal = R"(publiccodeYmlVersion: "0"
name: Pintu
url: "https://example.org/pintu.git"
releaseDate: 2026-01-31
platforms:
  - web
categories:
  - data-collection
developmentStatus: beta
softwareType: standalone/web
description:
  en:
    shortDescription: An open-data platform
    longDescription: >
      Pintu publishes, searches and checks open data and public code for
      public agencies. This paragraph exists only to be longer than the one
      hundred and fifty characters the standard asks for.
    features:
      - Search
  zh-TW:
    shortDescription: 開放資料平台
    longDescription: >
      Pintu 讓機關發布、搜尋並檢查開放資料與公共程式碼。這段文字只是為了超過標準要求的一百五十個字元而寫，所以會重複一次：Pintu 讓機關發布、搜尋並檢查開放資料與公共程式碼。這段文字只是為了超過標準要求的一百五十個字元而寫。再多寫幾個字讓長度足夠：開放、透明、共享、再利用、協作、公共、程式、資料、品質、信任。
    features:
      - 搜尋
legal:
  license: MIT OR (Apache-2.0 WITH LLVM-exception)
maintenance:
  type: contract
  contractors:
    - name: Vendor Ltd
      website: "https://vendor.example"
      until: "2027-06-30"
localisation:
  localisationReady: true
  availableLanguages:
    - en
    - zh-TW
)";

// kMinimal with the first occurrence of `from` replaced by `to` (unchanged if absent).
inline std::string Replace(std::string text, const std::string& from, const std::string& to) {
  if (auto at = text.find(from); at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

}  // namespace pintu::formats::publiccode::test

// Normalisation rules for values found in imported catalogue files.
// Each function is pure and documents what it accepts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/organization.h"
#include "core/vocabulary.h"

namespace pintu::formats {

// A count such as "7,472", "1802", " 1" → integer; "" → 0 (unknown);
// nullopt for anything else ("abc", "-3", "1.5", overflow).
std::optional<int64_t> ParseCount(std::string_view s);

// Canonical spelling of a declared character encoding:
// UTF-8/utf8/UTF_8/utf-8-sig → "UTF-8"; BIG5/Big-5/CP950/MS950/big5-hkscs → "Big5";
// gbk → "GBK", gb2312 → "GB2312", gb18030 → "GB18030"; utf-16 → "UTF-16";
// ascii/us-ascii → "US-ASCII"; latin1/iso-8859-1 → "ISO-8859-1";
// 其他/other/無/unknown/"" → "" (not declared); anything else is kept as declared (trimmed).
std::string NormalizeEncoding(std::string_view s);

// Splits a data.gov.tw contact such as "陳翼正 先生 (02-37073100)" or "黃先生（0281959022）"
// into name ("陳翼正 先生") and phone ("02-37073100"). Text without parentheses is a
// phone when it is mostly digits, else a name.
Contact ParseAgencyContact(std::string_view s);

// Licence id for a licence id or title: 政府資料開放授權條款-第1版 → "OGDL-Taiwan-1.0",
// "cc-by" → "CC-BY-4.0" (FindLicense); otherwise the trimmed text as given.
std::string NormalizeLicense(std::string_view s);

// The first `hex_chars` lowercase hex characters of SHA-256(bytes). Stable across
// platforms and releases (slugs derived from it are permanent).
std::string StableHex(std::string_view bytes, size_t hex_chars);

// Slug of a dataset listed without an id: "dgtw-" + StableHex(agency + "\x1f" + title, 12),
// with agency and title as normalised by CleanTitle.
std::string DatagovtwListingSlug(std::string_view agency, std::string_view title);

// A lower-case ASCII slug of `s` ([a-z0-9-], runs of other characters → "-",
// trimmed, at most 100 chars); "" when fewer than 2 characters remain.
std::string SlugifyAscii(std::string_view s);

// Deterministic slug for an organisation known only by name: SlugifyAscii(name) when the
// name has no CJK characters and slugifies to ≥ 2 characters, else
// "org-" + StableHex(trimmed name, 10).
std::string OrgSlugForName(std::string_view name);

// Government level guessed from a Chinese agency name (imperfect, documented rule):
//  local   — starts with a municipality/county name (臺北市, 台北市, 新北市, 桃園市/縣, 臺中市,
//            臺南市, 高雄市, 基隆市, 新竹市/縣, 嘉義市/縣, 苗栗縣, 彰化縣, 南投縣, 雲林縣, 屏東縣,
//            宜蘭縣, 花蓮縣, 臺東縣, 澎湖縣, 金門縣, 連江縣, 臺北縣; 台/臺 both), or ends
//            with 公所 (鄉/鎮/市/區公所);
//  central — starts with 行政院, 總統府, 立法院, 司法院, 考試院, 監察院, 國家, 國立, 中央,
//            國史館, 最高, or names a court/prosecutor (…法院, …檢察署), or its first
//            four characters contain 部 or 委員會 (a ministry or council and its agencies,
//            e.g. 經濟部水利署, 交通部中央氣象局);
//  nullopt — anything else (companies such as 台灣電力股份有限公司, English names).
std::optional<OrgLevel> GuessOrgLevel(std::string_view name);

// Title cleaned for storage: control characters removed, runs of CR/LF/TAB replaced by
// one space, trimmed.
std::string CleanTitle(std::string_view s);

// Text cleaned for storage: control characters other than \t \n \r removed, trimmed.
std::string CleanText(std::string_view s);

// Splits a multi-value cell on ';' (and '；'), trimming and dropping empty pieces.
std::vector<std::string> SplitList(std::string_view s);

// Splits a keyword cell on ',', '，', ';', '；', '、' and '|', trimming and dropping empties.
std::vector<std::string> SplitKeywords(std::string_view s);

// `s` quoted for a message, shortened to at most 60 characters ("…" appended).
std::string Quote(std::string_view s);

// Language tag from a code, a tag or an IRI ending in one (…/language/ENG → "en",
// "eng" → "en", "zh_TW" → "zh-TW"); "" when nothing sensible remains.
std::string NormalizeLanguage(std::string_view s);

}  // namespace pintu::formats

// data.gov.tw metadata (CSV exports, city/county portal lists, per-dataset scrape JSON)
// → canonical dataset dicts.
//
// Field mapping (CSV column / JSON key → canonical):
//   資料集識別碼 / NODE          → name "dgtw-<id>", url and source_url https://data.gov.tw/dataset/<id>
//   (no id)                    → name DatagovtwListingSlug(agency, title) = "dgtw-" + 12 hex
//   資料集名稱 / TITLE           → title (zh-TW; line breaks become spaces)   [required]
//   資料集描述 / DESC            → notes
//   提供機關(名稱) / AGENCY      → OrganizationRef {slug OrgSlugForName, title zh-TW, level GuessOrgLevel}
//   第一層級 (city lists)        → the agency (the city/county government); 資料來源(部會單位) is
//                                 the agency only when 第一層級 is empty, and is kept as an extra
//   AGENCY_CONTACT              → maintainer + maintainer_phone (ParseAgencyContact)
//   提供機關聯絡人姓名/電話        → maintainer / maintainer_phone
//   更新頻率 / UPDATE_FREQ       → frequency (ParseFrequency)
//   授權方式 / LICENCE           → license_id (NormalizeLicense; absent → OGDL-Taiwan-1.0)
//   計費方式 / CHARGE            → cost.type (ParseCostType)
//   上架日(期) / DATE_PUBLISH    → issued (NormalizeDate: 2013/03/18, 109.5.29, 107年7月9日)
//   詮釋資料更新時間 / DATE_UPDATE_META / 最後更新時間 → modified
//   資料集類型 / DATA_TYPE       → dataset_type (ParseDatasetType)
//   服務分類 / SERVICE_TYPE      → themes (FindTheme)
//   關鍵字 / KEYWORDS            → tags
//   相關網址                     → related_urls
//   瀏覽人次 / 瀏覽次數 / VIEWS  → views ("7,472" → 7472);  下載次數 / DOWNLOAD → downloads
//   資料下載網址; 檔案格式; 編碼格式 (';'-separated, zipped by position) or RESOURCE[]
//     {RES_URL, RES_FILETYPE, RES_ENCODE, RES_DESC (→ name), RES_DATE_UPDATE_META
//     (→ last_modified), SCHEMA (→ fields when it splits cleanly on 、)} → resources
//     (encodings normalised by NormalizeEncoding); other resource keys (REC_COUNT, the
//     format-conversion links …) → extras "resources.<i>.<KEY>"
//   every other non-empty column/key (資料集評分, 編號, 主要欄位, 資料量, 品質檢測, 備註,
//     CATEGORY, NOTES, COMMENTS, SCHEMA, 活化應用 …) → extras under its own name.
// A value that cannot be understood for a modelled field is kept as an extra under its
// column name with a warning (frequency, fee, dataset type, service category, counts),
// except dates: a row with an invalid date is skipped, naming the field.
// Duplicates (CSV): a row with the same 資料集識別碼 as an earlier row, or — without ids —
// the same agency and title exactly as written, is skipped as "duplicate of line N".
// Titles that differ only in spacing (data.gov.tw lists such pairs as separate datasets)
// are both imported; the k-th one (k ≥ 2, in file order) gets the slug
// "dgtw-" + 12 hex of SHA-256(agency + "\x1f" + title + "\x1f" + k), with a warning.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "formats/import.h"

namespace pintu::formats {

class RecordSink;

// Imports every row of a data.gov.tw CSV export or city list. Errors: the CSV cannot be
// parsed, has no 資料集名稱 column, or is mostly not UTF-8 (likely Big5).
Result<void> ImportDatagovtwCsv(std::string_view bytes, const std::string& filename, RecordSink& sink);

// True when `obj` is a data.gov.tw scrape object (has TITLE and NODE or RESOURCE).
bool LooksLikeDatagovtwJson(const boost::json::object& obj);

// Imports one scrape object, or each object of a list of them.
void ImportDatagovtwJson(const boost::json::value& v, const std::string& source, RecordSink& sink);

}  // namespace pintu::formats

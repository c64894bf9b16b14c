// Loading the data.gov.tw listing and generating a synthetic catalog.
#include "search/catalog.h"

#include <fstream>
#include <iterator>
#include <sstream>

#include "core/text.h"
#include "formats/csv_reader.h"
#include "formats/normalize.h"
#include "search/rng.h"

namespace pintu::bench {
namespace {

// "7,472" → 7472; anything unparsable → 0.
int64_t ParseCount(std::string_view s) {
  int64_t n = 0;
  for (char c : s)
    if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
  return n;
}

// "2013/03/18" → "2013-03-18"; other spellings are dropped (only used for sorting ties).
std::string IsoDate(std::string_view s) {
  s = Trim(s);
  if (s.size() != 10 || s[4] != '/' || s[7] != '/') return "";
  std::string out(s);
  out[4] = out[7] = '-';
  return out;
}

}  // namespace

Result<Catalog> LoadDatagovtwListing(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::unexpected(Error::NotFound("Catalog file " + path));
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto records = formats::ParseCsv(bytes);
  if (!records) return std::unexpected(Error::BadRequest(path + ": " + records.error().message));
  if (records->empty()) return std::unexpected(Error::BadRequest(path + ": empty file"));

  const auto& header = records->front().fields;
  auto column = [&](std::string_view name) -> int {
    for (size_t i = 0; i < header.size(); ++i)
      if (Trim(header[i]) == name) return static_cast<int>(i);
    return -1;
  };
  int c_agency = column("提供機關名稱"), c_title = column("資料集名稱");
  int c_views = column("瀏覽人次"), c_downloads = column("下載次數"), c_issued = column("上架日");
  if (c_agency < 0 || c_title < 0)
    return std::unexpected(Error::BadRequest(path + ": no 提供機關名稱 / 資料集名稱 column"));
  auto field = [](const formats::CsvRecord& r, int c) -> std::string_view {
    return c >= 0 && static_cast<size_t>(c) < r.fields.size() ? std::string_view(r.fields[c]) : "";
  };

  Catalog cat;
  cat.source = "data.gov.tw listing " + path.substr(path.find_last_of('/') + 1);
  for (size_t i = 1; i < records->size(); ++i) {
    const auto& r = (*records)[i];
    CatalogRow row;
    row.title = formats::CleanTitle(field(r, c_title));
    row.agency = formats::CleanTitle(field(r, c_agency));
    if (row.title.empty()) continue;
    row.views = ParseCount(field(r, c_views));
    row.downloads = ParseCount(field(r, c_downloads));
    row.issued = IsoDate(field(r, c_issued));
    cat.rows.push_back(std::move(row));
  }
  return cat;
}

Catalog SyntheticCatalog(size_t n, uint64_t seed) {
  static const char* kAgencies[] = {
      "內政部", "衛生福利部", "交通部", "環境部", "經濟部", "教育部", "財政部", "勞動部",
      "文化部", "農業部", "國家發展委員會", "交通部中央氣象署", "內政部警政署", "經濟部水利署",
      "衛生福利部國民健康署", "交通部觀光署", "臺北市政府", "新北市政府", "桃園市政府",
      "臺中市政府", "臺南市政府", "高雄市政府", "基隆市政府", "新竹市政府", "嘉義市政府",
      "新竹縣政府", "苗栗縣政府", "彰化縣政府", "南投縣政府", "雲林縣政府", "嘉義縣政府",
      "屏東縣政府", "宜蘭縣政府", "花蓮縣政府", "臺東縣政府", "澎湖縣政府", "金門縣政府",
      "臺北市政府交通局", "高雄市政府環境保護局", "中華郵政股份有限公司"};
  static const char* kPlaces[] = {
      "", "", "", "臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "基隆市", "新竹市",
      "嘉義市", "新竹縣", "苗栗縣", "彰化縣", "南投縣", "雲林縣", "嘉義縣", "屏東縣", "宜蘭縣",
      "花蓮縣", "臺東縣", "澎湖縣", "金門縣", "連江縣", "全國"};
  static const char* kSubjects[] = {
      "長期照顧機構", "長照服務據點", "空氣品質監測", "公車路線", "公車站位", "人口統計",
      "戶籍人口", "土地使用分區", "地價", "地震活動", "水質監測", "河川水位", "預算", "決算",
      "學校名冊", "國民小學", "醫院", "診所", "藥局", "觀光景點", "旅館", "交通事故",
      "犯罪案件", "垃圾清運", "資源回收", "停車場", "公共自行車", "路燈", "公園", "圖書館",
      "社會福利", "身心障礙者", "低收入戶", "托育機構", "幼兒園", "就業服務", "失業率",
      "薪資", "消費者物價", "農產品交易行情", "漁港", "電力供需", "用水量", "道路施工",
      "違規停車", "食品安全稽查", "傳染病", "疫苗接種", "天氣預報", "颱風", "雨量",
      "文化資產", "藝文活動", "體育場館", "採購案", "補助款", "稅收", "營利事業登記",
      "工廠登記", "建築執照"};
  static const char* kKinds[] = {"資料", "統計", "一覽表", "清冊", "名單", "年報", "月報",
                                 "位置", "即時資訊", "概況", "明細", "統計表"};
  Rng rng(seed);
  auto pick = [&](const auto& arr) { return arr[rng.Below(std::size(arr))]; };
  Catalog cat;
  cat.synthetic = true;
  cat.source = "synthetic catalog (" + std::to_string(n) + " generated zh-TW titles, seed " +
               std::to_string(seed) + ")";
  cat.rows.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    CatalogRow row;
    row.agency = pick(kAgencies);
    std::string year = rng.Below(3) == 0 ? std::to_string(100 + rng.Below(14)) + "年" : "";
    row.title = year + pick(kPlaces) + pick(kSubjects) + pick(kKinds);
    row.views = static_cast<int64_t>(rng.Below(50000));
    row.downloads = static_cast<int64_t>(rng.Below(10000));
    row.issued = "20" + std::to_string(13 + rng.Below(10)) + "-0" + std::to_string(1 + rng.Below(9)) + "-15";
    cat.rows.push_back(std::move(row));
  }
  return cat;
}

}  // namespace pintu::bench

// Access to tests/quality/fixtures (written by fixtures/make_fixtures.py) and the texts
// they hold.
#pragma once

#include <fstream>
#include <sstream>
#include <string>

namespace pintu::quality::test {

inline std::string FixturePath(const std::string& name) {
  return std::string(PINTU_SOURCE_DIR) + "/tests/quality/fixtures/" + name;
}

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(FixturePath(name), std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The same strings as in make_fixtures.py.
inline const std::string kTaipei = "縣市,人口,備註\r\n臺北市,2494813,首都\r\n高雄市,2722142,港都\r\n";
inline const std::string kCp950Only = "名稱,金額\n碁盤,100\n歐元,€5\n";
inline const std::string kHkscs = "地區,用語\n香港,嘅\n香港,啲\n";
inline const std::string kSimplified =
    "城市,人口,备注\n北京市,2189万,首都\n上海市,2487万,直辖市\n"
    "广州市,1881万,省会\n深圳市,1768万,经济特区\n镕铸,𠀀,扩展\n";
inline const std::string kUtf8Text = "名稱,網址\n政府資料開放平臺,https://data.gov.tw\n⻑照,長照\n";

}  // namespace pintu::quality::test

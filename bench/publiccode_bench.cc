// Throughput of the publiccode.yml validator (issue 7): files per second and MB/s of
// ValidatePubliccode (strict, offline: no probe) on
//   conformance  every .yml of the conformance suite (../shared/conformance/publiccode),
//                each validated `repeat` times per pass, assets resolved in its folder;
//   generated    N publiccode.yml files made here, deterministically (fixed seed):
//                mostly 0.7.0, some 0.2–0.5 (there is no 0.6), zh-TW and/or en descriptions, maintenance
//                by contractors or internal, and about 2% invalid (bad dates, missing
//                names, unknown licences).
// Baseline in the same run: yaml-cpp's YAML::Load of the same bytes (parsing only), so
// the ratio says what the validator costs beyond reading the YAML. Files are read into
// memory first; only validation / parsing is timed. Each phase runs `passes` times and
// the best pass counts. Prints one JSON object.
// Usage: publiccode_bench [--conformance DIR] [--generated N] [--repeat N] [--passes N]
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "formats/publiccode/validate.h"

namespace {

namespace fs = std::filesystem;
namespace pc = pintu::formats::publiccode;
using Clock = std::chrono::steady_clock;

struct File {
  std::string bytes;
  fs::path folder;  // where its relative assets are
};

template <typename Fn>
double BestSeconds(int passes, Fn&& fn) {
  double best = 1e300;
  for (int p = 0; p < passes; ++p) {
    auto t0 = Clock::now();
    fn();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - t0).count());
  }
  return best;
}

std::vector<File> ReadConformance(const fs::path& root) {
  std::vector<File> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator(); ++it) {
    if (!it->is_regular_file() || it->path().extension() != ".yml") continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    files.push_back({s.str(), it->path().parent_path()});
  }
  std::sort(files.begin(), files.end(), [](const File& a, const File& b) { return a.bytes < b.bytes; });
  return files;
}

// Deterministic realistic publiccode.yml files (see the header comment).
class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  std::string Next(int i) {
    bool invalid = Chance(0.02);
    std::string version = Chance(0.15) ? Pick(kOldVersions) : "0.7.0";
    std::string agency = Pick(kAgenciesZh);
    std::string topic_zh = Pick(kTopicsZh), topic_en = Pick(kTopicsEn);
    std::ostringstream y;
    y << "publiccodeYmlVersion: \"" << version << "\"\n";
    if (!(invalid && Chance(0.3))) y << "name: " << topic_en << " Service " << i << "\n";
    y << "url: \"https://git.example.gov.tw/agency" << i % 97 << "/app-" << i << ".git\"\n";
    if (Chance(0.5)) y << "landingURL: \"https://app" << i << ".example.gov.tw\"\n";
    y << "releaseDate: \"" << 2018 + Pick(8) << "-" << Two(1 + Pick(12)) << "-" << Two(1 + Pick(28)) << "\"\n";
    if (Chance(0.6)) y << "softwareVersion: \"" << 1 + Pick(4) << "." << Pick(10) << "." << Pick(20) << "\"\n";
    y << "platforms:\n  - web\n";
    if (Chance(0.4)) y << "  - linux\n";
    y << "categories:\n  - " << Pick(kCategories) << "\n";
    if (Chance(0.5)) y << "  - " << Pick(kCategories) << "\n";
    y << "developmentStatus: " << Pick(kDevStatus) << "\n";
    y << "softwareType: \"standalone/web\"\n";
    if (Chance(0.3)) y << "usedBy:\n  - " << agency << "\n  - " << Pick(kAgenciesZh) << "\n";
    y << "description:\n";
    bool zh = Chance(0.85), en = !zh || Chance(0.6);
    if (zh) {
      y << "  zh-TW:\n    shortDescription: " << agency << topic_zh << "系統\n";
      y << "    longDescription: >\n      " << LongZh(agency, topic_zh) << "\n";
      y << "    features:\n      - " << topic_zh << "線上申辦\n      - 案件查詢與統計報表\n";
      if (Chance(0.4)) y << "      - 無障礙網頁（AA 等級）\n";
    }
    if (en) {
      y << "  en:\n    shortDescription: " << topic_en << " case management for public agencies\n";
      y << "    longDescription: >\n      " << LongEn(topic_en) << "\n";
      y << "    features:\n      - Online applications\n      - Case tracking and reports\n";
      if (Chance(0.5)) y << "    documentation: \"https://docs.example.gov.tw/app-" << i << "\"\n";
    }
    y << "legal:\n  license: " << (invalid && Chance(0.3) ? "Open Source Licence" : Pick(kLicenses)) << "\n";
    if (Chance(0.5)) y << "  mainCopyrightOwner: " << agency << "\n";
    y << "maintenance:\n";
    if (Chance(0.7)) {
      y << "  type: contract\n  contractors:\n";
      int n = 1 + Pick(2);
      for (int c = 0; c < n; ++c) {
        y << "    - name: " << Pick(kVendors) << "\n";
        if (Chance(0.6)) y << "      website: \"https://vendor" << Pick(50) << ".example.com.tw\"\n";
        std::string until = std::to_string(2025 + Pick(4)) + "-" + Two(1 + Pick(12)) + "-" + Two(1 + Pick(28));
        y << "      until: \"" << (invalid && Chance(0.5) ? "明年底" : until) << "\"\n";
      }
    } else {
      y << "  type: internal\n  contacts:\n    - name: " << Pick(kPeople) << "\n";
      if (Chance(0.7)) y << "      email: it" << i << "@example.gov.tw\n";
      if (Chance(0.5)) y << "      phone: \"+886-2-2" << 1000000 + Pick(8999999) << "\"\n";
    }
    y << "localisation:\n  localisationReady: " << (Chance(0.5) ? "true" : "false") << "\n";
    y << "  availableLanguages:\n";
    if (zh) y << "    - zh-TW\n";
    if (en) y << "    - en\n";
    return y.str();
  }

 private:
  bool Chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  int Pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
  template <size_t N>
  const char* Pick(const char* const (&list)[N]) { return list[Pick(static_cast<int>(N))]; }
  static std::string Two(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }
  std::string LongZh(const std::string& agency, const std::string& topic) {
    std::string s = agency + "開發的" + topic + "系統，提供民眾線上申辦、進度查詢與通知，並讓承辦人員以單一介面處理案件、"
                    "產生統計報表與開放資料。系統符合資通安全管理法與無障礙網頁規範，支援行動裝置，";
    int more = 2 + Pick(3);  // the standard asks for at least 150 characters
    for (int k = 0; k < more; ++k) s += "可與其他機關既有系統介接，並以開放原始碼方式釋出供各級政府再利用。";
    return s;
  }
  std::string LongEn(const std::string& topic) {
    std::string s = "A " + topic + " system that lets residents apply online, follow their case and receive "
                    "notices, while officers handle every case in one place, produce statistics and publish "
                    "open data.";
    int more = 1 + Pick(3);
    for (int k = 0; k < more; ++k) s += " It connects to other agencies' systems and is released as open source for reuse.";
    return s;
  }

  static constexpr const char* kAgenciesZh[] = {"臺北市政府", "新北市政府", "衛生福利部", "數位發展部", "交通部",
                                                "環境部", "高雄市政府", "臺中市政府", "內政部", "教育部"};
  static constexpr const char* kTopicsZh[] = {"長照服務", "公文管理", "停車繳費", "空氣品質", "圖書借閱",
                                              "社會福利", "災害通報", "市民信箱", "預約掛號", "補助申請"};
  static constexpr const char* kTopicsEn[] = {"Long-term care", "Document management", "Parking payment",
                                              "Air quality", "Library loans", "Social welfare", "Disaster reporting",
                                              "Citizen mailbox", "Appointment booking", "Grant application"};
  static constexpr const char* kOldVersions[] = {"0.2", "0.2.2", "0.3", "0.4", "0.5"};
  static constexpr const char* kCategories[] = {"workflow-management", "document-management", "data-collection",
                                                "financial-reporting", "online-booking", "e-signature",
                                                "geographic-information-systems", "content-management"};
  static constexpr const char* kDevStatus[] = {"stable", "stable", "beta", "development", "obsolete"};
  static constexpr const char* kLicenses[] = {"MIT", "Apache-2.0", "EUPL-1.2", "AGPL-3.0-or-later",
                                              "GPL-3.0-only", "MIT OR Apache-2.0", "BSD-3-Clause"};
  static constexpr const char* kVendors[] = {"資拓宏宇國際股份有限公司", "中華電信股份有限公司",
                                             "Example Systems Ltd", "精誠資訊股份有限公司", "Open Gov Co."};
  static constexpr const char* kPeople[] = {"王小明", "林怡君", "陳志豪", "Alice Chen", "張雅婷"};

  std::mt19937 rng_;
};

struct Measured {
  int64_t files = 0;
  int64_t bytes = 0;
  int64_t valid = 0;
  double validate_s = 0, yaml_s = 0;
  uint64_t checksum = 0;  // errors and YAML nodes counted, so no work can be optimised away
};

// Validates and parses `files` `repeat` times per pass.
Measured Measure(const std::vector<File>& files, int repeat, int passes) {
  Measured m;
  m.files = static_cast<int64_t>(files.size()) * repeat;
  for (const auto& f : files) m.bytes += static_cast<int64_t>(f.bytes.size()) * repeat;
  pc::ValidateOptions options;  // strict, no probe (offline)
  for (const auto& f : files) m.valid += pc::ValidatePubliccode(f.bytes, f.folder, options).valid();
  uint64_t sink = 0;
  m.validate_s = BestSeconds(passes, [&] {
    for (int r = 0; r < repeat; ++r)
      for (const auto& f : files) sink += pc::ValidatePubliccode(f.bytes, f.folder, options).errors.size();
  });
  m.yaml_s = BestSeconds(passes, [&] {
    for (int r = 0; r < repeat; ++r)
      for (const auto& f : files) {
        try {
          sink += YAML::Load(f.bytes).size();
        } catch (const YAML::Exception&) {
          ++sink;
        }
      }
  });
  m.checksum = sink;
  return m;
}

boost::json::object ToJson(const Measured& m) {
  double mb = static_cast<double>(m.bytes) / 1e6;
  return {{"files", m.files},
          {"bytes", m.bytes},
          {"valid_files", m.valid},
          {"validate_seconds", m.validate_s},
          {"validate_files_per_second", static_cast<double>(m.files) / m.validate_s},
          {"validate_mb_per_second", mb / m.validate_s},
          {"yaml_load_seconds", m.yaml_s},
          {"yaml_load_files_per_second", static_cast<double>(m.files) / m.yaml_s},
          {"yaml_load_mb_per_second", mb / m.yaml_s},
          {"validate_over_yaml_load", m.validate_s / m.yaml_s},
          {"checksum", m.checksum}};
}

}  // namespace

int main(int argc, char** argv) {
  fs::path conformance = fs::path(PINTU_SOURCE_DIR) / ".." / "shared" / "conformance" / "publiccode";
  int generated = 10000, repeat = 20, passes = 3;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "publiccode_bench: " << a << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--conformance") conformance = value();
    else if (a == "--generated") generated = std::max(1, std::stoi(value()));
    else if (a == "--repeat") repeat = std::max(1, std::stoi(value()));
    else if (a == "--passes") passes = std::max(1, std::stoi(value()));
    else {
      std::cerr << "usage: publiccode_bench [--conformance DIR] [--generated N] [--repeat N] [--passes N]\n";
      return 2;
    }
  }
  std::vector<File> suite = ReadConformance(conformance);
  if (suite.empty()) {
    std::cerr << "publiccode_bench: no .yml files under " << conformance << "\n";
    return 2;
  }
  Generator gen(20261127);
  std::vector<File> made;
  for (int i = 0; i < generated; ++i) made.push_back({gen.Next(i), "/nonexistent"});

  boost::json::object out;
  out["conformance"] = ToJson(Measure(suite, repeat, passes));
  out["conformance"].as_object()["repeat"] = repeat;
  out["generated"] = ToJson(Measure(made, 1, passes));
  // What makes the invalid generated files invalid (first error key → files), so the
  // generator's "about 2% invalid" can be checked.
  boost::json::object first_errors;
  for (const auto& f : made) {
    auto r = pc::ValidatePubliccode(f.bytes, f.folder, pc::ValidateOptions{});
    if (!r.errors.empty()) {
      std::string key = r.errors[0].key + ": " + r.errors[0].message.substr(0, 80);
      first_errors[key] = (first_errors.contains(key) ? first_errors[key].as_int64() : 0) + 1;
    }
  }
  out["generated"].as_object()["first_errors"] = std::move(first_errors);
  out["passes"] = passes;
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}

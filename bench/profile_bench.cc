// Micro-benchmark of the per-cell cost of the column profile and the Taiwan-specific
// checks (src/quality/column_profile.h, taiwan_checks.h) on a generated table shaped like
// Taiwanese open data: ids, CJK names and addresses, a low-cardinality district, ROC and
// Gregorian dates, landline numbers, decimals and coordinates.
//
//   profile_bench [rows]      (default 200000; 8 columns)
//
// Prints ns/cell (thread CPU time) for the profile alone, the checks alone, and both. Cell type masks are
// the generator's own (what cell_types.h would report), so type parsing is not measured.
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "quality/column_profile.h"
#include "quality/taiwan_checks.h"

namespace {

using pintu::quality::TypeMask;
namespace q = pintu::quality;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<TypeMask> masks;  // per column (the generator knows the types)
  std::size_t bytes = 0;
};

Table Generate(std::size_t n) {
  static const char* kDistricts[] = {"松山區", "信義區", "大安區", "中山區", "中正區", "大同區",
                                     "萬華區", "文山區", "南港區", "內湖區", "士林區", "北投區"};
  static const char* kRoads[] = {"南京東路", "忠孝東路", "信義路", "和平東路", "承德路", "民生東路"};
  static const char* kNames[] = {"老人日間照顧中心", "長期照顧服務站", "居家長照機構", "護理之家", "社區關懷據點"};
  std::mt19937_64 rng(42);
  Table t;
  t.header = {"序號", "機構名稱", "行政區", "立案日期", "更新日期", "電話", "地址", "lat"};
  const TypeMask kInt = q::kTypeInteger | q::kTypeNumber;
  t.masks = {kInt, 0, 0, 0, q::kTypeDate, 0, 0, q::kTypeNumber};
  t.rows.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> r;
    r.push_back(std::to_string(i + 1));
    r.push_back(std::string("臺北市") + kDistricts[rng() % 12] + kNames[rng() % 5] + std::to_string(rng() % 1000));
    r.push_back(kDistricts[rng() % 12]);
    r.push_back(std::to_string(90 + rng() % 24) + "." + std::to_string(1 + rng() % 12) + "." +
                std::to_string(1 + rng() % 28));
    char date[16];
    std::snprintf(date, sizeof date, "20%02d-%02d-%02d", static_cast<int>(rng() % 25),
                  static_cast<int>(1 + rng() % 12), static_cast<int>(1 + rng() % 28));
    r.push_back(date);
    r.push_back("02-" + std::to_string(2000 + rng() % 8000) + "-" + std::to_string(1000 + rng() % 9000));
    r.push_back(std::string("臺北市") + kDistricts[rng() % 12] + kRoads[rng() % 6] + std::to_string(1 + rng() % 300) +
                "號" + std::to_string(1 + rng() % 12) + "樓");
    r.push_back("25.0" + std::to_string(100000 + rng() % 900000));
    if (i % 97 == 0) r[6] = " " + r[6];  // a few findings, as in real files
    for (const auto& c : r) t.bytes += c.size() + 1;
    t.rows.push_back(std::move(r));
  }
  return t;
}

// CPU time of this thread in ns: on a shared machine wall-clock time also counts the
// time other processes held the core.
double ThreadCpuNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e9 + static_cast<double>(ts.tv_nsec);
}

template <typename Fn>
double NsPerCell(const Table& t, Fn&& per_row) {
  std::vector<std::string_view> cells(t.header.size());
  const double start = ThreadCpuNs();
  for (std::size_t i = 0; i < t.rows.size(); ++i) {
    for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = t.rows[i][c];
    per_row(i + 2, cells);
  }
  return (ThreadCpuNs() - start) / static_cast<double>(t.rows.size() * t.header.size());
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
  Table t = Generate(rows);
  const double mb = static_cast<double>(t.bytes) / 1e6;
  std::printf("table: %zu rows x %zu columns, %.1f MB of cells\n", rows, t.header.size(), mb);

  std::size_t profile_memory = 0, checks_memory = 0, warnings = 0;
  double profile_ns = NsPerCell(t, [&, p = std::make_shared<q::TableProfile>(t.header)](
                                       std::uint64_t row, std::span<const std::string_view> cells) mutable {
    p->AddRow(row, cells, t.masks);
    if (row == t.rows.size() + 1) profile_memory = p->MemoryBytes();
  });
  double checks_ns = NsPerCell(t, [&, c = std::make_shared<q::TaiwanChecks>(t.header)](
                                      std::uint64_t row, std::span<const std::string_view> cells) mutable {
    c->AddRow(row, cells);
    if (row == t.rows.size() + 1) {
      checks_memory = c->MemoryBytes();
      warnings = c->Warnings().size();
    }
  });
  auto p = std::make_shared<q::TableProfile>(t.header);
  auto c = std::make_shared<q::TaiwanChecks>(t.header);
  double both_ns = NsPerCell(t, [&](std::uint64_t row, std::span<const std::string_view> cells) {
    p->AddRow(row, cells, t.masks);
    c->AddRow(row, cells);
  });
  const double cells = static_cast<double>(rows * t.header.size());
  auto mb_per_s = [&](double ns_per_cell) { return mb / (ns_per_cell * cells * 1e-9); };
  std::printf("profile:        %6.1f ns/cell  (%.0f MB/s of cells)  memory %zu KiB\n", profile_ns,
              mb_per_s(profile_ns), profile_memory / 1024);
  std::printf("taiwan checks:  %6.1f ns/cell  (%.0f MB/s of cells)  memory %zu KiB, %zu warnings\n", checks_ns,
              mb_per_s(checks_ns), checks_memory / 1024, warnings);
  std::printf("both:           %6.1f ns/cell  (%.0f MB/s of cells)\n", both_ns, mb_per_s(both_ns));
  return 0;
}

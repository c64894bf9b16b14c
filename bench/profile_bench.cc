// Micro-benchmark of the per-cell cost of the column profile and the Taiwan-specific
// checks (src/quality/column_profile.h, taiwan_checks.h) on a generated table shaped like
// Taiwanese open data: ids, CJK names and addresses, a low-cardinality district, ROC and
// Gregorian dates, landline numbers, decimals and coordinates.
//
//   profile_bench [rows] [only]   (default 200000 rows of 8 columns; `only`: one of harness,
//                                  types, profile, profile+types, taiwan, both, all —
//                                  e.g. under perf)
//
// Prints ns/cell (thread CPU time, the best of three passes) for: the harness (the loop
// feeding the cells, included in every other line), type detection alone
// (ConformingTypes on every cell), the profile fed the generator's own masks (what
// cell_types.h would report, so type parsing is not measured), the profile detecting
// types itself (AddRowDetectingTypes), the Taiwan checks alone, both (given masks) and
// all (profile detecting types + Taiwan checks: the per-cell work of `pintu check`).
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "quality/cell_types.h"
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

// The best of three passes over the table; `make_per_row()` gives a fresh row consumer
// (with fresh state) for each pass.
template <typename MakeFn>
double NsPerCell(const Table& t, MakeFn&& make_per_row) {
  std::vector<std::string_view> cells(t.header.size());
  double best = 0;
  for (int pass = 0; pass < 3; ++pass) {
    auto per_row = make_per_row();
    const double start = ThreadCpuNs();
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      for (std::size_t c = 0; c < cells.size(); ++c) cells[c] = t.rows[i][c];
      per_row(i + 2, cells);
    }
    const double ns = (ThreadCpuNs() - start) / static_cast<double>(t.rows.size() * t.header.size());
    if (pass == 0 || ns < best) best = ns;
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t rows = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 200000;
  const std::string only = argc > 2 ? argv[2] : "";  // run one measurement (for perf)
  if (rows == 0) {
    std::fprintf(stderr, "usage: profile_bench [rows > 0] [harness|types|profile|profile+types|taiwan|both|all]\n");
    return 2;
  }
  Table t = Generate(rows);
  const double mb = static_cast<double>(t.bytes) / 1e6;
  const double cells = static_cast<double>(rows * t.header.size());
  std::printf("table: %zu rows x %zu columns, %.1f MB of cells\n", rows, t.header.size(), mb);

  // Measures and prints one line, unless another measurement was asked for.
  auto report = [&](const char* name, auto&& make_per_row, auto&& extra) {
    if (!only.empty() && only != name) return;
    const double ns = NsPerCell(t, make_per_row);
    std::printf("%-15s %6.1f ns/cell  (%.0f MB/s of cells)%s\n", (std::string(name) + ":").c_str(), ns,
                mb / (ns * cells * 1e-9), extra().c_str());
  };
  auto nothing = [] { return std::string(); };

  // The loop alone (row vectors to string_views, one call per row): included in every
  // line below.
  report("harness", [&] {
    return [](std::uint64_t, std::span<const std::string_view> cells) {
      __asm__ volatile("" : : "r"(cells.data()) : "memory");
    };
  }, nothing);

  report("types", [&] {
    return [&](std::uint64_t, std::span<const std::string_view> cells) {
      for (std::string_view cell : cells) {
        TypeMask mask = q::ConformingTypes(cell);
        __asm__ volatile("" : : "r"(mask));  // keeps the detection from being optimised away
      }
    };
  }, nothing);

  std::size_t profile_memory = 0;
  report("profile", [&] {
    return [&, p = std::make_shared<q::TableProfile>(t.header)](std::uint64_t row,
                                                                std::span<const std::string_view> cells) {
      p->AddRow(row, cells, t.masks);
      if (row == t.rows.size() + 1) profile_memory = p->MemoryBytes();
    };
  }, [&] { return "  memory " + std::to_string(profile_memory / 1024) + " KiB"; });

  report("profile+types", [&] {
    return [p = std::make_shared<q::TableProfile>(t.header)](std::uint64_t row,
                                                             std::span<const std::string_view> cells) {
      p->AddRowDetectingTypes(row, cells);
    };
  }, nothing);

  std::size_t checks_memory = 0, warnings = 0;
  report("taiwan", [&] {
    return [&, c = std::make_shared<q::TaiwanChecks>(t.header)](std::uint64_t row,
                                                               std::span<const std::string_view> cells) {
      c->AddRow(row, cells);
      if (row == t.rows.size() + 1) {
        checks_memory = c->MemoryBytes();
        warnings = c->Warnings().size();
      }
    };
  }, [&] {
    return "  memory " + std::to_string(checks_memory / 1024) + " KiB, " + std::to_string(warnings) + " warnings";
  });

  report("both", [&] {
    return [&, p = std::make_shared<q::TableProfile>(t.header), c = std::make_shared<q::TaiwanChecks>(t.header)](
               std::uint64_t row, std::span<const std::string_view> cells) {
      p->AddRow(row, cells, t.masks);
      c->AddRow(row, cells);
    };
  }, nothing);

  report("all", [&] {
    return [p = std::make_shared<q::TableProfile>(t.header), c = std::make_shared<q::TaiwanChecks>(t.header)](
               std::uint64_t row, std::span<const std::string_view> cells) {
      p->AddRowDetectingTypes(row, cells);
      c->AddRow(row, cells);
    };
  }, nothing);
  return 0;
}

// Cost of the tabular core (src/quality/): generates a CSV in memory (default 50 MB of
// Taiwan-style open data: integers, Chinese text, dates, decimals, quoted cells with
// commas and newlines) and prints MB/s for the tokenizer alone, the tokenizer plus the
// Frictionless validator without and with a typed schema, and the file digests
// (SHA-256 + MD5). Input is fed in 1 MiB chunks as a file reader would.
//
//   csv_scan_bench [--mb 50] [--duplicate-rows] [--write FILE] [--only scan|plain|typed|digest]
// --write also saves the generated CSV, so that `wc -l` or pandas can be timed on it.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

#include "quality/csv_check.h"
#include "quality/csv_scanner.h"
#include "quality/file_digest.h"
#include "quality/table_schema.h"

namespace {

using pintu::quality::CsvCheck;
using pintu::quality::CsvCheckOptions;
using pintu::quality::CsvRecord;
using pintu::quality::CsvScanner;

std::string Generate(std::size_t bytes) {
  static const char* kCity[] = {"臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "基隆市", "新竹縣"};
  static const char* kItem[] = {"長期照顧服務", "公共自行車租賃", "空氣品質監測", "垃圾清運路線", "停車場即時資訊"};
  std::mt19937_64 rng(12345);
  std::string out = "id,city,item,date,amount,count,flag,note,lon,lat\n";
  out.reserve(bytes + 256);
  char line[512];
  for (std::uint64_t id = 1; out.size() < bytes; ++id) {
    const auto r = rng();
    const char* note = (r % 50 == 0) ? "\"含,逗號\n與換行\"" : ((r % 7 == 0) ? "\"他說\"\"好\"\"\"" : "");
    const int n = std::snprintf(line, sizeof line, "%llu,%s,%s,20%02u-%02u-%02u,%u.%02u,%u,%s,%s,121.%04u,25.%04u\n",
                                static_cast<unsigned long long>(id), kCity[r % 8], kItem[(r >> 8) % 5],
                                static_cast<unsigned>((r >> 16) % 25), static_cast<unsigned>((r >> 24) % 12 + 1),
                                static_cast<unsigned>((r >> 32) % 28 + 1), static_cast<unsigned>((r >> 40) % 100000),
                                static_cast<unsigned>((r >> 48) % 100), static_cast<unsigned>((r >> 20) % 1000),
                                (r & 1) ? "true" : "false", note, static_cast<unsigned>((r >> 4) % 10000),
                                static_cast<unsigned>((r >> 12) % 10000));
    out.append(line, static_cast<std::size_t>(n));
  }
  return out;
}

// Throughput of run() over data: by process CPU time (stable on a shared machine) and by
// wall-clock time.
struct Speed {
  double cpu_mbps;
  double wall_mbps;
};

template <typename F>
Speed MegabytesPerSecond(const std::string& data, F&& run) {
  const std::clock_t cpu_start = std::clock();
  const auto start = std::chrono::steady_clock::now();
  run();
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double mb = static_cast<double>(data.size()) / (1024.0 * 1024.0);
  return Speed{mb / std::max(cpu, 1e-9), mb / std::max(wall, 1e-9)};
}

template <typename Feed>
void InChunks(const std::string& data, Feed&& feed) {
  constexpr std::size_t kChunk = 1 << 20;
  for (std::size_t i = 0; i < data.size(); i += kChunk) {
    if (!feed(std::string_view(data).substr(i, kChunk))) break;
  }
}

void CheckRun(const char* label, const std::string& data, CsvCheckOptions options) {
  std::size_t errors = 0;
  std::uint64_t rows = 0;
  const Speed speed = MegabytesPerSecond(data, [&] {
    auto check = CsvCheck::Create(options);
    if (!check) std::abort();
    InChunks(data, [&](std::string_view chunk) { return check->Feed(chunk); });
    const auto report = check->Finish(nullptr);
    errors = report.errors.size();
    rows = report.stats.rows;
  });
  std::printf("%-44s %8.1f MB/s CPU %8.1f MB/s wall  (%llu rows, %zu errors)\n", label, speed.cpu_mbps, speed.wall_mbps,
              static_cast<unsigned long long>(rows), errors);
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t megabytes = 50;
  bool duplicate_rows = false;
  const char* write_to = nullptr;
  std::string only;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--mb") == 0 && i + 1 < argc) megabytes = std::strtoul(argv[++i], nullptr, 10);
    if (std::strcmp(argv[i], "--duplicate-rows") == 0) duplicate_rows = true;
    if (std::strcmp(argv[i], "--write") == 0 && i + 1 < argc) write_to = argv[++i];
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) only = argv[++i];
  }
  const std::string data = Generate(megabytes << 20);
  std::printf("generated %.1f MB of CSV\n", static_cast<double>(data.size()) / (1024.0 * 1024.0));
  if (write_to != nullptr) {
    std::FILE* f = std::fopen(write_to, "wb");
    if (f == nullptr || std::fwrite(data.data(), 1, data.size(), f) != data.size() || std::fclose(f) != 0) {
      std::fprintf(stderr, "cannot write %s\n", write_to);
      return 1;
    }
  }

  auto wanted = [&](const char* name) { return only.empty() || only == name; };
  std::uint64_t records = 0;
  if (wanted("scan")) {
  const Speed scan = MegabytesPerSecond(data, [&] {
    auto scanner = CsvScanner::Create({}, {}, [&](const CsvRecord& r) {
      records += r.cells.size() > 0;
      return true;
    });
    if (!scanner) std::abort();
    InChunks(data, [&](std::string_view chunk) { return scanner->Feed(chunk).has_value(); });
    (void)scanner->Finish();
  });
  std::printf("%-44s %8.1f MB/s CPU %8.1f MB/s wall  (%llu records)\n", "tokenizer only", scan.cpu_mbps, scan.wall_mbps,
              static_cast<unsigned long long>(records));
  }

  CsvCheckOptions plain;
  plain.validator.check_duplicate_rows = duplicate_rows;
  if (wanted("plain")) CheckRun("tokenizer + validator, no schema", data, plain);

  auto schema = pintu::quality::ParseTableSchema(R"({"fields":[
    {"name":"id","type":"integer","constraints":{"required":true}},{"name":"city","type":"string"},
    {"name":"item","type":"string","constraints":{"maxLength":20}},{"name":"date","type":"date"},
    {"name":"amount","type":"number","constraints":{"minimum":0}},{"name":"count","type":"integer"},
    {"name":"flag","type":"boolean"},{"name":"note","type":"string"},{"name":"lon","type":"number"},
    {"name":"lat","type":"number"}],"primaryKey":"id"})");
  if (!schema) {
    std::fprintf(stderr, "%s\n", schema.error().message.c_str());
    return 1;
  }
  CsvCheckOptions typed = plain;
  typed.validator.schema = *schema;
  if (wanted("typed")) CheckRun("tokenizer + validator, typed schema + pk", data, typed);
  if (!wanted("digest")) return 0;

  pintu::quality::FileDigest digest;
  const Speed digests = MegabytesPerSecond(data, [&] {
    InChunks(data, [&](std::string_view chunk) {
      digest.Update(chunk);
      return true;
    });
    (void)digest.Finish();
  });
  std::printf("%-44s %8.1f MB/s CPU %8.1f MB/s wall\n", "sha256 + md5 of the raw bytes", digests.cpu_mbps,
              digests.wall_mbps);
  return 0;
}

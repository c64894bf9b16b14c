// Runs the publiccode.yml validator over the conformance suite in
// ../shared/conformance/publiccode (read in place, never copied into the repository) and
// judges every row of expected.tsv by the oracle of its README:
//   valid → no error and no warning; valid_with_warnings → no error and exactly the listed
//   warning keys; invalid → exactly the listed error keys (and the listed warning keys);
//   needs_network=yes → judged on offline_error_keys of expected.json.
// Network checks are off (no probe); iPA codes come from the suite's reference data.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "formats/publiccode/validate.h"

namespace fs = std::filesystem;

namespace pintu::formats::publiccode {
namespace {

fs::path SuiteDir() {
  if (const char* env = std::getenv("PINTU_SHARED_DIR"); env && *env) return fs::path(env) / "conformance" / "publiccode";
  return fs::path(PINTU_SOURCE_DIR) / ".." / "shared" / "conformance" / "publiccode";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

using KeySet = std::set<std::string>;

KeySet SplitKeys(const std::string& cell) {
  KeySet keys;
  std::stringstream ss(cell);
  for (std::string k; std::getline(ss, k, ',');) {
    if (!k.empty()) keys.insert(k == "<file>" ? "" : k);
  }
  return keys;
}

std::string Show(const KeySet& keys) {
  std::string out = "{";
  for (const auto& k : keys) out += (out.size() > 1 ? ", " : "") + (k.empty() ? std::string("<file>") : k);
  return out + "}";
}

struct Row {
  std::string file, expect;
  KeySet errors, warnings;
  bool needs_network = false;
};

std::vector<Row> ReadExpected(const fs::path& dir) {
  std::vector<Row> rows;
  std::istringstream in(ReadFile(dir / "expected.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    cols.resize(5);
    rows.push_back({cols[0], cols[1], SplitKeys(cols[2]), SplitKeys(cols[3]), cols[4] == "yes"});
  }
  return rows;
}

// offline_error_keys of expected.json, by file.
std::map<std::string, KeySet> OfflineKeys(const fs::path& dir) {
  std::map<std::string, KeySet> out;
  auto json = boost::json::parse(ReadFile(dir / "expected.json"));
  for (const auto& c : json.at("cases").as_array()) {
    KeySet keys;
    for (const auto& k : c.at("offline_error_keys").as_array()) keys.insert(std::string(k.as_string()));
    out[std::string(c.at("file").as_string())] = keys;
  }
  return out;
}

KeySet Keys(const Findings& findings) {
  KeySet keys;
  for (const auto& f : findings) keys.insert(f.key);
  return keys;
}

TEST(PubliccodeConformance, EveryExpectedRowPassesTheOracle) {
  fs::path dir = SuiteDir();
  if (!fs::exists(dir / "expected.tsv")) GTEST_SKIP() << "conformance suite not found at " << dir << " (../shared absent)";
  auto rows = ReadExpected(dir);
  auto offline = OfflineKeys(dir);
  ValidateOptions options;
  auto ipa = LoadIpaCodes(dir / "reference-data" / "ipa_codes.txt");
  ASSERT_TRUE(ipa.has_value());
  options.ipa_codes = *ipa;

  int passed = 0;
  std::vector<std::string> failures;
  for (const Row& row : rows) {
    auto result = ValidatePubliccodeFile(dir / row.file, options);
    if (!result) {
      failures.push_back(row.file + ": could not read: " + result.error().message);
      continue;
    }
    KeySet errors = Keys(result->errors);
    KeySet warnings = Keys(result->warnings);
    KeySet want_errors = row.needs_network ? offline[row.file] : row.errors;
    bool ok;
    if (row.expect == "valid") ok = errors.empty() && warnings.empty();
    else if (row.expect == "valid_with_warnings") ok = errors.empty() && warnings == row.warnings;
    else ok = (!errors.empty() || want_errors.empty()) && errors == want_errors && warnings == row.warnings;
    if (ok) {
      ++passed;
      continue;
    }
    std::string detail = row.file + ": errors " + Show(errors) + " want " + Show(want_errors) + "; warnings " +
                         Show(warnings) + " want " + Show(row.warnings);
    for (const auto& f : result->errors) detail += "\n    error " + f.key + ": " + f.message;
    failures.push_back(detail);
  }
  std::cout << "[publiccode conformance] " << passed << " of " << rows.size() << " cases pass\n";
  for (const auto& f : failures) ADD_FAILURE() << f;
  EXPECT_EQ(rows.size(), 129u);
}

}  // namespace
}  // namespace pintu::formats::publiccode

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

// Secondary check of the README (messages, positions): how many expected results have a
// finding with the same severity, key and message, and how many also the same line/column.
struct DetailScore {
  int expected = 0, same_message = 0, same_position = 0;
  std::vector<std::string> differences;
};

void ScoreDetails(const boost::json::object& c, const fs::path& yml_dir, const ValidationResult& r, DetailScore& score) {
  std::string network = "";
  for (const auto& e : c.at("results").as_array()) {
    const auto& o = e.as_object();
    if (o.at("network_check").as_bool()) continue;
    ++score.expected;
    std::string message(o.at("message").as_string());
    for (std::size_t at; (at = message.find("{YML_DIR}")) != std::string::npos;) message.replace(at, 9, yml_dir.string());
    bool error = o.at("severity").as_string() == "error";
    std::string key(o.at("key").as_string());
    const Finding* same = nullptr;
    for (const auto& f : error ? r.errors : r.warnings) {
      if (f.key == key && f.message == message) same = &f;
    }
    if (!same) {
      score.differences.push_back(std::string(c.at("file").as_string()) + " " + key + ": want \"" + message + "\"");
      continue;
    }
    ++score.same_message;
    if (same->line == o.at("line").as_int64() && same->column == o.at("column").as_int64()) {
      ++score.same_position;
    } else {
      score.differences.push_back(std::string(c.at("file").as_string()) + " " + key + ": at " + std::to_string(same->line) +
                                  ":" + std::to_string(same->column) + " want " + std::to_string(o.at("line").as_int64()) +
                                  ":" + std::to_string(o.at("column").as_int64()));
    }
  }
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

TEST(PubliccodeConformance, MessagesAndPositionsMostlyMatchTheReference) {
  fs::path dir = SuiteDir();
  if (!fs::exists(dir / "expected.json")) GTEST_SKIP() << "conformance suite not found at " << dir << " (../shared absent)";
  auto json = boost::json::parse(ReadFile(dir / "expected.json"));
  ValidateOptions options;
  options.ipa_codes = *LoadIpaCodes(dir / "reference-data" / "ipa_codes.txt");
  DetailScore score;
  for (const auto& c : json.at("cases").as_array()) {
    fs::path file = dir / std::string(c.at("file").as_string());
    auto result = ValidatePubliccodeFile(file, options);
    ASSERT_TRUE(result.has_value()) << file;
    ScoreDetails(c.as_object(), fs::absolute(file).lexically_normal().parent_path(), *result, score);
  }
  std::cout << "[publiccode conformance] of " << score.expected << " offline results: " << score.same_message
            << " same message, " << score.same_position << " also same line:column\n";
  for (const auto& d : score.differences) std::cout << "  " << d << "\n";
  // Secondary per the README: messages are compared, not required to be identical; a
  // regression below nine in ten means the wording drifted.
  EXPECT_GE(score.same_message * 10, score.expected * 9);
}

}  // namespace
}  // namespace pintu::formats::publiccode

// Runs Pintu's Croissant checker over the mlcroissant conformance cases in
// ../shared/conformance/croissant (read in place, never copied into the repository):
// every valid file must have no error; every invalid case must have, for each error line
// of its output.txt, an error on the same node and of the same kind (and the listed
// warnings as warnings).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "formats/croissant_check.h"

namespace fs = std::filesystem;

namespace pintu::formats {
namespace {

fs::path SuiteDir() {
  if (const char* env = std::getenv("PINTU_SHARED_DIR"); env && *env) return fs::path(env) / "conformance" / "croissant";
  return fs::path(PINTU_SOURCE_DIR) / ".." / "shared" / "conformance" / "croissant";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct Case {
  std::string kind;  // valid / invalid
  std::string version;
  std::string name;
  fs::path path;
};

std::vector<Case> Manifest(const fs::path& dir) {
  std::vector<Case> cases;
  std::istringstream in(ReadFile(dir / "manifest.tsv"));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, '\t');) cols.push_back(c);
    if (cols.size() < 4) continue;
    cases.push_back({cols[0], cols[1], cols[2], dir / cols[3]});
  }
  return cases;
}

// One "  -  " line of an output.txt.
struct ExpectedIssue {
  CroissantSeverity severity;
  std::string node;
  std::string kind;
  std::string property;  // for "Property "X" is …" lines
  std::string line;
};

// mlcroissant's wording → the checker's kind code.
std::string KindOf(const std::string& message) {
  static const std::vector<std::pair<std::string, std::string>> table = {
      {"is mandatory, but does not exist", "missing-property"},
      {"is recommended, but does not exist", "missing-recommended"},
      {"There is a reference to node with UUID", "dangling-reference"},
      {"Malformed source data", "unknown-source"},
      {"Source should have one of the following properties", "source-without-origin"},
      {"The dataset contains a wrong `@id`", "id-whitespace"},
      {"does not define `source` or `value`", "source-or-value"},
      {"should have an attribute \"@type\"", "wrong-type"},
      {"does not specify a valid http://mlcommons.org/croissant/dataType", "data-type-unresolved"},
      {"defines `array_shape`, but `is_array` is False", "array-definition"},
      {"cannot be parsed as a tuple of comma-separated values", "array-shape"},
  };
  for (const auto& [needle, kind] : table)
    if (message.find(needle) != std::string::npos) return kind;
  return "";
}

std::vector<ExpectedIssue> ParseOutput(const std::string& text) {
  std::vector<ExpectedIssue> out;
  CroissantSeverity section = CroissantSeverity::kError;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("Found the following")) {
      section = line.find("warning(s)") != std::string::npos ? CroissantSeverity::kWarning : CroissantSeverity::kError;
      continue;
    }
    if (!line.starts_with("  -  ")) continue;
    std::string rest = line.substr(5);
    ExpectedIssue e{section, "", "", "", line};
    if (rest.starts_with("[")) {
      size_t close = rest.find("] ");
      e.node = rest.substr(1, close - 1);
      rest = rest.substr(close + 2);
    }
    e.kind = KindOf(rest);
    if (rest.starts_with("Property \"")) e.property = rest.substr(10, rest.find('"', 10) - 10);
    out.push_back(e);
  }
  return out;
}

#define REQUIRE_SUITE(dir)                                                                          \
  if (!fs::is_directory(dir))                                                                       \
  GTEST_SKIP() << "Croissant conformance suite not found at " << (dir)                              \
               << " (set PINTU_SHARED_DIR to the shared folder); the conformance cases were skipped"

TEST(CroissantConformance, EveryValidFileHasNoError) {
  fs::path dir = SuiteDir();
  REQUIRE_SUITE(dir);
  size_t total = 0, passed = 0;
  for (const auto& c : Manifest(dir)) {
    if (c.kind != "valid") continue;
    ++total;
    auto v = ValidateCroissantText(ReadFile(c.path));
    ASSERT_TRUE(v.has_value()) << c.path << ": " << v.error().message;
    EXPECT_EQ(v->errors, 0u) << c.version << "/" << c.name << ":\n" << CroissantReportText(v->report);
    if (v->errors == 0) ++passed;
  }
  EXPECT_GE(total, 30u);
  std::cout << "[croissant] valid: " << passed << "/" << total << " without errors\n";
}

TEST(CroissantConformance, EveryInvalidCaseHasTheListedErrorsAndWarnings) {
  fs::path dir = SuiteDir();
  REQUIRE_SUITE(dir);
  size_t total = 0, passed = 0, lines = 0, matched = 0;
  for (const auto& c : Manifest(dir)) {
    if (c.kind != "invalid") continue;
    ++total;
    auto v = ValidateCroissantText(ReadFile(c.path / "metadata.json"));
    ASSERT_TRUE(v.has_value()) << c.path << ": " << v.error().message;
    std::string ours = CroissantReportText(v->report);
    bool ok = v->errors >= 1;
    EXPECT_GE(v->errors, 1u) << c.name;
    std::vector<ExpectedIssue> expected = ParseOutput(ReadFile(c.path / "output.txt"));
    // No spurious issue either: as many errors and warnings as mlcroissant prints.
    size_t expected_errors = static_cast<size_t>(std::count_if(expected.begin(), expected.end(), [](const auto& e) {
      return e.severity == CroissantSeverity::kError;
    }));
    EXPECT_EQ(v->errors, expected_errors) << c.name << ":\n" << ours;
    EXPECT_EQ(v->warnings, expected.size() - expected_errors) << c.name << ":\n" << ours;
    ok = ok && v->errors == expected_errors && v->warnings == expected.size() - expected_errors;
    for (const auto& e : expected) {
      ++lines;
      EXPECT_FALSE(e.kind.empty()) << c.name << ": no kind known for " << e.line;
      bool found = false;
      for (const auto& i : v->report.issues)
        found = found || (i.severity == e.severity && i.node_path == e.node && i.kind == e.kind &&
                          (e.property.empty() || i.property == e.property));
      EXPECT_TRUE(found) << c.version << "/" << c.name << ": expected\n" << e.line << "\n(kind " << e.kind
                         << ") but the checker said:\n" << ours;
      matched += found;
      ok = ok && found;
    }
    passed += ok;
  }
  EXPECT_GE(total, 10u);
  std::cout << "[croissant] invalid: " << passed << "/" << total << " cases with exactly the listed issues; " << matched
            << "/" << lines << " issue lines matched by node and kind\n";
}

}  // namespace
}  // namespace pintu::formats

// Validation of publiccode.yml files against the standard (0.2 – 0.7.0) with the rules,
// key paths and messages of the reference validator italia/publiccode-parser-go.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "core/error.h"
#include "formats/publiccode/finding.h"
#include "formats/publiccode/model.h"
#include "formats/publiccode/yaml_tree.h"

namespace pintu::formats::publiccode {

// Strict: the standard exactly as publiccode-parser-go checks it (a `tw:` section is an
// unknown key). Lenient, for real-world files: the Taiwanese `tw:` section is read into
// Publiccode::taiwan and unknown keys are warnings instead of errors.
enum class Mode { kStrict, kLenient };

// Answers "is this URL reachable / is it what it claims"; returns an English problem or
// nullopt when fine. Only called when a probe is set (network checks on).
using UrlProbe = std::function<std::optional<std::string>(std::string_view url)>;

// How to validate; the defaults are strict, offline, without an iPA list.
struct ValidateOptions {
  Mode mode = Mode::kStrict;
  // Network checks (URL reachability, remote logos): off unless a probe is given. Tests
  // never set one.
  UrlProbe probe;
  // Italian iPA codes (lower case) to check `urn:x-italian-pa:<code>` and IT.riuso.codiceIPA
  // against; when null only the code's syntax is checked. See LoadIpaCodes.
  std::shared_ptr<const std::unordered_set<std::string>> ipa_codes;
  YamlLimits limits;  // size, depth and alias-expansion limits for the YAML
  // The http(s) URL the bytes were read from, or empty for a local file. When set,
  // relative asset paths (logo, screenshots, authorsFile) are not looked up under
  // base_dir: they resolve against the URL's folder and are probed when a probe is set,
  // and are otherwise reported as warnings saying they could not be checked.
  std::string source_url;
};

// The outcome of one validation.
struct ValidationResult {
  std::optional<Publiccode> document;  // nullopt when the YAML could not be read at all
  std::string version;                 // publiccodeYmlVersion as written ("" when missing)
  Findings errors;
  Findings warnings;
  bool valid() const { return errors.empty(); }
};

// Validates `bytes`; relative asset paths (logo, screenshots, authorsFile) resolve against
// `base_dir`, and a missing local file is an error. Never throws; every problem of the
// input (including unreadable YAML) is a finding.
ValidationResult ValidatePubliccode(std::string_view bytes, const std::filesystem::path& base_dir,
                                    const ValidateOptions& options);

// Reads and validates the file at `path` (symlinks are followed; the target must be a
// regular file). Error only when the file cannot be read or exceeds options.limits.max_bytes.
Result<ValidationResult> ValidatePubliccodeFile(const std::filesystem::path& path, const ValidateOptions& options);

// Reads an iPA code list (one code per line, any case) into the lower-case set the options
// take. Error when the file cannot be read.
Result<std::shared_ptr<const std::unordered_set<std::string>>> LoadIpaCodes(const std::filesystem::path& path);

}  // namespace pintu::formats::publiccode

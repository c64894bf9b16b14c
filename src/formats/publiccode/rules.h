// Step two of validation: the field rules of the standard on a decoded document, and the
// checks of the files it points to. Internal to formats/publiccode.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "formats/publiccode/decode.h"
#include "formats/publiccode/validate.h"

namespace pintu::formats::publiccode {

// Collects findings with the position of their key.
class FindingSink {
 public:
  FindingSink(const Decoded& decoded, ValidationResult& result) : decoded_(decoded), result_(result) {}

  // An error at `key`, located at `locate` (default: the key itself).
  Finding& Error(const std::string& key, std::string message, std::string message_zh, const std::string& locate = {});
  // A warning at `key`, located like Error.
  Finding& Warning(const std::string& key, std::string message, std::string message_zh, const std::string& locate = {});
  const Decoded& decoded() const { return decoded_; }

 private:
  Finding& Add(Findings& into, Severity severity, const std::string& key, std::string message, std::string message_zh,
               const std::string& locate);
  const Decoded& decoded_;
  ValidationResult& result_;
};

// Field rules: required fields, enumerations, lengths, URLs, dates, SPDX, country sections
// and deprecations.
void CheckFieldRules(const Decoded& decoded, const ValidateOptions& options, FindingSink& sink);

// File rules: logo, monochromeLogo, screenshots and authorsFile resolved against
// `base_dir` (missing files, extensions, PNG signature) or, for a file read from
// options.source_url, against that URL's folder; oEmbed video URLs; and, when
// options.probe is set, URL reachability.
void CheckFileRules(const Decoded& decoded, const std::filesystem::path& base_dir, const ValidateOptions& options,
                    FindingSink& sink);

// "description.en" for alphabetic languages, "description[en-US]" otherwise (message keys).
std::string DescriptionKey(std::string_view language);

}  // namespace pintu::formats::publiccode

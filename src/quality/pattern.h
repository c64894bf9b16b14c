// The Table Schema `pattern` constraint: an anchored regular expression (ICU syntax,
// close to XML Schema / ECMAScript) matched against a whole cell, with a step limit so a
// hostile pattern cannot hang validation.
#pragma once

#include <memory>
#include <string_view>

#include "core/error.h"

namespace pintu::quality {

class PatternMatcher {
 public:
  // Compiles `pattern`; fails with the ICU reason and offset when it is not a valid
  // regular expression.
  static Result<PatternMatcher> Compile(std::string_view pattern);
  PatternMatcher(PatternMatcher&&) noexcept;
  PatternMatcher& operator=(PatternMatcher&&) noexcept;
  ~PatternMatcher();

  // True when the whole of `text` matches. False also when matching exceeds the step
  // limit (catastrophic backtracking) — such a cell does not conform. Not thread-safe:
  // use one matcher per thread.
  bool FullMatch(std::string_view text);

 private:
  struct Impl;
  explicit PatternMatcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pintu::quality

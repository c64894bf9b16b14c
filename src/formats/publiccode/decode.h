// Step one of validation: the YAML tree decoded into the typed model the way the reference
// parser decodes it (strict known fields, no YAML 1.1 booleans), with the position of every
// key kept for messages. Internal to formats/publiccode.
#pragma once

#include <map>
#include <set>
#include <string>

#include "formats/publiccode/finding.h"
#include "formats/publiccode/model.h"
#include "formats/publiccode/validate.h"
#include "formats/publiccode/yaml_tree.h"

namespace pintu::formats::publiccode {

// A 1-based line and column; 0:0 = not located.
struct Position {
  int line = 0;
  int column = 0;
};

// The model plus where each key was written. Paths use dots and `[i]` (description
// languages too: "description.en-US.features").
struct Decoded {
  Publiccode doc;
  std::map<std::string, Position> key_positions;    // map key (or sequence item) position
  std::map<std::string, Position> value_positions;  // value node position
  bool version_present = false;   // publiccodeYmlVersion was written (even if wrongly typed)
  bool italy_lowercase = false;   // the Italian section was written `it:`
  bool italy_both = false;        // both `it:` and `IT:` were written
  bool taiwan_present = false;    // a `tw:` section was read (lenient mode)
  std::set<std::string> dropped;  // top-level keys left unset because of a wrong type
  Findings findings;  // decode problems: the first wrong type / unknown key (errors), and in
                      // lenient mode every unknown key (warnings)

  // Position of `path`'s key, else of its parent's value when the parent was written, else 0:0.
  Position Locate(const std::string& path) const;
};

// Decodes `root`. A wrongly typed value leaves its whole top-level section unset (as the
// reference parser's decoder does), so required-field rules fire for it afterwards.
Decoded DecodePubliccode(const YamlNode& root, Mode mode);

}  // namespace pintu::formats::publiccode

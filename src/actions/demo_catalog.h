// Loads the demo catalog shipped in demo/ (see demo/README.md): organisations,
// topics, datasets and public code (software.jsonl with publiccode.yml files) in JSON lines, with files uploaded into the data
// directory and "{site}" in URLs replaced by the server's base URL.
#pragma once

#include "actions/context.h"

namespace pintu::actions {

struct DemoSummary {
  size_t organizations = 0;
  size_t topics = 0;
  size_t datasets = 0;
  size_t files = 0;
  size_t software = 0;   // public code entries (demo/software.jsonl)
  size_t adoptions = 0;
};

// Loads `demo_dir` through the actions (so every object gets its activity record).
// Needs a sysadmin or system identity. Any invalid line fails the load with the
// file, line and field in the message.
Result<DemoSummary> LoadDemoCatalog(Context& ctx, const std::string& demo_dir);

}  // namespace pintu::actions

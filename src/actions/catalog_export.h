// Writes the whole catalog (every state, public and private) as pintu-jsonl lines
// (formats/pintu_jsonl.h): organisations, then topics, then datasets.
#pragma once

#include <functional>

#include "actions/context.h"

namespace pintu::actions {

struct ExportSummary {
  size_t organizations = 0;
  size_t topics = 0;
  size_t datasets = 0;
};

// Calls `write_line` with each line (without newline), header first. Sysadmins only.
Result<ExportSummary> ExportCatalog(Context& ctx, const std::function<void(std::string_view)>& write_line);

}  // namespace pintu::actions

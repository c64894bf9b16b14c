#include "core/resource_check.h"

namespace pintu {

std::string_view CheckKindName(CheckKind k) { return k == CheckKind::kLinks ? "links" : "contents"; }

std::optional<CheckKind> ParseCheckKind(std::string_view name) {
  if (name == "links") return CheckKind::kLinks;
  if (name == "contents") return CheckKind::kContents;
  return std::nullopt;
}

}  // namespace pintu

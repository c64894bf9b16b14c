#include "core/software.h"

#include <array>

namespace pintu {

std::string_view ToCode(SoftwareSource v) {
  switch (v) {
    case SoftwareSource::kGit: return "git";
    case SoftwareSource::kUpload: return "upload";
    case SoftwareSource::kApi: return "api";
  }
  return "api";
}

std::optional<SoftwareSource> ParseSoftwareSource(std::string_view s) {
  if (s == "git") return SoftwareSource::kGit;
  if (s == "upload") return SoftwareSource::kUpload;
  if (s == "api") return SoftwareSource::kApi;
  return std::nullopt;
}

bool IsCustomisationsOwner(std::string_view code) {
  static constexpr std::array<std::string_view, 4> kOwners = {"adopter", "publisher", "vendor", "shared"};
  for (auto o : kOwners)
    if (o == code) return true;
  return false;
}

bool IsSoftwareDatasetRelation(std::string_view code) { return code == "uses" || code == "produces"; }

}  // namespace pintu

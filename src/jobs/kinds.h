// The job kinds Pintu enqueues, named in one place so that producers (actions,
// schedules) and the handlers registered by the serve command agree.
#pragma once

#include <optional>
#include <string_view>

#include "core/resource_check.h"

namespace pintu::jobs {

// Checks that a resource's URL answers and can be downloaded (subject: resource id).
inline constexpr std::string_view kCheckResourceLinks = "check_resource_links";
// Reads the resource's file and validates it with the quality engine (subject: resource id).
inline constexpr std::string_view kCheckResourceContents = "check_resource_contents";
// Recomputes a dataset's quality score and stores a snapshot when it changed (subject: dataset id).
inline constexpr std::string_view kScoreDataset = "score_dataset";
// Clones or fetches a registered repository and records a version (subject: software id).
inline constexpr std::string_view kCrawlSoftware = "crawl_software";

// The job kind that produces results of `kind`.
constexpr std::string_view JobKindForCheck(CheckKind kind) {
  return kind == CheckKind::kLinks ? kCheckResourceLinks : kCheckResourceContents;
}

// The check kind a resource-check job produces, or nullopt for other job kinds.
constexpr std::optional<CheckKind> CheckKindOfJob(std::string_view job_kind) {
  if (job_kind == kCheckResourceLinks) return CheckKind::kLinks;
  if (job_kind == kCheckResourceContents) return CheckKind::kContents;
  return std::nullopt;
}

}  // namespace pintu::jobs

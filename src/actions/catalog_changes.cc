#include "actions/catalog_changes.h"

#include <map>

#include "actions/authz.h"
#include "actions/organizations.h"

namespace pintu::actions {

Result<std::vector<DatasetChange>> ListDatasetChanges(Context& ctx, std::string_view organization,
                                                      size_t limit) {
  limit = std::min(limit, kMaxChanges);
  DatasetActivityQuery q;
  if (!organization.empty()) {
    auto org = ShowOrganization(ctx, organization);
    if (!org) return std::unexpected(org.error());
    q.organization_id = org->id;
  }
  // The store narrows the scan; the read rule below decides each activity.
  const Identity& who = ctx.identity;
  bool may_see_unpublished = who.IsSysadmin() || !who.memberships.empty();
  q.include_private = may_see_unpublished;
  q.include_drafts = may_see_unpublished;
  q.include_deleted = true;  // deletions of public datasets are news to a feed's readers
  q.limit = std::max<size_t>(2 * limit, 50);
  // Activities the rule hides (earlier history of deleted datasets, others' private data) are
  // skipped; at most this many rows are read so that a request stays cheap.
  const size_t max_scanned = 20 * q.limit;

  std::vector<DatasetChange> out;
  std::map<std::string, std::optional<Dataset>, std::less<>> datasets;  // by id
  while (out.size() < limit && q.offset < max_scanned) {
    auto batch = ctx.store.ListDatasetActivities(q);
    if (!batch) return std::unexpected(batch.error());
    for (auto& a : *batch) {
      auto it = datasets.find(a.object_id);
      if (it == datasets.end()) {
        auto d = ctx.store.GetDataset(a.object_id);
        if (!d && d.error().code != ErrorCode::kNotFound) return std::unexpected(d.error());
        it = datasets.emplace(a.object_id, d ? std::optional<Dataset>(std::move(*d)) : std::nullopt).first;
      }
      if (!it->second || !CanReadDatasetActivity(who, *it->second, a)) continue;
      out.push_back({std::move(a), *it->second});
      if (out.size() == limit) break;
    }
    if (batch->size() < q.limit) break;
    q.offset += q.limit;
  }
  return out;
}

Result<std::vector<DatasetStamp>> ListPublicDatasetStamps(Context& ctx, size_t offset, size_t limit) {
  return ctx.store.ListDatasetStamps(false, offset, limit);
}

}  // namespace pintu::actions

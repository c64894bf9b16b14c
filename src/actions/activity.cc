#include "actions/activity.h"

#include "actions/datasets.h"

namespace pintu::actions {

Result<std::vector<Activity>> ListDatasetActivity(Context& ctx, std::string_view id_or_slug,
                                                  size_t offset, size_t limit) {
  auto d = ShowDataset(ctx, id_or_slug);
  if (!d) return std::unexpected(d.error());
  if (limit > 1000) limit = 1000;
  return ctx.store.ListActivities(d->id, offset, limit);
}

}  // namespace pintu::actions

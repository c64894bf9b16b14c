#include "actions/dataset_croissant.h"

#include <map>
#include <string>

#include <boost/json.hpp>

#include "actions/datasets.h"
#include "actions/organizations.h"
#include "formats/croissant_export.h"

namespace pintu::actions {

Result<boost::json::object> DatasetCroissant(Context& ctx, std::string_view id_or_slug) {
  auto d = ShowDataset(ctx, id_or_slug);
  if (!d) return std::unexpected(d.error());
  if (d->is_private || d->state != State::kActive) return std::unexpected(Error::NotFound("Dataset"));
  auto org = FindOrganization(ctx.store, d->organization_id);
  if (!org) return std::unexpected(org.error());
  std::map<std::string, boost::json::object> reports;
  for (const Resource& r : d->resources) {
    auto check = ctx.store.GetLatestResourceCheck(r.id, CheckKind::kContents);
    if (!check) {
      if (check.error().code == ErrorCode::kNotFound) continue;
      return std::unexpected(check.error());
    }
    boost::system::error_code ec;
    boost::json::value report = boost::json::parse(check->report, ec);
    if (!ec && report.is_object()) reports.emplace(r.id, std::move(report.get_object()));
  }
  return formats::ExportCroissant(*d, *org, ctx.config.EffectiveSiteUrl(), reports);
}

}  // namespace pintu::actions

#include "actions/catalog_export.h"

#include "actions/authz.h"
#include "core/model_json.h"
#include "core/time.h"
#include "formats/pintu_jsonl.h"

namespace pintu::actions {

Result<ExportSummary> ExportCatalog(Context& ctx, const std::function<void(std::string_view)>& write_line) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "export the whole catalog"); !ok)
    return std::unexpected(ok.error());
  using Kind = formats::ImportRecord::Kind;
  ExportSummary summary;
  write_line(formats::PintuJsonlHeader(NowIso(), "pintu 0.1.0"));
  auto orgs = ctx.store.ListOrganizations(true);
  if (!orgs) return std::unexpected(orgs.error());
  for (const auto& o : *orgs) {
    write_line(formats::PintuJsonlLine(Kind::kOrganization, OrganizationToJson(o)));
    ++summary.organizations;
  }
  auto topics = ctx.store.ListTopics(true);
  if (!topics) return std::unexpected(topics.error());
  for (const auto& t : *topics) {
    write_line(formats::PintuJsonlLine(Kind::kTopic, TopicToJson(t)));
    ++summary.topics;
  }
  auto ids = ctx.store.ListAllDatasetIds();
  if (!ids) return std::unexpected(ids.error());
  for (const auto& id : *ids) {
    auto d = ctx.store.GetDataset(id);
    if (!d) return std::unexpected(d.error());
    write_line(formats::PintuJsonlLine(Kind::kDataset, DatasetToJson(*d)));
    ++summary.datasets;
  }
  return summary;
}

}  // namespace pintu::actions

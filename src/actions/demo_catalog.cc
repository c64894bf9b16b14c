#include "actions/demo_catalog.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "actions/datasets.h"
#include "actions/organizations.h"
#include "actions/resources.h"
#include "actions/topics.h"
#include "core/ids.h"
#include "core/model_json.h"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace pintu::actions {
namespace {

Result<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::unexpected(Error::BadRequest("Cannot read " + p.string()));
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string ReplaceAll(std::string s, std::string_view from, std::string_view to) {
  for (size_t pos = 0; (pos = s.find(from, pos)) != std::string::npos; pos += to.size())
    s.replace(pos, from.size(), to);
  return s;
}

Error At(const fs::path& file, size_t line, const Error& e) {
  Error out = e;
  out.message = file.filename().string() + " line " + std::to_string(line) + ": " + e.message;
  for (const auto& f : e.fields) out.message += " [" + f.field + ": " + f.message + "]";
  return out;
}

// Calls fn(line_number, object) for each non-empty line of a JSON-lines file.
Result<void> ForEachLine(const fs::path& file, const std::string& site,
                         const std::function<Result<void>(size_t, json::object&)>& fn) {
  auto text = ReadFile(file);
  if (!text) return std::unexpected(text.error());
  std::istringstream in(*text);
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto v = ParseJson(ReplaceAll(line, "{site}", site));
    if (!v) return std::unexpected(At(file, n, v.error()));
    if (!v->is_object()) return std::unexpected(At(file, n, Error::BadRequest("not a JSON object")));
    if (auto ok = fn(n, v->as_object()); !ok) return std::unexpected(At(file, n, ok.error()));
  }
  return {};
}

}  // namespace

Result<DemoSummary> LoadDemoCatalog(Context& ctx, const std::string& demo_dir) {
  if (!ctx.identity.IsSysadmin()) return std::unexpected(Error::Forbidden("Loading the demo needs a sysadmin"));
  fs::path dir(demo_dir);
  std::string site = ctx.config.EffectiveSiteUrl();
  DemoSummary summary;

  auto orgs = ForEachLine(dir / "organizations.jsonl", site, [&](size_t, json::object& o) -> Result<void> {
    auto org = OrganizationFromJson(o);
    if (!org) return std::unexpected(org.error());
    auto created = CreateOrganization(ctx, std::move(*org));
    if (!created) return std::unexpected(created.error());
    ++summary.organizations;
    return {};
  });
  if (!orgs) return std::unexpected(orgs.error());

  auto topics = ForEachLine(dir / "topics.jsonl", site, [&](size_t, json::object& o) -> Result<void> {
    auto t = TopicFromJson(o);
    if (!t) return std::unexpected(t.error());
    auto created = CreateTopic(ctx, std::move(*t));
    if (!created) return std::unexpected(created.error());
    ++summary.topics;
    return {};
  });
  if (!topics) return std::unexpected(topics.error());

  auto datasets = ForEachLine(dir / "datasets.jsonl", site, [&](size_t, json::object& o) -> Result<void> {
    auto d = DatasetFromJson(o);
    if (!d) return std::unexpected(d.error());
    auto org = FindOrganization(ctx.store, d->organization_id);
    if (!org) return std::unexpected(Error::Invalid("owner_org", "Organization does not exist"));
    d->id = NewUuid();
    // Resources naming a demo "file" are uploaded into the data directory first.
    const json::value* rs = o.if_contains("resources");
    for (size_t i = 0; rs && rs->is_array() && i < rs->get_array().size(); ++i) {
      const json::value& rv = rs->get_array()[i];
      const json::value* file = rv.is_object() ? rv.get_object().if_contains("file") : nullptr;
      if (!file || !file->is_string()) continue;
      fs::path path = dir / std::string(file->get_string());
      auto bytes = ReadFile(path);
      if (!bytes) return std::unexpected(bytes.error());
      Resource& r = d->resources[i];
      r.id = NewUuid();
      auto stored = StoreUploadedFile(ctx.config, d->id, r.id, {path.filename().string(), *bytes});
      if (!stored) return std::unexpected(stored.error());
      r.uploaded = true;
      r.url = stored->url;
      r.size_bytes = stored->size;
      r.checksum = stored->checksum;
      ++summary.files;
    }
    auto created = CreateDataset(ctx, std::move(*d));
    if (!created) return std::unexpected(created.error());
    ++summary.datasets;
    return {};
  });
  if (!datasets) return std::unexpected(datasets.error());
  return summary;
}

}  // namespace pintu::actions

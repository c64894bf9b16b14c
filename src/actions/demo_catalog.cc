#include "actions/demo_catalog.h"

#include "actions/adoptions.h"
#include "actions/software.h"

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

  // Public code: publiccode.yml files registered as uploads, their dataset links and
  // adoptions (optional file).
  if (fs::exists(dir / "software.jsonl")) {
    auto software = ForEachLine(dir / "software.jsonl", site, [&](size_t, json::object& o) -> Result<void> {
      auto text = [&](const json::object& from, std::string_view key) -> std::string {
        const json::value* v = from.if_contains(key);
        return v && v->is_string() ? std::string(v->get_string()) : std::string();
      };
      SoftwareInput in;
      in.organization = text(o, "organization");
      in.slug = text(o, "name");
      auto yml = ReadFile(dir / text(o, "publiccode_file"));
      if (!yml) return std::unexpected(yml.error());
      in.publiccode_yml = std::move(*yml);
      std::vector<SoftwareDatasetLink> links;
      if (const json::value* ds = o.if_contains("datasets"); ds && ds->is_array())
        for (const auto& item : ds->get_array())
          if (item.is_object()) links.push_back({text(item.get_object(), "dataset"), text(item.get_object(), "relation")});
      in.datasets = std::move(links);
      auto created = CreateSoftware(ctx, in, SoftwareSource::kUpload);
      if (!created) return std::unexpected(created.error());
      ++summary.software;
      if (const json::value* ads = o.if_contains("adoptions"); ads && ads->is_array()) {
        for (const auto& item : ads->get_array()) {
          if (!item.is_object()) continue;
          const json::object& a = item.get_object();
          AdoptionInput adopt;
          adopt.software = created->id;
          adopt.organization = text(a, "organization");
          adopt.version = text(a, "version");
          adopt.since = text(a, "since");
          adopt.vendor = text(a, "vendor");
          adopt.contract_reference = text(a, "contract_reference");
          adopt.contract_until = text(a, "contract_until");
          if (auto owner = text(a, "customisations_owner"); !owner.empty()) adopt.customisations_owner = owner;
          adopt.contact_name = text(a, "contact_name");
          adopt.contact_email = text(a, "contact_email");
          auto adopted = AdoptSoftware(ctx, adopt);
          if (!adopted) return std::unexpected(adopted.error());
          ++summary.adoptions;
        }
      }
      return {};
    });
    if (!software) return std::unexpected(software.error());
  }
  return summary;
}

}  // namespace pintu::actions

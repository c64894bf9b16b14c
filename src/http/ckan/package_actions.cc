// CKAN package_* and resource_* actions.
#include "actions/datasets.h"
#include "actions/resources.h"
#include "actions/search.h"
#include "core/model_json.h"
#include "http/ckan/call.h"

namespace json = boost::json;

namespace pintu::http::ckan {
namespace {

Result<json::value> PackageList(Call& c) {
  auto paging = GetPaging(c.params.values, 100000, 100000);
  if (!paging) return Fail(paging);
  auto names = actions::ListDatasetNames(c.ctx, paging->offset, paging->limit);
  if (!names) return Fail(names);
  json::array out;
  for (auto& n : *names) out.emplace_back(n);
  return out;
}

Result<json::value> PackageShow(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto d = actions::ShowDataset(c.ctx, *id);
  if (!d) return Fail(d);
  return PackageDict(c.ctx, *d);
}

Result<json::value> PackageSearch(Call& c) {
  const auto& p = c.params.values;
  actions::SearchRequest req;
  auto q = GetString(p, "q");
  if (!q) return Fail(q);
  req.q = q->value_or("");
  auto fq = GetString(p, "fq");
  if (!fq) return Fail(fq);
  if (*fq) req.fq.push_back(**fq);
  auto fq_list = GetList(p, "fq_list");
  if (!fq_list) return Fail(fq_list);
  for (auto& f : *fq_list) req.fq.push_back(f);
  auto rows = GetCount(p, "rows", 10, SIZE_MAX / 2);
  if (!rows) return Fail(rows);
  req.rows = *rows;
  auto start = GetCount(p, "start", 0, SIZE_MAX / 2);
  if (!start) return Fail(start);
  req.start = *start;
  auto sort = GetString(p, "sort");
  if (!sort) return Fail(sort);
  req.sort = sort->value_or("");
  auto facets = GetList(p, "facet.field");
  if (!facets) return Fail(facets);
  req.facet_fields = *facets;
  auto facet_limit = GetCount(p, "facet.limit", 50, 1000);
  if (!facet_limit) return Fail(facet_limit);
  req.facet_limit = *facet_limit;
  auto include_private = GetBool(p, "include_private", false);
  if (!include_private) return Fail(include_private);
  req.include_private = *include_private;

  auto page = actions::SearchDatasets(c.ctx, req);
  if (!page) return Fail(page);
  json::object out;
  out["count"] = page->total;
  out["sort"] = req.sort.empty() ? "score desc, metadata_modified desc" : req.sort;
  json::array results;
  for (const auto& d : page->results) results.emplace_back(PackageDict(c.ctx, d));
  out["results"] = std::move(results);
  if (!page->did_you_mean.empty()) out["did_you_mean"] = page->did_you_mean;
  json::object facets_out, search_facets;
  for (const auto& [field, counts] : page->facets) {
    json::object f;
    json::array items;
    for (const auto& fc : counts) {
      f[fc.value] = fc.count;
      items.emplace_back(json::object{{"name", fc.value}, {"display_name", fc.value}, {"count", fc.count}});
    }
    facets_out[field] = std::move(f);
    search_facets[field] = json::object{{"title", field}, {"items", std::move(items)}};
  }
  out["facets"] = std::move(facets_out);
  out["search_facets"] = std::move(search_facets);
  return out;
}

// Pintu extension for search boxes: type-ahead completions of `q` (titles and keywords).
Result<json::value> SearchSuggest(Call& c) {
  auto q = GetString(c.params.values, "q");
  if (!q) return Fail(q);
  auto limit = GetCount(c.params.values, "limit", 10, 50);
  if (!limit) return Fail(limit);
  auto found = actions::SuggestSearches(c.ctx, q->value_or(""), *limit);
  if (!found) return Fail(found);
  json::array out;
  for (auto& s : *found) out.emplace_back(s);
  return out;
}

Result<json::value> CurrentPackageListWithResources(Call& c) {
  auto paging = GetPaging(c.params.values, 10, 1000);
  if (!paging) return Fail(paging);
  auto list = actions::ListDatasetsWithResources(c.ctx, paging->offset, paging->limit);
  if (!list) return Fail(list);
  json::array out;
  for (const auto& d : *list) out.emplace_back(PackageDict(c.ctx, d));
  return out;
}

// Reads a package dict from the parameters; "owner_org" may be an id or a name.
Result<Dataset> DatasetFromParams(Call& c) {
  return DatasetFromJson(json::value(c.params.values));
}

Result<json::value> PackageCreate(Call& c) {
  auto d = DatasetFromParams(c);
  if (!d) return Fail(d);
  auto created = actions::CreateDataset(c.ctx, std::move(*d));
  if (!created) return Fail(created);
  return PackageDict(c.ctx, *created);
}

Result<json::value> PackageUpdate(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto d = DatasetFromParams(c);
  if (!d) return Fail(d);
  auto existing = actions::ShowDataset(c.ctx, *id);
  if (!existing) return Fail(existing);
  d->id = existing->id;
  if (!c.params.values.contains("name")) d->slug = existing->slug;
  auto updated = actions::UpdateDataset(c.ctx, std::move(*d));
  if (!updated) return Fail(updated);
  return PackageDict(c.ctx, *updated);
}

Result<json::value> PackagePatch(Call& c) {
  auto id = GetString(c.params.values, "id");
  if (!id) return Fail(id);
  if (!*id || (*id)->empty()) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  auto patched = actions::PatchDataset(c.ctx, **id, c.params.values);
  if (!patched) return Fail(patched);
  return PackageDict(c.ctx, *patched);
}

Result<json::value> PackageDelete(Call& c) {
  auto id = GetId(c.params.values);
  if (!id) return Fail(id);
  auto r = actions::DeleteDataset(c.ctx, *id);
  if (!r) return Fail(r);
  return nullptr;
}

Result<json::value> ResourceShow(Call& c) {
  auto id = GetString(c.params.values, "id");
  if (!id) return Fail(id);
  if (!*id) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  auto r = actions::ShowResource(c.ctx, **id);
  if (!r) return Fail(r);
  return ResourceToJson(*r);
}

// resource_create / resource_update, with an optional file in the "upload" part.
Result<json::value> ResourceWrite(Call& c, bool create) {
  auto r = ResourceFromJson(json::value(c.params.values));
  if (!r) return Fail(r);
  const FilePart* file = nullptr;
  for (const auto& f : c.params.files)
    if (f.field == "upload") file = &f;
  if (!create && r->id.empty()) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  if (create && r->dataset_id.empty())
    return std::unexpected(Error::Invalid("package_id", "Missing value", "缺少 package_id"));
  if (create) r->id.clear();
  Result<Resource> out = file ? actions::UploadResourceFile(c.ctx, std::move(*r), {file->filename, file->bytes})
                       : create ? actions::CreateResource(c.ctx, std::move(*r))
                                : actions::UpdateResource(c.ctx, std::move(*r));
  if (!out) return Fail(out);
  return ResourceToJson(*out);
}

Result<json::value> ResourceCreate(Call& c) { return ResourceWrite(c, true); }
Result<json::value> ResourceUpdate(Call& c) { return ResourceWrite(c, false); }

Result<json::value> ResourcePatch(Call& c) {
  auto id = GetString(c.params.values, "id");
  if (!id) return Fail(id);
  if (!*id) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  auto r = actions::PatchResource(c.ctx, **id, c.params.values);
  if (!r) return Fail(r);
  return ResourceToJson(*r);
}

Result<json::value> ResourceDelete(Call& c) {
  auto id = GetString(c.params.values, "id");
  if (!id) return Fail(id);
  if (!*id) return std::unexpected(Error::Invalid("id", "Missing value", "缺少 id"));
  auto r = actions::DeleteResource(c.ctx, **id);
  if (!r) return Fail(r);
  return nullptr;
}

}  // namespace

const ActionEntry kPackageActions[] = {
    {"package_list", PackageList, false},
    {"package_show", PackageShow, false},
    {"package_search", PackageSearch, false},
    {"search_suggest", SearchSuggest, false},
    {"current_package_list_with_resources", CurrentPackageListWithResources, false},
    {"package_create", PackageCreate, true},
    {"package_update", PackageUpdate, true},
    {"package_patch", PackagePatch, true},
    {"package_delete", PackageDelete, true},
    {"resource_show", ResourceShow, false},
    {"resource_create", ResourceCreate, true},
    {"resource_update", ResourceUpdate, true},
    {"resource_patch", ResourcePatch, true},
    {"resource_delete", ResourceDelete, true},
};
const size_t kPackageActionCount = std::size(kPackageActions);

}  // namespace pintu::http::ckan

#include "actions/resources.h"

#include <filesystem>
#include <fstream>

#include "actions/authz.h"
#include "actions/datasets.h"
#include "core/hash.h"
#include "core/ids.h"
#include "core/model_json.h"
#include "core/text.h"

namespace fs = std::filesystem;

namespace pintu::actions {
namespace {

struct Located {
  Dataset dataset;
  size_t index = 0;
};

// Finds the dataset holding active resource `id`, if the caller may read it.
Result<Located> Locate(Context& ctx, std::string_view id) {
  auto r = ctx.store.GetResource(id);
  if (!r || r->state == State::kDeleted) return std::unexpected(Error::NotFound("Resource"));
  auto d = ShowDataset(ctx, r->dataset_id);
  if (!d) return std::unexpected(Error::NotFound("Resource"));
  for (size_t i = 0; i < d->resources.size(); ++i)
    if (d->resources[i].id == r->id) return Located{std::move(*d), i};
  return std::unexpected(Error::NotFound("Resource"));
}

// Re-reads `resource_id` from the updated dataset (the action assigns ids and times).
Result<Resource> FindIn(const Dataset& d, std::string_view resource_id) {
  for (const auto& r : d.resources)
    if (r.id == resource_id) return r;
  return std::unexpected(Error::Internal("resource vanished after write"));
}

}  // namespace

Result<Resource> CreateResource(Context& ctx, Resource input) {
  if (input.dataset_id.empty())
    return std::unexpected(Error::Invalid("package_id", "Missing value", "缺少資料集"));
  auto d = ShowDataset(ctx, input.dataset_id);
  if (!d) return std::unexpected(Error::Invalid("package_id", "Dataset not found", "找不到資料集"));
  if (!LooksLikeUuid(input.id) || ctx.store.GetResource(input.id)) input.id = NewUuid();
  std::string id = input.id;
  d->resources.push_back(std::move(input));
  auto updated = UpdateDataset(ctx, std::move(*d));
  if (!updated) return std::unexpected(updated.error());
  return FindIn(*updated, id);
}

Result<Resource> UpdateResource(Context& ctx, Resource input) {
  auto loc = Locate(ctx, input.id);
  if (!loc) return std::unexpected(loc.error());
  Resource& slot = loc->dataset.resources[loc->index];
  input.dataset_id = slot.dataset_id;
  input.created = slot.created;
  slot = std::move(input);
  std::string id = slot.id;
  auto updated = UpdateDataset(ctx, std::move(loc->dataset));
  if (!updated) return std::unexpected(updated.error());
  return FindIn(*updated, id);
}

Result<Resource> PatchResource(Context& ctx, std::string_view id, const boost::json::object& changes) {
  auto loc = Locate(ctx, id);
  if (!loc) return std::unexpected(loc.error());
  boost::json::object merged = ResourceToJson(loc->dataset.resources[loc->index]);
  for (const auto& kv : changes) merged[kv.key()] = kv.value();
  for (const char* key : {"name", "description"}) {
    std::string translated = std::string(key) + "_translated";
    if (changes.contains(key) && !changes.contains(translated)) merged.erase(translated);
  }
  auto parsed = ResourceFromJson(merged);
  if (!parsed) return std::unexpected(parsed.error());
  parsed->id = std::string(id);
  return UpdateResource(ctx, std::move(*parsed));
}

Result<void> DeleteResource(Context& ctx, std::string_view id) {
  auto loc = Locate(ctx, id);
  if (!loc) return std::unexpected(loc.error());
  loc->dataset.resources.erase(loc->dataset.resources.begin() + static_cast<long>(loc->index));
  auto updated = UpdateDataset(ctx, std::move(loc->dataset));
  if (!updated) return std::unexpected(updated.error());
  return {};
}

Result<Resource> ShowResource(Context& ctx, std::string_view id) {
  auto loc = Locate(ctx, id);
  if (!loc) return std::unexpected(loc.error());
  return loc->dataset.resources[loc->index];
}

std::string SanitizeFilename(std::string_view name) {
  // Keep only the last path component.
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos)
    name = name.substr(slash + 1);
  std::string out;
  for (unsigned char c : name) {
    if (c < 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '|' || c == ':' ||
        c == '*' || c == '?' || c == '%')
      out.push_back('_');
    else out.push_back(static_cast<char>(c));
  }
  while (!out.empty() && (out[0] == '.' || out[0] == ' ')) out.erase(0, 1);
  if (!IsValidUtf8(out)) out = "upload";
  if (out.size() > 200) out = out.substr(out.size() - 200);
  if (!IsValidUtf8(out) || out.empty()) out = "upload";
  return out;
}

Result<StoredFile> StoreUploadedFile(const Config& config, std::string_view dataset_id,
                                     std::string_view resource_id, const Upload& upload) {
  if (upload.bytes.size() > config.max_upload_bytes)
    return std::unexpected(Error::TooLarge("Upload is larger than " +
                                           std::to_string(config.max_upload_bytes) + " bytes"));
  if (!LooksLikeUuid(resource_id)) return std::unexpected(Error::Internal("bad resource id"));
  std::string filename = SanitizeFilename(upload.filename);
  fs::path dir = fs::path(config.UploadDir()) / std::string(resource_id);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return std::unexpected(Error::Internal("Cannot create upload folder: " + ec.message()));
  fs::path tmp = dir / (filename + ".part");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(upload.bytes.data(), static_cast<std::streamsize>(upload.bytes.size()));
    out.flush();
    if (!out) return std::unexpected(Error::Internal("Cannot write uploaded file"));
  }
  fs::rename(tmp, dir / filename, ec);
  if (ec) return std::unexpected(Error::Internal("Cannot store uploaded file: " + ec.message()));
  StoredFile out;
  out.url = config.EffectiveSiteUrl() + "/dataset/" + std::string(dataset_id) + "/resource/" +
            std::string(resource_id) + "/download/" + PercentEncodeSegment(filename);
  out.size = static_cast<int64_t>(upload.bytes.size());
  out.checksum = "sha256:" + Sha256Hex(upload.bytes);
  return out;
}

bool IsAcceptedUploadName(std::string_view filename) {
  static constexpr std::string_view kExtensions[] = {
      ".csv", ".tsv", ".txt", ".json", ".geojson", ".jsonld", ".xml", ".rdf", ".ttl", ".kml", ".kmz", ".gml",
      ".gpx", ".xlsx", ".xls", ".ods", ".odt", ".docx", ".doc", ".pdf", ".zip", ".gz", ".7z", ".shp", ".dbf",
      ".shx", ".prj", ".parquet", ".sqlite", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".md"};
  std::string lower = AsciiLower(filename);
  for (auto ext : kExtensions)
    if (lower.size() > ext.size() && lower.ends_with(ext)) return true;
  return false;
}

Result<Resource> UploadResourceFile(Context& ctx, Resource input, const Upload& upload) {
  std::string filename = SanitizeFilename(upload.filename);
  if (!IsAcceptedUploadName(filename))
    return std::unexpected(Error::Invalid(
        "upload", "This file type is not accepted; upload data (CSV, JSON, XML, XLSX, ODS, ZIP …) or documents (PDF)",
        "不接受此檔案類型；請上傳資料檔（CSV、JSON、XML、XLSX、ODS、ZIP 等）或文件（PDF）"));
  // Check rights before touching the disk.
  std::string dataset_ref = input.dataset_id;
  if (!input.id.empty()) {
    auto loc = Locate(ctx, input.id);
    if (!loc) return std::unexpected(loc.error());
    dataset_ref = loc->dataset.id;
  }
  auto d = ShowDataset(ctx, dataset_ref);
  if (!d) return std::unexpected(Error::Invalid("package_id", "Dataset not found", "找不到資料集"));
  if (auto ok = Require(CanEditInOrganization(ctx.identity, d->organization_id), "upload files to this dataset"); !ok)
    return std::unexpected(ok.error());
  bool is_new = input.id.empty();
  if (is_new) input.id = NewUuid();
  auto stored = StoreUploadedFile(ctx.config, d->id, input.id, upload);
  if (!stored) return std::unexpected(stored.error());
  input.uploaded = true;
  input.url = stored->url;
  input.size_bytes = stored->size;
  input.checksum = stored->checksum;
  if (input.name.Empty()) input.name.Set(kLangZh, filename);
  input.dataset_id = d->id;
  return is_new ? CreateResource(ctx, std::move(input)) : UpdateResource(ctx, std::move(input));
}

Result<std::string> UploadedFilePath(Context& ctx, std::string_view resource_id) {
  auto r = ShowResource(ctx, resource_id);
  if (!r) return std::unexpected(r.error());
  if (!r->uploaded) return std::unexpected(Error::NotFound("Uploaded file"));
  auto slash = r->url.rfind('/');
  std::string filename = PercentDecode(slash == std::string::npos ? r->url : r->url.substr(slash + 1));
  if (filename != SanitizeFilename(filename)) return std::unexpected(Error::NotFound("Uploaded file"));
  fs::path p = fs::path(ctx.config.UploadDir()) / r->id / filename;
  if (!fs::exists(p)) return std::unexpected(Error::NotFound("Uploaded file"));
  return p.string();
}

}  // namespace pintu::actions

// Resource (distribution) actions. A resource change is a change of its dataset:
// it needs edit rights on the dataset and is recorded as "changed package".
#pragma once

#include <boost/json.hpp>

#include "actions/context.h"

namespace pintu::actions {

// Appends `input` to the dataset named by input.dataset_id (id or slug).
Result<Resource> CreateResource(Context& ctx, Resource input);
// Replaces the resource with id input.id (its dataset and position stay).
Result<Resource> UpdateResource(Context& ctx, Resource input);
// Changes only the keys present in `changes`.
Result<Resource> PatchResource(Context& ctx, std::string_view id, const boost::json::object& changes);
// Soft-deletes the resource.
Result<void> DeleteResource(Context& ctx, std::string_view id);
// The active resource when the caller may read its dataset.
Result<Resource> ShowResource(Context& ctx, std::string_view id);

// A file received from a user.
struct Upload {
  std::string filename;  // as sent; sanitised before use
  std::string bytes;
};
// Where an uploaded file went.
struct StoredFile {
  std::string url;       // Pintu's download URL for it
  int64_t size = 0;
  std::string checksum;  // "sha256:<hex>"
};
// Writes `upload` under <data_dir>/uploads/<resource_id>/ (atomically: a temporary file
// renamed into place). Does not touch the store or check rights: callers do.
Result<StoredFile> StoreUploadedFile(const Config& config, std::string_view dataset_id,
                                     std::string_view resource_id, const Upload& upload);
// True for file names of data and document formats a portal accepts as uploads (by
// extension: .csv, .json, .xlsx, .pdf …); executables, HTML and scripts are refused.
bool IsAcceptedUploadName(std::string_view filename);
// Stores the file under <data_dir>/uploads/<resource id>/ and points the resource at
// Pintu's download URL, with size and sha256 filled in. With an empty input.id a new
// resource is created on dataset input.dataset_id; otherwise that resource is updated.
// A file type IsAcceptedUploadName refuses → validation error on "upload".
Result<Resource> UploadResourceFile(Context& ctx, Resource input, const Upload& upload);
// The local path of an uploaded resource's file, when the caller may read it.
Result<std::string> UploadedFilePath(Context& ctx, std::string_view resource_id);
// A file name reduced to safe characters (no path separators, no leading dots).
std::string SanitizeFilename(std::string_view name);

}  // namespace pintu::actions

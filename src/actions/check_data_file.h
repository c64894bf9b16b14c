// Checking a data file named by a local path or an http(s) URL. A URL is downloaded through
// the safe fetcher (address guard, redirect, time and size limits from the configuration)
// into a temporary file that is removed afterwards; what the server said about the file
// (Content-Type, Content-Disposition) becomes part of the facts the check compares with.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/config.h"
#include "core/error.h"
#include "quality/check_file.h"

namespace pintu::actions {

// The report and, for a URL, what the download showed.
struct DataFileCheck {
  quality::Report report;
  std::string source;        // the path, or the final URL after redirects
  std::string content_type;  // as sent by the server ("" for a path)
  int http_status = 0;       // 0 for a path
};

// True when `path_or_url` starts with http:// or https:// (case-insensitive).
bool IsHttpUrl(std::string_view path_or_url);

// Checks `path_or_url`. `facts` may be partly filled (declared format/encoding); the file
// name and content type of a download are filled in when empty. Fails when the file cannot
// be read: for a URL, with the fetcher's bilingual reason on field "url" (refused address,
// timeout, HTTP status other than 2xx, too large); for a path, as quality::CheckFile.
// `on_download` (may be empty) is told the bytes received so far while downloading.
Result<DataFileCheck> CheckDataFile(std::string_view path_or_url, const Config& config, quality::FileFacts facts,
                                    const quality::CheckOptions& options,
                                    const quality::CheckProgress& on_download = {});

}  // namespace pintu::actions

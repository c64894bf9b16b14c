#include "formats/publiccode/validate.h"

#include <fmt/format.h>

#include <fstream>
#include <system_error>

#include "formats/publiccode/decode.h"
#include "formats/publiccode/rules.h"

namespace pintu::formats::publiccode {
namespace fs = std::filesystem;

ValidationResult ValidatePubliccode(std::string_view bytes, const fs::path& base_dir, const ValidateOptions& options) {
  ValidationResult result;
  auto loaded = LoadYaml(bytes, options.limits);
  if (!loaded) {
    const YamlLoadError& e = loaded.error();
    result.errors.push_back({Severity::kError, "", e.message, e.message_zh, "", "", e.line, e.column});
    return result;
  }
  Decoded decoded = DecodePubliccode(*loaded->root, options.mode);
  for (Finding& f : decoded.findings) {
    (f.severity == Severity::kError ? result.errors : result.warnings).push_back(f);
  }
  FindingSink sink(decoded, result);
  CheckFieldRules(decoded, options, sink);
  CheckFileRules(decoded, base_dir, options, sink);
  result.version = decoded.doc.publiccode_yml_version;
  result.document = std::move(decoded.doc);
  return result;
}

Result<ValidationResult> ValidatePubliccodeFile(const fs::path& path, const ValidateOptions& options) {
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);  // follows symlinks; fails for dangling ones
  if (ec) return std::unexpected(Error::BadRequest(fmt::format("cannot read {}: {}", path.string(), ec.message())));
  if (!fs::is_regular_file(target, ec)) {
    return std::unexpected(Error::BadRequest(fmt::format("cannot read {}: not a regular file", path.string())));
  }
  auto size = fs::file_size(target, ec);
  if (ec) return std::unexpected(Error::BadRequest(fmt::format("cannot read {}: {}", path.string(), ec.message())));
  if (size > options.limits.max_bytes) {
    return std::unexpected(Error::TooLarge(fmt::format("{} is too large: {} bytes (the limit is {} bytes)", path.string(),
                                                       size, options.limits.max_bytes)));
  }
  std::ifstream in(target, std::ios::binary);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (!in && !in.eof()) return std::unexpected(Error::BadRequest(fmt::format("cannot read {}", path.string())));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  // Assets resolve against the folder of the file as named (a symlinked publiccode.yml
  // keeps the folder it is linked from, as a repository checkout sees it).
  fs::path named = fs::absolute(path, ec);
  return ValidatePubliccode(bytes, (ec ? path : named).parent_path(), options);
}

Result<std::shared_ptr<const std::unordered_set<std::string>>> LoadIpaCodes(const fs::path& path) {
  std::ifstream in(path);
  if (!in) return std::unexpected(Error::BadRequest(fmt::format("cannot read iPA code list {}", path.string())));
  auto codes = std::make_shared<std::unordered_set<std::string>>();
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) continue;
    for (char& c : line) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    codes->insert(line);
  }
  return std::shared_ptr<const std::unordered_set<std::string>>(std::move(codes));
}

}  // namespace pintu::formats::publiccode

#include "actions/croissant_validate.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace pintu::actions {
namespace {

Error Localized(Error e, std::string zh) {
  e.fields.push_back({"file", e.message, std::move(zh)});
  return e;
}

}  // namespace

Result<formats::CroissantValidity> ValidateCroissantFile(const std::string& path) {
  const formats::CroissantLimits limits;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    Error e = Error::NotFound("File");
    e.message = "No such file: " + path;
    return std::unexpected(Localized(std::move(e), "找不到檔案：" + path));
  }
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > limits.max_bytes)
    return std::unexpected(Localized(
        Error::TooLarge(path + " is " + std::to_string(size) + " bytes; the limit is " +
                        std::to_string(limits.max_bytes) + "."),
        path + " 有 " + std::to_string(size) + " 位元組，超過上限 " + std::to_string(limits.max_bytes) + "。"));
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  if (!in && !in.eof())
    return std::unexpected(Localized(Error::BadRequest("Cannot read " + path + "."), "無法讀取 " + path + "。"));
  auto v = formats::ValidateCroissantText(text.str(), limits);
  if (!v) {
    std::string zh = v.error().code == ErrorCode::kTooLarge ? path + " 超過大小上限。"
                                                             : path + " 不是有效的 JSON：" + v.error().message;
    return std::unexpected(Localized(v.error(), std::move(zh)));
  }
  return v;
}

}  // namespace pintu::actions

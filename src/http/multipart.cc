#include "http/multipart.h"

#include "core/text.h"

namespace pintu::http {
namespace {

// The value of `param` (e.g. boundary, name, filename) in a header value.
std::string HeaderParam(std::string_view header, std::string_view param) {
  std::string lower = AsciiLower(header);
  std::string needle = std::string(param) + "=";
  size_t pos = 0;
  while ((pos = lower.find(needle, pos)) != std::string::npos) {
    // Must start a parameter (after ';' or whitespace), e.g. not "filename" for "name".
    if (pos > 0 && lower[pos - 1] != ';' && lower[pos - 1] != ' ' && lower[pos - 1] != '\t') {
      pos += needle.size();
      continue;
    }
    size_t start = pos + needle.size();
    if (start < header.size() && header[start] == '"') {
      size_t end = header.find('"', start + 1);
      if (end == std::string_view::npos) return {};
      return std::string(header.substr(start + 1, end - start - 1));
    }
    size_t end = header.find(';', start);
    return std::string(Trim(header.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
  }
  return {};
}

}  // namespace

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view content_type,
                                                  size_t max_parts) {
  std::string boundary = HeaderParam(content_type, "boundary");
  if (boundary.empty() || boundary.size() > 200)
    return std::unexpected(Error::BadRequest("multipart/form-data without a valid boundary"));
  std::string delim = "--" + boundary;
  std::vector<MultipartPart> parts;
  size_t pos = body.find(delim);
  if (pos == std::string_view::npos)
    return std::unexpected(Error::BadRequest("multipart body does not contain its boundary"));
  pos += delim.size();
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // final boundary
    if (body.substr(pos, 2) != "\r\n")
      return std::unexpected(Error::BadRequest("multipart boundary not followed by CRLF"));
    pos += 2;
    size_t headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos)
      return std::unexpected(Error::BadRequest("multipart part without a header terminator"));
    MultipartPart part;
    for (auto line : Split(body.substr(pos, headers_end - pos), '\n')) {
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      std::string name = AsciiLower(Trim(line.substr(0, colon)));
      std::string_view value = Trim(line.substr(colon + 1));
      if (name == "content-disposition") {
        part.name = HeaderParam(value, "name");
        part.filename = HeaderParam(value, "filename");
      } else if (name == "content-type") {
        part.content_type = std::string(value);
      }
    }
    size_t data_start = headers_end + 4;
    size_t next = body.find("\r\n" + delim, data_start);
    if (next == std::string_view::npos)
      return std::unexpected(Error::BadRequest("multipart part is not terminated by the boundary"));
    part.body = std::string(body.substr(data_start, next - data_start));
    if (part.name.empty())
      return std::unexpected(Error::BadRequest("multipart part without a form field name"));
    if (parts.size() >= max_parts)
      return std::unexpected(Error::TooLarge("Too many multipart parts (at most " + std::to_string(max_parts) + ")"));
    parts.push_back(std::move(part));
    pos = next + 2 + delim.size();
  }
}

}  // namespace pintu::http

#include "quality/json_check.h"

#include <boost/json/basic_parser_impl.hpp>

namespace pintu::quality {
namespace {

using boost::system::error_code;
using boost::json::string_view;

// A parser handler that accepts everything: only the syntax is checked.
struct NullHandler {
  constexpr static std::size_t max_object_size = std::size_t(-1);
  constexpr static std::size_t max_array_size = std::size_t(-1);
  constexpr static std::size_t max_key_size = std::size_t(-1);
  constexpr static std::size_t max_string_size = std::size_t(-1);
  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) { return true; }
  bool on_object_end(std::size_t, error_code&) { return true; }
  bool on_array_begin(error_code&) { return true; }
  bool on_array_end(std::size_t, error_code&) { return true; }
  bool on_key_part(string_view, std::size_t, error_code&) { return true; }
  bool on_key(string_view, std::size_t, error_code&) { return true; }
  bool on_string_part(string_view, std::size_t, error_code&) { return true; }
  bool on_string(string_view, std::size_t, error_code&) { return true; }
  bool on_number_part(string_view, error_code&) { return true; }
  bool on_int64(std::int64_t, string_view, error_code&) { return true; }
  bool on_uint64(std::uint64_t, string_view, error_code&) { return true; }
  bool on_double(double, string_view, error_code&) { return true; }
  bool on_bool(bool, error_code&) { return true; }
  bool on_null(error_code&) { return true; }
  bool on_comment_part(string_view, error_code&) { return true; }
  bool on_comment(string_view, error_code&) { return true; }
};

boost::json::parse_options Options(std::size_t max_depth) {
  boost::json::parse_options options;
  options.max_depth = max_depth;
  return options;
}

// zh-TW wording of the parser's most common complaints.
std::string ReasonZh(const error_code& ec) {
  using boost::json::error;
  if (ec == error::syntax) return "語法錯誤";
  if (ec == error::extra_data) return "JSON 值之後還有多餘的內容";
  if (ec == error::incomplete) return "檔案在 JSON 值結束前就結束了";
  if (ec == error::too_deep) return "巢狀層數過深";
  if (ec == error::invalid_escape) return "字串中有無效的跳脫字元";
  return "不是有效的 JSON（" + ec.message() + "）";
}

}  // namespace

struct JsonSyntaxCheck::Impl {
  explicit Impl(std::size_t max_depth) : parser(Options(max_depth)) {}
  boost::json::basic_parser<NullHandler> parser;
  std::uint64_t offset = 0;  // bytes accepted so far
  std::optional<JsonSyntaxError> error;

  void Fail(const error_code& ec) {
    error = JsonSyntaxError{offset, ec.message(), ReasonZh(ec)};
  }
};

JsonSyntaxCheck::JsonSyntaxCheck(std::size_t max_depth) : impl_(std::make_unique<Impl>(max_depth)) {}
JsonSyntaxCheck::~JsonSyntaxCheck() = default;

bool JsonSyntaxCheck::Feed(std::string_view chunk) {
  Impl& s = *impl_;
  if (s.error) return false;
  if (chunk.empty()) return true;
  error_code ec;
  const std::size_t used = s.parser.write_some(true, chunk.data(), chunk.size(), ec);
  s.offset += used;
  if (ec) {
    s.Fail(ec);
    return false;
  }
  return true;
}

std::optional<JsonSyntaxError> JsonSyntaxCheck::Finish() {
  Impl& s = *impl_;
  if (s.error) return s.error;
  error_code ec;
  s.parser.write_some(false, nullptr, 0, ec);
  if (ec) s.Fail(ec);
  return s.error;
}

}  // namespace pintu::quality

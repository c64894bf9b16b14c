#include "formats/publiccode/value_checks.h"

#include <algorithm>
#include <cctype>

namespace pintu::formats::publiccode {
namespace {

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Length of a URL scheme at the start of `s` followed by ':', or 0.
std::size_t SchemeLength(std::string_view s) {
  if (s.empty() || !IsAlpha(s[0])) return 0;
  std::size_t i = 1;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '+' || s[i] == '-' || s[i] == '.')) ++i;
  return i < s.size() && s[i] == ':' ? i : 0;
}

}  // namespace

bool IsUrl(std::string_view s) {
  if (std::any_of(s.begin(), s.end(), IsSpace)) return false;
  std::size_t n = SchemeLength(s);
  return n > 0 && s.size() > n + 1;
}

bool IsHttpUrl(std::string_view s) {
  if (!IsUrl(s)) return false;
  std::string lower = Lower(s.substr(0, 8));
  std::size_t rest;
  if (lower.starts_with("http://")) rest = 7;
  else if (lower.starts_with("https://")) rest = 8;
  else return false;
  std::string_view host = s.substr(rest);
  host = host.substr(0, host.find_first_of("/?#"));
  if (auto at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  return !host.empty() && host.front() != ':';
}

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  int year = std::stoi(std::string(s.substr(0, 4)));
  int month = std::stoi(std::string(s.substr(5, 2)));
  int day = std::stoi(std::string(s.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int max = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= max;
}

bool IsEmail(std::string_view s) {
  if (s.size() > 254 || std::any_of(s.begin(), s.end(), IsSpace)) return false;
  auto at = s.find('@');
  if (at == 0 || at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  std::string_view domain = s.substr(at + 1);
  auto dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() && domain.find("..") == std::string_view::npos;
}

bool IsIpaCode(std::string_view code, const std::unordered_set<std::string>* ipa_codes) {
  if (code.empty()) return false;
  if (ipa_codes) return ipa_codes->contains(Lower(code));
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool IsOrganisationUri(std::string_view s, const std::unordered_set<std::string>* ipa_codes) {
  constexpr std::string_view kItalianPa = "urn:x-italian-pa:";
  if (s.starts_with(kItalianPa)) return IsIpaCode(s.substr(kItalianPa.size()), ipa_codes);
  if (Lower(s.substr(0, 4)) == "urn:") {
    std::string_view rest = s.substr(4);
    auto colon = rest.find(':');
    return colon != std::string_view::npos && colon > 0 && colon + 1 < rest.size() &&
           !std::any_of(s.begin(), s.end(), IsSpace);
  }
  return IsHttpUrl(s);
}

}  // namespace pintu::formats::publiccode

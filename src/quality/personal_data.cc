#include "quality/personal_data.h"

namespace pintu::quality {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlpha(char c) { return IsUpper(c) || IsLower(c); }
bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
char ToUpper(char c) { return IsLower(c) ? static_cast<char>(c - 'a' + 'A') : c; }

// The Ministry of the Interior's two-digit codes of the first letter (A=10 … Z=33).
constexpr int kLetterCode[26] = {10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
                                 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33};

}  // namespace

bool IsTaiwanIdNumber(std::string_view id) {
  if (id.size() != 10 || !IsAlpha(id[0])) return false;
  const int code = kLetterCode[ToUpper(id[0]) - 'A'];
  int second;
  const char c1 = ToUpper(id[1]);
  if (c1 == '1' || c1 == '2' || c1 == '8' || c1 == '9') {
    second = c1 - '0';
  } else if (c1 >= 'A' && c1 <= 'D') {
    second = kLetterCode[c1 - 'A'] % 10;  // old resident certificate format
  } else {
    return false;
  }
  for (std::size_t i = 2; i < 10; ++i) {
    if (!IsDigit(id[i])) return false;
  }
  int sum = (code / 10) + (code % 10) * 9 + second * 8;
  for (std::size_t i = 2; i < 9; ++i) sum += (id[i] - '0') * static_cast<int>(9 - i);
  sum += id[9] - '0';
  return sum % 10 == 0;
}

std::optional<TextSpan> FindTaiwanIdNumber(std::string_view text) {
  if (text.size() < 10) return std::nullopt;
  for (std::size_t i = 0; i + 10 <= text.size(); ++i) {
    if (!IsAlpha(text[i])) continue;
    if (i > 0 && IsAlnum(text[i - 1])) continue;
    if (i + 10 < text.size() && IsAlnum(text[i + 10])) continue;
    if (IsTaiwanIdNumber(text.substr(i, 10))) return TextSpan{i, 10};
  }
  return std::nullopt;
}

namespace {

// Matches "9xx" "[-| ]?" "xxx" "[-| ]?" "xxx" at text[i] (the part after 0 or +886).
// Returns the matched length or 0.
std::size_t MatchMobileTail(std::string_view t, std::size_t i) {
  std::size_t p = i;
  auto digits = [&](std::size_t n) {
    for (std::size_t k = 0; k < n; ++k, ++p) {
      if (p >= t.size() || !IsDigit(t[p])) return false;
    }
    return true;
  };
  auto separator = [&] {
    if (p < t.size() && (t[p] == '-' || t[p] == ' ')) ++p;
  };
  if (p >= t.size() || t[p] != '9') return 0;
  if (!digits(3)) return 0;
  separator();
  if (!digits(3)) return 0;
  separator();
  if (!digits(3)) return 0;
  if (p < t.size() && IsDigit(t[p])) return 0;
  return p - i;
}

}  // namespace

std::optional<TextSpan> FindMobilePhone(std::string_view t) {
  if (t.size() < 10) return std::nullopt;
  for (std::size_t i = 0; i + 10 <= t.size(); ++i) {
    const char c = t[i];
    if (c != '0' && c != '+' && c != '8') continue;
    if (i > 0 && IsDigit(t[i - 1])) continue;
    if (c == '0') {
      if (std::size_t n = MatchMobileTail(t, i + 1)) return TextSpan{i, n + 1};
      continue;
    }
    std::size_t p = i + (c == '+' ? 1 : 0);
    if (t.substr(p, 3) != "886") continue;
    p += 3;
    if (p < t.size() && (t[p] == '-' || t[p] == ' ')) ++p;
    if (std::size_t n = MatchMobileTail(t, p)) return TextSpan{i, p + n - i};
  }
  return std::nullopt;
}

namespace {

bool IsLocalChar(char c) {
  return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}
bool IsDomainChar(char c) { return IsAlnum(c) || c == '-' || c == '.'; }

}  // namespace

std::optional<TextSpan> FindEmailAddress(std::string_view t) {
  for (std::size_t at = t.find('@'); at != std::string_view::npos; at = t.find('@', at + 1)) {
    // Local part: up to 64 allowed characters right before "@".
    std::size_t start = at;
    while (start > 0 && at - start < 64 && IsLocalChar(t[start - 1])) --start;
    if (start == at || t[start] == '.') continue;
    // Domain: allowed characters right after "@", at most 255 bytes.
    std::size_t end = at + 1;
    while (end < t.size() && end - at <= 255 && IsDomainChar(t[end])) ++end;
    while (end > at + 1 && (t[end - 1] == '.' || t[end - 1] == '-')) --end;  // "a@b.tw."
    std::string_view domain = t.substr(at + 1, end - at - 1);
    std::size_t dot = domain.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || domain.front() == '-') continue;
    std::string_view tld = domain.substr(dot + 1);
    if (tld.size() < 2) continue;
    bool letters = true;
    for (char c : tld) letters = letters && IsAlpha(c);
    if (!letters || domain.find("..") != std::string_view::npos) continue;
    return TextSpan{start, end - start};
  }
  return std::nullopt;
}

std::string MaskIdNumber(std::string_view id) {
  if (id.size() <= 6) return std::string(id.size(), '*');
  std::string out(id.substr(0, 3));
  out.append(id.size() - 6, '*');
  out.append(id.substr(id.size() - 3));
  return out;
}

std::string MaskPhone(std::string_view phone) {
  std::string out;
  std::size_t digits_total = 0;
  for (char c : phone) digits_total += IsDigit(c);
  std::size_t seen = 0;
  for (char c : phone) {
    if (!IsDigit(c)) {
      out += c;
      continue;
    }
    ++seen;
    out += (seen <= 4 || seen > digits_total - 3) ? c : '*';
  }
  return out;
}

std::string MaskEmail(std::string_view email) {
  std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0) return std::string(email.size(), '*');
  std::string out(1, email[0]);
  out += "***";
  out.append(email.substr(at));
  return out;
}

}  // namespace pintu::quality

#include "http/web/session_cookie.h"

namespace pintu::http::web {

std::string MakeCookie(std::string_view name, std::string_view value, long max_age_s, bool secure,
                       std::string_view same_site) {
  std::string c = std::string(name) + "=" + std::string(value) + "; Path=/; Max-Age=" + std::to_string(max_age_s) +
                  "; HttpOnly; SameSite=" + std::string(same_site);
  if (secure) c += "; Secure";
  return c;
}

std::string ClearCookie(std::string_view name) {
  return std::string(name) + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax";
}

}  // namespace pintu::http::web

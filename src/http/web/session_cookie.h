// The portal's cookies: the login session and the pre-login CSRF secret.
#pragma once

#include <string>
#include <string_view>

namespace pintu::http::web {

inline constexpr std::string_view kSessionCookie = "pintu_session";
inline constexpr std::string_view kLoginCsrfCookie = "pintu_login";

// A Set-Cookie value: HttpOnly, SameSite, Path=/, and Secure when the site is https.
std::string MakeCookie(std::string_view name, std::string_view value, long max_age_s, bool secure,
                       std::string_view same_site = "Lax");
// A Set-Cookie value that deletes the cookie.
std::string ClearCookie(std::string_view name);

}  // namespace pintu::http::web

// Portal login sessions: a name and password exchanged for a secret kept in an HttpOnly
// cookie. Only the secret's hash is stored (a token of kind "session" that expires);
// every form of a logged-in user carries a CSRF token derived from the secret.
#pragma once

#include <chrono>
#include <string>

#include "actions/context.h"

namespace pintu::actions {

inline constexpr std::chrono::hours kSessionLifetime{12};

// A session just opened: the secret for the cookie and the CSRF token for its forms.
struct OpenedSession {
  std::string secret;
  std::string csrf;
  User user;
};
// Checks name and password (argon2id) and opens a session of kSessionLifetime.
// Wrong name or password → the same Authorization error ("name or password is wrong").
Result<OpenedSession> Login(Store& store, std::string_view name, std::string_view password);

// Who is logged in with this cookie secret, with the session's CSRF token. Empty
// secret → anonymous with an empty CSRF token; unknown, expired or ended session →
// kAuthorization (the portal then treats the visitor as anonymous).
struct SessionIdentity {
  Identity identity;
  std::string csrf;
};
Result<SessionIdentity> ResumeSession(StoreReader& store, std::string_view secret);

// Ends the session (logout). Unknown secrets are ignored.
Result<void> Logout(Store& store, std::string_view secret);

// The CSRF token of a session secret (also used for pre-login forms with a random
// secret kept in a cookie): hex SHA-256 of a domain-separated secret.
std::string CsrfTokenFor(std::string_view secret);

// Constant-time comparison of two tokens.
bool TokensEqual(std::string_view a, std::string_view b);

}  // namespace pintu::actions

// Users, API tokens, memberships and authentication.
#pragma once

#include "actions/context.h"

namespace pintu::actions {

struct NewUser {
  std::string name;       // login name, [a-z0-9_-]{2,100}
  std::string full_name;
  std::string email;
  std::string password;   // empty = token-only account; else at least 8 characters
  bool sysadmin = false;
};
// Creates a user (sysadmins only). The password is stored as an argon2id hash.
Result<User> CreateUser(Context& ctx, const NewUser& input);
// Checks a name/password pair; returns the user or an Authorization error (same
// message whether the name or the password was wrong).
Result<User> VerifyPassword(StoreReader& store, std::string_view name, std::string_view password);

// A freshly created token: the secret is shown once and never stored.
struct IssuedToken {
  Token token;
  std::string secret;
};
// Creates an API token for `user_ref` (the caller themself, or anyone for sysadmins).
Result<IssuedToken> CreateToken(Context& ctx, std::string_view user_ref, std::string_view label);
// The caller's API tokens (not login sessions), revoked ones included, oldest first.
Result<std::vector<Token>> ListOwnTokens(Context& ctx);
// Revokes one of the caller's tokens (sysadmins: anyone's).
Result<void> RevokeToken(Context& ctx, std::string_view token_id);

// The identity behind an Authorization header value ("<token>" or "Bearer <token>").
// An empty header is anonymous; an unknown or revoked token is an Authorization error.
Result<Identity> Authenticate(StoreReader& store, std::string_view authorization_header);
// The identity of `user` with their memberships loaded.
Result<Identity> IdentityOf(StoreReader& store, const User& user);

// Gives `user_ref` the role in `org_ref` (org admins and sysadmins).
Result<Membership> SetMembership(Context& ctx, std::string_view org_ref, std::string_view user_ref,
                                 MemberRole role);
Result<void> RemoveMembership(Context& ctx, std::string_view org_ref, std::string_view user_ref);
// Members of an organisation with their user records (org members and sysadmins).
Result<std::vector<std::pair<User, MemberRole>>> ListMembers(Context& ctx, std::string_view org_ref);

// Hex SHA-256 of a token secret, as stored.
std::string HashTokenSecret(std::string_view secret);

}  // namespace pintu::actions

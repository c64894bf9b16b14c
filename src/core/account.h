// People, their API tokens and their roles in organisations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/vocabulary.h"

namespace pintu {

struct User {
  std::string id;    // UUID
  std::string name;  // login name, [a-z0-9_-]{2,100}
  std::string full_name;
  std::string email;
  std::string password_hash;  // argon2id string; empty = cannot log in with a password
  bool sysadmin = false;
  State state = State::kActive;
  std::string created;
};

// An API token. Only the hash is stored; the secret is shown once at creation.
struct Token {
  std::string id;
  std::string user_id;
  std::string name;        // label chosen by the user
  std::string token_hash;  // hex BLAKE2b of the secret
  std::string created;
  std::string last_used;
  bool revoked = false;
  std::string kind = "api";  // "api" (Authorization header) or "session" (portal login cookie)
  std::string expires;       // ISO-8601 UTC after which the token no longer works; "" = never
};

// A user's role in one organisation.
struct Membership {
  std::string user_id;
  std::string organization_id;
  MemberRole role = MemberRole::kMember;
};

// Who is calling an action: anonymous, a user, or the system itself (CLI, demo loader).
struct Identity {
  std::optional<User> user;  // empty = anonymous
  bool system = false;       // trusted internal caller: may do anything
  std::vector<Membership> memberships;  // the user's roles, loaded with the identity

  static Identity Anonymous() { return {}; }
  static Identity System() { Identity i; i.system = true; return i; }
  bool IsSysadmin() const { return system || (user && user->sysadmin); }
  // The user's role in `org_id`, if any.
  std::optional<MemberRole> RoleIn(const std::string& org_id) const {
    for (const auto& m : memberships)
      if (m.organization_id == org_id) return m.role;
    return std::nullopt;
  }
  // Name to record as the actor of a write ("system" or "anonymous" when no user).
  std::string ActorName() const {
    if (user) return user->name;
    return system ? "system" : "anonymous";
  }
};

}  // namespace pintu

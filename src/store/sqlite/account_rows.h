// Reading and writing users, API tokens and memberships.
#pragma once

#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/error.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// The user whose id, else login name, is `id_or_name`; kNotFound when none.
Result<User> ReadUser(Connection& conn, std::string_view id_or_name);
// All users (any state) ordered by name.
Result<std::vector<User>> ReadUsers(Connection& conn);
// Inserts or replaces by id. A name used by another user → kConflict on "name".
Result<void> WriteUser(Connection& conn, const User& u);

// The unrevoked token with this hash; kNotFound otherwise.
Result<Token> ReadTokenByHash(Connection& conn, std::string_view token_hash);
// All tokens of the user (revoked ones included), oldest first.
Result<std::vector<Token>> ReadTokens(Connection& conn, std::string_view user_id);
// Inserts or replaces by id. The user must exist.
Result<void> WriteToken(Connection& conn, const Token& t);

// The user's memberships ordered by organisation id.
Result<std::vector<Membership>> ReadMembershipsOfUser(Connection& conn, std::string_view user_id);
// The organisation's members ordered by user id.
Result<std::vector<Membership>> ReadMembersOfOrganization(Connection& conn,
                                                          std::string_view org_id);
// Inserts or updates the role. User and organisation must exist (else kNotFound).
Result<void> WriteMembership(Connection& conn, const Membership& m);
// Removes the membership; removing one that does not exist is not an error.
Result<void> DeleteMembership(Connection& conn, std::string_view user_id, std::string_view org_id);

}  // namespace pintu::sqlite

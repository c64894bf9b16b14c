#include "store/sqlite/account_rows.h"

namespace pintu::sqlite {
namespace {

constexpr std::string_view kUserColumns =
    "SELECT id, name, full_name, email, password_hash, sysadmin, state, created FROM users ";
constexpr std::string_view kTokenColumns =
    "SELECT id, user_id, name, token_hash, created, last_used, revoked, kind, expires FROM tokens ";

User UserFromRow(const Statement& st) {
  User u;
  u.id = st.Text(0);
  u.name = st.Text(1);
  u.full_name = st.Text(2);
  u.email = st.Text(3);
  u.password_hash = st.Text(4);
  u.sysadmin = st.Int(5) != 0;
  u.state = ParseState(st.View(6)).value_or(State::kActive);
  u.created = st.Text(7);
  return u;
}

Token TokenFromRow(const Statement& st) {
  Token t;
  t.id = st.Text(0);
  t.user_id = st.Text(1);
  t.name = st.Text(2);
  t.token_hash = st.Text(3);
  t.created = st.Text(4);
  t.last_used = st.Text(5);
  t.revoked = st.Int(6) != 0;
  t.kind = st.Text(7);
  t.expires = st.Text(8);
  return t;
}

Membership MembershipFromRow(const Statement& st) {
  Membership m;
  m.user_id = st.Text(0);
  m.organization_id = st.Text(1);
  m.role = ParseMemberRole(st.View(2)).value_or(MemberRole::kMember);
  return m;
}

}  // namespace

Result<User> ReadUser(Connection& conn, std::string_view id_or_name) {
  static const std::string by_id = std::string(kUserColumns) + "WHERE id = ?";
  static const std::string by_name = std::string(kUserColumns) + "WHERE name = ?";
  for (const std::string* sql : {&by_id, &by_name}) {
    auto users = QueryAll<User>(conn, *sql, UserFromRow, id_or_name);
    if (!users) return std::unexpected(users.error());
    if (!users->empty()) return std::move(users->front());
  }
  return std::unexpected(Error::NotFound("User"));
}

Result<std::vector<User>> ReadUsers(Connection& conn) {
  static const std::string sql = std::string(kUserColumns) + "ORDER BY name";
  return QueryAll<User>(conn, sql, UserFromRow);
}

Result<void> WriteUser(Connection& conn, const User& u) {
  if (u.id.empty()) return std::unexpected(Error::Invalid("id", "A user needs an id", "使用者缺少 id"));
  if (u.name.empty()) return std::unexpected(Error::Invalid("name", "Missing value", "缺少帳號名稱"));
  auto st = conn.Prepare(
      "INSERT INTO users (id, name, full_name, email, password_hash, sysadmin, state, created) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT (id) DO UPDATE SET name = excluded.name, full_name = excluded.full_name, "
      " email = excluded.email, password_hash = excluded.password_hash, "
      " sysadmin = excluded.sysadmin, state = excluded.state, created = excluded.created");
  if (!st) return std::unexpected(st.error());
  st->Bind(u.id, u.name, u.full_name, u.email, u.password_hash, u.sysadmin, ToCode(u.state),
           u.created);
  if (auto r = st->Run(); !r) {
    if (IsUniqueViolation(st->last_code()))
      return std::unexpected(Error::Conflict("name", "That login name is not available."));
    return r;
  }
  return Ok();
}

Result<Token> ReadTokenByHash(Connection& conn, std::string_view token_hash) {
  static const std::string sql = std::string(kTokenColumns) + "WHERE token_hash = ? AND revoked = 0";
  auto tokens = QueryAll<Token>(conn, sql, TokenFromRow, token_hash);
  if (!tokens) return std::unexpected(tokens.error());
  if (tokens->empty()) return std::unexpected(Error::NotFound("Token"));
  return std::move(tokens->front());
}

Result<std::vector<Token>> ReadTokens(Connection& conn, std::string_view user_id) {
  static const std::string sql = std::string(kTokenColumns) + "WHERE user_id = ? ORDER BY created, id";
  return QueryAll<Token>(conn, sql, TokenFromRow, user_id);
}

Result<void> WriteToken(Connection& conn, const Token& t) {
  if (t.id.empty()) return std::unexpected(Error::Invalid("id", "A token needs an id", "權杖缺少 id"));
  auto st = conn.Prepare(
      "INSERT INTO tokens (id, user_id, name, token_hash, created, last_used, revoked, kind, expires) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
      "ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, name = excluded.name, "
      " token_hash = excluded.token_hash, created = excluded.created, "
      " last_used = excluded.last_used, revoked = excluded.revoked, kind = excluded.kind, "
      " expires = excluded.expires");
  if (!st) return std::unexpected(st.error());
  st->Bind(t.id, t.user_id, t.name, t.token_hash, t.created, t.last_used, t.revoked, t.kind, t.expires);
  if (auto r = st->Run(); !r) {
    if (IsForeignKeyViolation(st->last_code())) return std::unexpected(Error::NotFound("User"));
    if (IsUniqueViolation(st->last_code()))
      return std::unexpected(Error::Conflict("token_hash", "That token already exists."));
    return r;
  }
  return Ok();
}

Result<std::vector<Membership>> ReadMembershipsOfUser(Connection& conn, std::string_view user_id) {
  return QueryAll<Membership>(
      conn,
      "SELECT user_id, organization_id, role FROM memberships WHERE user_id = ? "
      "ORDER BY organization_id",
      MembershipFromRow, user_id);
}

Result<std::vector<Membership>> ReadMembersOfOrganization(Connection& conn,
                                                          std::string_view org_id) {
  return QueryAll<Membership>(
      conn,
      "SELECT user_id, organization_id, role FROM memberships WHERE organization_id = ? "
      "ORDER BY user_id",
      MembershipFromRow, org_id);
}

Result<void> WriteMembership(Connection& conn, const Membership& m) {
  auto st = conn.Prepare(
      "INSERT INTO memberships (user_id, organization_id, role) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (user_id, organization_id) DO UPDATE SET role = excluded.role");
  if (!st) return std::unexpected(st.error());
  st->Bind(m.user_id, m.organization_id, ToCode(m.role));
  if (auto r = st->Run(); !r) {
    if (IsForeignKeyViolation(st->last_code()))
      return std::unexpected(Error::NotFound("User or organization"));
    return r;
  }
  return Ok();
}

Result<void> DeleteMembership(Connection& conn, std::string_view user_id, std::string_view org_id) {
  auto st = conn.Prepare("DELETE FROM memberships WHERE user_id = ? AND organization_id = ?");
  if (!st) return std::unexpected(st.error());
  st->Bind(user_id, org_id);
  return st->Run();
}

}  // namespace pintu::sqlite

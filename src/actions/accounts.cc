#include "actions/accounts.h"

#include <sodium.h>

#include "actions/activity_log.h"
#include "actions/authz.h"
#include "actions/organizations.h"
#include "core/hash.h"
#include "core/ids.h"
#include "core/model_json.h"
#include "core/text.h"
#include "core/time.h"

namespace pintu::actions {

std::string HashTokenSecret(std::string_view secret) { return Sha256Hex(secret); }

Result<User> CreateUser(Context& ctx, const NewUser& input) {
  if (auto ok = Require(ctx.identity.IsSysadmin(), "create users"); !ok) return std::unexpected(ok.error());
  Error e{ErrorCode::kValidation, "Validation failed", {}};
  if (!IsValidSlug(input.name))
    e.fields.push_back({"name", "Must be 2-100 characters of lowercase a-z, 0-9, - and _",
                        "必須是 2 到 100 個小寫英數字、- 或 _"});
  if (!input.password.empty() && CountCodePoints(input.password) < 8)
    e.fields.push_back({"password", "Must be at least 8 characters long", "至少需要 8 個字元"});
  if (!input.email.empty() && input.email.find('@') == std::string::npos)
    e.fields.push_back({"email", "Is not an email address", "不是有效的電子郵件地址"});
  if (!IsValidUtf8(input.full_name) || CountCodePoints(input.full_name) > 200)
    e.fields.push_back({"fullname", "Must be valid text of at most 200 characters", "最多 200 字"});
  if (!e.fields.empty()) return std::unexpected(e);

  User u;
  u.id = NewUuid();
  u.name = input.name;
  u.full_name = input.full_name;
  u.email = input.email;
  u.sysadmin = input.sysadmin;
  u.created = NowIso();
  if (!input.password.empty()) {
    if (sodium_init() < 0) return std::unexpected(Error::Internal("libsodium unavailable"));
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, input.password.data(), input.password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
      return std::unexpected(Error::Internal("Out of memory while hashing the password"));
    u.password_hash = hash;
  }
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    if (tx.GetUser(u.name)) return std::unexpected(Error::Conflict("name", "That login name is not available."));
    if (auto ok = tx.PutUser(u); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "new user", "user", u.id, {}, UserToJson(u));
  });
  if (!r) return std::unexpected(r.error());
  return u;
}

Result<User> VerifyPassword(StoreReader& store, std::string_view name, std::string_view password) {
  auto denied = std::unexpected(Error::Forbidden("Wrong user name or password"));
  auto u = store.GetUser(name);
  if (!u || u->state != State::kActive || u->password_hash.empty()) return denied;
  std::string hash = u->password_hash;
  if (crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) != 0) return denied;
  return u;
}

Result<IssuedToken> CreateToken(Context& ctx, std::string_view user_ref, std::string_view label) {
  auto u = ctx.store.GetUser(user_ref);
  if (!u) return std::unexpected(u.error());
  bool self = ctx.identity.user && ctx.identity.user->id == u->id;
  if (auto ok = Require(self || ctx.identity.IsSysadmin(), "create tokens for this user"); !ok)
    return std::unexpected(ok.error());
  if (!IsValidUtf8(label) || CountCodePoints(label) > 200)
    return std::unexpected(Error::Invalid("name", "Must be valid text of at most 200 characters", "最多 200 字"));
  IssuedToken out;
  out.secret = "pintu_" + RandomHex(32);
  out.token.id = NewUuid();
  out.token.user_id = u->id;
  out.token.name = label.empty() ? "api" : std::string(label);
  out.token.token_hash = HashTokenSecret(out.secret);
  out.token.created = NowIso();
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    if (auto ok = tx.PutToken(out.token); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "new api token", "user", u->id, {},
                          boost::json::object{{"token_id", out.token.id}, {"name", out.token.name}});
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<std::vector<Token>> ListOwnTokens(Context& ctx) {
  if (!ctx.identity.user) return std::unexpected(Error::Forbidden("Sign in to see your API tokens"));
  auto tokens = ctx.store.ListTokens(ctx.identity.user->id);
  if (!tokens) return std::unexpected(tokens.error());
  std::vector<Token> out;
  for (auto& t : *tokens)
    if (t.kind == "api") out.push_back(std::move(t));
  return out;
}

Result<void> RevokeToken(Context& ctx, std::string_view token_id) {
  if (!ctx.identity.user && !ctx.identity.system)
    return std::unexpected(Error::Forbidden("User not authorized to revoke tokens"));
  return ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    std::vector<Token> tokens;
    if (ctx.identity.user && !ctx.identity.IsSysadmin()) {
      auto mine = tx.ListTokens(ctx.identity.user->id);
      if (!mine) return std::unexpected(mine.error());
      tokens = std::move(*mine);
    } else {
      auto users = tx.ListUsers();
      if (!users) return std::unexpected(users.error());
      for (const auto& u : *users) {
        auto t = tx.ListTokens(u.id);
        if (t) tokens.insert(tokens.end(), t->begin(), t->end());
      }
    }
    for (auto& t : tokens) {
      if (t.id != token_id) continue;
      t.revoked = true;
      if (auto ok = tx.PutToken(t); !ok) return ok;
      return RecordActivity(tx, ctx.identity, "revoked api token", "user", t.user_id, {},
                            boost::json::object{{"token_id", t.id}});
    }
    return std::unexpected(Error::NotFound("Token"));
  });
}

Result<Identity> IdentityOf(StoreReader& store, const User& user) {
  Identity id;
  id.user = user;
  auto m = store.ListMembershipsOfUser(user.id);
  if (!m) return std::unexpected(m.error());
  id.memberships = std::move(*m);
  return id;
}

Result<Identity> Authenticate(StoreReader& store, std::string_view header) {
  std::string_view secret = Trim(header);
  if (secret.empty()) return Identity::Anonymous();
  if (StartsWith(secret, "Bearer ") || StartsWith(secret, "bearer ")) secret = Trim(secret.substr(7));
  auto denied = std::unexpected(Error::Forbidden("The API token is not valid or has been revoked"));
  if (secret.size() > 512) return denied;
  auto token = store.GetTokenByHash(HashTokenSecret(secret));
  if (!token || token->revoked || token->kind != "api") return denied;  // a login cookie is no API key
  auto user = store.GetUser(token->user_id);
  if (!user || user->state != State::kActive) return denied;
  return IdentityOf(store, *user);
}

Result<Membership> SetMembership(Context& ctx, std::string_view org_ref, std::string_view user_ref,
                                 MemberRole role) {
  Membership m;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto org = FindOrganization(tx, org_ref);
    if (!org) return std::unexpected(Error::Invalid("id", "Organization not found", "找不到機關"));
    if (auto ok = Require(CanAdminOrganization(ctx.identity, org->id), "manage members of this organization"); !ok)
      return ok;
    auto user = tx.GetUser(user_ref);
    if (!user) return std::unexpected(Error::Invalid("username", "User not found", "找不到使用者"));
    m = Membership{user->id, org->id, role};
    if (auto ok = tx.PutMembership(m); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "changed organization", "organization", org->id, {},
                          boost::json::object{{"member", user->name}, {"role", ToCode(role)}});
  });
  if (!r) return std::unexpected(r.error());
  return m;
}

Result<void> RemoveMembership(Context& ctx, std::string_view org_ref, std::string_view user_ref) {
  return ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto org = FindOrganization(tx, org_ref);
    if (!org) return std::unexpected(Error::Invalid("id", "Organization not found", "找不到機關"));
    if (auto ok = Require(CanAdminOrganization(ctx.identity, org->id), "manage members of this organization"); !ok)
      return ok;
    auto user = tx.GetUser(user_ref);
    if (!user) return std::unexpected(Error::Invalid("username", "User not found", "找不到使用者"));
    if (auto ok = tx.RemoveMembership(user->id, org->id); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "changed organization", "organization", org->id,
                          boost::json::object{{"member", user->name}}, {});
  });
}

Result<std::vector<std::pair<User, MemberRole>>> ListMembers(Context& ctx, std::string_view org_ref) {
  auto org = FindOrganization(ctx.store, org_ref);
  if (!org) return std::unexpected(org.error());
  if (auto ok = Require(ctx.identity.IsSysadmin() || ctx.identity.RoleIn(org->id).has_value(),
                        "see the members of this organization"); !ok)
    return std::unexpected(ok.error());
  auto members = ctx.store.ListMembersOfOrganization(org->id);
  if (!members) return std::unexpected(members.error());
  std::vector<std::pair<User, MemberRole>> out;
  for (const auto& m : *members)
    if (auto u = ctx.store.GetUser(m.user_id)) out.emplace_back(std::move(*u), m.role);
  return out;
}

}  // namespace pintu::actions

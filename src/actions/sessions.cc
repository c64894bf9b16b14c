#include "actions/sessions.h"

#include <sodium.h>

#include "actions/accounts.h"
#include "core/hash.h"
#include "core/ids.h"
#include "core/time.h"

namespace pintu::actions {
namespace {

std::string IsoAfter(std::chrono::seconds delta) {
  auto t = std::chrono::system_clock::now() + delta;
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Error Denied() { return Error::Forbidden("The login session is not valid or has ended"); }

}  // namespace

std::string CsrfTokenFor(std::string_view secret) { return Sha256Hex("pintu-csrf:" + std::string(secret)); }

bool TokensEqual(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<OpenedSession> Login(Store& store, std::string_view name, std::string_view password) {
  auto user = VerifyPassword(store, name, password);
  if (!user) return std::unexpected(user.error());
  OpenedSession out;
  out.secret = RandomHex(32);
  out.csrf = CsrfTokenFor(out.secret);
  out.user = *user;
  Token t;
  t.id = NewUuid();
  t.user_id = user->id;
  t.name = "portal login";
  t.kind = "session";
  t.token_hash = HashTokenSecret(out.secret);
  t.created = NowIso();
  t.last_used = t.created;
  t.expires = IsoAfter(kSessionLifetime);
  auto r = store.Write([&](WriteTxn& tx) { return tx.PutToken(t); });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<SessionIdentity> ResumeSession(StoreReader& store, std::string_view secret) {
  if (secret.empty()) return SessionIdentity{Identity::Anonymous(), ""};
  if (secret.size() != 64) return std::unexpected(Denied());
  auto token = store.GetTokenByHash(HashTokenSecret(secret));
  if (!token || token->revoked || token->kind != "session") return std::unexpected(Denied());
  if (!token->expires.empty() && token->expires <= NowIso()) return std::unexpected(Denied());
  auto user = store.GetUser(token->user_id);
  if (!user || user->state != State::kActive) return std::unexpected(Denied());
  auto identity = IdentityOf(store, *user);
  if (!identity) return std::unexpected(identity.error());
  return SessionIdentity{std::move(*identity), CsrfTokenFor(secret)};
}

Result<void> Logout(Store& store, std::string_view secret) {
  if (secret.empty()) return {};
  return store.Write([&](WriteTxn& tx) -> Result<void> {
    auto token = tx.GetTokenByHash(HashTokenSecret(secret));
    if (!token || token->kind != "session") return {};
    token->revoked = true;
    return tx.PutToken(*token);
  });
}

}  // namespace pintu::actions

#include "actions/adoptions.h"

#include <set>

#include "actions/activity_log.h"
#include "actions/authz.h"
#include "core/ids.h"
#include "core/software_json.h"
#include "core/text.h"
#include "core/time.h"

namespace pintu::actions {
namespace {

bool LooksLikeEmail(std::string_view s) {
  auto at = s.find('@');
  return at != std::string_view::npos && at > 0 && s.find('.', at) != std::string_view::npos &&
         s.find_first_of(" \t\r\n<>\"") == std::string_view::npos;
}

// Checks and normalises the free-text fields; every problem is a field error.
Result<Adoption> Validate(const AdoptionInput& in) {
  Error e{ErrorCode::kValidation, "Validation failed", {}};
  Adoption a;
  auto text = [&](std::string_view field, const std::string& value, size_t max) -> std::string {
    if (!IsValidUtf8(value)) {
      e.fields.push_back({std::string(field), "Is not valid UTF-8 text", "不是有效的 UTF-8 文字"});
      return {};
    }
    std::string clean = StripControlChars(Trim(value));
    if (CountCodePoints(clean) > max)
      e.fields.push_back({std::string(field), "Must be at most " + std::to_string(max) + " characters long",
                          "長度不可超過 " + std::to_string(max) + " 個字"});
    return clean;
  };
  auto date = [&](std::string_view field, const std::string& value, bool required) -> std::string {
    std::string_view t = Trim(value);
    if (t.empty()) {
      if (required) e.fields.push_back({std::string(field), "Missing value", "缺少日期"});
      return {};
    }
    auto d = NormalizeDate(t);
    if (!d || d->size() != 10) {
      e.fields.push_back({std::string(field), "Must be a date such as 2025-05-01 or 114/05/01",
                          "必須是日期，例如 2025-05-01 或 114/05/01"});
      return {};
    }
    return *d;
  };
  a.version = text("version", in.version, 100);
  a.since = date("since", in.since, true);
  a.vendor = text("vendor", in.vendor, 200);
  a.contract_reference = text("contract_reference", in.contract_reference, 200);
  a.contract_until = date("contract_until", in.contract_until, false);
  a.customisations_owner = in.customisations_owner.empty() ? "adopter" : in.customisations_owner;
  if (!IsCustomisationsOwner(a.customisations_owner))
    e.fields.push_back({"customisations_owner", "Must be adopter, publisher, vendor or shared",
                        "必須是 adopter（採用機關）、publisher（發布機關）、vendor（廠商）或 shared（共有）"});
  a.contact_name = text("contact_name", in.contact_name, 200);
  a.contact_email = text("contact_email", in.contact_email, 254);
  if (!a.contact_email.empty() && !LooksLikeEmail(a.contact_email))
    e.fields.push_back({"contact_email", "Must be an e-mail address", "必須是電子郵件地址"});
  if (!e.fields.empty()) return std::unexpected(e);
  return a;
}

// Hides contact details and contract reference from callers outside both organisations.
Adoption ForReader(const Identity& who, const Software& s, Adoption a) {
  if (CanEditInOrganization(who, a.organization_id) || CanEditInOrganization(who, s.organization_id)) return a;
  a.contact_name.clear();
  a.contact_email.clear();
  a.contract_reference.clear();
  return a;
}

}  // namespace

Result<Adoption> AdoptSoftware(Context& ctx, const AdoptionInput& input) {
  auto fields = Validate(input);
  if (!fields) return std::unexpected(fields.error());
  Adoption out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto s = tx.GetSoftware(input.software);
    if (!s || s->state == State::kDeleted) return std::unexpected(Error::Invalid("software", "No such software", "找不到這個軟體"));
    if (input.organization.empty()) return std::unexpected(Error::Invalid("organization", "Missing value", "缺少採用機關"));
    auto org = tx.GetOrganization(input.organization);
    if (!org || org->state == State::kDeleted)
      return std::unexpected(Error::Invalid("organization", "No such organization", "找不到這個機關"));
    if (auto ok = Require(CanEditInOrganization(ctx.identity, org->id), "record adoptions for this organization"); !ok)
      return ok;
    auto existing = tx.ListAdoptions(s->id, org->id);
    if (!existing) return std::unexpected(existing.error());
    Adoption a = *fields;
    a.software_id = s->id;
    a.organization_id = org->id;
    a.id = NewUuid();
    a.created = NowIso();
    boost::json::object before;
    for (const auto& e : *existing)
      if (e.state == State::kActive) {
        a.id = e.id;
        a.created = e.created;
        before = AdoptionToJson(e);
      }
    a.modified = NowIso();
    if (auto ok = tx.PutAdoption(a); !ok) return ok;
    out = a;
    // Filed under the software so that its page and search entry ("used by N") follow.
    return RecordActivity(tx, ctx.identity, before.empty() ? "new adoption" : "changed adoption", "software", s->id,
                          before, AdoptionToJson(a));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<void> WithdrawAdoption(Context& ctx, std::string_view adoption_id) {
  return ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto a = tx.GetAdoption(adoption_id);
    if (!a || a->state == State::kDeleted) return std::unexpected(Error::NotFound("Adoption"));
    if (auto ok = Require(CanEditInOrganization(ctx.identity, a->organization_id), "withdraw this adoption"); !ok)
      return ok;
    Adoption after = *a;
    after.state = State::kDeleted;
    after.modified = NowIso();
    if (auto ok = tx.PutAdoption(after); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "deleted adoption", "software", a->software_id, AdoptionToJson(*a), {});
  });
}

Result<std::vector<Adoption>> ListAdoptionsOfSoftware(Context& ctx, std::string_view software_id_or_slug) {
  auto s = ctx.store.GetSoftware(software_id_or_slug);
  if (!s) return std::unexpected(s.error());
  auto all = ctx.store.ListAdoptions(s->id, "");
  if (!all) return std::unexpected(all.error());
  std::vector<Adoption> out;
  for (auto& a : *all)
    if (a.state == State::kActive) out.push_back(ForReader(ctx.identity, *s, std::move(a)));
  return out;
}

Result<std::vector<Adoption>> ListAdoptionsByOrganization(Context& ctx, std::string_view organization) {
  auto org = ctx.store.GetOrganization(organization);
  if (!org) return std::unexpected(org.error());
  auto all = ctx.store.ListAdoptions("", org->id);
  if (!all) return std::unexpected(all.error());
  std::vector<Adoption> out;
  for (auto& a : *all) {
    if (a.state != State::kActive) continue;
    auto s = ctx.store.GetSoftware(a.software_id);
    if (!s || s->state == State::kDeleted) continue;
    out.push_back(ForReader(ctx.identity, *s, std::move(a)));
  }
  return out;
}

Result<int64_t> CountAdopters(Store& store, std::string_view software_id) {
  auto all = store.ListAdoptions(software_id, "");
  if (!all) return std::unexpected(all.error());
  std::set<std::string> orgs;
  for (const auto& a : *all)
    if (a.state == State::kActive) orgs.insert(a.organization_id);
  return static_cast<int64_t>(orgs.size());
}

}  // namespace pintu::actions

#include "actions/authz.h"

#include <boost/json.hpp>

namespace pintu::actions {

bool CanReadDataset(const Identity& who, const Dataset& d) {
  if (who.IsSysadmin()) return true;
  if (d.state == State::kDeleted) return false;
  if (d.state == State::kActive && !d.is_private) return true;
  return who.RoleIn(d.organization_id).has_value();
}

bool CanReadDatasetActivity(const Identity& who, const Dataset& d, const Activity& a) {
  if (a.object_id != d.id) return false;
  if (CanReadDataset(who, d)) return true;
  if (a.activity_type != "deleted package" || d.state != State::kDeleted || d.is_private) return false;
  // The activity's diff tells what the dataset was just before: it must have been active and public.
  boost::system::error_code ec;
  boost::json::value diff = boost::json::parse(a.diff_json, ec);
  if (ec || !diff.is_object()) return false;
  const auto* state = diff.as_object().if_contains("state");
  const auto* old_state = state && state->is_object() ? state->as_object().if_contains("old") : nullptr;
  if (!old_state || !old_state->is_string() || old_state->as_string() != "active") return false;
  const auto* priv = diff.as_object().if_contains("private");
  if (!priv) return true;  // unchanged, so public as now
  const auto* old_priv = priv->is_object() ? priv->as_object().if_contains("old") : nullptr;
  return old_priv && old_priv->is_bool() && !old_priv->as_bool();
}

bool CanEditInOrganization(const Identity& who, const std::string& org_id) {
  if (who.IsSysadmin()) return true;
  auto role = who.RoleIn(org_id);
  return role && (*role == MemberRole::kEditor || *role == MemberRole::kAdmin);
}

bool CanAdminOrganization(const Identity& who, const std::string& org_id) {
  if (who.IsSysadmin()) return true;
  auto role = who.RoleIn(org_id);
  return role && *role == MemberRole::kAdmin;
}

Result<void> Require(bool allowed, std::string_view action) {
  if (allowed) return {};
  return std::unexpected(Error::Forbidden("User not authorized to " + std::string(action)));
}

}  // namespace pintu::actions

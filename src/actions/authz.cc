#include "actions/authz.h"

namespace pintu::actions {

bool CanReadDataset(const Identity& who, const Dataset& d) {
  if (who.IsSysadmin()) return true;
  if (d.state == State::kDeleted) return false;
  if (d.state == State::kActive && !d.is_private) return true;
  return who.RoleIn(d.organization_id).has_value();
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

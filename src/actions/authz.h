// Authorization rules, in one place. Faces never decide who may do what.
//
// Roles: sysadmins (and the internal "system" identity) may do anything.
// An organisation's admins manage its members and metadata; its editors create
// and edit its datasets; its members may read its private datasets. Anonymous
// callers read active, public datasets only.
#pragma once

#include "core/account.h"
#include "core/activity.h"
#include "core/dataset.h"
#include "core/error.h"

namespace pintu::actions {

// May `who` see this dataset? Active public: everyone. Private or draft: org members
// of any role. Deleted: sysadmins only.
bool CanReadDataset(const Identity& who, const Dataset& d);
// May `who` see activity `a` about dataset `d` (as `d` is now)? When they may read the
// dataset; besides, everyone may see the deletion of a dataset that was active and public
// until then (its earlier history stays hidden with it).
bool CanReadDatasetActivity(const Identity& who, const Dataset& d, const Activity& a);
// May `who` create or edit datasets of organisation `org_id`? (editor or admin)
bool CanEditInOrganization(const Identity& who, const std::string& org_id);
// May `who` change the organisation itself and its memberships? (org admin)
bool CanAdminOrganization(const Identity& who, const std::string& org_id);
// Returns an Authorization error naming the action when `allowed` is false.
Result<void> Require(bool allowed, std::string_view action);

}  // namespace pintu::actions

// Reuse records: an agency says it runs a software entry (which version, since when,
// which vendor, under which contract, who owns the customisations, whom to contact).
// Editors of the ADOPTING organisation record and change its adoptions; everyone sees
// who adopted what; contact details and contract references are shown only to editors
// of the adopting or the publishing organisation.
#pragma once

#include <string>
#include <vector>

#include "actions/context.h"
#include "core/software.h"

namespace pintu::actions {

// What a caller gives to record an adoption.
struct AdoptionInput {
  std::string software;      // id or slug
  std::string organization;  // the adopting agency, id or slug
  std::string version;
  std::string since;         // a date (ISO or ROC spellings are normalised to YYYY-MM-DD)
  std::string vendor;
  std::string contract_reference;
  std::string contract_until;  // a date or ""
  std::string customisations_owner = "adopter";  // adopter | publisher | vendor | shared
  std::string contact_name;
  std::string contact_email;
};

// Records that input.organization uses input.software. One active adoption per
// (software, organisation): recording again updates it. Field errors name the field.
Result<Adoption> AdoptSoftware(Context& ctx, const AdoptionInput& input);
// Marks an adoption withdrawn (deleted); editors of the adopting organisation.
Result<void> WithdrawAdoption(Context& ctx, std::string_view adoption_id);
// Active adoptions of a software entry, oldest first, with private fields blanked for
// callers who may not see them.
Result<std::vector<Adoption>> ListAdoptionsOfSoftware(Context& ctx, std::string_view software_id_or_slug);
// Active adoptions by an organisation (what it reuses), blanked the same way.
Result<std::vector<Adoption>> ListAdoptionsByOrganization(Context& ctx, std::string_view organization);
// How many distinct organisations actively use the entry ("used by N agencies").
Result<int64_t> CountAdopters(Store& store, std::string_view software_id);

}  // namespace pintu::actions

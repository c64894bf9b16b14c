// Rows of software, software_datasets, software_versions and adoptions (public code).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/software.h"
#include "store/sqlite/connection.h"

namespace pintu::sqlite {

// The largest publiccode.yml or report a version row keeps (bytes); larger → kTooLarge.
inline constexpr size_t kMaxSoftwareVersionBytes = 8 * 1024 * 1024;

// By id or slug; kNotFound when neither matches.
Result<Software> ReadSoftware(Connection& conn, std::string_view id_or_slug);
// Every entry ordered by slug; deleted ones only when asked.
Result<std::vector<Software>> ReadSoftwareList(Connection& conn, bool include_deleted);
// Active entries linked to the dataset (either relation), ordered by slug.
Result<std::vector<Software>> ReadSoftwareForDataset(Connection& conn, std::string_view dataset_id);
// Inserts or replaces by id, with its dataset links. A slug in use by another id → kConflict on "name".
Result<void> WriteSoftware(Connection& conn, const Software& s);

// Appends a version; returns its id.
Result<int64_t> InsertSoftwareVersion(Connection& conn, const SoftwareVersion& v);
// Versions of the entry, newest first, paged; kNotFound never (empty list).
Result<std::vector<SoftwareVersion>> ReadSoftwareVersions(Connection& conn, std::string_view software_id,
                                                         size_t offset, size_t limit);
// How many versions the entry has.
Result<int64_t> CountSoftwareVersions(Connection& conn, std::string_view software_id);

// Inserts or replaces an adoption by id.
Result<void> WriteAdoption(Connection& conn, const Adoption& a);
// By id; kNotFound otherwise.
Result<Adoption> ReadAdoption(Connection& conn, std::string_view id);
// Adoptions of one software entry ("" = of every entry) or by one adopting organisation
// ("" = any), in any state, oldest first.
Result<std::vector<Adoption>> ReadAdoptions(Connection& conn, std::string_view software_id,
                                            std::string_view organization_id);

}  // namespace pintu::sqlite

// Stored documents: the canonical JSON of core/model_json.h, written and read
// back by the store. Parsing uses no size limits (the data was validated when it
// came in) and reports an unreadable document as ErrorCode::kInternal.
#pragma once

#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/error.h"
#include "core/organization.h"
#include "core/topic.h"

namespace pintu::sqlite {

// The dataset's JSON without resources and popularity counters (stored elsewhere).
std::string DatasetDocument(const Dataset& d);
// A dataset from its stored JSON: resources empty, views/downloads zero.
Result<Dataset> ParseDatasetDocument(std::string_view doc);

std::string ResourceDocument(const Resource& r);
Result<Resource> ParseResourceDocument(std::string_view doc);

std::string OrganizationDocument(const Organization& o);
Result<Organization> ParseOrganizationDocument(std::string_view doc);

std::string TopicDocument(const Topic& t);
Result<Topic> ParseTopicDocument(std::string_view doc);

}  // namespace pintu::sqlite

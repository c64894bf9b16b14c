// Topic actions (CKAN groups): curated, bilingual lists of datasets such as 長照.
// Topics are managed by sysadmins; dataset editors put their datasets in topics.
#pragma once

#include <boost/json.hpp>

#include "actions/context.h"

namespace pintu::actions {

Result<Topic> CreateTopic(Context& ctx, Topic input);
Result<Topic> UpdateTopic(Context& ctx, Topic input);
Result<Topic> PatchTopic(Context& ctx, std::string_view id_or_slug, const boost::json::object& changes);
// Marks the topic deleted; datasets keep their other topics.
Result<void> DeleteTopic(Context& ctx, std::string_view id_or_slug);
// An active topic (deleted ones only for sysadmins).
Result<Topic> ShowTopic(Context& ctx, std::string_view id_or_slug);
// Active topics ordered by slug.
Result<std::vector<Topic>> ListTopics(Context& ctx);

}  // namespace pintu::actions

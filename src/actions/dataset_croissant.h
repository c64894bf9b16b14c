// The Croissant 1.1 document of a published dataset (formats/croissant_export.h), built
// from the dataset, its organisation and the latest contents check of each resource.
#pragma once

#include <string_view>

#include <boost/json/object.hpp>

#include "actions/context.h"

namespace pintu::actions {

// The Croissant JSON-LD of the dataset `id_or_slug`. Only public, active datasets have
// one: a private, draft, deleted or unknown dataset is kNotFound for every caller (the
// document is meant for crawlers and ML tools, not for the publisher's preview). Absolute
// URLs start with the configured site URL. A stored report that is not a JSON object is
// ignored (the resource is then described from its declared metadata).
Result<boost::json::object> DatasetCroissant(Context& ctx, std::string_view id_or_slug);

}  // namespace pintu::actions

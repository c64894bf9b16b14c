// The quality panel of the dataset page, built from the dataset's newest stored score
// card: the totals of each framework, the one fix worth most points, and every
// indicator with its evidence and hint (in <details>, so the page stays short).
#pragma once

#include <optional>

#include <boost/json/object.hpp>

#include "core/dataset.h"
#include "core/score_card.h"
#include "http/web/i18n.h"

namespace pintu::http::web {

// The view of `card` (nullopt: the dataset was not scored yet) for the template's
// "quality" object. Resource names come from `dataset`.
boost::json::object QualityPanelView(const std::optional<ScoreCard>& card, const Dataset& dataset, Lang lang);

}  // namespace pintu::http::web

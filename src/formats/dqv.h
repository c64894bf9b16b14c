// W3C Data Quality Vocabulary (DQV) measurements of a dataset's ScoreCard, added to its
// DCAT-AP graph.
#pragma once

#include <string>
#include <string_view>

#include "core/dataset.h"
#include "core/score_card.h"
#include "formats/rdf/model.h"

namespace pintu::dcat {

// {base}/quality/indicators#{indicator id}: the dqv:Metric of an indicator.
std::string MetricIri(std::string_view base, std::string_view indicator_id);
// {base}/quality/dimensions#{framework}-{dimension}: the dqv:Dimension of a metric.
std::string DimensionIri(std::string_view base, std::string_view framework, std::string_view dimension);

// Adds one dqv:QualityMeasurement per indicator of `score` (dqv:computedOn the dataset,
// or the distribution of a resource-level indicator; dqv:isMeasurementOf its dqv:Metric
// with dqv:inDimension its dqv:Dimension; dqv:value the points as xsd:decimal;
// pintu:maxPoints; prov:generatedAtTime `score.computed_at`; the evidence as
// rdfs:comment), and one per framework total (metric "{framework}-total" in dimension
// "{framework}-overall", pintu:rating when the framework has a band). Each is linked
// from the dataset with dqv:hasQualityMeasurement. Indicators with a non-finite value
// or about a resource the dataset does not have are skipped.
void AddQualityMeasurements(rdf::Graph& g, const Dataset& d, const ScoreCard& score, std::string_view base);

}  // namespace pintu::dcat

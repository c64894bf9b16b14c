// ScoreCard → DQV (https://www.w3.org/TR/vocab-dqv/).
#include "formats/dqv.h"

#include <algorithm>

#include "core/text.h"
#include "formats/dcat_ap.h"
#include "formats/rdf/vocab.h"
#include "formats/rdf/xsd_literals.h"

namespace pintu::dcat {
namespace {

using rdf::Term;
namespace ns = rdf::ns;

Term Type() { return ns::Iri(ns::kRdf, "type"); }

// A fragment identifier made of `text` (percent-encoded where needed).
std::string Frag(std::string_view text) { return PercentEncodeSegment(text); }

void AddMetric(rdf::Graph& g, std::string_view base, const Term& metric, std::string_view framework,
               std::string_view dimension, std::string_view label) {
  Term dim = Term::Iri(DimensionIri(base, framework, dimension));
  g.Add(metric, Type(), ns::Iri(ns::kDqv, "Metric"));
  g.Add(metric, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(label));
  g.Add(metric, ns::Iri(ns::kDqv, "inDimension"), dim);
  g.Add(dim, Type(), ns::Iri(ns::kDqv, "Dimension"));
  g.Add(dim, ns::Iri(ns::kSkos, "prefLabel"), Term::Literal(std::string(framework) + " " + std::string(dimension)));
}

void AddMeasurement(rdf::Graph& g, const Term& dataset, const Term& measurement, const Term& computed_on,
                    const Term& metric, const Term& value, std::optional<Term> max, const Term& when,
                    std::string_view base) {
  g.Add(dataset, ns::Iri(ns::kDqv, "hasQualityMeasurement"), measurement);
  g.Add(measurement, Type(), ns::Iri(ns::kDqv, "QualityMeasurement"));
  g.Add(measurement, ns::Iri(ns::kDqv, "computedOn"), computed_on);
  g.Add(measurement, ns::Iri(ns::kDqv, "isMeasurementOf"), metric);
  g.Add(measurement, ns::Iri(ns::kDqv, "value"), value);
  if (max) g.Add(measurement, Term::Iri(PintuNamespace(base) + "maxPoints"), *max);
  g.Add(measurement, ns::Iri(ns::kProv, "generatedAtTime"), when);
}

}  // namespace

std::string MetricIri(std::string_view base, std::string_view indicator_id) {
  return std::string(base) + "/quality/indicators#" + Frag(indicator_id);
}

std::string DimensionIri(std::string_view base, std::string_view framework, std::string_view dimension) {
  return std::string(base) + "/quality/dimensions#" + Frag(std::string(framework) + "-" + std::string(dimension));
}

void AddQualityMeasurements(rdf::Graph& g, const Dataset& d, const ScoreCard& score, std::string_view base) {
  ns::DeclareCommonPrefixes(g);
  g.SetPrefix("pintu", PintuNamespace(base));
  const std::string dataset_iri = DatasetIri(base, d.slug);
  const Term dataset = Term::Iri(dataset_iri);
  const Term when = rdf::XsdDateTimeFromMillis(score.computed_at);
  const std::string stamp = std::to_string(score.computed_at);
  for (const auto& ind : score.indicators) {
    auto value = rdf::XsdDecimal(ind.points);
    if (!value || ind.id.empty()) continue;
    Term computed_on = dataset;
    std::string suffix;
    if (!ind.resource_id.empty()) {
      bool known = std::any_of(d.resources.begin(), d.resources.end(),
                               [&](const Resource& r) { return r.id == ind.resource_id; });
      if (!known) continue;
      computed_on = Term::Iri(DistributionIri(base, d.slug, ind.resource_id));
      suffix = "-" + ind.resource_id;
    }
    Term metric = Term::Iri(MetricIri(base, ind.id));
    AddMetric(g, base, metric, ind.framework, ind.dimension, ind.id);
    Term m = Term::Iri(dataset_iri + "/quality/" + stamp + "#" + Frag(ind.id + suffix));
    AddMeasurement(g, dataset, m, computed_on, metric, *value, rdf::XsdDecimal(ind.max_points), when, base);
    for (const auto& [lang, text] : ind.evidence.Values())
      g.Add(m, ns::Iri(ns::kRdfs, "comment"), Term::Literal(text, lang));
  }
  for (const auto& total : score.totals) {
    auto value = rdf::XsdDecimal(total.points);
    if (!value || total.framework.empty()) continue;
    Term metric = Term::Iri(MetricIri(base, total.framework + "-total"));
    AddMetric(g, base, metric, total.framework, "overall", total.framework + " total");
    Term m = Term::Iri(dataset_iri + "/quality/" + stamp + "#" + Frag(total.framework + "-total"));
    AddMeasurement(g, dataset, m, dataset, metric, *value, rdf::XsdDecimal(total.max_points), when, base);
    if (!total.rating.empty())
      g.Add(m, Term::Iri(PintuNamespace(base) + "rating"), Term::Literal(total.rating));
  }
}

}  // namespace pintu::dcat

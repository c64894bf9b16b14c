#include "formats/rdf/vocab.h"

namespace pintu::rdf::ns {

void DeclareCommonPrefixes(Graph& g) {
  static constexpr std::pair<std::string_view, std::string_view> kAll[] = {
      {"rdf", kRdf},     {"rdfs", kRdfs},   {"xsd", kXsd},     {"dcat", kDcat},   {"dcatap", kDcatap},
      {"dct", kDct},     {"foaf", kFoaf},   {"vcard", kVcard}, {"skos", kSkos},   {"adms", kAdms},
      {"prov", kProv},   {"spdx", kSpdx},   {"locn", kLocn},   {"gsp", kGsp},     {"hydra", kHydra},
      {"dqv", kDqv},     {"cnt", kCnt},     {"owl", kOwl},
  };
  for (const auto& [prefix, iri] : kAll) g.SetPrefix(prefix, iri);
}

}  // namespace pintu::rdf::ns

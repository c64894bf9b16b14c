// A typed publiccode.yml (standard 0.2 – 0.7.0, plus the informal Taiwanese `tw:` section
// that code.gov.tw files carry). Fields absent from the file are nullopt / empty; values are
// kept as written (validation is separate: see validate.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pintu::formats::publiccode {

// description.<lang>
struct Description {
  std::optional<std::string> localised_name;
  std::optional<std::string> generic_name;  // deprecated since 0.3
  std::optional<std::string> short_description;
  std::optional<std::string> long_description;
  std::optional<std::string> documentation;
  std::optional<std::string> api_documentation;
  std::optional<std::vector<std::string>> features;
  std::vector<std::string> screenshots;
  std::vector<std::string> videos;
  std::vector<std::string> awards;
};

// maintenance.contractors[i]
struct Contractor {
  std::string name;
  std::optional<std::string> email;
  std::optional<std::string> website;
  std::string until;  // YYYY-MM-DD: the contract's end
};

// maintenance.contacts[i]
struct Contact {
  std::string name;
  std::optional<std::string> email;
  std::optional<std::string> phone;
  std::optional<std::string> affiliation;
};

// dependsOn.{open,proprietary,hardware}[i]
struct Dependency {
  std::string name;
  std::optional<std::string> version_min;
  std::optional<std::string> version_max;
  std::optional<std::string> version;
  std::optional<bool> optional;
};

// dependsOn: software the project needs, by kind.
struct DependsOn {
  std::optional<std::vector<Dependency>> open, proprietary, hardware;
};

// organisation and fundedBy[i]
struct Organisation {
  std::optional<std::string> name;
  std::string uri;
};

// supports[i]: a regulation or standard the software supports, by URI or "alias:<name>".
struct Support {
  std::string id;
};

// legal: licence and copyright.
struct Legal {
  std::string license;  // an SPDX expression
  std::optional<std::string> main_copyright_owner;
  std::optional<std::string> repo_owner;    // deprecated
  std::optional<std::string> authors_file;  // deprecated
};

// maintenance: who maintains the software and until when.
struct Maintenance {
  std::string type;  // internal | contract | community | none
  std::optional<std::vector<Contractor>> contractors;
  std::optional<std::vector<Contact>> contacts;
};

// localisation: whether translations are possible and which exist.
struct Localisation {
  std::optional<bool> localisation_ready;
  std::optional<std::vector<std::string>> available_languages;
};

// intendedAudience: scopes and (un)supported countries.
struct IntendedAudience {
  std::optional<std::vector<std::string>> scope, countries, unsupported_countries;
};

// The Italian country section (`IT:`, deprecated spelling `it:`).
struct ItalySection {
  std::optional<std::string> country_extension_version;
  // conforme: compliance self-declarations (deprecated).
  struct Conforme {
    std::optional<bool> linee_guida_design, modello_interoperabilita, misure_minime_sicurezza, gdpr;
  };
  std::optional<Conforme> conforme;  // deprecated
  std::optional<std::string> codice_ipa;  // riuso.codiceIPA, deprecated
  // piattaforme: Italian national platforms the software integrates.
  struct Piattaforme {
    std::optional<bool> spid, cie, anpr, pagopa, io;
  };
  Piattaforme piattaforme;
};

// The informal Taiwanese section of code.gov.tw files (`tw:`), read in lenient mode.
struct TaiwanSection {
  std::optional<std::string> country_extension_version;
  std::vector<std::string> tech_stacks;
  std::vector<std::string> vulnerability_scanners;  // security tools the project uses
  std::optional<std::string> accessibility_conformance;
  std::optional<std::string> openapi;       // URL of the OpenAPI description
  std::optional<std::string> created_date;  // YYYY-MM-DD
};

// A whole publiccode.yml.
struct Publiccode {
  std::string publiccode_yml_version;
  std::string name;
  std::optional<std::string> application_suite;
  std::string url;
  std::optional<std::string> landing_url;
  std::vector<std::string> is_based_on;  // a single URL or a list
  std::optional<std::string> software_version;
  std::optional<std::string> release_date;
  std::optional<std::string> logo;
  std::optional<std::string> monochrome_logo;  // deprecated
  std::vector<std::string> input_types, output_types;  // deprecated
  std::vector<std::string> platforms;
  std::optional<std::vector<std::string>> categories;
  std::optional<std::vector<std::string>> used_by;
  std::optional<std::string> roadmap;
  std::string development_status;
  std::string software_type;
  std::optional<IntendedAudience> intended_audience;
  std::map<std::string, Description> description;  // by language tag, e.g. "en", "zh-TW"
  Legal legal;
  Maintenance maintenance;
  Localisation localisation;
  std::optional<DependsOn> depends_on;
  std::optional<Organisation> organisation;
  std::optional<std::vector<Organisation>> funded_by;
  std::optional<std::vector<Support>> supports;
  std::optional<ItalySection> italy;
  std::optional<TaiwanSection> taiwan;
};

}  // namespace pintu::formats::publiccode

#include "formats/publiccode/decode.h"

#include <fmt/format.h>

#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace pintu::formats::publiccode {
namespace {

using Handler = std::function<void(const YamlNode& value, const std::string& path)>;
using FieldTable = std::vector<std::pair<std::string_view, Handler>>;

std::string Join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string Index(const std::string& path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

class Decoder {
 public:
  Decoder(Decoded& out, Mode mode) : out_(out), mode_(mode) {}

  void Root(const YamlNode& root);

 private:
  // --- problems ---
  void TypeError(const YamlNode& node, const std::string& path) {
    section_failed_ = true;
    if (reported_) return;
    reported_ = true;
    std::string key = path;
    int line = node.line;
    if (node.IsMap() && !node.entries.empty()) {
      key = Join(path, node.entries.front().first->value);
      line = node.entries.front().first->line;
    } else if (node.IsSequence() && !node.items.empty()) {
      key = Index(path, 0);
      line = node.items.front()->line;
    }
    out_.findings.push_back({Severity::kError, key, "wrong type for this field", "此欄位的型別錯誤", "", "", line, 1});
  }

  void Unknown(const YamlNode& key_node, const std::string& path) {
    std::string message = fmt::format("unknown field \"{}\"", key_node.value);
    std::string message_zh = fmt::format("未知的欄位「{}」", key_node.value);
    if (mode_ == Mode::kLenient) {
      out_.findings.push_back({Severity::kWarning, path, message, message_zh, "", "", key_node.line, key_node.column});
      return;
    }
    if (reported_) return;
    reported_ = true;
    out_.findings.push_back({Severity::kError, path, message, message_zh, "", "", key_node.line, key_node.column});
  }

  // --- scalars ---
  std::optional<std::string> Str(const YamlNode& n, const std::string& path) {
    if (n.IsNull()) return std::nullopt;
    if (!n.IsScalar()) {
      TypeError(n, path);
      return std::nullopt;
    }
    return n.value;
  }
  std::string StrOrEmpty(const YamlNode& n, const std::string& path) { return Str(n, path).value_or(""); }

  // Only the YAML 1.2 spellings; `yes`, `no`, `on`, `off` (YAML 1.1) are wrong types.
  std::optional<bool> Bool(const YamlNode& n, const std::string& path) {
    if (n.IsNull()) return std::nullopt;
    if (n.IsScalar() && n.plain) {
      if (n.value == "true" || n.value == "True" || n.value == "TRUE") return true;
      if (n.value == "false" || n.value == "False" || n.value == "FALSE") return false;
    }
    TypeError(n, path);
    return std::nullopt;
  }

  std::optional<std::vector<std::string>> StrList(const YamlNode& n, const std::string& path) {
    if (n.IsNull()) return std::nullopt;
    if (!n.IsSequence()) {
      TypeError(n, path);
      return std::nullopt;
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      const YamlNode& item = *n.items[i];
      std::string p = Index(path, i);
      Mark(p, item, item);
      out.push_back(StrOrEmpty(item, p));
    }
    return out;
  }

  // A list of objects decoded by `item`.
  template <typename T>
  std::optional<std::vector<T>> List(const YamlNode& n, const std::string& path,
                                     const std::function<T(const YamlNode&, const std::string&)>& item) {
    if (n.IsNull()) return std::nullopt;
    if (!n.IsSequence()) {
      TypeError(n, path);
      return std::nullopt;
    }
    std::vector<T> out;
    for (std::size_t i = 0; i < n.items.size(); ++i) {
      std::string p = Index(path, i);
      Mark(p, *n.items[i], *n.items[i]);
      out.push_back(item(*n.items[i], p));
    }
    return out;
  }

  void Mark(const std::string& path, const YamlNode& key, const YamlNode& value) {
    out_.key_positions.try_emplace(path, Position{key.line, key.column});
    out_.value_positions.try_emplace(path, Position{value.line, value.column});
  }

  // Walks a mapping, dispatching known keys and reporting unknown ones. False when `n` is
  // not a mapping (null counts as an empty mapping).
  bool Fields(const YamlNode& n, const std::string& path, const FieldTable& table) {
    if (n.IsNull()) return true;
    if (!n.IsMap()) {
      TypeError(n, path);
      return false;
    }
    for (const auto& [key, value] : n.entries) {
      if (!key->IsScalar()) {
        TypeError(*key, path);
        continue;
      }
      std::string child = Join(path, key->value);
      Mark(child, *key, *value);
      if (path.empty()) current_key_ = key->value;
      bool known = false;
      for (const auto& [name, handler] : table) {
        if (name == key->value) {
          handler(*value, child);
          known = true;
          break;
        }
      }
      if (!known) Unknown(*key, child);
    }
    return true;
  }

  // --- sections ---
  Description Desc(const YamlNode& n, const std::string& path) {
    Description d;
    Fields(n, path,
           {{"localisedName", [&](auto& v, auto& p) { d.localised_name = Str(v, p); }},
            {"genericName", [&](auto& v, auto& p) { d.generic_name = Str(v, p); }},
            {"shortDescription", [&](auto& v, auto& p) { d.short_description = Str(v, p); }},
            {"longDescription", [&](auto& v, auto& p) { d.long_description = Str(v, p); }},
            {"documentation", [&](auto& v, auto& p) { d.documentation = Str(v, p); }},
            {"apiDocumentation", [&](auto& v, auto& p) { d.api_documentation = Str(v, p); }},
            {"features", [&](auto& v, auto& p) { d.features = StrList(v, p); }},
            {"screenshots", [&](auto& v, auto& p) { d.screenshots = StrList(v, p).value_or(std::vector<std::string>{}); }},
            {"videos", [&](auto& v, auto& p) { d.videos = StrList(v, p).value_or(std::vector<std::string>{}); }},
            {"awards", [&](auto& v, auto& p) { d.awards = StrList(v, p).value_or(std::vector<std::string>{}); }}});
    return d;
  }

  Organisation Org(const YamlNode& n, const std::string& path) {
    Organisation o;
    Fields(n, path,
           {{"name", [&](auto& v, auto& p) { o.name = Str(v, p); }},
            {"uri", [&](auto& v, auto& p) { o.uri = StrOrEmpty(v, p); }}});
    return o;
  }

  Dependency Dep(const YamlNode& n, const std::string& path) {
    Dependency d;
    Fields(n, path,
           {{"name", [&](auto& v, auto& p) { d.name = StrOrEmpty(v, p); }},
            {"versionMin", [&](auto& v, auto& p) { d.version_min = Str(v, p); }},
            {"versionMax", [&](auto& v, auto& p) { d.version_max = Str(v, p); }},
            {"version", [&](auto& v, auto& p) { d.version = Str(v, p); }},
            {"optional", [&](auto& v, auto& p) { d.optional = Bool(v, p); }}});
    return d;
  }

  ItalySection Italy(const YamlNode& n, const std::string& path) {
    ItalySection it;
    Fields(n, path,
           {{"countryExtensionVersion", [&](auto& v, auto& p) { it.country_extension_version = Str(v, p); }},
            {"conforme",
             [&](auto& v, auto& p) {
               ItalySection::Conforme c;
               Fields(v, p,
                      {{"lineeGuidaDesign", [&](auto& v2, auto& p2) { c.linee_guida_design = Bool(v2, p2); }},
                       {"modelloInteroperabilita", [&](auto& v2, auto& p2) { c.modello_interoperabilita = Bool(v2, p2); }},
                       {"misureMinimeSicurezza", [&](auto& v2, auto& p2) { c.misure_minime_sicurezza = Bool(v2, p2); }},
                       {"gdpr", [&](auto& v2, auto& p2) { c.gdpr = Bool(v2, p2); }}});
               it.conforme = c;
             }},
            {"riuso",
             [&](auto& v, auto& p) {
               Fields(v, p, {{"codiceIPA", [&](auto& v2, auto& p2) { it.codice_ipa = Str(v2, p2); }}});
             }},
            {"piattaforme", [&](auto& v, auto& p) {
               auto& pf = it.piattaforme;
               Fields(v, p,
                      {{"spid", [&](auto& v2, auto& p2) { pf.spid = Bool(v2, p2); }},
                       {"cie", [&](auto& v2, auto& p2) { pf.cie = Bool(v2, p2); }},
                       {"anpr", [&](auto& v2, auto& p2) { pf.anpr = Bool(v2, p2); }},
                       {"pagopa", [&](auto& v2, auto& p2) { pf.pagopa = Bool(v2, p2); }},
                       {"io", [&](auto& v2, auto& p2) { pf.io = Bool(v2, p2); }}});
             }}});
    return it;
  }

  // code.gov.tw files write lists either as YAML lists or as one comma-separated string.
  std::vector<std::string> LenientList(const YamlNode& n, const std::string& path) {
    if (n.IsScalar()) {
      std::vector<std::string> out;
      std::string_view s = n.value;
      while (!s.empty()) {
        auto comma = s.find_first_of(",、");
        std::string_view part = s.substr(0, comma);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
        if (!part.empty()) out.emplace_back(part);
        if (comma == std::string_view::npos) break;
        s.remove_prefix(comma + (s[comma] == ',' ? 1 : 3));
      }
      return out;
    }
    return StrList(n, path).value_or(std::vector<std::string>{});
  }

  TaiwanSection Taiwan(const YamlNode& n, const std::string& path) {
    TaiwanSection tw;
    Fields(n, path,
           {{"countryExtensionVersion", [&](auto& v, auto& p) { tw.country_extension_version = Str(v, p); }},
            {"techStacks", [&](auto& v, auto& p) { tw.tech_stacks = LenientList(v, p); }},
            {"vulnerabilityScanners", [&](auto& v, auto& p) { tw.vulnerability_scanners = LenientList(v, p); }},
            {"accessibilityConformance", [&](auto& v, auto& p) { tw.accessibility_conformance = Str(v, p); }},
            {"openapi", [&](auto& v, auto& p) { tw.openapi = Str(v, p); }},
            {"createdDate", [&](auto& v, auto& p) { tw.created_date = Str(v, p); }}});
    return tw;
  }

  // Runs `decode` for one top-level key; its result is kept only when it decoded cleanly.
  void Section(const std::function<void()>& decode) {
    section_failed_ = false;
    decode();
    if (section_failed_) out_.dropped.insert(current_key_);
  }

  Decoded& out_;
  Mode mode_;
  bool reported_ = false;        // the single decode error has been reported
  bool section_failed_ = false;  // a wrong type occurred in the current top-level section
  std::string current_key_;      // the top-level key being decoded
};

void Decoder::Root(const YamlNode& root) {
  Publiccode& d = out_.doc;
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    reported_ = true;
    out_.findings.push_back({Severity::kError, "", "the document must be a mapping of keys to values",
                             "文件必須是「鍵: 值」的對應", "", "", root.line, root.column});
    return;
  }
  out_.value_positions[""] = {root.line, root.column};
  // Each handler decodes into a temporary and commits it only when the section was clean.
  auto keep = [&](auto& target, auto value) {
    if (!section_failed_) target = std::move(value);
  };
  const YamlNode* italy_upper = nullptr;
  const YamlNode* italy_lower = nullptr;
  FieldTable table = {
      {"publiccodeYmlVersion",
       [&](auto& v, auto& p) {
         Section([&] {
           out_.version_present = true;
           // A plain number (0.7, 0) is not a string for the reference parser.
           bool numeric = v.IsScalar() && v.plain && !v.value.empty() &&
                          v.value.find_first_not_of("0123456789.") == std::string::npos;
           if (numeric) TypeError(v, p);
           else keep(d.publiccode_yml_version, StrOrEmpty(v, p));
         });
       }},
      {"name", [&](auto& v, auto& p) { Section([&] { keep(d.name, StrOrEmpty(v, p)); }); }},
      {"applicationSuite", [&](auto& v, auto& p) { Section([&] { keep(d.application_suite, Str(v, p)); }); }},
      {"url", [&](auto& v, auto& p) { Section([&] { keep(d.url, StrOrEmpty(v, p)); }); }},
      {"landingURL", [&](auto& v, auto& p) { Section([&] { keep(d.landing_url, Str(v, p)); }); }},
      {"isBasedOn",
       [&](auto& v, auto& p) {
         Section([&] {
           if (v.IsScalar()) keep(d.is_based_on, std::vector<std::string>{v.value});
           else keep(d.is_based_on, StrList(v, p).value_or(std::vector<std::string>{}));
         });
       }},
      {"softwareVersion", [&](auto& v, auto& p) { Section([&] { keep(d.software_version, Str(v, p)); }); }},
      {"releaseDate",
       [&](auto& v, auto& p) {
         Section([&] {
           // An empty string is a (bad) date; null is "not given".
           keep(d.release_date, Str(v, p));
         });
       }},
      {"logo", [&](auto& v, auto& p) { Section([&] { keep(d.logo, Str(v, p)); }); }},
      {"monochromeLogo", [&](auto& v, auto& p) { Section([&] { keep(d.monochrome_logo, Str(v, p)); }); }},
      {"inputTypes",
       [&](auto& v, auto& p) { Section([&] { keep(d.input_types, StrList(v, p).value_or(std::vector<std::string>{})); }); }},
      {"outputTypes",
       [&](auto& v, auto& p) { Section([&] { keep(d.output_types, StrList(v, p).value_or(std::vector<std::string>{})); }); }},
      {"platforms",
       [&](auto& v, auto& p) { Section([&] { keep(d.platforms, StrList(v, p).value_or(std::vector<std::string>{})); }); }},
      {"categories", [&](auto& v, auto& p) { Section([&] { keep(d.categories, StrList(v, p)); }); }},
      {"usedBy", [&](auto& v, auto& p) { Section([&] { keep(d.used_by, StrList(v, p)); }); }},
      {"roadmap", [&](auto& v, auto& p) { Section([&] { keep(d.roadmap, Str(v, p)); }); }},
      {"developmentStatus", [&](auto& v, auto& p) { Section([&] { keep(d.development_status, StrOrEmpty(v, p)); }); }},
      {"softwareType", [&](auto& v, auto& p) { Section([&] { keep(d.software_type, StrOrEmpty(v, p)); }); }},
      {"intendedAudience",
       [&](auto& v, auto& p) {
         Section([&] {
           IntendedAudience a;
           Fields(v, p,
                  {{"scope", [&](auto& v2, auto& p2) { a.scope = StrList(v2, p2); }},
                   {"countries", [&](auto& v2, auto& p2) { a.countries = StrList(v2, p2); }},
                   {"unsupportedCountries", [&](auto& v2, auto& p2) { a.unsupported_countries = StrList(v2, p2); }}});
           keep(d.intended_audience, std::optional<IntendedAudience>(a));
         });
       }},
      {"description",
       [&](auto& v, auto& p) {
         Section([&] {
           std::map<std::string, Description> langs;
           if (v.IsMap()) {
             for (const auto& [key, value] : v.entries) {
               if (!key->IsScalar()) {
                 TypeError(*key, p);
                 continue;
               }
               std::string lp = Join(p, key->value);
               Mark(lp, *key, *value);
               langs[key->value] = Desc(*value, lp);
             }
           } else if (!v.IsNull()) {
             TypeError(v, p);
           }
           keep(d.description, std::move(langs));
         });
       }},
      {"legal",
       [&](auto& v, auto& p) {
         Section([&] {
           Legal l;
           Fields(v, p,
                  {{"license", [&](auto& v2, auto& p2) { l.license = StrOrEmpty(v2, p2); }},
                   {"mainCopyrightOwner", [&](auto& v2, auto& p2) { l.main_copyright_owner = Str(v2, p2); }},
                   {"repoOwner", [&](auto& v2, auto& p2) { l.repo_owner = Str(v2, p2); }},
                   {"authorsFile", [&](auto& v2, auto& p2) { l.authors_file = Str(v2, p2); }}});
           keep(d.legal, l);
         });
       }},
      {"maintenance",
       [&](auto& v, auto& p) {
         Section([&] {
           Maintenance m;
           Fields(v, p,
                  {{"type", [&](auto& v2, auto& p2) { m.type = StrOrEmpty(v2, p2); }},
                   {"contractors",
                    [&](auto& v2, auto& p2) {
                      m.contractors = List<Contractor>(v2, p2, [&](const YamlNode& n, const std::string& ip) {
                        Contractor c;
                        Fields(n, ip,
                               {{"name", [&](auto& v3, auto& p3) { c.name = StrOrEmpty(v3, p3); }},
                                {"email", [&](auto& v3, auto& p3) { c.email = Str(v3, p3); }},
                                {"website", [&](auto& v3, auto& p3) { c.website = Str(v3, p3); }},
                                {"until", [&](auto& v3, auto& p3) { c.until = StrOrEmpty(v3, p3); }}});
                        return c;
                      });
                    }},
                   {"contacts", [&](auto& v2, auto& p2) {
                      m.contacts = List<Contact>(v2, p2, [&](const YamlNode& n, const std::string& ip) {
                        Contact c;
                        Fields(n, ip,
                               {{"name", [&](auto& v3, auto& p3) { c.name = StrOrEmpty(v3, p3); }},
                                {"email", [&](auto& v3, auto& p3) { c.email = Str(v3, p3); }},
                                {"phone", [&](auto& v3, auto& p3) { c.phone = Str(v3, p3); }},
                                {"affiliation", [&](auto& v3, auto& p3) { c.affiliation = Str(v3, p3); }}});
                        return c;
                      });
                    }}});
           keep(d.maintenance, m);
         });
       }},
      {"localisation",
       [&](auto& v, auto& p) {
         Section([&] {
           Localisation l;
           Fields(v, p,
                  {{"localisationReady", [&](auto& v2, auto& p2) { l.localisation_ready = Bool(v2, p2); }},
                   {"availableLanguages", [&](auto& v2, auto& p2) { l.available_languages = StrList(v2, p2); }}});
           keep(d.localisation, l);
         });
       }},
      {"dependsOn",
       [&](auto& v, auto& p) {
         Section([&] {
           DependsOn deps;
           auto dep = [&](const YamlNode& n, const std::string& ip) { return Dep(n, ip); };
           Fields(v, p,
                  {{"open", [&](auto& v2, auto& p2) { deps.open = List<Dependency>(v2, p2, dep); }},
                   {"proprietary", [&](auto& v2, auto& p2) { deps.proprietary = List<Dependency>(v2, p2, dep); }},
                   {"hardware", [&](auto& v2, auto& p2) { deps.hardware = List<Dependency>(v2, p2, dep); }}});
           keep(d.depends_on, std::optional<DependsOn>(deps));
         });
       }},
      {"organisation",
       [&](auto& v, auto& p) {
         Section([&] {
           if (v.IsNull()) return;
           Organisation o = Org(v, p);
           keep(d.organisation, std::optional<Organisation>(o));
         });
       }},
      {"fundedBy",
       [&](auto& v, auto& p) {
         Section([&] {
           auto list = List<Organisation>(v, p, [&](const YamlNode& n, const std::string& ip) { return Org(n, ip); });
           keep(d.funded_by, list);
         });
       }},
      {"supports",
       [&](auto& v, auto& p) {
         Section([&] {
           auto list = List<Support>(v, p, [&](const YamlNode& n, const std::string& ip) {
             Support sup;
             Fields(n, ip, {{"id", [&](auto& v2, auto& p2) { sup.id = StrOrEmpty(v2, p2); }}});
             return sup;
           });
           keep(d.supports, list);
         });
       }},
      {"IT", [&](auto& v, auto&) { italy_upper = &v; }},
      {"it", [&](auto& v, auto&) { italy_lower = &v; }},
  };
  if (mode_ == Mode::kLenient) {
    for (std::string_view tw_key : {"tw", "TW"}) {
      table.emplace_back(tw_key, [&](auto& v, auto& p) {
        Section([&] {
          out_.taiwan_present = true;
          keep(d.taiwan, std::optional<TaiwanSection>(Taiwan(v, p)));
        });
      });
    }
  }
  Fields(root, "", table);
  out_.italy_both = italy_upper && italy_lower;
  out_.italy_lowercase = italy_lower != nullptr;
  current_key_ = "IT";
  if (italy_upper) Section([&] { keep(d.italy, std::optional<ItalySection>(Italy(*italy_upper, "IT"))); });
  if (italy_lower && !italy_upper) Section([&] { keep(d.italy, std::optional<ItalySection>(Italy(*italy_lower, "IT"))); });
}

}  // namespace

Position Decoded::Locate(const std::string& path) const {
  if (auto it = key_positions.find(path); it != key_positions.end()) return it->second;
  auto cut = path.find_last_of(".[");
  std::string parent = cut == std::string::npos ? std::string() : path.substr(0, cut);
  if (auto it = value_positions.find(parent); it != value_positions.end()) return it->second;
  return {};
}

Decoded DecodePubliccode(const YamlNode& root, Mode mode) {
  Decoded out;
  Decoder decoder(out, mode);
  decoder.Root(root);
  return out;
}

}  // namespace pintu::formats::publiccode

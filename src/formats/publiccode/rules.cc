#include "formats/publiccode/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "formats/publiccode/grapheme.h"
#include "formats/publiccode/spdx_expression.h"
#include "formats/publiccode/value_checks.h"
#include "formats/publiccode/vocabulary.h"

namespace pintu::formats::publiccode {
namespace {

constexpr std::string_view kDeprecatedDrop = "This key is DEPRECATED and will be removed in the future. It's safe to drop it";
constexpr std::string_view kDeprecatedDropZh = "此鍵已棄用，未來將移除，可直接刪除";

// The last element of a key path: the field name used in messages ("countries[2]").
std::string FieldName(const std::string& key) {
  auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

// Joins choices as the reference validator does: "a", "b" or "c".
std::string OneOf(std::initializer_list<std::string_view> choices) {
  std::string out;
  std::size_t i = 0;
  for (auto c : choices) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += fmt::format("\"{}\"", c);
    ++i;
  }
  return out;
}

bool IsOneOf(const std::string& v, std::initializer_list<std::string_view> choices) {
  return std::find(choices.begin(), choices.end(), v) != choices.end();
}

class Rules {
 public:
  Rules(const Decoded& d, const ValidateOptions& o, FindingSink& s) : d_(d), doc_(d.doc), o_(o), s_(s) {}

  void Run() {
    Version();
    if (doc_.name.empty()) Required("name");
    if (doc_.url.empty()) Required("url");
    else if (!IsUrl(doc_.url)) Invalid("url", "must be a valid URL", "必須是有效的 URL");
    HttpUrl("landingURL", doc_.landing_url);
    for (std::size_t i = 0; i < doc_.is_based_on.size(); ++i) {
      if (!IsUrl(doc_.is_based_on[i])) {
        Invalid(fmt::format("isBasedOn[{}]", i), "must be a valid URL", "必須是有效的 URL");
      }
    }
    Date("releaseDate", doc_.release_date);
    if (doc_.platforms.empty()) Empty("platforms");
    Categories();
    HttpUrl("roadmap", doc_.roadmap);
    Enum("developmentStatus", doc_.development_status, {"concept", "development", "beta", "stable", "obsolete"});
    Enum("softwareType", doc_.software_type,
         {"standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend",
          "standalone/other", "addon", "library", "configurationFiles"});
    Audience();
    Descriptions();
    Legal();
    Maintenance();
    Localisation();
    Dependencies();
    Organisations();
    Supports();
    Italy();
    Taiwan();
    Deprecations();
  }

 private:
  // The top-level `key` was written and decoded (not dropped for a wrong type).
  bool Kept(const std::string& key) const { return d_.key_positions.contains(key) && !d_.dropped.contains(key); }

  void Required(const std::string& key) {
    s_.Error(key, fmt::format("{} is a required field", FieldName(key)), fmt::format("{} 是必填欄位", FieldName(key)));
  }
  void Empty(const std::string& key) {
    s_.Error(key, fmt::format("{} must contain more than 0 items", FieldName(key)),
             fmt::format("{} 至少要有一項", FieldName(key)));
  }
  Finding& Invalid(const std::string& key, std::string_view what, std::string_view what_zh) {
    return s_.Error(key, fmt::format("{} {}", FieldName(key), what), fmt::format("{} {}", FieldName(key), what_zh));
  }
  void HttpUrl(const std::string& key, const std::optional<std::string>& v) {
    if (v && !IsHttpUrl(*v)) Invalid(key, "must be an HTTP URL", "必須是 HTTP(S) 網址");
  }
  void Date(const std::string& key, const std::optional<std::string>& v) {
    if (v && !IsDate(*v)) Invalid(key, "must be a date with format 'YYYY-MM-DD'", "必須是 YYYY-MM-DD 格式的日期");
  }
  void Enum(const std::string& key, const std::string& v, std::initializer_list<std::string_view> choices) {
    if (v.empty()) Required(key);
    else if (!IsOneOf(v, choices)) {
      Invalid(key, fmt::format("must be one of the following: {}", OneOf(choices)),
              fmt::format("必須是下列之一：{}", OneOf(choices)));
    }
  }
  void MaxLength(const std::string& key, const std::string& v, std::size_t max) {
    if (CountGraphemes(v) > max) {
      Invalid(key, fmt::format("must be a maximum of {} characters in length", max),
              fmt::format("長度不可超過 {} 個字元", max));
    }
  }

  static void Unlocated(Finding& f) { f.line = f.column = 0; }

  void Version() {
    const std::initializer_list<std::string_view> kSupported = {
        "0", "0.2", "0.2.0", "0.2.1", "0.2.2", "0.3", "0.3.0", "0.4", "0.4.0", "0.5.0", "0.5", "0.7.0", "0.7"};
    const std::string& v = doc_.publiccode_yml_version;
    // The reference parser checks the version before decoding, so these errors are not located.
    if (v.empty()) {
      Unlocated(s_.Error("publiccodeYmlVersion", "publiccodeYmlVersion is a required field", "publiccodeYmlVersion 是必填欄位"));
      return;
    }
    if (!IsOneOf(v, kSupported)) {
      std::string list;
      for (auto s : kSupported) list += (list.empty() ? "" : ", ") + std::string(s);
      Unlocated(s_.Error("publiccodeYmlVersion", fmt::format("unsupported version: '{}'. Supported versions: {}", v, list),
                         fmt::format("不支援的版本：'{}'。支援的版本：{}", v, list)));
      return;
    }
    if (v != "0" && !v.starts_with("0.7")) {
      s_.Warning("publiccodeYmlVersion",
                 fmt::format("v{} is not the latest version, use '0'. Parsing this file as v0.7.", v),
                 fmt::format("v{} 不是最新版本，請改用 '0'。本檔依 v0.7 解析。", v));
    }
  }

  void Categories() {
    if (!doc_.categories) return;
    for (std::size_t i = 0; i < doc_.categories->size(); ++i) {
      if (!IsCategory((*doc_.categories)[i])) {
        Invalid(fmt::format("categories[{}]", i),
                "must be a valid category (see "
                "https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst)",
                "必須是標準所列的類別（見 https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/categories-list.rst）");
      }
    }
  }

  void Countries(const std::string& key, const std::optional<std::vector<std::string>>& list) {
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      const std::string& code = (*list)[i];
      std::string path = fmt::format("{}[{}]", key, i);
      std::string upper = code;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (IsCountryCode(code)) continue;
      if (upper != code && IsCountryCode(upper)) {
        s_.Warning(path, fmt::format("Lowercase country codes are DEPRECATED. Use uppercase instead ('{}')", upper),
                   fmt::format("小寫國家代碼已棄用，請改用大寫（'{}'）", upper));
        continue;
      }
      Invalid(path, "must be a valid ISO 3166-1 alpha-2 two-letter country code",
              "必須是有效的 ISO 3166-1 二字母國家代碼");
    }
  }

  void Audience() {
    if (!doc_.intended_audience) return;
    const auto& a = *doc_.intended_audience;
    if (a.scope) {
      for (std::size_t i = 0; i < a.scope->size(); ++i) {
        if (!IsScope((*a.scope)[i])) {
          Invalid(fmt::format("intendedAudience.scope[{}]", i),
                  "must be a valid scope (see "
                  "https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst)",
                  "必須是標準所列的範疇（見 https://github.com/publiccodeyml/publiccode.yml/blob/main/docs/standard/scope-list.rst）");
        }
      }
    }
    Countries("intendedAudience.countries", a.countries);
    Countries("intendedAudience.unsupportedCountries", a.unsupported_countries);
  }

  void Descriptions() {
    if (doc_.description.empty()) {
      Empty("description");
      return;
    }
    bool bad_language = false;
    for (const auto& [lang, _] : doc_.description) bad_language = bad_language || !IsLanguageTag(lang);
    if (bad_language) {
      s_.Error("description", "description must be a valid BCP 47 language", "description 的語言必須是有效的 BCP 47 語言標籤");
    }
    for (const auto& [lang, desc] : doc_.description) {
      std::string key = DescriptionKey(lang);
      std::string at = "description." + lang;  // where the decoder recorded positions
      auto field = [&](std::string_view name) { return std::pair{key + "." + std::string(name), at + "." + std::string(name)}; };
      if (desc.generic_name) {
        auto [k, l] = field("genericName");
        if (CountGraphemes(*desc.generic_name) > 35) {
          s_.Error(k, "genericName must be a maximum of 35 characters in length", "genericName 長度不可超過 35 個字元", l);
        }
      }
      {
        auto [k, l] = field("shortDescription");
        if (!desc.short_description || desc.short_description->empty()) {
          s_.Error(k, "shortDescription is a required field", "shortDescription 是必填欄位", l);
        } else if (CountGraphemes(*desc.short_description) > 150) {
          s_.Error(k, "shortDescription must be a maximum of 150 characters in length",
                   "shortDescription 長度不可超過 150 個字元", l);
        }
      }
      {
        auto [k, l] = field("longDescription");
        std::size_t n = desc.long_description ? CountGraphemes(*desc.long_description) : 0;
        if (n == 0) s_.Error(k, "longDescription is a required field", "longDescription 是必填欄位", l);
        else if (n < 150) s_.Error(k, "longDescription must be at least 150 characters in length", "longDescription 至少要有 150 個字元", l);
        else if (n > 10000) s_.Error(k, "longDescription must be a maximum of 10000 characters in length", "longDescription 長度不可超過 10000 個字元", l);
      }
      for (std::string_view name : {"documentation", "apiDocumentation"}) {
        const auto& v = name == "documentation" ? desc.documentation : desc.api_documentation;
        auto [k, l] = field(name);
        if (v && !IsHttpUrl(*v)) {
          s_.Error(k, fmt::format("{} must be an HTTP URL", name), fmt::format("{} 必須是 HTTP(S) 網址", name), l);
        }
      }
      if (!desc.features || desc.features->empty()) {
        auto [k, l] = field("features");
        s_.Error(k, "features must contain more than 0 items", "features 至少要有一項", l);
      }
    }
  }

  void Legal() {
    const auto& l = doc_.legal;
    if (l.license.empty()) {
      Required("legal.license");
    } else if (auto check = CheckSpdxExpression(l.license); !check.valid) {
      Finding& f = Invalid("legal.license", "must be a valid license (see https://spdx.org/licenses)",
                           "必須是有效的 SPDX 授權運算式（見 https://spdx.org/licenses）");
      // Hints are for lenient mode; strict mode words messages exactly like the reference.
      if (o_.mode == Mode::kLenient) {
        if (auto id = SuggestSpdxId(l.license)) {
          f.hint = fmt::format("did you mean `{}`?", *id);
          f.hint_zh = fmt::format("是否是指 `{}`？", *id);
        } else {
          f.hint = check.problem;
          f.hint_zh = check.problem;
        }
      }
    }
  }

  void Maintenance() {
    const auto& m = doc_.maintenance;
    bool contractors_excluded = false;
    Enum("maintenance.type", m.type, {"internal", "contract", "community", "none"});
    if (m.type == "contract" && (!m.contractors || m.contractors->empty())) {
      s_.Error("maintenance.contractors", "contractors is a required field when \"type\" is \"contract\"",
               "type 為 contract 時 contractors 是必填欄位");
    } else if (m.type != "contract" && m.contractors) {
      s_.Error("maintenance.contractors", "contractors must not be present unless \"type\" is \"contract\"",
               "只有 type 為 contract 時才能有 contractors");
      contractors_excluded = true;  // the validator stops at the first failed rule of a field
    }
    if ((m.type == "internal" || m.type == "community") && (!m.contacts || m.contacts->empty())) {
      s_.Error("maintenance.contacts", fmt::format("contacts is a required field when \"type\" is \"{}\"", m.type),
               fmt::format("type 為 {} 時 contacts 是必填欄位", m.type));
    }
    if (m.contractors && !contractors_excluded) {
      for (std::size_t i = 0; i < m.contractors->size(); ++i) {
        const Contractor& c = (*m.contractors)[i];
        std::string p = fmt::format("maintenance.contractors[{}]", i);
        if (c.name.empty()) Required(p + ".name");
        if (c.email && !IsEmail(*c.email)) Invalid(p + ".email", "must be a valid email address", "必須是有效的電子郵件地址");
        HttpUrl(p + ".website", c.website);
        if (c.until.empty()) Required(p + ".until");
        else Date(p + ".until", c.until);
      }
    }
    if (m.contacts) {
      for (std::size_t i = 0; i < m.contacts->size(); ++i) {
        const Contact& c = (*m.contacts)[i];
        std::string p = fmt::format("maintenance.contacts[{}]", i);
        if (c.name.empty()) Required(p + ".name");
        if (c.email && !IsEmail(*c.email)) Invalid(p + ".email", "must be a valid email address", "必須是有效的電子郵件地址");
      }
    }
  }

  void Localisation() {
    const auto& l = doc_.localisation;
    if (!l.localisation_ready) Required("localisation.localisationReady");
    if (!l.available_languages) {
      Required("localisation.availableLanguages");
      return;
    }
    if (l.available_languages->empty()) Empty("localisation.availableLanguages");
    for (std::size_t i = 0; i < l.available_languages->size(); ++i) {
      if (!IsLanguageTag((*l.available_languages)[i])) {
        Invalid(fmt::format("localisation.availableLanguages[{}]", i), "must be a valid BCP 47 language",
                "必須是有效的 BCP 47 語言標籤");
      }
    }
  }

  void Dependencies() {
    if (!doc_.depends_on) return;
    auto each = [&](std::string_view kind, const std::optional<std::vector<Dependency>>& list) {
      if (!list) return;
      for (std::size_t i = 0; i < list->size(); ++i) {
        if ((*list)[i].name.empty()) Required(fmt::format("dependsOn.{}[{}].name", kind, i));
      }
    };
    each("open", doc_.depends_on->open);
    each("proprietary", doc_.depends_on->proprietary);
    each("hardware", doc_.depends_on->hardware);
  }

  void OrganisationUri(const std::string& key, const Organisation& o) {
    if (o.uri.empty()) Required(key);
    else if (!IsOrganisationUri(o.uri, o_.ipa_codes.get())) Invalid(key, "is not a valid URI", "不是有效的 URI");
  }

  void Organisations() {
    if (doc_.organisation) OrganisationUri("organisation.uri", *doc_.organisation);
    if (doc_.funded_by) {
      for (std::size_t i = 0; i < doc_.funded_by->size(); ++i) {
        OrganisationUri(fmt::format("fundedBy[{}].uri", i), (*doc_.funded_by)[i]);
      }
    }
  }

  void Supports() {
    if (!doc_.supports) return;
    for (std::size_t i = 0; i < doc_.supports->size(); ++i) {
      const std::string& id = (*doc_.supports)[i].id;
      std::string key = fmt::format("supports[{}].id", i);
      bool alias = id.starts_with("alias:") && id.size() > 6;
      if (id.empty()) Required(key);
      else if (!alias && !IsUrl(id)) Invalid(key, "must be a valid URI or an alias (alias:<name>)", "必須是有效的 URI 或別名（alias:<名稱>）");
    }
  }

  void Italy() {
    if (d_.italy_lowercase) {
      s_.Warning("it", "Lowercase country codes are DEPRECATED and will be removed in the future. Use 'IT' instead",
                 "小寫國家代碼已棄用，未來將移除，請改用 'IT'");
    }
    if (d_.italy_both) s_.Error("it", "'IT' key already present. Remove this key", "已有 'IT' 鍵，請刪除此鍵");
    if (!doc_.italy) return;
    const auto& it = *doc_.italy;
    if (it.conforme) s_.Warning("IT.conforme", std::string(kDeprecatedDrop), std::string(kDeprecatedDropZh));
    if (it.codice_ipa && IsIpaCode(*it.codice_ipa, o_.ipa_codes.get())) {
      s_.Warning("IT.riuso.codiceIPA",
                 fmt::format("This key is DEPRECATED and will be removed in the future. Use 'organisation.uri' and set "
                             "it to 'urn:x-italian-pa:{}' instead",
                             *it.codice_ipa),
                 fmt::format("此鍵已棄用，未來將移除，請改用 organisation.uri 並設為 'urn:x-italian-pa:{}'", *it.codice_ipa));
    } else if (it.codice_ipa) {
      s_.Error("IT.riuso.codiceIPA",
               "codiceIPA must be a valid Italian Public Administration Code (iPA) (see "
               "https://github.com/publiccodeyml/italian-organizations-ipa-vocabulary)",
               "codiceIPA 必須是有效的義大利公部門代碼（iPA）");
    }
  }

  // The informal Taiwanese section: problems are warnings (lenient mode only reads it).
  void Taiwan() {
    if (!doc_.taiwan) return;
    const auto& tw = *doc_.taiwan;
    if (tw.created_date && !IsDate(*tw.created_date)) {
      s_.Warning("tw.createdDate", "createdDate must be a date with format 'YYYY-MM-DD'", "createdDate 必須是 YYYY-MM-DD 格式的日期");
    }
    if (tw.openapi && !IsHttpUrl(*tw.openapi)) {
      s_.Warning("tw.openapi", "openapi must be an HTTP URL", "openapi 必須是 HTTP(S) 網址");
    }
  }

  void Deprecations() {
    if (Kept("inputTypes")) s_.Warning("inputTypes", std::string(kDeprecatedDrop), std::string(kDeprecatedDropZh));
    if (Kept("outputTypes")) s_.Warning("outputTypes", std::string(kDeprecatedDrop), std::string(kDeprecatedDropZh));
    if (Kept("monochromeLogo")) {
      s_.Warning("monochromeLogo", "This key is DEPRECATED and will be removed in the future. Use 'logo' instead",
                 "此鍵已棄用，未來將移除，請改用 'logo'");
    }
    for (const auto& [lang, desc] : doc_.description) {
      if (desc.generic_name) {
        s_.Warning(DescriptionKey(lang) + ".genericName", std::string(kDeprecatedDrop), std::string(kDeprecatedDropZh),
                   "description." + lang + ".genericName");
      }
    }
    if (doc_.legal.repo_owner) {
      s_.Warning("legal.repoOwner", "This key is DEPRECATED and will be removed in the future. Use 'organisation.name' instead",
                 "此鍵已棄用，未來將移除，請改用 'organisation.name'");
    }
    if (doc_.legal.authors_file) s_.Warning("legal.authorsFile", std::string(kDeprecatedDrop), std::string(kDeprecatedDropZh));
  }

  const Decoded& d_;
  const Publiccode& doc_;
  const ValidateOptions& o_;
  FindingSink& s_;
};

}  // namespace

std::string DescriptionKey(std::string_view language) {
  bool alpha = !language.empty() &&
               std::all_of(language.begin(), language.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  return alpha ? fmt::format("description.{}", language) : fmt::format("description[{}]", language);
}

Finding& FindingSink::Add(Findings& into, Severity severity, const std::string& key, std::string message,
                          std::string message_zh, const std::string& locate) {
  Position p = decoded_.Locate(locate.empty() ? key : locate);
  into.push_back({severity, key, std::move(message), std::move(message_zh), "", "", p.line, p.column});
  return into.back();
}

Finding& FindingSink::Error(const std::string& key, std::string message, std::string message_zh, const std::string& locate) {
  return Add(result_.errors, Severity::kError, key, std::move(message), std::move(message_zh), locate);
}

Finding& FindingSink::Warning(const std::string& key, std::string message, std::string message_zh, const std::string& locate) {
  return Add(result_.warnings, Severity::kWarning, key, std::move(message), std::move(message_zh), locate);
}

void CheckFieldRules(const Decoded& decoded, const ValidateOptions& options, FindingSink& sink) {
  Rules(decoded, options, sink).Run();
}

}  // namespace pintu::formats::publiccode

#include "formats/publiccode/vocabulary.h"

#include <unicode/uloc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_set>

namespace pintu::formats::publiccode {
namespace {

#include "formats/publiccode/oembed_data.inc"

// docs/standard/categories-list.rst of publiccodeyml/publiccode.yml 0.7.0.
constexpr std::array<std::string_view, 106> kCategories = {
    "accounting", "agile-project-management", "applicant-tracking", "application-development",
    "appointment-scheduling", "backup", "billing-and-invoicing", "blog", "budgeting", "business-intelligence",
    "business-process-management", "cad", "call-center-management", "cloud-management", "collaboration",
    "communications", "compliance-management", "contact-management", "content-management", "crm",
    "customer-service-and-support", "data-analytics", "data-collection", "data-visualization", "design",
    "design-system", "digital-asset-management", "digital-citizenship", "document-management", "donor-management",
    "e-commerce", "e-signature", "educational-content", "email-management", "email-marketing", "employee-management",
    "enterprise-project-management", "enterprise-social-networking", "erp", "event-management",
    "facility-management", "feedback-and-reviews-management", "financial-reporting", "fleet-management",
    "fundraising", "gamification", "geographic-information-systems", "grant-management", "graphic-design",
    "help-desk", "hr", "ide", "identity-management", "instant-messaging", "integrated-library-system",
    "inventory-management", "it-asset-management", "it-development", "it-management", "it-security",
    "it-service-management", "knowledge-management", "learning-management-system", "marketing", "mind-mapping",
    "mobile-marketing", "mobile-payment", "network-management", "office", "online-booking", "online-community",
    "other", "payment-gateway", "payroll", "predictive-analysis", "procurement", "productivity-suite",
    "project-collaboration", "project-management", "property-management", "real-estate-management",
    "regulations-and-directives", "remote-support", "resource-management", "sales-management", "seo",
    "service-desk", "social-media-management", "survey", "talent-management", "task-management",
    "taxes-management", "test-management", "time-management", "time-tracking", "translation",
    "video-conferencing", "video-editing", "visitor-management", "voip", "warehouse-management",
    "web-collaboration", "web-conferencing", "whistleblowing", "website-builder", "workflow-management"};

// docs/standard/scope-list.rst of publiccodeyml/publiccode.yml 0.7.0.
constexpr std::array<std::string_view, 24> kScopes = {
    "agriculture", "culture", "defence", "education", "emergency-services", "employment",
    "energy", "environment", "finance-and-economic-development", "foreign-affairs", "government", "healthcare",
    "infrastructures", "justice", "local-authorities", "manufacturing", "research", "science-and-technology",
    "security", "society", "sport", "tourism", "transportation", "welfare"};

const std::unordered_set<std::string>& IcuList(bool countries) {
  static const auto lists = [] {
    std::array<std::unordered_set<std::string>, 2> out;
    for (const char* const* c = uloc_getISOCountries(); *c; ++c) out[1].insert(*c);
    for (const char* const* l = uloc_getISOLanguages(); *l; ++l) {
      out[0].insert(*l);
      std::string locale(*l);
      const char* three = uloc_getISO3Language(locale.c_str());
      if (three && *three) out[0].insert(three);
    }
    return out;
  }();
  return lists[countries ? 1 : 0];
}

// Glob match where '*' matches any run of characters (oEmbed scheme syntax).
bool GlobMatch(std::string_view pattern, std::string_view text) {
  std::size_t p = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool IsCategory(std::string_view category) {
  return std::find(kCategories.begin(), kCategories.end(), category) != kCategories.end();
}

bool IsScope(std::string_view scope) { return std::find(kScopes.begin(), kScopes.end(), scope) != kScopes.end(); }

bool IsCountryCode(std::string_view code) { return code.size() == 2 && IcuList(true).contains(std::string(code)); }

bool IsLanguageTag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  for (char c : tag) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  std::string input(tag);
  char locale[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(input.c_str(), locale, sizeof locale, &parsed, &status);
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(input.size())) return false;
  std::string language = input.substr(0, input.find('-'));
  for (char& c : language) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return (language.size() == 2 || language.size() == 3) && IcuList(false).contains(language);
}

bool IsOembedVideoUrl(std::string_view url) {
  for (auto scheme : kOembedSchemes) {
    if (GlobMatch(scheme, url)) return true;
  }
  return false;
}

}  // namespace pintu::formats::publiccode

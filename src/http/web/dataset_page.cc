// GET /dataset/{slug}: bilingual metadata, methodology and lineage, resources with their
// field dictionaries, licence in plain language, contact, activity, schema.org JSON-LD.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "actions/activity.h"
#include "actions/authz.h"
#include "actions/datasets.h"
#include "actions/organizations.h"
#include "actions/quality_scores.h"
#include "actions/resource_checks.h"
#include "actions/adoptions.h"
#include "actions/software.h"
#include "core/vocabulary.h"
#include "http/web/catalog_lookup.h"
#include "http/web/dataset_jsonld.h"
#include "http/web/pages.h"
#include "http/web/quality_view.h"
#include "http/web/software_view.h"
#include "http/web/view.h"

namespace pintu::http::web {
namespace {

std::string HumanSize(int64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return fmt::format("{:.1f} KB", static_cast<double>(bytes) / 1024);
  if (bytes < 1024ll * 1024 * 1024) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
  return fmt::format("{:.1f} GB", static_cast<double>(bytes) / (1024.0 * 1024 * 1024));
}

// data.gov.tw's six checks of one resource as list items: the check's name, its state
// in words (never colour alone), the one-line explanation and the date it was measured.
boost::json::object DatagovChecksView(const quality::DatagovChecks& checks, Lang lang) {
  boost::json::array items;
  bool any_measured = false;
  for (const quality::DatagovCheck& c : checks) {
    if (!c.checked_at.empty()) any_measured = true;
    std::string state = !c.pass ? "unknown" : (*c.pass ? "pass" : "fail");
    items.emplace_back(boost::json::object{
        {"name", Translate(lang, "datagov_check_" + std::string(quality::DatagovCheckName(c.id)))},
        {"state", state},
        {"state_text", Translate(lang, "check_" + state)},
        {"explanation", lang == kEn ? c.explanation_en : c.explanation_zh},
        {"checked", c.checked_at.empty() ? boost::json::value(false) : boost::json::value(DateOnly(c.checked_at))}});
  }
  return {{"items", items}, {"measured", any_measured}};
}

boost::json::object ResourceView(const Resource& r, Lang lang) {
  boost::json::array fields;
  for (const auto& f : r.fields)
    fields.emplace_back(boost::json::object{{"name", f.name},
                                            {"description", Localized(f.description, lang)},
                                            {"type", f.type},
                                            {"unit", f.unit}});
  auto name = Localized(r.name, lang);
  if (name["text"].as_string().empty()) name["text"] = r.format.empty() ? Translate(lang, "resource_unnamed") : r.format;
  return {{"id", r.id},
          {"name", name},
          {"description", Localized(r.description, lang)},
          {"has_description", !r.description.Values().empty()},
          {"url", r.url},
          {"format", AsciiUpper(Trim(r.format))},
          {"encoding", r.encoding},
          {"size", r.size_bytes ? boost::json::value(HumanSize(*r.size_bytes)) : boost::json::value(false)},
          {"uploaded", r.uploaded},
          {"fields", fields},
          {"has_fields", !fields.empty()},
          {"modified", DateOnly(r.last_modified.empty() ? r.modified : r.last_modified)}};
}

}  // namespace

HttpResponse DatasetPage(PageCall& c) {
  auto d = actions::ShowDataset(c.ctx, c.req.Param("slug"));
  if (!d) return c.Failure(d.error());
  auto org = actions::ShowOrganization(c.ctx, d->organization_id);
  if (!org) return c.Failure(org.error());
  Lang lang = c.lang;

  boost::json::array resources, keywords, themes, topics, sources, activity;
  // Stored check results only: rendering never runs a check.
  auto checks = actions::DatagovChecksOfDataset(c.ctx, *d);
  if (!checks) return c.Failure(checks.error());
  for (const auto& r : d->resources) {
    boost::json::object view = ResourceView(r, lang);
    if (auto it = checks->find(r.id); it != checks->end()) view["datagov"] = DatagovChecksView(it->second, lang);
    resources.emplace_back(std::move(view));
  }
  for (const auto& k : d->keywords) {
    boost::json::object kw{{"text", k}, {"url", "/dataset?tags=" + PercentEncodeSegment(k)}};
    if (lang == kEn && ContainsHan(k)) kw["text_lang"] = "zh-TW";  // screen readers switch voice
    keywords.emplace_back(std::move(kw));
  }
  for (const auto& code : d->themes) {
    const ThemeInfo* t = FindTheme(code);
    themes.emplace_back(t ? std::string(lang == kEn ? t->name_en : t->name_zh) : code);
  }
  for (const auto& slug : d->topics) {
    std::string title = slug;
    if (auto t = c.ctx.store.GetTopic(slug)) title = Localized(t->title, lang)["text"].as_string().c_str();
    topics.emplace_back(boost::json::object{{"title", title}, {"url", "/topic/" + PercentEncodeSegment(slug)}});
  }
  for (const auto& s : d->methodology.source_datasets) {
    bool is_url = s.starts_with("http://") || s.starts_with("https://");
    sources.emplace_back(boost::json::object{{"text", s}, {"url", is_url ? s : "/dataset/" + PercentEncodeSegment(s)}});
  }
  if (auto acts = actions::ListDatasetActivity(c.ctx, d->id, 0, 10)) {
    for (const auto& a : *acts)
      activity.emplace_back(boost::json::object{{"when", DateOnly(a.timestamp)},
                                                {"what", Translate(lang, "activity_" + a.activity_type.substr(0, a.activity_type.find(' ')))},
                                                {"actor", a.actor}});
  }
  // The newest stored score: pages never re-score.
  auto score = actions::ShowDatasetScore(c.ctx, d->id);
  if (!score) return c.Failure(score.error());
  const Contact& contact = d->contact;
  boost::json::object data{
      {"quality", QualityPanelView(*score, *d, lang)},
      {"slug", d->slug},
      {"title", Localized(d->title, lang)},
      {"description", Localized(d->description, lang)},
      {"has_description", !d->description.Values().empty()},
      {"organization", boost::json::object{{"title", Localized(org->title, lang)},
                                           {"url", "/organization/" + PercentEncodeSegment(org->slug)},
                                           {"level", Translate(lang, "level_" + std::string(ToCode(org->level)))}}},
      {"type", Translate(lang, "dataset_type_" + std::string(ToCode(d->type)))},
      {"is_statistical", d->type == DatasetType::kStatistical},
      {"methodology", boost::json::object{{"description", d->methodology.description},
                                          {"formula", d->methodology.formula},
                                          {"sources", sources},
                                          {"has_sources", !sources.empty()}}},
      {"has_methodology", !d->methodology.Empty()},
      {"resources", resources},
      {"has_resources", !resources.empty()},
      {"keywords", keywords},
      {"has_keywords", !keywords.empty()},
      {"themes", themes},
      {"has_themes", !themes.empty()},
      {"topics", topics},
      {"has_topics", !topics.empty()},
      {"license", LicenseView(d->license_id, lang)},
      {"frequency", d->frequency.empty() ? boost::json::value(false) : boost::json::value(TranslateOr(lang, "frequency_" + d->frequency, d->frequency))},
      {"temporal", d->temporal_start.empty() && d->temporal_end.empty()
                       ? boost::json::value(false)
                       : boost::json::value(d->temporal_start + " – " + d->temporal_end)},
      {"spatial", d->spatial.empty() || d->spatial.front() == '{' ? boost::json::value(false) : boost::json::value(d->spatial)},
      {"free", d->cost.type == CostType::kFree},
      {"contact", boost::json::object{{"name", contact.name}, {"email", contact.email}, {"phone", contact.phone}}},
      {"has_contact", !contact.name.empty() || !contact.email.empty() || !contact.phone.empty()},
      {"issued", d->issued.empty() ? DateOnly(d->metadata_created) : d->issued},
      {"modified", DateOnly(d->metadata_modified)},
      {"activity", activity},
      {"has_activity", !activity.empty()},
      {"api_url", "/api/3/action/package_show?id=" + PercentEncodeSegment(d->slug)},
      // Only published datasets have a Croissant document (actions::DatasetCroissant).
      {"croissant_url", !d->is_private && d->state == State::kActive
                            ? boost::json::value("/dataset/" + PercentEncodeSegment(d->slug) + "/croissant.json")
                            : boost::json::value(false)},
      {"saved", c.req.Query("saved").has_value()},
      {"edit_url", actions::CanEditInOrganization(c.ctx.identity, d->organization_id)
                       ? boost::json::value("/dataset/" + PercentEncodeSegment(d->slug) + "/edit")
                       : boost::json::value(false)},
  };
  // The public code built on (or producing) this dataset: code released with its core data.
  boost::json::array software;
  if (auto built = actions::ListSoftwareForDataset(c.ctx, d->id)) {
    for (const auto& s : *built) {
      auto publisher = c.ctx.store.GetOrganization(s.organization_id);
      software.emplace_back(SoftwareSummary(s, publisher ? &*publisher : nullptr,
                                            actions::CountAdopters(c.ctx.store, s.id).value_or(0), lang));
    }
  }
  data["has_software"] = !software.empty();
  data["software"] = std::move(software);
  PageFrame f = c.Frame(Localized(d->title, lang)["text"].as_string().c_str());
  f.path = "/dataset/" + PercentEncodeSegment(d->slug);
  f.description = Excerpt(Localized(d->description, lang)["text"].as_string(), 200);
  f.jsonld = ScriptSafeJson(DatasetJsonLd(*d, *org, c.ctx.config.EffectiveSiteUrl()));
  f.feed_url = f.path + "/feed.atom" + (lang == kEn ? "?lang=en" : "");
  return c.Render("dataset", std::move(data), f);
}

}  // namespace pintu::http::web

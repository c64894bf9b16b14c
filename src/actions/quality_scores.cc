#include "actions/quality_scores.h"

#include <boost/json.hpp>

#include "actions/authz.h"
#include "actions/resource_checks.h"
#include "core/clock.h"
#include "formats/croissant_check.h"
#include "formats/croissant_export.h"
#include "jobs/kinds.h"
#include "jobs/worker.h"
#include "quality/indicators/resource_evidence.h"
#include "quality/indicators/score_card_json.h"
#include "quality/indicators/score_dataset.h"

namespace pintu::actions {
namespace json = boost::json;
namespace {

// The stored report as a JSON object, or nullopt when absent or unreadable.
std::optional<json::object> ParsedReport(const std::optional<ResourceCheck>& check) {
  if (!check) return std::nullopt;
  boost::system::error_code ec;
  json::value v = json::parse(check->report, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.get_object());
}

template <typename T>
Result<std::optional<T>> OptionalRead(Result<T> r) {
  if (r) return std::optional<T>(std::move(*r));
  if (r.error().code == ErrorCode::kNotFound) return std::optional<T>();
  return std::unexpected(r.error());
}

// Two cards say the same when everything but the time agrees.
bool SameScore(ScoreCard a, const ScoreCard& b) {
  a.computed_at = b.computed_at;
  // Stored points are rounded to 2 decimals (score_card_json); compare the same way.
  auto round = [](ScoreCard& c) {
    for (auto& s : c.indicators) s.points = std::round(s.points * 100) / 100;
    for (auto& t : c.totals) t.points = std::round(t.points * 100) / 100;
  };
  ScoreCard b2 = b;
  round(a);
  round(b2);
  return a == b2;
}

}  // namespace

Result<quality::ScoringInput> GatherScoringInput(Store& store, const Config& config, const Dataset& dataset,
                                                 Organization* organization_storage, int64_t now_ms) {
  quality::ScoringInput in;
  in.dataset = &dataset;
  in.now_ms = now_ms;
  in.base_url = config.EffectiveSiteUrl();
  if (!dataset.organization_id.empty() && organization_storage) {
    auto org = OptionalRead(store.GetOrganization(dataset.organization_id));
    if (!org) return std::unexpected(org.error());
    if (*org) {
      *organization_storage = std::move(**org);
      in.organization = organization_storage;
    }
  }
  std::map<std::string, json::object> contents_reports;  // for the Croissant export
  for (const Resource& r : dataset.resources) {
    if (r.state != State::kActive) continue;
    auto links = OptionalRead(store.GetLatestResourceCheck(r.id, CheckKind::kLinks));
    if (!links) return std::unexpected(links.error());
    auto contents = OptionalRead(store.GetLatestResourceCheck(r.id, CheckKind::kContents));
    if (!contents) return std::unexpected(contents.error());
    if (!*links && !*contents) continue;  // never checked: no evidence
    auto link_json = ParsedReport(*links);
    auto contents_json = ParsedReport(*contents);
    in.resources.push_back(quality::EvidenceFromReports(r, link_json ? &*link_json : nullptr,
                                                        contents_json ? &*contents_json : nullptr,
                                                        CurrentDatagovChecks(*links, *contents)));
    if (contents_json) contents_reports.emplace(r.id, std::move(*contents_json));
  }
  // Croissant validity: the export the portal serves, through Pintu's own checker.
  if (in.organization) {
    const json::value croissant = formats::ExportCroissant(dataset, *in.organization, in.base_url, contents_reports);
    in.croissant_errors = static_cast<int>(formats::ValidateCroissant(croissant).errors);
  }
  return in;
}

Result<ScoreCard> ComputeDatasetScore(Store& store, const Config& config, std::string_view id_or_slug, int64_t now_ms) {
  auto dataset = store.GetDataset(id_or_slug);
  if (!dataset) return std::unexpected(dataset.error());
  Organization org;
  auto in = GatherScoringInput(store, config, *dataset, &org, now_ms);
  if (!in) return std::unexpected(in.error());
  return quality::ScoreDataset(*in);
}

Result<RescoreOutcome> RescoreDataset(Store& store, const Config& config, std::string_view id, int64_t now_ms) {
  auto card = ComputeDatasetScore(store, config, id, now_ms);
  if (!card) return std::unexpected(card.error());
  RescoreOutcome out;
  out.card = std::move(*card);
  auto previous = OptionalRead(store.GetLatestScoreCardJson(out.card.dataset_id));
  if (!previous) return std::unexpected(previous.error());
  if (*previous) {
    boost::system::error_code ec;
    json::value v = json::parse(**previous, ec);
    if (!ec) {
      auto old = quality::ScoreCardFromJson(v);
      if (old && SameScore(out.card, *old)) return out;
    }
  }
  const std::string text = json::serialize(quality::ScoreCardToJson(out.card));
  auto written = store.Write([&](WriteTxn& tx) { return tx.AddScoreSnapshot(out.card, text); });
  if (!written) return std::unexpected(written.error());
  out.stored = true;
  return out;
}

Result<size_t> RescoreAllDatasets(Store& store, const Config& config, int64_t now_ms,
                                  const std::function<void(size_t, size_t)>& progress) {
  auto ids = store.ListAllDatasetIds();
  if (!ids) return std::unexpected(ids.error());
  size_t stored = 0;
  for (size_t i = 0; i < ids->size(); ++i) {
    auto r = RescoreDataset(store, config, (*ids)[i], now_ms);
    if (!r) return std::unexpected(r.error());
    stored += r->stored ? 1 : 0;
    if (progress) progress(i + 1, ids->size());
  }
  return stored;
}

Result<void> EnqueueRescore(WriteTxn& tx, std::string_view dataset_id) {
  JobRequest request;
  request.kind = std::string(jobs::kScoreDataset);
  request.subject = std::string(dataset_id);
  request.priority = kPriorityScheduled;
  request.max_attempts = 3;
  auto job = tx.EnqueueJob(request, SystemClock().NowMillis());
  if (!job) return std::unexpected(job.error());
  return Ok();
}

void RegisterScoreHandler(jobs::HandlerRegistry& registry, Store& store, const Config& config) {
  registry.Register(std::string(jobs::kScoreDataset), [&store, &config](const Job& job, std::stop_token) -> Result<json::value> {
    auto r = RescoreDataset(store, config, job.subject, SystemClock().NowMillis());
    if (!r) {
      if (r.error().code == ErrorCode::kNotFound) return json::value(json::object{{"skipped", "dataset not found"}});
      return std::unexpected(r.error());
    }
    const FrameworkTotal* mqa = r->card.Total(kFrameworkMqa);
    return json::value(json::object{{"stored", r->stored}, {"mqa_points", mqa ? mqa->points : 0.0}});
  });
}

Result<std::optional<ScoreCard>> ShowDatasetScore(Context& ctx, std::string_view id_or_slug) {
  auto dataset = ctx.store.GetDataset(id_or_slug);
  if (!dataset || !CanReadDataset(ctx.identity, *dataset)) return std::unexpected(Error::NotFound("Dataset"));
  auto text = OptionalRead(ctx.store.GetLatestScoreCardJson(dataset->id));
  if (!text) return std::unexpected(text.error());
  if (!*text) return std::optional<ScoreCard>();
  boost::system::error_code ec;
  json::value v = json::parse(**text, ec);
  if (ec) return std::unexpected(Error::Internal("A stored score card is not JSON"));
  auto card = quality::ScoreCardFromJson(v);
  if (!card) return std::unexpected(Error::Internal("A stored score card is damaged: " + card.error().message));
  return std::optional<ScoreCard>(std::move(*card));
}

Result<QualityDashboard> ShowQualityDashboard(Context& ctx, int trend_days) {
  if (trend_days < 1 || trend_days > 366)
    return std::unexpected(Error::Invalid("days", "Must be between 1 and 366", "必須介於 1 到 366"));
  auto latest = ctx.store.ListScoreSummaries(true, 0);
  if (!latest) return std::unexpected(latest.error());
  QualityDashboard out;
  out.all = quality::RollupScores(*latest, quality::RollupKey::kAll).front();
  out.levels = quality::RollupScores(*latest, quality::RollupKey::kLevel);
  out.mqa_histogram = quality::MqaHistogram(*latest);
  for (auto& g : quality::RollupScores(*latest, quality::RollupKey::kOrganization)) {
    auto org = OptionalRead(ctx.store.GetOrganization(g.key));
    if (!org) return std::unexpected(org.error());
    if (!*org || (*org)->state != State::kActive) continue;
    out.agencies.push_back({std::move(**org), std::move(g)});
  }
  // Every snapshot: a dataset's state on the window's first day is its newest snapshot
  // before the window.
  auto history = ctx.store.ListScoreSummaries(false, 0);
  if (!history) return std::unexpected(history.error());
  out.trend = quality::ScoreTrend(*history, SystemClock().NowMillis(), trend_days);
  return out;
}

Result<std::vector<quality::TopFix>> ShowTopFixes(Context& ctx, std::string_view organization, std::string_view framework,
                                                  size_t limit) {
  auto org = ctx.store.GetOrganization(organization);
  if (!org || org->state != State::kActive) return std::unexpected(Error::NotFound("Organization"));
  auto texts = ctx.store.ListLatestScoreCardJson(org->id);
  if (!texts) return std::unexpected(texts.error());
  std::vector<ScoreCard> cards;
  cards.reserve(texts->size());
  for (const auto& t : *texts) {
    boost::system::error_code ec;
    json::value v = json::parse(t, ec);
    if (ec) continue;
    auto card = quality::ScoreCardFromJson(v);
    if (card && card->published) cards.push_back(std::move(*card));
  }
  return quality::TopFixes(cards, framework, limit);
}

}  // namespace pintu::actions

#include "actions/software.h"

#include <map>

#include <boost/json.hpp>

#include "actions/activity_log.h"
#include "actions/authz.h"
#include "actions/software_crawl.h"
#include "actions/software_fields.h"
#include "code/maintenance_status.h"
#include "code/readiness.h"
#include "code/report_json.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/model_json.h"
#include "core/software_json.h"
#include "core/text.h"
#include "core/time.h"
#include "formats/publiccode/report.h"

namespace pintu::actions {
namespace pc = formats::publiccode;
namespace {

// The largest publiccode.yml the registry takes through the API or the portal.
constexpr size_t kMaxPubliccodeBytes = 1024 * 1024;

// Validation errors of a file as field errors keyed "publiccode_yml.<key>".
Error FileErrors(const pc::ValidationResult& result) {
  Error e{ErrorCode::kValidation, "The publiccode.yml is not valid", {}};
  for (const auto& f : result.errors) {
    std::string where = f.line > 0 ? " (line " + std::to_string(f.line) + ")" : "";
    std::string where_zh = f.line > 0 ? "（第 " + std::to_string(f.line) + " 行）" : "";
    e.fields.push_back({f.key.empty() ? "publiccode_yml" : "publiccode_yml." + f.key,
                        f.message + where + (f.hint.empty() ? "" : " — " + f.hint),
                        f.message_zh + where_zh + (f.hint_zh.empty() ? "" : "：" + f.hint_zh)});
  }
  return e;
}

// Resolves dataset links given by id or slug to ids; unknown ones are field errors.
Result<std::vector<SoftwareDatasetLink>> ResolveLinks(StoreReader& tx, const std::vector<SoftwareDatasetLink>& links) {
  std::vector<SoftwareDatasetLink> out;
  Error e{ErrorCode::kValidation, "Validation failed", {}};
  for (size_t i = 0; i < links.size(); ++i) {
    std::string field = "datasets." + std::to_string(i);
    if (!IsSoftwareDatasetRelation(links[i].relation)) {
      e.fields.push_back({field + ".relation", "Must be \"uses\" or \"produces\"", "必須是 uses（使用）或 produces（產出）"});
      continue;
    }
    auto d = tx.GetDataset(links[i].dataset_id);
    if (!d || d->state == State::kDeleted) {
      e.fields.push_back({field + ".dataset", "No such dataset: " + links[i].dataset_id, "找不到資料集：" + links[i].dataset_id});
      continue;
    }
    SoftwareDatasetLink link{d->id, links[i].relation};
    if (std::find(out.begin(), out.end(), link) == out.end()) out.push_back(link);
  }
  if (links.size() > 200) e.fields.push_back({"datasets", "At most 200 dataset links", "資料集連結不可超過 200 個"});
  if (!e.fields.empty()) return std::unexpected(e);
  return out;
}

// A free slug: the requested one (validated), else one from the name or repository.
Result<std::string> ChooseSlug(StoreReader& tx, const SoftwareInput& input, const Software& s) {
  if (!input.slug.empty()) {
    if (!IsValidSlug(input.slug))
      return std::unexpected(Error::Invalid("name", "Must be 2-100 characters of lowercase a-z, 0-9, - and _",
                                            "必須是 2 到 100 個小寫英數字、- 或 _"));
    if (tx.GetSoftware(input.slug)) return std::unexpected(Error::Conflict("name", "That URL is already in use."));
    return input.slug;
  }
  std::string base = SlugCandidate(s.name);
  if (base.empty()) {
    std::string_view url = s.repository_url;
    while (url.ends_with('/')) url.remove_suffix(1);
    if (url.ends_with(".git")) url.remove_suffix(4);
    base = SlugCandidate(url.substr(url.find_last_of('/') == std::string_view::npos ? 0 : url.find_last_of('/') + 1));
  }
  if (base.empty()) base = "software";
  if (base.size() > 90) base.resize(90);
  for (int i = 1; i < 1000; ++i) {
    std::string candidate = i == 1 ? base : base + "-" + std::to_string(i);
    if (!tx.GetSoftware(candidate)) return candidate;
  }
  return base + "-" + NewUuid().substr(0, 8);
}

Result<void> CheckFileSize(std::string_view text) {
  if (text.size() > kMaxPubliccodeBytes)
    return std::unexpected(Error::Invalid("publiccode_yml", "The publiccode.yml must be at most 1 MiB",
                                          "publiccode.yml 不可超過 1 MiB"));
  return Ok();
}

// The version row for a file the caller gave (upload or API).
SoftwareVersion FileVersion(const Software& s, const pc::ValidationResult& result) {
  SoftwareVersion v;
  v.software_id = s.id;
  v.recorded_at = NowIso();
  v.publiccode_yml = s.publiccode_yml;
  if (result.document && result.document->software_version) v.software_version = *result.document->software_version;
  v.valid = result.valid();
  v.error_count = static_cast<int64_t>(result.errors.size());
  v.warning_count = static_cast<int64_t>(result.warnings.size());
  v.report_json = ToJsonString(pc::ValidationResultToJson(result));
  return v;
}

Result<Software> LoadWritable(Context& ctx, StoreReader& tx, std::string_view id_or_slug, std::string_view action) {
  auto s = tx.GetSoftware(id_or_slug);
  if (!s || s->state == State::kDeleted) return std::unexpected(Error::NotFound("Software"));
  if (auto ok = Require(CanEditInOrganization(ctx.identity, s->organization_id), action); !ok)
    return std::unexpected(ok.error());
  return s;
}

}  // namespace

pc::ValidationResult ValidateForRegistry(std::string_view publiccode_yml) {
  pc::ValidateOptions options;
  options.mode = pc::Mode::kLenient;
  // Uploaded files have no folder: relative logo and screenshot paths cannot be checked
  // here and are reported as missing, which is what a reader of the entry would see too.
  return pc::ValidatePubliccode(publiccode_yml, std::filesystem::path("/nonexistent-publiccode-folder"), options);
}

std::string CurrentMaintenanceStatus(const Software& s, std::string_view today_iso_date) {
  code::MaintenanceInput in;
  in.type = s.maintenance_type;
  in.contract_until = s.contract_until;
  in.last_commit_unix = s.last_commit_unix;
  return std::string(code::MaintenanceStatusCode(code::ComputeMaintenanceStatus(in, today_iso_date)));
}

ReadinessSummary CurrentReadiness(const Software& s) {
  namespace json = boost::json;
  std::map<std::string, const json::object*> reported;
  auto parsed = ParseJson(s.readiness_json);
  auto strings = [](const json::object& o, std::string_view key) {
    std::vector<std::string> out;
    if (auto it = o.find(key); it != o.end() && it->value().is_array())
      for (const auto& v : it->value().get_array())
        if (v.is_string()) out.emplace_back(v.get_string());
    return out;
  };
  if (!s.readiness_json.empty() && parsed && parsed->is_object())
    if (auto it = parsed->get_object().find("criteria"); it != parsed->get_object().end() && it->value().is_array())
      for (const auto& c : it->value().get_array())
        if (c.is_object() && c.get_object().contains("code") && c.get_object().at("code").is_string())
          reported[std::string(c.get_object().at("code").get_string())] = &c.get_object();
  ReadinessSummary out;
  for (const auto& info : code::AllCriteria()) {
    ReadinessAnswer a;
    a.code = std::string(info.code);
    a.state = "self_assess";
    a.source = "unanswered";
    if (auto it = reported.find(a.code); it != reported.end()) {
      const json::object& c = *it->second;
      if (auto st = c.find("state"); st != c.end() && st->value().is_string()) a.state = std::string(st->value().get_string());
      if (auto au = c.find("automatic"); au != c.end() && au->value().is_bool() && au->value().get_bool()) a.source = "automatic";
      a.evidence_en = strings(c, "evidence_en");
      a.evidence_zh = strings(c, "evidence_zh");
    }
    if (a.state == "self_assess") {
      if (auto self = s.self_assessment.find(a.code); self != s.self_assessment.end()) {
        a.state = self->second.met ? "met" : "not_met";
        a.note = self->second.note;
        a.source = "self";
      }
    }
    if (a.state == "met") ++out.met;
    out.criteria.push_back(std::move(a));
  }
  return out;
}

Result<size_t> RefreshMaintenanceStatuses(Store& store, std::string_view today_iso_date) {
  auto all = store.ListSoftware(false);
  if (!all) return std::unexpected(all.error());
  size_t moved = 0;
  for (const auto& listed : *all) {
    if (CurrentMaintenanceStatus(listed, today_iso_date) == listed.maintenance_status) continue;
    auto r = store.Write([&](WriteTxn& tx) -> Result<void> {
      auto current = tx.GetSoftware(listed.id);  // re-read inside the transaction
      if (!current || current->state != State::kActive) return Ok();
      Software s = *current;
      s.maintenance_status = CurrentMaintenanceStatus(s, today_iso_date);
      if (s.maintenance_status == current->maintenance_status) return Ok();
      s.modified = NowIso();
      if (auto ok = tx.PutSoftware(s); !ok) return ok;
      ++moved;
      return RecordActivity(tx, Identity::System(), "changed software", "software", s.id, SoftwareToJson(*current),
                            SoftwareToJson(s));
    });
    if (!r) return std::unexpected(r.error());
  }
  return moved;
}

Result<Software> CreateSoftware(Context& ctx, const SoftwareInput& input, SoftwareSource source) {
  const bool by_repository = input.publiccode_yml.empty();
  if (by_repository && input.repository_url.empty())
    return std::unexpected(Error::Invalid("repository_url", "Give a repository URL or a publiccode.yml",
                                          "請提供儲存庫網址或 publiccode.yml"));
  if (by_repository) {
    if (auto ok = CheckRepositoryUrl(ctx.config, input.repository_url); !ok) return std::unexpected(ok.error());
  } else if (auto ok = CheckFileSize(input.publiccode_yml); !ok) {
    return std::unexpected(ok.error());
  }
  std::optional<pc::ValidationResult> result;
  if (!by_repository) {
    result = ValidateForRegistry(input.publiccode_yml);
    if (!result->valid()) return std::unexpected(FileErrors(*result));
  }
  Software out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    if (input.organization.empty()) return std::unexpected(Error::Invalid("owner_org", "Missing value", "缺少發布機關"));
    auto org = tx.GetOrganization(input.organization);
    if (!org || org->state == State::kDeleted)
      return std::unexpected(Error::Invalid("owner_org", "No such organization", "找不到這個機關"));
    if (auto ok = Require(CanEditInOrganization(ctx.identity, org->id), "register software for this organization"); !ok)
      return ok;
    if (by_repository) {
      // One entry per repository: a second one would split its adoptions and history.
      auto all = tx.ListSoftware(false);
      if (!all) return std::unexpected(all.error());
      for (const auto& other : *all)
        if (other.source == SoftwareSource::kGit && other.repository_url == input.repository_url)
          return std::unexpected(Error{ErrorCode::kConflict, "Repository already registered",
                                       {{"repository_url", "This repository is already registered as " + other.slug,
                                         "這個儲存庫已經登錄為 " + other.slug}}});
    }
    Software s;
    s.id = NewUuid();
    s.organization_id = org->id;
    s.source = by_repository ? SoftwareSource::kGit : source;
    s.repository_url = input.repository_url;
    s.publiccode_yml = input.publiccode_yml;
    s.created = s.modified = NowIso();
    if (result) {
      ApplyPubliccode(s, *result);
      if (s.repository_url.empty() && result->document) s.repository_url = result->document->url;
      s.maintenance_status = CurrentMaintenanceStatus(s, TodayIso());
      s.readiness_json = ToJsonString(code::ReadinessReportToJson(
          code::AssessReadinessWithoutRepository(*result, SystemClock().NowMillis() / 1000)));
    } else {
      s.name = SlugCandidate(s.repository_url.substr(s.repository_url.find_last_of('/') + 1));
    }
    if (input.datasets) {
      auto links = ResolveLinks(tx, *input.datasets);
      if (!links) return std::unexpected(links.error());
      s.datasets = std::move(*links);
    }
    auto slug = ChooseSlug(tx, input, s);
    if (!slug) return std::unexpected(slug.error());
    s.slug = *slug;
    if (auto ok = tx.PutSoftware(s); !ok) return ok;
    if (result) {
      auto v = tx.AddSoftwareVersion(FileVersion(s, *result));
      if (!v) return std::unexpected(v.error());
    } else if (auto job = EnqueueSoftwareCrawl(tx, s.id, kPriorityUserAsked); !job) {
      return std::unexpected(job.error());
    }
    out = s;
    return RecordActivity(tx, ctx.identity, "new software", "software", s.id, {}, SoftwareToJson(s));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<Software> UpdateSoftware(Context& ctx, std::string_view id_or_slug, const SoftwareInput& input) {
  std::optional<pc::ValidationResult> result;
  if (!input.publiccode_yml.empty()) {
    if (auto ok = CheckFileSize(input.publiccode_yml); !ok) return std::unexpected(ok.error());
    result = ValidateForRegistry(input.publiccode_yml);
    if (!result->valid()) return std::unexpected(FileErrors(*result));
  }
  if (!input.repository_url.empty())
    if (auto ok = CheckRepositoryUrl(ctx.config, input.repository_url); !ok) return std::unexpected(ok.error());
  Software out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = LoadWritable(ctx, tx, id_or_slug, "edit this software");
    if (!existing) return std::unexpected(existing.error());
    Software s = *existing;
    if (!input.slug.empty() && input.slug != s.slug) {
      auto slug = ChooseSlug(tx, input, s);
      if (!slug) return std::unexpected(slug.error());
      s.slug = *slug;
    }
    bool recrawl = false;
    if (!input.repository_url.empty() && input.repository_url != s.repository_url) {
      s.repository_url = input.repository_url;
      recrawl = s.source == SoftwareSource::kGit;
    }
    if (result) {
      if (s.source == SoftwareSource::kGit)
        return std::unexpected(Error::Invalid("publiccode_yml", "This entry is read from its repository: change the file there",
                                              "此軟體的 publiccode.yml 來自儲存庫，請在儲存庫中修改"));
      s.publiccode_yml = input.publiccode_yml;
      ApplyPubliccode(s, *result);
      s.maintenance_status = CurrentMaintenanceStatus(s, TodayIso());
      s.readiness_json = ToJsonString(code::ReadinessReportToJson(
          code::AssessReadinessWithoutRepository(*result, SystemClock().NowMillis() / 1000)));
      auto v = tx.AddSoftwareVersion(FileVersion(s, *result));
      if (!v) return std::unexpected(v.error());
    }
    if (input.datasets) {
      auto links = ResolveLinks(tx, *input.datasets);
      if (!links) return std::unexpected(links.error());
      s.datasets = std::move(*links);
    }
    s.modified = NowIso();
    if (auto ok = tx.PutSoftware(s); !ok) return ok;
    if (recrawl)
      if (auto job = EnqueueSoftwareCrawl(tx, s.id, kPriorityUserAsked); !job) return std::unexpected(job.error());
    out = s;
    return RecordActivity(tx, ctx.identity, "changed software", "software", s.id, SoftwareToJson(*existing),
                          SoftwareToJson(s));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

Result<void> DeleteSoftware(Context& ctx, std::string_view id_or_slug) {
  return ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = LoadWritable(ctx, tx, id_or_slug, "delete this software");
    if (!existing) return std::unexpected(existing.error());
    Software s = *existing;
    s.state = State::kDeleted;
    s.modified = NowIso();
    if (auto ok = tx.PutSoftware(s); !ok) return ok;
    return RecordActivity(tx, ctx.identity, "deleted software", "software", s.id, SoftwareToJson(*existing), {});
  });
}

Result<Software> ShowSoftware(Context& ctx, std::string_view id_or_slug) {
  auto s = ctx.store.GetSoftware(id_or_slug);
  if (!s) return std::unexpected(s.error());
  if (s->state == State::kDeleted && !CanEditInOrganization(ctx.identity, s->organization_id))
    return std::unexpected(Error::NotFound("Software"));
  return s;
}

Result<std::vector<Software>> ListSoftware(Context& ctx, std::string_view organization) {
  std::string org_id;
  if (!organization.empty()) {
    auto org = ctx.store.GetOrganization(organization);
    if (!org) return std::unexpected(org.error());
    org_id = org->id;
  }
  auto all = ctx.store.ListSoftware(false);
  if (!all) return std::unexpected(all.error());
  if (org_id.empty()) return all;
  std::vector<Software> out;
  for (auto& s : *all)
    if (s.organization_id == org_id) out.push_back(std::move(s));
  return out;
}

Result<std::vector<Software>> ListSoftwareForDataset(Context& ctx, std::string_view dataset_id) {
  return ctx.store.ListSoftwareForDataset(dataset_id);
}

Result<std::vector<SoftwareVersion>> ListSoftwareVersions(Context& ctx, std::string_view id_or_slug, size_t offset,
                                                         size_t limit) {
  auto s = ShowSoftware(ctx, id_or_slug);
  if (!s) return std::unexpected(s.error());
  return ctx.store.ListSoftwareVersions(s->id, offset, std::min<size_t>(limit, 1000));
}

Result<int64_t> RequestSoftwareCrawl(Context& ctx, std::string_view id_or_slug) {
  int64_t job_id = 0;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto s = LoadWritable(ctx, tx, id_or_slug, "crawl this software");
    if (!s) return std::unexpected(s.error());
    if (s->source != SoftwareSource::kGit)
      return std::unexpected(Error::Invalid("repository_url", "This entry has no repository to crawl",
                                            "此軟體沒有可抓取的儲存庫"));
    auto job = EnqueueSoftwareCrawl(tx, s->id, kPriorityUserAsked);
    if (!job) return std::unexpected(job.error());
    job_id = *job;
    return Ok();
  });
  if (!r) return std::unexpected(r.error());
  return job_id;
}

Result<Software> SetSelfAssessment(Context& ctx, std::string_view id_or_slug, std::string_view criterion,
                                   const SelfAssessment& answer) {
  bool known = false;
  for (const auto& c : code::AllCriteria()) known = known || c.code == criterion;
  if (!known) return std::unexpected(Error::Invalid("criterion", "No such criterion: " + std::string(criterion),
                                                    "沒有這個準則：" + std::string(criterion)));
  if (!IsValidUtf8(answer.note) || CountCodePoints(answer.note) > 2000)
    return std::unexpected(Error::Invalid("note", "Must be valid text of at most 2000 characters", "須為 2000 字以內的文字"));
  Software out;
  auto r = ctx.store.Write([&](WriteTxn& tx) -> Result<void> {
    auto existing = LoadWritable(ctx, tx, id_or_slug, "assess this software");
    if (!existing) return std::unexpected(existing.error());
    Software s = *existing;
    s.self_assessment[std::string(criterion)] = answer;
    s.modified = NowIso();
    if (auto ok = tx.PutSoftware(s); !ok) return ok;
    out = s;
    return RecordActivity(tx, ctx.identity, "changed software", "software", s.id, SoftwareToJson(*existing),
                          SoftwareToJson(s));
  });
  if (!r) return std::unexpected(r.error());
  return out;
}

}  // namespace pintu::actions

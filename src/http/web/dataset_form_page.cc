// GET/POST /dataset/new and /dataset/{slug}/edit: the agency form to publish and edit a
// dataset with one file (upload or URL). The form is turned into the same dataset dict the
// CKAN API takes, so both faces share one validation; messages appear next to their field,
// and nothing is stored unless every check passes.
#include <boost/json.hpp>

#include "actions/authz.h"
#include "actions/datasets.h"
#include "actions/resources.h"
#include "core/model_json.h"
#include "core/vocabulary.h"
#include "http/web/form.h"
#include "http/web/pages.h"
#include "http/web/view.h"

namespace pintu::http::web {

std::vector<Organization> EditableOrganizations(actions::Context& ctx);  // dashboard_page.cc

namespace {

namespace json = boost::json;

// Form fields in display order.
constexpr std::string_view kTextFields[] = {"owner_org", "name", "title_zh", "title_en", "notes_zh", "notes_en",
                                            "tags", "license_id", "dataset_type", "frequency",
                                            "methodology_description", "methodology_formula",
                                            "res_name", "res_url", "res_format"};
constexpr std::string_view kFrequencies[] = {"", "HOURLY", "DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "ANNUAL_2",
                                             "ANNUAL", "IRREG", "UPDATE_CONT", "NEVER"};
constexpr std::string_view kTypes[] = {"raw", "statistical", "aggregated", "real-time"};

// The form field that shows the error of a dataset-dict path ("title_translated.zh-TW").
std::string FormFieldOf(std::string_view path) {
  if (path == "title" || path.starts_with("title_translated.zh") || path == "title_translated") return "title_zh";
  if (path.starts_with("title_translated.en")) return "title_en";
  if (path == "notes" || path.starts_with("notes_translated.zh") || path == "notes_translated") return "notes_zh";
  if (path.starts_with("notes_translated.en")) return "notes_en";
  if (path.starts_with("tags")) return "tags";
  if (path == "methodology.formula") return "methodology_formula";
  if (path.starts_with("methodology")) return "methodology_description";
  if (path == "upload") return "upload";
  if (path.starts_with("resources") || path == "url") return "res_url";
  for (auto f : kTextFields)
    if (path == f) return std::string(path);
  return "";
}

std::vector<std::string> SplitTags(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    std::string t(Trim(cur));
    if (!t.empty()) out.push_back(t);
    cur.clear();
  };
  for (size_t i = 0; i < s.size();) {
    if (s[i] == ',') { flush(); ++i; continue; }
    if (s.compare(i, 3, "，") == 0 || s.compare(i, 3, "、") == 0) { flush(); i += 3; continue; }
    cur += s[i++];
  }
  flush();
  return out;
}

// The submitted values (text fields), or those of an existing dataset.
std::map<std::string, std::string> ValuesOf(const Dataset& d, const std::string& org_slug) {
  std::string tags;
  for (const auto& k : d.keywords) tags += (tags.empty() ? "" : ", ") + k;
  return {{"owner_org", org_slug},
          {"name", d.slug},
          {"title_zh", d.title.Get(kLangZh)},
          {"title_en", d.title.Get(kLangEn)},
          {"notes_zh", d.description.Get(kLangZh)},
          {"notes_en", d.description.Get(kLangEn)},
          {"tags", tags},
          {"license_id", d.license_id},
          {"dataset_type", std::string(ToCode(d.type))},
          {"frequency", d.frequency},
          {"methodology_description", d.methodology.description},
          {"methodology_formula", d.methodology.formula},
          {"private", d.is_private ? "1" : ""}};
}

struct FormState {
  bool is_new = true;
  std::string slug;  // when editing
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> errors;  // form field → message
  std::string general_error;
};

HttpResponse RenderForm(PageCall& c, const FormState& s, int status) {
  Lang lang = c.lang;
  auto value = [&](std::string_view k) {
    auto it = s.values.find(std::string(k));
    return it == s.values.end() ? std::string() : it->second;
  };
  json::object fields;
  for (auto f : kTextFields) {
    auto e = s.errors.find(std::string(f));
    fields[f] = json::object{{"value", value(f)},
                             {"error", e == s.errors.end() ? "" : e->second},
                             {"invalid", e != s.errors.end()}};
  }
  auto upload_error = s.errors.find("upload");
  fields["upload"] = json::object{{"error", upload_error == s.errors.end() ? "" : upload_error->second},
                                  {"invalid", upload_error != s.errors.end()}};
  json::array orgs, licenses, types, frequencies;
  for (const auto& o : EditableOrganizations(c.ctx))
    orgs.emplace_back(json::object{{"value", o.slug}, {"label", o.title.Best(lang)}, {"selected", o.slug == value("owner_org")}});
  std::string license = value("license_id").empty() ? std::string(kDefaultLicenseId) : value("license_id");
  for (const auto& l : AllLicenses())
    licenses.emplace_back(json::object{{"value", std::string(l.id)},
                                       {"label", std::string(lang == kEn ? l.title_en : l.title_zh)},
                                       {"selected", l.id == license}});
  for (auto t : kTypes)
    types.emplace_back(json::object{{"value", std::string(t)},
                                    {"label", Translate(lang, "dataset_type_" + std::string(t))},
                                    {"selected", t == (value("dataset_type").empty() ? "raw" : value("dataset_type"))}});
  for (auto f : kFrequencies)
    frequencies.emplace_back(json::object{{"value", std::string(f)},
                                          {"label", f.empty() ? Translate(lang, "frequency_unknown") : TranslateOr(lang, "frequency_" + std::string(f), f)},
                                          {"selected", f == value("frequency")}});
  json::array summary;
  for (const auto& [field, message] : s.errors)
    summary.emplace_back(json::object{{"field", field == "upload" ? "upload" : field}, {"message", message}});
  json::object data{{"is_new", s.is_new},
                    {"action", s.is_new ? std::string("/dataset/new") : "/dataset/" + PercentEncodeSegment(s.slug) + "/edit"},
                    {"cancel_url", s.is_new ? std::string("/dashboard") : "/dataset/" + PercentEncodeSegment(s.slug)},
                    {"csrf", c.csrf},
                    {"f", fields},
                    {"private", value("private") == "1"},
                    {"organizations", orgs},
                    {"licenses", licenses},
                    {"types", types},
                    {"frequencies", frequencies},
                    {"errors", summary},
                    {"has_errors", !summary.empty() || !s.general_error.empty()},
                    {"general_error", s.general_error},
                    {"max_upload_mb", static_cast<int64_t>(c.ctx.config.max_upload_bytes >> 20)}};
  PageFrame f = c.Frame(Translate(lang, s.is_new ? "new_dataset" : "edit_dataset"));
  f.status = status;
  return c.Render("dataset_form", std::move(data), f);
}

// Copies an action error into the form state, field by field.
void ShowError(PageCall& c, FormState& s, const Error& e) {
  for (const auto& fe : e.fields) {
    std::string field = FormFieldOf(fe.field);
    std::string message = c.lang == kZh && !fe.message_zh.empty() ? fe.message_zh : fe.message;
    if (field.empty()) s.general_error = fe.field + ": " + message;
    else s.errors.emplace(field, message);
  }
  if (e.fields.empty()) s.general_error = e.code == ErrorCode::kInternal ? Translate(c.lang, "error_internal") : e.message;
}

// Handles a submitted form: validates everything first, then writes. `existing` is the
// dataset being edited (nullptr for a new one).
HttpResponse Submit(PageCall& c, const Dataset* existing) {
  if (!c.LoggedIn()) return c.LoginFirst();
  FormState s;
  s.is_new = existing == nullptr;
  if (existing) s.slug = existing->slug;
  auto form = ReadForm(c.req);
  if (!form) {
    s.general_error = form.error().message;
    return RenderForm(c, s, 400);
  }
  for (auto f : kTextFields) s.values[std::string(f)] = form->Get(f);
  s.values["private"] = form->Get("private") == "1" ? "1" : "";
  if (!c.CsrfOk(*form)) {
    s.general_error = Translate(c.lang, "error_csrf");
    return RenderForm(c, s, 403);
  }

  // The dataset dict the CKAN API would receive.
  json::object dict = existing ? DatasetToJson(*existing) : json::object{};
  if (s.is_new) dict["name"] = s.values["name"];
  dict["owner_org"] = s.values["owner_org"];
  json::object titles, notes;
  for (auto [field, lang] : {std::pair{"title_zh", kLangZh}, std::pair{"title_en", kLangEn}})
    if (!Trim(s.values[field]).empty()) titles[lang] = s.values[field];
  for (auto [field, lang] : {std::pair{"notes_zh", kLangZh}, std::pair{"notes_en", kLangEn}})
    if (!Trim(s.values[field]).empty()) notes[lang] = s.values[field];
  dict["title_translated"] = titles;
  dict.erase("title");
  dict["notes_translated"] = notes;
  dict.erase("notes");
  json::array tags;
  for (auto& t : SplitTags(s.values["tags"])) tags.emplace_back(t);
  dict["tags"] = tags;
  dict["license_id"] = s.values["license_id"];
  dict["dataset_type"] = s.values["dataset_type"];
  dict["frequency"] = s.values["frequency"];
  dict["private"] = s.values["private"] == "1";
  json::object method = dict.contains("methodology") && dict["methodology"].is_object() ? dict["methodology"].as_object() : json::object{};
  method["description"] = s.values["methodology_description"];
  method["formula"] = s.values["methodology_formula"];
  dict["methodology"] = method;
  if (titles.empty()) s.errors.emplace("title_zh", Translate(c.lang, "error_title_required"));

  auto dataset = DatasetFromJson(dict);
  if (!dataset) ShowError(c, s, dataset.error());

  // The file: checked before anything is written.
  const MultipartPart* file = form->File("upload");
  if (file && file->body.empty() && file->filename.empty()) file = nullptr;
  std::string url(Trim(s.values["res_url"]));
  if (file) {
    if (!actions::IsAcceptedUploadName(file->filename))
      s.errors.emplace("upload", Translate(c.lang, "error_file_type"));
    else if (file->body.size() > c.ctx.config.max_upload_bytes)
      s.errors.emplace("upload", Translate(c.lang, "error_file_too_large"));
    else if (file->body.empty())
      s.errors.emplace("upload", Translate(c.lang, "error_file_empty"));
  } else if (!url.empty() && !(url.starts_with("https://") || url.starts_with("http://"))) {
    s.errors.emplace("res_url", Translate(c.lang, "error_url"));
  }
  if (!s.errors.empty() || !s.general_error.empty()) return RenderForm(c, s, 400);

  Result<Dataset> saved = existing ? actions::UpdateDataset(c.ctx, *dataset) : actions::CreateDataset(c.ctx, *dataset);
  if (!saved) {
    if (saved.error().code == ErrorCode::kAuthorization && saved.error().fields.empty())
      s.errors.emplace("owner_org", Translate(c.lang, "error_not_allowed_org"));
    else
      ShowError(c, s, saved.error());
    return RenderForm(c, s, saved.error().code == ErrorCode::kAuthorization ? 403 : 400);
  }
  if (file || !url.empty()) {
    Resource r;
    r.dataset_id = saved->id;
    r.format = AsciiUpper(Trim(s.values["res_format"]));
    if (!s.values["res_name"].empty()) r.name = LocalizedText::Zh(s.values["res_name"]);
    Result<Resource> added = std::unexpected(Error::Internal("unreachable"));
    if (file) {
      if (r.format.empty()) {
        size_t dot = file->filename.rfind('.');
        if (dot != std::string::npos) r.format = AsciiUpper(file->filename.substr(dot + 1));
      }
      added = actions::UploadResourceFile(c.ctx, r, actions::Upload{file->filename, file->body});
    } else {
      r.url = url;
      added = actions::CreateResource(c.ctx, r);
    }
    if (!added) {
      // The dataset is saved; say what happened to the file and let the editor retry.
      s.is_new = false;
      s.slug = saved->slug;
      ShowError(c, s, added.error());
      if (s.errors.count("res_url") == 0 && s.errors.count("upload") == 0 && !s.general_error.empty()) {
        s.errors.emplace(file ? "upload" : "res_url", s.general_error);
        s.general_error.clear();
      }
      return RenderForm(c, s, 400);
    }
  }
  return PageCall::Redirect("/dataset/" + PercentEncodeSegment(saved->slug) + "?saved=1");
}

// The dataset to edit, if the caller may edit it.
Result<Dataset> Editable(PageCall& c) {
  auto d = actions::ShowDataset(c.ctx, c.req.Param("slug"));
  if (!d) return d;
  if (!actions::CanEditInOrganization(c.ctx.identity, d->organization_id))
    return std::unexpected(Error::Forbidden(Translate(c.lang, "error_not_allowed")));
  return d;
}

}  // namespace

HttpResponse NewDatasetPage(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  FormState s;
  s.values["owner_org"] = c.req.Query("organization").value_or("");
  return RenderForm(c, s, 200);
}

HttpResponse NewDatasetSubmit(PageCall& c) { return Submit(c, nullptr); }

HttpResponse EditDatasetPage(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto d = Editable(c);
  if (!d) return c.Failure(d.error());
  FormState s;
  s.is_new = false;
  s.slug = d->slug;
  std::string org_slug;
  if (auto o = c.ctx.store.GetOrganization(d->organization_id)) org_slug = o->slug;
  s.values = ValuesOf(*d, org_slug);
  return RenderForm(c, s, 200);
}

HttpResponse EditDatasetSubmit(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto d = Editable(c);
  if (!d) return c.Failure(d.error());
  return Submit(c, &*d);
}

}  // namespace pintu::http::web

// Forms of the public code registry (editors, CSRF-protected, field-by-field messages):
//   GET|POST /software/new                 register by repository URL or publiccode.yml
//   GET|POST /software/{slug}/adopt        record that an agency reuses the entry
//   POST     /software/{slug}/crawl        queue a crawl now (publisher editors)
//   POST     /software/{slug}/assess       answer a readiness criterion (publisher editors)
#include <map>

#include <boost/json.hpp>

#include "actions/adoptions.h"
#include "actions/authz.h"
#include "actions/software.h"
#include "code/readiness.h"
#include "core/time.h"
#include "http/web/form.h"
#include "http/web/pages.h"
#include "http/web/view.h"

namespace pintu::http::web {
std::vector<Organization> EditableOrganizations(actions::Context& ctx);  // dashboard_page.cc

namespace json = boost::json;
namespace {

// Values and messages of one form being shown again.
struct FormState {
  std::map<std::string, std::string> values;
  std::map<std::string, std::string> errors;  // form field → message
  std::string general_error;

  // {name: {value, error, invalid}} for the template.
  json::object Fields(std::initializer_list<std::string_view> names) const {
    json::object f;
    for (auto name : names) {
      auto v = values.find(std::string(name));
      auto e = errors.find(std::string(name));
      f[name] = json::object{{"value", v == values.end() ? "" : v->second},
                             {"error", e == errors.end() ? "" : e->second},
                             {"invalid", e != errors.end()}};
    }
    return f;
  }
  json::array Summary() const {
    json::array out;
    for (const auto& [field, message] : errors) out.push_back(json::object{{"field", field}, {"message", message}});
    return out;
  }
};

// Copies an action error into `s`: a field error lands next to its form field (`field_of`
// maps action field names onto form fields; "" = show it in the summary).
template <typename FieldOf>
void ShowError(const PageCall& c, FormState& s, const Error& e, FieldOf field_of) {
  for (const auto& fe : e.fields) {
    std::string message = c.lang == kZh && !fe.message_zh.empty() ? fe.message_zh : fe.message;
    std::string field = field_of(fe.field);
    if (field.empty()) {
      s.general_error += (s.general_error.empty() ? "" : " ") + fe.field + ": " + message;
    } else {
      auto [it, fresh] = s.errors.emplace(field, message);
      if (!fresh) it->second += "; " + message;
    }
  }
  if (e.fields.empty())
    s.general_error = e.code == ErrorCode::kInternal      ? Translate(c.lang, "error_internal")
                      : e.code == ErrorCode::kAuthorization ? Translate(c.lang, "error_not_allowed_org")
                                                            : e.message;
}

json::array OrganizationOptions(PageCall& c, const std::string& selected) {
  json::array orgs;
  for (const auto& o : EditableOrganizations(c.ctx))
    orgs.push_back(json::object{{"value", o.slug}, {"label", o.title.Best(c.lang)}, {"selected", o.slug == selected}});
  return orgs;
}

HttpResponse RenderRegister(PageCall& c, const FormState& s, int status) {
  json::object data{{"csrf", c.csrf},
                    {"f", s.Fields({"owner_org", "repository_url", "publiccode_yml", "upload", "datasets", "name"})},
                    {"organizations", OrganizationOptions(c, s.values.count("owner_org") ? s.values.at("owner_org") : "")},
                    {"errors", s.Summary()},
                    {"has_errors", !s.errors.empty() || !s.general_error.empty()},
                    {"general_error", s.general_error}};
  data["has_organizations"] = !data["organizations"].as_array().empty();
  PageFrame f = c.Frame(Translate(c.lang, "software_register"));
  f.status = status;
  return c.Render("software_form", std::move(data), f);
}

HttpResponse RenderAdopt(PageCall& c, const Software& s, const FormState& st, int status) {
  json::array owners;
  std::string owner = st.values.count("customisations_owner") ? st.values.at("customisations_owner") : "adopter";
  for (std::string_view o : {"adopter", "publisher", "vendor", "shared"})
    owners.push_back(json::object{{"value", o}, {"label", Translate(c.lang, "custom_owner_" + std::string(o))}, {"selected", o == owner}});
  json::object data{{"csrf", c.csrf},
                    {"name", s.name.empty() ? s.slug : s.name},
                    {"action", "/software/" + PercentEncodeSegment(s.slug) + "/adopt"},
                    {"cancel_url", "/software/" + PercentEncodeSegment(s.slug)},
                    {"f", st.Fields({"organization", "version", "since", "vendor", "contract_reference", "contract_until",
                                     "customisations_owner", "contact_name", "contact_email"})},
                    {"organizations", OrganizationOptions(c, st.values.count("organization") ? st.values.at("organization") : "")},
                    {"owners", owners},
                    {"errors", st.Summary()},
                    {"has_errors", !st.errors.empty() || !st.general_error.empty()},
                    {"general_error", st.general_error}};
  data["has_organizations"] = !data["organizations"].as_array().empty();
  PageFrame f = c.Frame(Translate(c.lang, "adopt_title") + " — " + (s.name.empty() ? s.slug : s.name));
  f.status = status;
  return c.Render("adoption_form", std::move(data), f);
}

// Dataset names typed as "a, b" (uses) or "produces:c".
std::vector<SoftwareDatasetLink> ParseDatasetLinks(std::string_view text) {
  std::vector<SoftwareDatasetLink> out;
  for (auto piece : Split(text, ',')) {
    std::string_view t = Trim(piece);
    if (t.empty()) continue;
    SoftwareDatasetLink link;
    if (t.starts_with("produces:")) {
      link.relation = "produces";
      t = Trim(t.substr(9));
    } else if (t.starts_with("uses:")) {
      t = Trim(t.substr(5));
    }
    link.dataset_id = std::string(t);
    out.push_back(std::move(link));
  }
  return out;
}

}  // namespace

HttpResponse NewSoftwarePage(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  return RenderRegister(c, FormState{}, 200);
}

HttpResponse NewSoftwareSubmit(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  FormState s;
  auto form = ReadForm(c.req);
  if (!form) {
    s.general_error = form.error().message;
    return RenderRegister(c, s, 400);
  }
  for (auto name : {"owner_org", "repository_url", "publiccode_yml", "datasets", "name"}) s.values[name] = form->Get(name);
  if (!c.CsrfOk(*form)) {
    s.general_error = Translate(c.lang, "error_csrf");
    return RenderRegister(c, s, 403);
  }
  actions::SoftwareInput in;
  in.organization = s.values["owner_org"];
  in.slug = std::string(Trim(s.values["name"]));
  in.repository_url = std::string(Trim(s.values["repository_url"]));
  in.publiccode_yml = s.values["publiccode_yml"];
  if (const MultipartPart* file = form->File("upload"); file && !file->body.empty()) in.publiccode_yml = file->body;
  if (!Trim(s.values["datasets"]).empty()) in.datasets = ParseDatasetLinks(s.values["datasets"]);
  if (in.publiccode_yml.empty() && in.repository_url.empty()) {
    s.errors.emplace("repository_url", Translate(c.lang, "software_need_source"));
    return RenderRegister(c, s, 400);
  }
  auto source = in.publiccode_yml.empty() ? SoftwareSource::kGit : SoftwareSource::kUpload;
  auto saved = actions::CreateSoftware(c.ctx, in, source);
  if (!saved) {
    ShowError(c, s, saved.error(), [&](const std::string& field) -> std::string {
      if (field.starts_with("publiccode_yml")) return form->File("upload") ? "upload" : "publiccode_yml";
      if (field == "owner_org" || field == "repository_url" || field == "name") return field;
      if (field.starts_with("datasets")) return "datasets";
      return "";
    });
    return RenderRegister(c, s, saved.error().code == ErrorCode::kAuthorization ? 403 : 400);
  }
  return PageCall::Redirect(WithLang("/software/" + PercentEncodeSegment(saved->slug), c.lang));
}

HttpResponse AdoptSoftwarePage(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto s = actions::ShowSoftware(c.ctx, c.req.Param("slug"));
  if (!s) return c.Failure(s.error());
  FormState st;
  st.values["since"] = TodayIso();
  return RenderAdopt(c, *s, st, 200);
}

HttpResponse AdoptSoftwareSubmit(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto s = actions::ShowSoftware(c.ctx, c.req.Param("slug"));
  if (!s) return c.Failure(s.error());
  FormState st;
  auto form = ReadForm(c.req);
  if (!form) {
    st.general_error = form.error().message;
    return RenderAdopt(c, *s, st, 400);
  }
  static constexpr std::string_view kFields[] = {"organization", "version", "since", "vendor", "contract_reference",
                                                 "contract_until", "customisations_owner", "contact_name", "contact_email"};
  for (auto name : kFields) st.values[std::string(name)] = form->Get(name);
  if (!c.CsrfOk(*form)) {
    st.general_error = Translate(c.lang, "error_csrf");
    return RenderAdopt(c, *s, st, 403);
  }
  actions::AdoptionInput in;
  in.software = s->id;
  in.organization = st.values["organization"];
  in.version = st.values["version"];
  in.since = st.values["since"];
  in.vendor = st.values["vendor"];
  in.contract_reference = st.values["contract_reference"];
  in.contract_until = st.values["contract_until"];
  in.customisations_owner = st.values["customisations_owner"];
  in.contact_name = st.values["contact_name"];
  in.contact_email = st.values["contact_email"];
  auto saved = actions::AdoptSoftware(c.ctx, in);
  if (!saved) {
    ShowError(c, st, saved.error(), [](const std::string& field) -> std::string {
      for (auto name : kFields)
        if (field == name) return field;
      return "";
    });
    return RenderAdopt(c, *s, st, saved.error().code == ErrorCode::kAuthorization ? 403 : 400);
  }
  return PageCall::Redirect(WithLang("/software/" + PercentEncodeSegment(s->slug), c.lang) + "#adopters");
}

HttpResponse CrawlSoftwareSubmit(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto form = ReadForm(c.req);
  if (!form || !c.CsrfOk(*form)) return c.Failure(Error::Forbidden(Translate(c.lang, "error_csrf")));
  auto job = actions::RequestSoftwareCrawl(c.ctx, c.req.Param("slug"));
  if (!job) return c.Failure(job.error());
  return PageCall::Redirect(WithLang("/software/" + PercentEncodeSegment(std::string(c.req.Param("slug"))) + "?crawl=queued", c.lang));
}

HttpResponse AssessSoftwareSubmit(PageCall& c) {
  if (!c.LoggedIn()) return c.LoginFirst();
  auto form = ReadForm(c.req);
  if (!form || !c.CsrfOk(*form)) return c.Failure(Error::Forbidden(Translate(c.lang, "error_csrf")));
  std::string met = form->Get("met");
  if (met != "yes" && met != "no") return c.Failure(Error::Invalid("met", "Choose yes or no", "請選擇是或否"));
  auto saved = actions::SetSelfAssessment(c.ctx, c.req.Param("slug"), form->Get("criterion"),
                                          SelfAssessment{met == "yes", form->Get("note")});
  if (!saved) return c.Failure(saved.error());
  return PageCall::Redirect(WithLang("/software/" + PercentEncodeSegment(saved->slug), c.lang) + "#readiness");
}

}  // namespace pintu::http::web

// CKAN sample → pintu import → export (a) → import into a fresh store → export (b):
// a and b must hold the same records, and the fields Pintu models must survive from the source.
#include <algorithm>
#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <set>

#include "integration/harness.h"

namespace pintu::test {
namespace {

std::string Trimmed(std::string_view s) {
  auto ws = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && ws(s.front())) s.remove_prefix(1);
  while (!s.empty() && ws(s.back())) s.remove_suffix(1);
  return std::string(s);
}

bool LooksLikeUuid(const std::string& s) {
  static const std::regex re("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
  return std::regex_match(s, re);
}

// The package dicts of a CKAN sample: one dict, a list, an API envelope, a DCAT catalogue
// {"dataset": [...]} or JSON lines. Flat DCAT dicts are turned into CKAN key names.
std::vector<json::object> SourcePackages(const std::string& path) {
  std::string text = ReadFile(path);
  std::vector<json::value> roots;
  if (auto v = ParseJson(text)) {
    roots.push_back(*v);
  } else {
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      if (end == std::string::npos) end = text.size();
      auto line = Trimmed(std::string_view(text).substr(pos, end - pos));
      pos = end + 1;
      if (line.empty()) continue;
      auto lv = ParseJson(line);
      EXPECT_TRUE(lv.has_value()) << path << ": bad JSON line";
      if (lv) roots.push_back(*lv);
    }
  }
  std::vector<json::object> out;
  std::function<void(const json::value&)> add = [&](const json::value& v) {
    if (v.is_array()) {
      for (const auto& x : v.get_array()) add(x);
      return;
    }
    if (!v.is_object()) return;
    const auto& o = v.get_object();
    if (o.contains("success") && o.contains("result")) return add(o.at("result"));
    if (At(v, "results").is_array()) return add(At(v, "results"));
    if (At(v, "dataset").is_array() && !o.contains("name")) return add(At(v, "dataset"));
    bool flat = !o.contains("name") && !o.contains("notes") && !o.contains("resources") && !o.contains("extras") &&
                (o.contains("description") || o.contains("distribution") || o.contains("keyword"));
    if (!flat) {
      out.push_back(o);
      return;
    }
    json::object pkg;
    for (const auto& kv : o) {
      if (kv.key() == "description") pkg["notes"] = kv.value();
      else if (kv.key() == "keyword") pkg["tags"] = kv.value();
      else if (kv.key() == "landingPage") pkg["url"] = kv.value();
      else if (kv.key() == "distribution") {
        json::array res;
        if (kv.value().is_array())
          for (const auto& d : kv.value().get_array()) {
            json::object r;
            std::string url = Str(At(d, "accessURL"));
            if (Trimmed(url).empty()) url = Str(At(d, "downloadURL"));
            r["url"] = url;
            res.push_back(std::move(r));
          }
        pkg["resources"] = std::move(res);
      } else {
        pkg[kv.key()] = kv.value();
      }
    }
    out.push_back(std::move(pkg));
  };
  for (const auto& r : roots) add(r);
  return out;
}

// Texts of a CKAN field that may be a string or a language map ({"en": "…"}).
std::vector<std::pair<std::string, std::string>> Texts(const json::value& v) {
  std::vector<std::pair<std::string, std::string>> out;
  if (v.is_string()) {
    if (!Trimmed(v.get_string()).empty()) out.emplace_back("", Trimmed(v.get_string()));
  } else if (v.is_object()) {
    for (const auto& kv : v.get_object())
      if (kv.value().is_string() && !Trimmed(kv.value().get_string()).empty())
        out.emplace_back(std::string(kv.key()), Trimmed(kv.value().get_string()));
  }
  return out;
}

std::vector<std::string> TagNames(const json::value& v) {
  std::vector<std::string> out;
  auto one = [&](const json::value& t) {
    std::string s = t.is_string() ? std::string(t.get_string()) : Str(At(t, "name"));
    if (!Trimmed(s).empty()) out.push_back(Trimmed(s));
  };
  if (v.is_array()) {
    for (const auto& t : v.get_array()) one(t);
  } else if (v.is_object()) {  // {"en": [...], "fr": [...]}
    for (const auto& kv : v.get_object())
      if (kv.value().is_array())
        for (const auto& t : kv.value().get_array()) one(t);
  }
  return out;
}

std::string ResourceUrl(const json::value& r) {
  for (std::string_view k : {"url", "access_url", "download_url", "accessURL", "downloadURL"})
    if (auto u = Trimmed(Str(At(r, k))); !u.empty()) return u;
  return "";
}

// Top-level CKAN keys that Pintu models (mapped to its own fields), or drops as CKAN
// housekeeping; any other key of the source must come back as an extra.
const std::set<std::string>& ModelledKeys() {
  static const std::set<std::string> keys = {
      // CKAN core
      "id", "name", "title", "title_translated", "notes", "notes_translated", "tags", "resources", "extras",
      "groups", "url", "private", "state", "type", "license_id", "author", "author_email", "maintainer",
      "maintainer_email", "metadata_created", "metadata_modified", "owner_org", "organization", "version",
      // output-only / housekeeping (documented as dropped)
      "num_tags", "num_resources", "license_title", "license_url", "isopen", "revision_id",
      "revision_timestamp", "relationships_as_object", "relationships_as_subject", "tracking_summary",
      "creator_user_id",
      // DCAT fields that Pintu models
      "issued", "modified", "date_published", "date_modified", "language", "frequency", "spatial",
      "access_rights", "conforms_to", "documentation", "contact", "creator", "publisher", "theme",
      "provenance", "identifier", "keywords", "tags_translated", "temporal_coverage",
      // the same, as extras / alternative spellings the importer maps
      "guid", "contact_name", "contact_email", "contact-email", "contact_phone", "contact_point",
      "publisher_name", "publisher_email", "publisher_url", "creator_name", "creator_email",
      "temporal_start", "temporal_end", "landing_page", "themes", "related_urls"};
  return keys;
}

// Every CKAN package sample under conformance/ckan/.
const char* const kSamples[] = {
    "ckanext-dcat/ckan/catalog.json", "ckanext-dcat/ckan/catalog_datasets_list.json",
    "ckanext-dcat/ckan/ckan_dataset.json", "ckanext-dcat/ckan/ckan_dataset_multilingual.json",
    "ckanext-dcat/ckan/ckan_dcat_ap_dataset_series.json", "ckanext-dcat/ckan/ckan_full_dataset_croissant.json",
    "ckanext-dcat/ckan/ckan_full_dataset_dcat_ap.json", "ckanext-dcat/ckan/ckan_full_dataset_dcat_ap_legacy.json",
    "ckanext-dcat/ckan/ckan_full_dataset_dcat_ap_vocabularies.json",
    "ckanext-dcat/ckan/ckan_full_dataset_dcat_us_vocabularies.json", "ckanext-dcat/ckan/dataset.json",
    "ckanext-dcat/ckan/full_ckan_dataset_legacy.json", "ckanext-dcat/ckan/health_dcat_ap.json",
    "ckanext-canada/obd_sample.json", "ckanext-canada/obd_sample_2.jsonl"};

std::string SampleName(const std::string& path) {
  std::string n = std::filesystem::path(path).stem().string();
  for (auto& c : n)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return n;
}

// import → export a → import a into a fresh store → export b, for one sample.
struct Pipeline {
  std::unique_ptr<TempDir> tmp = std::make_unique<TempDir>();
  std::string a, b, report;
  RunResult imp, export_a, reimport, export_b;
  int steps_ok = 0;  // how many of the four commands succeeded, in order

  void Run(const std::string& source) {
    const std::string d1 = tmp->File("d1"), d2 = tmp->File("d2");
    a = tmp->File("a.jsonl");
    b = tmp->File("b.jsonl");
    report = tmp->File("report.json");
    if (!(imp = Pintu(*tmp, d1, {"import", source, "--report", report})).status.Ok()) return;
    ++steps_ok;
    if (!(export_a = Pintu(*tmp, d1, {"export", "-o", a})).status.Ok()) return;
    ++steps_ok;
    if (!(reimport = Pintu(*tmp, d2, {"import", a})).status.Ok()) return;
    ++steps_ok;
    if (!(export_b = Pintu(*tmp, d2, {"export", "-o", b})).status.Ok()) return;
    ++steps_ok;
  }
};

class CkanRoundTrip : public ::testing::TestWithParam<const char*> {
 public:
  // The four commands per sample are process start-up bound: run the pipelines of the samples
  // selected by the filter in parallel once, and let each test check its own.
  static void SetUpTestSuite() {
    auto root = SharedDir();
    if (!root) return;
    std::vector<std::string> selected;
    const ::testing::TestSuite* suite = ::testing::UnitTest::GetInstance()->current_test_suite();
    for (const char* sample : kSamples) {
      bool run = suite == nullptr;
      for (int i = 0; suite && i < suite->total_test_count(); ++i) {
        std::string name = suite->GetTestInfo(i)->name();
        if (suite->GetTestInfo(i)->should_run() && name.size() > SampleName(sample).size() &&
            name.compare(name.size() - SampleName(sample).size() - 1, std::string::npos, "/" + SampleName(sample)) == 0)
          run = true;
      }
      if (run && std::filesystem::exists(*root + "/conformance/ckan/" + sample)) selected.push_back(sample);
    }
    std::atomic<size_t> next{0};
    std::vector<std::thread> workers;
    for (int w = 0; w < 4; ++w)
      workers.emplace_back([&] {
        for (size_t i; (i = next++) < selected.size();) {
          auto p = std::make_unique<Pipeline>();
          p->Run(*root + "/conformance/ckan/" + selected[i]);
          std::lock_guard lock(mu_);
          results_[selected[i]] = std::move(p);
        }
      });
    for (auto& t : workers) t.join();
  }
  static void TearDownTestSuite() { results_.clear(); }

  static Pipeline* PipelineFor(const std::string& sample) {
    auto it = results_.find(sample);
    return it == results_.end() ? nullptr : it->second.get();
  }

 private:
  static inline std::mutex mu_;
  static inline std::map<std::string, std::unique_ptr<Pipeline>> results_;
};

TEST_P(CkanRoundTrip, ImportExportImportIsStableAndKeepsModelledFields) {
  PINTU_REQUIRE_SHARED(source, std::string("conformance/ckan/") + GetParam());
  Pipeline* p = PipelineFor(GetParam());
  ASSERT_NE(p, nullptr);
  ASSERT_GE(p->steps_ok, 1) << "import: " << p->imp.Describe();
  ASSERT_GE(p->steps_ok, 2) << "export a: " << p->export_a.Describe();
  ASSERT_GE(p->steps_ok, 3) << "re-import of a: " << p->reimport.Describe();
  ASSERT_GE(p->steps_ok, 4) << "export b: " << p->export_b.Describe();
  const auto& imp = p->imp;
  const std::string &a = p->a, &b = p->b, &report = p->report;
  EXPECT_EQ(p->reimport.out.find("skipped " + a), std::string::npos) << "re-import skipped rows:\n" << p->reimport.out;
  std::optional<Export> ea = ReadExport(a), eb = ReadExport(b);

  // a and b: same header apart from the time stamp, and the same records in the same order.
  json::value ha = ea->header, hb = eb->header;
  ASSERT_TRUE(ha.is_object() && hb.is_object());
  ha.get_object().erase("exported");
  hb.get_object().erase("exported");
  EXPECT_EQ(ha, hb);
  ASSERT_EQ(ea->lines.size(), eb->lines.size());
  for (size_t i = 0; i < ea->lines.size(); ++i) {
    const json::value &la = ea->lines[i], &lb = eb->lines[i];
    if (la == lb) continue;
    std::string diff;
    const json::value &da = At(la, "doc"), &db = At(lb, "doc");
    if (da.is_object() && db.is_object()) {
      std::set<std::string> keys;
      for (const auto& kv : da.get_object()) keys.insert(std::string(kv.key()));
      for (const auto& kv : db.get_object()) keys.insert(std::string(kv.key()));
      for (const auto& k : keys)
        if (At(da, k) != At(db, k))
          diff += "\n  " + k + ": " + json::serialize(At(da, k)).substr(0, 300) + "  vs  " +
                  json::serialize(At(db, k)).substr(0, 300);
    }
    ADD_FAILURE() << "line " << i + 2 << " (" << Str(At(la, "kind")) << ") differs between a and b:" << diff;
  }

  // Every source package is either in the export or listed as skipped with a reason.
  auto rep = ParseJson(ReadFile(report));
  ASSERT_TRUE(rep) << "unreadable --report";
  const json::value& file_report = At(*rep, "files").get_array().at(0);
  size_t skipped = At(file_report, "skipped").get_array().size();
  for (const auto& s : At(file_report, "skipped").get_array())
    EXPECT_FALSE(Trimmed(Str(At(s, "reason"))).empty()) << json::serialize(s);
  auto sources = SourcePackages(source);
  auto exported = ea->Docs("dataset");
  ASSERT_FALSE(sources.empty());
  EXPECT_EQ(exported.size() + skipped, sources.size()) << imp.out;
  if (skipped) {
    // Reported, not silent; the spot checks below apply to what was imported.
    std::cerr << "[ note ] " << GetParam() << ": " << skipped << " package(s) skipped:\n" << imp.out;
  }

  std::set<const json::object*> used;
  for (const auto& src : sources) {
    std::string sid = Trimmed(Str(At(src, "id")));
    std::string sname = Trimmed(Str(At(src, "name")));
    auto stitles = Texts(At(src, "title"));
    const json::object* got = nullptr;
    for (const auto& d : exported) {
      if (used.count(&d)) continue;
      bool match = false;
      if (LooksLikeUuid(sid)) match = Str(At(d, "id")) == sid;
      else if (!sname.empty() && Str(At(d, "name")) == sname) match = true;
      else
        for (const auto& [l, t] : stitles)
          for (const auto& [l2, t2] : Texts(At(d, "title_translated")))
            if (t == t2) match = true;
      if (match) {
        got = &d;
        break;
      }
    }
    if (!got) continue;  // skipped (counted above)
    used.insert(got);
    SCOPED_TRACE("dataset " + Str(At(*got, "name")));
    const json::value dv(*got);

    // Titles and descriptions: every language of the *_translated maps; the plain value when
    // the source has no translations. (A plain value that contradicts the translations is
    // dropped by design of the codec; noted, not asserted.)
    for (std::string_view f : {"title", "notes"}) {
      auto want = Texts(At(src, std::string(f) + "_translated"));
      auto have = Texts(At(dv, std::string(f) + "_translated"));
      for (const auto& [lang, text] : Texts(At(src, f))) {
        bool covered = std::any_of(have.begin(), have.end(), [&](const auto& h) { return h.second == text; });
        if (want.empty() || !lang.empty()) want.emplace_back(lang, text);
        else if (!covered)
          std::cerr << "[ note ] " << GetParam() << ": plain " << f << " \"" << text.substr(0, 60)
                    << "\" contradicts " << f << "_translated and was not kept\n";
      }
      for (const auto& [lang, text] : want) {
        bool found = std::any_of(have.begin(), have.end(), [&](const auto& h) {
          return h.second == text && (lang.empty() || h.first == lang);
        });
        EXPECT_TRUE(found) << f << " [" << lang << "] \"" << text.substr(0, 80) << "\" missing; export has "
                           << json::serialize(At(dv, std::string(f) + "_translated")).substr(0, 400);
      }
    }
    // Tags (tags, keywords {lang: [...]}, keyword).
    auto have_tags = TagNames(At(dv, "tags"));
    for (std::string_view f : {"tags", "keywords"})
      for (const auto& t : TagNames(At(src, f)))
        EXPECT_NE(std::find(have_tags.begin(), have_tags.end(), t), have_tags.end()) << "tag \"" << t << "\" lost";
    // Resources: count and URLs in order.
    if (At(src, "resources").is_array()) {
      const auto& sr = At(src, "resources").get_array();
      ASSERT_TRUE(At(dv, "resources").is_array());
      const auto& dr = At(dv, "resources").get_array();
      ASSERT_EQ(dr.size(), sr.size());
      for (size_t i = 0; i < sr.size(); ++i) EXPECT_EQ(Str(At(dr[i], "url")), ResourceUrl(sr[i])) << "resource " << i;
    }
    // Licence.
    if (auto lic = Trimmed(Str(At(src, "license_id"))); !lic.empty()) {
      std::string got_lic = Str(At(dv, "license_id"));
      auto lower = [](std::string s) {
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
      };
      EXPECT_EQ(lower(got_lic), lower(lic)) << "license_id";
    }
    // Extras: unmodelled extras and unmodelled top-level keys come back as extras.
    std::set<std::string> extra_keys;
    if (At(dv, "extras").is_array())
      for (const auto& e : At(dv, "extras").get_array()) extra_keys.insert(Str(At(e, "key")));
    auto blank = [](const json::value& v) {
      return v.is_null() || (v.is_string() && Trimmed(v.get_string()).empty()) ||
             (v.is_array() && v.get_array().empty()) || (v.is_object() && v.get_object().empty());
    };
    if (At(src, "extras").is_array())
      for (const auto& e : At(src, "extras").get_array()) {
        std::string k = Str(At(e, "key"));
        if (k.empty() || blank(At(e, "value"))) continue;
        if (ModelledKeys().count(k) || k.rfind("dcat_", 0) == 0) continue;
        EXPECT_TRUE(extra_keys.count(k)) << "extra \"" << k << "\" lost";
      }
    for (const auto& kv : src) {
      std::string k(kv.key());
      if (ModelledKeys().count(k) || blank(kv.value())) continue;
      EXPECT_TRUE(extra_keys.count(k)) << "top-level field \"" << k << "\" not kept as an extra";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Samples, CkanRoundTrip, ::testing::ValuesIn(kSamples),
                         [](const ::testing::TestParamInfo<const char*>& info) { return SampleName(info.param); });

// The list above covers every CKAN sample in the shared folder.
TEST(CkanRoundTripCoverage, EverySampleIsListed) {
  PINTU_REQUIRE_SHARED(dir, "conformance/ckan/ckanext-dcat/ckan");
  size_t n = 0;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".json") ++n;
  EXPECT_EQ(n, 13u) << "a CKAN sample was added or removed under " << dir << "; update the list";
}

}  // namespace
}  // namespace pintu::test

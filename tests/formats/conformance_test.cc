// Imports the real files in ../shared (read in place, never copied into the repository).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/model_json.h"
#include "formats/import.h"

namespace fs = std::filesystem;
namespace json = boost::json;

namespace pintu::formats {
namespace {

fs::path SharedDir() {
  if (const char* env = std::getenv("PINTU_SHARED_DIR"); env && *env) return env;
  return fs::path(PINTU_SOURCE_DIR) / ".." / "shared";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

#define REQUIRE_DIR(dir)                                                                    \
  if (!fs::is_directory(dir)) GTEST_SKIP() << "conformance data not found at " << (dir)     \
                                           << " (set PINTU_SHARED_DIR to the shared folder)"

ImportBatch Import(const fs::path& p, ImportFormat f = ImportFormat::kAuto) {
  std::string bytes = ReadFile(p);
  auto r = ParseImportDocument(bytes, p.filename().string(), f);
  EXPECT_TRUE(r.has_value()) << p << ": " << (r ? "" : r.error().message);
  return r ? std::move(*r) : ImportBatch{};
}

std::string Reasons(const ImportBatch& b) {
  std::string s;
  for (const auto& k : b.skipped) s += k.source + ": " + k.reason + "\n";
  return s;
}

bool HasExtra(const json::object& doc, std::string_view key) {
  for (const auto& e : doc.at("extras").as_array())
    if (e.as_object().at("key").as_string() == key) return true;
  return false;
}

TEST(ConformanceCkan, EveryCkanDcatPackageImports) {
  fs::path dir = SharedDir() / "conformance" / "ckan" / "ckanext-dcat" / "ckan";
  REQUIRE_DIR(dir);
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    ImportBatch b = Import(entry.path());
    EXPECT_EQ(b.format, "ckan") << entry.path();
    EXPECT_GE(b.records.size(), 1u) << entry.path() << "\n" << Reasons(b);
    EXPECT_TRUE(b.skipped.empty()) << entry.path() << "\n" << Reasons(b);
    for (const auto& rec : b.records) EXPECT_TRUE(DatasetFromJson(rec.doc).has_value()) << rec.source;
  }
  EXPECT_EQ(files, 13u);
}

TEST(ConformanceCkan, CkanDatasetExpectations) {
  fs::path dir = SharedDir() / "conformance" / "ckan" / "ckanext-dcat" / "ckan";
  REQUIRE_DIR(dir);
  ImportBatch b = Import(dir / "ckan_dataset.json");
  ASSERT_EQ(b.records.size(), 1u);
  const auto& d = b.records[0].doc;
  EXPECT_EQ(d.at("id").as_string(), "2988a6aa-2802-4f32-b846-d4520c79c4b7");
  EXPECT_EQ(d.at("title").as_string(), "Zimbabwe Regional Geochemical Survey.");
  EXPECT_EQ(d.at("title_translated").as_object().at("en").as_string(), "Zimbabwe Regional Geochemical Survey.");
  EXPECT_EQ(d.at("resources").as_array().size(), 1u);
  EXPECT_EQ(d.at("tags").as_array().size(), 7u);
  EXPECT_EQ(d.at("issued").as_string(), "2012-05-10");
  EXPECT_EQ(d.at("language").as_array().size(), 3u);
  EXPECT_EQ(d.at("author").as_string(), "John Doe");
  EXPECT_TRUE(HasExtra(d, "guid"));
  EXPECT_FALSE(HasExtra(d, "dcat_issued"));
  ASSERT_TRUE(b.records[0].organization);
  EXPECT_EQ(b.records[0].organization->slug, "geological-society");

  // The flat DCAT form of the same dataset maps to the same core fields.
  ImportBatch flat = Import(dir / "dataset.json");
  ASSERT_EQ(flat.records.size(), 1u) << Reasons(flat);
  const auto& f = flat.records[0].doc;
  EXPECT_EQ(f.at("title").as_string(), d.at("title").as_string());
  EXPECT_EQ(f.at("notes").as_string(), d.at("notes").as_string());
  EXPECT_EQ(f.at("url").as_string(), "http://some.source.url.com");
  EXPECT_EQ(f.at("tags"), d.at("tags"));
  EXPECT_EQ(f.at("issued"), d.at("issued"));
  EXPECT_EQ(f.at("modified"), d.at("modified"));
  EXPECT_EQ(f.at("resources").as_array()[0].as_object().at("url").as_string(),
            "http://www.bgs.ac.uk/gbase/geochemcd/home.html");
  ASSERT_TRUE(flat.records[0].organization);
  EXPECT_EQ(flat.records[0].organization->contacts.at(0).email, "info@gs.org");

  ImportBatch legacy = Import(dir / "full_ckan_dataset_legacy.json");
  ASSERT_EQ(legacy.records.size(), 1u);
  const auto& l = legacy.records[0].doc;
  EXPECT_EQ(l.at("name").as_string(), "zimbabwe-regional-geochemical-survey");
  EXPECT_EQ(l.at("maintainer").as_string(), "Geological Society");
  EXPECT_TRUE(HasExtra(l, "INSPIRE"));
  EXPECT_TRUE(HasExtra(l, "frequency-of-update"));
  EXPECT_FALSE(l.at("spatial").as_string().empty());

  ImportBatch multi = Import(dir / "ckan_dataset_multilingual.json");
  ASSERT_EQ(multi.records.size(), 1u);
  const auto& m = multi.records[0].doc;
  EXPECT_EQ(m.at("title_translated").as_object().at("ca").as_string(), "Conjunt de dades de prova DCAT");
  EXPECT_EQ(m.at("notes_translated").as_object().at("es").as_string(), "Una descripción cualquiera");
  EXPECT_EQ(m.at("tags").as_array().size(), 6u);  // Oaks, Pines + ca + es
  EXPECT_EQ(m.at("methodology").as_object().at("description").as_string(), "Statement about provenance");
  EXPECT_TRUE(HasExtra(m, "provenance"));
  EXPECT_EQ(m.at("resources").as_array()[0].as_object().at("name_translated").as_object().at("es").as_string(),
            "Recurso 1");

  ImportBatch ap = Import(dir / "ckan_full_dataset_dcat_ap.json");
  ASSERT_EQ(ap.records.size(), 1u);
  const auto& a = ap.records[0].doc;
  EXPECT_EQ(a.at("frequency").as_string(), "MONTHLY");
  EXPECT_EQ(a.at("temporal_start").as_string(), "1905-03-01");
  EXPECT_EQ(a.at("conforms_to").as_array().size(), 2u);
  EXPECT_TRUE(HasExtra(a, "access_rights"));  // a free-text statement, not a code
  EXPECT_EQ(a.at("resources").as_array()[0].as_object().at("size").as_int64(), 12323);

  ImportBatch vocab = Import(dir / "ckan_full_dataset_dcat_ap_vocabularies.json");
  ASSERT_EQ(vocab.records.size(), 1u);
  EXPECT_EQ(vocab.records[0].doc.at("language").as_array()[0].as_string(), "en");

  ImportBatch catalog = Import(dir / "catalog.json");
  EXPECT_EQ(catalog.records.size(), 2u);
  ImportBatch list = Import(dir / "catalog_datasets_list.json");
  EXPECT_EQ(list.records.size(), 2u);
}

TEST(ConformanceCkan, CanadaOpenByDefault) {
  fs::path dir = SharedDir() / "conformance" / "ckan" / "ckanext-canada";
  REQUIRE_DIR(dir);
  ImportBatch b = Import(dir / "obd_sample.json");
  ASSERT_EQ(b.records.size(), 1u) << Reasons(b);
  const auto& d = b.records[0].doc;
  EXPECT_EQ(d.at("title_translated").as_object().at("en").as_string(), "Dark Helmet");
  EXPECT_EQ(d.at("title_translated").as_object().at("fr").as_string(), "Lord Casque Noir");
  EXPECT_EQ(d.at("license_id").as_string(), "ca-ogl-lgo");
  EXPECT_EQ(d.at("resources").as_array().size(), 2u);
  EXPECT_EQ(d.at("tags").as_array().size(), 4u);  // helmet, dark, casque, noir
  EXPECT_TRUE(HasExtra(d, "audience"));
  EXPECT_TRUE(HasExtra(d, "subject"));
  EXPECT_TRUE(HasExtra(d, "keywords"));
  EXPECT_EQ(d.at("id").as_string(), "48faf331-a3ba-46bd-9344-c7e096b14bc4");
  ASSERT_TRUE(b.records[0].organization);
  EXPECT_EQ(b.records[0].organization->slug, "crtc");

  ImportBatch lines = Import(dir / "obd_sample_2.jsonl");
  EXPECT_EQ(lines.format, "ckan");
  ASSERT_EQ(lines.records.size(), 4u) << Reasons(lines);
  // The last two share an English title but are different datasets.
  EXPECT_EQ(lines.records[2].doc.at("title_translated").as_object().at("en"),
            lines.records[3].doc.at("title_translated").as_object().at("en"));
  EXPECT_NE(lines.records[2].doc.at("id"), lines.records[3].doc.at("id"));
  for (const auto& r : lines.records) {
    ASSERT_TRUE(r.organization);
    EXPECT_EQ(r.organization->slug, "statcan");
    EXPECT_EQ(r.doc.at("resources").as_array().size(), 2u);
  }
}

TEST(ConformanceDatagovtw, ListingCsvAccountsForEveryRow) {
  fs::path file = SharedDir() / "data" / "datagovtw" / "16-22_data_gov_download.csv";
  REQUIRE_DIR(file.parent_path());
  ImportBatch b = Import(file);
  EXPECT_EQ(b.format, "datagovtw-csv");
  EXPECT_EQ(b.records.size() + b.skipped.size(), 35955u);
  ASSERT_EQ(b.skipped.size(), 9u) << Reasons(b);
  for (const auto& s : b.skipped) EXPECT_NE(s.reason.find("duplicate of line"), std::string::npos) << s.reason;
  EXPECT_EQ(b.skipped[0].source, "16-22_data_gov_download.csv:line 2934");
  EXPECT_NE(b.skipped[0].reason.find("line 1436"), std::string::npos) << b.skipped[0].reason;

  const auto& first = b.records[0].doc;
  EXPECT_EQ(first.at("title").as_string(), "蒙藏補助團體私人情形季報表");
  EXPECT_EQ(first.at("views").as_int64(), 7472);
  EXPECT_EQ(first.at("downloads").as_int64(), 1099);
  EXPECT_EQ(first.at("issued").as_string(), "2013-03-18");

  std::map<std::string, size_t> agencies;
  size_t no_issued = 0, rated = 0, multiline = 0;
  int64_t max_views = 0, max_downloads = 0;
  std::set<std::string> slugs;
  for (const auto& r : b.records) {
    EXPECT_TRUE(slugs.insert(std::string(r.doc.at("name").as_string())).second) << r.source;
    agencies[r.organization->slug]++;
    if (r.doc.at("issued").as_string().empty()) ++no_issued;
    if (HasExtra(r.doc, "資料集評分")) ++rated;
    if (r.source.find("line 32059") != std::string::npos) {
      EXPECT_EQ(r.doc.at("title").as_string(), "新北市自辦市地重劃成果-板橋區 樹林區 新莊區");
      ++multiline;
    }
    max_views = std::max(max_views, r.doc.at("views").as_int64());
    max_downloads = std::max(max_downloads, r.doc.at("downloads").as_int64());
  }
  EXPECT_EQ(agencies.size(), 628u);
  EXPECT_EQ(no_issued, 704u);
  EXPECT_EQ(rated, 35955u - 32310u);
  EXPECT_EQ(multiline, 1u);
  EXPECT_EQ(max_views, 193052);
  EXPECT_EQ(max_downloads, 1155002);
}

TEST(ConformanceDatagovtw, CityListsImport) {
  fs::path dir = SharedDir() / "data" / "datagovtw" / "city-lists";
  REQUIRE_DIR(dir);
  const std::map<std::string, size_t> rows = {{"03_taoyuan.csv", 1442}, {"09_kaohsiung.csv", 1556},
                                              {"12_chiayi.csv", 327},   {"16_keelung.csv", 485},
                                              {"21_hualien.csv", 167},  {"22_lianjiang.csv", 34}};
  for (const auto& [name, count] : rows) {
    ImportBatch b = Import(dir / name);
    EXPECT_EQ(b.records.size() + b.skipped.size(), count) << name;
    EXPECT_GT(b.records.size(), count * 9 / 10) << name << "\n" << Reasons(b);
    for (const auto& s : b.skipped)
      EXPECT_TRUE(s.reason.find("duplicate of line") != std::string::npos ||
                  s.reason.find("placeholder row") != std::string::npos)
          << name << " " << s.source << ": " << s.reason;
    for (const auto& r : b.records) {
      ASSERT_TRUE(r.organization) << r.source;
      EXPECT_EQ(r.organization->level, OrgLevel::kLocal) << r.source;
    }
  }
  ImportBatch k = Import(dir / "09_kaohsiung.csv");
  size_t placeholders = 0;
  for (const auto& s : k.skipped) placeholders += s.reason.find("placeholder") != std::string::npos;
  EXPECT_EQ(placeholders, 2u);
  ImportBatch c = Import(dir / "12_chiayi.csv");
  EXPECT_TRUE(c.skipped.empty()) << Reasons(c);
}

TEST(ConformanceDatagovtw, MetadataJsonFilesImport) {
  fs::path dir = SharedDir() / "data" / "datagovtw" / "metadata";
  REQUIRE_DIR(dir);
  size_t files = 0, resources = 0;
  std::map<std::string, size_t> encodings, formats;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    ImportBatch b = Import(entry.path());
    EXPECT_EQ(b.format, "datagovtw-json");
    ASSERT_EQ(b.records.size(), 1u) << entry.path() << "\n" << Reasons(b);
    const auto& d = b.records[0].doc;
    std::string node = entry.path().stem().string();
    while (node.size() > 1 && node[0] == '0') node.erase(0, 1);
    EXPECT_EQ(d.at("name").as_string(), "dgtw-" + node);
    EXPECT_EQ(d.at("license_id").as_string(), "OGDL-Taiwan-1.0");
    EXPECT_EQ(d.at("cost").as_object().at("type").as_string(), "free");
    EXPECT_FALSE(d.at("issued").as_string().empty());
    for (const auto& r : d.at("resources").as_array()) {
      ++resources;
      encodings[std::string(r.as_object().at("encoding").as_string())]++;
      formats[std::string(r.as_object().at("format").as_string())]++;
    }
  }
  EXPECT_EQ(files, 31u);
  EXPECT_EQ(resources, 61u);
  EXPECT_EQ(encodings["UTF-8"], 55u);
  EXPECT_EQ(encodings["Big5"], 1u);
  EXPECT_EQ(encodings[""], 5u);  // 其他
  EXPECT_EQ(formats["CSV"], 16u);
  EXPECT_EQ(formats["XML"], 14u);
  EXPECT_EQ(formats["JSON"], 11u);
}

TEST(ConformanceCroissant, NotStrictJsonIsRejectedWithPosition) {
  fs::path file = SharedDir() / "conformance" / "ckan" / "ckanext-dcat" / "croissant" / "full_croissant_dataset.jsonld";
  REQUIRE_DIR(file.parent_path());
  std::string bytes = ReadFile(file);
  auto r = ParseImportDocument(bytes, "full_croissant_dataset.jsonld", ImportFormat::kCkan);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("line 7"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace pintu::formats

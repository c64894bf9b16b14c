#include "http/web/change_summary.h"

#include <array>

#include <boost/json.hpp>

namespace pintu::http::web {
namespace {

struct Part {
  std::string_view key;                      // catalogue key of the label
  std::vector<std::string_view> fields;      // CKAN dataset fields it covers
};

// In the order a reader scans a dataset page.
const std::vector<Part>& Parts() {
  static const std::vector<Part> parts = {
      {"change_title", {"title", "title_translated"}},
      {"change_description", {"notes", "notes_translated"}},
      {"change_resources", {"resources"}},
      {"change_publisher", {"owner_org"}},
      {"change_visibility", {"private"}},
      {"change_state", {"state"}},
      {"change_slug", {"name"}},
      {"change_dataset_type", {"dataset_type"}},
      {"change_methodology", {"methodology"}},
      {"change_keywords", {"tags"}},
      {"change_themes", {"themes"}},
      {"change_topics", {"groups"}},
      {"change_license", {"license_id"}},
      {"change_access", {"access_rights", "cost"}},
      {"change_frequency", {"frequency"}},
      {"change_temporal", {"temporal_start", "temporal_end"}},
      {"change_spatial", {"spatial"}},
      {"change_languages", {"language"}},
      {"change_dates", {"issued", "modified"}},
      {"change_version", {"version"}},
      {"change_contact", {"maintainer", "maintainer_email", "maintainer_phone", "contacts"}},
      {"change_author", {"author", "author_email"}},
      {"change_links", {"related_urls", "conforms_to", "url", "source_url"}},
  };
  return parts;
}

// Fields that change with every write or only follow other fields.
bool IsBookkeeping(std::string_view field) {
  static constexpr std::array<std::string_view, 13> kFields = {
      "id", "type", "metadata_created", "metadata_modified", "num_resources", "num_tags", "views",
      "downloads", "license_title", "license_title_en", "license_url", "isopen", "organization"};
  return std::find(kFields.begin(), kFields.end(), field) != kFields.end();
}

// A copy of a resource list without the time stamps the store sets on every write.
boost::json::value WithoutStamps(const boost::json::value* resources) {
  if (!resources || !resources->is_array()) return resources ? *resources : boost::json::value();
  boost::json::array out;
  for (const auto& r : resources->get_array()) {
    boost::json::value copy = r;
    if (auto* o = copy.if_object()) {
      o->erase("created");
      o->erase("metadata_modified");
    }
    out.push_back(std::move(copy));
  }
  return out;
}

// True when `field`'s {"old", "new"} change is one a reader would notice.
bool Noticeable(std::string_view field, const boost::json::value& change) {
  if (IsBookkeeping(field)) return false;
  if (field != "resources") return true;
  // Every write refreshes each resource's time stamps; only other differences count.
  const auto* c = change.if_object();
  if (!c) return true;
  return WithoutStamps(c->if_contains("old")) != WithoutStamps(c->if_contains("new"));
}

std::string Join(const std::vector<std::string>& keys, Lang lang) {
  std::string sep = Translate(lang, "feed_list_separator"), out;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (i) out += sep;
    out += Translate(lang, keys[i]);
  }
  return out;
}

}  // namespace

std::vector<std::string> ChangedParts(std::string_view diff_json) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(diff_json, ec);
  if (ec || !v.is_object()) return {};
  const boost::json::object& diff = v.get_object();
  std::vector<std::string> out;
  for (const auto& part : Parts()) {
    for (auto f : part.fields) {
      const auto* change = diff.if_contains(f);
      if (change && Noticeable(f, *change)) {
        out.emplace_back(part.key);
        break;
      }
    }
  }
  for (const auto& kv : diff) {
    std::string_view f = kv.key();
    if (!Noticeable(f, kv.value())) continue;
    bool labelled = false;
    for (const auto& part : Parts())
      labelled = labelled || std::find(part.fields.begin(), part.fields.end(), f) != part.fields.end();
    if (!labelled) {
      out.emplace_back("change_other");
      break;
    }
  }
  return out;
}

ChangeDescription DescribeDatasetChange(const Activity& a, Lang lang) {
  ChangeDescription d;
  if (a.activity_type == "new package") {
    d.kind = "created";
    d.summary = Translate(lang, "feed_summary_created");
  } else if (a.activity_type == "deleted package") {
    d.kind = "deleted";
    d.summary = Translate(lang, "feed_summary_deleted");
  } else {
    d.kind = "changed";
    auto parts = ChangedParts(a.diff_json);
    d.summary = parts.empty() ? Translate(lang, "feed_summary_resaved")
                              : Translate(lang, "feed_summary_changed") + Join(parts, lang) +
                                    Translate(lang, "feed_sentence_end");
  }
  d.label = Translate(lang, "feed_" + d.kind);
  return d;
}

}  // namespace pintu::http::web

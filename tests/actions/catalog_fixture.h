// A catalog with two agencies, an editor of each, a topic and a few datasets,
// built through the actions themselves.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "actions/accounts.h"
#include "actions/datasets.h"
#include "actions/organizations.h"
#include "actions/search_sync.h"
#include "actions/topics.h"
#include "core/model_json.h"
#include "search/builtin_synonyms.h"
#include "search/normalizer.h"
#include "support/temp_dir.h"

namespace pintu::test {

class CatalogTest : public ::testing::Test {
 public:
  // One OpenCC normaliser for the whole test program (loading it takes a while).
  static const search::Normalizer* SharedNormalizer() {
    static std::unique_ptr<search::Normalizer> n = search::Normalizer::Create().value();
    return n.get();
  }

 protected:
  void SetUp() override {
    config_.data_dir = dir_.path();
    config_.site_url = "http://127.0.0.1:9";
    auto opened = OpenStore("sqlite:" + dir_.File("pintu.db"));
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    auto search = actions::SearchSync::Open(*store_, dir_.File("search"), SharedNormalizer(),
                                            search::ParseSynonyms(search::BuiltinSynonymsTsv()).value());
    ASSERT_TRUE(search) << search.error().message;
    search_ = std::move(*search);
    auto sys = System();
    health_ = Must(actions::CreateOrganization(sys, Org("mohw", "衛生福利部", OrgLevel::kCentral)));
    taipei_ = Must(actions::CreateOrganization(sys, Org("taipei-health", "臺北市政府衛生局", OrgLevel::kLocal)));
    Topic t;
    t.slug = "long-term-care";
    t.title = LocalizedText::Both("長照", "Long-term care");
    Must(actions::CreateTopic(sys, t));
    for (const char* name : {"alice", "bob", "carol"})
      Must(actions::CreateUser(sys, {name, name, std::string(name) + "@example.org", "", false}));
    Must(actions::SetMembership(sys, "mohw", "alice", MemberRole::kEditor));
    Must(actions::SetMembership(sys, "taipei-health", "bob", MemberRole::kEditor));
    Must(actions::SetMembership(sys, "mohw", "carol", MemberRole::kMember));
  }

  static Organization Org(std::string slug, std::string title, OrgLevel level) {
    Organization o;
    o.slug = std::move(slug);
    o.title = LocalizedText::Zh(std::move(title));
    o.level = level;
    return o;
  }

  // A valid dataset owned by `org` (slug or id).
  static Dataset MakeDataset(std::string slug, std::string org, std::string title = "長照服務據點") {
    Dataset d;
    d.slug = std::move(slug);
    d.organization_id = std::move(org);
    d.title = LocalizedText::Both(std::move(title), "Long-term care service points");
    d.keywords = {"長照"};
    Resource r;
    r.url = "https://example.gov.tw/a.csv";
    r.format = "CSV";
    r.name = LocalizedText::Zh("清單");
    d.resources.push_back(r);
    return d;
  }

  actions::Context System() { return {*store_, Identity::System(), config_, search_.get()}; }
  actions::Context Anonymous() { return {*store_, Identity::Anonymous(), config_, search_.get()}; }
  actions::Context As(const std::string& user) {
    auto u = store_->GetUser(user);
    EXPECT_TRUE(u);
    auto id = actions::IdentityOf(*store_, *u);
    EXPECT_TRUE(id);
    return {*store_, *id, config_, search_.get()};
  }

  template <typename T>
  T Must(Result<T> r) {
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().message + (r.error().fields.empty() ? "" : " " + r.error().fields[0].field + ": " + r.error().fields[0].message));
    if constexpr (std::is_void_v<T>) return;
    else return r ? std::move(*r) : T{};
  }

  // Names of fields in a validation error.
  static std::vector<std::string> Fields(const Error& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields) out.push_back(f.field);
    return out;
  }

  TempDir dir_;
  Config config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<actions::SearchSync> search_;  // destroyed before the store
  Organization health_, taipei_;
};

}  // namespace pintu::test

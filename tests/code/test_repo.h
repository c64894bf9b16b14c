// Builds real git repositories with libgit2 for the crawl tests: a bare "origin" whose
// main branch gets commits with chosen author dates, files (including symlinks) and tags.
#pragma once

#include <git2.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace pintu::code::test {

// A bare repository at `path` with HEAD → refs/heads/main, built commit by commit.
class TestRepo {
 public:
  explicit TestRepo(const std::string& path) : path_(path) {
    git_libgit2_init();
    git_repository_init_options options = GIT_REPOSITORY_INIT_OPTIONS_INIT;
    options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_MKPATH;
    options.initial_head = "main";
    EXPECT_EQ(git_repository_init_ext(&repo_, path.c_str(), &options), 0) << Error();
  }
  ~TestRepo() {
    git_repository_free(repo_);
    git_libgit2_shutdown();
  }
  TestRepo(const TestRepo&) = delete;
  TestRepo& operator=(const TestRepo&) = delete;

  std::string url() const { return "file://" + path_; }

  // Stages a file (or, with `symlink`, a symbolic link whose target is `content`).
  void Write(const std::string& path, const std::string& content, bool symlink = false) {
    files_[path] = {content, symlink ? GIT_FILEMODE_LINK : GIT_FILEMODE_BLOB};
  }
  void Remove(const std::string& path) { files_.erase(path); }

  // Commits the staged files on main (parent: the current tip, plus `extra_parent` for a
  // merge) as `name` <`email`> at `when`; returns the commit id. `branch` names another ref.
  std::string Commit(const std::string& message, const std::string& name, const std::string& email, int64_t when,
                     const std::string& branch = "main", const std::string& extra_parent = "") {
    git_index* index = nullptr;
    EXPECT_EQ(git_index_new(&index), 0);
    for (const auto& [path, file] : files_) {
      git_oid blob;
      EXPECT_EQ(git_blob_create_from_buffer(&blob, repo_, file.first.data(), file.first.size()), 0) << Error();
      git_index_entry entry{};
      entry.mode = file.second;
      entry.id = blob;
      entry.path = path.c_str();
      EXPECT_EQ(git_index_add(index, &entry), 0) << Error();
    }
    git_oid tree_id;
    EXPECT_EQ(git_index_write_tree_to(&tree_id, index, repo_), 0) << Error();
    git_index_free(index);
    git_tree* tree = nullptr;
    EXPECT_EQ(git_tree_lookup(&tree, repo_, &tree_id), 0);
    git_signature* author = nullptr;
    EXPECT_EQ(git_signature_new(&author, name.c_str(), email.c_str(), when, 0), 0);
    std::vector<git_commit*> parents;
    const std::string ref = "refs/heads/" + branch;
    git_oid parent_id;
    if (git_reference_name_to_id(&parent_id, repo_, ref.c_str()) == 0) parents.push_back(Lookup(parent_id));
    if (!extra_parent.empty()) {
      git_oid extra;
      git_oid_fromstr(&extra, extra_parent.c_str());
      parents.push_back(Lookup(extra));
    }
    git_oid commit_id;
    std::vector<const git_commit*> const_parents(parents.begin(), parents.end());
    EXPECT_EQ(git_commit_create(&commit_id, repo_, ref.c_str(), author, author, nullptr, message.c_str(), tree,
                                const_parents.size(), const_parents.data()),
              0)
        << Error();
    for (auto* p : parents) git_commit_free(p);
    git_signature_free(author);
    git_tree_free(tree);
    char hex[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(hex, sizeof hex, &commit_id);
    return hex;
  }

  // Points the repository's HEAD (its default branch) at `branch`.
  void SetHead(const std::string& branch) {
    EXPECT_EQ(git_repository_set_head(repo_, ("refs/heads/" + branch).c_str()), 0) << Error();
  }

  // A lightweight tag on `commit`.
  void LightweightTag(const std::string& tag, const std::string& commit) {
    git_object* target = Object(commit);
    git_oid out;
    EXPECT_EQ(git_tag_create_lightweight(&out, repo_, tag.c_str(), target, 0), 0) << Error();
    git_object_free(target);
  }

  // An annotated tag on `commit` made at `when`.
  void AnnotatedTag(const std::string& tag, const std::string& commit, int64_t when) {
    git_object* target = Object(commit);
    git_signature* tagger = nullptr;
    git_signature_new(&tagger, "Release Bot", "release@example.org", when, 0);
    git_oid out;
    EXPECT_EQ(git_tag_create(&out, repo_, tag.c_str(), target, tagger, "release", 0), 0) << Error();
    git_signature_free(tagger);
    git_object_free(target);
  }

 private:
  static std::string Error() {
    const git_error* e = git_error_last();
    return e != nullptr && e->message != nullptr ? e->message : "";
  }
  git_commit* Lookup(const git_oid& id) {
    git_commit* commit = nullptr;
    EXPECT_EQ(git_commit_lookup(&commit, repo_, &id), 0);
    return commit;
  }
  git_object* Object(const std::string& hex) {
    git_oid id;
    git_oid_fromstr(&id, hex.c_str());
    git_object* object = nullptr;
    EXPECT_EQ(git_object_lookup(&object, repo_, &id, GIT_OBJECT_COMMIT), 0);
    return object;
  }

  std::string path_;
  git_repository* repo_ = nullptr;
  std::map<std::string, std::pair<std::string, git_filemode_t>> files_;
};

}  // namespace pintu::code::test

// Shared helpers for the end-to-end tests: run the built `pintu` binary, start and stop a
// server on a free loopback port, call the CKAN Action API, read exports.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "http/test_client.h"
#include "integration/process.h"
#include "support/temp_dir.h"

namespace pintu::test {

namespace json = boost::json;
using http::test_client::Client;
using http::test_client::ClientResponse;
using namespace std::chrono_literals;

inline const std::string kPintu = PINTU_BINARY;
inline const std::string kSourceDir = PINTU_SOURCE_DIR;

// $PINTU_SHARED_DIR when it names an existing folder.
inline std::optional<std::string> SharedDir() {
  const char* env = std::getenv("PINTU_SHARED_DIR");
  if (!env || !*env || !std::filesystem::is_directory(env)) return std::nullopt;
  return std::string(env);
}

#define PINTU_REQUIRE_SHARED(var, sub)                                                        \
  auto var##_root = ::pintu::test::SharedDir();                                               \
  if (!var##_root) GTEST_SKIP() << "PINTU_SHARED_DIR is not set or missing; skipping (needs " \
                                << sub << ")";                                                \
  const std::string var = *var##_root + "/" + sub;                                            \
  if (!std::filesystem::exists(var)) GTEST_SKIP() << var << " is missing; skipping"

// Runs `pintu --data-dir DIR args...` to completion. Logs go next to the data dir.
inline RunResult Pintu(const TempDir& tmp, const std::string& data_dir, std::vector<std::string> args,
                       std::chrono::milliseconds timeout = 120s) {
  static std::atomic<int> counter{0};
  args.insert(args.begin(), {"--data-dir", data_dir});
  return Run(kPintu, args, tmp.File("run" + std::to_string(++counter)), timeout);
}

inline std::optional<json::value> ParseJson(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return std::nullopt;
  return v;
}

inline std::string Str(const json::value& v) { return v.is_string() ? std::string(v.get_string()) : ""; }

// Member of an object, or null. (The json::object overload matters: passing an object to the
// json::value overload would make a temporary copy and return a reference into it.)
inline const json::value& At(const json::object& o, std::string_view key) {
  static const json::value null;
  auto* p = o.if_contains(key);
  return p ? *p : null;
}
inline const json::value& At(const json::value& v, std::string_view key) {
  static const json::value null;
  if (!v.is_object()) return null;
  return At(v.get_object(), key);
}

// Percent-encodes a query value (UTF-8 bytes).
inline std::string UrlEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Calls a CKAN action with a JSON body (POST) on an open keep-alive connection.
inline std::optional<ClientResponse> CallAction(Client& c, std::string_view action, const json::object& body,
                                                const std::string& token = "") {
  std::string headers = "Content-Type: application/json\r\n";
  if (!token.empty()) headers += "Authorization: " + token + "\r\n";
  return c.Request("POST", "/api/3/action/" + std::string(action), json::serialize(body), headers);
}

// A CKAN envelope's "success" flag (false for anything that is not an envelope).
inline bool Succeeded(const std::optional<ClientResponse>& r) {
  if (!r) return false;
  auto v = ParseJson(r->body);
  return v && At(*v, "success").is_bool() && At(*v, "success").get_bool();
}

// One `pintu serve` child on 127.0.0.1 with a port picked by the kernel (--listen :0).
class Server {
 public:
  Server(const TempDir& tmp, std::string data_dir, std::vector<std::string> extra = {})
      : tmp_(tmp), data_dir_(std::move(data_dir)), extra_(std::move(extra)) {}
  ~Server() { Stop(); }

  // Starts and waits until the banner names the port. False with details in `error()`.
  bool Start(std::chrono::milliseconds timeout = 60s) {
    static std::atomic<int> counter{0};
    std::vector<std::string> args = {"--data-dir", data_dir_, "serve", "--listen", "127.0.0.1:0",
                                     "--no-access-log", "--no-jobs"};
    args.insert(args.end(), extra_.begin(), extra_.end());
    std::string err;
    if (!proc_.Start(kPintu, args, tmp_.File("server" + std::to_string(++counter)), &err)) {
      error_ = err;
      return false;
    }
    auto m = proc_.WaitForOutput(std::regex(R"(listening on 127\.0\.0\.1:(\d+))"), timeout);
    if (!m) {
      error_ = "server did not report its port\n--- stdout:\n" + proc_.Stdout() + "\n--- stderr:\n" +
               proc_.Stderr().substr(0, 4000);
      return false;
    }
    port_ = static_cast<uint16_t>(std::stoi((*m)[1]));
    return true;
  }

  // SIGTERM, then SIGKILL when it does not stop within `grace`.
  std::optional<ExitStatus> Stop(std::chrono::milliseconds grace = 15s) {
    if (!proc_.Running()) return proc_.Wait(0ms);
    proc_.Signal(SIGTERM);
    if (auto st = proc_.Wait(grace)) return st;
    return proc_.Kill();
  }

  uint16_t port() const { return port_; }
  Process& process() { return proc_; }
  const std::string& error() const { return error_; }

 private:
  const TempDir& tmp_;
  std::string data_dir_;
  std::vector<std::string> extra_;
  Process proc_;
  uint16_t port_ = 0;
  std::string error_;
};

// Creates a sysadmin `name` in `data_dir` and returns a fresh API token ("" on failure, with
// an EXPECT failure recorded).
inline std::string MakeSysadminToken(const TempDir& tmp, const std::string& data_dir,
                                     const std::string& name = "admin") {
  auto u = Pintu(tmp, data_dir, {"user", "add", name, "--sysadmin"});
  EXPECT_TRUE(u.status.Ok()) << u.Describe();
  auto t = Pintu(tmp, data_dir, {"token", "create", "--user", name});
  EXPECT_TRUE(t.status.Ok()) << t.Describe();
  std::string token = t.out;
  while (!token.empty() && (token.back() == '\n' || token.back() == '\r' || token.back() == ' '))
    token.pop_back();
  EXPECT_FALSE(token.empty());
  return token;
}

// A pintu-jsonl export split into its header and its record lines (kind → docs in file order).
struct Export {
  json::value header;
  std::vector<json::value> lines;  // every record line, parsed
  std::vector<json::object> Docs(std::string_view kind) const {
    std::vector<json::object> out;
    for (const auto& l : lines)
      if (Str(At(l, "kind")) == kind && At(l, "doc").is_object()) out.push_back(At(l, "doc").get_object());
    return out;
  }
};

// Reads an export file; records a failure for unparsable lines.
inline Export ReadExport(const std::string& path) {
  Export e;
  std::string text = ReadFile(path);
  size_t pos = 0;
  bool first = true;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    if (line.empty()) continue;
    auto v = ParseJson(line);
    EXPECT_TRUE(v.has_value()) << path << ": unparsable line: " << line.substr(0, 200);
    if (!v) continue;
    if (first) e.header = *v;
    else e.lines.push_back(std::move(*v));
    first = false;
  }
  return e;
}

// Exports the catalog of `data_dir` into `file` and reads it back.
inline std::optional<Export> ExportCatalog(const TempDir& tmp, const std::string& data_dir,
                                           const std::string& file) {
  auto r = Pintu(tmp, data_dir, {"export", "-o", file});
  EXPECT_TRUE(r.status.Ok()) << r.Describe();
  if (!r.status.Ok()) return std::nullopt;
  return ReadExport(file);
}

}  // namespace pintu::test

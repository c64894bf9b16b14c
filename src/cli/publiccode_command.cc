// pintu publiccode validate FILE [--strict|--lenient] [--no-network] [--format text|json]
#include <iostream>

#include <boost/json.hpp>

#include "cli/commands.h"
#include "cli/locale.h"
#include "formats/publiccode/report.h"
#include "formats/publiccode/validate.h"

namespace pintu::cli {
namespace {

struct PubliccodeOptions {
  std::string file;
  bool strict = false;
  bool lenient = false;
  bool no_network = false;
  std::string format = "text";
  std::string ipa_codes;
};

int Validate(const PubliccodeOptions& o) {
  namespace pc = formats::publiccode;
  bool zh = PreferZh();
  if (o.file.starts_with("http://") || o.file.starts_with("https://")) {
    PrintLocalizedError(Error::Invalid("file", "URL input is not supported yet: download the publiccode.yml and pass the file",
                                       "尚不支援網址輸入：請先下載 publiccode.yml 再以檔案驗證"),
                        zh);
    return 2;
  }
  pc::ValidateOptions options;
  options.mode = o.lenient ? pc::Mode::kLenient : pc::Mode::kStrict;
  // Network checks (URL reachability, remote logos) are not wired to the fetcher yet: the
  // CLI always validates offline, and says so unless --no-network asked for it.
  if (!o.no_network) {
    std::cerr << (zh ? "注意：尚未實作網路檢查，本次僅離線驗證\n"
                     : "note: network checks are not implemented yet; validating offline\n");
  }
  if (!o.ipa_codes.empty()) {
    auto codes = pc::LoadIpaCodes(o.ipa_codes);
    if (!codes) {
      PrintLocalizedError(codes.error(), zh);
      return 2;
    }
    options.ipa_codes = *codes;
  }
  auto result = pc::ValidatePubliccodeFile(o.file, options);
  if (!result) {
    PrintLocalizedError(result.error(), zh);
    return 2;
  }
  if (o.format == "json") std::cout << boost::json::serialize(pc::ValidationResultToJson(*result)) << "\n";
  else std::cout << pc::ValidationResultText(*result, zh);
  return result->valid() ? 0 : 1;
}

}  // namespace

void AddPubliccodeCommand(CLI::App& app, Globals&, int& exit_code) {
  CLI::App* group = app.add_subcommand("publiccode", "publiccode.yml tools");
  group->require_subcommand(1);
  auto o = std::make_shared<PubliccodeOptions>();
  CLI::App* cmd = group->add_subcommand(
      "validate", "Check a publiccode.yml (standard 0.2-0.7) with the rules of italia/publiccode-parser-go");
  cmd->add_option("file", o->file, "publiccode.yml file")->required();
  auto* strict = cmd->add_flag("--strict", o->strict, "The standard exactly (default)");
  auto* lenient = cmd->add_flag("--lenient", o->lenient,
                                "Real-world files: read the Taiwanese tw: section, unknown keys are warnings, hints");
  strict->excludes(lenient);
  cmd->add_flag("--no-network", o->no_network, "Skip network checks (URL reachability, remote images)");
  cmd->add_option("--format", o->format, "Report format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--ipa-codes", o->ipa_codes, "Italian iPA code list (one per line) for urn:x-italian-pa: URIs");
  cmd->footer("Exit codes: 0 valid (warnings allowed), 1 invalid, 2 the file could not be read.");
  cmd->callback([&exit_code, o] { exit_code = Validate(*o); });
}

}  // namespace pintu::cli

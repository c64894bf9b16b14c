// pintu publiccode validate FILE|URL [--strict|--lenient] [--no-network] [--allow-private]
//                           [--format text|json] [--ipa-codes FILE]
#include <iostream>

#include <boost/json.hpp>

#include "cli/commands.h"
#include "cli/locale.h"
#include "cli/publiccode_fetch.h"
#include "formats/publiccode/report.h"
#include "formats/publiccode/validate.h"

namespace pintu::cli {
namespace {

struct PubliccodeOptions {
  std::string file;
  bool strict = false;
  bool lenient = false;
  bool no_network = false;
  bool allow_private = false;  // loopback and private addresses may be fetched and probed
  std::string format = "text";
  std::string ipa_codes;
};

int Validate(const PubliccodeOptions& o) {
  namespace pc = formats::publiccode;
  bool zh = PreferZh();
  pc::ValidateOptions options;
  options.mode = o.lenient ? pc::Mode::kLenient : pc::Mode::kStrict;
  fetch::AddressPolicy policy{.allow_loopback = o.allow_private, .allow_private = o.allow_private};
  // Network checks: URLs of the document (and remote logos) are probed through the guard.
  if (!o.no_network) options.probe = MakeFetchProbe(policy);
  if (!o.ipa_codes.empty()) {
    auto codes = pc::LoadIpaCodes(o.ipa_codes);
    if (!codes) {
      PrintLocalizedError(codes.error(), zh);
      return 2;
    }
    options.ipa_codes = *codes;
  }
  bool is_url = o.file.starts_with("http://") || o.file.starts_with("https://");
  Result<pc::ValidationResult> result;
  if (is_url) {
    auto fetched = FetchPubliccode(o.file, options.limits.max_bytes, policy);
    if (!fetched) {
      PrintLocalizedError(fetched.error(), zh);
      return 2;
    }
    options.source_url = fetched->final_url.empty() ? o.file : fetched->final_url;
    result = pc::ValidatePubliccode(fetched->bytes, {}, options);
  } else {
    result = pc::ValidatePubliccodeFile(o.file, options);
  }
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
  cmd->add_option("file", o->file, "publiccode.yml file, or its http(s) URL")->required();
  auto* strict = cmd->add_flag("--strict", o->strict, "The standard exactly (default)");
  auto* lenient = cmd->add_flag("--lenient", o->lenient,
                                "Real-world files: read the Taiwanese tw: section, unknown keys are warnings, hints");
  strict->excludes(lenient);
  cmd->add_flag("--no-network", o->no_network, "Skip network checks (URL reachability, remote images)");
  cmd->add_flag("--allow-private", o->allow_private,
                "Allow fetching and probing loopback and private-network addresses (refused by default)");
  cmd->add_option("--format", o->format, "Report format")->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--ipa-codes", o->ipa_codes, "Italian iPA code list (one per line) for urn:x-italian-pa: URIs");
  cmd->footer("Exit codes: 0 valid (warnings allowed), 1 invalid, 2 the file or URL could not be read.");
  cmd->callback([&exit_code, o] { exit_code = Validate(*o); });
}

}  // namespace pintu::cli

// pintu croissant validate FILE [--format text|json]: Pintu's Croissant checker on a file.
#include <iostream>

#include <boost/json.hpp>

#include "actions/croissant_validate.h"
#include "cli/commands.h"
#include "cli/locale.h"

namespace pintu::cli {
namespace {

struct ValidateOptions {
  std::string file;
  std::string format = "text";
};

int Validate(const ValidateOptions& o) {
  auto v = actions::ValidateCroissantFile(o.file);
  if (!v) {
    PrintLocalizedError(v.error(), PreferZh());
    return 2;
  }
  if (o.format == "json") std::cout << boost::json::serialize(formats::CroissantReportToJson(v->report)) << "\n";
  else std::cout << formats::CroissantReportText(v->report);
  return v->errors == 0 ? 0 : 1;
}

}  // namespace

void AddCroissantCommand(CLI::App& app, Globals& g, int& exit_code) {
  CLI::App* group = app.add_subcommand("croissant", "Croissant (ML dataset metadata) tools");
  group->require_subcommand(1);
  auto o = std::make_shared<ValidateOptions>();
  CLI::App* cmd = group->add_subcommand(
      "validate", "Check a Croissant 1.0/1.1 JSON-LD file with the rules mlcroissant 1.1.0 enforces");
  cmd->add_option("file", o->file, "Croissant metadata file (JSON-LD)")->required();
  cmd->add_option("--format", o->format, "Report format")->check(CLI::IsMember({"text", "json"}));
  cmd->footer("Exit codes: 0 no errors (warnings allowed), 1 errors, 2 could not read the file or it is not JSON.");
  cmd->callback([&exit_code, o] { exit_code = Validate(*o); });
}

}  // namespace pintu::cli

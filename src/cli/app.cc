#include "cli/app.h"

#include <iostream>

#include "cli/commands.h"

namespace pintu::cli {

int Main(int argc, char** argv) {
  CLI::App app{"Pintu 拼圖 — open data and public code platform"};
  app.require_subcommand(1);
  Globals g;
  app.add_option("--data-dir", g.data_dir, "Data directory (default ./pintu-data)");
  app.add_option("--config", g.config_path, "TOML configuration file")->check(CLI::ExistingFile);
  app.set_version_flag("--version", "pintu 0.1.0");
  int exit_code = 0;
  AddServeCommand(app, g, exit_code);
  AddImportCommand(app, g, exit_code);
  AddExportCommand(app, g, exit_code);
  AddAdminCommands(app, g, exit_code);
  AddSearchCommands(app, g, exit_code);
  AddConvertCommand(app, g, exit_code);
  AddCheckCommand(app, g, exit_code);
  AddScoreCommand(app, g, exit_code);
  AddCroissantCommand(app, g, exit_code);
  AddPubliccodeCommand(app, g, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exit_code;
}

}  // namespace pintu::cli

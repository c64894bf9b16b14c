// Registration of the CLI's commands. Each Add*Command adds a subcommand to `app`
// whose callback stores its exit code in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/globals.h"

namespace pintu::actions {
class SearchSync;
}

namespace pintu::cli {

// pintu serve --listen HOST:PORT [--demo] [--demo-dir DIR] [--threads N] [--no-access-log]
void AddServeCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu import FILE... [--format auto|ckan|datagovtw-csv|datagovtw-json|jsonl] [--report FILE]
void AddImportCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu export [--format jsonl] [-o FILE]
void AddExportCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu user add, pintu token create, pintu member add, pintu backup FILE
void AddAdminCommands(CLI::App& app, Globals& g, int& exit_code);
// pintu convert FILE [-o OUT] [--from ENC]: to UTF-8 without BOM; exit 0 ok, 1 invalid bytes,
// 2 cannot read
void AddConvertCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu check FILE|URL [--schema F] [--format text|json] [--limit-errors N] …: exit 0 valid,
// 1 invalid, 2 could not read
void AddCheckCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu score [--dataset SLUG | --all] [--format text|json] [--save]: exit 0 scored, 1 a
// dataset could not be scored, 2 bad usage or unknown dataset
void AddScoreCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu croissant validate FILE [--format text|json]: exit 0 no errors, 1 errors, 2 could
// not read the file or it is not JSON
void AddCroissantCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu publiccode validate FILE [--strict|--lenient] [--no-network] [--format text|json]
// [--ipa-codes FILE]: exit 0 valid, 1 invalid, 2 could not read the file
void AddPubliccodeCommand(CLI::App& app, Globals& g, int& exit_code);
// pintu reindex
void AddSearchCommands(CLI::App& app, Globals& g, int& exit_code);

// Opens the data directory's search index and applies the store changes it has not
// seen yet (printing progress). Prints the problem and returns nullptr on error; when
// `quiet_when_busy`, an index held by a running server is only noted (that server
// indexes the changes itself).
std::unique_ptr<actions::SearchSync> OpenSearchIndex(Store& store, const Config& config, bool quiet_when_busy);

}  // namespace pintu::cli

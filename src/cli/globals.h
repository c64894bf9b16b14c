// State shared by every CLI command: the global options and helpers to open the store.
#pragma once

#include <memory>
#include <string>

#include "core/config.h"
#include "store/store.h"

namespace pintu::cli {

struct Globals {
  std::string data_dir;     // --data-dir (empty = not given)
  std::string config_path;  // --config
  Config config;            // resolved by Resolve()
};

// Resolves the configuration: defaults < config file < environment < flags.
// Prints the problem and returns false on error.
bool Resolve(Globals& g);
// Opens (creating and migrating when new) the store named by the configuration.
// Prints the problem and returns nullptr on error.
std::unique_ptr<Store> OpenConfiguredStore(const Config& config);
// Prints "error: <message>" (with field details) to stderr.
void PrintError(const Error& e);

}  // namespace pintu::cli

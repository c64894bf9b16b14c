#include "cli/globals.h"

#include <filesystem>
#include <iostream>

#include "cli/config_loader.h"

namespace pintu::cli {

void PrintError(const Error& e) {
  std::cerr << "error: " << e.message << "\n";
  if (e.fields.size() == 1 && e.message.find(e.fields[0].message) != std::string::npos) return;
  for (const auto& f : e.fields) std::cerr << "  " << f.field << ": " << f.message << "\n";
}

bool Resolve(Globals& g) {
  if (!g.config_path.empty()) {
    if (auto ok = LoadConfigFile(g.config_path, g.config); !ok) {
      PrintError(ok.error());
      return false;
    }
  }
  if (auto ok = ApplyEnvironment(g.config); !ok) {
    PrintError(ok.error());
    return false;
  }
  if (!g.data_dir.empty()) g.config.data_dir = g.data_dir;
  return true;
}

std::unique_ptr<Store> OpenConfiguredStore(const Config& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    std::cerr << "error: cannot create data directory " << config.data_dir << ": " << ec.message() << "\n";
    return nullptr;
  }
  auto store = OpenStore(config.EffectiveStoreUrl());
  if (!store) {
    PrintError(store.error());
    return nullptr;
  }
  return std::move(*store);
}

}  // namespace pintu::cli

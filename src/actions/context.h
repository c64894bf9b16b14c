// What every action receives: the store, the caller's identity and configuration.
#pragma once

#include "core/account.h"
#include "core/config.h"
#include "store/store.h"

namespace pintu::actions {

struct Context {
  Store& store;
  Identity identity;    // who is calling
  const Config& config;
};

}  // namespace pintu::actions

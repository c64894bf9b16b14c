// What every action receives: the store, the caller's identity and configuration.
#pragma once

#include "core/account.h"
#include "core/config.h"
#include "store/store.h"

namespace pintu::actions {

class SearchSync;

struct Context {
  Store& store;
  Identity identity;    // who is calling
  const Config& config;
  SearchSync* search = nullptr;  // the search index; searching without one is an error
};

}  // namespace pintu::actions

// Precompiled header: standard and Boost.JSON headers used across layers.
// Heavy headers (Beast, Asio) stay out of it and out of widely included headers.
#pragma once
#include <algorithm>
#include <expected>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

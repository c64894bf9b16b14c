// Wall-clock time as Unix milliseconds, behind an interface so that code which
// schedules work (jobs/) can be tested with a clock the test moves by hand.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pintu {

// A source of the current time. Implementations are safe to call from any thread.
class Clock {
 public:
  virtual ~Clock() = default;
  // Milliseconds since 1970-01-01T00:00:00Z.
  virtual int64_t NowMillis() const = 0;
};

// The system's real-time clock; one shared instance for the whole program.
Clock& SystemClock();

// Formats Unix milliseconds as "YYYY-MM-DDTHH:MM:SS.mmmZ" (UTC). Values outside
// years 0001–9999 are clamped to that range rather than producing garbage.
std::string IsoFromUnixMillis(int64_t millis);

// Reads "YYYY-MM-DD", "YYYY-MM-DDTHH:MM:SS" with optional fraction and "Z" (UTC is
// assumed) back into Unix milliseconds; nullopt when it is not a real date and time.
std::optional<int64_t> UnixMillisFromIso(std::string_view iso);

}  // namespace pintu

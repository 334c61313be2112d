// test_display.cpp — how times and sizes read on screen: local time (files keep UTC), human sizes.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <ctime>
#include <string>

#include "file_size.h"
#include "record.h"

using namespace lw;

namespace {
// Runs the check in a fixed time zone (POSIX "CST-8" is UTC+8 without any tz database), then restores.
struct TimeZone {
  std::string saved;
  bool had = false;
  explicit TimeZone(const char* tz) {
    if (const char* old = std::getenv("TZ")) saved = old, had = true;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~TimeZone() {
    if (had)
      setenv("TZ", saved.c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
};
}  // namespace

// The local hour at 1970-01-01T00:00Z: the zone in effect. Under node (the em++ build) local time is
// the JavaScript host's, and a TZ set from inside is not seen.
int EpochHour() {
  const std::time_t epoch = 0;
  std::tm tm{};
  localtime_r(&epoch, &tm);
  return tm.tm_hour;
}

TEST_CASE("times stored in UTC show in the user's time zone", "[display]") {
  {
    TimeZone beijing("CST-8");
    if (EpochHour() == 8) {
      CHECK(LocalMinute("2026-11-22T10:35:00Z") == "2026-11-22 18:35");
      CHECK(LocalMinute("2026-11-22T19:05:59Z") == "2026-11-23 03:05");  // the day turns too
    } else {
      WARN("the runtime ignores TZ (WebAssembly under node): checking the shape only");
      const std::string shown = LocalMinute("2026-11-22T10:35:00Z");
      CHECK(shown.size() == 16);
      CHECK(shown.substr(13) == ":35");  // whole-hour zones (China's included) keep the minutes
    }
  }
  {
    TimeZone utc("UTC0");
    if (EpochHour() == 0) CHECK(LocalMinute("2026-11-22T10:35:00Z") == "2026-11-22 10:35");
  }
  CHECK(LocalMinute("") == "");
  CHECK(LocalMinute("2026-11-22 10:35") == "2026-11-22 10:35");  // not UTC ISO: shown as written
}

TEST_CASE("sizes read as people say them: KB under 1 MB", "[display]") {
  CHECK(HumanSize(0) == "0 字节");
  CHECK(HumanSize(800) == "800 字节");
  CHECK(HumanSize(50 * 1024) == "50 KB");
  CHECK(HumanSize(51234) == "50 KB");
  CHECK(HumanSize(1024 * 1024 - 1) == "1023 KB");
  CHECK(HumanSize(1024 * 1024) == "1.0 MB");
  CHECK(HumanSize(3.3 * 1024 * 1024) == "3.3 MB");
}

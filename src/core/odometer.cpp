// odometer.cpp — see odometer.h.
#include "odometer.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace lw {

std::vector<RollingDigit> OdometerDigits(double value, int min_digits) {
  value = std::max(0.0, value);
  const double whole = std::floor(value), frac = value - whole;
  std::string digits = std::to_string(static_cast<long long>(whole));
  if (static_cast<int>(digits.size()) < min_digits) digits.insert(0, min_digits - digits.size(), '0');
  // 9.5 is 9 rolling over to 10: a leading 0 rolls in to 1
  if (frac > 0 && digits.find_first_not_of('9') == std::string::npos) digits.insert(0, "0");
  std::vector<RollingDigit> out(digits.size());
  double roll = frac;  // the ones digit rolls with the fraction
  for (size_t i = digits.size(); i-- > 0;) {
    const int d = digits[i] - '0';
    out[i] = {d, (d + 1) % 10, roll};
    if (d != 9) roll = 0;  // the next digit turns only while this one passes 9 → 0
  }
  return out;
}

double CountUpEase(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return 1 - std::pow(1 - t, 3);
}

}  // namespace lw

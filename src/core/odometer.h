// odometer.h — totals that count up like a mechanical counter: each digit rolls from one figure
// to the next, and a digit turns only while every digit to its right rolls from 9 to 0.
#pragma once
#include <vector>

namespace lw {

struct RollingDigit {
  int from = 0, to = 0;  // the figure leaving and the one arriving (to = (from + 1) % 10)
  double roll = 0;       // 0: `from` shown whole … 1: `to` shown whole
};

// Digits of a value part-way through counting, most significant first, at least `min_digits`.
std::vector<RollingDigit> OdometerDigits(double value, int min_digits = 1);

// The count-up curve: fast start, gentle landing (ease-out cubic), t in [0, 1].
double CountUpEase(double t);

}  // namespace lw

#include "core/numeric/portable_math.hpp"

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace itp::portable {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

// ln 2 split so that k * kLn2High is exact for |k| < 2^11 (Cody & Waite 1980 reduction).
constexpr double kLn2High = 6.93147180369123816490e-01;
constexpr double kLn2Low = 1.90821492927058770002e-10;
constexpr double kInvLn2 = 1.44269504088896338700e+00;
// pi/2 as a sum of two doubles.
constexpr double kHalfPiHigh = 1.57079632679489655800e+00;
constexpr double kHalfPiLow = 6.12323399573676603587e-17;

double from_bits(std::uint64_t bits) {
  double d;
  std::memcpy(&d, &bits, sizeof d);
  return d;
}

std::uint64_t to_bits(double d) {
  std::uint64_t bits;
  std::memcpy(&bits, &d, sizeof bits);
  return bits;
}

// 2^k for -1022 <= k <= 1023, exactly.
double power_of_two(int k) { return from_bits(static_cast<std::uint64_t>(k + 1023) << 52); }

// x · 2^k with a single rounding, also when the result is subnormal.
double scale(double x, int k) {
  if (k > 1023) return x * power_of_two(1023) * power_of_two(k - 1023);
  if (k < -1022) return x * power_of_two(-1022) * power_of_two(k + 1022);
  return x * power_of_two(k);
}

}  // namespace

double exp(double x) {
  if (std::isnan(x)) return x;
  if (x > 709.782712893384) return kInf;
  if (x < -745.1332191019412) return 0.0;
  // x = k ln2 + r with |r| <= ln2 / 2, then e^r by its Taylor series to r^14 / 14! in Horner
  // form; the first term left out, r^15 / 15!, is below 2^-60 · e^r.
  static const auto inverse_factorials = [] {
    std::array<double, 15> c{};
    double factorial = 1;
    for (int n = 0; n < 15; ++n) {
      if (n > 0) factorial *= n;  // exact up to 14! < 2^53
      c[n] = 1.0 / factorial;
    }
    return c;
  }();
  const double k = std::floor(x * kInvLn2 + 0.5);
  const double r = (x - k * kLn2High) - k * kLn2Low;
  double e_r = inverse_factorials[14];
  for (int n = 13; n >= 0; --n) e_r = e_r * r + inverse_factorials[n];
  return scale(e_r, static_cast<int>(k));
}

double log(double x) {
  if (std::isnan(x) || x < 0) return kNaN;
  if (x == 0) return -kInf;
  if (std::isinf(x)) return x;
  // x = m · 2^e with m in [sqrt(1/2), sqrt(2)); subnormals are first scaled up by 2^54.
  int e = 0;
  if (x < std::numeric_limits<double>::min()) {
    x *= power_of_two(54);
    e = -54;
  }
  const std::uint64_t bits = to_bits(x);
  e += static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  double m = from_bits((bits & 0x000fffffffffffffull) | 0x3ff0000000000000ull);
  if (m > 1.4142135623730951) {
    m *= 0.5;
    ++e;
  }
  // log m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + ...), s = (m - 1) / (m + 1), |s| <= 0.1716:
  // 14 terms leave an error below s^29 / 29 < 2^-75.
  const double f = m - 1.0;  // exact (Sterbenz)
  const double s = f / (2.0 + f);
  const double s2 = s * s;
  double series = 1.0 / 29;
  for (int n = 27; n >= 1; n -= 2) series = 1.0 / n + s2 * series;
  const double log_m = 2.0 * s * series;
  return e * kLn2High + (log_m + e * kLn2Low);
}

double pow(double x, double y) {
  if (std::isnan(x) || std::isnan(y) || x < 0) return kNaN;
  if (y == 0 || x == 1) return 1.0;
  if (x == 0) return y > 0 ? 0.0 : kInf;
  return exp(y * log(x));
}

double sin(double x) {
  if (std::isnan(x) || std::fabs(x) > 1.5707963267948967) return kNaN;
  // Taylor series x - x^3/3! + ... in Horner form, to x^25 / 25! (< 2^-60 for |x| <= pi/2).
  const double x2 = x * x;
  double series = 1.0;
  for (int n = 24; n >= 2; n -= 2) series = 1.0 - x2 * series / (n * (n + 1));
  return x * series;
}

double asin(double x) {
  if (std::isnan(x) || std::fabs(x) > 1) return kNaN;
  if (x < 0) return -asin(-x);
  // asin y = sum_k a_k y^(2k+1), a_0 = 1, a_k = a_(k-1) (2k-1)^2 / (2k (2k+1)), for y <= 1/2
  // (40 terms: the rest is below 4^-40); above 1/2, asin x = pi/2 - 2 asin(sqrt((1 - x) / 2)).
  static const auto coefficients = [] {
    std::array<double, 41> a{};
    a[0] = 1.0;
    for (int k = 1; k <= 40; ++k)
      a[k] = a[k - 1] * static_cast<double>((2 * k - 1) * (2 * k - 1)) / ((2.0 * k) * (2.0 * k + 1));
    return a;
  }();
  auto series = [](double y) {  // Horner form, smallest terms first
    const double y2 = y * y;
    double sum = coefficients[40];
    for (int k = 39; k >= 1; --k) sum = coefficients[k] + y2 * sum;
    return y + y * (y2 * sum);
  };
  if (x <= 0.5) return series(x);
  const double y = std::sqrt((1.0 - x) * 0.5);
  return kHalfPiHigh - (2.0 * series(y) - kHalfPiLow);
}

}  // namespace itp::portable

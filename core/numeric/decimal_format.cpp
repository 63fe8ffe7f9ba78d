#include "core/numeric/decimal_format.hpp"

#include <cstdint>
#include <cstring>

namespace itp {
namespace {

// 10^k for 0 <= k <= 22, each exactly representable.
constexpr double kExactPowersOfTen[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                        1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// x · 10^k, k of either sign, by exact powers of ten (so two platforms agree bit for bit).
double scale_by_power_of_ten(double x, int k) {
  while (k > 22) {
    x *= 1e22;
    k -= 22;
  }
  while (k < -22) {
    x /= 1e22;
    k += 22;
  }
  return k >= 0 ? x * kExactPowersOfTen[k] : x / kExactPowersOfTen[-k];
}

// The decimal exponent e with 10^e <= a < 10^(e+1), for a > 0, from the binary exponent and
// then corrected by comparison (log10 of the C library is not the same everywhere).
int decimal_exponent(double a) {
  std::uint64_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  const int binary_exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  int e = (binary_exponent * 78913) >> 18;  // floor(binary_exponent · log10(2)), nearly
  while (scale_by_power_of_ten(1.0, e) > a) --e;
  while (scale_by_power_of_ten(1.0, e + 1) <= a) ++e;
  return e;
}

char* write_digits(std::uint64_t n, int count, char* out) {
  for (int i = count - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + n % 10);
    n /= 10;
  }
  return out + count;
}

}  // namespace

std::size_t format_decimal(double value, char* out) {
  char* p = out;
  if (value == 0) {
    *p++ = '0';
    return 1;
  }
  if (value < 0) {
    *p++ = '-';
    value = -value;
  }
  // The 15 significant digits as an integer m in [10^14, 10^15).
  int e = decimal_exponent(value);
  double scaled = scale_by_power_of_ten(value, 14 - e);
  auto m = static_cast<std::uint64_t>(scaled + 0.5);
  if (m >= 1000000000000000ull) {  // rounded up to a new power of ten
    m /= 10;
    ++e;
  }
  char digits[15];
  write_digits(m, 15, digits);
  int significant = 15;
  while (significant > 1 && digits[significant - 1] == '0') --significant;

  if (e >= 0 && e < 15) {  // ddd or ddd.ddd
    std::memcpy(p, digits, static_cast<std::size_t>(e) + 1);
    p += e + 1;
    if (significant > e + 1) {
      *p++ = '.';
      std::memcpy(p, digits + e + 1, static_cast<std::size_t>(significant - e - 1));
      p += significant - e - 1;
    }
  } else if (e < 0 && e >= -5) {  // 0.000ddd
    *p++ = '0';
    *p++ = '.';
    for (int i = -1; i > e; --i) *p++ = '0';
    std::memcpy(p, digits, static_cast<std::size_t>(significant));
    p += significant;
  } else {  // d.ddde±XX
    *p++ = digits[0];
    if (significant > 1) {
      *p++ = '.';
      std::memcpy(p, digits + 1, static_cast<std::size_t>(significant - 1));
      p += significant - 1;
    }
    *p++ = 'e';
    *p++ = e < 0 ? '-' : '+';
    const int magnitude = e < 0 ? -e : e;
    p = write_digits(static_cast<std::uint64_t>(magnitude), magnitude >= 100 ? 3 : 2, p);
  }
  return static_cast<std::size_t>(p - out);
}

}  // namespace itp

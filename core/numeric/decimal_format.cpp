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

// An estimate of the decimal exponent of a > 0, floor(binary exponent · log10 2), off by at most
// one; the caller corrects it (log10 of the C library is not the same everywhere).
int estimated_decimal_exponent(double a) {
  std::uint64_t bits;
  std::memcpy(&bits, &a, sizeof bits);
  const int binary_exponent = static_cast<int>((bits >> 52) & 0x7ff) - 1023;
  return (binary_exponent * 78913) >> 18;
}

// The exact decimal exponent, by comparison with powers of ten: for the far ends of the range
// (subnormals among them), where the estimate above is not within one.
int decimal_exponent_by_search(double a, int e) {
  while (scale_by_power_of_ten(1.0, e) > a) --e;
  while (scale_by_power_of_ten(1.0, e + 1) <= a) ++e;
  return e;
}

char* write_digits(std::uint64_t n, int count, char* out) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  int i = count;
  for (; i >= 2; i -= 2) {
    const auto pair = static_cast<std::size_t>(n % 100) * 2;
    n /= 100;
    out[i - 2] = kPairs[pair];
    out[i - 1] = kPairs[pair + 1];
  }
  if (i == 1) out[0] = static_cast<char>('0' + n % 10);
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
  // The 15 significant digits as an integer m in [10^14, 10^15), value ≈ m · 10^(e - 14).
  constexpr std::uint64_t kLow = 100000000000000ull, kHigh = 1000000000000000ull;
  int e = estimated_decimal_exponent(value);
  if (value < 1e-290 || value > 1e290) e = decimal_exponent_by_search(value, e);
  std::uint64_t m = 0;
  for (int attempt = 0; attempt < 4; ++attempt) {
    m = static_cast<std::uint64_t>(scale_by_power_of_ten(value, 14 - e) + 0.5);
    if (m >= kHigh) ++e;
    else if (m < kLow) --e;
    else break;
  }
  char digits[15];
  write_digits(m, 15, digits);
  int significant = 15;
  while (significant > 1 && digits[significant - 1] == '0') --significant;

  if (e >= 0 && e < 15) {  // ddd or ddd.ddd
    for (int i = 0; i <= e; ++i) *p++ = digits[i];
    if (significant > e + 1) {
      *p++ = '.';
      for (int i = e + 1; i < significant; ++i) *p++ = digits[i];
    }
  } else if (e < 0 && e >= -5) {  // 0.000ddd
    *p++ = '0';
    *p++ = '.';
    for (int i = -1; i > e; --i) *p++ = '0';
    for (int i = 0; i < significant; ++i) *p++ = digits[i];
  } else {  // d.ddde±XX
    *p++ = digits[0];
    if (significant > 1) {
      *p++ = '.';
      for (int i = 1; i < significant; ++i) *p++ = digits[i];
    }
    *p++ = 'e';
    *p++ = e < 0 ? '-' : '+';
    const int magnitude = e < 0 ? -e : e;
    p = write_digits(static_cast<std::uint64_t>(magnitude), magnitude >= 100 ? 3 : 2, p);
  }
  return static_cast<std::size_t>(p - out);
}

std::string decimal_text(double value) {
  char buffer[32];
  return std::string(buffer, format_decimal(value, buffer));
}

}  // namespace itp

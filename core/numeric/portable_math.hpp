#pragma once
// The few elementary functions the statistics need, computed with IEEE basic operations and
// sqrt only, so a result is the same bit for bit wherever the core runs. glibc (native) and
// musl (Emscripten) round exp, log, pow, sin and asin differently in the last bit for some
// arguments, which would make the CLI and the page print different digits for the same data.
// Accuracy: within a few units in the last place over the stated domains (tested against the C
// library in tests/native/test_portable_math.cpp).
namespace itp::portable {

double exp(double x);
double log(double x);             // x >= 0; log(0) = -inf
double pow(double x, double y);   // x >= 0, as exp(y log x) with 0^0 = 1
double sin(double x);             // |x| <= pi/2
double asin(double x);            // |x| <= 1

}  // namespace itp::portable

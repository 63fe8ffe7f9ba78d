// A harness that crashes on its first input: scripts/fuzz must fail on it (tests/canary/fuzz).
#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) {
  std::abort();
}

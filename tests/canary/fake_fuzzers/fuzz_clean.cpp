// A harness that never fails: scripts/fuzz must pass on it (tests/canary/fuzz).
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t*, std::size_t) { return 0; }

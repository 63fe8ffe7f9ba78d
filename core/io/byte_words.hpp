#pragma once
// Looking at text eight bytes at a time: a 64-bit word of text and the bytes in it that equal a
// given character, found with a few integer operations instead of a loop over the bytes. The
// passes over a whole file (its line ends, delimiters, quotes) use these; a file of 10^6 rows is
// 10^7 bytes, and a byte loop's branch on every byte costs more than the work
// (docs/decisions.md, "Reading a large file").
#include <cstdint>
#include <cstring>

namespace itp::byte_words {

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "byte_words assumes a little-endian target (WebAssembly, x86-64, AArch64)"
#endif

constexpr std::uint64_t kLowBits = 0x7F7F7F7F7F7F7F7FULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// The eight bytes at p; the first byte of text is the word's lowest byte.
inline std::uint64_t load(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// The high bit of each byte of `word` equal to `c`, and no other bit. Exact: unlike the usual
// (x - 0x01..) & ~x trick, no borrow runs from one byte into the next, so every bit set marks a
// match and the bits can be counted.
inline std::uint64_t bytes_equal(std::uint64_t word, char c) {
  const std::uint64_t x = word ^ (0x0101010101010101ULL * static_cast<unsigned char>(c));
  // A byte's high bit ends up set when any of its bits is: only zero bytes (matches) stay clear.
  const std::uint64_t nonzero = ((x & kLowBits) + kLowBits) | x;
  return ~nonzero & kHighBits;
}

// Index (0-7) of the first byte marked in a non-zero mask from bytes_equal.
inline unsigned first_marked(std::uint64_t mask) {
  return static_cast<unsigned>(__builtin_ctzll(mask)) / 8;
}

// The marks of a mask that come before its first byte marked in `stop` (all of them when `stop`
// is zero).
inline std::uint64_t marks_before(std::uint64_t mask, std::uint64_t stop) {
  return stop == 0 ? mask : mask & ((stop & (0 - stop)) - 1);
}

inline unsigned count_marked(std::uint64_t mask) {
  return static_cast<unsigned>(__builtin_popcountll(mask));
}

}  // namespace itp::byte_words

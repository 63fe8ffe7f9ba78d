#include "core/io/text_encoding.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>

#include "core/io/byte_words.hpp"
#include "core/io/problem.hpp"

namespace itp {
namespace {

void append_utf8(std::string& out, std::uint32_t code_point) {
  if (code_point < 0x80) {
    out += static_cast<char>(code_point);
  } else if (code_point < 0x800) {
    out += static_cast<char>(0xC0 | (code_point >> 6));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else if (code_point < 0x10000) {
    out += static_cast<char>(0xE0 | (code_point >> 12));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (code_point >> 18));
    out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (code_point & 0x3F));
  }
}

constexpr std::uint32_t kReplacementCharacter = 0xFFFD;

std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  auto unit_at = [&](std::size_t i) -> std::uint32_t {
    const std::uint32_t a = static_cast<unsigned char>(bytes[i]);
    const std::uint32_t b = static_cast<unsigned char>(bytes[i + 1]);
    return big_endian ? (a << 8 | b) : (b << 8 | a);
  };
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    const std::uint32_t unit = unit_at(i);
    if (unit >= 0xD800 && unit <= 0xDBFF && i + 3 < bytes.size()) {
      const std::uint32_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    // A lone surrogate cannot be written in UTF-8.
    const bool surrogate = unit >= 0xD800 && unit <= 0xDFFF;
    append_utf8(out, surrogate ? kReplacementCharacter : unit);
  }
  if (i < bytes.size()) append_utf8(out, kReplacementCharacter);  // odd trailing byte
  return out;
}

// Length of the valid UTF-8 sequence at bytes[i], or 0 if the bytes there are not one
// (overlong forms, surrogates and code points above U+10FFFF are not valid).
std::size_t utf8_sequence_length(std::string_view bytes, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  const unsigned char lead = at(i);
  if (lead < 0x80) return 1;
  std::size_t length;
  unsigned char second_min = 0x80;
  unsigned char second_max = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) second_min = 0xA0;
    if (lead == 0xED) second_max = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) second_min = 0x90;
    if (lead == 0xF4) second_max = 0x8F;
  } else {
    return 0;
  }
  if (i + length > bytes.size()) return 0;
  if (at(i + 1) < second_min || at(i + 1) > second_max) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  }
  return length;
}

// Position of the first NUL byte or byte that does not start a valid UTF-8 sequence, or
// bytes.size(). One pass finds both, since a text file has neither.
std::size_t find_nul_or_invalid_utf8(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size()) {
    // Most of a table is ASCII without NUL: skip it eight bytes at a time.
    while (i + 8 <= bytes.size()) {
      const std::uint64_t word = byte_words::load(bytes.data() + i);
      if ((word & byte_words::kHighBits) | byte_words::bytes_equal(word, '\0')) break;
      i += 8;
    }
    if (i >= bytes.size()) break;
    if (bytes[i] == '\0') return i;
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length == 0) return i;
    i += length;
  }
  return bytes.size();
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. The five bytes it leaves undefined map to
// the C1 controls of the same value, as the WHATWG Encoding Standard does.
constexpr std::uint16_t kWindows1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

std::uint32_t windows1252_code_point(unsigned char byte) {
  return byte >= 0x80 && byte <= 0x9F ? kWindows1252High[byte - 0x80] : byte;
}

// Keeps valid UTF-8 sequences and reads every other byte as Windows-1252. `first_invalid` is
// where the first such byte is.
std::string repair_as_windows1252(std::string_view bytes, std::size_t first_invalid) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 4);
  out.append(bytes.data(), first_invalid);
  std::size_t i = first_invalid;
  while (i < bytes.size()) {
    const std::size_t length = utf8_sequence_length(bytes, i);
    if (length > 0) {
      out.append(bytes.data() + i, length);
      i += length;
    } else {
      append_utf8(out, windows1252_code_point(static_cast<unsigned char>(bytes[i])));
      ++i;
    }
  }
  return out;
}

bool starts_with(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

void reject_nul(const std::string& text, const std::string& file) {
  if (std::memchr(text.data(), '\0', text.size()) == nullptr) return;
  throw InputError(Problem{
      "binary_file",
      (file.empty() ? std::string("The data") : file) +
          " is not a text file (CSV or TSV): it contains NUL bytes. An Excel workbook must be "
          "loaded as a workbook (.xlsx) or saved as \"CSV UTF-8\" first; a UTF-16 text without "
          "a byte-order mark should be saved again as UTF-8.",
      file, std::nullopt, std::nullopt});
}

// LF, CRLF and CR each end one line.
std::size_t count_line_ends(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
      ++count;
    }
  }
  return count;
}

}  // namespace

DecodedText decode_text(std::string bytes, const std::string& file) {
  DecodedText decoded;
  if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) {
    const bool big_endian = bytes[0] == '\xFE';
    decoded.utf8 = utf16_to_utf8(std::string_view(bytes).substr(2), big_endian);
    decoded.encoding = big_endian ? SourceEncoding::utf16be : SourceEncoding::utf16le;
    reject_nul(decoded.utf8, file);
    return decoded;
  }
  if (starts_with(bytes, "\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    decoded.encoding = SourceEncoding::utf8_bom;
  }
  const std::size_t first_invalid = find_nul_or_invalid_utf8(bytes);
  if (first_invalid == bytes.size()) {
    decoded.utf8 = std::move(bytes);
    return decoded;
  }
  reject_nul(bytes, file);  // a NUL anywhere, here or after the first byte that is not UTF-8
  decoded.encoding = SourceEncoding::windows1252;
  decoded.first_converted_line =
      1 + count_line_ends(std::string_view(bytes).substr(0, first_invalid));
  append_utf8(decoded.first_converted_char,
              windows1252_code_point(static_cast<unsigned char>(bytes[first_invalid])));
  decoded.utf8 = repair_as_windows1252(bytes, first_invalid);
  return decoded;
}

}  // namespace itp

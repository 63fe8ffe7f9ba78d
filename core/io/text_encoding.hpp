#pragma once
// Turns the bytes of a text file into UTF-8, whatever encoding a spreadsheet program saved it in.
#include <cstddef>
#include <string>

namespace itp {

enum class SourceEncoding { utf8, utf8_bom, utf16le, utf16be, windows1252 };

struct DecodedText {
  std::string utf8;  // without byte-order mark
  SourceEncoding encoding = SourceEncoding::utf8;
  // For windows1252: the 1-based line of the first byte that was not UTF-8, and that character
  // as UTF-8, so a message can point at it.
  std::size_t first_converted_line = 0;
  std::string first_converted_char;
};

// UTF-8 with or without BOM is kept as is; UTF-16 LE/BE with BOM is converted; any byte that does
// not belong to a valid UTF-8 sequence is read as Windows-1252 (what Excel writes on Western
// European Windows), so a file mixing both still reads. Throws InputError "binary_file" when the
// text contains a NUL character (a workbook, an image, UTF-16 without BOM, ...); `file` names
// the file in that message.
DecodedText decode_text(std::string bytes, const std::string& file);

}  // namespace itp

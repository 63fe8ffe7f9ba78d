// The passes that look at text eight bytes at a time (core/io/byte_words.hpp) against the same
// questions answered one byte at a time, written out here: random texts, every start, every
// position of a line end or quote relative to the words and to the text's last bytes.
#include <catch2/catch.hpp>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/byte_words.hpp"
#include "core/io/csv_scanner.hpp"
#include "core/io/text_table.hpp"

namespace {

std::string random_text(std::mt19937& random, std::size_t length, std::string_view alphabet) {
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  std::string text;
  for (std::size_t i = 0; i < length; ++i) text += alphabet[pick(random)];
  return text;
}

}  // namespace

TEST_CASE("bytes_equal marks exactly the bytes equal to the character", "[byte_words]") {
  std::mt19937 random(11);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int c = 0; c < 256; ++c) {
    for (int trial = 0; trial < 50; ++trial) {
      char bytes[8];
      // Bytes equal to c, one above and one below (where a borrow would show), and any.
      for (char& b : bytes) {
        const int kind = byte(random) % 4;
        b = static_cast<char>(kind == 0 ? c : kind == 1 ? c + 1 : kind == 2 ? c - 1 : byte(random));
      }
      std::uint64_t expected = 0;
      for (int k = 0; k < 8; ++k)
        if (bytes[k] == static_cast<char>(c)) expected |= std::uint64_t{0x80} << (8 * k);
      const std::uint64_t mask = itp::byte_words::bytes_equal(itp::byte_words::load(bytes),
                                                              static_cast<char>(c));
      REQUIRE(mask == expected);
      if (mask != 0) {
        std::size_t first = 0;
        while (bytes[first] != static_cast<char>(c)) ++first;
        REQUIRE(itp::byte_words::first_marked(mask) == first);
      }
    }
  }
}

TEST_CASE("plain_record_extent finds each line's end and cells as a byte loop does",
          "[byte_words]") {
  std::mt19937 random(12);
  for (int trial = 0; trial < 400; ++trial) {
    const std::string text = random_text(random, trial % 60, trial % 2 ? "ab;;\n" : "1,\n \t.");
    const char delimiter = trial % 2 ? ';' : ',';
    for (std::size_t start = 0; start <= text.size(); ++start) {
      std::size_t end = start, delimiters = 0;
      for (; end < text.size() && text[end] != '\n'; ++end) delimiters += text[end] == delimiter;
      const itp::csv::RecordExtent extent = itp::csv::plain_record_extent(text, start, delimiter);
      INFO("text \"" << text << "\", start " << start);
      REQUIRE(extent.end == end);
      REQUIRE(extent.next == (end < text.size() ? end + 1 : end));
      REQUIRE(extent.cell_count == delimiters + 1);
    }
  }
}

TEST_CASE("find_quotes_and_returns sees one quote or CR anywhere", "[byte_words]") {
  // Past 512 bytes, where the search looks at its marks once per block of 64 words.
  for (const std::size_t length : {0u, 1u, 7u, 8u, 9u, 63u, 511u, 512u, 513u, 1100u}) {
    const std::string plain(length, 'x');
    const itp::csv::QuotesAndReturns none = itp::csv::find_quotes_and_returns(plain);
    CHECK_FALSE(none.quote);
    CHECK_FALSE(none.carriage_return);
    for (std::size_t at = 0; at < length; ++at) {
      std::string with_quote = plain, with_return = plain;
      with_quote[at] = '"';
      with_return[at] = '\r';
      INFO("length " << length << ", at " << at);
      REQUIRE(itp::csv::find_quotes_and_returns(with_quote).quote);
      REQUIRE_FALSE(itp::csv::find_quotes_and_returns(with_quote).carriage_return);
      REQUIRE(itp::csv::find_quotes_and_returns(with_return).carriage_return);
      REQUIRE_FALSE(itp::csv::find_quotes_and_returns(with_return).quote);
    }
  }
}

TEST_CASE("a table of plain lines read in any order gives each row's cells", "[byte_words]") {
  // 200 records: offset_of rescans from a checkpoint every 64 records when reading jumps back.
  std::string text = "id,day\n";
  for (int i = 0; i < 200; ++i) text += "P" + std::to_string(i) + "," + std::to_string(i * 7) + "\n";
  const itp::TextTable table = itp::read_text_table("t", "t.csv", text);
  REQUIRE(table.record_count() == 200);
  std::vector<std::string_view> cells;
  std::string scratch;
  for (int record = 199; record >= 0; record -= 3) {
    table.split_record(static_cast<std::size_t>(record), {1, 0}, cells, scratch);
    CHECK(cells[0] == std::to_string(record * 7));
    CHECK(cells[1] == "P" + std::to_string(record));
  }
}

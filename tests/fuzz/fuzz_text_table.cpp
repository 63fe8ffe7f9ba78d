// libFuzzer harness for the delimited-text reader. The input is a file's bytes: it is read as a
// table, every record is split over all its columns (in order, and in reverse order for narrow
// tables, which must agree), and every cell goes through parse_number (and read_plain_decimal,
// which must agree with it) and parse_event_code. InputError is the expected refusal of a bad
// file; any other exception, a crash, or a broken invariant is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/cell_values.hpp"
#include "core/io/text_table.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

void check_table(const itp::TextTable& table) {
  const std::vector<std::string>& header = table.header();
  require(!header.empty() && header.size() <= 16384);
  for (const std::string& name : header) require(!name.empty());
  require(table.column_index(header[0]) == 0);

  std::vector<std::size_t> all_columns, reversed_columns;
  for (std::size_t i = 0; i < header.size() + 2; ++i) all_columns.push_back(i);
  reversed_columns.assign(all_columns.rbegin(), all_columns.rend());
  std::vector<std::string_view> cells, reversed_cells;
  std::string scratch, reversed_scratch;
  for (std::size_t record = 0; record < table.record_count(); ++record) {
    table.split_record(record, all_columns, cells, scratch);
    require(cells.size() == all_columns.size());
    for (const std::string_view cell : cells) {
      const auto number = itp::parse_number(cell);
      require(!number || std::isfinite(*number));
      // The survival reader takes a plain decimal apart instead: it must mean the same number.
      if (const auto plain = itp::read_plain_decimal(cell)) require(number == plain->value());
      (void)itp::parse_event_code(cell);
      (void)itp::is_missing_marker(cell);
    }
    if (header.size() > 64) continue;
    table.split_record(record, reversed_columns, reversed_cells, reversed_scratch);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      require(cells[i] == reversed_cells[cells.size() - 1 - i]);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    check_table(itp::read_text_table("fuzz", "fuzz.csv", std::move(bytes)));
  } catch (const itp::InputError&) {
    // A file refused with a located message: the intended outcome for bad input.
  }
  return 0;
}

// libFuzzer harness for tables from decoded rows (core/io/cell_rows). The first byte chooses the
// date system, the first row and the mode; the rest is
//   - mode 0: the rows JSON itself, as the worker would send it (mostly malformed);
//   - mode 1: a recipe for well-formed rows (each byte a cell of some kind, text from an alphabet
//     of the characters CSV must quote), checked by a model: every text cell reads back exactly,
//     every number as the same double, the header is the first non-empty row, rows at the bottom
//     that hold nothing are not counted.
// InputError is the expected refusal of bad input; any other exception, a crash, a sanitizer
// report or a broken invariant is a bug.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/cell_rows.hpp"
#include "core/io/cell_values.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

struct Cell {
  enum class Kind { null, boolean, number, text, date } kind = Kind::null;
  std::string text;  // what the table must hold (text cells, booleans)
  double number = 0;
};

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

bool has_content(const Cell& cell) {
  return cell.kind != Cell::Kind::null && !(cell.kind == Cell::Kind::text && blank(cell.text));
}

// The index after the last cell with content (0: the row holds nothing).
std::size_t content_width(const std::vector<Cell>& row) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < row.size(); ++i)
    if (has_content(row[i])) width = i + 1;
  return width;
}

// Reads a recipe into rows of cells and their JSON.
class Recipe {
 public:
  Recipe(const std::uint8_t* data, std::size_t size) : p_(data), end_(data + size) {}

  std::vector<std::vector<Cell>> rows(nlohmann::json& json) {
    std::vector<std::vector<Cell>> rows(1);
    json = nlohmann::json::array({nlohmann::json::array()});
    while (p_ < end_ && rows.size() < 64) {
      const std::uint8_t op = *p_++;
      nlohmann::json& row_json = json.back();
      std::vector<Cell>& row = rows.back();
      Cell cell;
      switch (op % 7) {
        case 0:  // end of row
          rows.emplace_back();
          json.push_back(nlohmann::json::array());
          continue;
        case 1:
          row_json.push_back(nullptr);
          break;
        case 2:
          cell.kind = Cell::Kind::boolean;
          cell.text = op & 8 ? "TRUE" : "FALSE";
          row_json.push_back(static_cast<bool>(op & 8));
          break;
        case 3: {
          cell.kind = Cell::Kind::number;
          std::uint64_t bits = 0;
          for (int i = 0; i < 8 && p_ < end_; ++i) bits = bits << 8 | *p_++;
          double value;
          std::memcpy(&value, &bits, sizeof value);
          if (!std::isfinite(value)) value = static_cast<double>(static_cast<std::int64_t>(bits));
          cell.number = value;
          row_json.push_back(value);
          break;
        }
        case 4:
        case 5: {
          cell.kind = Cell::Kind::text;
          static constexpr const char* kAlphabet[] = {"a", ",",  "\"",       "\n", "\r",
                                                      " ", "\t", "\xC3\xA9", ";",  "1"};
          const std::size_t length = p_ < end_ ? *p_++ % 12 : 0;
          for (std::size_t i = 0; i < length && p_ < end_; ++i) cell.text += kAlphabet[*p_++ % 10];
          row_json.push_back(cell.text);
          break;
        }
        case 6: {
          cell.kind = Cell::Kind::date;
          std::uint32_t serial = 0;
          for (int i = 0; i < 3 && p_ < end_; ++i) serial = serial << 8 | *p_++;
          row_json.push_back(
              {{"excel_serial", static_cast<double>(serial) - 100 + (op & 8 ? 0.5 : 0)}});
          break;
        }
      }
      row.push_back(cell);
    }
    return rows;
  }

 private:
  const std::uint8_t* p_;
  const std::uint8_t* end_;
};

std::vector<std::string> cells_of(const itp::TextTable& table, std::size_t record) {
  std::vector<std::size_t> columns;
  for (std::size_t i = 0; i < table.header().size(); ++i) columns.push_back(i);
  std::vector<std::string_view> cells;
  std::string scratch;
  table.split_record(record, columns, cells, scratch);
  return std::vector<std::string>(cells.begin(), cells.end());
}

void check_against_model(const std::vector<std::vector<Cell>>& rows, const itp::TextTable& table) {
  std::size_t header = 0;
  while (header < rows.size() && content_width(rows[header]) == 0) ++header;
  require(header < rows.size());  // else read_cell_rows must have refused an empty sheet
  std::size_t width = 0, last_with_content = header;
  for (std::size_t r = header; r < rows.size(); ++r) {
    const std::size_t w = content_width(rows[r]);
    width = std::max(width, w);
    if (w > 0) last_with_content = r;
  }
  require(table.header().size() == width);
  require(table.record_count() == last_with_content - header);
  for (std::size_t r = header + 1; r <= last_with_content; ++r) {
    const std::vector<std::string> cells = cells_of(table, r - header - 1);
    const std::size_t w = content_width(rows[r]);
    for (std::size_t c = 0; c < width; ++c) {
      if (c >= w) {
        require(cells[c].empty());
        continue;
      }
      const Cell& cell = rows[r][c];
      switch (cell.kind) {
        case Cell::Kind::null:
          require(cells[c].empty());
          break;
        case Cell::Kind::boolean:
        case Cell::Kind::text:
          require(cells[c] == cell.text);
          break;
        case Cell::Kind::number: {
          const std::optional<double> back = itp::parse_number(cells[c]);
          require(back && std::memcmp(&*back, &cell.number, sizeof cell.number) == 0);
          break;
        }
        case Cell::Kind::date:
          require(!cells[c].empty());
          break;
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t control = data[0];
  itp::CellRowsSource source;
  source.file = "fuzz.xlsx";
  source.sheet = control & 4 ? "" : "Sheet1";
  source.date_system = control & 1 ? 1904 : 1900;
  source.first_row = 1 + (control >> 4);
  const bool recipe = control & 2;
  ++data;
  --size;

  std::vector<std::vector<Cell>> rows;
  std::string json;
  if (recipe) {
    nlohmann::json rows_json;
    rows = Recipe(data, size).rows(rows_json);
    json = rows_json.dump();
  } else {
    json.assign(reinterpret_cast<const char*>(data), size);
  }
  try {
    const itp::CellRowsTable read = itp::read_cell_rows("fuzz", json, source);
    require(!read.table.header().empty());
    for (const itp::Problem& p : read.warnings) require(p.row.has_value() || p.message.size() > 0);
    if (recipe) check_against_model(rows, read.table);
  } catch (const itp::InputError& e) {
    // Well-formed rows are refused only when the sheet holds nothing.
    if (recipe) require(e.problem().code == "empty_sheet");
  }
  return 0;
}

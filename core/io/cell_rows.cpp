#include "core/io/cell_rows.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <utility>

#include "core/io/dates.hpp"

namespace itp {
namespace {

// Excel's own limits, as read_text_table has them for CSV files.
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRowBytes = std::size_t{1} << 20;
constexpr std::size_t kMaxSheetRows = 1048576;
constexpr std::size_t kWarningsPerCode = 20;
// 1904-01-01, serial 0 of the 1904 system, is serial 1462 of the 1900 system.
constexpr double kDays1900To1904 = 1462;

// The core's JSON type everywhere, so the wasm module holds one JSON lexer.
using SaxJson = nlohmann::ordered_json;

bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

// The column's letters as a spreadsheet shows them: 0 → A, 25 → Z, 26 → AA.
std::string column_letters(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26)
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

// The name read_text_table gives a header cell: the text without surrounding white space, or
// column_N when nothing is left.
std::string column_name(std::string_view header_text, std::size_t index) {
  const std::string_view space = " \t\r\n";
  const std::size_t first = header_text.find_first_not_of(space);
  if (first == std::string_view::npos) return "column_" + std::to_string(index + 1);
  return std::string(header_text.substr(first, header_text.find_last_not_of(space) - first + 1));
}

std::string iso_date(const CivilDate& date) {
  char text[16];
  const auto put = [&](int at, int value, int digits) {
    for (int i = digits - 1; i >= 0; --i, value /= 10)
      text[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, date.year, 4);
  text[4] = '-';
  put(5, date.month, 2);
  text[7] = '-';
  put(8, date.day, 2);
  return std::string(text, 10);
}

// A date cell that Excel itself cannot show as a date, counted per column: one warning per column
// and kind says where the first is and how many there are.
struct DateTally {
  std::size_t first_row = 0;
  std::string first_value;
  std::size_t count = 0;
};

// Streams the rows JSON (nlohmann's SAX parser: no tree of the whole sheet is built) into CSV.
class RowsWriter final : public nlohmann::json_sax<SaxJson> {
 public:
  RowsWriter(const CellRowsSource& source, std::size_t json_size)
      : source_(source), label_(sheet_label(source)) {
    out_.reserve(json_size);
  }

  bool null() override { return scalar(Kind::empty, {}); }
  bool boolean(bool value) override { return scalar(Kind::text, value ? "TRUE" : "FALSE"); }
  bool number_integer(number_integer_t value) override {
    return number(static_cast<double>(value), std::to_string(value));
  }
  bool number_unsigned(number_unsigned_t value) override {
    return number(static_cast<double>(value), std::to_string(value));
  }
  // `raw` is the number as the JSON wrote it: JSON.stringify's shortest text that reads back as
  // the same double, which parse_number (correctly rounded) turns back into that double.
  bool number_float(number_float_t value, const string_t& raw) override {
    return number(value, raw);
  }
  bool string(string_t& value) override {
    if (depth_ == Depth::in_date) fail_cell("text inside a date cell");
    // A NUL would make read_text_table take the text for a binary file: U+FFFD shows where.
    if (value.find('\0') != string_t::npos) replace_nul(value);
    return scalar(Kind::text, value);
  }
  bool binary(binary_t&) override { fail_cell("binary data"); }

  bool start_object(std::size_t) override {
    if (depth_ == Depth::in_row) {
      depth_ = Depth::in_date;
      serial_.reset();
      date_key_seen_ = false;
      return true;
    }
    if (depth_ == Depth::in_date) fail_cell("an object inside a date cell");
    fail_shape("an object");
  }
  bool key(string_t& key) override {
    if (key != "excel_serial" || date_key_seen_)
      fail_cell("an object with the key \"" + key.substr(0, 40) +
                "\" (a date cell is {\"excel_serial\": n})");
    date_key_seen_ = true;
    return true;
  }
  bool end_object() override {
    if (!serial_) fail_cell("an object without \"excel_serial\"");
    depth_ = Depth::in_row;
    date_cell(serial_->first, serial_->second);
    return true;
  }
  bool start_array(std::size_t) override {
    switch (depth_) {
      case Depth::outside:
        depth_ = Depth::in_rows;
        return true;
      case Depth::in_rows:
        depth_ = Depth::in_row;
        return true;
      case Depth::in_row:
        fail_cell("an array");
      case Depth::in_date:
        fail_cell("an array inside a date cell");
      case Depth::done:
        break;
    }
    fail_shape("a second array");
  }
  bool end_array() override {
    if (depth_ == Depth::in_row) {
      end_row();
      depth_ = Depth::in_rows;
    } else {
      depth_ = Depth::done;
    }
    return true;
  }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& error) override {
    std::string message = label_ + ": the decoded cells are not valid JSON (at byte " +
                          std::to_string(position) + ": " + error.what() + ")";
    throw InputError(
        Problem{"invalid_rows", std::move(message), source_.file, current_row(), std::nullopt});
  }

  CellRowsText finish() {
    if (!header_found_) {
      throw InputError(Problem{"empty_sheet",
                               label_ + " is empty: it has no header row and no data. Check "
                                        "that the right sheet was chosen.",
                               source_.file, std::nullopt, std::nullopt});
    }
    // Cells beyond the header's last name: name their columns (read_text_table calls them
    // column_N and says so) rather than drop them as a CSV reader drops cells past the header.
    if (width_ > header_cells_) out_.insert(header_end_, width_ - header_cells_, ',');
    // Empty rows at the bottom hold nothing and number nothing.
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    out_ += '\n';
    return {std::move(out_), date_warnings()};
  }

 private:
  enum class Depth { outside, in_rows, in_row, in_date, done };
  enum class Kind { empty, text };

  // The sheet row of the row being read, while one is.
  std::optional<std::size_t> current_row() const {
    if (depth_ != Depth::in_row && depth_ != Depth::in_date) return std::nullopt;
    return source_.first_row + rows_seen_;
  }

  std::string where_cell() const {
    std::string where = label_ + ", row " + std::to_string(source_.first_row + rows_seen_) +
                        ", column " + column_letters(cell_index_);
    if (header_found_ && cell_index_ < header_names_.size())
      where += " (\"" + header_names_[cell_index_] + "\")";
    return where;
  }

  [[noreturn]] void fail_cell(const std::string& found) const {
    std::optional<std::string> column;
    if (header_found_ && cell_index_ < header_names_.size()) column = header_names_[cell_index_];
    throw InputError(Problem{"invalid_cell",
                             where_cell() +
                                 ": a decoded cell must be null, text, a number, true, false or "
                                 "{\"excel_serial\": number}; found " +
                                 found + ".",
                             source_.file, current_row(), column});
  }

  [[noreturn]] void fail_shape(const char* found) const {
    std::string message =
        depth_ == Depth::outside || depth_ == Depth::done
            ? label_ +
                  ": the decoded cells must be a JSON array of rows, each an array of cells; "
                  "found " +
                  found + " instead."
            : label_ + ", row " + std::to_string(source_.first_row + rows_seen_) +
                  ": a decoded row must be an array of cells; found " + found + ".";
    throw InputError(Problem{"invalid_rows", std::move(message), source_.file,
                             depth_ == Depth::in_rows
                                 ? std::optional<std::size_t>(source_.first_row + rows_seen_)
                                 : std::nullopt,
                             std::nullopt});
  }

  static void replace_nul(string_t& value) {
    std::string replaced;
    replaced.reserve(value.size() + 8);
    for (const char c : value) {
      if (c == '\0')
        replaced += "\xEF\xBF\xBD";
      else
        replaced += c;
    }
    value = std::move(replaced);
  }

  bool number(double value, const std::string& text) {
    if (depth_ == Depth::in_date) {
      if (!date_key_seen_ || serial_) fail_cell("a number outside \"excel_serial\"");
      serial_.emplace(value, text);
      return true;
    }
    return scalar(Kind::text, text);
  }

  bool scalar(Kind kind, std::string_view text) {
    if (depth_ == Depth::in_date) fail_cell("a value other than a number in a date cell");
    if (depth_ != Depth::in_row) {
      fail_shape(kind == Kind::empty ? "null" : "a single value");
    }
    add_cell(text);
    return true;
  }

  void date_cell(double serial, const std::string& serial_text) {
    const bool data_row = header_found_;
    if (source_.date_system == 1900 && serial >= 60 && serial < 61) {
      // Excel's 29 February 1900, kept for Lotus 1-2-3: written as that impossible date, so the
      // date readers report it like any impossible date, in this cell.
      if (data_row) tally("excel_leap_day_1900", serial_text);
      add_cell("1900-02-29");
      return;
    }
    const double serial_1900 =
        source_.date_system == 1904 ? (serial >= 0 ? serial + kDays1900To1904 : -1) : serial;
    if (const std::optional<CivilDate> date = date_from_excel_serial(serial_1900)) {
      add_cell(iso_date(*date));
      return;
    }
    if (data_row) tally("excel_serial_not_a_date", serial_text);
    add_cell(serial_text);
  }

  void tally(const char* code, const std::string& value) {
    DateTally& t = tallies_[{code, cell_index_}];
    if (t.count++ == 0) {
      t.first_row = TextTable::spreadsheet_row(rows_seen_ - header_index_ - 1);
      t.first_value = value;
    }
  }

  void add_cell(std::string_view text) {
    if (cell_index_ >= kMaxColumns) {
      throw InputError(Problem{"too_many_columns",
                               label_ + ", row " + std::to_string(source_.first_row + rows_seen_) +
                                   " has more than 16384 cells; a sheet has at most 16384 "
                                   "columns.",
                               source_.file, source_.first_row + rows_seen_, std::nullopt});
    }
    if (cell_index_ > 0) record_ += ',';
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
      record_ += text;
    } else {
      record_ += '"';
      for (const char c : text) {
        if (c == '"') record_ += '"';
        record_ += c;
      }
      record_ += '"';
    }
    if (!header_found_) pending_texts_.emplace_back(text);
    if (!is_blank(text)) {
      content_end_ = record_.size();
      content_cells_ = cell_index_ + 1;
    }
    ++cell_index_;
    if (record_.size() > kMaxRowBytes) {
      throw InputError(Problem{"row_too_long",
                               label_ + ", row " + std::to_string(source_.first_row + rows_seen_) +
                                   " holds more than 1 MB of text, more than a table row may "
                                   "have. Check that the sheet is a table, one row per record.",
                               source_.file, source_.first_row + rows_seen_, std::nullopt});
    }
  }

  void end_row() {
    record_.resize(content_end_);  // empty cells at the end of a row say nothing
    if (!header_found_) {
      if (content_cells_ == 0) {
        ++empty_rows_above_;
      } else {
        // One empty line per sheet row above the header: read_text_table skips them and warns
        // that row numbers count the header as row 1.
        out_.append(source_.first_row - 1 + empty_rows_above_, '\n');
        out_ += record_;
        header_end_ = out_.size();
        out_ += '\n';
        header_found_ = true;
        header_index_ = rows_seen_;
        header_cells_ = width_ = content_cells_;
        for (std::size_t i = 0; i < content_cells_; ++i)
          header_names_.push_back(column_name(pending_texts_[i], i));
      }
      pending_texts_.clear();
    } else {
      out_ += record_;
      out_ += '\n';
      width_ = std::max(width_, content_cells_);
    }
    record_.clear();
    cell_index_ = content_end_ = content_cells_ = 0;
    ++rows_seen_;
  }

  std::vector<Problem> date_warnings() const {
    std::vector<Problem> warnings;
    std::map<std::string, std::size_t> per_code;
    for (const auto& [key, t] : tallies_) {
      const auto& [code, column_index] = key;
      const std::string column = column_index < header_names_.size()
                                     ? header_names_[column_index]
                                     : "column_" + std::to_string(column_index + 1);
      if (++per_code[code] > kWarningsPerCode) continue;
      std::string message =
          label_ + ", row " + std::to_string(t.first_row) + ", column \"" + column + "\": ";
      if (code == "excel_leap_day_1900") {
        message +=
            "the cell is Excel's 29 February 1900 (serial 60), a day that never was: "
            "Excel counts it only to match Lotus 1-2-3. It is read as an impossible date.";
      } else {
        message += "the cell is formatted as a date but its value, " + t.first_value +
                   ", is not a date Excel can show (1900-01-01 to 9999-12-31" +
                   (source_.date_system == 1904 ? std::string(", from 1904-01-01 in this 1904 "
                                                              "workbook")
                                                : std::string()) +
                   "): it is read as that number. A time of day alone is such a value.";
      }
      if (t.count > 1)
        message += " " + std::to_string(t.count - 1) + " more cell(s) of this column too.";
      warnings.push_back(Problem{code, std::move(message), source_.file, t.first_row, column});
    }
    for (const auto& [code, count] : per_code) {
      if (count <= kWarningsPerCode) continue;
      warnings.push_back(Problem{code,
                                 "… and " + std::to_string(count - kWarningsPerCode) +
                                     " more columns of " + label_ + " with the same problem (" +
                                     code + ").",
                                 source_.file, std::nullopt, std::nullopt});
    }
    return warnings;
  }

  const CellRowsSource& source_;
  const std::string label_;
  std::string out_;
  Depth depth_ = Depth::outside;

  std::size_t rows_seen_ = 0;  // rows finished, header and empty rows included
  std::string record_;         // the row being written
  std::size_t cell_index_ = 0;
  std::size_t content_end_ = 0;    // record_'s size after its last non-blank cell
  std::size_t content_cells_ = 0;  // cells up to and including the last non-blank one

  bool header_found_ = false;
  std::size_t empty_rows_above_ = 0;
  std::size_t header_index_ = 0;  // in rows_seen_ terms
  std::size_t header_end_ = 0;    // in out_, before its line end
  std::size_t header_cells_ = 0;
  std::size_t width_ = 0;                   // cells of the widest row
  std::vector<std::string> pending_texts_;  // a row's texts while the header is not found
  std::vector<std::string> header_names_;

  std::optional<std::pair<double, std::string>> serial_;
  bool date_key_seen_ = false;
  std::map<std::pair<std::string, std::size_t>, DateTally> tallies_;
};

}  // namespace

std::string sheet_label(const CellRowsSource& source) {
  if (source.sheet.empty()) return source.file.empty() ? "the sheet" : source.file;
  if (source.file.empty()) return "sheet \"" + source.sheet + "\"";
  return source.file + " \xE2\x80\xBA " + source.sheet;  // U+203A, as a breadcrumb
}

CellRowsText cell_rows_to_csv(std::string_view rows_json, const CellRowsSource& source) {
  if (source.date_system != 1900 && source.date_system != 1904)
    throw std::invalid_argument("cell_rows_to_csv: date_system must be 1900 or 1904");
  if (source.first_row < 1 || source.first_row > kMaxSheetRows)
    throw std::invalid_argument("cell_rows_to_csv: first_row must be 1 to 1048576");
  RowsWriter writer(source, rows_json.size());
  SaxJson::sax_parse(rows_json.begin(), rows_json.end(), &writer);
  return writer.finish();
}

CellRowsTable read_cell_rows(std::string name, std::string rows_json,
                             const CellRowsSource& source) {
  CellRowsText text = cell_rows_to_csv(rows_json, source);
  std::string().swap(rows_json);
  TextReadOptions options;
  options.delimiter = ',';
  TextTable table =
      read_text_table(std::move(name), sheet_label(source), std::move(text.csv), options);
  return {std::move(table), std::move(text.warnings)};
}

}  // namespace itp

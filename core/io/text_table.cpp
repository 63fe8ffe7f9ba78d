#include "core/io/text_table.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "core/io/csv_scanner.hpp"
#include "core/io/text_encoding.hpp"

namespace itp {
namespace {

// Excel's own limits: a table wider than a worksheet, or a "row" of a megabyte, is not a table a
// user meant to load (usually a wrong file or an unbalanced quote).
constexpr std::size_t kMaxColumns = 16384;
constexpr std::size_t kMaxRecordBytes = std::size_t{1} << 20;
// Enough records to see a consistent column count, few enough to cost nothing.
constexpr std::size_t kDetectionRecords = 50;
constexpr std::size_t kDetectionBytes = std::size_t{256} << 10;
// A bad file of 1e7 rows should give a readable list, not 1e7 warnings.
constexpr std::size_t kWarningsPerCode = 20;
// A progress report per 4 MB of text: about 25 for a 100 MB file, each one cheap.
constexpr std::size_t kProgressBytes = std::size_t{4} << 20;

bool only_chars_of(std::string_view text, std::string_view allowed) {
  return text.find_first_not_of(allowed) == std::string_view::npos;
}

// Only spaces, tabs and delimiters: a row a spreadsheet shows empty. By hand, since it runs on
// every row and its first character nearly always settles it.
bool is_blank_row(const char* begin, const char* end, char delimiter) {
  for (const char* p = begin; p < end; ++p)
    if (*p != ' ' && *p != '\t' && *p != delimiter) return false;
  return true;
}

std::string_view trim(std::string_view text) {
  const std::string_view space = " \t\r\n";
  const std::size_t first = text.find_first_not_of(space);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(space) - first + 1);
}

std::string delimiter_name(char delimiter) {
  switch (delimiter) {
    case '\t':
      return "tab";
    case ',':
      return "comma (,)";
    case ';':
      return "semicolon (;)";
    default:
      return std::string("'") + delimiter + "'";
  }
}

// How a message names the file when the caller gave no name.
std::string file_label(const std::string& file) { return file.empty() ? "the table" : file; }

std::string row_label(const std::string& file, std::size_t row) {
  return file_label(file) + ", row " + std::to_string(row);
}

// Keeps the first warnings of each code and counts the rest, then adds one summary per code.
class WarningCollector {
 public:
  explicit WarningCollector(std::vector<Problem>& out) : out_(out) {}
  // `unit` names what each warning is about ("rows", "columns"), for the summary.
  void add(Problem problem, const char* unit) {
    Tally& tally = tallies_[problem.code];
    tally.unit = unit;
    if (++tally.count <= kWarningsPerCode) out_.push_back(std::move(problem));
  }
  void add_summaries(const std::string& file) {
    for (const auto& [code, tally] : tallies_) {
      if (tally.count <= kWarningsPerCode) continue;
      out_.push_back(Problem{code,
                             "… and " + std::to_string(tally.count - kWarningsPerCode) + " more " +
                                 tally.unit + " of " + file_label(file) +
                                 " with the same problem (" + code + ").",
                             file, std::nullopt, std::nullopt});
    }
  }

 private:
  struct Tally {
    std::size_t count = 0;
    const char* unit = "";
  };
  std::vector<Problem>& out_;
  std::map<std::string, Tally> tallies_;  // ordered, so summaries come in a stable order
};

// The delimiter under which the header has several cells and most of the following records have
// as many, with well-formed quotes. Ties go to tab, then ';', then ',': a tab or a semicolon
// rarely occurs in data by chance, while commas do (decimal commas, free text).
char detect_delimiter(std::string_view text, std::size_t header_start) {
  const std::string_view sample = text.substr(header_start, kDetectionBytes);
  constexpr char kCandidates[] = {'\t', ';', ','};
  char best = 0;
  std::size_t best_score = 0;
  bool splits_a_record[3] = {false, false, false};
  for (int c = 0; c < 3; ++c) {
    csv::RecordScanner scanner(sample, kCandidates[c]);
    std::size_t header_cells = 0;
    std::size_t score = 0;
    std::size_t pos = 0;
    for (std::size_t record = 0; record < kDetectionRecords && pos < sample.size(); ++record) {
      const csv::RecordExtent extent = scanner.scan(pos);
      if (extent.cell_count > 1) splits_a_record[c] = true;
      if (record == 0) header_cells = extent.cell_count;
      const bool blank = only_chars_of(sample.substr(pos, extent.end - pos), " \t");
      if (extent.cell_count == header_cells && !blank && !extent.text_after_quote) ++score;
      if (extent.unterminated_quote) break;
      pos = extent.next;
    }
    if (header_cells > 1 && score > best_score) {
      best = kCandidates[c];
      best_score = score;
    }
  }
  if (best != 0) return best;
  // One column. Pick a delimiter that cuts none of its cells, so a column of decimal commas
  // ("1,5") is not split in two.
  for (const int c : {2, 1, 0}) {
    if (!splits_a_record[c]) return kCandidates[c];
  }
  return ',';
}

// Reserving the offsets once keeps the peak memory of a large file at its final size.
std::size_t estimate_record_count(std::string_view text, std::size_t start) {
  const std::string_view sample = text.substr(start, std::size_t{64} << 10);
  const std::size_t lines =
      static_cast<std::size_t>(std::count(sample.begin(), sample.end(), '\n'));
  if (lines == 0 || sample.size() == text.size() - start) return lines + 1;
  return (text.size() - start) / sample.size() * lines + lines;
}

[[noreturn]] void fail(std::string code, std::string message, const std::string& file,
                       std::optional<std::size_t> row, std::optional<std::string> column) {
  throw InputError(Problem{std::move(code), std::move(message), file, row, std::move(column)});
}

// Rejects a record that cannot be part of a table. `header` is empty while the header itself is
// being checked.
void check_record(const csv::RecordExtent& extent, std::size_t start, std::size_t row,
                  const std::vector<std::string>& header, const std::string& file) {
  if (extent.unterminated_quote) {
    const std::size_t cell = extent.unterminated_cell;
    std::optional<std::string> column;
    std::string where = row_label(file, row);
    if (cell < header.size()) {
      column = header[cell];
      where += ", column \"" + header[cell] + "\"";
    } else {
      where += ", cell " + std::to_string(cell + 1);
    }
    fail("unterminated_quote",
         where +
             ": a cell opens with a quote (\") that is never closed, so the rest of the file "
             "would be read as this one cell. Add the closing quote, or write a quote that is "
             "part of the text as two quotes (\"\").",
         file, row, column);
  }
  const std::size_t length = extent.end - start;
  if (length > kMaxRecordBytes) {
    fail("line_too_long",
         row_label(file, row) + " is " + std::to_string(length) +
             " bytes long, more than the 1 MB a table row may have. Check that the file is a "
             "CSV or TSV table" +
             (extent.spans_lines
                  ? "; here quoted cells join many lines into one row, so look for a quote (\") "
                    "that opens a cell on that row and should not."
                  : "."),
         file, row, std::nullopt);
  }
  if (extent.cell_count > kMaxColumns) {
    fail("too_many_columns",
         row_label(file, row) + " has " + std::to_string(extent.cell_count) +
             " cells; at most 16384 columns can be read (as in Excel). Check that the file is a "
             "table and that its delimiter is the one detected.",
         file, row, std::nullopt);
  }
}

std::vector<std::string> read_header(std::string_view text, std::size_t start, char delimiter,
                                     const std::string& file, WarningCollector& warnings) {
  std::vector<std::string> header;
  std::string scratch;
  csv::CellWalker walker(text, start, delimiter);
  while (!walker.done()) {
    scratch.clear();
    std::string_view cell;
    walker.next(&cell, scratch);
    header.emplace_back(trim(cell));
  }
  std::unordered_map<std::string_view, std::size_t> first_index;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i].empty()) {
      header[i] = "column_" + std::to_string(i + 1);
      warnings.add({"empty_column_name",
                    row_label(file, 1) + ": column " + std::to_string(i + 1) +
                        " has no name; it is called \"" + header[i] +
                        "\". Write a name in the header cell to use it.",
                    file, 1, header[i]},
                   "columns");
    }
  }
  // Names are final now, so views into them stay valid.
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto [it, inserted] = first_index.emplace(header[i], i);
    if (inserted) continue;
    warnings.add(
        {"duplicate_column_name",
         row_label(file, 1) + ": columns " + std::to_string(it->second + 1) + " and " +
             std::to_string(i + 1) + " are both named \"" + header[i] + "\"; only column " +
             std::to_string(it->second + 1) + " is used under that name. Rename one of them.",
         file, 1, header[i]},
        "columns");
  }
  return header;
}

// True when the cells of a record after the header's last column are all blank, as spreadsheet
// exports often write (trailing delimiters): nothing would be lost, so nothing is reported.
bool extra_cells_are_blank(std::string_view text, std::size_t start, std::size_t end,
                           char delimiter, std::size_t header_cells) {
  std::string scratch;
  scratch.reserve(end - start);
  csv::CellWalker walker(text, start, delimiter);
  for (std::size_t i = 0; !walker.done(); ++i) {
    std::string_view cell;
    walker.next(i < header_cells ? nullptr : &cell, scratch);
    if (i >= header_cells && !trim(cell).empty()) return false;
  }
  return true;
}

}  // namespace

std::size_t TextTable::column_index(std::string_view name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  return it == header_.end() ? npos : static_cast<std::size_t>(it - header_.begin());
}

std::size_t TextTable::record_start(std::size_t record) const {
  if (last_.text == text_.data()) {
    if (record == last_.record) return last_.start;
    if (record == last_.record + 1) return last_.next;
  }
  return offset_of(record);
}

std::size_t TextTable::offset_of(std::size_t record) const {
  if (record >= record_count_) throw std::out_of_range("TextTable::offset_of");
  csv::RecordScanner scanner(text_, delimiter_, plain_);
  std::size_t start = checkpoints_[record / kCheckpointEvery];
  for (std::size_t r = record - record % kCheckpointEvery; r < record; ++r)
    start = scanner.scan(start).next;
  return start;
}

// Without a quote anywhere in the table, a record is plain text up to its line end: one pass over
// its bytes, most of the time spent reading a big file goes here.
std::size_t TextTable::split_unquoted(std::size_t start, const std::vector<std::size_t>& columns,
                                      std::vector<std::string_view>& cells) const {
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  const char delimiter = delimiter_;
  // Digits and letters lie above every stop character but ';': one comparison settles most.
  const unsigned char highest_stop = std::max<unsigned char>(delimiter, '\r');
  auto stops = [=](char c) {
    return static_cast<unsigned char>(c) <= highest_stop &&
           (c == delimiter || c == '\n' || c == '\r');
  };
  const char* p = begin + start;
  for (std::size_t column = 0;; ++column) {
    const char* cell_start = p;
    while (p < end && !stops(*p)) ++p;
    for (std::size_t i = 0; i < columns.size(); ++i)
      if (columns[i] == column) cells[i] = std::string_view(cell_start, p - cell_start);
    if (p == end || *p != delimiter) break;
    ++p;
  }
  if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n') ++p;
  if (p < end) ++p;
  return static_cast<std::size_t>(p - begin);
}

void TextTable::split_record(std::size_t record, const std::vector<std::size_t>& columns,
                             std::vector<std::string_view>& cells, std::string& scratch) const {
  if (record >= record_count_) throw std::out_of_range("TextTable::split_record");
  const std::size_t start = record_start(record);
  last_ = {record, start, split_at(start, columns, cells, scratch), text_.data()};
}

std::size_t TextTable::split_at(std::size_t offset, const std::vector<std::size_t>& columns,
                                std::vector<std::string_view>& cells, std::string& scratch) const {
  cells.resize(columns.size());
  for (std::string_view& cell : cells) cell = {};  // a short record leaves its last cells empty
  scratch.clear();
  if (!has_quotes_) return split_unquoted(offset, columns, cells);
  // Undoing quotes writes at most a record's length; reserving that up front keeps the views
  // into `scratch` valid.
  if (scratch.capacity() < longest_record_) scratch.reserve(longest_record_);
  csv::CellWalker walker(text_, offset, delimiter_);
  if (std::is_sorted(columns.begin(), columns.end())) {
    std::size_t i = 0;
    for (std::size_t column = 0; !walker.done() && i < columns.size(); ++column) {
      if (columns[i] != column) {
        walker.next(nullptr, scratch);
        continue;
      }
      std::string_view cell;
      walker.next(&cell, scratch);
      while (i < columns.size() && columns[i] == column) cells[i++] = cell;
    }
  } else if (!columns.empty()) {
    const std::size_t last = *std::max_element(columns.begin(), columns.end());
    for (std::size_t column = 0; !walker.done() && column <= last; ++column) {
      if (std::find(columns.begin(), columns.end(), column) == columns.end()) {
        walker.next(nullptr, scratch);
        continue;
      }
      std::string_view cell;
      walker.next(&cell, scratch);
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == column) cells[i] = cell;
      }
    }
  }
  // Walking to the end of the record tells where the next one starts.
  while (!walker.done()) walker.next(nullptr, scratch);
  return walker.next_record_start();
}

TextTable read_text_table(std::string name, std::string file, std::string bytes,
                          TextReadOptions options) {
  if (options.delimiter == '"' || options.delimiter == '\n' || options.delimiter == '\r') {
    throw std::invalid_argument("read_text_table: a quote or line end cannot be a delimiter");
  }
  TextTable table;
  table.name_ = std::move(name);
  table.file_ = std::move(file);
  const std::string& file_name = table.file_;
  WarningCollector warnings(table.warnings_);

  DecodedText decoded = decode_text(std::move(bytes), file_name);
  table.text_ = std::move(decoded.utf8);
  const std::string_view text = table.text_;
  if (decoded.encoding == SourceEncoding::windows1252) {
    warnings.add({"encoding_windows_1252",
                  file_label(file_name) + " is not entirely UTF-8 (first on line " +
                      std::to_string(decoded.first_converted_line) + ", read as \"" +
                      decoded.first_converted_char +
                      "\"): those characters were read as Windows-1252 (Western European). "
                      "Check accented letters, or save the file as \"CSV UTF-8\".",
                  file_name, std::nullopt, std::nullopt},
                 "files");
  }
  if (only_chars_of(text, " \t\r\n")) {
    fail("empty_file",
         file_label(file_name) +
             " is empty: it has no header row and no data. Check that the right file was chosen "
             "and that it was saved after editing.",
         file_name, std::nullopt, std::nullopt);
  }

  // Most exports have no quote and LF line ends: then a record is a line, and no search for a
  // quote or a CR (each of which a RecordScanner runs to the end of the text) is needed.
  const csv::QuotesAndReturns quotes_and_returns = csv::find_quotes_and_returns(text);
  const bool plain_text = !quotes_and_returns.quote && !quotes_and_returns.carriage_return;
  table.plain_ = plain_text;
  table.has_quotes_ = quotes_and_returns.quote;

  // Blank lines above the header are skipped: the header is where the table starts.
  csv::RecordScanner line_scanner(text, ',', plain_text);
  std::size_t header_start = 0;
  std::size_t blank_lines_above = 0;
  for (;;) {
    const csv::RecordExtent line = line_scanner.scan(header_start);
    if (!only_chars_of(text.substr(header_start, line.end - header_start), " \t")) break;
    header_start = line.next;
    ++blank_lines_above;
  }
  if (blank_lines_above > 0) {
    warnings.add({"blank_lines_before_header",
                  file_label(file_name) + " starts with " + std::to_string(blank_lines_above) +
                      " blank line(s); the header was taken from the first line with text. Row "
                      "numbers in messages count that header as row 1: delete the blank lines "
                      "so they match the spreadsheet.",
                  file_name, std::nullopt, std::nullopt},
                 "files");
  }

  table.delimiter_ =
      options.delimiter != 0 ? options.delimiter : detect_delimiter(text, header_start);
  csv::RecordScanner scanner(text, table.delimiter_, plain_text);
  const csv::RecordExtent header_extent = scanner.scan(header_start);
  check_record(header_extent, header_start, 1, {}, file_name);
  table.header_ = read_header(text, header_start, table.delimiter_, file_name, warnings);
  const std::vector<std::string>& header = table.header_;

  // Blank rows at the very end (editors' trailing newlines, spreadsheet exports of formatted but
  // empty rows) hold nothing and shift no row number, so they are not counted. Blank rows between
  // data rows are kept: a spreadsheet shows them, and dropping them would shift row numbers.
  std::vector<std::uint64_t>& checkpoints = table.checkpoints_;
  checkpoints.reserve(estimate_record_count(text, header_extent.next) / TextTable::kCheckpointEvery + 1);
  std::size_t records = 0;
  std::size_t next_report = kProgressBytes;
  for (std::size_t pos = header_extent.next; pos < text.size(); ++records) {
    if (options.progress && pos >= next_report) {
      options.progress(pos, text.size());
      next_report = pos + kProgressBytes;
    }
    const csv::RecordExtent extent = scanner.scan(pos);
    const std::size_t row = TextTable::spreadsheet_row(records);
    check_record(extent, pos, row, header, file_name);
    if (records % TextTable::kCheckpointEvery == 0) checkpoints.push_back(pos);
    table.longest_record_ = std::max(table.longest_record_, extent.next - pos);
    if (!is_blank_row(text.data() + pos, text.data() + extent.end, table.delimiter_))
      table.record_count_ = records + 1;
    if (extent.cell_count > header.size() &&
        !extra_cells_are_blank(text, pos, extent.end, table.delimiter_, header.size())) {
      warnings.add(
          {"extra_cells",
           row_label(file_name, row) + " has " + std::to_string(extent.cell_count) +
               " cells but the header names " + std::to_string(header.size()) +
               " columns; the cells after column \"" + header.back() +
               "\" are ignored. If a value contains the " + delimiter_name(table.delimiter_) +
               ", put that value in quotes; otherwise give the extra column a name.",
           file_name, row, std::nullopt},
          "rows");
    }
    pos = extent.next;
  }
  if (options.progress) options.progress(text.size(), text.size());
  checkpoints.resize((table.record_count_ + TextTable::kCheckpointEvery - 1) /
                     TextTable::kCheckpointEvery);

  if (table.record_count_ == 0) {
    warnings.add({"no_data_rows",
                  file_label(file_name) +
                      " has a header row but no data rows below it; add the data, or check that "
                      "the right file was chosen.",
                  file_name, std::nullopt, std::nullopt},
                 "files");
  }
  warnings.add_summaries(file_name);
  return table;
}

}  // namespace itp

#pragma once
// A delimited text table (CSV, TSV, semicolon CSV) held as its UTF-8 text plus the byte offset
// of every 64th record, so a file costs hardly more than its own text. Cells are cut out of a
// record on demand; nothing is copied until a column is read.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/problem.hpp"

namespace itp {

// Told how far the reading of a large table has gone: `done` of `total` bytes of its text
// checked, every few megabytes and once at the end (done == total). The page's worker turns it
// into the fraction its status line shows.
using ReadProgress = std::function<void(std::size_t done, std::size_t total)>;

struct TextReadOptions {
  char delimiter = 0;  // 0: detect among ',', ';' and tab
  ReadProgress progress;  // optional
};

class TextTable {
 public:
  const std::string& name() const { return name_; }
  const std::string& file() const { return file_; }
  char delimiter() const { return delimiter_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t record_count() const { return record_count_; }
  // The row a spreadsheet shows for a data record (header = 1). A quoted cell spanning
  // several lines is still one record, one row.
  static std::size_t spreadsheet_row(std::size_t record) { return record + 2; }
  // Problems that did not stop the reading (ragged rows, header without data, ...).
  const std::vector<Problem>& warnings() const { return warnings_; }

  // Index of the column whose header is exactly `name`, or npos.
  std::size_t column_index(std::string_view name) const;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Fills cells[i] with the text of column columns[i] of `record`: quotes removed, doubled quotes
  // undone, surrounding spaces kept. A column beyond the end of a short record gives "".
  // Views point into the table or into `scratch`, and stay valid until the next call with the
  // same scratch. Reading records in order costs one pass over the text; a jump rescans at most
  // 64 records. Not safe to call from two threads at once (it keeps its place).
  void split_record(std::size_t record, const std::vector<std::size_t>& columns,
                    std::vector<std::string_view>& cells, std::string& scratch) const;

  // The same without keeping a place, so several threads can read ranges of one table:
  // offset_of(record) finds where a record starts (rescanning at most 64 records), split_at
  // reads the record at that offset and returns the offset of the next one.
  std::size_t offset_of(std::size_t record) const;
  std::size_t split_at(std::size_t offset, const std::vector<std::size_t>& columns,
                       std::vector<std::string_view>& cells, std::string& scratch) const;

 private:
  friend TextTable read_text_table(std::string, std::string, std::string, TextReadOptions);
  std::string name_;
  std::string file_;
  std::string text_;  // UTF-8, without BOM
  char delimiter_ = ',';
  std::vector<std::string> header_;
  static constexpr std::size_t kCheckpointEvery = 64;
  std::vector<std::uint64_t> checkpoints_;  // byte offset of records 0, 64, 128, ...
  std::size_t record_count_ = 0;
  std::vector<Problem> warnings_;

  std::size_t longest_record_ = 0;  // bytes, line end included
  bool has_quotes_ = false;
  bool plain_ = false;  // no quote and no CR: each record is one line

  // The record last split, so that reading in order never searches for a record's start.
  struct LastRecord {
    std::size_t record = static_cast<std::size_t>(-1);
    std::size_t start = 0;
    std::size_t next = 0;  // where the following record starts
    const char* text = nullptr;  // the text those offsets belong to (a moved table moves it)
  };
  mutable LastRecord last_;
  std::size_t record_start(std::size_t record) const;
  std::size_t split_unquoted(std::size_t start, const std::vector<std::size_t>& columns,
                             std::vector<std::string_view>& cells) const;
};

// Reads CSV/TSV bytes: detects the encoding (UTF-8 with or without BOM, UTF-16 LE/BE with BOM,
// else Windows-1252) and converts to UTF-8, detects the delimiter, accepts LF, CRLF and CR line
// ends and RFC 4180 quotes. `name` is the table's name (a file stem), `file` the file name used
// in messages. Throws InputError for a file that cannot be read as a table (empty, binary,
// unterminated quote, more than 16,384 columns, a line over 1 MB).
TextTable read_text_table(std::string name, std::string file, std::string bytes,
                          TextReadOptions options = {});

}  // namespace itp

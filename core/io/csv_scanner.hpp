#pragma once
// The syntax of delimited text, in one place so that finding where a record ends (when the table
// is read) and cutting its cells (each time a column is read) always agree. RFC 4180 quoting: a
// quote opens a quoted cell only as the cell's first character; inside, "" is one quote and
// delimiters and line ends are text; after the closing quote, the rest of the cell up to the next
// delimiter is kept as is. Elsewhere a quote is an ordinary character. Line ends: LF, CRLF, CR.
#include <cstddef>
#include <string>
#include <string_view>

namespace itp::csv {

struct RecordExtent {
  std::size_t end = 0;         // where the record's line end is (or the end of the text)
  std::size_t next = 0;        // where the following record starts
  std::size_t cell_count = 0;  // delimiters outside quotes + 1
  bool spans_lines = false;    // a quoted cell holds a line end
  // A closing quote is followed by more text before the delimiter: legal, but under the right
  // delimiter well-formed files hardly ever do it, which helps detection.
  bool text_after_quote = false;
  // Set when a quoted cell is still open at the end of the text.
  bool unterminated_quote = false;
  std::size_t unterminated_cell = 0;  // its 0-based index in the record
};

// Finds the extents of consecutive records. It remembers where the next quote and line ends are,
// so a pass over the whole text costs one memchr pass per special character, whatever the line
// end convention.
class RecordScanner {
 public:
  // `plain`: the text is known to hold no quote and no CR, so a record is a line
  // (plain_record_extent) and nothing else is searched for.
  RecordScanner(std::string_view text, char delimiter, bool plain = false)
      : text_(text), delimiter_(delimiter), plain_(plain) {}
  // `start` must not decrease between calls.
  RecordExtent scan(std::size_t start);

 private:
  std::size_t next_of(char c, std::size_t& cached, std::size_t from) const;
  std::string_view text_;
  char delimiter_;
  bool plain_;
  static constexpr std::size_t kNotSearched = static_cast<std::size_t>(-1);
  std::size_t next_quote_ = kNotSearched, next_lf_ = kNotSearched, next_cr_ = kNotSearched;
};

// Whether the text holds a quote or a CR anywhere: without either, a record is a line.
struct QuotesAndReturns {
  bool quote = false;
  bool carriage_return = false;
};
QuotesAndReturns find_quotes_and_returns(std::string_view text);

// The extent of the record at `start` in text that has no quote and no CR: up to the next LF.
RecordExtent plain_record_extent(std::string_view text, std::size_t start, char delimiter);

// Walks the cells of one record, left to right.
class CellWalker {
 public:
  CellWalker(std::string_view text, std::size_t record_start, char delimiter)
      : text_(text), pos_(record_start), delimiter_(delimiter) {}
  bool done() const { return done_; }
  // Once done(): where the record after this one starts (past its line end).
  std::size_t next_record_start() const;
  // Moves past the next cell. Its text goes to *value when value is not null: a view into the
  // text, or, when quotes must be undone, into text appended to `scratch`. `scratch` must have
  // the capacity for it (the record's length is enough), since reallocating would move the
  // views already handed out.
  void next(std::string_view* value, std::string& scratch);

 private:
  std::string_view text_;
  std::size_t pos_;
  char delimiter_;
  bool done_ = false;
};

}  // namespace itp::csv

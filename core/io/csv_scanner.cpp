#include "core/io/csv_scanner.hpp"

#include <algorithm>
#include <cstring>

#include "core/io/byte_words.hpp"

namespace itp::csv {
namespace {

std::size_t find_char(std::string_view text, char c, std::size_t from) {
  if (from >= text.size()) return text.size();
  const void* hit = std::memchr(text.data() + from, c, text.size() - from);
  return hit == nullptr ? text.size()
                        : static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
}

std::size_t count_char(const char* begin, const char* end, char c) {
  std::size_t count = 0;
  for (const char* p = begin; p < end; ++p) count += (*p == c);
  return count;
}

}  // namespace

std::size_t RecordScanner::next_of(char c, std::size_t& cached, std::size_t from) const {
  if (cached == kNotSearched || cached < from) cached = find_char(text_, c, from);
  return cached;
}

RecordExtent RecordScanner::scan(std::size_t start) {
  if (plain_) return plain_record_extent(text_, start, delimiter_);
  const char* data = text_.data();
  const std::size_t size = text_.size();
  RecordExtent extent;
  extent.cell_count = 1;
  std::size_t pos = start;
  for (;;) {
    const std::size_t line_end =
        std::min(next_of('\n', next_lf_, pos), next_of('\r', next_cr_, pos));
    const std::size_t quote = next_of('"', next_quote_, pos);
    const std::size_t stop = std::min(line_end, quote);
    extent.cell_count += count_char(data + pos, data + stop, delimiter_);
    if (stop == line_end) {
      extent.end = line_end;
      if (line_end == size) {
        extent.next = size;
      } else if (data[line_end] == '\r' && line_end + 1 < size && data[line_end + 1] == '\n') {
        extent.next = line_end + 2;
      } else {
        extent.next = line_end + 1;
      }
      return extent;
    }
    const bool opens_cell = quote == start || data[quote - 1] == delimiter_;
    pos = quote + 1;
    if (!opens_cell) continue;
    for (;;) {
      const std::size_t close = next_of('"', next_quote_, pos);
      if (close == size) {
        extent.unterminated_quote = true;
        extent.unterminated_cell = extent.cell_count - 1;
        extent.end = extent.next = size;
        return extent;
      }
      if (close + 1 < size && data[close + 1] == '"') {
        pos = close + 2;  // "" stands for one quote inside the cell
        continue;
      }
      if (line_end < close) extent.spans_lines = true;
      if (close + 1 < size && data[close + 1] != delimiter_ && data[close + 1] != '\n' &&
          data[close + 1] != '\r') {
        extent.text_after_quote = true;
      }
      pos = close + 1;
      break;
    }
  }
}

QuotesAndReturns find_quotes_and_returns(std::string_view text) {
  using namespace byte_words;
  const char* p = text.data();
  const char* const end = p + text.size();
  // Marks are gathered without a branch per word, and looked at once per block.
  constexpr std::size_t kBlockWords = 64;
  QuotesAndReturns found;
  while (end - p >= 8 && !(found.quote && found.carriage_return)) {
    std::uint64_t quotes = 0, returns = 0;
    for (std::size_t i = 0; i < kBlockWords && end - p >= 8; ++i, p += 8) {
      const std::uint64_t word = load(p);
      quotes |= bytes_equal(word, '"');
      returns |= bytes_equal(word, '\r');
    }
    found.quote = found.quote || quotes != 0;
    found.carriage_return = found.carriage_return || returns != 0;
  }
  for (; p < end; ++p) {
    found.quote = found.quote || *p == '"';
    found.carriage_return = found.carriage_return || *p == '\r';
  }
  return found;
}

RecordExtent plain_record_extent(std::string_view text, std::size_t start, char delimiter) {
  using namespace byte_words;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  const char* p = begin + start;
  std::size_t delimiters = 0;
  // A row of a large table is a word or two: its line end and delimiters are found in the same
  // words, and only the last bytes of the text one at a time.
  for (; end - p >= 8; p += 8) {
    const std::uint64_t word = load(p);
    const std::uint64_t line_end = bytes_equal(word, '\n');
    delimiters += count_marked(marks_before(bytes_equal(word, delimiter), line_end));
    if (line_end != 0) {
      p += first_marked(line_end);
      break;
    }
  }
  for (; p < end && *p != '\n'; ++p) delimiters += *p == delimiter;  // at once on a line end
  RecordExtent extent;
  extent.end = static_cast<std::size_t>(p - begin);
  extent.next = p < end ? extent.end + 1 : extent.end;
  extent.cell_count = 1 + delimiters;
  return extent;
}

void CellWalker::next(std::string_view* value, std::string& scratch) {
  const char* data = text_.data();
  const std::size_t size = text_.size();
  auto cell_end = [&](std::size_t from) {
    std::size_t i = from;
    while (i < size && data[i] != delimiter_ && data[i] != '\n' && data[i] != '\r') ++i;
    return i;
  };
  if (done_) {
    if (value != nullptr) *value = std::string_view();
    return;
  }
  std::size_t end;
  if (pos_ < size && data[pos_] == '"') {
    std::size_t chunk = pos_ + 1;
    const std::size_t scratch_begin = scratch.size();
    bool in_scratch = false;
    std::size_t close;
    for (;;) {
      close = find_char(text_, '"', chunk);
      const bool doubled = close + 1 < size && data[close + 1] == '"';
      if (!doubled) break;
      if (value != nullptr) {
        scratch.append(data + chunk, close + 1 - chunk);  // the text and one quote
        in_scratch = true;
      }
      chunk = close + 2;
    }
    const std::size_t after_quote = std::min(close + 1, size);
    end = cell_end(after_quote);
    if (value != nullptr) {
      if (!in_scratch && end == after_quote) {
        *value = std::string_view(data + chunk, close - chunk);
      } else {
        scratch.append(data + chunk, close - chunk);
        scratch.append(data + after_quote, end - after_quote);
        *value = std::string_view(scratch.data() + scratch_begin, scratch.size() - scratch_begin);
      }
    }
  } else {
    end = cell_end(pos_);
    if (value != nullptr) *value = std::string_view(data + pos_, end - pos_);
  }
  if (end < size && data[end] == delimiter_) {
    pos_ = end + 1;
  } else {
    pos_ = end;
    done_ = true;
  }
}

std::size_t CellWalker::next_record_start() const {
  if (pos_ < text_.size() && text_[pos_] == '\r' && pos_ + 1 < text_.size() &&
      text_[pos_ + 1] == '\n')
    return pos_ + 2;
  return pos_ < text_.size() ? pos_ + 1 : pos_;
}

}  // namespace itp::csv

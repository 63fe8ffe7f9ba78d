#include "core/api/describe_table.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <string>

#include "core/cohort/column_names.hpp"
#include "core/cohort/row_reader.hpp"
#include "core/cohort/table_mapping.hpp"
#include "core/io/cell_values.hpp"
#include "core/io/dates.hpp"

namespace itp {
namespace {

enum class CellKind { number, date, boolean, text };
constexpr std::array<const char*, 4> kKindNames = {"number", "date", "boolean", "text"};
constexpr std::size_t kSampleCount = 5;

// A censored value ("<10") keeps a number column a number column (docs/design.md §5).
bool is_censored_number(std::string_view cell) { return parse_censored_number(cell).has_value(); }

// What one cell is. Yes/no words are booleans; 0 and 1 are numbers here, and a column of
// nothing else is called boolean below.
CellKind kind_of(std::string_view cell) {
  if (parse_number(cell) || is_censored_number(cell)) return CellKind::number;
  const DateReading date = read_date(cell);
  if (date.kind != DateReading::Kind::not_a_date) return CellKind::date;
  if (parse_event_code(cell) != EventCode::invalid) return CellKind::boolean;
  return CellKind::text;
}

struct ColumnTally {
  std::size_t missing = 0;
  std::array<std::size_t, 4> kinds{};  // by CellKind
  std::size_t zero_or_one = 0;         // number cells that are 0 or 1
  std::size_t dates = 0, dates_in_either_order = 0;
  std::vector<std::string> samples;
};

CellKind column_kind(const ColumnTally& t) {
  const std::size_t present = std::accumulate(t.kinds.begin(), t.kinds.end(), std::size_t{0});
  const std::size_t booleans = t.kinds[static_cast<int>(CellKind::boolean)] + t.zero_or_one;
  if (present > 0 && booleans == present) return CellKind::boolean;
  // The kind of most cells; on a tie, text, which asks the user to look.
  CellKind best = CellKind::text;
  for (CellKind k : {CellKind::number, CellKind::date}) {
    if (t.kinds[static_cast<int>(k)] > t.kinds[static_cast<int>(best)] &&
        t.kinds[static_cast<int>(k)] * 2 > present)
      best = k;
  }
  return best;
}

bool fits(CellKind cell, CellKind column, std::string_view text) {
  if (cell == column || column == CellKind::text) return true;
  if (column == CellKind::boolean) {
    const auto number = parse_number(text);
    return number && (*number == 0 || *number == 1);
  }
  return false;
}

}  // namespace

Json describe_table(const TextTable& table, ProblemLog& log) {
  const std::size_t column_count = table.header().size();
  std::vector<std::size_t> all_columns(column_count);
  std::iota(all_columns.begin(), all_columns.end(), 0);
  std::vector<ColumnTally> tallies(column_count);
  std::vector<std::string_view> cells;
  std::string scratch;

  // First pass: what each column mostly holds.
  for (std::size_t record = 0; record < table.record_count(); ++record) {
    table.split_record(record, all_columns, cells, scratch);
    for (std::size_t c = 0; c < column_count; ++c) {
      ColumnTally& t = tallies[c];
      if (is_missing_marker(cells[c])) {
        ++t.missing;
        continue;
      }
      const CellKind kind = kind_of(cells[c]);
      ++t.kinds[static_cast<int>(kind)];
      if (kind == CellKind::number) {
        const auto number = parse_number(cells[c]);
        if (number && (*number == 0 || *number == 1)) ++t.zero_or_one;
      }
      if (kind == CellKind::date) {
        const DateReading date = read_date(cells[c]);
        if (date.kind == DateReading::Kind::date) {
          ++t.dates;
          if (date.order_matters) ++t.dates_in_either_order;
        }
      }
      const std::string sample(trim_whitespace(cells[c]));
      if (t.samples.size() < kSampleCount &&
          std::find(t.samples.begin(), t.samples.end(), sample) == t.samples.end())
        t.samples.push_back(sample);
    }
  }
  std::vector<CellKind> kinds(column_count);
  for (std::size_t c = 0; c < column_count; ++c) kinds[c] = column_kind(tallies[c]);

  // Second pass: the cells that do not fit, each with its row and column.
  for (std::size_t record = 0; record < table.record_count(); ++record) {
    table.split_record(record, all_columns, cells, scratch);
    for (std::size_t c = 0; c < column_count; ++c) {
      if (is_missing_marker(cells[c])) continue;
      const std::string& column = table.header()[c];
      const std::string value(trim_whitespace(cells[c]));
      const std::size_t row = TextTable::spreadsheet_row(record);
      const CellKind kind = kind_of(cells[c]);
      if (!fits(kind, kinds[c], cells[c])) {
        log.add({"unexpected_value",
                 "\"" + value + "\" is not a " + kKindNames[static_cast<int>(kinds[c])] +
                     ", as most of column \"" + column + "\" is; correct it or leave it empty",
                 table.file(), row, column});
      } else if (kinds[c] == CellKind::date &&
                 read_date(cells[c]).kind == DateReading::Kind::impossible) {
        log.add({"impossible_date",
                 "\"" + value + "\" is not a date that exists: check the day and the month",
                 table.file(), row, column});
      } else if (kinds[c] == CellKind::number && is_censored_number(cells[c])) {
        log.add({"censored_value", censored_value_message(value, CensoredValues::at_limit), table.file(), row, column});
      }
    }
  }

  const std::optional<CohortTable> cohort_table = role_of_table(table);
  Json columns = Json::array();
  for (std::size_t c = 0; c < column_count; ++c) {
    const ColumnTally& t = tallies[c];
    const std::string& name = table.header()[c];
    const std::size_t present = table.record_count() - t.missing;
    if (kinds[c] == CellKind::date && t.dates > 0 && t.dates_in_either_order == t.dates)
      log.add({"ambiguous_date_order",
               "every date in column \"" + name + "\" reads as a valid date both day first and "
                   "month first; they were read day first (dd/mm/yyyy): check and choose",
               table.file(), std::nullopt, name});
    Json column;
    column["name"] = name;
    column["index"] = c + 1;
    column["type"] = present == 0 ? "empty" : kKindNames[static_cast<int>(kinds[c])];
    const std::optional<std::string> canonical =
        cohort_table ? canonical_column(*cohort_table, name) : std::nullopt;
    column["canonical"] = canonical ? Json(*canonical) : Json(nullptr);
    column["missing"] = t.missing;
    column["samples"] = t.samples;
    columns.push_back(std::move(column));
  }
  Json described;
  described["name"] = table.name();
  described["rows"] = table.record_count();
  described["columns"] = std::move(columns);
  return described;
}

}  // namespace itp

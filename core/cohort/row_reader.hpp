#pragma once
// Reads typed values from the records of one table whose columns are mapped to canonical
// names, and decides each row's fate: a bad cell in a column the row needs sets the row aside,
// a bad cell elsewhere reads as missing. Every problem names the file, row and column, and
// says whether the row was kept (docs/design.md §5, "Bad cells and bad files").
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/cohort/cohort.hpp"
#include "core/cohort/import_options.hpp"
#include "core/cohort/units.hpp"
#include "core/io/problem_log.hpp"
#include "core/io/text_table.hpp"

namespace itp {

// A date or a number of days from D0, as a cell gave it.
struct DayOrDate {
  std::optional<DateDays> date;
  std::optional<std::int64_t> day;
  bool empty() const { return !date && !day; }
};

enum class Need { required, optional };

class RowReader {
 public:
  // A mapped column, found once per table so that reading a row looks nothing up by name.
  using Field = std::size_t;
  static constexpr Field kAbsent = static_cast<Field>(-1);

  // `columns`: canonical name (or another key) -> column index (from 0) in `table`;
  // `table_index` is the table's place in Cohort::tables, for SourceRow.
  RowReader(const TextTable& table, std::uint32_t table_index,
            std::map<std::string, std::size_t> columns, const ImportOptions& options,
            ProblemLog& log, TableReport& report);

  Field field(std::string_view canonical) const;

  // Starts on a record: splits it and forgets the previous row's problems.
  void read(std::size_t record);
  std::size_t row() const { return TextTable::spreadsheet_row(record_); }
  SourceRow source() const { return {table_index_, static_cast<std::uint32_t>(row())}; }

  bool has(Field f) const { return f != kAbsent; }
  bool is_missing(Field f) const;
  // Every mapped cell of the row is empty: a blank line, set aside as "blank_row".
  bool all_missing() const;
  // The trimmed text of a cell, "" when absent or missing.
  std::string text(Field f) const;

  std::optional<double> number(Field f, Need need, double min, double max);
  std::optional<int> whole_number(Field f, Need need, int min, int max);
  // A measurement: a number, or a censored value as the options say, in the base unit of
  // `quantity`; its unit from `row_unit` if given, else from the cell ("150 G/L"), else from
  // the header ("Plaquettes (/mm3)"), else the base unit.
  std::optional<Measured> measured(Field f, Need need, Quantity quantity,
                                   std::string_view row_unit = {});
  std::optional<DateDays> date(Field f, Need need);
  // For columns that hold dates or days from D0 (treatments' start and end): a date cell is a
  // date; a number from 3653 up an Excel serial date (1910 on), below it a day from D0.
  DayOrDate day_or_date(Field f, Need need);
  // `date` and `day` columns together (measurement tables): either one, the date preferred.
  DayOrDate when(Field date_field, Field day_field, Need need);
  std::optional<bool> flag(Field f, Need need);
  std::optional<std::string> sex(Field f);  // "M" or "F"

  // The same by canonical name, for tables read once per patient.
  bool has(std::string_view c) const { return has(field(c)); }
  bool is_missing(std::string_view c) const { return is_missing(field(c)); }
  std::string text(std::string_view c) const { return text(field(c)); }
  std::optional<double> number(std::string_view c, Need n, double lo, double hi) {
    return number(field(c), n, lo, hi);
  }
  std::optional<Measured> measured(std::string_view c, Need n, Quantity q) {
    return measured(field(c), n, q);
  }
  std::optional<DateDays> date(std::string_view c, Need n) { return date(field(c), n); }
  std::optional<bool> flag(std::string_view c, Need n) { return flag(field(c), n); }
  std::optional<std::string> sex(std::string_view c) { return sex(field(c)); }

  // A problem with the row as a whole (its patient is unknown, its date is after death).
  void set_aside(std::string code, std::string message, std::optional<std::string> column);
  // A warning about a cell of a row that stays.
  void note(std::string code, std::string message, std::optional<std::string> column);
  bool is_set_aside() const { return !set_aside_code_.empty(); }

  // Ends the row: logs its problems, marked kept or not, and counts it. Returns whether kept.
  bool finish();
  // Ends the table: warnings about whole columns (date order, units converted).
  void finish_table();

  const std::string& column_name(Field f) const { return table_.header()[indices_[f]]; }
  std::optional<std::string> column_if_any(Field f) const {
    return f == kAbsent ? std::nullopt : std::optional<std::string>(column_name(f));
  }

 private:
  std::string_view cell(Field f) const;
  void bad_cell(Field f, Need need, std::string code, std::string message);
  // "1,500": read as 1.5, but an English file may mean 1500; the user is told.
  void warn_if_thousands(Field f, std::string_view text, double value);
  void missing_required(Field f, Need need, std::string_view what);
  std::optional<DateDays> read_date_cell(Field f, std::string_view text, Need need,
                                         bool small_numbers_are_days,
                                         std::optional<std::int64_t>* day);

  const TextTable& table_;
  std::uint32_t table_index_;
  std::vector<std::string> canonical_;  // by field
  std::vector<std::size_t> indices_;    // column index in the table, by field
  const ImportOptions& options_;
  DayMonthOrder date_order_;
  std::vector<std::optional<DateDays>> missing_code_dates_;
  ProblemLog& log_;
  TableReport& report_;

  std::size_t record_ = 0;
  std::vector<std::string_view> cells_;
  std::string scratch_;
  std::vector<Problem> pending_;
  std::string set_aside_code_;

  struct ColumnNotes {
    std::size_t dates = 0, dates_in_either_order = 0;
    std::size_t excel_serials = 0;
    std::vector<std::string> converted_units;  // units converted in this column, for one warning
    std::size_t converted = 0;
  };
  std::vector<ColumnNotes> notes_;  // by field
};

// "\"<10\" is read as below 10: ..." with what the value then counts as; `factor` and
// `converted_unit` give the limit in the analysis unit when the cell's unit was converted.
std::string censored_value_message(std::string_view cell, CensoredValues choice,
                                   double factor = 1, std::string_view converted_unit = {});

}  // namespace itp

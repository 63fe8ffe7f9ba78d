#include "core/cohort/row_reader.hpp"

#include <algorithm>
#include <cmath>

#include "core/numeric/decimal_format.hpp"
#include "core/io/cell_values.hpp"

namespace itp {
namespace {

// Excel serial 3653 is 1910-01-01: no cohort date is earlier, and no treatment starts ten years
// from D0, so a number in a dates-or-days column is a day below it and a serial from it on.
constexpr double kFirstSerialDate = 3653;

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string quoted(std::string_view text) { return "\"" + std::string(text) + "\""; }

}  // namespace

std::string censored_value_message(std::string_view cell, CensoredValues choice, double factor,
                                   std::string_view converted_unit) {
  const std::optional<CensoredNumber> c = parse_censored_number(cell);
  const std::string suffix = converted_unit.empty() ? "" : " " + std::string(converted_unit);
  const std::string limit = c ? decimal_text(c->limit * factor) + suffix
                              : std::string(trim_whitespace(cell));
  const bool below = !c || c->side == CensoredNumber::Side::below;
  std::string message = quoted(trim_whitespace(cell)) + " is read as " +
                        (below ? "below " : "above ") + limit + ": it meets no threshold " +
                        (below ? "at or above " : "at or below ") + limit;
  switch (choice) {
    case CensoredValues::at_limit: return message + ", and counts as " + limit + " in summaries";
    case CensoredValues::half_limit:
      return message + ", and counts as " + decimal_text(c ? c->limit * factor / 2 : 0) + suffix +
             " in summaries";
    case CensoredValues::set_aside: return message + "; censored values are left out (option)";
  }
  return message;
}

RowReader::RowReader(const TextTable& table, std::uint32_t table_index,
                     std::map<std::string, std::size_t> columns, const ImportOptions& options,
                     ProblemLog& log, TableReport& report)
    : table_(table),
      table_index_(table_index),
      options_(options),
      date_order_(options.date_order_of(table.name())),
      log_(log),
      report_(report) {
  for (auto& [canonical, index] : columns) {
    canonical_.push_back(canonical);
    indices_.push_back(index);
  }
  notes_.resize(indices_.size());
  for (const std::string& code : options_.missing_codes) {
    const DateReading d = read_date(code, date_order_);
    missing_code_dates_.push_back(d.kind == DateReading::Kind::date
                                      ? std::optional<DateDays>(days_from_civil(d.date))
                                      : std::nullopt);
  }
}

RowReader::Field RowReader::field(std::string_view canonical) const {
  for (Field f = 0; f < canonical_.size(); ++f)
    if (canonical_[f] == canonical) return f;
  return kAbsent;
}

void RowReader::read(std::size_t record) {
  record_ = record;
  table_.split_record(record, indices_, cells_, scratch_);
  for (std::string_view& c : cells_) c = trim_whitespace(c);  // once, for every read below
  pending_.clear();
  set_aside_code_.clear();
}

std::string_view RowReader::cell(Field f) const {
  return f == kAbsent ? std::string_view() : cells_[f];
}

bool RowReader::is_missing(Field f) const {
  const std::string_view text = cell(f);
  if (is_missing_marker(text)) return true;
  std::optional<DateDays> as_date;
  bool date_read = false;
  for (std::size_t i = 0; i < options_.missing_codes.size(); ++i) {
    if (equals_ignoring_case(trim_whitespace(options_.missing_codes[i]), text)) return true;
    if (!missing_code_dates_[i]) continue;
    if (!date_read) {
      const DateReading d = read_date(text, date_order_);
      if (d.kind == DateReading::Kind::date) as_date = days_from_civil(d.date);
      date_read = true;
    }
    if (as_date == missing_code_dates_[i]) return true;
  }
  return false;
}

bool RowReader::all_missing() const {
  for (const std::string_view c : cells_)
    if (!c.empty()) return false;
  return true;
}

std::string RowReader::text(Field f) const {
  return is_missing(f) ? std::string() : std::string(cell(f));
}

void RowReader::missing_required(Field f, Need need, std::string_view what) {
  if (need == Need::required)
    set_aside("missing_value", "the row has no " + std::string(what) + "; fill it in",
              column_if_any(f));
}

void RowReader::warn_if_thousands(Field f, std::string_view text, double value) {
  if (!reads_as_thousands(text)) return;
  std::string digits(text);
  digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
  note("comma_or_thousands",
       quoted(text) + " is read as " + decimal_text(value) + " (a decimal comma); if it means " +
           digits + ", write it without the comma",
       column_name(f));
}

void RowReader::bad_cell(Field f, Need need, std::string code, std::string message) {
  const std::string& column = column_name(f);
  if (need == Need::required) {
    set_aside(std::move(code), std::move(message), column);
  } else {
    note(std::move(code), std::move(message) + "; read as missing", column);
  }
}

void RowReader::set_aside(std::string code, std::string message,
                          std::optional<std::string> column) {
  if (set_aside_code_.empty()) set_aside_code_ = code;
  pending_.push_back({std::move(code), std::move(message) + " (row set aside)", table_.file(),
                      row(), std::move(column)});
}

void RowReader::note(std::string code, std::string message, std::optional<std::string> column) {
  pending_.push_back({std::move(code), std::move(message), table_.file(), row(),
                      std::move(column)});
}

bool RowReader::finish() {
  const bool kept = set_aside_code_.empty();
  for (Problem& p : pending_) {
    p.row_kept = kept;
    log_.add(std::move(p));
  }
  pending_.clear();
  if (kept) ++report_.rows_kept;
  else ++report_.set_aside[set_aside_code_];
  return kept;
}

std::optional<double> RowReader::number(Field f, Need need, double min, double max) {
  if (!has(f) || is_missing(f)) {
    missing_required(f, need, has(f) ? canonical_[f] : "value");
    return std::nullopt;
  }
  const std::string_view text = cell(f);
  const std::optional<double> value = parse_number(text);
  if (!value) {
    bad_cell(f, need, "not_a_number", quoted(text) + " is not a number");
    return std::nullopt;
  }
  warn_if_thousands(f, text, *value);
  if (*value < min || *value > max) {
    bad_cell(f, need, "out_of_range",
             quoted(text) + " is outside " + decimal_text(min) + " to " + decimal_text(max));
    return std::nullopt;
  }
  return value;
}

std::optional<int> RowReader::whole_number(Field f, Need need, int min, int max) {
  const std::optional<double> value = number(f, need, min, max);
  if (!value) return std::nullopt;
  if (*value != std::floor(*value)) {
    bad_cell(f, need, "not_a_whole_number",
             quoted(cell(f)) + " is not a whole number");
    return std::nullopt;
  }
  return static_cast<int>(*value);
}

std::optional<Measured> RowReader::measured(Field f, Need need, Quantity quantity,
                                            std::string_view row_unit) {
  if (!has(f) || is_missing(f)) {
    missing_required(f, need, has(f) ? canonical_[f] : "value");
    return std::nullopt;
  }
  const std::string_view text = cell(f);
  const NumberWithUnit split = split_unit(text);
  if (split.number.empty()) {
    bad_cell(f, need, "not_a_number", quoted(text) + " is not a number");
    return std::nullopt;
  }
  std::string_view unit = row_unit;
  if (unit.empty()) unit = split.unit;
  if (unit.empty()) unit = header_unit(column_name(f));
  double factor = 1;
  if (!unit.empty()) {
    const std::optional<double> to_base = factor_to_base_unit(quantity, unit);
    if (!to_base) {
      bad_cell(f, need, "unknown_unit",
               quoted(text) + ": the unit \"" + std::string(unit) + "\" is not one of " +
                   (quantity == Quantity::cell_count ? "G/L, x10^9/L, /mm3, /µL"
                                                     : "g/L, g/dL, mg/dL, mg/L"));
      return std::nullopt;
    }
    factor = *to_base;
    if (factor != 1) {
      ColumnNotes& notes = notes_[f];
      if (std::find(notes.converted_units.begin(), notes.converted_units.end(), unit) ==
          notes.converted_units.end())
        notes.converted_units.emplace_back(unit);
      ++notes.converted;
    }
  }
  Measured m;
  if (const std::optional<double> value = parse_number(split.number)) {
    warn_if_thousands(f, split.number, *value);
    m.value = *value * factor;
    return m;
  }
  const std::optional<CensoredNumber> censored = parse_censored_number(split.number);
  if (!censored) {
    bad_cell(f, need, "not_a_number", quoted(text) + " is not a number");
    return std::nullopt;
  }
  const std::string message = censored_value_message(
      split.number, options_.censored_values, factor,
      factor == 1 ? std::string_view() : base_unit(quantity));
  if (options_.censored_values == CensoredValues::set_aside) {
    bad_cell(f, need, "censored_value", message);
    return std::nullopt;
  }
  note("censored_value", message, column_name(f));
  m.below = censored->side == CensoredNumber::Side::below;
  m.above = !m.below;
  const bool halve = m.below && options_.censored_values == CensoredValues::half_limit;
  m.value = censored->limit * factor * (halve ? 0.5 : 1.0);
  return m;
}

std::optional<DateDays> RowReader::read_date_cell(Field f, std::string_view text, Need need,
                                                  bool small_numbers_are_days,
                                                  std::optional<std::int64_t>* day) {
  const DateReading reading = read_date(text, date_order_);
  ColumnNotes& notes = notes_[f];
  if (reading.kind == DateReading::Kind::date) {
    ++notes.dates;
    if (reading.order_matters) ++notes.dates_in_either_order;
    return days_from_civil(reading.date);
  }
  if (reading.kind == DateReading::Kind::impossible) {
    bad_cell(f, need, "impossible_date",
             quoted(text) + " is not a date that exists: check the day and the month");
    return std::nullopt;
  }
  if (const std::optional<double> n = parse_number(text)) {
    if (small_numbers_are_days && *n < kFirstSerialDate) {
      if (*n != std::floor(*n)) {
        bad_cell(f, need, "not_a_whole_number",
                 quoted(text) + " is not a whole number of days from D0");
        return std::nullopt;
      }
      *day = static_cast<std::int64_t>(*n);
      return std::nullopt;
    }
    if (*n >= kFirstSerialDate) {
      if (const std::optional<CivilDate> d = date_from_excel_serial(*n)) {
        ++notes.excel_serials;
        return days_from_civil(*d);
      }
    }
    bad_cell(f, need, "not_a_date",
             quoted(text) + " is a number where a date is due" +
                 (small_numbers_are_days ? "" : "; days from D0 belong in a \"day\" column"));
    return std::nullopt;
  }
  bad_cell(f, need, "not_a_date",
           quoted(text) + " is not a date (dd/mm/yyyy, yyyy-mm-dd or an Excel date)");
  return std::nullopt;
}

std::optional<DateDays> RowReader::date(Field f, Need need) {
  if (!has(f) || is_missing(f)) {
    missing_required(f, need, has(f) ? canonical_[f] : "date");
    return std::nullopt;
  }
  return read_date_cell(f, cell(f), need, false, nullptr);
}

DayOrDate RowReader::day_or_date(Field f, Need need) {
  DayOrDate result;
  if (!has(f) || is_missing(f)) {
    missing_required(f, need, has(f) ? canonical_[f] : "date");
    return result;
  }
  result.date = read_date_cell(f, cell(f), need, true, &result.day);
  return result;
}

DayOrDate RowReader::when(Field date_field, Field day_field, Need need) {
  DayOrDate result;
  const bool date_given = has(date_field) && !is_missing(date_field);
  const bool day_given = has(day_field) && !is_missing(day_field);
  if (date_given) result.date = date(date_field, day_given ? Need::optional : need);
  if (day_given && !result.date) {
    if (const auto d = whole_number(day_field, need, -36500, 36500)) result.day = *d;
  }
  if (!date_given && !day_given && need == Need::required)
    set_aside("missing_value", "the row has no date (or day from D0); fill it in",
              has(date_field) ? column_if_any(date_field) : column_if_any(day_field));
  return result;
}

std::optional<bool> RowReader::flag(Field f, Need need) {
  if (!has(f) || is_missing(f)) return std::nullopt;
  const std::string_view text = cell(f);
  switch (parse_event_code(text)) {
    case EventCode::event: return true;
    case EventCode::censored: return false;
    case EventCode::invalid: break;
  }
  bad_cell(f, need, "not_yes_no", quoted(text) + " is not yes/no (or oui/non, 1/0)");
  return std::nullopt;
}

std::optional<std::string> RowReader::sex(Field f) {
  if (!has(f) || is_missing(f)) return std::nullopt;
  const std::string_view text = cell(f);
  static const char* const kMale[] = {"m", "male", "man", "h", "homme", "masculin", "garcon"};
  static const char* const kFemale[] = {"f", "female", "woman", "femme", "feminin", "fille"};
  const std::string name = normalize_name(text);
  for (const char* m : kMale)
    if (name == m) return std::string("M");
  for (const char* f : kFemale)
    if (name == f) return std::string("F");
  bad_cell(f, Need::optional, "unknown_sex",
           quoted(text) + " is not M/F (male/female, H/F, homme/femme)");
  return std::nullopt;
}

void RowReader::finish_table() {
  for (Field f = 0; f < notes_.size(); ++f) {
    const ColumnNotes& notes = notes_[f];
    const std::string& column = column_name(f);
    if (notes.dates > 0 && notes.dates_in_either_order == notes.dates)
      log_.add({"ambiguous_date_order",
                "every date in column \"" + column + "\" reads as a valid date both day first "
                "and month first; they were read " +
                    (date_order_ == DayMonthOrder::day_first ? "day first (dd/mm/yyyy)"
                                                             : "month first (mm/dd/yyyy)") +
                    ": check, and choose the order if it is wrong",
                table_.file(), std::nullopt, column});
    if (notes.excel_serials > 0)
      log_.add({"excel_serial_dates",
                count_of(notes.excel_serials, "number", "numbers") + " in column \"" + column +
                    "\" read as Excel serial dates (1900 system)",
                table_.file(), std::nullopt, column});
    std::string units;
    for (const std::string& u : notes.converted_units) units += (units.empty() ? "" : ", ") + u;
    if (notes.converted > 0)
      log_.add({"unit_converted",
                count_of(notes.converted, "value", "values") + " in column \"" + column +
                    "\" converted from " + units + " to the analysis unit",
                table_.file(), std::nullopt, column});
  }
}

}  // namespace itp

#include "core/survival/survival_rows.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <numeric>
#include <optional>
#if ITP_PARALLEL
#include <thread>
#endif

#include "core/io/cell_values.hpp"
#include "core/numeric/decimal_format.hpp"
#include "core/survival/event_counts.hpp"
#include "core/survival/landmark.hpp"

namespace itp {
namespace {

bool same_text_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::size_t require_column(const TextTable& table, const std::string& name, const char* role) {
  const std::size_t index = table.column_index(name);
  if (index != TextTable::npos) return index;
  std::string available;
  for (const std::string& h : table.header()) available += (available.empty() ? "" : ", ") + h;
  throw InputError({"unknown_column",
                    std::string("the ") + role + " column \"" + name + "\" is not in " +
                        table.file() + "; its columns are: " + available,
                    table.file(), 1, name});
}

bool same_bytes(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

// Labels of a grouping column, numbered as met, then renumbered in R's factor order: numeric
// order when every label is a number, else byte order (R's sort under LC_COLLATE=C).
class LabelSet {
 public:
  // The index of a label met before.
  std::optional<std::uint32_t> find(std::string_view label) const {
    // A group column has a handful of labels: a scan by hand beats a map and its memcmp calls.
    if (labels_.size() <= kScanLimit) {
      for (std::size_t i = 0; i < labels_.size(); ++i)
        if (same_bytes(label, labels_[i])) return static_cast<std::uint32_t>(i);
    } else if (auto it = index_.find(label); it != index_.end()) {
      return it->second;
    }
    return std::nullopt;
  }

  std::uint32_t index_of(std::string_view label) {
    if (const std::optional<std::uint32_t> known = find(label)) return *known;
    const auto index = static_cast<std::uint32_t>(labels_.size());
    labels_.emplace_back(label);
    index_.emplace(std::string(label), index);
    return index;
  }

  const std::vector<std::string>& labels() const { return labels_; }  // in order of first use

  // Sorts the labels; returns old index -> new index.
  std::vector<std::uint32_t> sort(std::vector<std::string>& sorted_labels) const {
    std::vector<std::uint32_t> order(labels_.size());
    std::iota(order.begin(), order.end(), 0);
    bool all_numbers = true;
    std::vector<double> values(labels_.size());
    for (std::size_t i = 0; i < labels_.size(); ++i) {
      auto v = parse_number(labels_[i]);
      all_numbers = all_numbers && v.has_value();
      values[i] = v.value_or(0);
    }
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
      if (all_numbers && values[a] != values[b]) return values[a] < values[b];
      return labels_[a] < labels_[b];
    });
    std::vector<std::uint32_t> new_index(labels_.size());
    sorted_labels.clear();
    for (std::size_t rank = 0; rank < order.size(); ++rank) {
      new_index[order[rank]] = static_cast<std::uint32_t>(rank);
      sorted_labels.push_back(labels_[order[rank]]);
    }
    return new_index;
  }

 private:
  static constexpr std::size_t kScanLimit = 8;
  std::vector<std::string> labels_;
  std::map<std::string, std::uint32_t, std::less<>> index_;
};

// Event cells as read, before the column's coding is known (R's Surv: 2 = event, 1 = censored
// when the largest number in the column is 2). Numbers and words are kept apart: the words
// (yes/no, true/false, oui/non) mean the same under either coding.
constexpr std::uint8_t kNumberZero = 0;   // also the final "censored"
constexpr std::uint8_t kNumberOne = 1;    // also the final "event"
constexpr std::uint8_t kNumberTwo = 2;
constexpr std::uint8_t kWordEvent = 3;
constexpr std::uint8_t kWordCensored = 4;
constexpr std::uint8_t kUnreadable = 255;

std::uint8_t read_event(std::string_view cell, const SurvivalRequest& request) {
  if (!request.event_values.empty()) {
    const std::string_view value = trim_whitespace(cell);
    for (const std::string& e : request.event_values)
      if (same_text_ignoring_case(value, trim_whitespace(e))) return kNumberOne;
    for (const std::string& c : request.censor_values)
      if (same_text_ignoring_case(value, trim_whitespace(c))) return kNumberZero;
    return kUnreadable;
  }
  if (cell.size() == 1 && (cell[0] == '0' || cell[0] == '1'))  // almost every cell
    return cell[0] == '1' ? kNumberOne : kNumberZero;
  if (const std::optional<double> number = parse_number(cell)) {
    if (*number == 0) return kNumberZero;
    if (*number == 1) return kNumberOne;
    if (*number == 2) return kNumberTwo;
    return kUnreadable;
  }
  switch (parse_event_code(cell)) {
    case EventCode::event: return kWordEvent;
    case EventCode::censored: return kWordCensored;
    case EventCode::invalid: break;
  }
  return kUnreadable;
}

// What an event cell says about the column's coding, whatever else the row holds: R's Surv
// takes the largest number of the whole column, rows with a missing time or group included.
struct CodingEvidence {
  bool two = false;           // some cell is the number 2
  bool above_two = false;     // some cell is a number above 2
  bool zero_in_used = false;  // some row otherwise used says 0
  void note_number_of(std::string_view cell, const SurvivalRequest& request) {
    if (!request.event_values.empty()) return;
    if (const std::optional<double> number = parse_number(cell)) {
      two = two || *number == 2;
      above_two = above_two || *number > 2;
    }
  }
};

constexpr const char* kMissingStratumMessage =
    "no stratum in this row: it stays in the curves but is left out of the test";

Problem cell_problem(const TextTable& table, std::size_t record, const std::string& column,
                     std::string code, std::string message) {
  return {std::move(code), std::move(message), table.file(), TextTable::spreadsheet_row(record),
          column};
}

// The request's columns in the table, and where each sits among the cells read.
struct RequestColumns {
  std::vector<std::size_t> indexes;  // time, event, then group and strata when asked
  bool has_group = false;
  bool has_strata = false;
  std::size_t group_cell = 2;
  std::size_t strata_cell = 2;
};

// What reading one range of records gave. Its rows are written into the shared vectors from
// `first_row` on, with time ids and labels numbered within the range.
struct RangeResult {
  std::size_t first_row = 0;
  std::size_t rows = 0;
  TimeIndex times;
  LabelSet groups, strata;
  ProblemLog log;
  std::map<std::string, std::size_t> excluded;
  std::size_t excluded_from_test = 0;
  std::vector<std::size_t> records_coded_two;  // rows kept whose event cell says 2, by record
  // Rows with a missing group whose event cell says 2: left out either way, for their group
  // under the 1/2 coding and for their event (the first column that fails) otherwise.
  std::vector<std::size_t> records_two_without_group;
  // Rows kept whose event cell says 2 and whose strata cell is missing: a row of the curves
  // left out of the test under the 1/2 coding, a row left out for its event otherwise.
  std::vector<std::size_t> records_two_without_stratum;
  CodingEvidence coding;
  bool words = false;  // some row kept has its status in words (yes, no...)
  std::exception_ptr failure;
};

void read_range(const TextTable& table, const SurvivalRequest& request,
                const RequestColumns& columns, std::size_t first_record, std::size_t end_record,
                SurvivalRows& rows, RangeResult& range) {
  std::vector<std::string_view> cells;
  std::string scratch;
  auto exclude = [&](std::size_t record, const std::string& column, const char* code,
                     std::string message) {
    ++range.excluded[code];
    range.log.add(cell_problem(table, record, column, code, std::move(message)));
  };
  std::size_t out = range.first_row = first_record;
  std::size_t offset = first_record < end_record ? table.offset_of(first_record) : 0;
  for (std::size_t record = first_record; record < end_record; ++record) {
    offset = table.split_at(offset, columns.indexes, cells, scratch);
    // Parse first, and ask why only when that fails: almost every cell is good, and most are
    // plain decimals, whose digits find their time's id without a conversion.
    const std::string_view time_cell = cells[0];
    const std::optional<PlainDecimal> plain_time = read_plain_decimal(time_cell);
    // Any other form parse_number reads (signs, exponents, grouped thousands...).
    std::optional<double> other_time;
    if (!plain_time) other_time = parse_number(time_cell);
    if (!plain_time && !other_time) {
      range.coding.note_number_of(cells[1], request);
      if (is_missing_marker(time_cell))
        exclude(record, request.time_column, "missing_time",
                "no time in this row, so it is left out of the analysis");
      else
        exclude(record, request.time_column, "invalid_time",
                "\"" + std::string(trim_whitespace(time_cell)) +
                    "\" is not a number of days, weeks or months; this row is left out");
      continue;
    }
    if (other_time && *other_time < 0)
      throw InputError(cell_problem(
          table, record, request.time_column, "negative_time",
          "the time " + std::string(trim_whitespace(time_cell)) +
              " is negative: a survival time cannot be. Two dates may have been swapped; "
              "correct this row and load the file again"));
    const std::string_view event_cell = cells[1];
    const std::uint8_t code = read_event(event_cell, request);
    if (code == kUnreadable) {
      range.coding.note_number_of(event_cell, request);
      if (is_missing_marker(event_cell))
        exclude(record, request.event_column, "missing_event",
                "no event status in this row, so it is left out of the analysis");
      else
        exclude(record, request.event_column, "invalid_event",
                "\"" + std::string(trim_whitespace(event_cell)) +
                    "\" is not an event status (1/0, yes/no, true/false, oui/non); this row is "
                    "left out");
      continue;
    }
    std::uint32_t group = 0;
    if (columns.has_group) {
      const std::string_view label = trim_whitespace(cells[columns.group_cell]);
      // A label met before is no missing marker (those never join the set): most rows stop here.
      const std::optional<std::uint32_t> known = range.groups.find(label);
      if (!known && is_missing_marker(label)) {
        if (code == kNumberTwo) {  // which column fails first depends on the coding
          range.coding.two = true;
          range.records_two_without_group.push_back(record);
          continue;
        }
        exclude(record, *request.group_column, "missing_group",
                "no group in this row, so it is left out of the curves and the test");
        continue;
      }
      group = known ? *known : range.groups.index_of(label);
    }
    if (columns.has_strata) {
      const std::string_view label = trim_whitespace(cells[columns.strata_cell]);
      const std::optional<std::uint32_t> known = range.strata.find(label);
      const bool missing = !known && is_missing_marker(label);
      if (missing && code == kNumberTwo) {
        range.records_two_without_stratum.push_back(record);
        rows.stratum[out] = kNoCurve;
      } else if (missing) {
        ++range.excluded_from_test;
        range.log.add(cell_problem(table, record, *request.strata_column, "missing_strata",
                                   kMissingStratumMessage));
        rows.stratum[out] = kNoCurve;
      } else {
        rows.stratum[out] = known ? *known : range.strata.index_of(label);
      }
    }
    if (code == kNumberTwo) {
      range.coding.two = true;
      range.records_coded_two.push_back(record);
    } else if (code == kNumberZero) {
      range.coding.zero_in_used = true;
    } else if (code >= kWordEvent) {
      range.words = true;
    }
    rows.time_id[out] =
        plain_time ? range.times.id_of(*plain_time) : range.times.id_of(*other_time);
    rows.event[out] = code;
    if (columns.has_group) rows.group[out] = group;
    ++out;
  }
  range.rows = out - range.first_row;
}

// How many ranges to read at once: natively one per core for big tables; in the browser's
// worker, one.
std::size_t range_count(std::size_t records) {
#if ITP_PARALLEL
  constexpr std::size_t kRecordsPerRange = 200000;
  const std::size_t cores = std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
  return std::max<std::size_t>(1, std::min(cores, records / kRecordsPerRange));
#else
  (void)records;
  return 1;
#endif
}

// Runs read_range over consecutive ranges, the first on this thread, the others on their own.
std::vector<RangeResult> read_ranges(const TextTable& table, const SurvivalRequest& request,
                                     const RequestColumns& columns, SurvivalRows& rows) {
  const std::size_t records = table.record_count();
  std::vector<RangeResult> ranges(range_count(records));
  auto run = [&](std::size_t r) {
    try {
      read_range(table, request, columns, records * r / ranges.size(),
                 records * (r + 1) / ranges.size(), rows, ranges[r]);
    } catch (...) {
      ranges[r].failure = std::current_exception();
    }
  };
#if ITP_PARALLEL
  std::vector<std::thread> threads;
  for (std::size_t r = 1; r < ranges.size(); ++r) threads.emplace_back(run, r);
  run(0);
  for (std::thread& t : threads) t.join();
#else
  run(0);
#endif
  for (RangeResult& range : ranges)  // the first failure in record order, as one pass would
    if (range.failure) std::rethrow_exception(range.failure);
  return ranges;
}

// Numbers the rows' labels in R's factor order. After rows were removed, a label only they
// had names no curve nor stratum: it is forgotten first, so it cannot change the order either
// (numeric order needs every label to be a number).
void number_labels(LabelSet& set, bool rows_removed, std::vector<std::uint32_t>& of_row,
                   std::vector<std::string>& names) {
  if (rows_removed) {
    LabelSet used;
    std::vector<std::uint32_t> new_index(set.labels().size(), kNoCurve);
    for (std::uint32_t& i : of_row) {
      if (i == kNoCurve) continue;
      if (new_index[i] == kNoCurve) new_index[i] = used.index_of(set.labels()[i]);
      i = new_index[i];
    }
    set = std::move(used);
  }
  const std::vector<std::uint32_t> renumber = set.sort(names);
  for (std::uint32_t& i : of_row)
    if (i != kNoCurve) i = renumber[i];
}

}  // namespace

SurvivalRows read_survival_rows(const TextTable& table, const SurvivalRequest& request,
                                ProblemLog& log) {
  RequestColumns columns;
  columns.indexes = {require_column(table, request.time_column, "time"),
                     require_column(table, request.event_column, "event")};
  columns.has_group = request.group_column.has_value();
  columns.has_strata = request.strata_column.has_value();
  if (columns.has_group)
    columns.indexes.push_back(require_column(table, *request.group_column, "group"));
  if (columns.has_strata)
    columns.indexes.push_back(require_column(table, *request.strata_column, "strata"));
  columns.strata_cell = columns.has_group ? 3 : 2;
  const bool has_group = columns.has_group, has_strata = columns.has_strata;

  SurvivalRows rows;
  rows.rows_read = table.record_count();
  rows.time_id.resize(rows.rows_read);
  rows.event.resize(rows.rows_read);
  if (has_group) rows.group.resize(rows.rows_read);
  if (has_strata) rows.stratum.resize(rows.rows_read);
  std::vector<RangeResult> ranges = read_ranges(table, request, columns, rows);

  // Join the ranges as one pass would have left them: ids and labels numbered in order of first
  // appearance, rows side by side, warnings in record order.
  TimeIndex times = std::move(ranges[0].times);
  LabelSet groups = std::move(ranges[0].groups), strata = std::move(ranges[0].strata);
  std::vector<std::size_t> record_of_row;  // rows kept whose event cell says 2, by record
  std::vector<std::size_t> two_without_group, two_without_stratum;
  CodingEvidence coding;
  bool words = false;
  std::size_t kept = 0;
  for (std::size_t r = 0; r < ranges.size(); ++r) {
    RangeResult& range = ranges[r];
    if (r > 0) {
      std::vector<std::uint32_t> time_map, group_map, strata_map;
      for (double t : range.times.times()) time_map.push_back(times.id_of(t));
      for (const std::string& label : range.groups.labels()) group_map.push_back(groups.index_of(label));
      for (const std::string& label : range.strata.labels()) strata_map.push_back(strata.index_of(label));
      for (std::size_t i = 0; i < range.rows; ++i) {
        const std::size_t from = range.first_row + i, to = kept + i;
        rows.time_id[to] = time_map[rows.time_id[from]];
        rows.event[to] = rows.event[from];
        if (has_group) rows.group[to] = group_map[rows.group[from]];
        if (has_strata)
          rows.stratum[to] = rows.stratum[from] == kNoCurve ? kNoCurve : strata_map[rows.stratum[from]];
      }
    }
    kept += range.rows;
    log.absorb(range.log);
    for (const auto& [reason, count] : range.excluded) rows.excluded[reason] += count;
    rows.excluded_from_test += range.excluded_from_test;
    record_of_row.insert(record_of_row.end(), range.records_coded_two.begin(),
                         range.records_coded_two.end());
    two_without_group.insert(two_without_group.end(), range.records_two_without_group.begin(),
                             range.records_two_without_group.end());
    two_without_stratum.insert(two_without_stratum.end(),
                               range.records_two_without_stratum.begin(),
                               range.records_two_without_stratum.end());
    coding.two = coding.two || range.coding.two;
    coding.above_two = coding.above_two || range.coding.above_two;
    coding.zero_in_used = coding.zero_in_used || range.coding.zero_in_used;
    words = words || range.words;
  }
  rows.time_id.resize(kept);
  rows.event.resize(kept);
  if (has_group) rows.group.resize(kept);
  if (has_strata) rows.stratum.resize(kept);
  auto exclude = [&](std::size_t record, const std::string& column, const char* code,
                     std::string message) {
    ++rows.excluded[code];
    log.add(cell_problem(table, record, column, code, std::move(message)));
  };

  // The event column is read as R's Surv reads it: when its largest number is 2 (rows left out
  // for their time or group included), 2 = event and 1 = censored, else 1 = event and
  // 0 = censored; any other number is not a status. One departure: where a row otherwise used
  // says 0, R would drop it (and so every censored patient of a 0/1/2 column); here 0 and 1
  // keep their meaning and the 2s are left out (docs/decisions.md, "Event coded 1/2").
  // Words (yes/no, true/false, oui/non) mean what they say under either coding.
  const bool coded_1_2 = coding.two && !coding.above_two && !coding.zero_in_used;
  bool rows_removed = false;
  if (coded_1_2) {
    log.add({"event_coded_1_2",
             "the event column \"" + request.event_column +
                 "\" codes its status as 1 and 2 (its largest number is 2): read as 2 = event, "
                 "1 = censored, as R's Surv() does",
             table.file(), std::nullopt, request.event_column});
    for (std::uint8_t& e : rows.event)
      e = e == kNumberTwo || e == kWordEvent ? 1 : 0;
    for (std::size_t record : two_without_group)
      exclude(record, *request.group_column, "missing_group",
              "no group in this row, so it is left out of the curves and the test");
    rows.excluded_from_test += two_without_stratum.size();
    for (std::size_t record : two_without_stratum)
      log.add(cell_problem(table, record, *request.strata_column, "missing_strata",
                           kMissingStratumMessage));
  } else {
    const std::string why_not_two =
        coding.above_two
            ? "\"2\" is not an event status where the column holds numbers above 2 (read as "
              "1 = event, 0 = censored, as R's Surv() does); this row is left out"
            : "\"2\" is not an event status where the column also uses 0 and 1; this row is "
              "left out";
    for (std::size_t record : two_without_group)
      exclude(record, request.event_column, "invalid_event", why_not_two);
    if (words)
      for (std::uint8_t& e : rows.event)
        if (e >= kWordEvent) e = e == kWordEvent ? 1 : 0;
    if (!record_of_row.empty()) {
      std::size_t kept = 0, next_two = 0;
      for (std::size_t i = 0; i < rows.event.size(); ++i) {
        if (rows.event[i] == kNumberTwo) {
          exclude(record_of_row[next_two++], request.event_column, "invalid_event", why_not_two);
          continue;
        }
        rows.time_id[kept] = rows.time_id[i];
        if (has_group) rows.group[kept] = rows.group[i];
        if (has_strata) rows.stratum[kept] = rows.stratum[i];
        rows.event[kept++] = rows.event[i];
      }
      rows.time_id.resize(kept);
      if (has_group) rows.group.resize(kept);
      if (has_strata) rows.stratum.resize(kept);
      rows.event.resize(kept);
      // A time only those rows had is no time of the analysis: it must not take part in the
      // tie rule (aeqSurv sees the complete rows only).
      constexpr std::uint32_t kUnused = UINT32_MAX;
      std::vector<std::uint32_t> new_id(times.times().size(), kUnused);
      std::vector<double> used_times;
      for (std::uint32_t& id : rows.time_id) {
        if (new_id[id] == kUnused) {
          new_id[id] = static_cast<std::uint32_t>(used_times.size());
          used_times.push_back(times.times()[id]);
        }
        id = new_id[id];
      }
      rows_removed = true;
      rows.distinct_times = std::move(used_times);
    }
  }

  if (!rows_removed) rows.distinct_times = times.take_times();
  if (request.landmark) {
    const std::size_t before = keep_rows_after_landmark(rows, *request.landmark);
    rows.excluded["before_landmark"] += before;
    rows_removed = rows_removed || before > 0;
    if (before > 0)
      log.add({"before_landmark",
               std::to_string(before) + " row(s) ended (event or censoring) at or before the "
                   "landmark " + decimal_text(*request.landmark) + " and are left out; the "
                   "others are analysed on time since the landmark",
               table.file(), std::nullopt, request.time_column});
  }
  if (has_group) number_labels(groups, rows_removed, rows.group, rows.group_names);
  else rows.group_names = {"all"};
  if (has_strata) number_labels(strata, rows_removed, rows.stratum, rows.strata_names);
  return rows;
}

}  // namespace itp

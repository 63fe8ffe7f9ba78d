#include "core/api/survival_rows.hpp"

#include <algorithm>
#include <cctype>
#include <exception>
#include <numeric>
#if ITP_PARALLEL
#include <thread>
#endif

#include "core/io/cell_values.hpp"
#include "core/survival/event_counts.hpp"

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
  std::uint32_t index_of(std::string_view label) {
    // A group column has a handful of labels: a scan by hand beats a map and its memcmp calls.
    if (labels_.size() <= kScanLimit) {
      for (std::size_t i = 0; i < labels_.size(); ++i)
        if (same_bytes(label, labels_[i])) return static_cast<std::uint32_t>(i);
    } else if (auto it = index_.find(label); it != index_.end()) {
      return it->second;
    }
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

// Event cells: 1 event, 0 censored, 2 the number 2 (resolved once the whole column is seen),
// -1 unreadable.
constexpr std::uint8_t kCodedTwo = 2;
constexpr std::uint8_t kUnreadable = 255;

std::uint8_t read_event(std::string_view cell, const SurvivalRequest& request) {
  if (!request.event_values.empty()) {
    const std::string_view value = trim_whitespace(cell);
    for (const std::string& e : request.event_values)
      if (same_text_ignoring_case(value, trim_whitespace(e))) return 1;
    for (const std::string& c : request.censor_values)
      if (same_text_ignoring_case(value, trim_whitespace(c))) return 0;
    return kUnreadable;
  }
  switch (parse_event_code(cell)) {
    case EventCode::event: return 1;
    case EventCode::censored: return 0;
    case EventCode::invalid: break;
  }
  auto number = parse_number(cell);
  return number && *number == 2 ? kCodedTwo : kUnreadable;
}

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
  std::vector<std::size_t> records_coded_two;  // rows whose event cell says 2, by record
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
    // Parse first, and ask why only when that fails: almost every cell is good.
    const std::string_view time_cell = cells[0];
    const std::optional<double> time = parse_number(time_cell);
    if (!time) {
      if (is_missing_marker(time_cell))
        exclude(record, request.time_column, "missing_time",
                "no time in this row, so it is left out of the analysis");
      else
        exclude(record, request.time_column, "invalid_time",
                "\"" + std::string(trim_whitespace(time_cell)) +
                    "\" is not a number of days, weeks or months; this row is left out");
      continue;
    }
    if (*time < 0)
      throw InputError(cell_problem(
          table, record, request.time_column, "negative_time",
          "the time " + std::string(trim_whitespace(time_cell)) +
              " is negative: a survival time cannot be. Two dates may have been swapped; "
              "correct this row and load the file again"));
    const std::string_view event_cell = cells[1];
    const std::uint8_t code = read_event(event_cell, request);
    if (code == kUnreadable) {
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
      if (is_missing_marker(label)) {
        exclude(record, *request.group_column, "missing_group",
                "no group in this row, so it is left out of the curves and the test");
        continue;
      }
      group = range.groups.index_of(label);
    }
    if (columns.has_strata) {
      const std::string_view label = trim_whitespace(cells[columns.strata_cell]);
      if (is_missing_marker(label)) {
        ++range.excluded_from_test;
        range.log.add(cell_problem(table, record, *request.strata_column, "missing_strata",
                                   "no stratum in this row: it stays in the curves but is left "
                                   "out of the test"));
        rows.stratum[out] = kNoCurve;
      } else {
        rows.stratum[out] = range.strata.index_of(label);
      }
    }
    if (code == kCodedTwo) range.records_coded_two.push_back(record);
    rows.time_id[out] = range.times.id_of(*time);
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
  std::vector<std::size_t> record_of_row;  // rows whose event cell says 2, by record
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

  // An event column of 1s and 2s only is read as R's Surv reads it: 2 = event, 1 = censored.
  // Where 0 also occurs, a 2 is an unreadable status.
  const bool any_two = !record_of_row.empty();
  const bool any_zero = std::find(rows.event.begin(), rows.event.end(), 0) != rows.event.end();
  if (any_two && !any_zero) {
    log.add({"event_coded_1_2",
             "the event column \"" + request.event_column +
                 "\" holds only 1 and 2: read as 2 = event, 1 = censored, as R's Surv() does",
             table.file(), std::nullopt, request.event_column});
    for (std::uint8_t& e : rows.event) e = e == kCodedTwo ? 1 : 0;
  } else if (any_two) {
    std::size_t kept = 0, next_two = 0;
    for (std::size_t i = 0; i < rows.event.size(); ++i) {
      if (rows.event[i] == kCodedTwo) {
        exclude(record_of_row[next_two++], request.event_column, "invalid_event",
                "\"2\" is not an event status where the column also uses 0 and 1; this row is "
                "left out");
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
  }

  rows.distinct_times = times.take_times();
  if (has_group) {
    const std::vector<std::uint32_t> renumber = groups.sort(rows.group_names);
    for (std::uint32_t& g : rows.group) g = renumber[g];
  } else {
    rows.group_names = {"all"};
  }
  if (has_strata) {
    const std::vector<std::uint32_t> renumber = strata.sort(rows.strata_names);
    for (std::uint32_t& s : rows.stratum)
      if (s != kNoCurve) s = renumber[s];
  }
  return rows;
}

}  // namespace itp

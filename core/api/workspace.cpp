#include "core/api/workspace.hpp"

#include <exception>
#include <optional>

#include "core/report/cohort_import_report.hpp"
#include "core/api/cohort_import_request.hpp"
#include "core/api/describe_table.hpp"
#include "core/api/error_boundary.hpp"
#include "core/api/cohort_request.hpp"
#include "core/report/cohort_report.hpp"
#include "core/cohort/cohort_import.hpp"
#include "core/response/classify_response.hpp"
#include "core/response/presets.hpp"
#include "core/json/json_output.hpp"
#include "core/json/json_writer.hpp"
#include "core/report/survival_report.hpp"
#include "core/api/parse_survival_request.hpp"
#include "core/api/parse_cif_request.hpp"
#include "core/report/cif_report.hpp"
#include "core/api/parse_cox_request.hpp"
#include "core/report/cox_report.hpp"
#include "core/survival/cox_rows.hpp"
#include "core/survival/competing_rows.hpp"
#include "core/survival/survival_rows.hpp"
#include "core/io/cell_rows.hpp"
#include "core/io/problem_log.hpp"

namespace itp {
namespace {

Problem plain_problem(std::string code, std::string message) {
  return {std::move(code), std::move(message), "", std::nullopt, std::nullopt};
}

Json parse_request(std::string_view request_json) {
  Json request = Json::parse(request_json, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded())
    throw InputError(plain_problem("invalid_json", "the request is not valid JSON"));
  if (!request.is_object() || !request.contains("type") || !request["type"].is_string())
    throw InputError(plain_problem(
        "bad_request", "a request is a JSON object with a \"type\" (for example \"survival\")"));
  return request;
}

std::string text_field(const Json& request, const char* field) {
  if (!request.contains(field) || !request[field].is_string() ||
      request[field].get<std::string>().empty())
    throw InputError(plain_problem("bad_request", std::string("the request needs \"") + field +
                                                      "\" (a non-empty text)"));
  return request[field].get<std::string>();
}

// Runs `handler`; every exception becomes the error answer it returns (error_boundary.hpp).
// No value: the handler succeeded.
template <typename Handler>
std::optional<std::string> failure_of(Handler handler) {
  try {
    handler();
    return std::nullopt;
  } catch (...) {
    return error_answer_for_current_exception();
  }
}

Json table_summary(const TextTable& table) {
  Json j;
  j["name"] = table.name();
  j["file"] = table.file();
  j["rows"] = table.record_count();
  j["columns"] = table.header();
  j["delimiter"] = std::string(1, table.delimiter());
  return j;
}

}  // namespace

// The handlers need the workspace's tables; this class is their one friend.
class RequestDispatch {
 public:
  static void survival(Workspace& ws, const Json& json, JsonWriter& out) {
    const SurvivalRequest request = parse_survival_request(json);
    const TextTable& table = find_table(ws, request.table);
    ProblemLog log;
    for (const Problem& p : table.warnings()) log.add(p);
    if (request.times_reordered)
      log.add({"times_reordered",
               "the chosen times were sorted and repeats removed: each is summarised over the "
               "interval since the one before",
               "", std::nullopt, std::nullopt});
    const SurvivalRows rows = read_survival_rows(table, request, log);
    out.begin_object().key("ok").value(true).key("survival");
    write_survival_report(out, rows, request, log);
    out.key("warnings").raw(serialize(problems_to_json(log.problems())));
    out.end_object();
  }

  // Competing risks: cumulative incidence per group and cause, Gray's test (cmprsk::cuminc).
  static void cif(Workspace& ws, const Json& json, JsonWriter& out) {
    const CifRequest request = parse_cif_request(json);
    const TextTable& table = find_table(ws, request.table);
    ProblemLog log;
    for (const Problem& p : table.warnings()) log.add(p);
    if (request.times_reordered)
      log.add({"times_reordered", "the chosen times were sorted and repeats removed", "",
               std::nullopt, std::nullopt});
    const CompetingRows rows = read_competing_rows(table, request, log);
    out.begin_object().key("ok").value(true).key("cif");
    write_cif_report(out, rows, request, log);
    out.key("warnings").raw(serialize(problems_to_json(log.problems())));
    out.end_object();
  }

  // A Cox proportional hazards model as summary(coxph(...)).
  static void cox(Workspace& ws, const Json& json, JsonWriter& out) {
    const CoxRequest request = parse_cox_request(json);
    const TextTable& table = find_table(ws, request.table);
    ProblemLog log;
    for (const Problem& p : table.warnings()) log.add(p);
    const CoxRows rows = read_cox_rows(table, request, log);
    out.begin_object().key("ok").value(true).key("cox");
    write_cox_report(out, rows, request, log);
    out.key("warnings").raw(serialize(problems_to_json(log.problems())));
    out.end_object();
  }

  static void describe(Workspace& ws, const Json& json, JsonWriter& out) {
    const TextTable& table = find_table(ws, text_field(json, "table"));
    ProblemLog log;
    for (const Problem& p : table.warnings()) log.add(p);
    Json response;
    response["ok"] = true;
    response["table"] = describe_table(table, log);
    response["warnings"] = problems_to_json(log.problems());
    out.raw(serialize(response));
  }

  static void import_cohort(Workspace& ws, const Json& json, JsonWriter& out) {
    const ImportOptions options = parse_import_options(json);
    ProblemLog log;
    const Cohort cohort = itp::import_cohort(cohort_tables(ws, options), options, log);
    out.begin_object().key("ok").value(true).key("cohort");
    write_cohort_import_report(out, cohort, import_options_to_json(options));
    out.key("warnings").raw(serialize(problems_to_json(log.problems())));
    out.end_object();
  }

  // {"type": "cohort", "criteria": "seed-2026" or {...}, import options}: the ITP analysis.
  static void cohort(Workspace& ws, const Json& json, JsonWriter& out) {
    const ResponseCriteria criteria = criteria_of_request(json);
    const ReportOptions report = parse_report_options(json);
    const ImportOptions options = parse_import_options(json);
    ProblemLog log;
    const Cohort cohort = itp::import_cohort(cohort_tables(ws, options), options, log);
    const std::vector<PatientResponse> responses = classify_responses(cohort, criteria);
    out.begin_object().key("ok").value(true);
    out.key("criteria").raw(serialize(criteria_to_json(criteria)));
    out.key("report_options").raw(serialize(report_options_to_json(report)));
    write_cohort_report(out, cohort, responses, criteria, report, log);
    out.key("warnings").raw(serialize(problems_to_json(log.problems())));
    out.end_object();
  }

  // The tables a cohort request names, else every loaded table, in the order given.
  static std::vector<const TextTable*> cohort_tables(const Workspace& ws,
                                                     const ImportOptions& options) {
    std::vector<const TextTable*> tables;
    for (const std::string& name : options.tables) tables.push_back(&find_table(ws, name));
    if (options.tables.empty())
      for (const auto& [name, table] : ws.tables_) tables.push_back(&table);
    return tables;
  }

  static const TextTable& find_table(const Workspace& ws, const std::string& name) {
    auto it = ws.tables_.find(name);
    if (it != ws.tables_.end()) return it->second;
    std::string loaded;
    for (const auto& [n, t] : ws.tables_) loaded += (loaded.empty() ? "" : ", ") + n;
    throw InputError(plain_problem(
        "unknown_table", "no table named \"" + name + "\" is loaded" +
                             (loaded.empty() ? "; load a file first" : " (loaded: " + loaded + ")")));
  }

  static std::string load(Workspace& ws, const Json& json, std::string bytes,
                          const ReadProgress& progress) {
    if (json["type"] != "load_table")
      throw InputError(plain_problem("bad_request", "load_table takes a load_table request"));
    const std::string name = text_field(json, "name");
    const std::string file = json.contains("file") && json["file"].is_string()
                                 ? json["file"].get<std::string>()
                                 : name;
    // "cells": "rows": the bytes are a JSON array of decoded rows (a sheet of a workbook, read by
    // the page), turned into the same table a CSV file makes (core/io/cell_rows.hpp).
    const bool cell_rows = json.contains("cells");
    CellRowsSource source;
    source.file = file;
    std::vector<Problem> cell_warnings;
    TextTable table;
    if (cell_rows) {
      if (json["cells"] != "rows")
        throw InputError(plain_problem("bad_request", "\"cells\" must be \"rows\": the bytes "
                                                      "are then a JSON array of rows of cells"));
      if (json.contains("sheet")) source.sheet = text_field(json, "sheet");
      if (json.contains("date_system")) {
        const Json& d = json["date_system"];
        if (d != 1900 && d != 1904)
          throw InputError(plain_problem("bad_request", "\"date_system\" must be 1900 or 1904"));
        source.date_system = d.get<int>();
      }
      if (json.contains("first_row")) {
        const Json& r = json["first_row"];
        if (!r.is_number_unsigned() || r.get<std::size_t>() < 1 || r.get<std::size_t>() > 1048576)
          throw InputError(plain_problem(
              "bad_request", "\"first_row\" must be a sheet row number, 1 to 1048576"));
        source.first_row = r.get<std::size_t>();
      }
      CellRowsTable rows = read_cell_rows(name, std::move(bytes), source);
      table = std::move(rows.table);
      cell_warnings = std::move(rows.warnings);
    } else {
      TextReadOptions options;
      options.progress = progress;
      if (json.contains("delimiter") && json["delimiter"].is_string()) {
        const std::string d = json["delimiter"].get<std::string>();
        if (d == "tab" || d == "\t") options.delimiter = '\t';
        else if (d == "," || d == ";") options.delimiter = d[0];
        else throw InputError(plain_problem("bad_request", "\"delimiter\" must be \",\", \";\" or \"tab\""));
      }
      table = read_text_table(name, file, std::move(bytes), options);
    }
    Json response;
    response["ok"] = true;
    response["table"] = table_summary(table);
    if (!source.sheet.empty()) response["table"]["sheet"] = source.sheet;
    std::vector<Problem> warnings = table.warnings();
    warnings.insert(warnings.end(), cell_warnings.begin(), cell_warnings.end());
    response["warnings"] = problems_to_json(warnings);
    ws.tables_.insert_or_assign(name, std::move(table));
    return serialize(response);
  }
};

void Workspace::dispatch(std::string_view request_json, JsonWriter& out) {
  const Json request = parse_request(request_json);
  const std::string type = request["type"].get<std::string>();
  if (type == "version") {
    Json response;
    response["ok"] = true;
    response["version"] = ITP_VERSION;
    response["reference"] = "R survival 3.x (survfit, summary.survfit, survdiff)";
    out.raw(serialize(response));
    return;
  }
  if (type == "survival") return RequestDispatch::survival(*this, request, out);
  if (type == "cif") return RequestDispatch::cif(*this, request, out);
  if (type == "cox") return RequestDispatch::cox(*this, request, out);
  if (type == "describe_table") return RequestDispatch::describe(*this, request, out);
  if (type == "import_cohort") return RequestDispatch::import_cohort(*this, request, out);
  if (type == "cohort") return RequestDispatch::cohort(*this, request, out);
  if (type == "presets") {
    Json response;
    response["ok"] = true;
    response["presets"] = presets_json();
    out.raw(serialize(response));
    return;
  }
  if (type == "load_table")
    throw InputError(plain_problem("bad_request",
                                   "load_table carries the file's bytes: call load_table, not run"));
  throw InputError(plain_problem(
      "unknown_request_type",
      "unknown request type \"" + type + "\"; known: version, load_table, "
                          "describe_table, survival, cif, cox, import_cohort, cohort, presets"));
}

std::string Workspace::run(std::string_view request_json) {
  JsonWriter out;
  if (std::optional<std::string> failure = failure_of([&] { dispatch(request_json, out); }))
    return *failure;
  return out.take();
}

bool Workspace::run(std::string_view request_json,
                    const std::function<void(std::string_view)>& sink) {
  JsonWriter out(sink);
  const std::optional<std::string> failure = failure_of([&] { dispatch(request_json, out); });
  if (failure && out.has_flushed()) return false;
  sink(failure ? *failure : out.take());
  return true;
}

std::string Workspace::load_table(std::string_view request_json, std::string bytes,
                                  const ReadProgress& progress) {
  return answer_or_error([&] {
    return RequestDispatch::load(*this, parse_request(request_json), std::move(bytes), progress);
  });
}

namespace {

// "1.5 GB", "812 MB": a size as a file manager shows it (powers of 1024).
std::string size_text(std::uint64_t bytes) {
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  if (mb < 1024) return std::to_string(static_cast<std::uint64_t>(mb + 0.5)) + " MB";
  const auto tenths = static_cast<std::uint64_t>(mb / 1024 * 10 + 0.5);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " GB";
}

}  // namespace

std::string Workspace::check_file_size(std::string_view request_json, std::uint64_t bytes,
                                       std::uint64_t max_bytes) {
  return answer_or_error([&]() -> std::string {
    if (bytes <= max_bytes) return "";
    const Json json = parse_request(request_json);
    const std::string file = json.contains("file") && json["file"].is_string()
                                 ? json["file"].get<std::string>()
                                 : text_field(json, "name");
    throw InputError({"file_too_large",
                      file + " is " + size_text(bytes) + "; this page reads files of at most " +
                          size_text(max_bytes) +
                          ": the memory of its calculator is limited, and it holds the file "
                          "and the rows read from it. Keep only the columns the analysis needs, "
                          "or use the command-line tool (itp-analyze), which has no such limit.",
                      file, std::nullopt, std::nullopt});
  });
}

}  // namespace itp

// itp-analyze: the core's JSON API on the command line, for scripting, for testing the core
// without a browser, and for benchmarks. It prints exactly what the wasm module's run() returns.
//
//   itp-analyze survival --input FILE --time COL --event COL [--group COL] [--strata COL]
//                        [--conf-type log] [--conf-level 0.95] [--times 6,12,24] [--rho 0]
//                        [--rmst-tau T] [--pairwise holm] [--trend | --trend-scores 1,2,4]
//                        [--landmark L]
//   itp-analyze cif --input FILE --time COL --status COL [--group COL] [--strata COL]
//                   [--censor-value 0] [--times 6,12] [--conf-level 0.95]
//   itp-analyze cox --input FILE --time COL --event COL --covariates a,b,c [--strata COL]
//                   [--ties efron|breslow] [--conf-level 0.95]
//   itp-analyze describe --input FILE
//   itp-analyze import --data FILE_OR_FOLDER... [--date-order month_first] [--missing 9999,...]
//                      [--censored at_limit|half_limit|set_aside] [--mapping MAPPING.json]
//   itp-analyze cohort --data FILE_OR_FOLDER... [--criteria seed-2026|iwg-2009|FILE.json] [import options]
//   itp-analyze presets
//   itp-analyze run REQUEST.json [--input FILE]...
//   itp-analyze version
#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/json/json_output.hpp"
#include "core/api/workspace.hpp"

namespace {

constexpr const char* kUsage = R"(usage:
  itp-analyze survival --input FILE --time COL --event COL [--group COL] [--strata COL]
                       [--conf-type log|log-log|plain|logit|arcsin|none] [--conf-level 0.95]
                       [--times 6,12,24] [--risk-times 0,6,12] [--rho 0] [--rmst-tau T]
                       [--pairwise holm|bonferroni|BH|none] [--trend | --trend-scores 1,2,4]
                       [--landmark L]          (rows at risk after L, on time since L)
                       [--event-values dead,2 --censor-values alive,1] [--delimiter ,|;|tab]
  itp-analyze cif --input FILE --time COL --status COL [--group COL] [--strata COL]
                  [--censor-value 0] [--times 6,12,24] [--conf-level 0.95] [--delimiter ,|;|tab]
                  (competing risks: status holds the censor code or a cause; cumulative
                  incidence per group and cause as cmprsk::cuminc, Gray's test)
  itp-analyze cox --input FILE --time COL --event COL --covariates age,arm [--strata COL]
                  [--ties efron|breslow] [--conf-level 0.95]
                  [--event-values dead,2 --censor-values alive,1] [--delimiter ,|;|tab]
                  (Cox proportional hazards model as summary(coxph(...)); text covariates
                  are factors, their first level in sorted order the reference)
  itp-analyze describe --input FILE        (columns, types, canonical names, problems)
  itp-analyze import --data FILE_OR_FOLDER...      (cohort tables: mapping, rows kept, problems)
                     [--date-order day_first|month_first] [--missing 9999,01/01/1900]
                     [--censored at_limit|half_limit|set_aside] [--mapping MAPPING.json]
  itp-analyze cohort --data FILE_OR_FOLDER... [--criteria seed-2026|iwg-2009|durable-6-of-8|FILE.json]
                     [the import options]          (the ITP analysis: classification and report)
  itp-analyze presets                              (the built-in criteria sets)
  itp-analyze run REQUEST.json [--input FILE]...   (each FILE loaded as a table named by its stem)
  itp-analyze version
Prints one JSON document; exit status 0 when "ok" is true, 1 when false, 2 on a usage error.
)";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "itp-analyze: " << message << "\n\n" << kUsage;
  std::exit(2);
}

struct Arguments {
  std::string command;
  std::vector<std::string> positional;
  std::multimap<std::string, std::string> options;

  std::string option(const std::string& name, const std::string& fallback = "") const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
  bool has(const std::string& name) const { return options.count(name) > 0; }
};

Arguments parse_arguments(int argc, char** argv) {
  if (argc < 2) usage_error("no command given");
  Arguments args;
  args.command = argv[1];
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--trend") {  // the one option that is a flag
      args.options.emplace("trend", "");
    } else if (a.rfind("--", 0) == 0) {
      if (i + 1 >= argc) usage_error("option " + a + " needs a value");
      args.options.emplace(a.substr(2), argv[++i]);
    } else {
      args.positional.push_back(a);
    }
  }
  return args;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) usage_error("cannot open " + path);
  std::string bytes;
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size >= 0) {
    bytes.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return bytes;
  }
  // A pipe or a process substitution has no size: read it to its end.
  in.clear();
  std::ostringstream all;
  all << in.rdbuf();
  return all.str();
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string stem(const std::string& path) {
  const std::string base = base_name(path);
  const std::size_t dot = base.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> parts;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) parts.push_back(part);
  return parts;
}

itp::Json number_list(const std::string& option, const std::string& text) {
  itp::Json list = itp::Json::array();
  for (const std::string& part : split_commas(text)) {
    char* end = nullptr;
    const double value = std::strtod(part.c_str(), &end);
    if (part.empty() || *end != '\0') usage_error("--" + option + " takes numbers like 6,12,24");
    list.push_back(value);
  }
  return list;
}

double number_option(const Arguments& args, const std::string& name) {
  const std::string text = args.option(name);
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0') usage_error("--" + name + " takes a number");
  return value;
}

// Every response starts with its "ok" member, so the exit status needs no second parse of what
// may be megabytes of JSON.
bool is_ok(const std::string& response) { return response.rfind(R"({"ok":true)", 0) == 0; }

// Loads one file into the workspace; on failure prints the error response and exits.
void load(itp::Workspace& workspace, const std::string& path, const std::string& delimiter) {
  itp::Json request{{"type", "load_table"}, {"name", stem(path)}, {"file", base_name(path)}};
  if (!delimiter.empty()) request["delimiter"] = delimiter;
  const std::string response = workspace.load_table(request.dump(), read_file(path));
  if (!is_ok(response)) {
    std::cout << response << "\n";
    std::exit(1);
  }
}

int print_response(const std::string& response) {
  std::cout << response << "\n";
  return is_ok(response) ? 0 : 1;
}

// Prints the response as the core writes it, so a large result is never held whole.
int run_and_print(itp::Workspace& workspace, const std::string& request) {
  bool first_piece = true, ok = false;
  const bool whole = workspace.run(request, [&](std::string_view piece) {
    if (first_piece) ok = is_ok(std::string(piece.substr(0, 16)));
    first_piece = false;
    std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
  });
  std::cout << "\n";
  if (!whole) {
    std::cerr << "itp-analyze: the analysis failed part way (out of memory?); the output above "
                 "is incomplete\n";
    return 1;
  }
  return ok ? 0 : 1;
}

// The files a cohort command reads: --data and the words after it, a folder standing for its
// .csv, .tsv and .txt files in name order.
std::vector<std::string> cohort_files(const Arguments& args) {
  std::vector<std::string> given;
  for (auto [it, end] = args.options.equal_range("data"); it != end; ++it) given.push_back(it->second);
  given.insert(given.end(), args.positional.begin(), args.positional.end());
  if (given.empty()) usage_error(args.command + " needs --data FILE_OR_FOLDER...");
  std::vector<std::string> files;
  for (const std::string& path : given) {
    std::error_code error;
    if (!std::filesystem::is_directory(path, error)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> inside;
    for (const auto& entry : std::filesystem::directory_iterator(path, error)) {
      const std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".csv" || extension == ".tsv" || extension == ".txt"))
        inside.push_back(entry.path().string());
    }
    std::sort(inside.begin(), inside.end());
    if (inside.empty()) usage_error("no .csv, .tsv or .txt file in " + path);
    files.insert(files.end(), inside.begin(), inside.end());
  }
  return files;
}

itp::Json import_request(const Arguments& args, const std::vector<std::string>& files,
                         const char* type = "import_cohort") {
  itp::Json request{{"type", type}, {"tables", itp::Json::array()}};
  for (const std::string& file : files) request["tables"].push_back(stem(file));
  if (args.has("date-order")) request["date_order"] = args.option("date-order");
  if (args.has("missing")) request["missing_codes"] = split_commas(args.option("missing"));
  if (args.has("censored")) request["censored_values"] = args.option("censored");
  if (args.has("mapping")) {
    const itp::Json mapping = itp::Json::parse(read_file(args.option("mapping")), nullptr, false);
    if (mapping.is_discarded()) usage_error("--mapping " + args.option("mapping") + " is not JSON");
    request["mapping"] = mapping;
  }
  return request;
}

itp::Json survival_request(const Arguments& args) {
  for (const char* required : {"input", "time", "event"})
    if (!args.has(required)) usage_error(std::string("survival needs --") + required);
  itp::Json request{{"type", "survival"},
                    {"table", stem(args.option("input"))},
                    {"time", args.option("time")},
                    {"event", args.option("event")}};
  if (args.has("group")) request["group"] = args.option("group");
  if (args.has("strata")) request["strata"] = args.option("strata");
  if (args.has("conf-type")) request["conf_type"] = args.option("conf-type");
  if (args.has("conf-level")) request["conf_level"] = number_option(args, "conf-level");
  if (args.has("times")) request["times"] = number_list("times", args.option("times"));
  if (args.has("risk-times")) request["risk_times"] = number_list("risk-times", args.option("risk-times"));
  if (args.has("rho")) request["rho"] = number_option(args, "rho");
  if (args.has("rmst-tau")) request["rmst_tau"] = number_option(args, "rmst-tau");
  if (args.has("pairwise")) request["pairwise"] = args.option("pairwise");
  if (args.has("trend")) request["trend"] = true;
  if (args.has("trend-scores")) request["trend_scores"] = number_list("trend-scores", args.option("trend-scores"));
  if (args.has("landmark")) request["landmark"] = number_option(args, "landmark");
  if (args.has("event-values")) request["event_values"] = split_commas(args.option("event-values"));
  if (args.has("censor-values")) request["censor_values"] = split_commas(args.option("censor-values"));
  return request;
}

itp::Json cif_request(const Arguments& args) {
  for (const char* required : {"input", "time", "status"})
    if (!args.has(required)) usage_error(std::string("cif needs --") + required);
  itp::Json request{{"type", "cif"},
                    {"table", stem(args.option("input"))},
                    {"time", args.option("time")},
                    {"status", args.option("status")}};
  if (args.has("group")) request["group"] = args.option("group");
  if (args.has("strata")) request["strata"] = args.option("strata");
  if (args.has("censor-value")) request["censor_value"] = args.option("censor-value");
  if (args.has("times")) request["times"] = number_list("times", args.option("times"));
  if (args.has("conf-level")) request["conf_level"] = number_option(args, "conf-level");
  return request;
}

itp::Json cox_request(const Arguments& args) {
  for (const char* required : {"input", "time", "event", "covariates"})
    if (!args.has(required)) usage_error(std::string("cox needs --") + required);
  itp::Json request{{"type", "cox"},
                    {"table", stem(args.option("input"))},
                    {"time", args.option("time")},
                    {"event", args.option("event")},
                    {"covariates", split_commas(args.option("covariates"))}};
  if (args.has("strata")) request["strata"] = args.option("strata");
  if (args.has("ties")) request["ties"] = args.option("ties");
  if (args.has("conf-level")) request["conf_level"] = number_option(args, "conf-level");
  if (args.has("event-values"))
    request["event_values"] = split_commas(args.option("event-values"));
  if (args.has("censor-values"))
    request["censor_values"] = split_commas(args.option("censor-values"));
  return request;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef M_MMAP_THRESHOLD
  // Large buffers (a table's text, a curve's columns) each get their own mapping, returned to
  // the system when freed: glibc would otherwise raise this threshold after the first free and
  // keep freed buffers, so the peak memory of a big analysis would grow by their sizes.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
#endif
  const Arguments args = parse_arguments(argc, argv);
  itp::Workspace workspace;

  if (args.command == "version") return print_response(workspace.run(R"({"type":"version"})"));

  if (args.command == "survival") {
    const itp::Json request = survival_request(args);
    load(workspace, args.option("input"), args.option("delimiter"));
    return run_and_print(workspace, request.dump());
  }

  if (args.command == "cif") {
    const itp::Json request = cif_request(args);
    load(workspace, args.option("input"), args.option("delimiter"));
    return run_and_print(workspace, request.dump());
  }

  if (args.command == "cox") {
    const itp::Json request = cox_request(args);
    load(workspace, args.option("input"), args.option("delimiter"));
    return run_and_print(workspace, request.dump());
  }

  if (args.command == "describe") {
    if (!args.has("input")) usage_error("describe needs --input FILE");
    load(workspace, args.option("input"), args.option("delimiter"));
    const itp::Json request{{"type", "describe_table"}, {"table", stem(args.option("input"))}};
    return run_and_print(workspace, request.dump());
  }

  if (args.command == "import") {
    const std::vector<std::string> files = cohort_files(args);
    for (const std::string& file : files) load(workspace, file, args.option("delimiter"));
    return run_and_print(workspace, import_request(args, files).dump());
  }

  if (args.command == "cohort") {
    const std::vector<std::string> files = cohort_files(args);
    itp::Json request = import_request(args, files, "cohort");
    const std::string criteria = args.option("criteria", "seed-2026");
    const bool is_file = criteria.size() > 5 && criteria.compare(criteria.size() - 5, 5, ".json") == 0;
    if (is_file) {
      request["criteria"] = itp::Json::parse(read_file(criteria), nullptr, false);
      if (request["criteria"].is_discarded()) usage_error("--criteria " + criteria + " is not JSON");
    } else {
      request["criteria"] = criteria;
    }
    for (const std::string& file : files) load(workspace, file, args.option("delimiter"));
    return run_and_print(workspace, request.dump());
  }

  if (args.command == "presets") return print_response(workspace.run(R"({"type":"presets"})"));

  if (args.command == "run") {
    if (args.positional.size() != 1) usage_error("run takes one REQUEST.json file");
    for (auto [it, end] = args.options.equal_range("input"); it != end; ++it)
      load(workspace, it->second, args.option("delimiter"));
    return run_and_print(workspace, read_file(args.positional[0]));
  }

  if (args.command == "--help" || args.command == "help") {
    std::cout << kUsage;
    return 0;
  }
  usage_error("unknown command \"" + args.command + "\"");
}

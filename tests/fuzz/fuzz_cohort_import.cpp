// libFuzzer harness for the cohort import and the ITP analysis. The input is a request's
// options as JSON on its first line (import options, "criteria", "report"), then up to seven tables separated by the byte 0x1E (ASCII record separator),
// loaded as patients, platelets, infusions, treatments, adverse_events, labs and a "sheet"
// whose role must come from its columns. Every response must be a JSON object with "ok"; a
// crash, a sanitizer report or anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/api/workspace.hpp"

namespace {

nlohmann::json require_response(const std::string& response) {
  auto parsed = nlohmann::json::parse(response, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("ok")) std::abort();
  return parsed;
}

constexpr const char* kNames[] = {"patients", "platelets", "infusions", "treatments",
                                  "adverse_events", "labs", "sheet"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  nlohmann::json request =
      nlohmann::json::parse(input.substr(0, newline), nullptr, /*allow_exceptions=*/false);
  if (!request.is_object()) request = nlohmann::json::object();
  request["type"] = "import_cohort";

  itp::Workspace ws;
  std::string_view rest = newline == std::string_view::npos ? "" : input.substr(newline + 1);
  for (const char* name : kNames) {
    const std::size_t end = rest.find('\x1e');
    const nlohmann::json load = {{"type", "load_table"}, {"name", name}, {"file", name}};
    require_response(ws.load_table(load.dump(), std::string(rest.substr(0, end))));
    if (end == std::string_view::npos) break;
    rest.remove_prefix(end + 1);
  }
  const auto dump = [](const nlohmann::json& j) {
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  require_response(ws.run(dump(request)));
  request["type"] = "cohort";
  require_response(ws.run(dump(request)));
  return 0;
}

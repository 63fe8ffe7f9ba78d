// libFuzzer harness for the JSON entry point. The input is a request on its first line and a
// table's bytes after it: the table is loaded, the request run as given, the table described,
// then a survival analysis run over its first columns. Workspace never throws, and every response must
// be a JSON object with "ok"; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "core/api/workspace.hpp"

namespace {

void require_response(const std::string& response) {
  const auto parsed = nlohmann::json::parse(response, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("ok")) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  const std::string_view request = input.substr(0, newline);
  const std::string table = newline == std::string_view::npos ? "" : std::string(input.substr(newline + 1));

  itp::Workspace ws;
  require_response(ws.load_table(R"({"type":"load_table","name":"t","file":"t.csv"})", table));
  require_response(ws.run(request));
  const auto loaded = nlohmann::json::parse(
      ws.load_table(R"({"type":"load_table","name":"t","file":"t.csv"})", table), nullptr, false);
  if (loaded.value("ok", false)) {
    require_response(ws.run(R"({"type":"describe_table","table":"t"})"));
    const auto& columns = loaded["table"]["columns"];
    if (columns.size() >= 3) {
      nlohmann::json survival = {{"type", "survival"}, {"table", "t"},
                                 {"time", columns[0]}, {"event", columns[1]},
                                 {"group", columns[2]}, {"times", {1, 2, 3}}};
      require_response(ws.run(survival.dump()));
      survival["strata"] = columns.size() >= 4 ? columns[3] : columns[2];
      survival["conf_type"] = "log-log";
      survival["rho"] = 1;
      require_response(ws.run(survival.dump()));
    }
  }
  return 0;
}

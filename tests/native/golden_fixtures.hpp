#pragma once
// What the golden tests share (test_golden_r, test_golden_cif, test_golden_cox): the files of
// tests/golden, and a case's data file loaded into a workspace as `itp-analyze run --input`
// loads it, so a case runs through the same door as the CLI.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "core/api/workspace.hpp"

namespace itp::testing {

inline const std::string kGoldenDir = std::string(ITP_TEST_DATA_DIR) + "/golden/";

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) FAIL("cannot open " << path);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

inline std::string file_name(const std::string& path) {
  return path.substr(path.find_last_of('/') + 1);
}

inline std::string file_stem(const std::string& path) {
  const std::string name = file_name(path);
  return name.substr(0, name.find_last_of('.'));
}

// Loads tests/golden/`input` into `workspace` as a table named by the file's stem, and returns
// that name for the request.
inline std::string load_golden_table(Workspace& workspace, const std::string& input) {
  const nlohmann::ordered_json load = {
      {"type", "load_table"}, {"name", file_stem(input)}, {"file", file_name(input)}};
  const nlohmann::ordered_json loaded = nlohmann::ordered_json::parse(
      workspace.load_table(load.dump(), read_bytes(kGoldenDir + input)));
  INFO("load_table answered " << loaded.dump());
  REQUIRE(loaded.value("ok", false));
  return file_stem(input);
}

}  // namespace itp::testing

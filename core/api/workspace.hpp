#pragma once
// The one entry point of the core: JSON requests in, JSON responses out, over a workspace of
// loaded tables. The CLI and the wasm module both call exactly this, so they answer alike.
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "core/io/text_table.hpp"

namespace itp {

class JsonWriter;  // core/json/json_writer.hpp

class Workspace {
 public:
  // Runs one request ({"type": "survival" | "describe_table" | "version" | ...}). Never throws:
  // every failure comes back as {"ok": false, "error": {"code", "message", ...}}.
  std::string run(std::string_view request_json);

  // The same, handing the response to `sink` in pieces as it is written, so a large result is
  // never held whole (the CLI prints as it goes). The pieces form the same bytes as run()'s
  // answer, unless a failure (running out of memory) comes after some of them were handed
  // over: then it returns false, and what was handed over is not a whole document.
  bool run(std::string_view request_json, const std::function<void(std::string_view)>& sink);

  // Loads raw CSV/TSV bytes as a table: request {"type": "load_table", "name": "aml",
  // "file": "aml.csv", "delimiter": optional}. Bytes travel beside the JSON so a large file is
  // never re-encoded. Replaces a table of the same name. Never throws.
  // `progress` (optional) is told how far the reading has gone (core/io/text_table.hpp).
  std::string load_table(std::string_view request_json, std::string bytes,
                         const ReadProgress& progress = {});

  // Before a file of `bytes` bytes is read: "" when a table that large may be loaded, else the
  // error answer ("file_too_large") naming the file's size and `max_bytes`, so a file too large
  // for the memory at hand (a browser tab's wasm heap) is refused before anything is read.
  static std::string check_file_size(std::string_view request_json, std::uint64_t bytes,
                                     std::uint64_t max_bytes);

 private:
  void dispatch(std::string_view request_json, JsonWriter& out);
  std::map<std::string, TextTable, std::less<>> tables_;
  friend class RequestDispatch;
};

}  // namespace itp

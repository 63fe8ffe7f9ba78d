// The one bridge between JavaScript and the C++ core. Everything the page computes passes here:
//
//   click in web/page/… (main thread: a step of cohort/, the survival/ form)
//    └─ CoreClient.run(request)                                   web/page/core-client.js
//        └─ worker.postMessage({id, type: MessageType.run, payload})  web/shared/protocol.js
//            └─ web/worker/worker.js (module worker): workspace.run(JSON.stringify(payload))
//                └─ embind ─► WorkspaceBinding::run (this file) ─► itp::Workspace::run
//                                                                   └─ core/ (CSV, KM, cohort)
//                ◄─ response JSON string ◄──────────────────────────┘
//            ◄─ postMessage({id, ok: true, result: JSON.parse(response)})
//        ◄─ the promise of CoreClient.run settles with the core's answer
//   render (web/page/tables/, web/page/figures/: textContent only)
//
// A file's bytes take the same road as a MessageType.loadTable message: the worker reads the
// File in chunks straight into the core's memory (WorkspaceBinding::begin_table, append_bytes,
// finish_table), telling the page how far it has got; a workbook's sheets are first decoded in
// the worker (web/worker/load-workbook.js) and sent as rows of cells (load_table).
//
// The boundary carries strings only (no std::optional, no containers: embind 3.1.6 has no
// std::optional and emits no TypeScript, so the shapes live as JSDoc: the core's requests and
// answers in web/shared/core-api.js, the messages around them in web/shared/protocol.js).
// Bytes of a file arrive as std::string: embind copies a JS Uint8Array or ArrayBuffer into it
// byte for byte (EMBIND_STD_STRING_IS_UTF8 only re-encodes JS *strings*), so a CSV is never
// re-encoded as JSON. Responses go back as UTF-8 std::string and arrive as JS strings.
//
// itp::Workspace promises never to throw; copying a file's bytes here can (memory), and a C++
// exception that crossed into JS would surface as a bare number (docs/design.md §8, trap 5), so
// every call goes through the core's one exception policy (core/api/error_boundary.hpp).
#include <emscripten/bind.h>

#include <cstdint>
#include <string>

#include "core/api/error_boundary.hpp"
#include "core/api/workspace.hpp"
#include "core/io/problem.hpp"

namespace {

// The largest file a tab loads. The wasm heap can grow to 4 GB (CMakeLists.txt) and must hold
// the file's text (once: it is read into the heap in chunks) and what an analysis reads from
// it: for a survival table 9 to 13 bytes per row, up to twice the text for rows of a few
// bytes, and a converted copy while a file not in UTF-8 is decoded. 1 GB keeps all of it under
// 4 GB; a larger file is refused with its size before a byte is read.
constexpr std::uint64_t kMaxFileBytes = std::uint64_t{1} << 30;

// A file's bytes (a Uint8Array, an ArrayBuffer or a string) copied once into the wasm heap.
std::string copy_bytes(const emscripten::val& bytes) {
  if (bytes.typeOf().as<std::string>() == "string") return bytes.as<std::string>();
  const emscripten::val Uint8Array = emscripten::val::global("Uint8Array");
  const bool is_array = bytes.instanceof(Uint8Array);
  if (!is_array && !bytes.instanceof(emscripten::val::global("ArrayBuffer"))) {
    itp::Problem problem;
    problem.code = "bad_request";
    problem.message = "loadTable takes the file's bytes as a Uint8Array, an ArrayBuffer or a string";
    throw itp::InputError(problem);
  }
  const emscripten::val array = is_array ? bytes : Uint8Array.new_(bytes);
  std::string copy(array["length"].as<std::size_t>(), '\0');
  emscripten::val(emscripten::typed_memory_view(copy.size(),
                                                reinterpret_cast<unsigned char*>(copy.data())))
      .call<void>("set", array);
  return copy;
}

// Owns one workspace (the tables loaded so far) for the lifetime of the JS object.
class WorkspaceBinding {
 public:
  std::string run(const std::string& request_json) {
    return itp::answer_or_error([&] { return workspace_.run(request_json); });
  }

  // `bytes` (a Uint8Array, an ArrayBuffer or a string) is copied once, straight into the
  // string the core keeps as the table's text: embind's own std::string conversion would copy a
  // large file twice, and the wasm heap never gives the space of the first copy back.
  std::string load_table(const std::string& request_json, const emscripten::val& bytes) {
    return itp::answer_or_error(
        [&] { return workspace_.load_table(request_json, copy_bytes(bytes)); });
  }

  // A file read in chunks. begin_table refuses a file over kMaxFileBytes (or one the heap cannot
  // make room for) before anything is read, and else reserves its whole text: the answer is ""
  // or the core's error answer. `size` is a double: a JS number, exact far past 4 GB.
  std::string begin_table(const std::string& request_json, double size) {
    upload_ = std::string();
    const auto bytes = static_cast<std::uint64_t>(size < 0 ? 0 : size);
    std::string refusal = itp::Workspace::check_file_size(request_json, bytes, kMaxFileBytes);
    if (!refusal.empty()) return refusal;
    return itp::answer_or_error([&] {
      upload_.reserve(static_cast<std::size_t>(bytes));
      return std::string();
    });
  }

  // Appends the next chunk (a Uint8Array) to the text begun; "" or an error answer.
  std::string append_bytes(const emscripten::val& chunk) {
    return itp::answer_or_error([&] {
      const std::size_t length = chunk["length"].as<std::size_t>();
      const std::size_t start = upload_.size();
      upload_.resize(start + length);  // within the reserved capacity: nothing moves
      emscripten::val(emscripten::typed_memory_view(
                          length, reinterpret_cast<unsigned char*>(upload_.data() + start)))
          .call<void>("set", chunk);
      return std::string();
    });
  }

  // Reads the table from the text appended; `progress` (a function, or undefined) is called as
  // progress(done, total) in bytes of text checked.
  std::string finish_table(const std::string& request_json, const emscripten::val& progress) {
    itp::ReadProgress report;
    if (progress.typeOf().as<std::string>() == "function") {
      report = [&progress](std::size_t done, std::size_t total) {
        progress(static_cast<double>(done), static_cast<double>(total));
      };
    }
    std::string text = std::move(upload_);
    upload_ = std::string();
    return workspace_.load_table(request_json, std::move(text), report);
  }

 private:
  itp::Workspace workspace_;
  std::string upload_;  // the text of the file being read in chunks
};

}  // namespace

EMSCRIPTEN_BINDINGS(itp_core) {
  emscripten::class_<WorkspaceBinding>("Workspace")
      .constructor<>()
      .function("run", &WorkspaceBinding::run)
      .function("loadTable", &WorkspaceBinding::load_table)
      .function("beginTable", &WorkspaceBinding::begin_table)
      .function("appendBytes", &WorkspaceBinding::append_bytes)
      .function("finishTable", &WorkspaceBinding::finish_table);
}

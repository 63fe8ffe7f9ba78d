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
// A file's bytes take the same road as a MessageType.loadTable message, to
// WorkspaceBinding::load_table; a workbook's sheets are first decoded in the worker
// (web/worker/load-workbook.js) and sent as rows of cells.
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

#include <string>

#include "core/api/error_boundary.hpp"
#include "core/api/workspace.hpp"
#include "core/io/problem.hpp"

namespace {

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

 private:
  itp::Workspace workspace_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(itp_core) {
  emscripten::class_<WorkspaceBinding>("Workspace")
      .constructor<>()
      .function("run", &WorkspaceBinding::run)
      .function("loadTable", &WorkspaceBinding::load_table);
}

#pragma once
// The core's one exception policy at its boundary (the Workspace's entry points, and the wasm
// bindings around them): every exception becomes the answer {"ok": false, "error": {...}}, so that
// nothing crosses into the CLI or into JavaScript, where a C++ exception would arrive as a bare
// number (docs/design.md §8, trap 5).
#include <string>

namespace itp {

// The error answer for the exception being handled; call it only inside a catch block. Never
// throws: if even the answer cannot be built (memory exhausted), a fixed text is returned.
std::string error_answer_for_current_exception() noexcept;

// call()'s answer, or the error answer for whatever it threw.
template <typename Call>
std::string answer_or_error(Call&& call) noexcept {
  try {
    return call();
  } catch (...) {
    return error_answer_for_current_exception();
  }
}

}  // namespace itp

#include "core/api/error_boundary.hpp"

#include <exception>
#include <new>

#include "core/io/problem.hpp"
#include "core/json/json_output.hpp"

namespace itp {
namespace {

std::string answer_for(const Problem& problem) noexcept {
  try {
    return error_response(problem);
  } catch (...) {
    return R"({"ok":false,"error":{"code":"internal_error","message":"unexpected failure",)"
           R"("file":null,"row":null,"column":null}})";
  }
}

Problem plain_problem(const char* code, std::string message) {
  return {code, std::move(message), "", std::nullopt, std::nullopt};
}

}  // namespace

std::string error_answer_for_current_exception() noexcept {
  try {
    throw;
  } catch (const InputError& e) {
    return answer_for(e.problem());
  } catch (const std::bad_alloc&) {
    return answer_for(plain_problem(
        "out_of_memory",
        "there is not enough memory for this input; in a browser, close other tabs or use the "
        "command-line tool (itp-analyze)"));
  } catch (const std::exception& e) {
    return answer_for(plain_problem("internal_error", std::string("internal error: ") + e.what()));
  } catch (...) {
    return answer_for(plain_problem("internal_error", "internal error"));
  }
}

}  // namespace itp

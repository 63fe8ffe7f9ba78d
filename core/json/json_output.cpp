#include "core/json/json_output.hpp"

namespace itp {

Json problem_to_json(const Problem& problem) {
  Json j;
  j["code"] = problem.code;
  j["message"] = problem.message;
  j["file"] = problem.file.empty() ? Json(nullptr) : Json(problem.file);
  j["row"] = problem.row ? Json(*problem.row) : Json(nullptr);
  j["column"] = problem.column ? Json(*problem.column) : Json(nullptr);
  if (problem.row_kept) j["kept"] = *problem.row_kept;
  return j;
}

Json problems_to_json(const std::vector<Problem>& problems) {
  Json array = Json::array();
  for (const Problem& p : problems) array.push_back(problem_to_json(p));
  return array;
}

std::string serialize(const Json& response) {
  return response.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string error_response(const Problem& problem) {
  Json response;
  response["ok"] = false;
  response["error"] = problem_to_json(problem);
  return serialize(response);
}

}  // namespace itp

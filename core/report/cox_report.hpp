#pragma once
// The "cox" analysis (docs/design.md §4.1): a Cox proportional hazards model as
// summary(coxph(...)) shows it, written as the "cox" object of the answer, with a warning naming
// each term R could not estimate (singular, infinite) and the model when it did not converge or
// had no event.
#include "core/io/problem_log.hpp"
#include "core/json/json_writer.hpp"
#include "core/survival/cox_request.hpp"
#include "core/survival/cox_rows.hpp"

namespace itp {

void write_cox_report(JsonWriter& out, const CoxRows& rows, const CoxRequest& request,
                      ProblemLog& log);

}  // namespace itp

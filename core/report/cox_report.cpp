#include "core/report/cox_report.hpp"

#include <optional>

#include "core/report/rows_json.hpp"
#include "core/survival/cox_model.hpp"

namespace itp {
namespace {

Problem notice(std::string code, std::string message,
               std::optional<std::string> column = std::nullopt) {
  return {std::move(code), std::move(message), "", std::nullopt, std::move(column)};
}

// Every case where R's numbers are not estimates gets a warning naming the term or the model.
void warn_about_fit(const CoxModel& model, const CoxRequest& request, ProblemLog& log) {
  if (model.events == 0) {
    log.add(notice("cox_no_events",
                   "no row used has an event, so the model has nothing to estimate: no "
                   "coefficient, test or concordance is given",
                   request.event_column));
    return;
  }
  for (const std::string& factor : model.single_level_factors)
    log.add(notice("cox_singular",
                   "the covariate \"" + factor + "\" has a single value, so it has no contrast "
                   "and is left out of the model (R's coxph stops here)",
                   factor));
  for (const CoxTerm& term : model.terms) {
    if (term.singular)
      log.add(notice("cox_singular",
                     "the term \"" + term.term + "\" is redundant: it is a combination of other "
                     "terms, constant, or a level no row used has. It has no coefficient (R's "
                     "NA) and is not counted in the tests' degrees of freedom",
                     term.covariate));
    if (term.infinite)
      log.add(notice("cox_infinite_coefficient",
                     "the coefficient of \"" + term.term + "\" may be infinite: the "
                     "log-likelihood stopped rising while it was still moving (complete or "
                     "quasi-complete separation: its rows with events all have the highest or "
                     "lowest values). No coefficient, standard error, hazard ratio, limits or "
                     "Wald test are given; the likelihood ratio test stands",
                     term.covariate));
  }
  if (!model.converged) {
    std::string terms;
    for (const CoxTerm& term : model.terms)
      if (!term.singular) terms += (terms.empty() ? "\"" : ", \"") + term.term + "\"";
    log.add(notice("cox_not_converged",
                   "the fit ran out of iterations (20) without converging, so no coefficient, "
                   "standard error, hazard ratio, likelihood ratio or Wald test, or concordance "
                   "is given for " + terms + " (the score test at 0 stands). A coefficient "
                   "heading to infinity (a covariate that separates events from the others) or "
                   "too few events per term are the usual causes"));
    if (model.may_be_infinite_not_converged)
      log.add(notice("cox_infinite_coefficient",
                     "one or more of the coefficients of " + terms +
                         " may be infinite (a linear predictor above 500 or a step that is not "
                         "finite, as coxph warns)"));
  }
}

void write_test(JsonWriter& out, const CoxTest& test) {
  out.begin_object();
  out.key("chisq").value(test.chisq);
  out.key("df").value(test.df);
  out.key("p").value(test.p);
  out.end_object();
}

}  // namespace

void write_cox_report(JsonWriter& out, const CoxRows& rows, const CoxRequest& request,
                      ProblemLog& log) {
  if (rows.time.empty())
    throw InputError({"no_usable_rows",
                      "no row has a time, an event and every covariate that can be read; check "
                      "the column choice and the warnings",
                      "", std::nullopt, std::nullopt});
  const CoxModel model = fit_cox_model(rows, request);
  warn_about_fit(model, request, log);

  out.begin_object();
  out.key("n").value(model.n);
  out.key("events").value(model.events);
  out.key("ties").value(request.ties == CoxTies::efron ? "efron" : "breslow");
  out.key("conf_level").value(request.conf_level);
  out.key("strata");
  if (request.strata_column) out.array(rows.strata_names);
  else out.null();
  out.key("coefficients").begin_array();
  for (const CoxTerm& term : model.terms) {
    out.begin_object();
    out.key("term").value(term.term);
    out.key("covariate").value(term.covariate);
    out.key("coef").value(term.coef);
    out.key("hr").value(term.hr);
    out.key("se").value(term.se);
    out.key("z").value(term.z);
    out.key("p").value(term.p);
    out.key("hr_lower").value(term.hr_lower);
    out.key("hr_upper").value(term.hr_upper);
    out.key("singular").value(term.singular);
    out.key("infinite").value(term.infinite);
    out.end_object();
  }
  out.end_array();
  out.key("tests").begin_object();
  out.key("likelihood_ratio");
  write_test(out, model.likelihood_ratio);
  out.key("wald");
  write_test(out, model.wald);
  out.key("score");
  write_test(out, model.score);
  out.end_object();
  out.key("concordance");
  if (model.concordance) {
    out.begin_object();
    out.key("estimate").value(model.concordance->estimate);
    out.key("std_err").value(model.concordance->std_err);
    out.key("concordant").value(model.concordance->concordant);
    out.key("discordant").value(model.concordance->discordant);
    out.key("tied_risk").value(model.concordance->tied_risk);
    out.end_object();
  } else {
    out.null();
  }
  out.key("loglik").begin_array().value(model.loglik_null).value(model.loglik).end_array();
  out.key("iterations").value(model.iterations);
  out.key("converged").value(model.converged && model.events > 0);
  out.key("rows");
  write_rows_json(out, rows.rows_read, rows.excluded);
  out.end_object();
}

}  // namespace itp

# Golden values for `itp-analyze cox` (Cox proportional hazards), computed by R's survival::coxph.
#
#   Rscript tests/golden/make_golden_cox.R        (from the repository root)
#
# Writes tests/golden/data/cox_<dataset>.csv, tests/golden/expected/cox_<case>.json (the fields
# of the CLI's "cox" answer that R gives) and tests/golden/cox_cases.json (each case's request).
# Deterministic: re-running it rewrites the same bytes. tests/native/test_golden_cox.cpp replays
# every case through the core and compares every number at 1e-9 relative.
#
# Every expected value comes from the data as read back from the CSV written here (read.csv,
# text columns as factors with levels in C order), so R and the core see the same numbers. With
# fit = coxph(Surv(time, status) ~ covariates [+ strata(s)], ties = ties) and
# s = summary(fit, conf.int = conf_level):
#   coefficients  per term of coef(fit), in its order and names: coef, hr = exp(coef), se, z,
#                 p = s$coefficients' Pr(>|z|), hr_lower and hr_upper = s$conf.int's limits.
#   tests         likelihood_ratio = s$logtest, score = s$sctest, wald = fit$wald.test (not
#                 rounded, as s$waldtest is) with p = pchisq(wald, df, lower.tail = FALSE).
#   concordance   s$concordance: C and se(C).
#   loglik        fit$loglik (null model, fitted); iterations fit$iter; n and events fit$n,
#                 fit$nevent; rows read (the CSV's rows) and used (fit$n).

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))

root <- "tests/golden"

to_json_text <- function(x) {
  toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE)
}

write_csv <- function(d, name) {
  path <- file.path(root, "data", paste0("cox_", name, ".csv"))
  write.csv(d, path, row.names = FALSE, na = "", quote = FALSE)
  path
}

# ---- data sets ----------------------------------------------------------------------------------

datasets <- list(
  # survival::lung: status 2 = dead, recoded 1/0; wt.loss and ph.ecog have missing cells; inst
  # (18 institutions) as strata goes past coxph's 10 strata for the concordance's counting.
  lung = with(lung, data.frame(time, status = status - 1, age, sex, ph.ecog, wt.loss,
                               inst = ifelse(is.na(inst), NA, paste0("i", inst)))),
  # survival::veteran: celltype a factor of 4 levels (reference adeno in C order).
  veteran = with(veteran, data.frame(time, status, trt, celltype, karno, age, prior)),
  # survival::ovarian: few rows and events.
  ovarian = with(ovarian, data.frame(futime, fustat, age, rx, resid.ds,
                                     ecog = ifelse(ecog.ps == 1, "good", "poor"))),
  # survival::aml: a two-level text factor, heavy ties.
  aml = with(aml, data.frame(time, status, x = as.character(x)))
)

cases <- list(
  list(case = "lung_age_sex_ecog", data = "lung", time = "time", event = "status",
       covariates = c("age", "sex", "ph.ecog"), strata = NULL, ties = "efron", conf_level = 0.95),
  list(case = "lung_wtloss_breslow_strata_sex", data = "lung", time = "time", event = "status",
       covariates = c("age", "ph.ecog", "wt.loss"), strata = "sex", ties = "breslow",
       conf_level = 0.95),
  list(case = "lung_many_strata_inst", data = "lung", time = "time", event = "status",
       covariates = c("age", "sex"), strata = "inst", ties = "efron", conf_level = 0.95),
  list(case = "veteran_celltype_karno", data = "veteran", time = "time", event = "status",
       covariates = c("trt", "celltype", "karno"), strata = NULL, ties = "efron",
       conf_level = 0.9),
  list(case = "veteran_breslow_strata_trt", data = "veteran", time = "time", event = "status",
       covariates = c("celltype", "age", "prior"), strata = "trt", ties = "breslow",
       conf_level = 0.95),
  list(case = "ovarian_age_rx_ecog", data = "ovarian", time = "futime", event = "fustat",
       covariates = c("age", "rx", "ecog", "resid.ds"), strata = NULL, ties = "efron",
       conf_level = 0.99),
  list(case = "aml_x_efron", data = "aml", time = "time", event = "status", covariates = "x",
       strata = NULL, ties = "efron", conf_level = 0.95),
  list(case = "aml_x_breslow", data = "aml", time = "time", event = "status", covariates = "x",
       strata = NULL, ties = "breslow", conf_level = 0.95)
)

paths <- list()
for (name in names(datasets)) paths[[name]] <- write_csv(datasets[[name]], name)

expected_of <- function(cs) {
  d <- read.csv(paths[[cs$data]], na.strings = "", stringsAsFactors = TRUE, check.names = FALSE)
  rhs <- paste(c(sprintf("`%s`", cs$covariates), if (!is.null(cs$strata)) sprintf("strata(%s)", cs$strata)),
               collapse = " + ")
  fit <- coxph(as.formula(sprintf("Surv(%s, %s) ~ %s", cs$time, cs$event, rhs)), data = d,
               ties = cs$ties)
  s <- summary(fit, conf.int = cs$conf_level)
  beta <- coef(fit)
  df <- sum(!is.na(beta))
  coefficients <- lapply(seq_along(beta), function(j) list(
    term = gsub("`", "", names(beta)[j]), coef = beta[[j]], hr = exp(beta[[j]]),
    se = s$coefficients[j, "se(coef)"], z = s$coefficients[j, "z"],
    p = s$coefficients[j, "Pr(>|z|)"], hr_lower = s$conf.int[j, 3], hr_upper = s$conf.int[j, 4]))
  test <- function(chisq) list(chisq = chisq, df = df, p = pchisq(chisq, df, lower.tail = FALSE))
  list(ok = TRUE, cox = list(
    n = fit$n, events = fit$nevent, coefficients = coefficients,
    tests = list(likelihood_ratio = test(unname(s$logtest["test"])),
                 wald = test(unname(fit$wald.test)), score = test(unname(s$sctest["test"]))),
    concordance = list(estimate = unname(s$concordance[1]), std_err = unname(s$concordance[2])),
    loglik = fit$loglik, iterations = fit$iter,
    rows = list(read = nrow(d), used = fit$n)))
}

requests <- list()
for (cs in cases) {
  writeLines(to_json_text(expected_of(cs)), file.path(root, "expected", paste0("cox_", cs$case, ".json")))
  requests[[length(requests) + 1]] <- list(
    case = cs$case, input = paste0("data/cox_", cs$data, ".csv"), time = cs$time,
    event = cs$event, covariates = I(cs$covariates), strata = cs$strata, ties = cs$ties,
    conf_level = cs$conf_level)
}
writeLines(to_json_text(requests), file.path(root, "cox_cases.json"))

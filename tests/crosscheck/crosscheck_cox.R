# Randomised cross-check of `itp-analyze cox` against R's survival::coxph (summary(coxph(...))).
#
#   Rscript tests/crosscheck/crosscheck_cox.R N CLI [FIRST_SEED]   (tests/crosscheck/run wraps it)
#
# For seeds FIRST_SEED .. FIRST_SEED+N-1: draw a data set (n from 5 to 300; 1-3 covariates, each
# continuous, small integers, 0/1 or a factor of 2-4 levels named by letters or words; times
# with heavy ties, continuous or rounded; strata on some seeds; Efron or Breslow; another conf
# level on some), and on purpose on some seeds: complete separation (the events have the
# highest values of a covariate), collinear covariates (a sum or a copy of others), a factor
# level that only rows left out have, a factor with a single level, missing cells, no event.
# Run the CLI and compare with coxph on the same rows as read back from the CSV by read.csv
# (factor levels in C order):
#   - n, events, rows read / used / left out by reason (the first missing cell of time, event,
#     the covariates in order, strata) and the warnings both ways;
#   - per term, in R's order and names: coef, exp(coef), se, z, p and the limits at 1e-9
#     relative; where R gives NA (a singular design) the core gives nulls and cox_singular;
#     where R warns "Loglik converged before variable k" the core flags term k infinite, warns
#     cox_infinite_coefficient and gives nulls for it (R's coef is where the fit stopped: the two
#     agree to 2e-9 to 5e-9 only, seeds 317, 587, 667, 822, 832), and no Wald test; the other
#     terms of such a model depend on where it stopped and are compared at 1e-6 (seed 667: 5e-7);
#     where R "Ran out of iterations", cox_not_converged and every per-term number null: the
#     coefficients are wherever the 21st step left them on a flat likelihood, and rounding moves
#     them in the 8th digit or beyond (seeds 52, 106: 1e-8; 92, 185: other values altogether);
#   - the likelihood ratio, score and Wald tests (fit$wald.test unrounded) with df and p,
#     loglik (null and fitted), iterations, and concordance (estimate, std err; none when not
#     converged).
#   A chi-squared, and the fitted log-likelihood, are sums whose rounding is that of their terms
#   (each of the size of the null log-likelihood's): compared at 1e-9 relative or 1e-12 of
#   |null loglik| absolute, which matters only near 0 (a fitted loglik of -6e-10 on separated
#   data, a test near 0). With no term estimated (all NA), no test is given (R: 0 on 0 df).
#   - a data set R cannot compute must be answered explicitly: a single-level factor (R stops:
#     "contrasts can be applied only to factors with 2 or more levels") must give cox_singular
#     naming it and the model of the other covariates (compared with R on those); no usable row
#     must give the error no_usable_rows. Nothing is skipped.
# One line per failing seed (its first difference):
#   FAIL seed=<s> <what>: expected <R> got <CLI>
# Failing inputs and the CLI's answer are kept in tests/crosscheck/out/cox-seed-<s>/.
# Exit status 1 when any seed fails or a kind of case the default run must reach was not.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: crosscheck_cox.R N CLI [FIRST_SEED]")
n_cases <- as.integer(args[1])
cli <- args[2]
first_seed <- if (length(args) >= 3) as.integer(args[3]) else 1L

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
  library(parallel)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))

script_dir <- local({
  file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  dirname(normalizePath(sub("^--file=", "", file_arg[1])))
})
source(file.path(script_dir, "compare.R"))   # fmt_num, %||%, compare_numbers, rows_difference
source(file.path(script_dir, "seeds.R"))     # write_case_csv, keep_failing_seed, run_seeds
out_dir <- file.path(script_dir, "out")
work_dir <- tempfile("itp-crosscheck-cox-")
dir.create(work_dir)

# ---- random data sets --------------------------------------------------------------------------

draw_covariate <- function(n) {
  switch(sample(c("continuous", "integers", "binary", "factor"), 1, prob = c(3, 2, 2, 3)),
         continuous = round(rnorm(n, runif(1, -5, 50), runif(1, 0.5, 10)), sample(c(2, 6), 1)),
         integers = sample(0:3, n, replace = TRUE),
         binary = rbinom(n, 1, runif(1, 0.2, 0.8)),
         factor = {
           labels <- sample(list(c("A", "B", "C", "D"), c("control", "Treated", "arm_2", "beta"))[[sample(2, 1)]],
                            sample(2:4, 1))
           sample(labels, n, replace = TRUE)
         })
}

draw_case <- function(seed) {
  set.seed(seed)
  u <- runif(1)
  n <- if (u < 0.2) sample(5:15, 1) else if (u < 0.6) sample(16:80, 1) else sample(81:300, 1)
  p <- sample(1:3, 1)
  d <- data.frame(time = numeric(n))
  for (j in seq_len(p)) d[[paste0("x", j)]] <- draw_covariate(n)
  covariates <- paste0("x", seq_len(p))
  # A hazard that depends on the first numeric covariate, so coefficients are not all ~0.
  lp <- if (is.numeric(d$x1)) runif(1, -1, 1) * (d$x1 - mean(d$x1)) / max(1, sd(d$x1)) else 0
  style <- sample(c("small_integers", "integers", "continuous", "rounded"), 1)
  base <- rexp(n, exp(lp))
  d$time <- switch(style,
                   small_integers = pmin(round(base * 3), 9),        # heavy ties
                   integers = round(base * 100),
                   continuous = base * runif(1, 0.5, 1000),
                   rounded = round(base * 10, 1))
  d$status <- rbinom(n, 1, runif(1, 0.3, 0.95))
  kinds <- character(0)
  if (runif(1) < 0.08 && is.numeric(d$x1)) {   # complete separation: events have the top x1
    d$status <- as.integer(rank(d$x1, ties.method = "first") > n / 2)
    d$time <- ifelse(d$status == 1, d$time, d$time + max(d$time) + 1)
    d$x1 <- ifelse(d$status == 1, 5, 0) + round(runif(n), 2)
    kinds <- c(kinds, "separation")
  }
  if (p >= 2 && is.numeric(d$x1) && is.numeric(d$x2) && runif(1) < 0.12) {  # collinear
    d$x3 <- if (runif(1) < 0.5) d$x1 + d$x2 else d$x1
    covariates <- c(covariates[1:2], "x3")
    kinds <- c(kinds, "collinear")
  }
  if (runif(1) < 0.03) {
    d$status[] <- 0L
    kinds <- c(kinds, "no events")
  }
  strata <- NULL
  if (runif(1) < 0.3) {
    d$site <- sample(c("s1", "s2", "s3", "s4")[1:sample(1:4, 1)], n, replace = TRUE)
    if (runif(1) < 0.3) d$site[sample(n, 1)] <- "solo"   # a stratum of one row
    strata <- "site"
    kinds <- c(kinds, "strata")
  }
  if (runif(1) < 0.15) {   # missing cells: left out with a warning, as coxph's na.omit
    for (column in c("time", "status", covariates, strata)) {
      if (runif(1) < 0.5) next
      d[[column]][sample(n, sample(1:max(1, n %/% 8), 1))] <- NA
    }
    kinds <- c(kinds, "missing cells")
  }
  factors <- covariates[vapply(covariates, function(c) is.character(d[[c]]), TRUE)]
  if (length(factors) && runif(1) < 0.15) {   # a level that only a row left out has
    f <- factors[1]
    d[[f]][1] <- "zz_unused"
    d$time[1] <- NA
    kinds <- c(kinds, "empty level")
  }
  if (length(factors) && runif(1) < 0.05) {   # a factor with a single level
    d[[factors[1]]] <- ifelse(is.na(d[[factors[1]]]), NA, "only")
    kinds <- c(kinds, "single-level factor")
  }
  ties <- sample(c("efron", "breslow"), 1)
  conf_level <- if (runif(1) < 0.7) 0.95 else sample(c(0.8, 0.9, 0.99), 1)
  list(seed = seed, data = d, covariates = covariates, strata = strata, ties = ties,
       conf_level = conf_level, kinds = c(kinds, ties))
}

cli_arguments <- function(cs, csv) {
  c("cox", "--input", csv, "--time", "time", "--event", "status",
    "--covariates", paste(cs$covariates, collapse = ","),
    if (!is.null(cs$strata)) c("--strata", cs$strata),
    if (cs$ties != "efron" || runif(1) < 0.3) c("--ties", cs$ties),
    if (cs$conf_level != 0.95) c("--conf-level", fmt_num(cs$conf_level)))
}

# ---- comparison ----------------------------------------------------------------------------------

num <- function(x) if (is.null(x)) NA_real_ else as.numeric(x)

# compare_numbers, where an infinity of coxph's (a hazard ratio or its limit past the largest
# double) is the CLI's null: JSON has no infinity.
compare_coxph <- function(what, expected, actual, ...) {
  compare_numbers(what, replace(expected, is.infinite(expected), NA), actual, ...)
}

# coxph on the rows used, with its warnings; an error is returned as the condition.
run_coxph <- function(used, covariates, strata, ties) {
  rhs <- paste(c(covariates, if (!is.null(strata)) sprintf("strata(%s)", strata)), collapse = " + ")
  warnings <- character(0)
  fit <- tryCatch(withCallingHandlers(
    coxph(as.formula(paste("Surv(time, status) ~", rhs)), data = used, ties = ties),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }), error = function(e) e)
  list(fit = fit, warnings = warnings)
}

check_case <- function(cs) {
  case_dir <- file.path(work_dir, paste0("seed-", cs$seed))
  dir.create(case_dir)
  csv <- file.path(case_dir, "cox.csv")
  write_case_csv(cs$data, csv)
  set.seed(cs$seed + 4242)
  cli_args <- cli_arguments(cs, csv)
  answer <- suppressWarnings(system2(cli, shQuote(cli_args), stdout = TRUE, stderr = FALSE))
  got <- tryCatch(fromJSON(paste(answer, collapse = "\n"), simplifyVector = FALSE),
                  error = function(e) NULL)
  kinds <- cs$kinds
  fail <- function(message) {
    keep_failing_seed(file.path(out_dir, paste0("cox-seed-", cs$seed)), csv, answer, cli, cli_args)
    list(seed = cs$seed, ok = FALSE, message = message, kinds = kinds)
  }

  # The rows as R reads them: factors with levels from every row, in C order.
  d <- read.csv(csv, na.strings = "", stringsAsFactors = TRUE, check.names = FALSE)
  columns <- c("time", "status", cs$covariates, cs$strata)
  reasons <- c(time = "missing_time", status = "missing_event",
               setNames(rep("missing_covariate", length(cs$covariates)), cs$covariates),
               site = "missing_strata")
  first_missing <- apply(is.na(d[columns]), 1, function(m) if (any(m)) columns[which(m)[1]] else "")
  left_out <- table(reasons[first_missing[first_missing != ""]])
  used <- d[first_missing == "", , drop = FALSE]
  if (nrow(used) == 0) {
    if (!is.null(got) && isFALSE(got$ok) && identical(got$error$code, "no_usable_rows"))
      return(list(seed = cs$seed, ok = TRUE, kinds = c(kinds, "no usable row")))
    return(fail("no row used: expected the error no_usable_rows"))
  }
  if (is.null(got) || !isTRUE(got$ok))
    return(fail(paste("the CLI failed:", substr(paste(answer, collapse = ""), 1, 300))))
  cox <- got$cox
  expected_left <- as.list(left_out)
  diff <- rows_difference(cox$rows, nrow(d), nrow(used), expected_left)
  if (!is.null(diff)) return(fail(diff))
  if (cox$n != nrow(used) || cox$events != sum(used$status))
    return(fail(sprintf("n/events: expected %d/%d got %d/%d", nrow(used), sum(used$status), cox$n, cox$events)))

  codes <- vapply(got$warnings, function(w) w$code, "")
  expected_codes <- left_out_warning_codes(expected_left)

  # R cannot build contrasts for a single-level factor: the core leaves it out with
  # cox_singular; R is asked the model without it.
  covariates <- cs$covariates
  single <- covariates[vapply(covariates, function(c) is.factor(used[[c]]) && nlevels(used[[c]]) < 2, TRUE)]
  if (length(single)) {
    r_refuses <- run_coxph(used, covariates, cs$strata, cs$ties)
    if (!inherits(r_refuses$fit, "error")) return(fail("R fitted a single-level factor"))
    kinds <- c(kinds, "R refuses: single-level factor")
    expected_codes <- c(expected_codes, rep("cox_singular", length(single)))
    covariates <- setdiff(covariates, single)
  }

  if (sum(used$status) == 0) {
    kinds <- c(kinds, "no events checked")
    expected_codes <- c(expected_codes, "cox_no_events")
    estimates <- unlist(lapply(cox$coefficients, function(t) t[c("coef", "se", "hr", "p")]))
    if (length(estimates) || !is.null(cox$concordance) || !is.null(cox$tests$likelihood_ratio$chisq))
      return(fail("no events: the CLI gives numbers"))
  } else if (length(covariates) == 0) {
    kinds <- c(kinds, "null model")
    if (length(cox$coefficients)) return(fail("null model: the CLI gives coefficients"))
  } else {
    r <- run_coxph(used, covariates, cs$strata, cs$ties)
    if (inherits(r$fit, "error")) return(fail(paste("R failed:", conditionMessage(r$fit))))
    fit <- r$fit
    s <- summary(fit, conf.int = cs$conf_level)
    beta <- coef(fit)
    terms <- names(beta)
    if (length(cox$coefficients) != length(beta))
      return(fail(sprintf("terms: expected %s got %d", paste(terms, collapse = ","), length(cox$coefficients))))
    not_converged <- any(grepl("Ran out of iterations", r$warnings))
    infinite <- rep(FALSE, length(beta))
    converged_msg <- grep("Loglik converged before variable", r$warnings, value = TRUE)
    if (length(converged_msg)) {
      which_inf <- as.integer(strsplit(sub(".*variable +([0-9, ]+);.*", "\\1", converged_msg), ",")[[1]])
      infinite[which_inf] <- TRUE
      kinds <- c(kinds, "R: infinite coefficient")
      expected_codes <- c(expected_codes, rep("cox_infinite_coefficient", sum(infinite)))
    }
    if (not_converged) {
      kinds <- c(kinds, "R: not converged")
      expected_codes <- c(expected_codes, "cox_not_converged")
      if (any(grepl("may be infinite", r$warnings)))
        expected_codes <- c(expected_codes, "cox_infinite_coefficient")
    }
    if (any(is.na(beta))) {
      kinds <- c(kinds, "R: NA coefficient")
      expected_codes <- c(expected_codes, rep("cox_singular", sum(is.na(beta))))
    }
    # Beside an infinite coefficient the others depend on where it stopped (seed 667: 5e-7).
    rel <- if (any(infinite)) 1e-6 else 1e-9
    for (j in seq_along(beta)) {
      t <- cox$coefficients[[j]]
      what <- paste0("coef[", terms[j], "]")
      if (t$term != terms[j]) return(fail(sprintf("%s: named %s", what, t$term)))
      if (is.na(beta[j])) {
        if (!isTRUE(t$singular) || !is.null(t$coef) || !is.null(t$se) || !is.null(t$hr))
          return(fail(sprintf("%s: R gives NA, the CLI %s", what, toJSON(t, auto_unbox = TRUE))))
        next
      }
      if (not_converged) {   # where the 21st step stopped: no number (see the header)
        if (!is.null(t$coef) || !is.null(t$se) || !is.null(t$hr) || !is.null(t$p) || isTRUE(t$singular))
          return(fail(sprintf("%s: not converged, the CLI %s", what, toJSON(t, auto_unbox = TRUE))))
        next
      }
      if (infinite[j]) {
        if (!is.null(t$coef) || !is.null(t$se) || !is.null(t$hr) || !is.null(t$p) || !is.null(t$hr_upper) ||
            !isTRUE(t$infinite))
          return(fail(sprintf("%s: infinite, the CLI %s", what, toJSON(t, auto_unbox = TRUE))))
        next
      }
      if (isTRUE(t$infinite)) return(fail(sprintf("%s: flagged infinite, R does not warn", what)))
      diff <- compare_coxph(paste0(what, ".coef"), beta[j], num(t$coef), relative = rel)
      if (!is.null(diff)) return(fail(diff))
      row <- s$coefficients[j, ]
      se <- row[["se(coef)"]]
      diff <- compare_coxph(paste0(what, ".hr"), exp(beta[j]), num(t$hr), relative = rel) %||%
        compare_coxph(paste0(what, ".se"), se, num(t$se), relative = rel) %||%
        compare_coxph(paste0(what, ".z"), row[["z"]], num(t$z), relative = rel) %||%
        compare_coxph(paste0(what, ".p"), row[["Pr(>|z|)"]], num(t$p), relative = rel) %||%
        compare_coxph(paste0(what, ".hr_lower"), s$conf.int[j, 3], num(t$hr_lower), relative = rel) %||%
        compare_coxph(paste0(what, ".hr_upper"), s$conf.int[j, 4], num(t$hr_upper), relative = rel)
      if (!is.null(diff)) return(fail(diff))
    }
    df <- sum(!is.na(beta))
    floor <- 1e-12 * abs(fit$loglik[1])
    tests <- cox$tests
    if (df == 0) {   # no term estimated: no test is made (R gives 0 on 0 df)
      kinds <- c(kinds, "no term estimated")
      if (!is.null(tests$score$chisq) || !is.null(tests$likelihood_ratio$chisq) || !is.null(tests$wald$chisq))
        return(fail("no term estimated, yet the CLI gives a test"))
      fit$score <- NA
      fit$loglik[2] <- fit$loglik[1]
      fit$wald.test <- NA
    }
    diff <- compare_coxph("loglik", fit$loglik, c(num(cox$loglik[[1]]), num(cox$loglik[[2]])), floor) %||%
      compare_coxph("score.chisq", fit$score, num(tests$score$chisq), floor) %||%
      compare_coxph("score.p", pchisq(fit$score, df, lower.tail = FALSE), num(tests$score$p), floor) %||%
      if (not_converged) NULL else
        compare_coxph("concordance", unname(s$concordance), c(num(cox$concordance$estimate), num(cox$concordance$std_err)))
    if (!is.null(diff)) return(fail(diff))
    if (not_converged && !is.null(cox$concordance)) return(fail("not converged, yet a concordance"))
    if (tests$score$df != df) return(fail(sprintf("score.df: expected %d got %d", df, tests$score$df)))
    if (fit$iter != cox$iterations) return(fail(sprintf("iterations: expected %d got %d", fit$iter, cox$iterations)))
    if (!not_converged && df > 0) {
      lr <- -2 * (fit$loglik[1] - fit$loglik[2])
      diff <- compare_coxph("likelihood_ratio.chisq", lr, num(tests$likelihood_ratio$chisq), floor) %||%
        compare_coxph("likelihood_ratio.p", pchisq(lr, df, lower.tail = FALSE), num(tests$likelihood_ratio$p), floor)
      if (!is.null(diff)) return(fail(diff))
      if (!any(infinite)) {
        diff <- compare_coxph("wald.chisq", fit$wald.test, num(tests$wald$chisq), floor) %||%
          compare_coxph("wald.p", pchisq(fit$wald.test, df, lower.tail = FALSE), num(tests$wald$p), floor)
        if (!is.null(diff)) return(fail(diff))
      } else if (!is.null(tests$wald$chisq)) {
        return(fail("wald: a coefficient is infinite, yet the CLI gives a Wald test"))
      }
    } else if (!is.null(tests$likelihood_ratio$chisq) || !is.null(tests$wald$chisq)) {
      return(fail("not converged, yet the CLI gives a likelihood ratio or Wald test"))
    }
    unexpected <- setdiff(r$warnings[!grepl("Ran out of iterations|may be infinite|Loglik converged", r$warnings)], "")
    if (length(unexpected)) return(fail(paste("R warned:", unexpected[1])))
  }
  if (!identical(sort(unname(codes)), sort(unname(expected_codes))))
    return(fail(sprintf("warnings: expected %s got %s", paste(sort(expected_codes), collapse = ","),
                        paste(sort(codes), collapse = ","))))
  list(seed = cs$seed, ok = TRUE, kinds = kinds)
}

# ---- run --------------------------------------------------------------------------------------

must_reach <- c("separation", "collinear", "no events checked", "strata", "missing cells",
              "empty level", "R refuses: single-level factor", "R: infinite coefficient",
              "R: NA coefficient", "efron", "breslow")
run_seeds(seq(first_seed, length.out = n_cases), function(seed) check_case(draw_case(seed)),
          "cox cross-check", "survival::coxph", must_reach, work_dir)

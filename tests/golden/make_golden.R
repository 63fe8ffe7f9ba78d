# Golden values for `itp-analyze survival`, computed by R's survival package (3.x).
#
#   Rscript tests/golden/make_golden.R        (from the repository root)
#
# Writes tests/golden/data/<dataset>.csv, tests/golden/expected/<case>.json (the CLI's JSON shape,
# docs/design.md §4) and tests/golden/cases.json (each case's CLI arguments). Deterministic:
# re-running it rewrites the same bytes. tests/native/test_golden_r.cpp replays every case
# through the core and compares every field at 1e-9 relative.
#
# Every expected value is taken from the data as read back from the CSV we wrote, so R and the
# core see the same numbers. The functions above the `main` guard are also used by
# tests/crosscheck/crosscheck.R (which sources this file).
#
# What each field is, in R's terms (fit = survfit(Surv(time, event) ~ group, conf.type, conf.int)):
#   table      rows of fit (every distinct time, censorings included; timefix applied);
#              std_err = summary(fit, censored = TRUE)$std.err, the standard error of S.
#   median     print.survfit's median, LCL, UCL (summary(fit)$table); null = not reached.
#   quantiles  quantile(fit, c(.25, .75)) with its lower and upper limits.
#   at_times   summary(fit, times = sort(unique(times)), extend = FALSE) (the core sorts the
#              times and keeps each once; empty when every time is past the group's last time:
#              R then has no row for that curve).
#   rows       read = rows of the file, used = sum(fit$n) (R's own count of complete rows after
#              na.omit), left_out = the others by the first of their time, event and group cells
#              that R cannot read, named as the core names them (missing or invalid).
#   test       survdiff(Surv(time, event) ~ group [+ strata(s)], rho) on the rows whose strata
#              cell is present (a group with no such row is not in the test, as in survdiff);
#              df = (#groups with expected > 0) - 1; observed and expected summed over strata;
#              null without a group column or with one group. Where survdiff stops (a singular
#              variance; one group in the test rows), observed and expected as survdiff.fit
#              gives them, no chi-squared (singular) or 0 (one group), and no p.
#   follow_up  print.survfit's median of survfit(Surv(time, 1 - event) ~ 1), same conf options.
#   warnings   each row left out (code, row, column), each row without its stratum, and the
#              core's notices: event_coded_1_2, times_reordered, one_group, no_test,
#              singular_test.
# `risk_table` is compared when risk times are given (the cross-check's --risk-times, or the
# core's own grid): summary(fit, times, extend = TRUE), events and censorings summed up to each
# time. The golden files leave it out. The comparison checks only the fields written here
# (extra fields in the core's answer are allowed).

suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))

# ---- reading what the core reads -----------------------------------------------------------

read_csv_as_core <- function(path) {
  read.csv(path, colClasses = "character", na.strings = "", check.names = FALSE,
           stringsAsFactors = FALSE)
}

is_number_text <- function(x) !is.na(suppressWarnings(as.numeric(x)))

# The core orders groups as factor levels under LC_COLLATE=C, numerically when every value is a
# number.
group_levels <- function(values) {
  u <- unique(values[!is.na(values)])
  if (length(u) > 0 && all(is_number_text(u))) u[order(as.numeric(u))] else sort(u, method = "radix")
}

# ---- JSON helpers ------------------------------------------------------------------------------

finite_or_na <- function(x) {
  x <- as.numeric(x)
  x[!is.finite(x)] <- NA_real_
  x
}
arr <- function(x) I(finite_or_na(x))          # always a JSON array, NA/NaN/Inf -> null
num <- function(x) if (length(x) == 0) NA_real_ else finite_or_na(x)[1]

to_json_text <- function(x) {
  toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE)
}

# ---- R's answers -------------------------------------------------------------------------------

eight_arrays <- function(s, n_rows) {
  has_ci <- !is.null(s$lower)
  list(time = arr(s$time), n_risk = arr(s$n.risk), n_event = arr(s$n.event),
       n_censor = arr(s$n.censor), surv = arr(s$surv), std_err = arr(s$std.err),
       lower = arr(if (has_ci) s$lower else rep(NA_real_, n_rows)),
       upper = arr(if (has_ci) s$upper else rep(NA_real_, n_rows)))
}

empty_arrays <- function() {
  e <- I(numeric(0))
  list(time = e, n_risk = e, n_event = e, n_censor = e, surv = e, std_err = e, lower = e,
       upper = e)
}

# print.survfit's median and its limits for a one-curve fit.
median_of <- function(fit1) {
  tab <- summary(fit1)$table
  lcl <- grep("LCL$", names(tab))
  ucl <- grep("UCL$", names(tab))
  list(estimate = num(tab[["median"]]),
       lower = if (length(lcl)) num(tab[[lcl]]) else NA_real_,
       upper = if (length(ucl)) num(tab[[ucl]]) else NA_real_)
}

quantiles_of <- function(fit1, probs = c(0.25, 0.75)) {
  q <- quantile(fit1, probs)
  if (!is.list(q)) q <- list(quantile = q)   # conf.type "none": no limits
  lapply(seq_along(probs), function(k) {
    list(probability = probs[k], estimate = num(q$quantile[k]),
         lower = if (is.null(q$lower)) NA_real_ else num(q$lower[k]),
         upper = if (is.null(q$upper)) NA_real_ else num(q$upper[k]))
  })
}

at_times_of <- function(fit1, times) {
  if (length(times) == 0) return(empty_arrays())
  s <- tryCatch(summary(fit1, times = times, extend = FALSE), error = function(e) NULL)
  if (is.null(s) || length(s$time) == 0) return(empty_arrays())
  eight_arrays(s, length(s$time))
}

# survival >= 3.8 (survfit_confint: "use p if se=0"): where the standard error is 0 the limits
# are S itself for log, log-log and logit. Debian 12 ships 3.5.3, which gives NA there for
# log-log and logit; this applies the newer rule to its fit and changes nothing else
# (docs/decisions.md, "Which R is the reference?").
with_zero_se_rule <- function(fit) {
  if (!is.null(fit$lower) && fit$conf.type %in% c("log", "log-log", "logit")) {
    zero <- !is.na(fit$std.err) & fit$std.err == 0
    fit$lower[zero] <- fit$surv[zero]
    fit$upper[zero] <- fit$surv[zero]
  }
  fit
}

# The core's missing-value markers (core/io/cell_values.cpp, is_missing_marker): such a cell is
# "missing", any other unreadable one "invalid".
is_missing_marker <- function(x) {
  is.na(x) | tolower(trimws(x)) %in% c("", ".", "-", "na", "n/a", "nd", "nan")
}

# The rows of `d` as R reads them, and why each row R cannot use is left out, named as the core
# names it: a row is left out for the first of its time, event and group cells that fails.
# The status is what R's Surv() makes of the event column (1/2 when its largest number is 2,
# else 0/1; any other number NA), with the core's one departure (docs/decisions.md, "Event
# coded 1/2"): where a row with a time and a group says 0 and the largest number is 2, R
# would drop the 0s; the core keeps 0/1 and leaves the 2s out.
read_survival_columns <- function(d, time, event, group) {
  n <- nrow(d)
  time_text <- d[[time]]
  event_text <- d[[event]]
  y_time <- suppressWarnings(as.numeric(time_text))
  y_time[is.nan(y_time)] <- NA_real_
  ev <- suppressWarnings(as.numeric(event_text))
  ev[is.nan(ev)] <- NA_real_
  g_text <- if (is.null(group)) rep("all", n) else d[[group]]
  g_missing <- is_missing_marker(g_text)
  g_text[g_missing] <- NA_character_
  status <- unname(suppressWarnings(Surv(rep(1, n), ev))[, "status"])
  top <- suppressWarnings(max(ev, na.rm = TRUE))
  departure <- top == 2 && any(!is.na(y_time) & !g_missing & ev %in% 0)
  if (departure) status <- ifelse(ev %in% c(0, 1), ev, NA_real_)
  reason <- ifelse(is.na(y_time),
                   ifelse(is_missing_marker(time_text), "missing_time", "invalid_time"),
            ifelse(is.na(status),
                   ifelse(is_missing_marker(event_text), "missing_event", "invalid_event"),
            ifelse(g_missing, "missing_group", NA_character_)))
  column <- c(missing_time = time, invalid_time = time, missing_event = event,
              invalid_event = event, missing_group = if (is.null(group)) NA else group)
  list(time = y_time, status = status, g_text = g_text, reason = reason,
       reason_column = unname(column[reason]), used = is.na(reason),
       coded_1_2 = top == 2 && !departure)
}

# survdiff's counts for test rows where survdiff itself stops. Singular variance: observed and
# expected from survdiff.fit (what survdiff computes before it solves), on times merged by
# aeqSurv as survdiff merges them. One group: observed = expected = the weighted deaths,
# w = S(t-)^rho with S the Kaplan-Meier of the stratum (survdiff's weights).
test_counts_without_survdiff <- function(tf, has_strata, rho) {
  y <- aeqSurv(Surv(tf$time, tf$status))
  if (nlevels(tf$g) >= 2) {
    fit <- if (has_strata) survival:::survdiff.fit(y, tf$g, tf$s, rho)
           else survival:::survdiff.fit(y, tf$g, rho = rho)
    observed <- if (is.matrix(fit$observed)) rowSums(fit$observed) else fit$observed
    expected <- if (is.matrix(fit$expected)) rowSums(fit$expected) else fit$expected
    return(list(observed = observed, expected = expected, var = fit$var))
  }
  strata <- if (has_strata) tf$s else rep("all", nrow(tf))
  total <- 0
  for (s in unique(strata)) {
    t <- y[strata == s, 1]
    dead <- y[strata == s, 2]
    km <- 1
    for (u in sort(unique(t[dead == 1]))) {
      deaths <- sum(t == u & dead == 1)
      total <- total + km^rho * deaths
      km <- km * (1 - deaths / sum(t >= u))
    }
  }
  list(observed = total, expected = total, var = matrix(0, 1, 1))
}

# survdiff on the test's rows `tf` (columns time, status, factor g, and s with strata): its
# observed, expected, variance and chi-squared, or, where survdiff stops (one group, a
# singular variance: docs/decisions.md, "A test without degrees of freedom"), what the core
# answers there. Any other failure is a failure of the case.
survdiff_result <- function(tf, has_strata, rho) {
  if (nrow(tf) == 0) {
    return(list(observed = numeric(0), expected = numeric(0), var = matrix(0, 0, 0),
                chisq = 0, singular = FALSE, levels = character(0)))
  }
  formula <- if (has_strata) Surv(time, status) ~ g + strata(s) else Surv(time, status) ~ g
  sd <- if (nlevels(tf$g) < 2) simpleError("There is only 1 group")
        else tryCatch(survdiff(formula, data = tf, rho = rho), error = function(e) e)
  if (!inherits(sd, "error")) {
    return(list(observed = if (is.matrix(sd$obs)) rowSums(sd$obs) else sd$obs,
                expected = if (is.matrix(sd$exp)) rowSums(sd$exp) else sd$exp,
                var = sd$var, chisq = sd$chisq, singular = FALSE, levels = levels(tf$g)))
  }
  one_group <- nlevels(tf$g) == 1 && grepl("only 1 group", conditionMessage(sd))
  singular <- nlevels(tf$g) >= 2 && grepl("singular", conditionMessage(sd))
  if (!one_group && !singular) stop(sd)
  counts <- test_counts_without_survdiff(tf, has_strata, rho)
  list(observed = counts$observed, expected = counts$expected, var = counts$var,
       chisq = if (singular) NA_real_ else 0, singular = singular, levels = levels(tf$g))
}

# Each pair of groups (in group order) tested on its own rows, p adjusted by p.adjust.
pairwise_of <- function(tf, levs, has_strata, rho, method) {
  pairs <- list()
  for (a in seq_along(levs)) for (b in seq_along(levs)) if (a < b) {
    pf <- tf[tf$g %in% levs[c(a, b)], ]
    pf$g <- droplevels(pf$g)
    r <- survdiff_result(pf, has_strata, rho)
    df <- sum(r$expected > 0) - 1
    p <- if (df < 1 || r$singular) NA_real_ else pchisq(r$chisq, df, lower.tail = FALSE)
    pairs[[length(pairs) + 1]] <- list(groups = I(levs[c(a, b)]), chisq = num(r$chisq),
                                       df = df, p = num(p), no_test = is.na(p))
  }
  adjusted <- p.adjust(vapply(pairs, function(x) x$p, 0), method)
  for (k in seq_along(pairs)) pairs[[k]]$p_adjusted <- num(adjusted[k])
  pairs
}

# The log-rank test for trend: (s'(O - E))^2 / (s'Vs) on survdiff's counts, with the scores of
# the groups tested; no test with fewer than two groups with expected events, or where s'Vs is
# rounding (the core's rules, core/survival/trend_test).
trend_of <- function(r, levs, scores) {
  s <- scores[match(r$levels, levs)]
  u <- sum(s * (r$observed - r$expected))
  terms <- outer(s, s) * r$var
  v <- sum(terms)
  ok <- sum(r$expected > 0) >= 2 && v > 1e-10 * sum(abs(terms))
  chisq <- if (ok) u^2 / v else NA_real_
  list(chisq = num(chisq), df = 1L,
       p = if (ok) num(pchisq(chisq, 1, lower.tail = FALSE)) else NA_real_,
       scores = I(scores), groups = I(levs))
}

# One case: `d` holds character columns as read from the CSV; the options are the CLI's.
# Returns the list that serialises to the CLI's JSON document. `risk_times` (when given) are
# the CLI's --risk-times: each curve's risk table is then R's summary(fit, times, extend = TRUE)
# with its events and censorings summed up to each time.
r_expected <- function(d, time, event, group = NULL, strata = NULL, conf_type = "log",
                       conf_level = 0.95, times = numeric(0), rho = 0, data_row_offset = 1,
                       risk_times = NULL, rmst_tau = NULL, pairwise = NULL,
                       trend = FALSE, trend_scores = NULL, landmark = NULL) {
  cols <- read_survival_columns(d, time, event, group)
  used_before_landmark <- cols$used
  if (!is.null(landmark)) {
    # Landmark analysis: the rows at risk after L, on time since L.
    before <- cols$used & !(cols$time > landmark)
    cols$reason[before] <- "before_landmark"
    cols$used[before] <- FALSE
    cols$time[cols$used] <- cols$time[cols$used] - landmark
  }
  grouped <- !is.null(group)
  levs <- group_levels(cols$g_text[cols$used])
  # Every row, the unusable ones with NA: survfit's na.omit drops them, and R counts the rest.
  frame <- data.frame(time = cols$time, status = cols$status,
                      g = factor(ifelse(cols$used, cols$g_text, NA), levels = levs))

  fit <- with_zero_se_rule(survfit(Surv(time, status) ~ g, data = frame, conf.type = conf_type,
                                   conf.int = conf_level))
  used <- sum(fit$n)
  left_out <- table(cols$reason)
  if (used + sum(left_out) != nrow(d) || used != sum(cols$used)) {
    stop(sprintf("R used %d rows of %d, %d left out by reason", used, nrow(d), sum(left_out)))
  }
  rows <- list(read = nrow(d), used = used,
               left_out = structure(as.list(as.integer(left_out)),
                                    names = as.character(names(left_out))))

  chosen <- sort(unique(times))
  risk_grid <- if (is.null(risk_times)) NULL else sort(unique(risk_times))
  groups <- lapply(seq_along(levs), function(i) {
    fit1 <- if (is.null(fit$strata)) fit else fit[i]
    s_all <- summary(fit1, censored = TRUE)
    in_group <- cols$used & cols$g_text %in% levs[i]
    out <- list(name = levs[i], n = sum(in_group), events = sum(cols$status[in_group]),
                table = eight_arrays(s_all, length(s_all$time)),
                median = median_of(fit1),
                quantiles = quantiles_of(fit1),
                at_times = at_times_of(fit1, chosen))
    if (!is.null(rmst_tau)) out$rmst <- rmst_of(fit1, rmst_tau, conf_level)
    if (!is.null(risk_grid)) {
      s <- summary(fit1, times = risk_grid, extend = TRUE)
      out$risk_table <- list(time = arr(risk_grid), n_risk = arr(s$n.risk),
                             cumulative_events = arr(cumsum(s$n.event)),
                             cumulative_censored = arr(cumsum(s$n.censor)))
    }
    out
  })

  result <- list(conf_type = conf_type, conf_level = conf_level)
  if (!is.null(landmark)) result$landmark <- landmark
  result <- c(result, list(rows = rows, groups = groups))
  if (!is.null(rmst_tau) && length(groups) >= 2) {
    result$rmst_difference <- rmst_differences(groups, conf_level)
  }
  warnings <- list()
  add_warning <- function(...) warnings[[length(warnings) + 1]] <<- list(...)
  for (r in which(!used_before_landmark)) {
    add_warning(code = cols$reason[r], row = r + data_row_offset, column = cols$reason_column[r])
  }
  if (cols$coded_1_2) add_warning(code = "event_coded_1_2", column = event)
  if (!is.null(landmark) && any(cols$reason %in% "before_landmark")) {
    add_warning(code = "before_landmark", column = time)
  }
  # The core's own notice (docs/decisions.md, "Chosen times"); R's results are the same.
  if (is.unsorted(times, strictly = TRUE) ||
      (!is.null(risk_times) && is.unsorted(risk_times, strictly = TRUE))) {
    add_warning(code = "times_reordered")
  }

  # A row without its stratum is named even when there is no test to leave it out of.
  s_missing <- if (is.null(strata)) rep(FALSE, nrow(d)) else is_missing_marker(d[[strata]])
  for (r in which(used_before_landmark & s_missing)) {
    add_warning(code = "missing_strata", row = r + data_row_offset, column = strata)
  }

  result["test"] <- list(NULL)
  if (grouped && length(levs) < 2) {
    add_warning(code = "one_group", column = group)
  } else if (grouped) {
    in_test <- cols$used & !s_missing
    tf <- frame[in_test, ]
    tf$g <- droplevels(tf$g)
    if (!is.null(strata)) tf$s <- d[[strata]][in_test]
    r <- survdiff_result(tf, !is.null(strata), rho)
    observed <- r$observed
    expected <- r$expected
    chisq <- r$chisq
    singular <- r$singular
    df <- sum(expected > 0) - 1
    # The core gives no p for a test without degrees of freedom, and says so
    # (docs/decisions.md, "A test without degrees of freedom"); R prints 1 for df = 0.
    if (df < 1) add_warning(code = "no_test")
    if (singular) add_warning(code = "singular_test")
    tested_strata <- if (is.null(strata)) NULL else I(group_levels(tf$s))
    result$test <- list(
      method = if (rho == 0) "log-rank" else "Harrington-Fleming", rho = rho,
      chisq = num(chisq), df = df,
      p = if (df < 1 || singular) NA_real_ else num(pchisq(chisq, df, lower.tail = FALSE)),
      groups = I(levels(tf$g)), observed = arr(observed), expected = arr(expected),
      strata = tested_strata, rows_left_out = sum(cols$used) - sum(in_test))
    if (!is.null(pairwise)) {
      result$pairwise_adjustment <- pairwise
      result$pairwise <- pairwise_of(tf, levs, !is.null(strata), rho, pairwise)
      for (pair in result$pairwise) if (pair$no_test) add_warning(code = "pairwise_no_test")
      result$pairwise <- lapply(result$pairwise, function(x) { x$no_test <- NULL; x })
    }
    if (trend || !is.null(trend_scores)) {
      scores <- if (is.null(trend_scores)) seq_along(levs) else trend_scores
      result$trend <- trend_of(r, levs, scores)
      if (is.na(result$trend$chisq)) add_warning(code = "no_trend_test")
    }
  } else if (trend || !is.null(trend_scores) || !is.null(pairwise)) {
    add_warning(code = "no_groups_to_compare")
  }

  reverse <- with_zero_se_rule(survfit(Surv(time, 1 - status) ~ 1, data = frame[cols$used, ],
                                       conf.type = conf_type, conf.int = conf_level))
  fu <- median_of(reverse)
  result$follow_up <- list(method = "reverse Kaplan-Meier", median = fu$estimate,
                           lower = fu$lower, upper = fu$upper)
  list(ok = TRUE, survival = result, warnings = I(warnings))
}

# ---- the golden cases --------------------------------------------------------------------------

golden_datasets <- function() {
  lung <- survival::lung
  veteran <- survival::veteran
  gehan <- MASS::gehan
  list(
    aml = data.frame(time = survival::aml$time, status = survival::aml$status,
                     x = as.character(survival::aml$x)),
    # status 1/2 in R's data set becomes 0/1; ph.ecog is empty where R has NA (one row).
    lung = data.frame(time = lung$time, status = lung$status - 1, sex = lung$sex,
                      ph.ecog = lung$ph.ecog, check.names = FALSE),
    ovarian = data.frame(futime = survival::ovarian$futime, fustat = survival::ovarian$fustat,
                         rx = survival::ovarian$rx),
    veteran = data.frame(time = veteran$time, status = veteran$status, trt = veteran$trt,
                         celltype = as.character(veteran$celltype)),
    gehan = data.frame(time = gehan$time, cens = gehan$cens, treat = as.character(gehan$treat)),
    # Made up, for two rules no R data set above reaches: rows censored before a curve's first
    # event (S = 1, std.err 0), whose log-log and logit limits are S under survival >= 3.8; and
    # the "early" wave, all censored before any event, which has expected 0, so survdiff has 0
    # degrees of freedom (R prints p = 1; the core gives no p and warns).
    early_censoring = data.frame(
      time = c(1, 2, 3, 5, 6, 6, 8, 9, 12, 15),
      status = c(0, 0, 0, 1, 1, 0, 1, 0, 1, 0),
      arm = c("A", "B", "A", "A", "B", "A", "B", "A", "A", "B"),
      wave = c(rep("early", 3), rep("late", 7))),
    # Made up: every row of arm C lacks its site, so C has a curve but no place in the test;
    # survdiff, which drops those rows, then compares A and B only.
    site_gap = data.frame(
      time = c(2, 4, 5, 7, 9, 3, 4, 6, 8, 11, 1, 5, 10),
      status = c(1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 0),
      arm = c(rep("A", 5), rep("B", 5), rep("C", 3)),
      site = c("north", "south", "north", "south", "north", "south", "north", "south", "north",
               "south", NA, NA, NA))
  )
}

# print(fit, rmean = tau)'s restricted mean and se(rmean), with limits estimate ± z·se.
rmst_of <- function(fit1, tau, conf_level) {
  tab <- summary(fit1, rmean = tau)$table
  est <- num(tab[["rmean"]])
  se <- num(tab[["se(rmean)"]])
  z <- qnorm(0.5 + conf_level / 2)
  list(tau = tau, estimate = est, std_err = se, lower = est - z * se, upper = est + z * se)
}

# Each later group against the first: difference, root of the summed variances, two-sided p.
rmst_differences <- function(groups, conf_level) {
  z <- qnorm(0.5 + conf_level / 2)
  ref <- groups[[1]]
  lapply(groups[-1], function(g) {
    est <- g$rmst$estimate - ref$rmst$estimate
    se <- sqrt(g$rmst$std_err^2 + ref$rmst$std_err^2)
    list(group = g$name, reference = ref$name, estimate = est, std_err = se,
         lower = est - z * se, upper = est + z * se,
         p = if (se > 0) 2 * pnorm(-abs(est) / se) else NA_real_)
  })
}

# Times lists mix a time before the first event, exact event times and times past a group's end.
golden_cases <- function() {
  case <- function(name, input, time, event, group = NULL, strata = NULL, conf_type = "log",
                   conf_level = 0.95, times = numeric(0), rho = 0, rmst_tau = NULL,
                   pairwise = NULL, trend = FALSE, trend_scores = NULL, landmark = NULL) {
    list(case = name, input = paste0("data/", input, ".csv"), time = time, event = event,
         group = group, strata = strata, conf_type = conf_type, conf_level = conf_level,
         times = times, rho = rho, rmst_tau = rmst_tau, pairwise = pairwise, trend = trend,
         trend_scores = if (is.null(trend_scores)) NULL else I(trend_scores),
         landmark = landmark)
  }
  list(
    case("aml_x", "aml", "time", "status", group = "x",
         times = c(4, 9, 12, 30, 48, 60, 200), rmst_tau = 40),
    # Out of order, as a user may type them: R sorts them. (A repeated time is kept twice by
    # survival 3.5, once by the core: docs/decisions.md, "Chosen times".)
    case("aml_x_times_unsorted", "aml", "time", "status", group = "x",
         times = c(30, 4, 13, 200, 9)),
    # tau between two times (one group: no difference).
    case("aml_all_loglog_90", "aml", "time", "status", conf_type = "log-log", conf_level = 0.9,
         times = c(0, 5, 8, 161, 170), rmst_tau = 30.5),
    case("lung_sex_plain_99_rho1", "lung", "time", "status", group = "sex", conf_type = "plain",
         conf_level = 0.99, times = c(0, 5, 180, 365, 730, 1000, 1022, 1100), rho = 1),
    case("lung_sex_strata_ecog_logit", "lung", "time", "status", group = "sex",
         strata = "ph.ecog", conf_type = "logit", times = c(1, 11, 100, 500, 800, 900)),
    case("lung_all_log_90", "lung", "time", "status", conf_level = 0.9,
         times = c(100, 365, 1022)),
    case("ovarian_rx_arcsin", "ovarian", "futime", "fustat", group = "rx", conf_type = "arcsin",
         times = c(50, 59, 365, 638, 1000, 1300)),
    case("veteran_trt_none", "veteran", "time", "status", group = "trt", conf_type = "none",
         times = c(0.5, 1, 100, 553, 999, 1000)),
    # tau past some groups' last times (their last value extends to tau), at a 99 % level.
    case("veteran_celltype_loglog_rho_half", "veteran", "time", "status", group = "celltype",
         conf_type = "log-log", conf_level = 0.99, times = c(1, 30, 90, 250, 600), rho = 0.5,
         rmst_tau = 600),
    # tau on an event time, with ties.
    case("gehan_treat", "gehan", "time", "cens", group = "treat",
         times = c(0, 1, 6, 10, 23, 35), rmst_tau = 23),
    case("gehan_treat_logit_rho1", "gehan", "time", "cens", group = "treat",
         conf_type = "logit", conf_level = 0.9, times = c(2, 7, 22, 34), rho = 1),
    case("early_censoring_arm_loglog", "early_censoring", "time", "status", group = "arm",
         conf_type = "log-log", times = c(0.5, 1, 2, 3, 6, 20)),
    case("early_censoring_arm_logit", "early_censoring", "time", "status", group = "arm",
         conf_type = "logit", conf_level = 0.9, times = c(0.5, 1, 2, 3, 6, 20)),
    case("site_gap_arm_strata", "site_gap", "time", "status", group = "arm", strata = "site",
         conf_type = "plain", times = c(1, 5, 10)),
    case("early_censoring_wave_df0", "early_censoring", "time", "status", group = "wave",
         times = c(1, 5)),
    # Pairwise tests and the test for trend: four cell types (Holm; default scores), with
    # Peto-Peto weights (BH; given scores), and within strata where one group lacks every
    # stratum (Bonferroni: that pair has no test).
    case("veteran_celltype_pairwise_trend", "veteran", "time", "status", group = "celltype",
         times = c(30, 90), pairwise = "holm", trend = TRUE),
    case("veteran_celltype_rho1_bh_scores", "veteran", "time", "status", group = "celltype",
         rho = 1, pairwise = "BH", trend_scores = c(1, 2, 4, 8)),
    case("site_gap_pairwise_bonferroni", "site_gap", "time", "status", group = "arm",
         strata = "site", pairwise = "bonferroni", trend = TRUE),
    case("lung_sex_strata_pairwise_none", "lung", "time", "status", group = "sex",
         strata = "ph.ecog", pairwise = "none", trend_scores = c(0, 1)),
    # Landmark analysis: at a time between events, on an event time with ties (rows at that
    # time are left out), with --times on the landmark's clock, a tau and the tests.
    case("veteran_trt_landmark_30", "veteran", "time", "status", group = "trt",
         times = c(10, 100), landmark = 30.5, rmst_tau = 200, pairwise = "holm"),
    case("gehan_treat_landmark_on_tie", "gehan", "time", "cens", group = "treat",
         times = c(1, 5, 15), landmark = 6, trend = TRUE),
    case("lung_all_landmark_365", "lung", "time", "status", conf_type = "log-log",
         times = c(0, 100, 365), landmark = 365)
  )
}

write_csv_plain <- function(df, path) {
  write.csv(df, path, row.names = FALSE, na = "", quote = FALSE)
}

main <- function() {
  root <- "tests/golden"
  if (!dir.exists(root)) stop("run from the repository root: Rscript tests/golden/make_golden.R")
  dir.create(file.path(root, "data"), showWarnings = FALSE)
  dir.create(file.path(root, "expected"), showWarnings = FALSE)

  for (name in names(golden_datasets())) {
    write_csv_plain(golden_datasets()[[name]], file.path(root, "data", paste0(name, ".csv")))
  }
  cases <- golden_cases()
  for (cs in cases) {
    d <- read_csv_as_core(file.path(root, cs$input))
    expected <- r_expected(d, cs$time, cs$event, cs$group, cs$strata, cs$conf_type,
                           cs$conf_level, cs$times, cs$rho, rmst_tau = cs$rmst_tau,
                           pairwise = cs$pairwise, trend = cs$trend,
                           trend_scores = cs$trend_scores, landmark = cs$landmark)
    writeLines(to_json_text(expected), file.path(root, "expected", paste0(cs$case, ".json")))
  }
  listing <- lapply(cases, function(cs) { cs$times <- I(cs$times); cs })
  writeLines(to_json_text(listing), file.path(root, "cases.json"))
  cat(sprintf("wrote %d golden cases\n", length(cases)))
  gehan <- fromJSON(file.path(root, "expected", "gehan_treat.json"))
  cat(sprintf("gehan log-rank chisq = %.5f (reference 16.79294)\n", gehan$survival$test$chisq))
}

if (sys.nframe() == 0L) main()

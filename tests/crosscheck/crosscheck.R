# Randomised cross-check of `itp-analyze survival` against R's survival package.
#
#   Rscript tests/crosscheck/crosscheck.R N CLI [FIRST_SEED]    (tests/crosscheck/run wraps it)
#
# For seeds FIRST_SEED .. FIRST_SEED+N-1: draw a data set (n from 1 to 500, 1-4 groups, tied
# events and censorings, all-censored groups, one-subject groups, integer or continuous times,
# times within 1e-10 (absolute) or 1e-8 (relative) of each other so R's aeqSurv merges them,
# time 0, a strata column on some, with missing strata cells); some made on purpose for what
# survdiff cannot compute (a singular variance, one group in the test), for p-values far below
# 1e-12 (groups far apart), with events coded 0/1, 1/2, 1/2 with a number above 2, 0/1/2 or
# "1.0", and with missing or unreadable time, event and group cells; and random options (conf
# type, level, rho, --times and --risk-times, some out of order or repeated). Write it as CSV,
# run the CLI, and compare with R (tests/golden/make_golden.R, r_expected): every field R can
# tell at 1e-9 relative (no absolute floor but for a chi-squared of rounding noise), the rows
# read, used and left out by reason against R's own count of complete rows, the test block
# always (null, or no p with the warning no_test or singular_test where R's survdiff stops),
# the risk table at the chosen times, and the warnings both ways (none missing, none extra).
# A seed whose case R cannot compute fails: the cases where survdiff stops are handled
# explicitly, and nothing is skipped. Every seed must come back compared, and the default run
# (N >= 1000) must reach every kind of case above at least once.
# One line per failing seed (its first difference):
#   FAIL seed=<s> <case> <json path>: expected <R> got <CLI>
# Failing inputs, both JSON documents and a command.sh that replays the CLI are kept in
# tests/crosscheck/out/seed-<s>/. tests/canary/crosscheck shows the comparison fails on a
# changed number.
# Exit status 1 when any seed fails.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: crosscheck.R N CLI [FIRST_SEED]")
n_cases <- as.integer(args[1])
cli <- args[2]
first_seed <- if (length(args) >= 3) as.integer(args[3]) else 1L

script_dir <- local({
  file_arg <- grep("^--file=", commandArgs(FALSE), value = TRUE)
  dirname(normalizePath(sub("^--file=", "", file_arg[1])))
})
source(file.path(script_dir, "..", "golden", "make_golden.R"))   # r_expected, read_csv_as_core
source(file.path(script_dir, "compare.R"))   # fmt_num, %||%
source(file.path(script_dir, "seeds.R"))     # write_case_csv
suppressPackageStartupMessages(library(parallel))

out_dir <- file.path(script_dir, "out")
work_dir <- tempfile("itp-crosscheck-")
dir.create(work_dir)

# ---- random data sets --------------------------------------------------------------------------

draw_n <- function() {
  u <- runif(1)
  if (u < 0.25) sample(1:12, 1) else if (u < 0.7) sample(13:80, 1) else sample(81:500, 1)
}

draw_group_labels <- function(k) {
  style <- sample(c("letters", "numbers", "words"), 1)
  switch(style,
         letters = sample(c("A", "B", "C", "D", "a", "b"), k),
         numbers = as.character(sample(c(1, 2, 3, 10, 20, 0.5, -1), k)),
         words = sample(c("control", "Treated", "arm_2", "Zeta", "beta", "10mg"), k))
}

draw_times <- function(n) {
  style <- sample(c("small_integers", "integers", "continuous", "rounded"), 1)
  t <- switch(style,
              small_integers = sample(0:8, n, replace = TRUE),   # heavy ties
              integers = round(rexp(n, 1 / 300)),
              continuous = rexp(n, 1 / runif(1, 0.5, 1000)),
              rounded = round(rexp(n, 1 / 50), 1))
  if (runif(1) < 0.3) t[sample(n, 1)] <- 0
  if (n >= 2 && runif(1) < 0.4) {
    # Near-ties: absolute (below 1.5e-8) or relative to the mean time (R's two rules), and
    # some just outside them so they must stay apart.
    k <- sample(1:max(1, n %/% 5), 1)
    from <- sample(n, k, replace = TRUE)
    to <- sample(n, k, replace = TRUE)
    shift <- sample(c(1e-10, 5e-11, 1e-9, 3e-8, 1e-6), k, replace = TRUE)
    t[to] <- t[from] + shift * ifelse(runif(k) < 0.5, 1, max(1, mean(abs(t))))
  }
  t
}

# What a data set is made to reach. "random": as drawn above. "effect": each group's times
# scaled apart, so large data sets give p-values far below 1e-12. "singular": every death at
# one last time where everyone still at risk dies (in each stratum), so survdiff's variance is
# 0 and R stops; the core must give no chi-squared, no p and the warning singular_test.
# "one_tested": every row of all groups but one lacks its stratum, so the test has one group
# (survdiff stops: "There is only 1 group"); the core gives df 0, no p and no_test.
draw_design <- function() {
  sample(c("random", "effect", "singular", "one_tested"), 1, prob = c(0.78, 0.12, 0.06, 0.04))
}

draw_singular_times <- function(n) {
  last <- sample(c(5, 12, 100, 365.25), 1)
  dies <- sample(n, max(2, rbinom(1, n, runif(1, 0.1, 0.6))))
  time <- round(runif(n, 0, last * 0.95), sample(0:2, 1))
  time[dies] <- last
  list(time = time, status = as.integer(seq_len(n) %in% dies))
}

# Cells the core cannot read, and R's as.numeric neither: missing markers and other text.
kUnreadableCells <- c("", "NA", "na", ".", "-", "n/a", "ND", "NaN", "x", "abc", "?", "unknown",
                      "t5", "1..2")

draw_case <- function(seed) {
  set.seed(seed)
  design <- draw_design()
  n <- if (design == "effect") sample(40:500, 1) else draw_n()
  if (design == "singular") n <- max(n, 2)
  k <- sample(1:4, 1, prob = c(0.2, 0.4, 0.25, 0.15))
  if (design != "random") k <- max(k, 2)
  labels <- draw_group_labels(k)
  g <- sample(labels, n, replace = TRUE)
  if (k >= 2 && n >= 3 && runif(1) < 0.2) {   # a group of one subject
    g[g == labels[k]] <- labels[1]
    g[sample(n, 1)] <- labels[k]
  }
  time <- draw_times(n)
  status <- rbinom(n, 1, runif(1, 0.05, 1))
  if (runif(1) < 0.15) status[g == sample(labels, 1)] <- 0   # an all-censored group
  if (design == "effect") {
    scale <- c(1, sample(c(3, 6, 12), 1))[1 + (match(g, labels) %% 2)]
    time <- signif(rexp(n, 1 / 30) * scale, 6)
    status <- rbinom(n, 1, 0.8)
  }
  s <- NULL
  if (design == "singular") {
    n_strata <- sample(1:2, 1)
    s <- sample(c("s1", "s2")[1:n_strata], n, replace = TRUE)
    time <- numeric(n)
    status <- integer(n)
    for (stratum in unique(s)) {
      rows <- which(s == stratum)
      if (length(rows) < 2) next
      draw <- draw_singular_times(length(rows))
      time[rows] <- draw$time
      status[rows] <- draw$status
    }
    # Deaths in at least two groups at the last time of a stratum.
    first <- which(s == s[1] & status == 1)
    g[first[1]] <- labels[1]
    if (length(first) >= 2) g[first[2]] <- labels[2]
    if (n_strata == 1 && runif(1) < 0.5) s <- NULL
  }

  use_group <- k > 1 || runif(1) < 0.3
  use_strata <- use_group && (design %in% c("one_tested") || !is.null(s) || runif(1) < 0.3)
  if (use_strata) {
    if (is.null(s)) s <- sample(c("s1", "s2", "s3")[1:sample(1:3, 1)], n, replace = TRUE)
    if (design == "one_tested") s[g != sample(unique(g), 1)] <- NA
    if (runif(1) < 0.3) s[runif(n) < 0.05] <- sample(c(NA, "NA", "."), 1)
  }

  # The event column: 0/1; or 1/2 as R's Surv reads it (2 = event); or 1/2 with a number above
  # 2 somewhere (R then reads 0/1 and a 2 is no status); or 0/1 and some 2s (the core's one
  # departure from Surv: 2 left out, 0/1 kept); or 0/1 written "0.0", "1.0".
  coding <- sample(c("0/1", "1/2", "1/2 and above", "0/1/2", "decimal"), 1,
                   prob = c(0.7, 0.12, 0.05, 0.07, 0.06))
  event_text <- as.character(status)
  if (coding %in% c("1/2", "1/2 and above")) event_text <- as.character(status + 1)
  if (coding == "1/2 and above") event_text[sample(n, 1)] <- sample(c("3", "9", "0.5", "-1"), 1)
  if (coding == "0/1/2") event_text[sample(n, max(1, n %/% 10))] <- "2"
  if (coding == "decimal") event_text <- sprintf("%.1f", status)
  time_text <- fmt_num(time)
  group_text <- g
  # Cells that cannot be read: left out with a warning, as R's na.omit leaves them out.
  if (runif(1) < 0.25) {
    for (column in c("time", "event", "group")) {
      if (runif(1) < 0.5) next
      rows <- sample(n, sample(1:max(1, n %/% 8), 1))
      cells <- sample(if (column == "group") c("", "NA", "-") else kUnreadableCells,
                      length(rows), replace = TRUE)
      if (column == "time") time_text[rows] <- cells
      if (column == "event") event_text[rows] <- cells
      if (column == "group") group_text[rows] <- cells
    }
  }
  d <- data.frame(time = time_text, status = event_text, arm = group_text,
                  stringsAsFactors = FALSE)
  if (use_strata) d$site <- s

  conf_type <- sample(c("log", "log-log", "plain", "logit", "arcsin", "none"), 1)
  conf_level <- sample(c(0.8, 0.9, 0.95, 0.99, round(runif(1, 0.5, 0.999), 3)), 1)
  rho <- sample(c(0, 0, 0, 1, 0.5, 2), 1)
  pick_times <- function() {
    candidates <- c(min(time) - 0.5, time[sample(n, min(n, 3))], runif(2, 0, max(time)),
                    max(time), max(time) + 1)
    chosen <- unique(candidates[candidates >= 0 & runif(length(candidates)) < 0.6])
    chosen <- sort(chosen)
    # Out of order and repeated, as a user may type them: the core sorts them and keeps each
    # once, with a warning times_reordered (docs/decisions.md, "Chosen times").
    if (length(chosen) >= 2 && runif(1) < 0.15) chosen <- sample(chosen)
    if (length(chosen) >= 1 && runif(1) < 0.15) chosen <- c(chosen, sample(chosen, 1))
    chosen
  }
  times <- pick_times()
  # The risk table at times of the test's choosing (else the core's grid, asked of R too).
  risk_times <- if (runif(1) < 0.6) c(0, pick_times()) else NULL

  list(seed = seed, design = design, coding = coding, data = d,
       group = if (use_group) "arm" else NULL, strata = if (use_strata) "site" else NULL,
       conf_type = conf_type, conf_level = conf_level, rho = rho, times = times,
       risk_times = risk_times)
}

describe_case <- function(cs) {
  sprintf("n=%d groups=%d%s %s events=%s conf=%s/%s rho=%s times=[%s]%s", nrow(cs$data),
          length(unique(cs$data$arm)), if (is.null(cs$strata)) "" else " strata", cs$design,
          cs$coding, cs$conf_type, format(cs$conf_level), format(cs$rho),
          paste(signif(cs$times, 6), collapse = ","),
          paste0(if (is.null(cs$risk_times)) "" else
                   sprintf(" risk-times=[%s]", paste(signif(cs$risk_times, 6), collapse = ",")),
                 if (is.null(cs$pairwise)) "" else paste0(" pairwise=", cs$pairwise),
                 if (isTRUE(cs$trend)) " trend" else "",
                 if (is.null(cs$trend_scores)) "" else
                   sprintf(" trend-scores=[%s]", paste(cs$trend_scores, collapse = ",")),
                 if (is.null(cs$landmark)) "" else sprintf(" landmark=%s", signif(cs$landmark, 6))))
}

# ---- comparison --------------------------------------------------------------------------------

show <- function(x) {
  if (is.null(x)) return("null")
  text <- toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", na = "null")
  if (nchar(text) > 100) paste0(substr(text, 1, 97), "...") else as.character(text)
}

# Numbers agree when |actual - expected| <= 1e-9 |expected|: relative everywhere, with no
# absolute floor (one of 1e-12 let any p-value below 1e-12 through), so a p-value of 1e-40 is
# checked to 9 digits like any other and a 0 must be 0. One floor is left: a chi-squared below
# 1e-20, which is rounding noise (observed minus expected deaths of order 1e-16 times the
# deaths, squared), where both programs may print different noise; its p-value, 1 to within
# 1e-20, is still compared relatively. 5000 seeds needed no floor at all.
kChisqFloor <- 1e-20
numbers_agree <- function(expected, actual, floor = 0) {
  abs(actual - expected) <= max(1e-9 * abs(expected), floor)
}

# The first difference between R's document and the CLI's, as list(path, expected, actual).
# Objects: every key of R's must be in the CLI's (the CLI may say more), except in
# `rows.left_out`, where the reasons must be the same. Arrays: same length, element by element.
# Strings, booleans and null must be equal.
first_difference <- function(expected, actual, path = "$") {
  if (is.null(expected)) {
    if (is.null(actual)) return(NULL)
    return(list(path = path, expected = "null", actual = show(actual)))
  }
  if (is.null(actual)) return(list(path = path, expected = show(expected), actual = "null"))
  if (is.list(expected)) {
    if (!is.list(actual)) return(list(path = path, expected = show(expected), actual = show(actual)))
    keys <- names(expected)
    if (!is.null(keys) || grepl("left_out$", path)) {
      if (grepl("\\.rows\\.left_out$", path) && !setequal(keys, names(actual))) {
        return(list(path = path, expected = show(expected), actual = show(actual)))
      }
      for (key in keys) {
        if (!(key %in% names(actual))) {
          return(list(path = paste0(path, ".", key), expected = show(expected[[key]]),
                      actual = "(missing)"))
        }
        diff <- first_difference(expected[[key]], actual[[key]], paste0(path, ".", key))
        if (!is.null(diff)) return(diff)
      }
      return(NULL)
    }
    if (length(expected) != length(actual)) {
      return(list(path = paste0(path, " (length ", length(expected), " vs ", length(actual), ")"),
                  expected = show(expected), actual = show(actual)))
    }
    # A column of numbers and nulls, compared at once (the same rule, element by element).
    as_column <- function(x) {
      if (!all(vapply(x, function(v) is.null(v) || (is.numeric(v) && length(v) == 1), NA))) {
        return(NULL)
      }
      vapply(x, function(v) if (is.null(v)) NA_real_ else as.numeric(v), 0)
    }
    e <- as_column(expected)
    a <- if (is.null(e)) NULL else as_column(actual)
    if (!is.null(a)) {
      agree <- (is.na(e) & is.na(a)) | (!is.na(e) & !is.na(a) & abs(a - e) <= 1e-9 * abs(e))
      if (all(agree)) return(NULL)
      i <- which(!agree)[1]
      return(first_difference(expected[[i]], actual[[i]], sprintf("%s[%d]", path, i - 1)))
    }
    for (i in seq_along(expected)) {
      diff <- first_difference(expected[[i]], actual[[i]], sprintf("%s[%d]", path, i - 1))
      if (!is.null(diff)) return(diff)
    }
    return(NULL)
  }
  if (is.numeric(expected) && is.numeric(actual)) {
    floor <- if (grepl("\\.(test|trend|pairwise\\[[0-9]+\\])\\.chisq$", path)) kChisqFloor else 0
    if (numbers_agree(expected, actual, floor)) return(NULL)
    return(list(path = path, expected = fmt_num(expected), actual = fmt_num(actual)))
  }
  if (identical(class(expected), class(actual)) && identical(expected, actual)) return(NULL)
  list(path = path, expected = show(expected), actual = show(actual))
}

drop_warnings <- function(x) { x[["warnings"]] <- NULL; x }

# Every warning R expects must be among the CLI's with the same values of its fields, and
# every warning of the CLI must be one R expects: none missing, none extra. The CLI lists the
# first 20 rows of a kind, then one warning "... and K more rows ... (code)" without a row:
# for each code, the rows listed plus K must be exactly the rows R expects.
warning_difference <- function(expected, actual) {
  matches <- function(w, a) {
    all(vapply(names(w), function(key) {
      identical(as.character(unlist(a[[key]])), as.character(unlist(w[[key]])))
    }, logical(1)))
  }
  codes <- unique(c(vapply(expected, function(w) w$code, ""),
                    vapply(actual, function(a) a$code %||% "", "")))
  for (code in codes) {
    exp_c <- Filter(function(w) identical(w$code, code), expected)
    act_c <- Filter(function(a) identical(a$code, code), actual)
    more <- Filter(function(a) is.null(a$row) && grepl("^\\.\\.\\. and [0-9]+ more", a$message),
                   act_c)
    listed <- Filter(function(a) !(is.null(a$row) && grepl("^\\.\\.\\. and [0-9]+ more", a$message)),
                     act_c)
    unexpected <- Filter(function(a) !any(vapply(exp_c, matches, logical(1), a = a)), listed)
    found <- sum(vapply(exp_c, function(w) any(vapply(listed, matches, logical(1), w = w)),
                        logical(1)))
    k_more <- if (length(more) == 1) as.integer(sub("^\\.\\.\\. and ([0-9]+) more.*", "\\1",
                                                    more[[1]]$message)) else 0L
    if (length(unexpected) > 0 || length(more) > 1 || length(listed) != found ||
        found + k_more != length(exp_c) || (k_more > 0 && found != 20)) {
      return(list(path = sprintf("$.warnings[code=%s]", code),
                  expected = sprintf("%d warnings", length(exp_c)),
                  actual = sprintf("%d listed (%d unexpected) and %d more: %s", length(listed),
                                   length(unexpected), k_more, show(act_c))))
    }
  }
  NULL
}

# The CLI's arguments for a case.
cli_arguments <- function(cs, csv) {
  c("survival", "--input", csv, "--time", "time", "--event", "status",
    if (!is.null(cs$group)) c("--group", cs$group),
    if (!is.null(cs$strata)) c("--strata", cs$strata),
    "--conf-type", cs$conf_type, "--conf-level", fmt_num(cs$conf_level),
    if (length(cs$times)) c("--times", paste(fmt_num(cs$times), collapse = ",")),
    if (length(cs$risk_times)) c("--risk-times", paste(fmt_num(cs$risk_times), collapse = ",")),
    if (!is.null(cs$rmst_tau)) c("--rmst-tau", fmt_num(cs$rmst_tau)),
    if (!is.null(cs$pairwise)) c("--pairwise", cs$pairwise),
    if (isTRUE(cs$trend)) "--trend",
    if (!is.null(cs$trend_scores)) c("--trend-scores", paste(fmt_num(cs$trend_scores), collapse = ",")),
    if (!is.null(cs$landmark)) c("--landmark", fmt_num(cs$landmark)),
    "--rho", fmt_num(cs$rho))
}

# Pairwise tests, the test for trend and a landmark, drawn after the data on their own RNG
# stream (the draws above stay as they were): pairwise on 3 seeds in 10 (each adjustment), trend
# on 1 in 4 (group order or given scores, one per group left after the landmark), a landmark on
# 1 in 5 (on a used time, so its ties are left out, or between times; never with a tau, whose
# time would then be on the landmark's clock).
with_comparisons <- function(cs, d) {
  set.seed(cs$seed + 104729)
  cols <- read_survival_columns(d, "time", "status", cs$group)
  if (!any(cols$used)) return(cs)
  if (is.null(cs$rmst_tau) && runif(1) < 0.2) {
    times <- cols$time[cols$used]
    below_last <- times[times < max(times)]
    if (length(below_last) > 0) {
      cs$landmark <- if (runif(1) < 0.5) sample(below_last, 1) else runif(1, 0, max(times))
    }
  }
  if (!is.null(cs$group)) {
    if (runif(1) < 0.3) cs$pairwise <- sample(c("holm", "bonferroni", "BH", "none"), 1)
    if (runif(1) < 0.25) {
      kept <- cols$used & cols$time > (cs$landmark %||% -Inf)
      k <- length(unique(cols$g_text[kept]))
      scores <- sample(c(-1, 0, 0.5, 1, 2, 3, 5, 10), max(k, 1), replace = TRUE)
      if (k >= 2 && runif(1) < 0.5 && length(unique(scores)) >= 2) cs$trend_scores <- scores
      else cs$trend <- TRUE
    }
  }
  cs
}

# A tau for the restricted mean on 4 seeds in 10, drawn after the data (the same RNG stream as
# before for everything else): from each curve's first used time (R refuses a tau before it) to
# past the last time, so that tau falls between times, on one, or after a curve's end.
with_rmst_tau <- function(cs, d) {
  set.seed(cs$seed + 7919)
  if (runif(1) >= 0.4) return(cs)
  cols <- read_survival_columns(d, "time", "status", cs$group)
  if (!any(cols$used)) return(cs)
  firsts <- tapply(cols$time[cols$used], cols$g_text[cols$used], min)
  last <- max(cols$time[cols$used])
  low <- max(firsts)
  tau <- if (runif(1) < 0.2) sample(cols$time[cols$used & cols$time >= low], 1)
         else runif(1, low, max(low, last) * 1.2 + 1e-9)
  # R refuses some taus on very small data sets ("Truncation point ... < smallest survival"),
  # where the core answers (docs/decisions.md): those are not R's to check.
  frame <- data.frame(time = cols$time, status = cols$status,
                      g = ifelse(cols$used, cols$g_text, NA))
  fit <- survfit(Surv(time, status) ~ g, data = frame)
  curves <- if (is.null(fit$strata)) list(fit) else lapply(seq_along(fit$strata), function(i) fit[i])
  refused <- any(vapply(curves, function(f1) {
    inherits(tryCatch(summary(f1, rmean = tau), error = function(e) e), "error")
  }, logical(1)))
  if (!refused) cs$rmst_tau <- tau
  cs
}

# R's document for a case. Without --risk-times the risk table's grid is the core's choice, so
# R is asked about that grid (the CLI's first curve's), sorted as the core must give it.
expected_document <- function(cs, d, actual) {
  cols <- read_survival_columns(d, "time", "status", cs$group)
  if (!any(cols$used)) {
    return(list(ok = FALSE, error = list(code = "no_usable_rows")))
  }
  risk_times <- cs$risk_times
  if (is.null(risk_times)) {
    grid <- unlist(actual$survival$groups[[1]]$risk_table$time)
    risk_times <- sort(unique(as.numeric(grid)))
  }
  r_expected(d, "time", "status", cs$group, cs$strata, cs$conf_type, cs$conf_level, cs$times,
             cs$rho, risk_times = risk_times, rmst_tau = cs$rmst_tau, pairwise = cs$pairwise,
             trend = isTRUE(cs$trend), trend_scores = cs$trend_scores, landmark = cs$landmark)
}

# What a compared case reached, for the summary line (each must be reached by the default run).
case_kinds <- function(cs, expected) {
  test <- expected$survival$test
  codes <- vapply(expected$warnings, function(w) w$code, "")
  p <- test$p
  c(if (!is.null(test) && !is.null(p) && !is.na(p) && p < 1e-12) "p<1e-12",
    if ("singular_test" %in% codes) "singular_test",
    if ("no_test" %in% codes) "no_test",
    if ("one_group" %in% codes) "one_group",
    if (!is.null(test) && length(test$groups) == 1) "one_tested_group",
    if ("event_coded_1_2" %in% codes) "event_coded_1_2",
    if (cs$coding == "0/1/2" && "invalid_event" %in% codes) "0/1/2_departure",
    if (cs$coding == "1/2 and above") "1/2_and_above",
    if (any(c("missing_time", "invalid_time") %in% codes)) "time_left_out",
    if (any(c("missing_event", "invalid_event") %in% codes)) "event_left_out",
    if ("missing_group" %in% codes) "group_left_out",
    if ("missing_strata" %in% codes) "stratum_left_out",
    if ("times_reordered" %in% codes) "times_reordered",
    if (anyDuplicated(cs$times) > 0) "times_repeated",
    if (!is.null(cs$risk_times)) "risk_times_chosen",
    if (isFALSE(expected$ok)) "no_usable_rows",
    if (!is.null(expected$survival$pairwise)) "pairwise",
    if ("pairwise_no_test" %in% codes) "pairwise_no_test",
    if (!is.null(expected$survival$trend$p)) "trend",
    if (!is.null(cs$trend_scores)) "trend_scores",
    if ("before_landmark" %in% codes) "landmark")
}
kAllKinds <- c("p<1e-12", "singular_test", "no_test", "one_group", "one_tested_group",
               "event_coded_1_2", "0/1/2_departure", "1/2_and_above", "time_left_out",
               "event_left_out", "group_left_out", "stratum_left_out", "times_reordered",
               "times_repeated", "risk_times_chosen", "pairwise", "pairwise_no_test", "trend",
               "trend_scores", "landmark")

# ---- one seed ----------------------------------------------------------------------------------

# Returns list(line, kinds): line "PASS seed=..." when every field R can tell matched, else
# "FAIL seed=..." with the first difference (inputs and both documents kept in out/).
run_seed <- function(seed) {
  cs <- draw_case(seed)
  csv <- file.path(work_dir, sprintf("seed-%d.csv", seed))
  write_case_csv(cs$data, csv)
  d <- read_csv_as_core(csv)
  cs <- with_rmst_tau(cs, d)
  cs <- with_comparisons(cs, d)
  cli_args <- cli_arguments(cs, csv)
  actual_text <- suppressWarnings(system2(cli, shQuote(cli_args), stdout = TRUE, stderr = FALSE))
  actual_text <- paste(actual_text, collapse = "\n")
  actual <- tryCatch(fromJSON(actual_text, simplifyVector = FALSE), error = function(e) NULL)

  # A case R cannot compute is a failure: the cases where survdiff stops and the core answers
  # are handled in r_expected, and any other error of R's is not one the comparison knows.
  expected <- tryCatch(expected_document(cs, d, actual), error = function(e) e)
  kinds <- character(0)
  if (inherits(expected, "error")) {
    diff <- list(path = "(R)", expected = "R's answer",
                 actual = paste("R failed:", conditionMessage(expected)))
    expected_text <- ""
  } else {
    expected_text <- to_json_text(expected)
    kinds <- case_kinds(cs, expected)
    diff <- if (is.null(actual)) {
      list(path = "$", expected = "a JSON document", actual = substr(actual_text, 1, 100))
    } else {
      expected_doc <- fromJSON(expected_text, simplifyVector = FALSE)
      warning_difference(expected_doc$warnings %||% list(), actual$warnings %||% list()) %||%
        first_difference(drop_warnings(expected_doc), drop_warnings(actual))
    }
  }
  if (is.null(diff)) return(list(line = sprintf("PASS seed=%d", seed), kinds = kinds))

  keep <- file.path(out_dir, sprintf("seed-%d", seed))
  dir.create(keep, recursive = TRUE, showWarnings = FALSE)
  file.copy(csv, file.path(keep, "data.csv"), overwrite = TRUE)
  writeLines(expected_text, file.path(keep, "expected.json"))
  writeLines(actual_text, file.path(keep, "actual.json"))
  replay <- cli_args
  replay[replay == csv] <- "$(dirname \"$0\")/data.csv"
  writeLines(c("#!/bin/sh", "# Replays this seed: ITP_CLI=path/to/itp-analyze sh command.sh",
               paste("\"${ITP_CLI:-itp-analyze}\"",
                     paste(ifelse(grepl("^\\$", replay), paste0("\"", replay, "\""),
                                  shQuote(replay)), collapse = " "))),
             file.path(keep, "command.sh"))
  list(line = sprintf("FAIL seed=%d %s %s: expected %s got %s", seed, describe_case(cs),
                      diff$path, diff$expected, diff$actual),
       kinds = kinds)
}

seeds <- seq.int(first_seed, length.out = n_cases)
results <- mclapply(seeds, function(s) {
  tryCatch(run_seed(s), error = function(e) {
    list(line = sprintf("ERROR seed=%d %s", s, conditionMessage(e)), kinds = character(0))
  })
}, mc.cores = max(1L, min(2L, detectCores())))
unlink(work_dir, recursive = TRUE)

# Every seed asked for must come back compared: a worker that died leaves no PASS line.
lines <- vapply(seq_along(seeds), function(i) {
  r <- if (i <= length(results)) results[[i]] else NULL
  if (is.list(r) && is.character(r$line) && length(r$line) == 1) r$line
  else sprintf("ERROR seed=%d no result (the worker died?)", seeds[i])
}, character(1))
for (line in lines[!grepl("^PASS", lines)]) cat(line, "\n", sep = "")
passed <- sum(lines == sprintf("PASS seed=%d", seeds))
failed <- n_cases - passed

kinds <- unlist(lapply(results, function(r) if (is.list(r)) r$kinds))
counts <- vapply(kAllKinds, function(k) sum(kinds == k), integer(1))
cat("crosscheck: reached ", paste(sprintf("%s %d", kAllKinds, counts), collapse = ", "), "\n",
    sep = "")
# The default run must reach every kind of case it was written for: a change of the generator
# that stops reaching one would leave that kind untested without a word.
unreached <- if (n_cases >= 1000) kAllKinds[counts == 0] else character(0)
if (length(unreached) > 0) {
  cat(sprintf("crosscheck: no seed reached %s\n", paste(unreached, collapse = ", ")))
}
cat(sprintf("crosscheck: %d seeds (%d..%d), %d compared and passed, %d failed\n",
            n_cases, first_seed, first_seed + n_cases - 1, passed, failed))
quit(status = if (failed > 0 || length(unreached) > 0) 1 else 0)

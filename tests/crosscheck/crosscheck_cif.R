# Randomised cross-check of `itp-analyze cif` against R's cmprsk::cuminc (competing risks).
#
#   Rscript tests/crosscheck/crosscheck_cif.R N CLI [FIRST_SEED]   (tests/crosscheck/run wraps it)
#
# For seeds FIRST_SEED .. FIRST_SEED+N-1: draw a data set (n from 1 to 300, 1-3 groups labelled
# by letters, numbers or words, 1-3 causes coded 1/2/3, 1/2/5 or 2/3/4, heavy ties between
# causes and with censorings or continuous times, time 0, a cause with no event in one group,
# all-censored data sets, another censor code than 0, missing time, status, group and strata
# cells), with a strata column on some seeds and --times (some out of order, repeated, negative
# or past the last time) and a conf level on others. Run the CLI and compare with cuminc() on
# the same rows as read back from the CSV:
#   - each curve (cause outer, group inner, as cuminc names them "group cause"): the rows of
#     cuminc's step function after each jump (times 3, 5, ... of $time, $est, $var) and its last
#     time, at 1e-9 relative; the limits est^exp(±z·sqrt(var)/(est·log est)) computed by R from
#     R's est and var, null where R gives NA;
#   - at_times against timepoints(fit, times) (NA beyond a group's last time);
#   - Gray's test: stat at 1e-9 relative (a stat below 1e-20 is rounding noise, compared
#     absolutely), df, and p against pchisq(stat, df, lower.tail = FALSE) at 1e-9 relative and
#     against cuminc's pv = 1 - pchisq() at 1e-15 absolute; where cuminc says -1 (a singular
#     variance) the core must give null and the warning singular_test;
#   - rows read, used (R's complete rows) and left out by reason (the first of time, status,
#     group and strata cells that is missing), and the warnings both ways;
#   - a data set R cannot compute (every row censored: cuminc stops with "NAs in foreign
#     function call") must give no curve, no test and the warning no_events. Nothing is skipped.
# One line per failing seed (its first difference):
#   FAIL seed=<s> <what>: expected <R> got <CLI>
# Failing inputs and the CLI's answer are kept in tests/crosscheck/out/cif-seed-<s>/.
# Exit status 1 when any seed fails or a kind of case the default run must reach was not.

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 2) stop("usage: crosscheck_cif.R N CLI [FIRST_SEED]")
n_cases <- as.integer(args[1])
cli <- args[2]
first_seed <- if (length(args) >= 3) as.integer(args[3]) else 1L

suppressPackageStartupMessages({
  library(cmprsk)
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
work_dir <- tempfile("itp-crosscheck-cif-")
dir.create(work_dir)

# ---- random data sets --------------------------------------------------------------------------

draw_case <- function(seed) {
  set.seed(seed)
  u <- runif(1)
  n <- if (u < 0.2) sample(1:10, 1) else if (u < 0.6) sample(11:80, 1) else sample(81:300, 1)
  k <- sample(1:3, 1)
  labels <- switch(sample(c("letters", "numbers", "words"), 1),
                   letters = sample(c("A", "B", "C", "a", "b"), k),
                   numbers = as.character(sample(c(1, 2, 3, 10, 0.5), k)),
                   words = sample(c("control", "Treated", "arm_2", "Zeta", "beta"), k))
  g <- sample(labels, n, replace = TRUE)
  codes <- list(c(1, 2, 3), c(1, 2, 5), c(2, 3, 4))[[sample(3, 1)]][1:sample(1:3, 1)]
  status <- ifelse(runif(n) < runif(1, 0, 0.7), 0, sample(codes, n, replace = TRUE))
  kinds <- character(0)
  if (k >= 2 && length(codes) >= 2 && runif(1) < 0.3) {   # a cause with no event in a group
    status[g == labels[1] & status == codes[1]] <- codes[2]
    kinds <- c(kinds, "cause absent from a group")
  }
  if (runif(1) < 0.04) {
    status[] <- 0
    kinds <- c(kinds, "all censored")
  }
  style <- sample(c("small_integers", "integers", "continuous", "rounded"), 1)
  time <- switch(style,
                 small_integers = sample(0:8, n, replace = TRUE),   # ties of causes and censorings
                 integers = round(rexp(n, 1 / 300)),
                 continuous = rexp(n, 1 / runif(1, 0.5, 1000)),
                 rounded = round(rexp(n, 1 / 50), 1))
  if (runif(1) < 0.3) {   # groups apart, so the test has something to find
    time <- time * c(1, 3, 8)[match(g, labels)]
  }
  if (runif(1) < 0.2) time[sample(n, 1)] <- 0
  censor <- 0
  if (runif(1) < 0.1) {   # another censor code; 0 is then a cause
    censor <- 9
    status[status == 0] <- 9
    if (runif(1) < 0.5) status[sample(n, 1)] <- 0
    kinds <- c(kinds, "censor code 9")
  }
  use_group <- k > 1 || runif(1) < 0.3
  s <- NULL
  if (use_group && runif(1) < 0.35) {
    s <- sample(c("s1", "s2", "s3")[1:sample(1:3, 1)], n, replace = TRUE)
    kinds <- c(kinds, "strata")
  }
  d <- data.frame(time = time, status = status, stringsAsFactors = FALSE)
  if (use_group) d$arm <- g
  if (!is.null(s)) d$site <- s
  if (runif(1) < 0.2) {   # missing cells: left out with a warning, as cuminc's na.omit
    for (column in names(d)) {
      if (runif(1) < 0.5) next
      d[[column]][sample(n, sample(1:max(1, n %/% 8), 1))] <- NA
    }
    kinds <- c(kinds, "missing cells")
  }
  times <- NULL
  if (runif(1) < 0.5) {
    candidates <- c(-1, 0, time[sample(n, min(n, 3))], runif(2, 0, max(time)), max(time),
                    max(time) + 1)
    times <- unique(candidates[runif(length(candidates)) < 0.5])
    if (length(times) >= 2 && runif(1) < 0.7) times <- sort(times)
    if (length(times) >= 1 && runif(1) < 0.1) times <- c(times, times[1])
    kinds <- c(kinds, "times")
  }
  conf_level <- if (runif(1) < 0.5) 0.95 else sample(c(0.8, 0.9, 0.99, round(runif(1, 0.5, 0.999), 3)), 1)
  list(seed = seed, data = d, censor = censor, times = times, conf_level = conf_level,
       group = if (use_group) "arm" else NULL, strata = if (!is.null(s)) "site" else NULL,
       kinds = kinds)
}

cli_arguments <- function(cs, csv) {
  c("cif", "--input", csv, "--time", "time", "--status", "status",
    if (!is.null(cs$group)) c("--group", cs$group),
    if (!is.null(cs$strata)) c("--strata", cs$strata),
    if (cs$censor != 0 || runif(1) < 0.3) c("--censor-value", fmt_num(cs$censor)),
    if (length(cs$times)) c("--times", paste(fmt_num(cs$times), collapse = ",")),
    if (cs$conf_level != 0.95) c("--conf-level", fmt_num(cs$conf_level)))
}

# ---- comparison ----------------------------------------------------------------------------------

num <- function(x) if (is.null(x)) numeric(0) else vapply(x, function(v) if (is.null(v)) NA_real_ else as.numeric(v), 0)

log_log_limits <- function(est, var, level) {
  z <- qnorm(0.5 + level / 2)
  c <- z * sqrt(var) / (est * log(est))
  # 1 at est >= 1: the sum of the jumps can end at 1 + 2^-52 (the core's one rule there).
  lower <- ifelse(est >= 1, 1, est^exp(-c))
  upper <- ifelse(est >= 1, 1, est^exp(c))
  lower[est == 0] <- NA
  upper[est == 0] <- NA
  list(lower = lower, upper = upper)
}

compare_columns <- function(what, got, time, est, var, level) {
  lim <- suppressWarnings(log_log_limits(est, var, level))
  compare_numbers(paste0(what, ".time"), time, num(got$time)) %||%
    compare_numbers(paste0(what, ".estimate"), est, num(got$estimate)) %||%
    compare_numbers(paste0(what, ".variance"), var, num(got$variance)) %||%
    compare_numbers(paste0(what, ".lower"), lim$lower, num(got$lower)) %||%
    compare_numbers(paste0(what, ".upper"), lim$upper, num(got$upper))
}

# The rows every asked cell of which is present.
d_all_missing <- function(csv, cs) {
  d <- read.csv(csv, na.strings = "", stringsAsFactors = FALSE, check.names = FALSE)
  d[complete.cases(d[c("time", "status", cs$group, cs$strata)]), , drop = FALSE]
}

check_case <- function(cs) {
  case_dir <- file.path(work_dir, paste0("seed-", cs$seed))
  dir.create(case_dir)
  csv <- file.path(case_dir, "cif.csv")
  write_case_csv(cs$data, csv)
  set.seed(cs$seed + 31337)
  cli_args <- cli_arguments(cs, csv)
  answer <- suppressWarnings(system2(cli, shQuote(cli_args), stdout = TRUE, stderr = FALSE))
  got <- tryCatch(fromJSON(paste(answer, collapse = "\n"), simplifyVector = FALSE),
                  error = function(e) NULL)
  fail <- function(message) {
    keep_failing_seed(file.path(out_dir, paste0("cif-seed-", cs$seed)), csv, answer, cli, cli_args)
    list(seed = cs$seed, ok = FALSE, message = message, kinds = cs$kinds)
  }
  if (!is.null(got) && isFALSE(got$ok) && identical(got$error$code, "no_usable_rows") &&
      nrow(d_all_missing(csv, cs)) == 0)
    return(list(seed = cs$seed, ok = TRUE, kinds = c(cs$kinds, "no usable row")))
  if (is.null(got) || !isTRUE(got$ok)) return(fail(paste("the CLI failed:", substr(paste(answer, collapse = ""), 1, 300))))

  # The rows as R reads them back; a row is used when every cell asked for is present.
  d <- read.csv(csv, na.strings = "", stringsAsFactors = FALSE, check.names = FALSE)
  # Trailing rows of delimiters only are no rows to the core (docs/decisions.md, "Blank lines
  # are rows").
  while (nrow(d) > 0 && all(is.na(d[nrow(d), ]))) d <- d[-nrow(d), , drop = FALSE]
  columns <- c("time", "status", cs$group, cs$strata)
  reasons <- c(time = "missing_time", status = "missing_status", arm = "missing_group",
               site = "missing_strata")
  first_missing <- apply(is.na(d[columns]), 1, function(m) if (any(m)) columns[which(m)[1]] else "")
  left_out <- table(reasons[first_missing[first_missing != ""]])
  used <- d[first_missing == "", , drop = FALSE]
  expected_left <- as.list(left_out)
  diff <- rows_difference(got$cif$rows, nrow(d), nrow(used), expected_left)
  if (!is.null(diff)) return(fail(diff))

  # Warnings: every row left out (up to the cap of 20 per code, then one summary), and notices.
  codes <- vapply(got$warnings, function(w) w$code, "")
  expected_codes <- left_out_warning_codes(expected_left)
  if (length(cs$times) && (is.unsorted(cs$times) || anyDuplicated(cs$times)))
    expected_codes <- c(expected_codes, "times_reordered")
  if (nrow(used) > 0 && !is.null(cs$group) && length(unique(used$arm)) == 1 &&
      any(used$status != cs$censor))
    expected_codes <- c(expected_codes, "one_group")
  if (nrow(used) > 0 && all(used$status == cs$censor)) expected_codes <- c(expected_codes, "no_events")
  if (nrow(used) > 0 && !any(used$status == cs$censor)) expected_codes <- c(expected_codes, "no_censored_rows")

  if (nrow(used) == 0) return(fail("no row used, yet the CLI answered"))
  fit <- tryCatch({
    call_args <- list(ftime = used$time, fstatus = used$status, cencode = cs$censor)
    if (!is.null(cs$group)) call_args$group <- used$arm
    if (!is.null(cs$strata)) call_args$strata <- used$site
    capture.output(f <- do.call(cuminc, call_args))
    f
  }, error = function(e) e)

  if (inherits(fit, "error")) {
    # cuminc stops when no row has an event ("NAs in foreign function call"): the core gives no
    # curve and no test, and the warning no_events.
    if (all(used$status == cs$censor) && length(got$cif$groups) == 0 && length(got$cif$gray) == 0 &&
        "no_events" %in% codes)
      return(list(seed = cs$seed, ok = TRUE, kinds = c(cs$kinds, "R refuses: all censored")))
    return(fail(paste("R failed:", conditionMessage(fit))))
  }

  tests <- fit$Tests
  curves <- fit[names(fit) != "Tests"]
  if (length(got$cif$groups) != length(curves))
    return(fail(sprintf("groups: expected %d curves (%s) got %d", length(curves),
                        paste(names(curves), collapse = "; "), length(got$cif$groups))))
  for (i in seq_along(curves)) {
    cv <- curves[[i]]
    gc <- got$cif$groups[[i]]
    name <- paste(if (is.null(cs$group)) "1" else gc$name, gc$cause)   # cuminc's group "1" 
    if (name != names(curves)[i])
      return(fail(sprintf("groups[%d]: expected curve \"%s\" got \"%s\"", i, names(curves)[i], name)))
    m <- length(cv$time)
    after <- if (m > 2) seq(3, m - 1, by = 2) else integer(0)
    # cuminc's step function: (0, 0), then each event time twice, then the last time.
    if (cv$est[1] != 0 || cv$var[1] != 0 || cv$time[1] != 0)
      return(fail(sprintf("%s: cuminc's first row is not (0, 0, 0)", name)))
    diff <- compare_numbers(paste0(name, " last_time"), cv$time[m], num(list(gc$last_time))) %||%
      compare_columns(paste0(name, " table"), gc$table, cv$time[after], cv$est[after],
                      cv$var[after], cs$conf_level)
    if (!is.null(diff)) return(fail(diff))
  }
  if (length(cs$times)) {
    at_times <- sort(unique(cs$times))
    tp <- timepoints(fit, at_times)
    for (i in seq_along(curves)) {
      gc <- got$cif$groups[[i]]
      diff <- compare_columns(paste(names(curves)[i], "at_times"), gc$at_times, at_times,
                              unname(tp$est[i, ]), unname(tp$var[i, ]), cs$conf_level)
      if (!is.null(diff)) return(fail(diff))
    }
  }

  gray <- got$cif$gray
  kinds <- cs$kinds
  if (is.null(tests)) {
    if (length(gray) != 0) return(fail(sprintf("gray: R has no test, the CLI gives %d", length(gray))))
  } else {
    if (length(gray) != nrow(tests))
      return(fail(sprintf("gray: expected %d tests got %d", nrow(tests), length(gray))))
    for (i in seq_len(nrow(tests))) {
      t <- gray[[i]]
      what <- paste0("gray[", rownames(tests)[i], "]")
      if (t$cause != rownames(tests)[i]) return(fail(sprintf("%s: cause is %s", what, t$cause)))
      if (t$df != tests[i, "df"]) return(fail(sprintf("%s.df: expected %d got %d", what, tests[i, "df"], t$df)))
      if (tests[i, "stat"] == -1) {
        kinds <- c(kinds, "singular test")
        expected_codes <- c(expected_codes, "singular_test")
        if (!is.null(t$stat) || !is.null(t$p))
          return(fail(sprintf("%s: cuminc says -1 (singular), the CLI gives stat %s p %s", what,
                              format(t$stat), format(t$p))))
        next
      }
      stat <- tests[i, "stat"]
      p <- pchisq(stat, tests[i, "df"], lower.tail = FALSE)
      if (p < 1e-15) kinds <- c(kinds, "p below 1e-15")
      diff <- compare_numbers(paste0(what, ".stat"), stat, num(list(t$stat)), floor = 1e-20) %||%
        compare_numbers(paste0(what, ".p"), p, num(list(t$p))) %||%
        compare_numbers(paste0(what, ".p vs cuminc's pv"), tests[i, "pv"], num(list(t$p)), floor = 1e-15)
      if (!is.null(diff)) return(fail(diff))
    }
  }
  missing_codes <- setdiff(expected_codes, codes)
  extra_codes <- setdiff(codes, expected_codes)
  if (length(missing_codes) || length(extra_codes) ||
      !identical(sort(unname(codes)), sort(unname(expected_codes))))
    return(fail(sprintf("warnings: expected %s got %s", paste(sort(expected_codes), collapse = ","),
                        paste(sort(codes), collapse = ","))))
  list(seed = cs$seed, ok = TRUE, kinds = kinds)
}

# ---- run --------------------------------------------------------------------------------------

must_reach <- c("cause absent from a group", "all censored", "R refuses: all censored",
              "censor code 9", "strata", "missing cells", "times")
run_seeds(seq(first_seed, length.out = n_cases), function(seed) check_case(draw_case(seed)),
          "cif cross-check", "cmprsk::cuminc", must_reach, work_dir)

# Randomised cross-check of `itp-analyze survival` against R's survival package.
#
#   Rscript tests/crosscheck/crosscheck.R N CLI [FIRST_SEED]    (tests/crosscheck/run wraps it)
#
# For seeds FIRST_SEED .. FIRST_SEED+N-1: draw a data set (n from 1 to 500, 1-4 groups, tied
# events and censorings, all-censored groups, one-subject groups, integer or continuous times,
# times within 1e-10 (absolute) or 1e-8 (relative) of each other so R's aeqSurv merges them,
# time 0, a strata column on some, with a few missing strata cells) and random options
# (conf type, level, rho, times, some out of order); write it as CSV, run the CLI,
# and compare every field R can tell (tests/golden/make_golden.R, r_expected) at 1e-9 relative.
# One line per failing seed (its first difference):
#   FAIL seed=<s> <case> <json path>: expected <R> got <CLI>
# Failing inputs, both JSON documents and a command.sh that replays the CLI are kept in
# tests/crosscheck/out/seed-<s>/.
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

draw_case <- function(seed) {
  set.seed(seed)
  n <- draw_n()
  k <- sample(1:4, 1, prob = c(0.2, 0.4, 0.25, 0.15))
  labels <- draw_group_labels(k)
  g <- sample(labels, n, replace = TRUE)
  if (k >= 2 && n >= 3 && runif(1) < 0.2) {   # a group of one subject
    g[g == labels[k]] <- labels[1]
    g[sample(n, 1)] <- labels[k]
  }
  time <- draw_times(n)
  status <- rbinom(n, 1, runif(1, 0.05, 1))
  if (runif(1) < 0.15) status[g == sample(labels, 1)] <- 0   # an all-censored group
  d <- data.frame(time = time, status = status, arm = g, stringsAsFactors = FALSE)

  use_group <- k > 1 || runif(1) < 0.3
  use_strata <- use_group && runif(1) < 0.3
  if (use_strata) {
    s <- sample(c("s1", "s2", "s3")[1:sample(1:3, 1)], n, replace = TRUE)
    if (runif(1) < 0.3) s[runif(n) < 0.05] <- NA
    d$site <- s
  }

  conf_type <- sample(c("log", "log-log", "plain", "logit", "arcsin", "none"), 1)
  conf_level <- sample(c(0.8, 0.9, 0.95, 0.99, round(runif(1, 0.5, 0.999), 3)), 1)
  rho <- sample(c(0, 0, 0, 1, 0.5, 2), 1)
  candidates <- c(min(time) - 0.5, time[sample(n, min(n, 3))], runif(2, 0, max(time)),
                  max(time), max(time) + 1)
  times <- sort(unique(candidates[candidates >= 0 & runif(length(candidates)) < 0.6]))
  # Out of order, as a user may type them (R sorts them). Not repeated: survival 3.5 keeps a
  # repeat twice, the core once (docs/decisions.md, "Chosen times").
  if (length(times) >= 2 && runif(1) < 0.1) times <- sample(times)

  list(seed = seed, data = d, group = if (use_group) "arm" else NULL,
       strata = if (use_strata) "site" else NULL, conf_type = conf_type,
       conf_level = conf_level, rho = rho, times = times)
}

fmt_num <- function(x) sprintf("%.17g", x)

write_case_csv <- function(d, path) {
  cols <- lapply(d, function(col) {
    text <- if (is.numeric(col)) fmt_num(col) else as.character(col)
    text[is.na(col)] <- ""
    text
  })
  lines <- c(paste(names(d), collapse = ","), do.call(paste, c(cols, sep = ",")))
  writeLines(lines, path)
}

describe_case <- function(cs) {
  sprintf("n=%d groups=%d%s conf=%s/%s rho=%s times=[%s]", nrow(cs$data),
          length(unique(cs$data$arm)), if (is.null(cs$strata)) "" else " strata",
          cs$conf_type, format(cs$conf_level), format(cs$rho),
          paste(signif(cs$times, 6), collapse = ","))
}

# ---- comparison (same rules as tests/native/json_compare.hpp) -----------------------------------

show <- function(x) {
  if (is.null(x)) return("null")
  text <- toJSON(x, auto_unbox = TRUE, digits = NA, null = "null", na = "null")
  if (nchar(text) > 100) paste0(substr(text, 1, 97), "...") else as.character(text)
}

first_difference <- function(expected, actual, path = "$") {
  if (is.null(expected)) {
    if (is.null(actual)) return(NULL)
    return(list(path = path, expected = "null", actual = show(actual)))
  }
  if (is.null(actual)) return(list(path = path, expected = show(expected), actual = "null"))
  if (is.list(expected)) {
    if (!is.list(actual)) return(list(path = path, expected = show(expected), actual = show(actual)))
    keys <- names(expected)
    if (!is.null(keys) && length(keys) > 0) {
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
    for (i in seq_along(expected)) {
      diff <- first_difference(expected[[i]], actual[[i]], sprintf("%s[%d]", path, i - 1))
      if (!is.null(diff)) return(diff)
    }
    return(NULL)
  }
  if (is.numeric(expected) && is.numeric(actual)) {
    if (abs(actual - expected) <= max(1e-9 * abs(expected), 1e-12)) return(NULL)
    return(list(path = path, expected = fmt_num(expected), actual = fmt_num(actual)))
  }
  if (identical(class(expected), class(actual)) && identical(expected, actual)) return(NULL)
  list(path = path, expected = show(expected), actual = show(actual))
}

`%||%` <- function(a, b) if (is.null(a)) b else a
drop_warnings <- function(x) { x[["warnings"]] <- NULL; x }

# R can tell only which rows lose their stratum (and the core's notice that it sorted the
# times); the core may warn about more (a single group, no test possible), so each expected
# warning must be found among the actual ones with the same values of its fields, and the
# others are not compared. The core lists the first rows of a kind and then
# one warning "... and K more rows": the K missing from the listing must be exactly that K.
warning_difference <- function(expected, actual) {
  not_listed <- 0L
  for (w in expected) {
    found <- any(vapply(actual, function(a) {
      all(vapply(names(w), function(key) {
        identical(as.character(unlist(a[[key]])), as.character(unlist(w[[key]])))
      }, logical(1)))
    }, logical(1)))
    if (!found) not_listed <- not_listed + 1L
  }
  if (not_listed == 0L) return(NULL)
  summarised <- any(vapply(actual, function(a) {
    is.null(a$row) && grepl(sprintf("\\b%d more\\b", not_listed), a$message %||% "")
  }, logical(1)))
  if (summarised) return(NULL)
  list(path = "$.warnings", expected = sprintf("%d warnings by row", length(expected)),
       actual = show(actual))
}

# The number-at-risk table's grid is the core's choice, so R is asked about that grid:
# summary(fit, times = grid, extend = TRUE) gives n at risk (time >= t), and the cumulative sums
# of its events and censorings are the counts up to and including t.
with_r_risk_tables <- function(expected_doc, actual, d, group) {
  groups <- actual$survival$groups
  if (is.null(groups) || length(groups) != length(expected_doc$survival$groups)) {
    return(expected_doc)
  }
  g_text <- if (is.null(group)) rep("all", nrow(d)) else d[[group]]
  frame <- data.frame(time = as.numeric(d$time), status = as.numeric(d$status),
                      g = factor(g_text, levels = group_levels(g_text)))
  fit <- survfit(Surv(time, status) ~ g, data = frame)
  for (i in seq_along(groups)) {
    grid <- unlist(groups[[i]]$risk_table$time)
    if (length(grid) == 0) next
    fit1 <- if (is.null(fit$strata)) fit else fit[i]
    s <- summary(fit1, times = grid, extend = TRUE)
    expected_doc$survival$groups[[i]]$risk_table <- list(
      time = as.list(grid), n_risk = as.list(s$n.risk),
      cumulative_events = as.list(cumsum(s$n.event)),
      cumulative_censored = as.list(cumsum(s$n.censor)))
  }
  expected_doc
}

# ---- one seed ----------------------------------------------------------------------------------

run_seed <- function(seed) {
  cs <- draw_case(seed)
  csv <- file.path(work_dir, sprintf("seed-%d.csv", seed))
  write_case_csv(cs$data, csv)
  d <- read_csv_as_core(csv)
  expected <- tryCatch(
    r_expected(d, "time", "status", cs$group, cs$strata, cs$conf_type, cs$conf_level,
               cs$times, cs$rho),
    error = function(e) e)
  if (inherits(expected, "error")) {
    return(sprintf("SKIP seed=%d %s: R failed: %s", seed, describe_case(cs),
                   conditionMessage(expected)))
  }
  expected_text <- to_json_text(expected)

  cli_args <- c("survival", "--input", csv, "--time", "time", "--event", "status",
                if (!is.null(cs$group)) c("--group", cs$group),
                if (!is.null(cs$strata)) c("--strata", cs$strata),
                "--conf-type", cs$conf_type, "--conf-level", fmt_num(cs$conf_level),
                if (length(cs$times)) c("--times", paste(fmt_num(cs$times), collapse = ",")),
                "--rho", fmt_num(cs$rho))
  actual_text <- suppressWarnings(system2(cli, shQuote(cli_args), stdout = TRUE, stderr = FALSE))
  actual_text <- paste(actual_text, collapse = "\n")
  actual <- tryCatch(fromJSON(actual_text, simplifyVector = FALSE), error = function(e) NULL)
  diff <- if (is.null(actual)) {
    list(path = "$", expected = "a JSON document", actual = substr(actual_text, 1, 100))
  } else {
    expected_doc <- with_r_risk_tables(fromJSON(expected_text, simplifyVector = FALSE), actual, d,
                                       cs$group)
    warning_difference(expected_doc$warnings, actual$warnings) %||%
      first_difference(drop_warnings(expected_doc), drop_warnings(actual))
  }
  if (is.null(diff)) return(NULL)

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
  sprintf("FAIL seed=%d %s %s: expected %s got %s", seed, describe_case(cs), diff$path,
          diff$expected, diff$actual)
}

seeds <- seq.int(first_seed, length.out = n_cases)
results <- unlist(mclapply(seeds, function(s) {
  tryCatch(run_seed(s), error = function(e) sprintf("ERROR seed=%d %s", s, conditionMessage(e)))
}, mc.cores = max(1L, min(2L, detectCores()))))
unlink(work_dir, recursive = TRUE)

for (line in results) cat(line, "\n", sep = "")
failed <- sum(grepl("^(FAIL|ERROR)", results))
skipped <- sum(grepl("^SKIP", results))
cat(sprintf("crosscheck: %d seeds (%d..%d), %d failed, %d skipped (R could not compute)\n",
            n_cases, first_seed, first_seed + n_cases - 1, failed, skipped))
quit(status = if (failed > 0) 1 else 0)

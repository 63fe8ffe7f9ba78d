# Golden values for `itp-analyze cif` (competing risks), computed by R's cmprsk::cuminc.
#
#   Rscript tests/golden/make_golden_cif.R        (from the repository root)
#
# Writes tests/golden/data/<dataset>.csv, tests/golden/expected/cif_<case>.json (the fields of
# the CLI's "cif" answer that R can tell) and tests/golden/cif_cases.json (each case's request).
# Deterministic: re-running it rewrites the same bytes. tests/native/test_golden_cif.cpp replays
# every case through the core and compares every number at 1e-9 relative.
#
# Every expected value comes from the data as read back from the CSV written here, so R and the
# core see the same numbers. What each field is, with fit = cuminc(time, status, group, strata,
# cencode = censor):
#   groups     one curve per cause and group, in cuminc's order (causes outer, groups inner;
#              fit's names are "group cause"); cuminc's step function is (0, 0), each event time
#              twice (before and after the jump), then the group's last time: `table` holds the
#              rows after each jump (elements 3, 5, ... of $time, $est, $var) and `last_time`
#              the last element of $time. lower/upper = est^exp(±z·sqrt(var)/(est·log est)),
#              z = qnorm(0.5 + conf_level / 2), null at est 0, 1 at est >= 1.
#   at_times   timepoints(fit, sort(unique(times))): null beyond a group's last time.
#   gray       fit$Tests: stat and df; p = pchisq(stat, df, lower.tail = FALSE) (cuminc's pv is
#              1 - pchisq(), which loses every digit below 1e-16); null stat and p where cuminc
#              gives -1 (a singular variance).
#   rows       read and used (R's count of complete rows).

suppressPackageStartupMessages({
  library(survival)
  library(cmprsk)
  library(jsonlite)
})
invisible(Sys.setlocale("LC_COLLATE", "C"))

root <- "tests/golden"

to_json_text <- function(x) {
  toJSON(x, auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE)
}

write_csv <- function(d, name) {
  path <- file.path(root, "data", paste0(name, ".csv"))
  write.csv(d, path, row.names = FALSE, na = "", quote = FALSE)
  read.csv(path, na.strings = "", stringsAsFactors = FALSE, check.names = FALSE)
}

# ---- data sets ----------------------------------------------------------------------------------

# survival::mgus2: progression to a plasma cell malignancy (cause 1) or death first (cause 2),
# else censored at last contact; months.
mgus2_data <- function() {
  d <- data.frame(
    etime = with(mgus2, ifelse(pstat == 0, futime, ptime)),
    event = with(mgus2, ifelse(pstat == 0, 2 * death, 1)),
    sex = as.character(mgus2$sex),
    age_band = ifelse(mgus2$age < 70, "under70", "70plus"))
  write_csv(d, "mgus2_competing")
}

# In the manner of cmprsk's own example (its help page draws ftime, fstatus, group and strata
# at random): three groups, two strata, causes 1 and 2, continuous times.
simulated_data <- function() {
  set.seed(2)
  n <- 240
  group <- sample(1:3, n, replace = TRUE)
  d <- data.frame(ftime = signif(rexp(n) * c(1, 1.5, 2.5)[group], 8),
                  fstatus = sample(0:2, n, replace = TRUE, prob = c(0.3, 0.4, 0.3)),
                  group = group,
                  strata = sample(c("north", "south"), n, replace = TRUE))
  write_csv(d, "cmprsk_simulated")
}

# Causes written as words, whole weeks (many ties, causes tied with each other and with
# censorings), an event at time 0, a group of one subject, a cause ("transfer") that one group
# never has, and three rows with a missing cell.
words_data <- function() {
  set.seed(14)
  n <- 90
  arm <- sample(c("control", "treated"), n, replace = TRUE)
  arm[n] <- "pilot"
  outcome <- sample(c("censored", "relapse", "death"), n, replace = TRUE, prob = c(0.3, 0.45, 0.25))
  outcome[sample(which(arm == "treated"), 4)] <- "transfer"
  week <- sample(0:20, n, replace = TRUE)
  week[1] <- 0
  outcome[1] <- "relapse"
  outcome[c(30, 31)] <- NA   # rows left out, with a warning naming row and column
  week[40] <- NA
  write_csv(data.frame(week = week, outcome = outcome, arm = arm), "competing_words")
}

# ---- cases --------------------------------------------------------------------------------------

cases <- list(
  list(case = "mgus2_sex", input = "data/mgus2_competing.csv", time = "etime", status = "event",
       group = "sex", strata = NULL, censor_value = NULL, times = c(60, 120, 240, 424, 500),
       conf_level = 0.95),
  list(case = "mgus2_all_90", input = "data/mgus2_competing.csv", time = "etime",
       status = "event", group = NULL, strata = NULL, censor_value = "0", times = c(0, 1, 12),
       conf_level = 0.9),
  list(case = "mgus2_sex_strata_age", input = "data/mgus2_competing.csv", time = "etime",
       status = "event", group = "sex", strata = "age_band", censor_value = NULL, times = NULL,
       conf_level = 0.95),
  list(case = "simulated_group_strata", input = "data/cmprsk_simulated.csv", time = "ftime",
       status = "fstatus", group = "group", strata = "strata", censor_value = NULL,
       times = c(0.5, 1, 2, 3), conf_level = 0.99),
  list(case = "simulated_group", input = "data/cmprsk_simulated.csv", time = "ftime",
       status = "fstatus", group = "group", strata = NULL, censor_value = NULL, times = NULL,
       conf_level = 0.95),
  list(case = "words_arm_ties", input = "data/competing_words.csv", time = "week",
       status = "outcome", group = "arm", strata = NULL, censor_value = "censored",
       times = c(0, 4, 10, 19, 20, 25), conf_level = 0.95)
)

log_log_limits <- function(est, var, level) {
  z <- qnorm(0.5 + level / 2)
  c <- z * sqrt(var) / (est * log(est))
  lower <- ifelse(est >= 1, 1, est^exp(-c))
  upper <- ifelse(est >= 1, 1, est^exp(c))
  lower[est == 0] <- NA
  upper[est == 0] <- NA
  list(lower = lower, upper = upper)
}

columns <- function(time, est, var, level) {
  lim <- suppressWarnings(log_log_limits(est, var, level))
  list(time = I(time), estimate = I(est), variance = I(var), lower = I(lim$lower),
       upper = I(lim$upper))
}

expected_for <- function(cs, d) {
  needed <- c(cs$time, cs$status, cs$group, cs$strata)
  used <- d[complete.cases(d[needed]), , drop = FALSE]
  censor <- if (is.null(cs$censor_value)) "0" else cs$censor_value
  call_args <- list(ftime = used[[cs$time]], fstatus = used[[cs$status]],
                    cencode = if (is.numeric(used[[cs$status]])) as.numeric(censor) else censor)
  if (!is.null(cs$group)) call_args$group <- used[[cs$group]]
  if (!is.null(cs$strata)) call_args$strata <- used[[cs$strata]]
  fit <- do.call(cuminc, call_args)
  curves <- fit[names(fit) != "Tests"]
  tp <- if (length(cs$times)) timepoints(fit, sort(unique(cs$times))) else NULL
  groups <- lapply(seq_along(curves), function(i) {
    cv <- curves[[i]]
    m <- length(cv$time)
    stopifnot(cv$time[1] == 0, cv$est[1] == 0, cv$var[1] == 0)
    after <- if (m > 2) seq(3, m - 1, by = 2) else integer(0)
    label <- names(curves)[i]
    cause <- sub("^.* ", "", label)
    entry <- list(name = if (is.null(cs$group)) "all" else sub(" [^ ]*$", "", label),
                  cause = cause, last_time = cv$time[m],
                  table = columns(cv$time[after], cv$est[after], cv$var[after], cs$conf_level))
    if (!is.null(tp))
      entry$at_times <- columns(sort(unique(cs$times)), unname(tp$est[i, ]), unname(tp$var[i, ]),
                                cs$conf_level)
    entry
  })
  gray <- list()
  if (!is.null(fit$Tests)) {
    tests <- fit$Tests
    gray <- lapply(seq_len(nrow(tests)), function(i) {
      singular <- tests[i, "stat"] == -1
      list(cause = rownames(tests)[i],
           stat = if (singular) NA else tests[i, "stat"],
           df = as.integer(tests[i, "df"]),
           p = if (singular) NA else pchisq(tests[i, "stat"], tests[i, "df"], lower.tail = FALSE))
    })
  }
  list(ok = TRUE, cif = list(groups = groups, gray = gray,
                             rows = list(read = nrow(d), used = nrow(used))))
}

if (sys.nframe() == 0L) {
  data <- list("data/mgus2_competing.csv" = mgus2_data(),
               "data/cmprsk_simulated.csv" = simulated_data(),
               "data/competing_words.csv" = words_data())
  listing <- lapply(cases, function(cs) {
    expected <- expected_for(cs, data[[cs$input]])
    writeLines(to_json_text(expected), file.path(root, "expected", paste0("cif_", cs$case, ".json")))
    list(case = cs$case, input = cs$input, time = cs$time, status = cs$status,
         group = cs$group, strata = cs$strata, censor_value = cs$censor_value,
         times = if (is.null(cs$times)) NULL else I(cs$times), conf_level = cs$conf_level)
  })
  writeLines(to_json_text(listing), file.path(root, "cif_cases.json"))
  cat(sprintf("wrote %d cif golden cases\n", length(cases)))
}

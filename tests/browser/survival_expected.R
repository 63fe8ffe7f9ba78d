# R's answers for the request the survival calculator's example makes
# (web/page/survival/survival-page.js: R's aml, time "time", event "status", group "x",
# conf.type "log", 95 %, times 12 and 24), which tests/browser/survival.test.mjs compares with the
# numbers the page shows.
#
#   Rscript tests/browser/survival_expected.R      (from the repository root)
#
# Writes tests/browser/survival_expected.json; re-running it rewrites the same bytes. The golden
# case aml_x (tests/golden) has the same fit but other times (no 24), hence this file.
#
# Fields, in R's terms (fit = survfit(Surv(time, status) ~ x, conf.type = "log")):
#   n, events   the group's rows and events
#   median      print.survfit's median, 0.95LCL, 0.95UCL; null = not reached
#   at_times    summary(fit, times = c(12, 24)): time, n.risk, surv, lower, upper
#   test        survdiff(Surv(time, status) ~ x): chisq, df = groups - 1, p = pchisq(upper)
suppressPackageStartupMessages({
  library(survival)
  library(jsonlite)
})

d <- read.csv("examples/aml.csv", stringsAsFactors = FALSE)
# The file the page loads is R's own aml, row for row.
stopifnot(all(d$time == survival::aml$time), all(d$status == survival::aml$status),
          identical(d$x, as.character(survival::aml$x)))
times <- c(12, 24)
fit <- survfit(Surv(time, status) ~ x, data = d, conf.type = "log", conf.int = 0.95)
tab <- summary(fit)$table
at <- summary(fit, times = times)
levels_x <- sort(unique(d$x), method = "radix")
stopifnot(identical(sub("^x=", "", rownames(tab)), levels_x))

na_null <- function(v) if (is.na(v)) NULL else unname(v)
groups <- lapply(seq_along(levels_x), function(i) {
  name <- levels_x[i]
  rows <- sub("^x=", "", as.character(at$strata)) == name
  list(
    name = name,
    n = unname(tab[i, "records"]),
    events = unname(tab[i, "events"]),
    median = list(estimate = na_null(tab[i, "median"]), lower = na_null(tab[i, "0.95LCL"]),
                  upper = na_null(tab[i, "0.95UCL"])),
    at_times = list(time = I(at$time[rows]), n_risk = I(at$n.risk[rows]),
                    surv = I(at$surv[rows]), lower = I(at$lower[rows]),
                    upper = I(at$upper[rows])))
})
sd <- survdiff(Surv(time, status) ~ x, data = d)
df <- length(sd$n) - 1
out <- list(
  request = list(input = "examples/aml.csv", time = "time", event = "status", group = "x",
                 conf_type = "log", conf_level = 0.95, times = I(times)),
  r = paste0("R ", getRversion(), ", survival ", packageVersion("survival")),
  groups = groups,
  test = list(method = "log-rank", chisq = sd$chisq, df = df,
              p = pchisq(sd$chisq, df, lower.tail = FALSE)))
writeLines(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", pretty = TRUE),
           "tests/browser/survival_expected.json")

#!/usr/bin/env Rscript
# Independent check of the synthetic example cohort (examples/cohort/).
#
#   Rscript examples/cohort/check_published.R [COHORT_DIR]
#
# Reads en/*.csv, applies the `seed-2026` response rule of docs/design.md section 5 itself
# (nothing is taken from make_cohort.mjs or the core), and stops with an error at the first
# figure that differs from those the seed study published (its poster; README.md lists them).
# Then reads fr/*.csv (Windows-1252, ';', decimal comma, dd/mm/yyyy) and checks that, once
# names and values are translated, they hold exactly the same facts as the English files.
#
# Prints one line per patient, "PATIENT<TAB>id<TAB>category<TAB>baseline<TAB>ttr<TAB>rfs_days
# <TAB>rfs_event", which tests/node/example_cohort.test.mjs compares with the intended table.
# The file is ASCII: non-ASCII French text is written with \u escapes.

suppressPackageStartupMessages(library(survival))
if (!isTRUE(l10n_info()[["UTF-8"]])) invisible(Sys.setlocale("LC_CTYPE", "C.UTF-8"))
if (!isTRUE(l10n_info()[["UTF-8"]])) stop("needs a UTF-8 locale (e.g. LC_ALL=C.UTF-8)")

args <- commandArgs(trailingOnly = TRUE)
script <- sub("^--file=", "", grep("^--file=", commandArgs(FALSE), value = TRUE))
dir <- if (length(args)) args[1] else dirname(normalizePath(script))

say <- function(...) cat(sprintf(...), "\n", sep = "")
expect <- function(ok, what) {
  if (!isTRUE(ok)) stop("MISMATCH: ", what, call. = FALSE)
  say("  ok  %s", what)
}
near <- function(x, y, tol = 1e-9) length(x) == length(y) && all(abs(x - y) < tol)

# ---------------------------------------------------------------------------------------------
# English files
read_en <- function(name) {
  read.csv(file.path(dir, "en", paste0(name, ".csv")), colClasses = "character",
           na.strings = "", fileEncoding = "UTF-8", check.names = FALSE)
}
pt  <- read_en("patients")
plt <- read_en("platelets")
inf <- read_en("infusions")
tr  <- read_en("treatments")
ae  <- read_en("adverse_events")
lab <- read_en("labs")

ids <- pt$patient_id
n_pt <- length(ids)
d0 <- setNames(as.Date(pt$d0), ids)
day_of <- function(id, date) as.numeric(as.Date(date) - d0[id])
yes <- function(x) x == "yes"
DAYS_PER_MONTH <- 30.4375

plt$day <- day_of(plt$patient_id, plt$date)
plt$value <- as.numeric(plt$platelets)
inf$day <- day_of(inf$patient_id, inf$date)
tr$s <- day_of(tr$patient_id, tr$start)
tr$e <- ifelse(is.na(tr$end), Inf, day_of(tr$patient_id, tr$end))
ae$day <- day_of(ae$patient_id, ae$date)
lab$day <- day_of(lab$patient_id, lab$date)
lab$v <- as.numeric(lab$value)

baseline <- setNames(as.numeric(pt$baseline_platelets), ids)
death <- setNames(yes(pt$death), ids)
death_day <- setNames(ifelse(death, day_of(ids, pt$death_date), NA), ids)
fu_day <- setNames(day_of(ids, pt$last_followup), ids)
age <- as.numeric(pt$age)

say("Synthetic ITP cohort: %s", normalizePath(dir))
say("")
say("Data")
expect(identical(ids, sprintf("SYN-%02d", 1:26)), "26 patients, ids SYN-01..SYN-26 in order")
expect(all(format(d0, "%Y") %in% 2019:2024), "D0 between 2019 and 2024")
all_dates <- c(pt$d0, pt$last_followup, pt$death_date, plt$date, inf$date, tr$end, ae$date, lab$date)
expect(max(as.Date(all_dates), na.rm = TRUE) <= as.Date("2025-12-31"), "no date after 2025")
expect(all(c(plt$patient_id, inf$patient_id, tr$patient_id, ae$patient_id, lab$patient_id) %in% ids),
       "every row names a known patient")
expect(all(!is.na(plt$value)) && all(plt$value == round(plt$value)), "platelet counts are integers")
n_counts <- table(factor(plt$patient_id, levels = ids))
expect(all(n_counts >= 6 & n_counts <= 20), sprintf("6-20 counts per patient (%d-%d)", min(n_counts), max(n_counts)))
# The baseline is the D0 count; a patient without one has no count on days -7 to 0 (so the rule
# takes patients.baseline_platelets, and nothing contradicts it), and a baseline equal to the
# mean of the counts before D0.
base_ok <- sapply(ids, function(id) {
  c0 <- plt$value[plt$patient_id == id & plt$day == 0]
  if (length(c0)) return(length(c0) == 1 && c0 == baseline[[id]])
  before <- plt$value[plt$patient_id == id & plt$day < 0]
  !any(plt$patient_id == id & plt$day >= -7 & plt$day <= 0) && length(before) > 0 &&
    abs(mean(before) - baseline[[id]]) < 1e-9
})
expect(all(base_ok), "baseline_platelets = the D0 count, or the mean of the counts before D0 (none on days -7..0)")
say("  without a D0 count: %s", paste(sprintf("%s (baseline %g)", ids[!sapply(ids, function(id)
  any(plt$patient_id == id & plt$day == 0))], baseline[!sapply(ids, function(id)
  any(plt$patient_id == id & plt$day == 0))]), collapse = ", "))
end_day <- ifelse(death, death_day, fu_day)
expect(all(death_day[death] == fu_day[death]), "last follow-up of the dead = date of death")
expect(all(plt$day <= end_day[plt$patient_id]) && all(inf$day <= end_day[inf$patient_id]) &&
       all(tr$s <= end_day[tr$patient_id]) &&
       all(ae$day <= end_day[ae$patient_id]) && all(lab$day <= end_day[lab$patient_id]),
       "nothing recorded after last follow-up or death")

# The published figures are checked as the poster prints them: a median [IQR] (min-max) with
# its own decimals, a count n, a percent of n with one decimal.
near_printed <- function(x, printed, digits) isTRUE(all.equal(round(x, digits), printed))
five <- function(x) unname(c(quantile(x, 0.5), quantile(x, 0.25), quantile(x, 0.75), min(x), max(x)))
show5 <- function(x, d = 1) sprintf(paste0("%g [%.", d, "f-%.", d, "f] (%g-%g)"),
                                    median(x), quantile(x, 0.25), quantile(x, 0.75), min(x), max(x))
pct <- function(k, n) round(100 * k / n, 1)

# ---------------------------------------------------------------------------------------------
say("")
say("Table 1: population at D0 (n = 26)")
expect(near(five(age), c(68, 41.0, 72.8, 21, 88)),
       sprintf("age %s = 68 [41.0-72.8] (21-88) (type 7, to 1e-9)", show5(age)))
expect(sum(pt$sex == "M") == 15 && sum(pt$sex == "F") == 11, "sex: 15 men, 11 women")
dur <- as.numeric(pt$itp_duration_months)
expect(near(five(dur), c(76, 23.8, 140.5, 1, 594)),
       sprintf("ITP duration (months) %s = 76 [23.8-140.5] (1-594)", show5(dur)))
sec <- yes(pt$secondary_itp)
expect(sum(sec) == 11, sprintf("secondary ITP %d = 11", sum(sec)))
# Causes: one cell may hold several ("APS + Evans syndrome"), separated by ';', ',' or '+';
# each cause is a row, as a percent of ALL patients.
causes <- lapply(pt$secondary_cause, function(cell)
  if (is.na(cell)) character(0) else unique(tolower(trimws(strsplit(cell, "[;,+]")[[1]]))))
cause_n <- table(unlist(causes))
say("  causes: %s (%d causes; patients with several: %d)",
    paste(sprintf("%s %d (%.1f %%)", names(cause_n), cause_n, pct(cause_n, n_pt)), collapse = ", "),
    sum(cause_n), sum(lengths(causes) > 1))
want_causes <- c("evans syndrome" = 6, "aps" = 3, "rheumatoid arthritis" = 1, "stim1" = 1,
                 "post-allograft mds" = 1)
expect(identical(sort(names(cause_n)), sort(names(want_causes))) &&
       all(cause_n[names(want_causes)] == want_causes),
       "causes: Evans syndrome 6, APS 3, rheumatoid arthritis 1, STIM1 1, post-allograft MDS 1")
expect(sum(cause_n) == 12 && sum(lengths(causes) > 1) == 1 && all(lengths(causes)[sec] >= 1) &&
       all(lengths(causes)[!sec] == 0), "12 causes for 11 patients: one cell holds two (APS + Evans)")
expect(pct(6, n_pt) == 23.1, "Evans syndrome 6/26 = 23.1 % (of all patients)")
flags <- c(splenectomy = 16, cs_refractory = 17, ivig_refractory = 15, bleeding_month_before = 17)
for (v in names(flags))
  expect(sum(yes(pt[[v]])) == flags[[v]], sprintf("%s %d = %d", v, sum(yes(pt[[v]])), flags[[v]]))
expect(near(five(baseline), c(14, 7.0, 51.8, 2, 294)),
       sprintf("baseline platelets %s = 14 [7.0-51.8] (2-294)", show5(baseline)))

# ---------------------------------------------------------------------------------------------
say("")
say("Infusions")
n_inf <- as.numeric(table(factor(inf$patient_id, levels = ids)))
route <- sapply(ids, function(id) unique(inf$route[inf$patient_id == id]))
first_inf <- sapply(ids, function(id) min(inf$day[inf$patient_id == id]))
expect(all(first_inf == 0), "first infusion date = patients.d0 for every patient")
expect(is.character(route) && sum(route == "SC") == 16 && sum(route == "IV") == 10,
       "16 patients SC, 10 IV (one route each)")
expect(all(inf$dose[inf$route == "SC"] == "1800 mg") && all(inf$dose[inf$route == "IV"] == "16 mg/kg"),
       "doses: SC 1800 mg, IV 16 mg/kg")
expect(median(n_inf) == 6 && min(n_inf) == 2 && max(n_inf) == 11,
       sprintf("infusions per patient %s: median 6 (2-11)", show5(n_inf, 2)))

# ---------------------------------------------------------------------------------------------
# Treatments: roles by start day s (window 42 days) and the drug dictionary.
drug_inn <- c(
  corticosteroids = "corticosteroids", dexamethasone = "dexamethasone",
  methylprednisolone = "methylprednisolone", IVIG = "IVIg",
  eltrombopag = "eltrombopag", Revolade = "eltrombopag", romiplostim = "romiplostim", Nplate = "romiplostim",
  avatrombopag = "avatrombopag", Doptelet = "avatrombopag",
  rituximab = "rituximab", MabThera = "rituximab", fostamatinib = "fostamatinib", Tavalisse = "fostamatinib",
  azathioprine = "azathioprine", "mycophenolate mofetil" = "mycophenolate", ciclosporin = "ciclosporin",
  dapsone = "dapsone", danazol = "danazol", hydroxychloroquine = "hydroxychloroquine")
inn_class <- c(
  corticosteroids = "corticosteroids", dexamethasone = "corticosteroids",
  methylprednisolone = "corticosteroids", IVIg = "IVIg",
  eltrombopag = "TPO-RA", romiplostim = "TPO-RA", avatrombopag = "TPO-RA",
  rituximab = "anti-CD20", fostamatinib = "SYK inhibitor", azathioprine = "immunosuppressant",
  mycophenolate = "immunosuppressant", ciclosporin = "immunosuppressant", dapsone = "other",
  danazol = "other", hydroxychloroquine = "other")
expect(all(tr$drug %in% names(drug_inn)), "every treatment name is in the dictionary")
tr$inn <- unname(drug_inn[tr$drug])
tr$class <- unname(inn_class[tr$inn])
tr$role <- ifelse(tr$s > 42, "subsequent",
           ifelse(tr$s >= -42, "concomitant",
           ifelse(tr$e < 0, "prior", "background")))
sub_start <- sapply(ids, function(id) min(c(Inf, tr$s[tr$patient_id == id & tr$role == "subsequent"])))

# ---------------------------------------------------------------------------------------------
# seed-2026 (docs/design.md section 5)
CR_ABOVE <- 100; R_MIN <- 30; R_MAX <- 100; FOLD <- 2; W_FROM <- 42; W_TO <- 105; DEATH_BEFORE <- 91
meets_cr <- function(x) x > CR_ABOVE
meets_r <- function(x, b) x >= R_MIN & x <= R_MAX & !is.na(b) & x >= FOLD * b
classify <- function(id) {
  b <- baseline[[id]]
  cnt <- plt[plt$patient_id == id, c("day", "value")]
  cnt <- cnt[order(cnt$day), ]
  sub <- sub_start[[id]]
  credited <- cnt[cnt$day < sub, ]
  win <- credited[credited$day >= W_FROM & credited$day <= W_TO, ]
  ok <- meets_cr(win$value) | meets_r(win$value, b)
  out <- list(id = id, category = NA, reason = "", ttr = NA, rfs_days = NA, rfs_event = NA, loss_day = NA)
  if (death[[id]] && death_day[[id]] < DEATH_BEFORE) {
    out$category <- "excluded"; out$reason <- sprintf("died on day %d", death_day[[id]])
  } else if (is.finite(sub) && sub <= W_TO && !any(ok)) {
    out$category <- "NR"; out$reason <- sprintf("subsequent treatment on day %d, no response before it", sub)
  } else if (nrow(win) == 0) {
    out$category <- "NE"; out$reason <- "no credited count on days 42-105"
  } else {
    best <- max(win$value)
    if (meets_cr(best)) out$category <- "CR"
    else if (best >= R_MIN && best <= R_MAX && is.na(b)) { out$category <- "NE"; out$reason <- "no baseline" }
    else if (meets_r(best, b)) out$category <- "R"
    else out$category <- "NR"
    if (out$reason == "") out$reason <- sprintf("best credited window count %g (baseline %g)", best, b)
  }
  if (out$category %in% c("CR", "R")) {
    after1 <- credited[credited$day >= 1, ]
    q <- meets_cr(after1$value) | meets_r(after1$value, b)
    out$ttr <- after1$day[which(q)[1]]
    later <- credited[credited$day > out$ttr, ]
    out$loss_day <- later$day[which(later$value < R_MIN)[1]]
    ends <- c("loss of response" = out$loss_day,
              "subsequent treatment" = if (is.finite(sub)) sub else NA,
              "death" = if (death[[id]]) death_day[[id]] else NA)
    if (all(is.na(ends))) {
      out$rfs_days <- fu_day[[id]] - out$ttr; out$rfs_event <- "censored"
    } else {
      k <- which.min(ends)
      out$rfs_days <- ends[[k]] - out$ttr; out$rfs_event <- names(ends)[k]
    }
  }
  out
}
res <- do.call(rbind, lapply(ids, function(id) as.data.frame(classify(id), stringsAsFactors = FALSE)))

say("")
say("Per patient (seed-2026)")
for (i in seq_len(nrow(res))) {
  r <- res[i, ]
  cat(paste("PATIENT", r$id, r$category, baseline[[r$id]], ifelse(is.na(r$ttr), "NA", r$ttr),
            ifelse(is.na(r$rfs_days), "NA", r$rfs_days), ifelse(is.na(r$rfs_event), "NA", r$rfs_event),
            r$reason, sep = "\t"), "\n", sep = "")
}

say("")
say("Response at 3 months (seed-2026)")
n_cat <- table(factor(res$category, levels = c("CR", "R", "NR", "NE", "excluded")))
den <- sum(n_cat[c("CR", "R", "NR")])
for (k in c("CR", "R", "NR")) {
  ci <- binom.test(n_cat[[k]], den)$conf.int
  say("  %-3s %2d/%d = %.1f %% (95%% CI %.1f-%.1f)", k, n_cat[[k]], den, 100 * n_cat[[k]] / den, 100 * ci[1], 100 * ci[2])
}
n_or <- n_cat[["CR"]] + n_cat[["R"]]
ci <- binom.test(n_or, den)$conf.int
say("  OR  %2d/%d = %.1f %% (95%% CI %.1f-%.1f)", n_or, den, 100 * n_or / den, 100 * ci[1], 100 * ci[2])
for (i in which(res$category %in% c("excluded", "NE"))) say("  %s %s: %s", res$category[i], res$id[i], res$reason[i])
excl <- res$id[res$category == "excluded"]
expect(n_pt == 26 && length(excl) == 1 && death_day[[excl]] < 91, "26 patients, 1 excluded (died before day 91)")
expect(n_cat[["NE"]] == 0, "0 not evaluable")
expect(den == 25, "25 evaluated")
expect(n_cat[["CR"]] == 9 && n_cat[["R"]] == 4 && n_or == 13 && n_cat[["NR"]] == 12, "CR 9, R 4, OR 13, NR 12")
expect(round(100 * n_or / den) == 52, "ORR 13/25 = 52 %")

# Edge cases the data must contain (so that a careful implementation is exercised).
in_window <- function(d) d >= W_FROM & d <= W_TO
edge <- function(id) res$category[res$id == id]
pid_with <- function(cond) unique(plt$patient_id[cond])
expect(any(sapply(pid_with(plt$value == 100 & in_window(plt$day)), function(id)
  edge(id) == "R" && max(plt$value[plt$patient_id == id & in_window(plt$day)]) == 100)),
  "edge: a best window count of exactly 100 is R, not CR")
expect(any(sapply(pid_with(plt$value == 30 & in_window(plt$day)), function(id)
  baseline[[id]] == 15 && edge(id) == "R")), "edge: a count of exactly 30 = 2 x baseline 15 is R")
expect(any(plt$day == 42) && any(plt$day == 105) && any(plt$day == 106), "edge: counts on days 42, 105 and 106")
expect(any(sapply(pid_with(plt$day == 106 & plt$value > 100), function(id) edge(id) == "NR")),
       "edge: a count > 100 on day 106 does not make a CR")
expect(any(sapply(pid_with(plt$day == 105 & plt$value > 100), function(id)
  edge(id) == "CR" && max(plt$value[plt$patient_id == id & plt$day >= 42 & plt$day < 105]) <= 100)),
  "edge: a count > 100 on day 105 makes a CR")
expect(any(sapply(ids, function(id) edge(id) == "NR" &&
  any(plt$value[plt$patient_id == id & in_window(plt$day) & plt$day >= sub_start[[id]]] > 100))),
  "edge: a count > 100 in the window after a subsequent treatment is not credited")
expect(any(sapply(ids, function(id) is.finite(sub_start[[id]]) &&
  !any(in_window(plt$day[plt$patient_id == id & plt$day < sub_start[[id]]])) && edge(id) == "NR")),
  "edge: no credited window count but a subsequent treatment: NR, not NE")
expect(any(sapply(ids, function(id) edge(id) == "NR" &&
  any(plt$value[plt$patient_id == id & plt$day >= 1 & plt$day < W_FROM] > 100))),
  "edge: counts > 100 before day 42 only (a steroid's): NR")
expect(any(sapply(ids, function(id) edge(id) == "CR" && baseline[[id]] > 100)),
       "edge: a baseline above 100: CR from a count > 100 only")
expect(any(tr$role == "concomitant" & tr$s > 0) && any(tr$role == "concomitant" & tr$s < 0),
       "edge: concomitant treatments (started after and before D0, within 42 days)")
expect(any(tr$role == "background"), "edge: background treatment (started > 42 days before D0, ongoing at D0)")
say("  concomitant: %s", paste(sprintf("%s %s day %g", tr$patient_id, tr$drug, tr$s)[tr$role == "concomitant"], collapse = "; "))
say("  background:  %s", paste(sprintf("%s %s day %g", tr$patient_id, tr$drug, tr$s)[tr$role == "background"], collapse = "; "))
say("  subsequent:  %s", paste(sprintf("%s %s day %g", tr$patient_id, tr$drug, tr$s)[tr$role == "subsequent"], collapse = "; "))

# The subgroup given daratumumab alone: evaluated, neither background nor concomitant treatment.
has_role <- function(id, roles) any(tr$patient_id == id & tr$role %in% roles)
evaluated <- res$category %in% c("CR", "R", "NR")
alone <- evaluated & !sapply(res$id, has_role, roles = c("background", "concomitant"))
say("  neither background nor concomitant: %s", paste(res$id[alone], res$category[alone], collapse = ", "))
expect(sum(alone) == 2 && all(res$category[alone] == "CR"), "'neither' subgroup: 2 patients, both CR")

# Long-lasting CR without other ITP treatment, and its relapses (loss of response by counts),
# in months from D0: no subsequent treatment before the relapse (or at all without one), the
# only reading under which the poster's 4 and its 2 'neither' patients both hold.
cr <- res[res$category == "CR", ]
other_before <- function(id, loss, roles) {
  s <- tr$s[tr$patient_id == id & tr$role %in% roles]
  length(s) > 0 && (is.na(loss) || any(s < loss))
}
without_new <- cr[!mapply(other_before, cr$id, cr$loss_day, MoreArgs = list(roles = "subsequent")), ]
say("  CR without other treatment: %d (%s); relapses %d, after %s months", nrow(without_new),
    paste(without_new$id, collapse = ", "), sum(!is.na(without_new$loss_day)),
    paste(sprintf("%.2f", without_new$loss_day[!is.na(without_new$loss_day)] / DAYS_PER_MONTH),
          collapse = ", "))
relapse_months <- function(x) sort(round(x$loss_day[!is.na(x$loss_day)] / DAYS_PER_MONTH))
expect(nrow(without_new) == 4 && identical(relapse_months(without_new), c(10, 32)),
       "4 long-lasting CR without a subsequent treatment; relapses in 2, after 10 and 32 months")

# ---------------------------------------------------------------------------------------------
say("")
say("Time to response (CR and R)")
ttr <- res$ttr[res$category %in% c("CR", "R")]
say("  n %d, median %g days (range %g-%g): %s", length(ttr), quantile(ttr, 0.5), min(ttr), max(ttr),
    paste(sort(ttr), collapse = " "))
expect(length(ttr) == 13 && quantile(ttr, 0.5) == 29 && min(ttr) == 7 && max(ttr) == 87,
       "time to response: median 29 days (type 7), range 7-87")

# ---------------------------------------------------------------------------------------------
say("")
say("Relapse-free survival among responders (weeks from the first response)")
resp <- res[res$category %in% c("CR", "R"), ]
weeks <- resp$rfs_days / 7
event <- as.integer(resp$rfs_event != "censored")
fit <- survfit(Surv(weeks, event) ~ 1)
at <- c(0, 1.4, 3.0, 4.9, 9.0, 20.3, 42.9, 48.7, 49.3, 53, 56.9, 73.6, 96)
s <- summary(fit, times = at)
say("  time    %s", paste(sprintf("%5g", s$time), collapse = " "))
say("  at risk %s", paste(sprintf("%5d", as.integer(s$n.risk)), collapse = " "))
expect(identical(as.integer(s$n.risk), c(13L, 13L, 12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L)),
       "number at risk 13 13 12 11 10 9 8 7 6 5 4 3 2 at the published weeks")
s24 <- summary(fit, times = 730.5 / 7)
say("  events %d (%s); RFS at 24 months (104.36 weeks) = %.1f %% (95%% CI %.1f-%.1f)", sum(event),
    paste(names(table(resp$rfs_event)), table(resp$rfs_event), collapse = ", "),
    100 * s24$surv, 100 * s24$lower, 100 * s24$upper)
expect(s24$surv > 0.55 && s24$surv < 0.65, "RFS at 24 months about 60 % (0.55-0.65)")

# ---------------------------------------------------------------------------------------------
say("")
say("Follow-up and overall survival")
# The last follow-up: the later of last_followup, death and the latest dated record (a count,
# an infusion, a treatment's start, an adverse event, a lab); treatment ends do not count.
last_record <- sapply(ids, function(id) max(c(fu_day[[id]], death_day[[id]],
  plt$day[plt$patient_id == id], inf$day[inf$patient_id == id], tr$s[tr$patient_id == id],
  ae$day[ae$patient_id == id], lab$day[lab$patient_id == id]), na.rm = TRUE))
os_days <- ifelse(death, death_day, last_record)
fu_months <- os_days / DAYS_PER_MONTH
say("  observed follow-up (months) %s", show5(fu_months, 1))
expect(round(median(fu_months)) == 14 && round(min(fu_months)) == 0 && round(max(fu_months)) == 73,
       sprintf("follow-up %.2f months [%.2f-%.2f] = 14 [0-73] (median and range, observed)",
               median(fu_months), min(fu_months), max(fu_months)))
rev_fit <- survfit(Surv(fu_months, 1L - death) ~ 1)
say("  median follow-up by reverse KM %.1f months", unname(summary(rev_fit)$table["median"]))
os_fit <- survfit(Surv(fu_months, as.integer(death)) ~ 1)
os_s <- summary(os_fit, times = c(12, 24))
say("  deaths %d; OS at 12 and 24 months %.1f %%, %.1f %%", sum(death), 100 * os_s$surv[1], 100 * os_s$surv[2])
for (id in ids[death]) say("    %s day %d: %s", id, death_day[[id]], pt$death_cause[ids == id])
causes_of_death <- table(pt$death_cause[death])
expect(sum(death) == 6 && identical(c(causes_of_death[["Sepsis"]], causes_of_death[["Heart failure"]],
                                      causes_of_death[["Haemorrhage"]]), c(2L, 1L, 3L)),
       "deaths 6: sepsis 2, heart failure 1, haemorrhage 3")

# ---------------------------------------------------------------------------------------------
say("")
say("Prior treatments (the history: every ITP treatment started before D0, whatever its role)")
hist <- tr[tr$s < 0, ]
spleen <- setNames(yes(pt$splenectomy), ids)
drug_patients <- sapply(split(hist$patient_id, hist$inn), function(p) length(unique(p)))
drug_patients <- c(drug_patients, splenectomy = sum(spleen))
for (d in names(sort(drug_patients, decreasing = TRUE)))
  say("  %-19s %2d/26 = %.1f %%", d, drug_patients[[d]], pct(drug_patients[[d]], n_pt))
# The three rows the poster printed with a wrong percent: the true one is what a tool prints.
misprinted <- list(list("rituximab", 24, 93.3, 92.3), list("avatrombopag", 4, 15.9, 15.4),
                   list("corticosteroids", 25, 96.1, 96.2))
for (m in misprinted)
  expect(drug_patients[[m[[1]]]] == m[[2]] && pct(m[[2]], n_pt) == m[[4]],
         sprintf("%s %d/26: printed %.1f %%, true %.1f %%", m[[1]], m[[2]], m[[3]], m[[4]]))
# Lines: distinct drugs of the history other than corticosteroids and IVIg, splenectomy one more.
lines <- sapply(ids, function(id) length(unique(hist$inn[hist$patient_id == id &
  !hist$class %in% c("corticosteroids", "IVIg")])) + spleen[[id]])
expect(near(five(lines), c(6, 4, 7, 2, 11)), sprintf("prior lines %s = 6 [4-7] (2-11)", show5(lines, 0)))

# ---------------------------------------------------------------------------------------------
say("")
say("Safety (adverse events from D0 on)")
ae0 <- ae[ae$day >= 0, ]
expect(nrow(ae0) == nrow(ae), "no adverse event before D0")
pts <- function(rows) length(unique(rows$patient_id))
by_cat <- sapply(split(ae0, ae0$category), pts)
g3_by_cat <- sapply(split(ae0[as.numeric(ae0$grade) >= 3, ], ae0$category[as.numeric(ae0$grade) >= 3]), pts)
say("  patients by category: %s", paste(names(by_cat), by_cat, collapse = ", "))
expect(pts(ae0) == 16, "16 patients with an adverse event")
expect(by_cat[["Infection"]] == 8 && g3_by_cat[["Infection"]] == 5, "infections in 8 patients, 5 of them grade 3-5")
expect(by_cat[["Neutropenia"]] == 3, "neutropenia in 3 patients")
irr <- ae0$category == "Infusion reaction" | grepl("(infusion|injection).*reaction", tolower(ae0$term))
expect(pts(ae0[irr, ]) == 3, "infusion reactions in 3 patients")
expect(by_cat[["Heart failure"]] == 1, "heart failure in 1 patient")
gam <- lab[lab$test == "gammaglobulins" & lab$day >= 0, ]
low <- unique(gam$patient_id[gam$v < 6])
say("  gammaglobulins < 6 g/L: %d of %d measured (%s)", length(low), length(unique(gam$patient_id)),
    paste(low, collapse = ", "))
expect(length(low) == 14 && length(unique(gam$patient_id)) == 25 && round(100 * 14 / 25) == 56,
       "gammaglobulins < 6 g/L in 14 of 25 measured (56 %)")
expect(sum(lab$test == "neutrophils") >= 10, "neutrophil counts measured")
neut_low <- unique(lab$patient_id[lab$test == "neutrophils" & lab$v < 1.5])
expect(setequal(neut_low, unique(ae0$patient_id[ae0$category == "Neutropenia"])),
       "neutrophils < 1.5 G/L in the patients with a neutropenia")

say("")
say("French files (Windows-1252, ';', decimal comma, dd/mm/yyyy, CRLF) against the English ones")
tables <- list(
  list("patients", "patients", c(
    patient_id = "id_patient", d0 = "date_J0", sex = "sexe", age = "\u00e2ge",
    itp_duration_months = "dur\u00e9e_PTI_mois", secondary_itp = "PTI_secondaire",
    secondary_cause = "cause_secondaire", splenectomy = "spl\u00e9nectomie",
    cs_refractory = "cortico_r\u00e9fractaire", ivig_refractory = "IgIV_r\u00e9fractaire",
    bleeding_month_before = "saignement_mois_pr\u00e9c\u00e9dent", baseline_platelets = "plaquettes_J0",
    last_followup = "date_derni\u00e8res_nouvelles", death = "d\u00e9c\u00e8s",
    death_date = "date_d\u00e9c\u00e8s", death_cause = "cause_d\u00e9c\u00e8s")),
  list("platelets", "plaquettes", c(patient_id = "id_patient", date = "date", platelets = "plaquettes",
                                    bleeding = "saignement", rescue = "secours")),
  list("infusions", "perfusions", c(patient_id = "id_patient", date = "date", dose = "dose", route = "voie")),
  list("treatments", "traitements", c(patient_id = "id_patient", drug = "m\u00e9dicament",
                                      start = "d\u00e9but", end = "fin")),
  list("adverse_events", "effets_indesirables", c(patient_id = "id_patient", date = "date", term = "terme",
                                                  category = "cat\u00e9gorie", grade = "grade", serious = "grave")),
  list("labs", "biologie", c(patient_id = "id_patient", date = "date", test = "examen", value = "valeur",
                             unit = "unit\u00e9")))
kind <- c(d0 = "date", date = "date", last_followup = "date", death_date = "date", start = "date", end = "date",
          age = "number", itp_duration_months = "number", baseline_platelets = "number", platelets = "number",
          grade = "number", value = "number",
          secondary_itp = "yesno", splenectomy = "yesno", cs_refractory = "yesno", ivig_refractory = "yesno",
          bleeding_month_before = "yesno", death = "yesno", bleeding = "yesno", rescue = "yesno", serious = "yesno",
          sex = "sex", secondary_cause = "words", death_cause = "words", drug = "words", term = "words",
          category = "words", test = "words")
# French value -> English value, as the English files spell it.
words <- c(
  "Cortico\u00efdes" = "corticosteroids", "Dexam\u00e9thasone" = "dexamethasone",
  "M\u00e9thylprednisolone (Solum\u00e9drol)" = "methylprednisolone", "IgIV" = "IVIG",
  "Eltrombopag (Revolade)" = "eltrombopag", "Revolade" = "Revolade", "Romiplostim" = "romiplostim",
  "Nplate" = "Nplate", "Avatrombopag" = "avatrombopag", "Doptelet" = "Doptelet", "Rituximab" = "rituximab",
  "Mabthera" = "MabThera", "Fostamatinib" = "fostamatinib", "Tavlesse" = "Tavalisse",
  "Azathioprine (Imurel)" = "azathioprine", "Mycoph\u00e9nolate mof\u00e9til (Cellcept)" = "mycophenolate mofetil",
  "Ciclosporine" = "ciclosporin", "Dapsone (Disulone)" = "dapsone", "Danazol (Danatrol)" = "danazol",
  "Hydroxychloroquine (Plaquenil)" = "hydroxychloroquine",
  "Dyspn\u00e9e" = "Dyspnoea", "\u0152d\u00e8me palp\u00e9bral" = "Eyelid oedema",
  "R\u00e9action au point d\u2019injection" = "Injection site reaction", "Bronchospasme" = "Bronchospasm",
  "Infection des voies a\u00e9riennes sup\u00e9rieures" = "Upper respiratory tract infection",
  "Infection urinaire" = "Urinary tract infection", "Pneumopathie" = "Pneumonia", "Choc septique" = "Septic shock",
  "Choc septique; pneumopathie" = "Septic shock, pneumonia", "COVID-19" = "COVID-19", "Zona" = "Herpes zoster",
  "Py\u00e9lon\u00e9phrite" = "Pyelonephritis", "Neutrop\u00e9nie" = "Neutropenia",
  "Insuffisance cardiaque" = "Heart failure", "C\u00e9phal\u00e9es" = "Headache", "Asth\u00e9nie" = "Fatigue",
  "R\u00e9action perfusionnelle" = "Infusion reaction", "Infection" = "Infection", "Autre" = "Other",
  "Syndrome d\u2019Evans" = "Evans syndrome", "SAPL" = "APS", "SAPL + syndrome d\u2019Evans" = "APS + Evans syndrome",
  "Polyarthrite rhumato\u00efde" = "Rheumatoid arthritis", "STIM1" = "STIM1",
  "SMD post-allogreffe" = "Post-allograft MDS", "Sepsis" = "Sepsis", "H\u00e9morragie" = "Haemorrhage",
  "Gammaglobulines" = "gammaglobulins", "Polynucl\u00e9aires neutrophiles" = "neutrophils",
  "H\u00e9moglobine" = "hemoglobin")
translate <- function(x, k, what) {
  if (is.na(k)) return(x)
  y <- switch(k,
    date = { ok <- is.na(x) | grepl("^[0-9]{2}/[0-9]{2}/[0-9]{4}$", x)
             if (!all(ok)) stop("MISMATCH: ", what, ": not dd/mm/yyyy: ", x[!ok][1], call. = FALSE)
             format(as.Date(x, "%d/%m/%Y")) },
    number = { if (any(grepl(".", x, fixed = TRUE))) stop("MISMATCH: ", what, ": decimal point", call. = FALSE)
               chartr(",", ".", x) },
    yesno = c(oui = "yes", non = "no")[x],
    sex = c(H = "M", F = "F")[x],
    words = words[x])
  bad <- !is.na(x) & is.na(y)
  if (any(bad)) stop("MISMATCH: ", what, ": no translation for ", x[bad][1], call. = FALSE)
  unname(y)
}
en_all <- list(patients = pt, platelets = plt, infusions = inf, treatments = tr, adverse_events = ae, labs = lab)
for (t in tables) {
  en_name <- t[[1]]; fr_name <- t[[2]]; cols <- t[[3]]
  file <- file.path(dir, "fr", paste0(fr_name, ".csv"))
  raw <- readBin(file, "raw", file.info(file)$size)
  n_lf <- sum(raw == as.raw(10)); n_crlf <- sum(raw[-1] == as.raw(10) & raw[-length(raw)] == as.raw(13))
  expect(n_lf > 1 && n_lf == n_crlf && raw[length(raw)] == as.raw(10), sprintf("fr/%s.csv: CRLF line ends", fr_name))
  if (any(as.integer(raw) >= 128)) {
    expect(!validUTF8(rawToChar(raw)), sprintf("fr/%s.csv: Windows-1252 bytes, not UTF-8", fr_name))
  }
  fr <- read.csv2(file, colClasses = "character", na.strings = "", fileEncoding = "windows-1252",
                  check.names = FALSE)
  en <- read_en(en_name)
  expect(identical(names(en), names(cols)) && identical(names(fr), unname(cols)),
         sprintf("fr/%s.csv: French column names", fr_name))
  back <- fr
  names(back) <- names(cols)
  for (col in names(cols)) {
    back[[col]] <- translate(fr[[cols[[col]]]], kind[col], sprintf("fr/%s.csv %s", fr_name, cols[[col]]))
  }
  expect(identical(back, en), sprintf("fr/%s.csv = en/%s.csv (%d rows) after translation", fr_name, en_name, nrow(en)))
}
raw <- readBin(file.path(dir, "fr", "traitements.csv"), "raw", 1e6)
expect(any(raw == as.raw(0xEF)) && any(raw == as.raw(0xE9)), "fr: accents as single bytes (\u00ef = EF, \u00e9 = E9)")
raw <- readBin(file.path(dir, "fr", "effets_indesirables.csv"), "raw", 1e6)
expect(any(raw == as.raw(0x8C)) && any(raw == as.raw(0x92)), "fr: Windows-1252-only bytes (\u0152 = 8C, \u2019 = 92)")
for (name in names(en_all)) {
  raw <- readBin(file.path(dir, "en", paste0(name, ".csv")), "raw", 1e7)
  if (any(raw == as.raw(13)) || !validUTF8(rawToChar(raw))) stop("MISMATCH: en/", name, ".csv is not UTF-8 with LF")
}
say("  ok  en: UTF-8, LF line ends")

say("")
say("All published figures reproduced.")

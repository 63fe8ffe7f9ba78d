#!/usr/bin/env Rscript
# Independent check of the synthetic example cohort (examples/cohort/).
#
#   Rscript examples/cohort/check_published.R [COHORT_DIR]
#
# Reads en/*.csv, applies the `seed-2026` response rule of DESIGN.md section 5 itself (nothing
# is taken from make_cohort.mjs), and stops with an error at the first aggregate that differs
# from the seed study's published figures. Then reads fr/*.csv (Windows-1252, ';', decimal
# comma, dd/mm/yyyy) and checks that, once names and values are translated, they hold exactly
# the same facts as the English files.
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
d0 <- setNames(as.Date(pt$d0), ids)
day_of <- function(id, date) as.numeric(as.Date(date) - d0[id])
yes <- function(x) x == "yes"

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
expect(all(format(d0, "%Y") %in% 2020:2024), "D0 between 2020 and 2024")
all_dates <- c(pt$d0, pt$last_followup, pt$death_date, plt$date, inf$date, tr$end, ae$date, lab$date)
expect(max(as.Date(all_dates), na.rm = TRUE) <= as.Date("2025-12-31"), "no date after 2025")
expect(all(c(plt$patient_id, inf$patient_id, tr$patient_id, ae$patient_id, lab$patient_id) %in% ids),
       "every row names a known patient")
expect(all(!is.na(plt$value)) && all(plt$value == round(plt$value)), "platelet counts are integers")
n_counts <- table(factor(plt$patient_id, levels = ids))
expect(all(n_counts >= 6 & n_counts <= 20), sprintf("6-20 counts per patient (%d-%d)", min(n_counts), max(n_counts)))
d0_count <- sapply(ids, function(id) plt$value[plt$patient_id == id & plt$day == 0])
expect(is.numeric(d0_count) && identical(unname(d0_count), unname(baseline)),
       "baseline_platelets equals the one D0 count of each patient")
end_day <- ifelse(death, death_day, fu_day)
expect(all(death_day[death] == fu_day[death]), "last follow-up of the dead = date of death")
expect(all(plt$day <= end_day[plt$patient_id]) && all(inf$day <= end_day[inf$patient_id]) &&
       all(ae$day <= end_day[ae$patient_id]) && all(lab$day <= end_day[lab$patient_id]),
       "nothing recorded after last follow-up or death")

# ---------------------------------------------------------------------------------------------
say("")
say("Population at D0 (n = 26)")
q <- quantile(age, c(0.25, 0.5, 0.75))  # type 7, R's default
say("  age: median %.1f [IQR %.1f-%.1f] (%.1f-%.1f)", q[2], q[1], q[3], min(age), max(age))
expect(near(unname(q), c(41.0, 68, 72.8)), "age quartiles (type 7) = 41.0, 68, 72.8 (to 1e-9)")
expect(min(age) == 21 && max(age) == 88, "age range 21-88")
expect(sum(pt$sex == "M") == 15 && sum(pt$sex == "F") == 11, "15 men, 11 women")
expect(quantile(baseline, 0.5) == 14, "median baseline platelets 14 G/L")
say("  baseline platelets: median %g [IQR %g-%g] (%g-%g)", median(baseline),
    quantile(baseline, 0.25), quantile(baseline, 0.75), min(baseline), max(baseline))
say("  ITP duration (months): median %g (%g-%g); secondary ITP %d; splenectomy %d; bleeding in the month before %d",
    median(as.numeric(pt$itp_duration_months)), min(as.numeric(pt$itp_duration_months)),
    max(as.numeric(pt$itp_duration_months)), sum(yes(pt$secondary_itp)), sum(yes(pt$splenectomy)),
    sum(yes(pt$bleeding_month_before)))

# ---------------------------------------------------------------------------------------------
say("")
say("Infusions")
n_inf <- table(factor(inf$patient_id, levels = ids))
route <- sapply(ids, function(id) unique(inf$route[inf$patient_id == id]))
first_inf <- sapply(ids, function(id) min(inf$day[inf$patient_id == id]))
expect(all(first_inf == 0), "first infusion date = patients.d0 for every patient")
expect(is.character(route) && sum(route == "SC") == 16 && sum(route == "IV") == 10,
       "16 patients SC, 10 IV (one route each)")
expect(all(inf$dose[inf$route == "SC"] == "1800 mg") && all(inf$dose[inf$route == "IV"] == "16 mg/kg"),
       "doses: SC 1800 mg, IV 16 mg/kg")
expect(all(n_inf >= 3 & n_inf <= 16) && sum(n_inf < 8) >= 2, "3-16 infusions per patient, a few stopped early")
say("  infusions per patient: median %g (%d-%d), total %d", median(n_inf), min(n_inf), max(n_inf), sum(n_inf))

# ---------------------------------------------------------------------------------------------
# Treatments: roles by start day s (window 42 days) and the drug dictionary.
drug_inn <- c(
  prednisone = "prednisone", dexamethasone = "dexamethasone", methylprednisolone = "methylprednisolone",
  IVIG = "IVIg",
  eltrombopag = "eltrombopag", Revolade = "eltrombopag", romiplostim = "romiplostim", Nplate = "romiplostim",
  avatrombopag = "avatrombopag", Doptelet = "avatrombopag",
  rituximab = "rituximab", MabThera = "rituximab", fostamatinib = "fostamatinib", Tavalisse = "fostamatinib",
  azathioprine = "azathioprine", "mycophenolate mofetil" = "mycophenolate", ciclosporin = "ciclosporin",
  dapsone = "dapsone", danazol = "danazol", hydroxychloroquine = "hydroxychloroquine")
inn_class <- c(
  prednisone = "corticosteroids", dexamethasone = "corticosteroids", methylprednisolone = "corticosteroids",
  IVIg = "IVIg", eltrombopag = "TPO-RA", romiplostim = "TPO-RA", avatrombopag = "TPO-RA",
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
# seed-2026 (DESIGN section 5)
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
  out <- list(id = id, category = NA, reason = "", ttr = NA, rfs_days = NA, rfs_event = NA)
  if (death[[id]] && death_day[[id]] < DEATH_BEFORE) {
    out$category <- "excluded"; out$reason <- sprintf("died on day %d", death_day[[id]])
  } else if (is.finite(sub) && !any(ok)) {
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
    ends <- c("loss of response" = later$day[which(later$value < R_MIN)[1]],
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
expect(n_cat[["excluded"]] == 1 && death_day[[res$id[res$category == "excluded"]]] < 91, "1 excluded (death before day 91)")
expect(n_cat[["NE"]] == 0, "0 not evaluable")
expect(den == 25, "25 evaluable")
expect(n_cat[["CR"]] == 9 && n_cat[["R"]] == 4 && n_or == 13 && n_cat[["NR"]] == 12, "CR 9, R 4, OR 13 (52 %), NR 12")
expect(round(100 * n_or / den) == 52, "overall response rate 52 %")

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
expect(any(tr$role == "concomitant" & tr$s > 0) && any(tr$role == "concomitant" & tr$s < 0),
       "edge: concomitant treatments (started after and before D0, within 42 days)")
expect(any(tr$role == "background"), "edge: background treatment (started > 42 days before D0, ongoing at D0)")
say("  concomitant: %s", paste(sprintf("%s %s day %g", tr$patient_id, tr$drug, tr$s)[tr$role == "concomitant"], collapse = "; "))
say("  background:  %s", paste(sprintf("%s %s day %g", tr$patient_id, tr$drug, tr$s)[tr$role == "background"], collapse = "; "))
say("  subsequent:  %s", paste(sprintf("%s %s day %g", tr$patient_id, tr$drug, tr$s)[tr$role == "subsequent"], collapse = "; "))

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
       "number at risk 13 13 12 11 10 9 8 7 6 5 4 3 2")
s24 <- summary(fit, times = 730.5 / 7)
say("  events %d (%s); RFS at 24 months (104.36 weeks) = %.1f %% (95%% CI %.1f-%.1f)", sum(event),
    paste(names(table(resp$rfs_event)), table(resp$rfs_event), collapse = ", "),
    100 * s24$surv, 100 * s24$lower, 100 * s24$upper)
expect(s24$surv > 0.55 && s24$surv < 0.65, "RFS at 24 months about 60 % (0.55-0.65)")

# ---------------------------------------------------------------------------------------------
say("")
say("Follow-up and overall survival")
os_days <- end_day
rev_fit <- survfit(Surv(os_days, 1L - death) ~ 1)
fu_med <- unname(summary(rev_fit)$table["median"])
say("  median follow-up (reverse KM) %g days = %.1f months = %.2f years; observed median %g days",
    fu_med, fu_med / 30.4375, fu_med / 365.25, median(os_days))
expect(fu_med / 365.25 >= 1.5 && fu_med / 365.25 <= 2, "median follow-up 1.5-2 years")
os_fit <- survfit(Surv(os_days / 30.4375, as.integer(death)) ~ 1)
os_s <- summary(os_fit, times = c(12, 24))
say("  deaths %d; OS at 12 and 24 months %.1f %%, %.1f %%", sum(death), 100 * os_s$surv[1], 100 * os_s$surv[2])
for (id in ids[death]) say("    %s day %d: %s", id, death_day[[id]], pt$death_cause[ids == id])
expect(sum(death) >= 3 && sum(death) <= 5 && all(!is.na(pt$death_cause[death])), "a few deaths, each with a cause")

# ---------------------------------------------------------------------------------------------
say("")
say("Prior treatments (started more than 42 days before D0: prior or background)")
pre <- tr[tr$role %in% c("prior", "background"), ]
has <- function(f) sapply(ids, function(id) any(f(pre[pre$patient_id == id, ])))
cs <- has(function(d) d$class == "corticosteroids")
ivig <- has(function(d) d$class == "IVIg")
expect(all(cs) && all(ivig), "every patient had corticosteroids and IVIg before")
for (inn in c("eltrombopag", "romiplostim", "avatrombopag", "rituximab", "fostamatinib",
              "azathioprine", "mycophenolate", "ciclosporin", "dapsone", "danazol", "hydroxychloroquine")) {
  n <- sum(has(function(d) d$inn == inn))
  say("  %-19s %2d (%.0f %%)", inn, n, 100 * n / 26)
}
tpo <- sapply(ids, function(id) length(unique(pre$inn[pre$patient_id == id & pre$class == "TPO-RA"])))
ritux <- sum(has(function(d) d$inn == "rituximab"))
fosta <- sum(has(function(d) d$inn == "fostamatinib"))
immuno <- sum(has(function(d) d$class == "immunosuppressant"))
lines <- sapply(ids, function(id) length(unique(pre$inn[pre$patient_id == id &
                                                       !pre$class %in% c("corticosteroids", "IVIg")])))
say("  TPO-RA %d (two or more %d); immunosuppressant %d; splenectomy %d", sum(tpo > 0), sum(tpo > 1),
    immuno, sum(yes(pt$splenectomy)))
say("  lines excluding corticosteroids and IVIg: median %g (%d-%d)", median(lines), min(lines), max(lines))
expect(sum(tpo > 0) >= 20 && sum(tpo > 1) >= 10, "most had a TPO-RA, many two or more")
expect(ritux >= 15 && fosta >= 5 && immuno >= 8 && sum(yes(pt$splenectomy)) %in% 2:6,
       "many rituximab, some fostamatinib, immunosuppressants, a few splenectomies")
expect(median(lines) >= 4 && median(lines) <= 5, "median number of prior lines 4-5")

# ---------------------------------------------------------------------------------------------
say("")
say("Safety")
by_cat <- table(ae$category, ae$grade)
print(by_cat)
ir <- ae[ae$category == "Infusion reaction", ]
inf_ae <- ae[ae$category == "Infection", ]
serious_pts <- unique(ae$patient_id[yes(ae$serious)])
say("  patients with any AE %d; infusion reactions %d patients; infections %d patients (grade >= 3: %d); serious: %s",
    length(unique(ae$patient_id)), length(unique(ir$patient_id)), length(unique(inf_ae$patient_id)),
    length(unique(inf_ae$patient_id[as.numeric(inf_ae$grade) >= 3])), paste(serious_pts, collapse = ", "))
expect(length(unique(ir$patient_id)) >= 4 && all(ir$grade %in% c("1", "2")), "infusion reactions grade 1-2 in several patients")
expect(any(as.numeric(inf_ae$grade) == 3), "some grade 3 infections")
expect(length(serious_pts) %in% 1:2, "one or two patients with a serious AE")
gam <- lab[lab$test == "gammaglobulins", ]
low <- unique(gam$patient_id[gam$day > 0 & gam$v < 6])
say("  gammaglobulins < 6 g/L during follow-up: %d patients (%s)", length(low), paste(low, collapse = ", "))
expect(length(low) >= 3, "several patients with gammaglobulins < 6 g/L during follow-up")
expect(sum(lab$test == "neutrophils") >= 10, "neutrophil counts measured")

# ---------------------------------------------------------------------------------------------
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
  "Cortico\u00efdes" = "prednisone", "Dexam\u00e9thasone" = "dexamethasone",
  "M\u00e9thylprednisolone (Solum\u00e9drol)" = "methylprednisolone", "IgIV" = "IVIG",
  "Eltrombopag (Revolade)" = "eltrombopag", "Revolade" = "Revolade", "Romiplostim" = "romiplostim",
  "Nplate" = "Nplate", "Avatrombopag" = "avatrombopag", "Doptelet" = "Doptelet", "Rituximab" = "rituximab",
  "Mabthera" = "MabThera", "Fostamatinib" = "fostamatinib", "Tavlesse" = "Tavalisse",
  "Azathioprine (Imurel)" = "azathioprine", "Mycoph\u00e9nolate mof\u00e9til (Cellcept)" = "mycophenolate mofetil",
  "Ciclosporine" = "ciclosporin", "Dapsone (Disulone)" = "dapsone", "Danazol (Danatrol)" = "danazol",
  "Hydroxychloroquine (Plaquenil)" = "hydroxychloroquine",
  "Frissons" = "Chills", "Dyspn\u00e9e" = "Dyspnoea", "\u00c9ruption cutan\u00e9e" = "Rash", "Fi\u00e8vre" = "Fever",
  "\u0152d\u00e8me palp\u00e9bral" = "Eyelid oedema",
  "R\u00e9action au point d\u2019injection" = "Injection site reaction", "Bronchospasme" = "Bronchospasm",
  "Infection des voies a\u00e9riennes sup\u00e9rieures" = "Upper respiratory tract infection",
  "Infection urinaire" = "Urinary tract infection", "Pneumopathie" = "Pneumonia", "Choc septique" = "Septic shock",
  "COVID-19" = "COVID-19", "Bronchite" = "Bronchitis", "Zona" = "Herpes zoster", "Sinusite" = "Sinusitis",
  "Py\u00e9lon\u00e9phrite" = "Pyelonephritis", "Rhinopharyngite" = "Nasopharyngitis",
  "Neutrop\u00e9nie" = "Neutropenia", "C\u00e9phal\u00e9es" = "Headache", "Asth\u00e9nie" = "Fatigue",
  "R\u00e9action perfusionnelle" = "Infusion reaction", "Infection" = "Infection",
  "H\u00e9matologique" = "Haematological", "Autre" = "Other",
  "Lupus syst\u00e9mique; anticorps antiphospholipides" = "SLE, antiphospholipid antibodies",
  "Leuc\u00e9mie lympho\u00efde chronique" = "Chronic lymphocytic leukaemia",
  "Syndrome de Gougerot-Sj\u00f6gren" = "Sj\u00f6gren syndrome",
  "Infarctus du myocarde" = "Myocardial infarction", "Choc septique sur pneumopathie" = "Septic shock, pneumonia",
  "Insuffisance cardiaque" = "Cardiac failure", "H\u00e9morragie intracr\u00e2nienne" = "Intracranial haemorrhage",
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
say("All published aggregates reproduced.")

# Golden values for the small statistics of the cohort report (core/stats, issue 5): sample
# quantiles of types 1 to 9, Clopper-Pearson and Wilson intervals, beta quantiles and Fisher's
# exact test, as R computes them.
#
#   Rscript tests/golden/stats/make_stats_golden.R        (from the repository root)
#
# Writes tests/golden/stats/expected.json, which tests/native/test_stats_golden_r.cpp compares
# with the core at 1e-9 relative. Deterministic: re-running it rewrites the same bytes (on the
# same R version; the file records which). Each number is written with the fewest significant
# digits, 15 to 17, that read back as the same double.
#
# What each value is, in R's terms:
#   quantile         quantile(x, probs, type = type, names = FALSE) of R >= 4.5.0. R 4.5.0 added
#                    a relative fuzz to j = floor(n p + m) (NEWS: "quantile()'s default method
#                    gets an option fuzz ... fixing PR#15811"), which changes types 1 to 3 where
#                    n p is computed a few ulps below a whole number (50 * 0.58 = 28.999...96).
#                    On an older R the script applies that one change to R's own
#                    quantile.default (patched_quantile below) and says so in the file.
#   clopper_pearson  binom.test(x, n, conf.level = level)$conf.int
#   wilson           prop.test(x, n, conf.level = level, correct = FALSE)$conf.int
#   beta             qbeta(p, a, b), qbeta(p, a, b, lower.tail = FALSE), pbeta(x, a, b)
#   fisher           fisher.test(matrix)$p.value; tables are written row by row.

suppressPackageStartupMessages(library(stats))

# ---- quantile() as R >= 4.5.0 computes it -------------------------------------------------------

patched_quantile <- function() {
  if (getRversion() >= "4.5.0") return(stats:::quantile.default)
  src <- deparse(stats:::quantile.default)
  types_1_to_3 <- "j <- floor(nppm)"
  types_4_to_9 <- "j <- floor(nppm + fuzz)"
  stopifnot(sum(grepl(types_1_to_3, src, fixed = TRUE)) == 1,
            sum(grepl(types_4_to_9, src, fixed = TRUE)) == 1)
  src <- sub(types_1_to_3, "j <- floor(nppm * (1 + 4 * .Machine$double.eps))", src, fixed = TRUE)
  src <- sub(types_4_to_9, "j <- floor(nppm * (1 + fuzz))", src, fixed = TRUE)
  f <- eval(parse(text = src))
  environment(f) <- asNamespace("stats")
  f
}

quantile_r45 <- patched_quantile()

# ---- JSON with round-trip numbers ----------------------------------------------------------------

num_text <- function(x) {
  if (is.na(x)) return("null")
  if (x == round(x) && abs(x) < 1e15) return(format(x, scientific = FALSE))
  for (digits in 15:17) {
    s <- sprintf("%.*g", digits, x)
    if (as.numeric(s) == x) return(s)
  }
}

json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    items <- vapply(x, json, "", indent = inner)
    if (is.null(names(x))) {
      return(paste0("[\n", inner, paste(items, collapse = paste0(",\n", inner)), "\n", indent, "]"))
    }
    keys <- paste0("\"", names(x), "\": ")
    return(paste0("{\n", inner, paste0(keys, items, collapse = paste0(",\n", inner)), "\n",
                  indent, "}"))
  }
  if (is.character(x)) return(paste0("\"", x, "\""))
  if (inherits(x, "AsIs") || length(x) != 1) {
    return(paste0("[", paste(vapply(x, num_text, ""), collapse = ", "), "]"))
  }
  num_text(x)
}

# ---- cases ---------------------------------------------------------------------------------------

# 26 ages (years, one decimal; made up, not the study's patients) whose type-7 quartiles are the
# published 41.0 and 72.8 (docs/design.md §1), in file order rather than sorted.
ages26 <- c(60.2, 19.4, 72.2, 44.0, 84.0, 35.6, 57.0, 27.8, 79.9, 50.3, 66.0, 40.0, 88.6, 23.1,
            73.0, 52.9, 38.2, 69.5, 31.0, 81.4, 55.1, 47.5, 63.7, 77.3, 58.4, 75.8)

quantile_vectors <- list(
  ages26 = ages26,
  ties = c(3, 1, 2, 8, 2, 8, 3, 5, 2, 8),
  n1 = 42,
  n2 = c(10, 3),
  n5 = c(5, 1, 4, 2, 3),
  signs = c(7, -1.5, 0, 2.25, 0, -3, 1e-3)
)
quantile_probs <- c(0, 0.01, 0.05, 0.1, 0.2, 0.25, 1 / 3, 0.4, 0.5, 0.6, 2 / 3, 0.75, 0.8, 0.9,
                    0.95, 0.99, 1)

# Where R 4.5.0's fuzz decides: n p (+ m) is a few ulps below a whole number (50 * 0.58,
# 50 * 0.29, 25 * 0.58 - 0.5, 45 * 0.7 - 0.5) or above one (25 * 0.28, 25 * 0.14 - 0.5).
fuzz_cases <- list(
  list(x = (1:50)^2 / 10, probs = c(0.29, 0.57, 0.58)),
  list(x = (1:25)^2 / 10, probs = c(0.14, 0.28, 0.58)),
  list(x = (1:45)^2 / 10, probs = c(0.7))
)

quantile_cases <- function() {
  out <- list()
  add <- function(name, x, probs) {
    for (type in 1:9) {
      out[[length(out) + 1]] <<- list(
        name = name, type = type, x = I(x), probs = I(probs),
        expected = I(quantile_r45(x, probs, type = type, names = FALSE)))
    }
  }
  for (name in names(quantile_vectors)) add(name, quantile_vectors[[name]], quantile_probs)
  for (i in seq_along(fuzz_cases)) {
    add(paste0("fuzz", i), fuzz_cases[[i]]$x, fuzz_cases[[i]]$probs)
  }
  out
}

binomial_counts <- list(c(4, 9), c(13, 25), c(0, 10), c(10, 10), c(1, 1), c(0, 1), c(52, 100),
                        c(1, 26), c(13, 26), c(0, 1000), c(3, 1000), c(999, 1000))
binomial_levels <- c(0.90, 0.95, 0.99)

interval_cases <- function(interval) {
  out <- list()
  for (xn in binomial_counts) {
    for (level in binomial_levels) {
      ci <- interval(xn[1], xn[2], level)
      out[[length(out) + 1]] <- list(x = xn[1], n = xn[2], conf_level = level,
                                     lower = ci[1], upper = ci[2])
    }
  }
  out
}

clopper_pearson_r <- function(x, n, level) binom.test(x, n, conf.level = level)$conf.int
wilson_r <- function(x, n, level) {
  suppressWarnings(prop.test(x, n, conf.level = level, correct = FALSE)$conf.int)
}

beta_shapes <- c(0.5, 1, 2.5, 4, 10, 26, 100, 1000)
beta_probs <- c(1e-10, 0.005, 0.025, 0.05, 0.3, 0.5, 0.95, 0.975, 0.995, 1 - 1e-10)
beta_points <- c(1e-4, 0.05, 0.3, 0.5, 0.7, 0.95, 0.9999)

beta_cases <- function() {
  out <- list()
  for (a in beta_shapes) for (b in beta_shapes) {
    out[[length(out) + 1]] <- list(
      a = a, b = b,
      p = I(beta_probs),
      qbeta = I(qbeta(beta_probs, a, b)),
      qbeta_upper = I(qbeta(beta_probs, a, b, lower.tail = FALSE)),
      x = I(beta_points),
      pbeta = I(pbeta(beta_points, a, b)),
      pbeta_upper = I(pbeta(beta_points, a, b, lower.tail = FALSE)))
  }
  out
}

fisher_tables <- list(
  tea_tasting = matrix(c(3, 1, 1, 3), 2),
  two_by_two = matrix(c(10, 3, 2, 15), 2),
  with_zero = matrix(c(0, 5, 6, 2), 2),
  diagonal_zeros = matrix(c(12, 0, 0, 14), 2),
  empty_column = matrix(c(0, 0, 3, 4), 2),
  larger = matrix(c(52, 48, 30, 70), 2),
  large_n = matrix(c(520, 480, 500, 500), 2),
  two_by_three = matrix(c(5, 2, 3, 4, 1, 6), 2),
  ties_two_by_three = matrix(c(2, 1, 1, 2, 2, 1), 2),
  response_by_arm = matrix(c(8, 5, 13, 3, 6, 10), 3),
  with_empty_row = matrix(c(4, 0, 3, 2, 0, 5), 3),
  three_by_three = matrix(c(3, 1, 0, 2, 4, 1, 0, 2, 5), 3),
  two_by_four = matrix(c(1, 4, 3, 2, 0, 5, 6, 1), 2),
  four_by_three = matrix(c(6, 2, 3, 1, 2, 5, 4, 3, 1, 2, 6, 7), 4)
)

fisher_cases <- function() {
  lapply(names(fisher_tables), function(name) {
    m <- fisher_tables[[name]]
    list(name = name,
         table = lapply(seq_len(nrow(m)), function(i) I(m[i, ])),
         p_value = fisher.test(m)$p.value)
  })
}

main <- function() {
  root <- file.path("tests", "golden", "stats")
  golden <- list(
    r_version = R.version.string,
    quantile_source = if (getRversion() >= "4.5.0") "stats::quantile" else
      "stats::quantile with R 4.5.0's fuzz applied (patched_quantile)",
    quantile = quantile_cases(),
    clopper_pearson = interval_cases(clopper_pearson_r),
    wilson = interval_cases(wilson_r),
    beta = beta_cases(),
    fisher = fisher_cases())
  writeLines(json(golden), file.path(root, "expected.json"))
}

if (sys.nframe() == 0L) main()

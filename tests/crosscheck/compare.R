# How the cross-checks judge the CLI's numbers against R's; sourced by crosscheck.R (fmt_num and
# %||% only: it compares whole documents with its own first_difference), crosscheck_cif.R and
# crosscheck_cox.R.

fmt_num <- function(x) sprintf("%.17g", x)
`%||%` <- function(a, b) if (is.null(a)) b else a

# First difference between R's numbers and the CLI's, NULL when all agree: |a - e| <=
# max(relative |e|, floor), so with no floor a 0 must be 0. NA matches null only.
compare_numbers <- function(what, expected, actual, floor = 0, relative = 1e-9) {
  if (length(expected) != length(actual))
    return(sprintf("%s: expected %d values got %d", what, length(expected), length(actual)))
  for (i in seq_along(expected)) {
    e <- expected[i]
    a <- actual[i]
    if (is.na(e) || is.na(a)) {
      if (is.na(e) && is.na(a)) next
      return(sprintf("%s[%d]: expected %s got %s", what, i, fmt_num(e), fmt_num(a)))
    }
    if (abs(a - e) > max(relative * abs(e), floor))
      return(sprintf("%s[%d]: expected %s got %s", what, i, fmt_num(e), fmt_num(a)))
  }
  NULL
}

# The CLI's "rows" block against R's count of the rows read, used and left out by reason (a
# list reason -> count): the same reasons with the same counts. A message, or NULL.
rows_difference <- function(rows, read, used, expected_left) {
  if (rows$read != read || rows$used != used ||
      !setequal(names(expected_left), names(rows$left_out)) ||
      any(vapply(names(expected_left), function(r) expected_left[[r]] != rows$left_out[[r]], TRUE)))
    return(sprintf("rows: expected read %d used %d left_out %s got %s", read, used,
                   toJSON(expected_left, auto_unbox = TRUE), toJSON(rows, auto_unbox = TRUE)))
  NULL
}

# The warning codes the CLI gives for the rows left out: one per row up to 20 of a reason, then
# one summary for the rest.
left_out_warning_codes <- function(expected_left) {
  codes <- character(0)
  for (r in names(expected_left))
    codes <- c(codes, rep(r, min(20, expected_left[[r]])), if (expected_left[[r]] > 20) r)
  codes
}

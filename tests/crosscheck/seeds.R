# A seed's journey through a cross-check: its data written as the CLI reads it, kept in out/
# when it fails, and the run over all seeds with its summary. write_case_csv is sourced by all
# three cross-checks; the rest by crosscheck_cif.R and crosscheck_cox.R (crosscheck.R keeps R's
# document beside the CLI's, and reports a line per seed).

write_case_csv <- function(d, path) {
  cols <- lapply(d, function(col) {
    text <- if (is.numeric(col)) fmt_num(col) else as.character(col)
    text[is.na(col)] <- ""
    text
  })
  writeLines(c(paste(names(d), collapse = ","), do.call(paste, c(cols, sep = ","))), path)
}

# Keeps a failing seed's input, the CLI's answer and the command that replays it in `keep`.
keep_failing_seed <- function(keep, csv, answer, cli, cli_args) {
  dir.create(keep, recursive = TRUE, showWarnings = FALSE)
  file.copy(csv, keep, overwrite = TRUE)
  writeLines(answer, file.path(keep, "cli.json"))
  writeLines(paste(c(cli, shQuote(sub(csv, file.path(keep, basename(csv)), cli_args, fixed = TRUE))),
                   collapse = " "), file.path(keep, "command.sh"))
}

# Checks every seed on 2 cores (check_seed(seed) returns list(seed, ok, message, kinds)), prints
# one line per failing seed, how many agree with `reference` and what kinds of case were
# reached, and quits: status 1 when a seed failed, or when a run of 500 seeds or more did not
# reach every kind in `must_reach` (a generator that stops reaching one leaves it untested).
run_seeds <- function(seeds, check_seed, name, reference, must_reach, work_dir) {
  started <- Sys.time()
  results <- mclapply(seeds, function(seed) {
    tryCatch(check_seed(seed),
             error = function(e) list(seed = seed, ok = FALSE, message = paste("error:", conditionMessage(e)),
                                      kinds = character(0)))
  }, mc.cores = 2)
  unlink(work_dir, recursive = TRUE)

  failed <- Filter(function(r) !isTRUE(r$ok), results)
  for (r in failed) cat(sprintf("FAIL seed=%d %s\n", r$seed, r$message))
  kinds <- table(unlist(lapply(results, function(r) r$kinds)))
  compared <- sum(vapply(results, function(r) isTRUE(r$ok), TRUE))
  cat(sprintf("%s: %d of %d seeds agree with %s (%.1f s)\n", name, compared, length(seeds),
              reference, as.numeric(difftime(Sys.time(), started, units = "secs"))))
  cat("kinds of case reached:", paste(sprintf("%s %d", names(kinds), kinds), collapse = ", "), "\n")
  unreached <- setdiff(must_reach, names(kinds))
  if (length(seeds) >= 500 && length(unreached))
    cat("not reached:", paste(unreached, collapse = ", "), "\n")
  quit(status = if (length(failed) > 0 || (length(seeds) >= 500 && length(unreached) > 0)) 1 else 0)
}

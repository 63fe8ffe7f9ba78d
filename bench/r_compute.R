# R's side of the benchmark: the compute only, on data already in memory.
#   Rscript bench/r_compute.R FILE RUNS     prints the median elapsed seconds of RUNS runs of
#   survfit(Surv(time, status) ~ group) + survdiff(Surv(time, status) ~ group).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
runs <- as.integer(args[2])
classes <- c(time = "numeric", status = "integer", group = "character")
d <- if (requireNamespace("data.table", quietly = TRUE)) {
  as.data.frame(data.table::fread(path, colClasses = classes))
} else {
  read.csv(path, colClasses = classes)
}
elapsed <- vapply(seq_len(runs), function(i) {
  system.time({
    fit <- survfit(Surv(time, status) ~ group, data = d)
    test <- survdiff(Surv(time, status) ~ group, data = d)
  }, gcFirst = TRUE)[["elapsed"]]
}, numeric(1))
cat(sprintf("%.6f\n", median(elapsed)))

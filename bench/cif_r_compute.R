# R's side of the cif benchmark: the compute only, on data already in memory.
#   Rscript bench/cif_r_compute.R FILE RUNS    prints the median elapsed seconds of RUNS runs of
#   cmprsk::cuminc(time, status, group) (curves per group and cause, and Gray's test).
suppressPackageStartupMessages(library(cmprsk))
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
  system.time(fit <- cuminc(d$time, d$status, d$group), gcFirst = TRUE)[["elapsed"]]
}, numeric(1))
cat(sprintf("%.6f\n", median(elapsed)))

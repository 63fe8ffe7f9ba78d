# R's side of the cox benchmark: the compute only, on data already in memory.
#   Rscript bench/cox_r_compute.R FILE RUNS    prints the median elapsed seconds of RUNS runs of
#   summary(coxph(Surv(time, status) ~ age + score + arm)) (Efron, concordance included).
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
path <- args[1]
runs <- as.integer(args[2])
classes <- c(time = "numeric", status = "integer", age = "numeric", score = "numeric",
             arm = "character")
d <- if (requireNamespace("data.table", quietly = TRUE)) {
  as.data.frame(data.table::fread(path, colClasses = classes))
} else {
  read.csv(path, colClasses = classes)
}
d$arm <- factor(d$arm)
elapsed <- vapply(seq_len(runs), function(i) {
  system.time(s <- summary(coxph(Surv(time, status) ~ age + score + arm, data = d)),
              gcFirst = TRUE)[["elapsed"]]
}, numeric(1))
cat(sprintf("%.6f\n", median(elapsed)))

# Benchmark cohort: `awk -v rows=N -v seed=S -f bench/make_data.awk > file.csv`.
# Three groups A, B, C with different hazards; times in days with one decimal in 0-3650;
# about 70 % events. Deterministic for a given seed (same awk implementation).
BEGIN {
  srand(seed == "" ? 20260101 : seed)
  print "time,status,group"
  split("A B C", name, " ")
  split("1.0 0.85 0.7", stretch, " ")
  for (i = 0; i < rows; i++) {
    g = 1 + int(rand() * 3)
    t = rand() * 3650 * stretch[g]
    status = rand() < 0.7 ? 1 : 0
    printf "%.1f,%d,%s\n", t, status, name[g]
  }
}

# Import benchmark data: `awk -v patients=N -v counts=M -v seed=S -v out=DIR -f bench/make_import_data.awk`
# writes DIR/patients.csv (N patients) and DIR/platelets.csv (M counts: dates after each
# patient's D0, integer counts, bleeding and rescue flags), as a large multicentre export would
# hold them. Deterministic for a given seed (same awk implementation).
function two(n) { return n < 10 ? "0" n : n }
function iso(days,   y, m, d, mdays) {  # days since 2015-01-01, good to 2030
  y = 2015
  while (days >= (y % 4 == 0 ? 366 : 365)) { days -= (y % 4 == 0 ? 366 : 365); y++ }
  split("31 28 31 30 31 30 31 31 30 31 30 31", mdays, " ")
  if (y % 4 == 0) mdays[2] = 29
  for (m = 1; days >= mdays[m]; m++) days -= mdays[m]
  return y "-" two(m) "-" two(days + 1)
}
BEGIN {
  srand(seed == "" ? 20260101 : seed)
  print "patient_id,d0,sex,age,baseline_platelets,last_followup" > (out "/patients.csv")
  for (p = 1; p <= patients; p++) {
    d0[p] = int(rand() * 2500)
    printf "P%06d,%s,%s,%.1f,%d,%s\n", p, iso(d0[p]), rand() < 0.55 ? "M" : "F",
           18 + rand() * 70, 1 + int(rand() * 29), iso(d0[p] + 1500) > (out "/patients.csv")
  }
  print "patient_id,date,platelets,bleeding,rescue" > (out "/platelets.csv")
  for (i = 0; i < counts; i++) {
    p = 1 + int(rand() * patients)
    printf "P%06d,%s,%d,%s,%s\n", p, iso(d0[p] + int(rand() * 1400)), int(rand() * 400),
           rand() < 0.05 ? "yes" : "no", rand() < 0.02 ? "yes" : "no" > (out "/platelets.csv")
  }
}

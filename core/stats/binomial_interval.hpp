#pragma once
// Two-sided confidence intervals for a proportion, x successes out of n (a response rate).

namespace itp {

struct BinomialInterval {
  double lower;
  double upper;
};

// Clopper & Pearson (1934), "The use of confidence or fiducial limits illustrated in the case
// of the binomial", Biometrika 26:404-413: the limits where the binomial tails beyond x
// (inclusive) are each (1 - conf_level) / 2, as beta quantiles:
//   lower = qbeta(alpha/2, x, n - x + 1)    (0 when x = 0),
//   upper = qbeta(1 - alpha/2, x + 1, n - x) (1 when x = n).
// Reproduces R's binom.test(x, n, conf.level = conf_level)$conf.int.
// Throws std::domain_error unless n >= 1, 0 <= x <= n and 0 < conf_level < 1.
BinomialInterval clopper_pearson(int x, int n, double conf_level);

// Wilson (1927), "Probable inference, the law of succession, and statistical inference",
// JASA 22:209-212: the p whose score test |x/n - p| / sqrt(p (1 - p) / n) <= z accepts, with
// z = qnorm((1 + conf_level) / 2); without continuity correction. Reproduces R's
// prop.test(x, n, conf.level = conf_level, correct = FALSE)$conf.int (prop.test's default,
// correct = TRUE, gives the continuity-corrected interval, which this is not).
// Throws std::domain_error as clopper_pearson does.
BinomialInterval wilson(int x, int n, double conf_level);

}  // namespace itp

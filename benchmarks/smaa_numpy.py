#!/usr/bin/python3
# smaa_numpy.py — an analyst's vectorised numpy SMAA-2, for comparison
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What a careful analyst writes in numpy: all weights drawn at once
# (normalised exponentials = uniform on the simplex), utilities as one
# matrix product, ranks by argsort, acceptabilities by bincount, central
# weights by masked means. Run on one thread (the caller sets
# OPENBLAS_NUM_THREADS=1 and OMP_NUM_THREADS=1).
#
# Usage: smaa_numpy.py VALUES.tsv SAMPLES RUNS
#   VALUES.tsv: the 0..1 value table, one option per line, tab-separated.
# Prints "median_ms <ms>" (CPU time of this process, median of RUNS) and
# "first <b_1^1> … <b_n^1>" from the last run.

import sys
import time

import numpy as np


def smaa2(values, samples, rng):
    n, m = values.shape
    weights = rng.standard_exponential((samples, m))
    weights /= weights.sum(axis=1, keepdims=True)
    utilities = weights @ values.T
    order = np.argsort(-utilities, axis=1, kind="stable")
    acceptability = np.empty((n, n))
    for r in range(n):
        acceptability[:, r] = np.bincount(order[:, r], minlength=n) / samples
    first = order[:, 0]
    central = np.zeros((n, m))
    for i in range(n):
        mask = first == i
        if mask.any():
            central[i] = weights[mask].mean(axis=0)
    # Scores are fixed, so a confidence factor is whether the option leads
    # at its own central weights.
    at_central = central @ values.T
    confidence = (np.argmax(at_central, axis=1) == np.arange(n)).astype(float)
    confidence[acceptability[:, 0] == 0] = 0.0
    return acceptability, central, confidence


def main():
    values = np.loadtxt(sys.argv[1], delimiter="\t", ndmin=2)
    samples = int(sys.argv[2])
    runs = int(sys.argv[3])
    rng = np.random.default_rng(1)
    times = []
    acceptability = None
    for _ in range(runs):
        start = time.process_time()
        acceptability, _, _ = smaa2(values, samples, rng)
        times.append((time.process_time() - start) * 1000.0)
    times.sort()
    print("median_ms %.3f" % times[len(times) // 2])
    print("first " + " ".join("%.6f" % b for b in acceptability[:, 0]))


if __name__ == "__main__":
    main()

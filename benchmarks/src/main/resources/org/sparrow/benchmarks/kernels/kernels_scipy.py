#!/usr/bin/env python3
"""Times scipy.sparse kernels for Sparrow's kernel suite (KernelSuite.java), one matrix per call.

Usage: kernels_scipy.py OUTDIR WARMUPS MIN_WARMUP_S RUNS MIN_RUN_S BUDGET_S COLD_CAP_S K NAME FILE [NAME FILE ...]

For each matrix: A = scipy.io.mmread(FILE).tocsr() (not timed), then times
  spgemm  C = A @ A       (scipy's SMMP sparse product; single-threaded)
  spmv    y = A @ x
  spmm    Y = A @ X       (X dense, cols x K, row-major)
with the same scheme as the Java side (org.sparrow.benchmarks.harness.Timer): one first call (if it
alone takes COLD_CAP_S it is the only sample), at least WARMUPS warm-up runs lasting at least
MIN_WARMUP_S after it (within half of BUDGET_S), then the median of RUNS timed runs, where a run repeats the call until it lasts MIN_RUN_S. x and X hold 1 + ((7919*i) mod 1000)/1000 at flat index i, exactly as in Java.

Prints "# scipy VERSION numpy VERSION" once, then one CSV line per kernel:
  name,kernel,median_s,min_s,runs,reps,cold
and writes the results for the cross-check into OUTDIR as raw little-endian arrays:
  NAME.spgemm.indptr / .indices (int64), NAME.spgemm.data (float64), NAME.spmv, NAME.spmm (float64).
Exits 3 if scipy is not importable, so the caller can report the peer as absent.
"""
import statistics
import sys
import time

try:
    import numpy as np
    import scipy
    import scipy.io
    import scipy.sparse
except ImportError:
    sys.stderr.write("scipy is not installed\n")
    sys.exit(3)


def inputs(n):
    i = np.arange(n, dtype=np.int64)
    return 1.0 + ((i * 7919) % 1000) / 1000.0


def measure(op, warmups, min_warmup, runs, min_run, budget, cold_cap):
    """The suite's Timer scheme (org.sparrow.benchmarks.harness.Timer): seconds per call."""
    start = time.perf_counter()
    op()
    first = time.perf_counter() - start
    if first >= cold_cap:
        return first, first, 1, 1, True
    reps = max(1, min(1 << 20, int(-(-min_run // max(first, 1e-7)))))
    warm = time.perf_counter()
    w = 0
    while (w < warmups or time.perf_counter() - warm < min_warmup) and time.perf_counter() - start < budget / 2:
        t = time.perf_counter()
        for _ in range(reps):
            op()
        per = (time.perf_counter() - t) / reps
        reps = max(1, min(1 << 20, int(-(-min_run // max(per, 1e-7)))))
        w += 1
    samples = []
    while len(samples) < runs and (not samples or time.perf_counter() - start < budget):
        t = time.perf_counter()
        for _ in range(reps):
            op()
        samples.append((time.perf_counter() - t) / reps)
    return statistics.median(samples), min(samples), len(samples), reps, False


def main():
    outdir, warmups, min_warmup = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    runs, min_run, budget, cold_cap = int(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6]), float(sys.argv[7])
    k = int(sys.argv[8])
    pairs = sys.argv[9:]
    print(f"# scipy {scipy.__version__} numpy {np.__version__}", flush=True)
    for name, path in zip(pairs[0::2], pairs[1::2]):
        a = scipy.io.mmread(path).tocsr()
        a.sum_duplicates()
        rows, cols = a.shape
        x = inputs(cols)
        xb = inputs(cols * k).reshape(cols, k)
        out = {}

        def spgemm():
            out["c"] = a @ a

        def spmv():
            out["y"] = a @ x

        def spmm():
            out["Y"] = a @ xb

        for kernel, op in (("spgemm", spgemm), ("spmv", spmv), ("spmm", spmm)):
            med, best, n, reps, cold = measure(op, warmups, min_warmup, runs, min_run, budget, cold_cap)
            print(f"{name},{kernel},{med:.9g},{best:.9g},{n},{reps},{str(cold).lower()}", flush=True)
        c = out["c"].tocsr()
        base = f"{outdir}/{name}"
        np.ascontiguousarray(c.indptr, dtype="<i8").tofile(base + ".spgemm.indptr")
        np.ascontiguousarray(c.indices, dtype="<i8").tofile(base + ".spgemm.indices")
        np.ascontiguousarray(c.data, dtype="<f8").tofile(base + ".spgemm.data")
        np.ascontiguousarray(out["y"], dtype="<f8").tofile(base + ".spmv")
        np.ascontiguousarray(out["Y"], dtype="<f8").tofile(base + ".spmm")


if __name__ == "__main__":
    main()

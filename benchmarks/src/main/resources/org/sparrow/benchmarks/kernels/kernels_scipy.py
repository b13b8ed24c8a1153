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
Two more modes serve the suite's large family (LargeSuite.java):

  kernels_scipy.py large OUTDIR WARMUPS MIN_WARMUP_S RUNS MIN_RUN_S BUDGET_S COLD_CAP_S SPGEMM NAME CSRFILE
    loads the raw CSR cache file CSRFILE (CsrCache.java: "SPRWCSR1", rows, cols, nnz as int64, then int32
    row pointers, int32 column indices, float64 values, little-endian; not timed), times spmv and, if
    SPGEMM is 1, spgemm as above, prints the same CSV lines and writes NAME.spmv (y) and NAME.cx (C @ x,
    for the cross-check against A(Ax)) into OUTDIR.
  kernels_scipy.py fresh OP FILE REPEATS
    what a user's fresh python does: A = scipy.io.mmread(FILE).tocsr(), then for OP spgemm (A @ A) or
    spmv (A @ x) one warm-up call and REPEATS timed calls, printing "fresh,OP,median_s,read_s"; for OP
    mmread only the read ("fresh,mmread,read_s,read_s"). The caller times the whole process.

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


def load_csr(path):
    """The raw CSR cache file written by CsrCache.java."""
    with open(path, "rb") as f:
        head = f.read(32)
    if head[:8] != b"SPRWCSR1":
        sys.stderr.write(f"{path}: not a cached CSR matrix\n")
        sys.exit(2)
    rows, cols, nnz = (int(v) for v in np.frombuffer(head[8:32], dtype="<i8"))
    indptr = np.fromfile(path, dtype="<i4", count=rows + 1, offset=32)
    indices = np.fromfile(path, dtype="<i4", count=nnz, offset=32 + 4 * (rows + 1))
    data = np.fromfile(path, dtype="<f8", count=nnz, offset=32 + 4 * (rows + 1) + 4 * nnz)
    return scipy.sparse.csr_matrix((data, indices, indptr), shape=(rows, cols))


def large(argv):
    outdir, warmups, min_warmup = argv[0], int(argv[1]), float(argv[2])
    runs, min_run, budget, cold_cap = int(argv[3]), float(argv[4]), float(argv[5]), float(argv[6])
    spgemm_too, name, path = argv[7] == "1", argv[8], argv[9]
    print(f"# scipy {scipy.__version__} numpy {np.__version__}", flush=True)
    a = load_csr(path)
    x = inputs(a.shape[1])
    out = {}

    def spmv():
        out["y"] = a @ x

    def spgemm():
        out["c"] = a @ a

    kernels = [("spmv", spmv)] + ([("spgemm", spgemm)] if spgemm_too else [])
    for kernel, op in kernels:
        med, best, n, reps, cold = measure(op, warmups, min_warmup, runs, min_run, budget, cold_cap)
        print(f"{name},{kernel},{med:.9g},{best:.9g},{n},{reps},{str(cold).lower()}", flush=True)
        if kernel == "spgemm":
            np.ascontiguousarray(out.pop("c") @ x, dtype="<f8").tofile(f"{outdir}/{name}.cx")
    np.ascontiguousarray(out["y"], dtype="<f8").tofile(f"{outdir}/{name}.spmv")


def fresh(argv):
    op, path, repeats = argv[0], argv[1], int(argv[2])
    t = time.perf_counter()
    a = scipy.io.mmread(path).tocsr()
    read = time.perf_counter() - t
    if op == "mmread":
        print(f"fresh,mmread,{read:.9g},{read:.9g}", flush=True)
        return
    x = inputs(a.shape[1])
    call = (lambda: a @ a) if op == "spgemm" else (lambda: a @ x)
    call()
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        call()
        times.append(time.perf_counter() - t)
    print(f"fresh,{op},{statistics.median(times):.9g},{read:.9g}", flush=True)


def main():
    if len(sys.argv) > 1 and sys.argv[1] in ("large", "fresh"):
        (large if sys.argv[1] == "large" else fresh)(sys.argv[2:])
        return
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

#!/usr/bin/env python3
"""scipy.sparse.linalg.eigsh and svds (ARPACK) for the Sparrow eigen suite.

Usage: eigen_scipy.py TOL REPEATS JOB [JOB ...]
  JOB = FILE|KIND|K, KIND in eigsh (the K algebraically largest eigenvalues, which='LA') or svds (the K
  largest singular values, solver='arpack').

Each job reads A with scipy.io.mmread (as CSR), runs once (its values are the reference the suite compares
with), then REPEATS more times for the median time. ARPACK's tolerance is TOL (its test: ||A v - theta v||
<= TOL * |theta|), its start vector ARPACK's own random one, ncv scipy's default (max(2K + 1, 20)).

Prints "# scipy VERSION" and then one line per job:
  file,kind,k,median_seconds,value1;value2;...   (values largest first, repr precision)
A job scipy refuses prints "nan" for the time and no values, and its error on stderr.
Exits 3 if scipy is not importable, so the caller can report the peer as absent.
"""
import statistics
import sys
import time

try:
    import numpy as np
    import scipy
    import scipy.io
    import scipy.sparse as sp
    import scipy.sparse.linalg as sla
except ImportError:
    sys.stderr.write("scipy is not installed\n")
    sys.exit(3)


def run(a, kind, k, tol):
    if kind == "eigsh":
        w = sla.eigsh(a, k=k, which="LA", tol=tol, return_eigenvectors=True)[0]
    elif kind == "svds":
        w = sla.svds(a, k=k, tol=tol, solver="arpack", return_singular_vectors=True)[1]
    else:
        raise ValueError("unknown kind " + kind)
    return sorted(w, reverse=True)


def main():
    tol = float(sys.argv[1])
    repeats = int(sys.argv[2])
    print(f"# scipy {scipy.__version__}, numpy {np.__version__}", flush=True)
    for job in sys.argv[3:]:
        path, kind, k = job.split("|")
        k = int(k)
        try:
            a = sp.csr_matrix(scipy.io.mmread(path), dtype=np.float64)
            a.sort_indices()
            values = run(a, kind, k, tol)
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                run(a, kind, k, tol)
                times.append(time.perf_counter() - t)
            sec = statistics.median(times) if times else float("nan")
            print(f"{path},{kind},{k},{sec:.6f}," + ";".join(repr(float(v)) for v in values), flush=True)
        except Exception as e:  # report and go on with the next job
            sys.stderr.write(f"scipy {kind} on {path}: {e}\n")
            print(f"{path},{kind},{k},nan,", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""scikit-learn's ARDRegression on the Kronecker SBL benchmark's trials, for the Sparrow SBL suite.

Usage: sbl_ard.py TOL N_ITER JOB [JOB ...]

Each JOB is a file the Java suite wrote (it generates every trial, seeded; nothing is drawn here): little-endian
float64 values [d, M_1, N_1, ..., M_d, N_d, A_1 row-major, ..., A_d row-major, y]. The script forms
A = kron(A_1, kron(A_2, ...)) (the dictionary ARD needs; numpy's kron has the suite's index convention), fits
ARDRegression(fit_intercept=False, tol=TOL, n_iter=N_ITER (max_iter on scikit-learn >= 1.3), compute_score=False,
other settings default), and writes coef_ to JOB + ".out" (little-endian float64).

Prints "# scikit-learn VERSION numpy VERSION" and then one CSV line per job:
  job,fit_seconds,call_seconds,iterations
fit_seconds times fit() alone; call_seconds also forming A from the factors (what a caller holding the factors
waits for); iterations is n_iter_ where scikit-learn reports it, else empty. A job that fails prints
"job,nan,nan," and its error on stderr. Exits 3 if scikit-learn is not importable.
"""
import inspect
import sys
import time

try:
    import numpy as np
    import sklearn
    from sklearn.linear_model import ARDRegression
except ImportError:
    sys.stderr.write("scikit-learn is not installed\n")
    sys.exit(3)


def read_job(path):
    v = np.fromfile(path, dtype="<f8")
    d = int(v[0])
    dims = [(int(v[1 + 2 * i]), int(v[2 + 2 * i])) for i in range(d)]
    pos = 1 + 2 * d
    factors = []
    for m, n in dims:
        factors.append(v[pos:pos + m * n].reshape(m, n))
        pos += m * n
    y = v[pos:]
    return factors, y


def main():
    tol = float(sys.argv[1])
    n_iter = int(sys.argv[2])
    params = inspect.signature(ARDRegression).parameters
    iter_key = "max_iter" if "max_iter" in params else "n_iter"
    print(f"# scikit-learn {sklearn.__version__} numpy {np.__version__}", flush=True)
    for job in sys.argv[3:]:
        try:
            factors, y = read_job(job)
            t0 = time.perf_counter()
            a = factors[-1]
            for f in reversed(factors[:-1]):
                a = np.kron(f, a)
            if a.shape[0] != y.shape[0]:
                raise ValueError(f"{job}: the factors give {a.shape[0]} rows but y has {y.shape[0]} entries")
            model = ARDRegression(fit_intercept=False, tol=tol, compute_score=False, **{iter_key: n_iter})
            t1 = time.perf_counter()
            model.fit(a, y)
            t2 = time.perf_counter()
            model.coef_.astype("<f8").tofile(job + ".out")
            its = getattr(model, "n_iter_", "")
            print(f"{job},{t2 - t1:.6f},{t2 - t0:.6f},{its}", flush=True)
        except Exception as e:  # one failed job must not end the batch
            sys.stderr.write(f"ARDRegression failed on {job}: {e}\n")
            print(f"{job},nan,nan,", flush=True)


if __name__ == "__main__":
    main()

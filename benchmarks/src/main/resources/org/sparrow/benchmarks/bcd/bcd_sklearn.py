#!/usr/bin/env python3
"""scikit-learn's Lasso (coordinate descent) on one sparse design, for the Sparrow BCD suite.

Usage: bcd_sklearn.py FOLDER NAME ROWS COLS ALPHA TOL MAX_ITER REPEATS
  FOLDER holds NAME_indptr.bin (COLS+1 int32), NAME_indices.bin (int32), NAME_data.bin (float64) -- the
  design X in CSC, little-endian -- and NAME_y.bin (ROWS float64), written by the suite.

Fits sklearn.linear_model.Lasso(alpha=ALPHA, fit_intercept=False, tol=TOL, max_iter=MAX_ITER,
selection='cyclic') on the CSC matrix, whose objective is (1/(2*ROWS))*||y - Xw||^2 + ALPHA*||w||_1.
One fit warms up; then REPEATS fits are timed (time.perf_counter around fit only, data already in
memory). Writes the last fit's w to FOLDER/NAME_w.bin (float64) for the suite to evaluate in its own
scaling, and prints "# scikit-learn VERSION numpy VERSION scipy VERSION", then
  NAME,MEDIAN_SECONDS,MIN_SECONDS,N_ITER,DUAL_GAP
Exits 3 when scikit-learn, numpy or scipy cannot be imported.
"""
import os
import sys
import time
import warnings

try:
    import numpy as np
    import scipy
    import scipy.sparse as sp
    import sklearn
    from sklearn.linear_model import Lasso
    from sklearn.exceptions import ConvergenceWarning
except ImportError as e:
    sys.stderr.write("scikit-learn, numpy or scipy is not installed: %s\n" % e)
    sys.exit(3)


def main():
    folder, name = sys.argv[1], sys.argv[2]
    rows, cols = int(sys.argv[3]), int(sys.argv[4])
    alpha, tol = float(sys.argv[5]), float(sys.argv[6])
    max_iter, repeats = int(sys.argv[7]), int(sys.argv[8])
    print("# scikit-learn %s numpy %s scipy %s" % (sklearn.__version__, np.__version__, scipy.__version__), flush=True)

    def read(suffix, dtype):
        return np.fromfile(os.path.join(folder, name + suffix), dtype=dtype)

    indptr = read("_indptr.bin", "<i4")
    indices = read("_indices.bin", "<i4")
    data = read("_data.bin", "<f8")
    y = read("_y.bin", "<f8")
    x = sp.csc_matrix((data, indices, indptr), shape=(rows, cols))

    def fit():
        model = Lasso(alpha=alpha, fit_intercept=False, tol=tol, max_iter=max_iter, selection="cyclic")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            t0 = time.perf_counter()
            model.fit(x, y)
            return time.perf_counter() - t0, model

    fit()  # warm-up
    times = []
    model = None
    for _ in range(repeats):
        t, model = fit()
        times.append(t)
    model.coef_.astype("<f8").tofile(os.path.join(folder, name + "_w.bin"))
    gap = float(np.ravel(model.dual_gap_)[0]) if np.ndim(model.dual_gap_) else float(model.dual_gap_)
    print("%s,%r,%r,%d,%r" % (name, float(np.median(times)), float(min(times)), int(model.n_iter_), gap), flush=True)


if __name__ == "__main__":
    main()

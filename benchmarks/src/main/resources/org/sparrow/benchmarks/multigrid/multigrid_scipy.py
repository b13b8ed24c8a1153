#!/usr/bin/env python3
"""scipy.sparse.linalg.cg (and gmres with spilu) on the multigrid suite's problems, for Sparrow's AMG benchmark.

Usage: multigrid_scipy.py TOL MAXIT ILU_MAX_ROWS JOB [JOB ...]
  JOB = PROBLEM|PRECOND with PROBLEM one of poisson2d:N (5-point Laplacian on an N x N grid, Dirichlet,
  natural order: kron(I, T) + kron(T, I), T = tridiag(-1, 2, -1)), poisson3d:N (7-point, the same with three
  factors) or a Matrix Market file; PRECOND none (cg) or ilu (gmres with spilu).

Every solve: b = A·1, x0 = 0, rtol = TOL, atol = 0, at most MAXIT iterations. "none" is cg without a
preconditioner. "ilu" is scipy's spilu (SuperLU's ILUTP, scipy's defaults drop_tol = 1e-4,
fill_factor = 10) as M in gmres (restart 50, MAXIT inner iterations in all): ILUTP pivots, so M is not
symmetric and cg with it does not converge (tried: 20,000 iterations on a 50 x 50 Poisson problem); it is
skipped (fields "nan") above ILU_MAX_ROWS rows, where its setup dominates.

Prints "# scipy VERSION, numpy VERSION" and one CSV line per job:
  problem,precond,iterations,converged,true_relative_residual,setup_seconds,solve_seconds
Exits 3 if scipy is not importable.
"""
import os
import sys
import time

# One BLAS thread: on a shared, oversubscribed machine OpenBLAS's thread pool made each cg iteration on a
# 300 x 300 grid take 76 ms instead of 3 ms (measured here, same load); set before numpy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

try:
    import numpy as np
    import scipy
    import scipy.io
    import scipy.sparse as sp
    import scipy.sparse.linalg as sla
except ImportError:
    sys.stderr.write("scipy is not installed\n")
    sys.exit(3)


def laplacian(dims, n):
    t = sp.diags([-np.ones(n - 1), 2 * np.ones(n), -np.ones(n - 1)], [-1, 0, 1], format="csr")
    i = sp.identity(n, format="csr")
    if dims == 2:
        return (sp.kron(i, t) + sp.kron(t, i)).tocsr()
    return (sp.kron(sp.kron(i, i), t) + sp.kron(sp.kron(i, t), i) + sp.kron(sp.kron(t, i), i)).tocsr()


def matrix(problem):
    if problem.startswith("poisson2d:"):
        return laplacian(2, int(problem.split(":")[1]))
    if problem.startswith("poisson3d:"):
        return laplacian(3, int(problem.split(":")[1]))
    a = sp.csr_matrix(scipy.io.mmread(problem), dtype=np.float64)
    a.sort_indices()
    return a


def main():
    tol = float(sys.argv[1])
    maxit = int(sys.argv[2])
    ilu_max = int(sys.argv[3])
    print(f"# scipy {scipy.__version__}, numpy {np.__version__}", flush=True)
    cache = {}
    for job in sys.argv[4:]:
        problem, precond = job.split("|")
        try:
            if problem not in cache:
                cache.clear()
                a = matrix(problem)
                cache[problem] = (a, a @ np.ones(a.shape[1]))
            a, b = cache[problem]
            if precond == "ilu" and a.shape[0] > ilu_max:
                print(f"{problem},{precond},nan,false,nan,nan,nan", flush=True)
                continue
            t0 = time.perf_counter()
            m = None
            if precond == "ilu":
                ilu = sla.spilu(a.tocsc())
                m = sla.LinearOperator(a.shape, matvec=ilu.solve)
            t1 = time.perf_counter()
            count = [0]

            def cb(_):
                count[0] += 1

            if m is None:
                x, info = sla.cg(a, b, rtol=tol, atol=0.0, maxiter=maxit, callback=cb)
            else:
                x, info = sla.gmres(a, b, rtol=tol, atol=0.0, restart=50, maxiter=-(-maxit // 50), M=m,
                                    callback=cb, callback_type="pr_norm")
            t2 = time.perf_counter()
            rel = np.linalg.norm(b - a @ x) / np.linalg.norm(b)
            print(f"{problem},{precond},{count[0]},{str(info == 0).lower()},{rel:.6e},{t1 - t0:.6f},{t2 - t1:.6f}",
                  flush=True)
        except Exception as e:  # report and go on with the next job
            sys.stderr.write(f"scipy cg/{precond} on {problem}: {e}\n")
            print(f"{problem},{precond},nan,false,nan,nan,nan", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Iteration counts (and times) of scipy.sparse.linalg's Krylov solvers, for the Sparrow solver suite.

Usage: solvers_scipy.py TOL MAXIT RESTART REPEATS JOB [JOB ...]
  JOB = FILE|METHOD|PRECOND, METHOD in cg, bicgstab, gmres, minres, lsqr; PRECOND in none, jacobi.

Every solve starts from x0 = 0 with b = A·1 (A read by scipy.io.mmread, as CSR) and relative tolerance
TOL (rtol; lsqr: atol = btol = TOL); MAXIT bounds the iterations (gmres: the inner iterations in all,
so maxiter = ceil(MAXIT / RESTART) cycles of RESTART). Jacobi is M = diag(1/a_ii) (scipy has no ILU(0)
or IC(0)); lsqr takes no preconditioner. Iterations are counted by the callback (gmres:
callback_type='pr_norm', one call per inner iteration; lsqr reports its own count).

Prints "# scipy VERSION" and then one CSV line per job:
  file,method,precond,iterations,converged,true_relative_residual,median_seconds
converged is scipy's own verdict (info == 0; lsqr: istop in 1, 2); the residual is recomputed
as ||b - A x|| / ||b||. A job scipy refuses prints "nan" fields and its error on stderr.
Exits 3 if scipy is not importable, so the caller can report the peer as absent.
"""
import math
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


def solve(a, b, method, precond, tol, maxit, restart):
    """One solve; returns (x, iterations, converged)."""
    m = None
    if precond == "jacobi":
        m = sp.diags(1.0 / a.diagonal()).tocsr()
    count = [0]

    def cb(*_):
        count[0] += 1

    if method == "cg":
        x, info = sla.cg(a, b, rtol=tol, atol=0.0, maxiter=maxit, M=m, callback=cb)
    elif method == "bicgstab":
        x, info = sla.bicgstab(a, b, rtol=tol, atol=0.0, maxiter=maxit, M=m, callback=cb)
    elif method == "minres":
        x, info = sla.minres(a, b, rtol=tol, maxiter=maxit, M=m, callback=cb)
    elif method == "gmres":
        x, info = sla.gmres(a, b, rtol=tol, atol=0.0, restart=restart, maxiter=math.ceil(maxit / restart), M=m,
                            callback=cb, callback_type="pr_norm")
    elif method == "lsqr":
        if precond != "none":
            raise ValueError("lsqr takes no preconditioner")
        out = sla.lsqr(a, b, atol=tol, btol=tol, iter_lim=maxit)
        return out[0], int(out[2]), out[1] in (1, 2)
    else:
        raise ValueError("unknown method " + method)
    return x, count[0], info == 0


def main():
    tol = float(sys.argv[1])
    maxit = int(sys.argv[2])
    restart = int(sys.argv[3])
    repeats = int(sys.argv[4])
    print(f"# scipy {scipy.__version__}, numpy {np.__version__}", flush=True)
    cache = {}
    for job in sys.argv[5:]:
        path, method, precond = job.split("|")
        try:
            if path not in cache:
                a = sp.csr_matrix(scipy.io.mmread(path), dtype=np.float64)
                a.sort_indices()
                cache.clear()
                cache[path] = (a, a @ np.ones(a.shape[1]))
            a, b = cache[path]
            x, its, ok = solve(a, b, method, precond, tol, maxit, restart)
            rel = np.linalg.norm(b - a @ x) / np.linalg.norm(b)
            times = []
            for _ in range(repeats):
                t = time.perf_counter()
                solve(a, b, method, precond, tol, maxit, restart)
                times.append(time.perf_counter() - t)
            sec = statistics.median(times) if times else float("nan")
            print(f"{path},{method},{precond},{its},{str(ok).lower()},{rel:.6e},{sec:.6f}", flush=True)
        except Exception as e:  # report and go on with the next job
            sys.stderr.write(f"scipy {method}/{precond} on {path}: {e}\n")
            print(f"{path},{method},{precond},nan,false,nan,nan", flush=True)


if __name__ == "__main__":
    main()

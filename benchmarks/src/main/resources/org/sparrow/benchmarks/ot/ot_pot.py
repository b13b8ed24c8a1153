#!/usr/bin/env python3
"""POT's log-domain Sinkhorn and the exact optimum on one instance, for the Sparrow OT suite.

Usage: ot_pot.py FOLDER N M ETA TOL CAP_SECONDS MAX_ITERATIONS EXACT
  FOLDER holds cost.bin (N*M float64, little-endian, row-major), a.bin (N) and b.bin (M), written by
  the suite; EXACT is "assignment" (scipy.optimize.linear_sum_assignment; a = b = 1/N, N = M) or "emd"
  (ot.emd) or "none".

POT runs as ot.sinkhorn(a, b, M, reg=1/ETA, method='sinkhorn_log', numItermax=MAX_ITERATIONS, stopThr=S,
log=True).
Its own test, every 10th iteration, is the l2 norm of the column-marginal error, and u (the row scaling)
is updated last, so the row marginal holds to rounding: S = TOL / sqrt(M) makes the l1 marginal error
||P1 - a||_1 + ||P^T 1 - b||_1 <= TOL (Cauchy-Schwarz). A timer stops the run after CAP_SECONDS: the
alarm's handler takes the current log-potentials from POT's loop (it has no callback) and the plan is
computed from them, as POT computes its own. One 10-iteration call first warms numpy and POT up (untimed).

Prints "# POT VERSION numpy VERSION scipy VERSION", then
  pot,ITERATIONS,SECONDS,CAPPED,ERR_L2,L2_ITERATIONS,MAX_ITERATIONS,SECONDS_PER_ITERATION
  exact,METHOD,COST,SECONDS
where L2_ITERATIONS is the first checked iteration at which POT's own l2 error was <= TOL (empty if
never): the l1 error cannot be below TOL earlier, so SECONDS * L2_ITERATIONS / ITERATIONS bounds POT's
time to TOL from below. The plan is written to FOLDER/plan.bin (float64, little-endian, row-major) for
the suite to measure. Exits 3 when POT, numpy or scipy cannot be imported.
"""
import math
import os
import signal
import sys
import time

try:
    import numpy as np
    import ot
    import scipy
    from scipy.optimize import linear_sum_assignment
except ImportError as e:
    sys.stderr.write("POT, numpy or scipy is not installed: %s\n" % e)
    sys.exit(3)


class HardStop(Exception):
    """Raised by the alarm at the cap, carrying the state of POT's loop (its potentials and error log)."""

    def __init__(self, ii, u, v, mr, errs):
        super().__init__("time cap")
        self.ii, self.u, self.v, self.mr, self.errs = ii, u, v, mr, errs


def on_alarm(signum, frame):
    # POT 0.8.2's sinkhorn_log has no callback; the alarm interrupts its loop between two numpy calls, and
    # its frame holds the current log-potentials u, v, the iteration ii and -M/reg.
    f = frame
    while f is not None and f.f_code.co_name != "sinkhorn_log":
        f = f.f_back
    if f is None or "u" not in f.f_locals or "ii" not in f.f_locals:
        return  # not in the loop yet (or already past it): let it run on; the suite's timeout still bounds it
    loc = f.f_locals
    log = loc.get("log")
    raise HardStop(int(loc["ii"]), loc["u"], loc["v"], loc["Mr"], log["err"] if isinstance(log, dict) else [])


def main():
    folder = sys.argv[1]
    n, m = int(sys.argv[2]), int(sys.argv[3])
    eta, tol, cap = float(sys.argv[4]), float(sys.argv[5]), float(sys.argv[6])
    max_iterations, exact = int(sys.argv[7]), sys.argv[8]
    print("# POT %s numpy %s scipy %s" % (ot.__version__, np.__version__, scipy.__version__), flush=True)
    cost = np.fromfile(os.path.join(folder, "cost.bin"), dtype="<f8").reshape(n, m)
    a = np.fromfile(os.path.join(folder, "a.bin"), dtype="<f8")
    b = np.fromfile(os.path.join(folder, "b.bin"), dtype="<f8")
    reg = 1.0 / eta

    if max_iterations > 0:
        ot.sinkhorn(a, b, cost, reg=reg, method="sinkhorn_log", numItermax=10, stopThr=0.0, warn=False)
        stop = tol / math.sqrt(m)
        signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, cap)
        t = time.perf_counter()
        capped = False
        try:
            plan, log = ot.sinkhorn(a, b, cost, reg=reg, method="sinkhorn_log", numItermax=max_iterations,
                                    stopThr=stop, log=True, warn=False)
            iterations = int(log["niter"]) + 1
            errs = [float(e) for e in log["err"]]
        except HardStop as h:
            # the time cap: the plan of the potentials POT held when the alarm rang
            plan = np.exp(h.mr + h.u[:, None] + h.v[None, :])
            iterations = h.ii + 1
            errs = [float(e) for e in h.errs]
            capped = True
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seconds = time.perf_counter() - t
        last = errs[-1] if errs else float("nan")
        capped = capped or not (last < stop)
        l2_iterations = ""
        for k, e in enumerate(errs):
            if e <= tol:
                l2_iterations = str(10 * k + 1)
                break
        np.ascontiguousarray(plan, dtype="<f8").tofile(os.path.join(folder, "plan.bin"))
        print("pot,%d,%.9g,%s,%.6g,%s,%d,%.6g" % (iterations, seconds, "true" if capped else "false", last,
                                                  l2_iterations, max_iterations, seconds / iterations), flush=True)

    if exact == "assignment":
        t = time.perf_counter()
        rows, cols = linear_sum_assignment(cost)
        value = float(cost[rows, cols].sum()) / n  # a = b = 1/n: an optimal plan is a permutation / n
        print("exact,linear_sum_assignment,%.17g,%.6g" % (value, time.perf_counter() - t), flush=True)
    elif exact == "emd":
        t = time.perf_counter()
        g = ot.emd(a, b, cost, numItermax=100_000_000)
        value = float(np.sum(g * cost))
        print("exact,ot.emd,%.17g,%.6g" % (value, time.perf_counter() - t), flush=True)


if __name__ == "__main__":
    main()

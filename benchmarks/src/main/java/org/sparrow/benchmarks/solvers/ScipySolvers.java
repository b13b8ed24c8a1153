package org.sparrow.benchmarks.solvers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sparrow.benchmarks.harness.PythonPeer;

/**
 * Runs {@code solvers_scipy.py} (scipy.sparse.linalg, through {@link PythonPeer}) on a list of jobs and
 * collects, per job, the iterations, scipy's verdict, the true relative residual and the median time.
 * A missing python3 or scipy is reported, not fatal.
 */
final class ScipySolvers {

    /** One scipy solve. */
    record Result(int iterations, boolean converged, double relativeResidual, double seconds) {
    }

    /** One job: a matrix file, a method and a preconditioner ("none" or "jacobi"). */
    record Job(Path file, String method, String precond) {
        String key() {
            return file + "|" + method + "|" + precond;
        }
    }

    /** No time limit in practice: the solves are bounded by their iteration limit. */
    private static final long TIMEOUT_SECONDS = 24 * 3600;

    private ScipySolvers() {
    }

    /**
     * Runs every job; results go into {@code out} keyed by {@link Job#key()}.
     *
     * @return a note for the report: scipy's version and how it was timed, or why it was not measured
     */
    static String run(List<Job> jobs, double tol, int maxit, int restart, int repeats, Map<String, Result> out)
            throws IOException, InterruptedException {
        if (jobs.isEmpty()) {
            return "scipy not measured: no job for it";
        }
        List<String> args = new ArrayList<>(List.of(Double.toString(tol), Integer.toString(maxit),
                Integer.toString(restart), Integer.toString(repeats)));
        for (Job j : jobs) {
            args.add(j.key());
        }
        PythonPeer.Outcome o;
        try (PythonPeer python = new PythonPeer(ScipySolvers.class, "solvers_scipy.py")) {
            o = python.run(args, TIMEOUT_SECONDS, line -> {
                String[] f = line.split(",");
                if (f.length >= 7) {
                    String key = f[0] + "|" + f[1] + "|" + f[2];
                    Result r = new Result(f[3].equals("nan") ? -1 : Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]),
                            Double.parseDouble(f[5]), Double.parseDouble(f[6]));
                    synchronized (out) {
                        out.put(key, r);
                    }
                }
            });
        }
        if (o.unavailable() != null) {
            return o.unavailable();
        }
        if (!o.ok()) {
            return "scipy partly measured: the script failed with exit code " + o.exitCode();
        }
        return o.versionOr("scipy") + " (iterations from one solve; time: median of " + repeats + " further solves)";
    }
}

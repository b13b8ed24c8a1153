package org.sparrow.benchmarks.solvers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code solvers_scipy.py} (scipy.sparse.linalg) with {@code python3} on a list of jobs and
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
        Path script = Files.createTempFile("solvers_scipy", ".py");
        try (InputStream in = ScipySolvers.class.getResourceAsStream("solvers_scipy.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<String> cmd = new ArrayList<>(List.of("python3", script.toString(), Double.toString(tol),
                Integer.toString(maxit), Integer.toString(restart), Integer.toString(repeats)));
        for (Job j : jobs) {
            cmd.add(j.key());
        }
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            Files.deleteIfExists(script);
            return "scipy not measured: python3 could not be started (" + e.getMessage() + ")";
        }
        String version = "scipy";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith("# ")) {
                    version = line.substring(2);
                    continue;
                }
                String[] f = line.split(",");
                if (f.length < 7) {
                    continue;
                }
                String key = f[0] + "|" + f[1] + "|" + f[2];
                out.put(key, new Result(f[3].equals("nan") ? -1 : Integer.parseInt(f[3]), Boolean.parseBoolean(f[4]),
                        Double.parseDouble(f[5]), Double.parseDouble(f[6])));
            }
        }
        int rc = p.waitFor();
        Files.deleteIfExists(script);
        if (rc == 3) {
            return "scipy not measured: python3 has no scipy";
        }
        if (rc != 0) {
            return "scipy partly measured: the script failed with exit code " + rc;
        }
        return version + " (iterations from one solve; time: median of " + repeats + " further solves)";
    }
}

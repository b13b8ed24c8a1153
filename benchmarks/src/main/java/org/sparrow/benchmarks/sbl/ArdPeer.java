package org.sparrow.benchmarks.sbl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sparrow.benchmarks.harness.PythonPeer;
import org.sparrow.core.DenseMatrix;

/**
 * scikit-learn's {@code ARDRegression} as a peer: the suite generates every trial (seeded) and writes its factors
 * and y into the peer's temporary folder ({@link #writeJob}: little-endian float64 values [d, M₁, N₁, …, A₁ row-major,
 * …, y]); {@code sbl_ard.py} forms A = kron(A₁, kron(A₂, A₃)), fits {@code ARDRegression(fit_intercept=False,
 * tol=}{@value #TOL}{@code , n_iter=}{@value #N_ITER}{@code )} (scikit-learn's defaults for both) and writes coef_
 * back; one Python process per batch of trials. ARD estimates the noise precision itself (scikit-learn cannot be
 * told σ²), unlike the SBL methods, which are given σ² as in the paper.
 */
final class ArdPeer {

    /** ARDRegression's convergence tolerance (scikit-learn's default). */
    static final double TOL = 1e-3;

    /** ARDRegression's iteration limit (scikit-learn's default). */
    static final int N_ITER = 300;

    /** What a batch gave. */
    record Batch(List<Solve> solves, String version, String unavailable, double wallSeconds) {
    }

    private final String interpreter;
    private final String unavailable;

    private ArdPeer(String interpreter, String unavailable) {
        this.interpreter = interpreter;
        this.unavailable = unavailable;
    }

    /** Finds an interpreter with scikit-learn ({@link PythonPeer#interpreterWith}), or records why there is none. */
    static ArdPeer find() throws InterruptedException {
        String py = PythonPeer.interpreterWith("sklearn");
        return py != null ? new ArdPeer(py, null) : new ArdPeer(null, "ARDRegression not measured: none of "
                + String.join(", ", PythonPeer.candidateInterpreters()) + " imports scikit-learn (apt-get install python3-sklearn)");
    }

    /** A peer that is switched off, with the reason. */
    static ArdPeer off(String why) {
        return new ArdPeer(null, why);
    }

    /** Why the peer is not measured, or {@code null}. */
    String unavailable() {
        return unavailable;
    }

    /** The interpreter used, or {@code null}. */
    String interpreter() {
        return interpreter;
    }

    /**
     * Fits every problem in one Python process.
     *
     * @param problems Input: the trials
     * @return one solve per problem, in order (failed ones say why), the script's version line and the wall time
     */
    Batch fit(List<SblProblem> problems) throws IOException, InterruptedException {
        if (unavailable != null) {
            return new Batch(problems.stream().map(p -> Solve.failed(unavailable)).toList(), null, unavailable, 0);
        }
        try (PythonPeer peer = new PythonPeer(interpreter, ArdPeer.class, "sbl_ard.py")) {
            List<String> args = new ArrayList<>(List.of(Double.toString(TOL), Integer.toString(N_ITER)));
            List<Path> jobs = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                Path job = peer.folder().resolve(String.format("job-%04d.bin", i));
                writeJob(job, problems.get(i).factors(), problems.get(i).y());
                jobs.add(job);
                args.add(job.toString());
            }
            Map<String, String[]> lines = new HashMap<>();
            long t0 = System.nanoTime();
            PythonPeer.Outcome out = peer.run(args, 120L + 600L * problems.size(), line -> {
                String[] f = line.split(",", -1);
                synchronized (lines) {
                    lines.put(f[0], f);
                }
            });
            double wall = (System.nanoTime() - t0) * 1e-9;
            String why = out.unavailable() != null
                    ? "ARDRegression not measured: " + interpreter + " has no scikit-learn"
                    : out.timedOut() ? "ARDRegression stopped after the time limit"
                    : out.exitCode() != 0 ? "sbl_ard.py exited with status " + out.exitCode() : null;
            List<Solve> solves = new ArrayList<>();
            for (int i = 0; i < problems.size(); i++) {
                String[] f;
                synchronized (lines) {
                    f = lines.get(jobs.get(i).toString());
                }
                Path result = Path.of(jobs.get(i) + ".out");
                if (f == null || f.length < 4 || !Files.exists(result) || f[1].equals("nan")) {
                    solves.add(Solve.failed(why != null ? why : "ARDRegression failed on this trial (see standard error)"));
                    continue;
                }
                double[] x = readDoubles(result);
                int its = f[3].isEmpty() ? -1 : Integer.parseInt(f[3].strip());
                solves.add(new Solve(x, Double.parseDouble(f[1]), Double.parseDouble(f[2]), its, true, ""));
                Files.deleteIfExists(result);
            }
            for (Path j : jobs) {
                Files.deleteIfExists(j);
            }
            return new Batch(solves, out.version(), out.unavailable() != null ? why : null, wall);
        }
    }

    /**
     * Writes one job: little-endian float64 [d, M₁, N₁, …, M_d, N_d, A₁ row-major, …, A_d row-major, y].
     *
     * @param file    Output: the job file
     * @param factors Input: A₁ … A_d
     * @param y       Input: the measurements
     */
    static void writeJob(Path file, List<DenseMatrix> factors, double[] y) throws IOException {
        int count = 1 + 2 * factors.size() + y.length;
        for (DenseMatrix f : factors) {
            count += f.data().length;
        }
        ByteBuffer b = ByteBuffer.allocate(8 * count).order(ByteOrder.LITTLE_ENDIAN);
        b.putDouble(factors.size());
        for (DenseMatrix f : factors) {
            b.putDouble(f.rows()).putDouble(f.cols());
        }
        for (DenseMatrix f : factors) {
            for (double v : f.data()) {
                b.putDouble(v);
            }
        }
        for (double v : y) {
            b.putDouble(v);
        }
        Files.write(file, b.array());
    }

    /** Reads a file of little-endian float64 values. */
    static double[] readDoubles(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        double[] x = new double[b.remaining() / 8];
        for (int i = 0; i < x.length; i++) {
            x[i] = b.getDouble();
        }
        return x;
    }
}

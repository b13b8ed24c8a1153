package org.sparrow.benchmarks.kernels;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.sparrow.benchmarks.harness.Timer;
import org.apache.commons.math3.linear.OpenMapRealMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.io.MatrixMarket;
import org.sparrow.core.ops.Spgemm;
import org.sparrow.core.ops.SpgemmOptions;
import org.sparrow.interop.commonsmath.CommonsMath;

/**
 * Apache Commons Math's sparse product {@code OpenMapRealMatrix.multiply(OpenMapRealMatrix)}, timed
 * in a child JVM that the suite stops at a time cap.
 *
 * <p>Why a child process and not a thread: Commons Math's product visits, for every stored
 * {@code a_ik}, all {@code n} columns of row k of B ({@code nnz(A)·n} hash probes, minutes on the
 * larger matrices), and it never checks for interruption; since {@code Thread.stop} is gone from
 * the JDK, a thread that overran its cap would keep a core busy and spoil every later measurement.
 * A process is stopped at the cap for sure. It is started with the same {@code java}, class path
 * and native-access flag as the suite, so it is the same JVM build on the same machine in the same
 * run; only its heap is separate.
 *
 * <p>Child protocol (stdout, one line each): {@code KS ready} once the matrix is built;
 * {@code KS sample NANOS} per timed call; {@code KS check REL} (the relative Frobenius difference
 * from Sparrow's product, over the structural product's pattern: Commons Math has no public sparse
 * iterator, and a correct product cannot store anything outside that pattern); {@code KS refused MSG}
 * if Commons Math cannot hold the matrix (rows·cols ≥ 2³¹ − 1: the sparrow-commons-math adapter says so);
 * {@code KS done}. The first call is both warm-up and a sample; more calls follow while they fit
 * in 80% of the cap (up to the suite's run count), and then the first one is dropped.
 */
public final class CommonsMathProbe {

    private static final String PREFIX = "KS ";

    private CommonsMathProbe() {
    }

    /**
     * What the probe reported.
     *
     * @param timing  median of the finished calls, or {@code null} if none finished
     * @param relDiff the cross-check against Sparrow, NaN if it did not arrive
     * @param status  "ok", "timed out (> CAP s)", "refused: …" or "failed: …"
     */
    record Outcome(Timer.Measured<?> timing, double relDiff, String status) {
    }

    /**
     * Child entry point: {@code CommonsMathProbe FILE CAP_SECONDS MAX_RUNS}.
     *
     * @param args the matrix file, the cap in seconds, and the most timed calls
     */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        double capNanos = Double.parseDouble(args[1]) * 1e9;
        int maxRuns = Integer.parseInt(args[2]);
        CsrMatrix a = MatrixMarket.readCsr(file);
        OpenMapRealMatrix m;
        try {
            m = CommonsMath.toOpenMapRealMatrix(a);
        } catch (IllegalArgumentException e) { // rows·cols past Commons Math's int key: the adapter says so
            System.out.println(PREFIX + "refused " + String.valueOf(e.getMessage()).replace('\n', ' '));
            System.out.println(PREFIX + "done");
            return;
        }
        System.out.println(PREFIX + "ready");
        System.out.flush();
        long start = System.nanoTime();
        OpenMapRealMatrix product = null;
        for (int run = 0; run < maxRuns + 1; run++) {
            long t0 = System.nanoTime();
            product = m.multiply(m);
            long dt = System.nanoTime() - t0;
            System.out.println(PREFIX + "sample " + dt);
            System.out.flush();
            if (run == 0) {
                System.out.println(PREFIX + "check " + check(a, product));
                System.out.flush();
            }
            if (System.nanoTime() - start + dt > 0.8 * capNanos) {
                break;
            }
        }
        System.out.println(PREFIX + "done");
    }

    /** Relative Frobenius difference from Sparrow's A·A over the structural product's pattern. */
    private static double check(CsrMatrix a, OpenMapRealMatrix product) {
        CsrMatrix s = Spgemm.multiply(a, a, new SpgemmOptions(1, true, false));
        int[] p = s.rowPointers();
        int[] c = s.columnIndices();
        double[] v = s.values();
        double diff2 = 0;
        double ref2 = 0;
        for (int i = 0; i < s.rows(); i++) {
            for (int q = p[i]; q < p[i + 1]; q++) {
                double d = product.getEntry(i, c[q]) - v[q];
                diff2 += d * d;
                ref2 += v[q] * v[q];
            }
        }
        return ref2 > 0 ? Math.sqrt(diff2 / ref2) : Math.sqrt(diff2);
    }

    /**
     * Parent side: runs the probe on one matrix and stops it at the cap.
     *
     * @param file       Input: the matrix file
     * @param capSeconds the cap on the product, counted from "ready"
     * @param maxRuns    the most timed calls
     * @return the median of the calls that finished (the first dropped when there are ≥ 3), the
     *         check, and a status: "ok", "timed out (> CAP s)", "refused: …" or "failed: …"
     */
    static Outcome measureInChild(Path file, double capSeconds, int maxRuns) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = List.of(java, "-Xmx6g", "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), CommonsMathProbe.class.getName(),
                file.toString(), String.valueOf(capSeconds), String.valueOf(maxRuns));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.startsWith(PREFIX)) {
                        lines.add(line.substring(PREFIX.length()));
                    }
                }
            } catch (IOException e) {
                // The process was stopped.
            } finally {
                lines.add("eof");
            }
        });
        String capText = String.format(Locale.ROOT, "timed out (> %.0f s)", capSeconds);
        List<Double> samples = new ArrayList<>();
        double rel = Double.NaN;
        String status = null;
        long readyBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long deadline = Long.MAX_VALUE;
        boolean ready = false;
        try {
            while (true) {
                long limit = ready ? deadline : readyBy;
                String line = lines.poll(Math.max(0, limit - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (line == null) {
                    status = !ready ? "failed: the matrix was not built within 120 s"
                            : samples.isEmpty() ? capText : "ok";
                    break;
                }
                if (line.equals("ready")) {
                    ready = true;
                    deadline = System.nanoTime() + (long) (capSeconds * 1e9);
                } else if (line.startsWith("sample ")) {
                    samples.add(Double.parseDouble(line.substring(7)));
                    // Grace for the check after the first sample, which is outside the timed call.
                    deadline = Math.max(deadline, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
                } else if (line.startsWith("check ")) {
                    rel = Double.parseDouble(line.substring(6));
                } else if (line.startsWith("refused ")) {
                    status = "refused: " + line.substring(8);
                } else if (line.equals("done") || line.equals("eof")) {
                    if (status == null) {
                        status = !samples.isEmpty() ? "ok"
                                : "failed: the child JVM exited without a result (see its stderr above)";
                    }
                    break;
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor();
            reader.join(2_000);
        }
        if (samples.isEmpty()) {
            return new Outcome(null, rel, status);
        }
        boolean cold = samples.size() < 3;
        List<Double> kept = cold ? samples : samples.subList(1, samples.size());
        return new Outcome(Timer.Measured.ofSamples(kept.stream().map(ns -> ns * 1e-9).toList(), 1, cold), rel, status);
    }
}

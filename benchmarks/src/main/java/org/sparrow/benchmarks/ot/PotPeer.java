package org.sparrow.benchmarks.ot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sparrow.benchmarks.harness.PythonPeer;

/**
 * POT's {@code sinkhorn_log} and the exact optimum ({@code scipy.optimize.linear_sum_assignment} or
 * {@code ot.emd}) on one instance, through {@code ot_pot.py} (its docstring states the protocol). The
 * instance goes to the script as raw little-endian float64 files in the peer's temporary folder, and
 * POT's dense plan comes back the same way, so that the suite measures it with {@link PlanMetrics}
 * exactly as it measures Sparrow's.
 */
final class PotPeer implements AutoCloseable {

    /** POT's run on one instance ({@code budget}: its iteration limit; a time cap may stop it first). */
    record Run(int iterations, double seconds, boolean capped, double errL2, int l2Iterations, int budget,
               double secondsPerIteration, double[] plan) {
    }

    /** The exact (unregularized) optimum and how it was computed. */
    record Exact(String method, double cost, double seconds) {
    }

    /** What one call produced; {@code run} or {@code exact} is null when not asked for or not measured. */
    record Outcome(String version, Run run, Exact exact, String problem) {
    }

    private final PythonPeer peer;
    private final String interpreter;

    private PotPeer(PythonPeer peer, String interpreter) {
        this.peer = peer;
        this.interpreter = interpreter;
    }

    /**
     * Finds an interpreter with POT and scipy ({@link PythonPeer#interpreterWith}) and unpacks the script.
     *
     * @return the peer, or null when no interpreter has POT and scipy
     * @throws IOException if the script cannot be written
     * @throws InterruptedException if interrupted while looking for the interpreter
     */
    static PotPeer find() throws IOException, InterruptedException {
        String python = PythonPeer.interpreterWith("ot", "scipy");
        return python == null ? null : new PotPeer(new PythonPeer(python, PotPeer.class, "ot_pot.py"), python);
    }

    /** The interpreter in use. */
    String interpreter() {
        return interpreter;
    }

    /**
     * Runs POT (when {@code maxIterations > 0}) and the exact solver on {@code inst}.
     *
     * @param inst          Input: the instance
     * @param eta           the entropic parameter (POT's reg = 1/η)
     * @param tol           the ℓ₁ marginal error to reach
     * @param capSeconds    POT's time limit (an alarm in the script; the plan is that of the potentials then)
     * @param maxIterations POT's iteration limit; 0 skips POT and computes the exact optimum only
     * @param exact         "assignment", "emd" or "none"
     * @return what the script produced; never throws for a failed script (the problem says what happened)
     * @throws IOException if the instance cannot be written or the plan read
     * @throws InterruptedException if interrupted while waiting
     */
    Outcome run(OtInstance inst, double eta, double tol, double capSeconds, int maxIterations, String exact)
            throws IOException, InterruptedException {
        Path dir = peer.folder();
        int n = inst.cost().rows();
        int m = inst.cost().cols();
        writeDoubles(dir.resolve("cost.bin"), inst.cost().data());
        writeDoubles(dir.resolve("a.bin"), inst.a());
        writeDoubles(dir.resolve("b.bin"), inst.b());
        Path planFile = dir.resolve("plan.bin");
        Files.deleteIfExists(planFile);
        List<String> lines = new ArrayList<>();
        List<String> args = List.of(dir.toString(), Integer.toString(n), Integer.toString(m), Double.toString(eta),
                Double.toString(tol), Double.toString(capSeconds), Integer.toString(maxIterations), exact);
        // The cap plus the warm-up, the probe, a late last check and the exact solve.
        long timeout = (long) (2 * capSeconds) + 300;
        PythonPeer.Outcome o = peer.run(args, timeout, line -> {
            synchronized (lines) {
                lines.add(line);
            }
        });
        Run run = null;
        Exact ex = null;
        synchronized (lines) {
            for (String line : lines) {
                String[] f = line.split(",", -1);
                if (f[0].equals("pot") && f.length == 8 && Files.isRegularFile(planFile)) {
                    run = new Run(Integer.parseInt(f[1]), Double.parseDouble(f[2]), Boolean.parseBoolean(f[3]),
                            Double.parseDouble(f[4]), f[5].isEmpty() ? -1 : Integer.parseInt(f[5]),
                            Integer.parseInt(f[6]), Double.parseDouble(f[7]), readDoubles(planFile, n * m));
                } else if (f[0].equals("exact") && f.length == 4) {
                    ex = new Exact(f[1], Double.parseDouble(f[2]), Double.parseDouble(f[3]));
                }
            }
        }
        Files.deleteIfExists(planFile);
        String problem = null;
        if (o.timedOut()) {
            problem = String.format(Locale.ROOT, "the POT script was stopped after %d s", timeout);
        } else if (o.exitCode() == PythonPeer.NO_SCIPY) {
            problem = "POT not measured: " + interpreter + " cannot import POT, numpy or scipy";
        } else if (o.unavailable() != null) {
            problem = o.unavailable().replace("scipy not measured", "POT not measured");
        } else if (o.exitCode() != 0) {
            problem = "the POT script failed with exit status " + o.exitCode() + " (its error is on stderr)";
        }
        return new Outcome(o.version(), run, ex, problem);
    }

    /** Writes {@code v} as raw little-endian float64. */
    static void writeDoubles(Path file, double[] v) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(v.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(v);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        }
    }

    /** Reads {@code count} raw little-endian float64 values; the file must hold exactly that many. */
    static double[] readDoubles(Path file, int count) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length != (long) count * Double.BYTES) {
            throw new IOException(file + " holds " + bytes.length + " bytes, not the " + (long) count * Double.BYTES
                    + " of " + count + " float64 values");
        }
        double[] v = new double[count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
        return v;
    }

    /** Removes the temporary folder. */
    @Override
    public void close() {
        peer.close();
    }
}

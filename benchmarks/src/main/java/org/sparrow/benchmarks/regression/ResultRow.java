package org.sparrow.benchmarks.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.sparrow.core.io.SafeOutput;

/**
 * One row of {@code regression.csv} (and of {@code baseline.csv}, the same format): one method on one
 * problem. Accuracy columns are computed by the suite from the returned x against the known x*; NaN
 * (an empty cell) where they do not apply ({@code sketch-apply} rows, skipped or failed runs).
 *
 * @param problem         the problem's name (synthetic names spell out their parameters)
 * @param kind            "synthetic" or "real"
 * @param n               rows of A
 * @param d               columns of A
 * @param cond            cond₂(A) (exact for synthetic problems, from an SVD for real ones)
 * @param noise           ‖A·x* − b‖ / ‖A·x*‖
 * @param coherent        whether a few rows carry almost all the leverage
 * @param method          qr, lsqr, sketch-solve, sketch-precondition, sketch-apply (Sparrow); ejml-qr,
 *                        ojalgo-qr (peers); uniform-sample-solve (a suite-only contrast)
 * @param sketch          the sketch family, "" when none
 * @param m               sketch rows, 0 when none
 * @param threads         Sparrow's thread count
 * @param status          ok, skipped, refused, unsupported, failed
 * @param converged       the method's own claim (QR and sketch-solve: solved)
 * @param iterations      LSQR iterations (0 for direct methods)
 * @param errInf          ‖x − x*‖∞ / ‖x*‖∞
 * @param err2            ‖x − x*‖₂ / ‖x*‖₂
 * @param residualNorm    ‖A·x − b‖
 * @param residualExcess  (‖A·x − b‖ − ‖A·x* − b‖)/‖b‖, computed as ‖A(x − x*)‖²/(‖A·x − b‖ + ‖A·x* − b‖)/‖b‖
 *                        (equal when A·x* − b ⊥ range(A), and free of cancellation)
 * @param seconds         median seconds per call
 * @param minSeconds      fastest call
 * @param runs            timed calls (1 and cold: the first call only)
 * @param cold            whether the only sample is the cold call
 * @param sketchSeconds   Sparrow's own breakdown (last call): forming S·A and S·b
 * @param factorSeconds   … factoring
 * @param solveSeconds    … solving
 * @param cpuPerWall      process CPU seconds per wall second during the timed calls (≈ busy cores; the JVM's
 *                        own GC and JIT threads count too)
 * @param speedupVsEjml   EJML QR's seconds / these seconds on the same problem (NaN without an EJML time)
 * @param note            why skipped/failed, or what the library said (commas become semicolons)
 */
record ResultRow(String problem, String kind, int n, int d, double cond, double noise, boolean coherent, String method,
                 String sketch, int m, int threads, String status, boolean converged, int iterations, double errInf,
                 double err2, double residualNorm, double residualExcess, double seconds, double minSeconds, int runs,
                 boolean cold, double sketchSeconds, double factorSeconds, double solveSeconds, double cpuPerWall,
                 double speedupVsEjml,
                 String note) {

    /** The methods whose rows {@code --check} guards (the peers' and the suite's own rows are context). */
    static final Set<String> SPARROW_METHODS = Set.of("qr", "lsqr", "sketch-solve", "sketch-precondition",
            "sketch-apply");

    static final String HEADER = "problem,kind,n,d,cond,noise,coherent,method,sketch,m,threads,status,converged,"
            + "iterations,err_inf,err_2,residual_norm,residual_excess,seconds,min_seconds,runs,cold,sketch_seconds,"
            + "factor_seconds,solve_seconds,cpu_per_wall,speedup_vs_ejml_qr,note";

    static final int FIELDS = HEADER.split(",").length;

    /** What baseline and run rows are matched on. */
    String key() {
        return problem + "|" + method + "|" + sketch;
    }

    boolean ok() {
        return status.equals("ok");
    }

    boolean isSparrow() {
        return SPARROW_METHODS.contains(method);
    }

    /** A copy with the EJML ratio filled in. */
    ResultRow withSpeedup(double s) {
        return new ResultRow(problem, kind, n, d, cond, noise, coherent, method, sketch, m, threads, status, converged,
                iterations, errInf, err2, residualNorm, residualExcess, seconds, minSeconds, runs, cold, sketchSeconds,
                factorSeconds, solveSeconds, cpuPerWall, s, note);
    }

    /** A copy with another note. */
    ResultRow withNote(String text) {
        return new ResultRow(problem, kind, n, d, cond, noise, coherent, method, sketch, m, threads, status, converged,
                iterations, errInf, err2, residualNorm, residualExcess, seconds, minSeconds, runs, cold, sketchSeconds,
                factorSeconds, solveSeconds, cpuPerWall, speedupVsEjml, text);
    }

    /** The label used in messages: problem, method and sketch. */
    String label() {
        return problem + " " + method + (sketch.isEmpty() ? "" : " (" + sketch + ")");
    }

    String csv() {
        return String.join(",", problem, kind, Integer.toString(n), Integer.toString(d), num(cond), num(noise),
                Boolean.toString(coherent), method, sketch, Integer.toString(m), Integer.toString(threads), status,
                Boolean.toString(converged), Integer.toString(iterations), num(errInf), num(err2), num(residualNorm),
                num(residualExcess), num(seconds), num(minSeconds), Integer.toString(runs), Boolean.toString(cold),
                num(sketchSeconds), num(factorSeconds), num(solveSeconds), num(cpuPerWall), num(speedupVsEjml),
                note.replace(',', ';').replace('\n', ' ').replace('\r', ' '));
    }

    static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6e", v);
    }

    private static double parse(String s) {
        return s.isBlank() ? Double.NaN : Double.parseDouble(s.trim());
    }

    /** Parses one line written by {@link #csv()}. */
    static ResultRow parse(String line, String where) {
        String[] f = line.split(",", FIELDS);
        if (f.length != FIELDS) {
            throw new IllegalArgumentException(where + ": expected " + FIELDS + " comma-separated fields, found "
                    + f.length);
        }
        try {
            return new ResultRow(f[0], f[1], Integer.parseInt(f[2]), Integer.parseInt(f[3]), parse(f[4]), parse(f[5]),
                    Boolean.parseBoolean(f[6]), f[7], f[8], Integer.parseInt(f[9]), Integer.parseInt(f[10]), f[11],
                    Boolean.parseBoolean(f[12]), Integer.parseInt(f[13]), parse(f[14]), parse(f[15]), parse(f[16]),
                    parse(f[17]), parse(f[18]), parse(f[19]), Integer.parseInt(f[20]), Boolean.parseBoolean(f[21]),
                    parse(f[22]), parse(f[23]), parse(f[24]), parse(f[25]), parse(f[26]), f[27]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    static void write(Path file, List<ResultRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (ResultRow r : rows) {
            sb.append(r.csv()).append('\n');
        }
        SafeOutput.writeString(file, sb.toString());
    }

    /**
     * Reads a file written by {@link #write}.
     *
     * @throws IllegalArgumentException naming the file and line when the header or a row is malformed
     */
    static List<ResultRow> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IllegalArgumentException(file + ": not a regression result table (the first line must be the "
                    + "header " + HEADER + ")");
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(parse(lines.get(i), file + " line " + (i + 1)));
            }
        }
        return rows;
    }
}

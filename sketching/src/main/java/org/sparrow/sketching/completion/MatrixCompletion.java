package org.sparrow.sketching.completion;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.sparrow.core.CooMatrix;
import org.sparrow.core.CsrMatrix;
import org.sparrow.core.DenseMatrix;
import org.sparrow.core.Parallelism;
import org.sparrow.core.structured.LowRankMatrix;
import org.sparrow.sketching.lowrank.LowRankApproximation;
import org.sparrow.sketching.lowrank.RandomizedSvd;
import org.sparrow.sketching.lowrank.RandomizedSvdOptions;
import org.sparrow.solvers.StopReason;

/**
 * Low-rank matrix completion by alternating minimization: from observed entries M_ij, (i, j) ∈ Ω, of an m × n
 * matrix, find U (m × k) and V (n × k) with M ≈ U·Vᵀ.
 *
 * <p><b>Initialization</b> (Jain, Netrapalli, Sanghavi, "Low-rank Matrix Completion using Alternating
 * Minimization", STOC 2013, arXiv 1212.0467, Algorithm 2 "AltMinComplete", steps 2–3): U⁰ = the top-k left singular
 * vectors of (1/p)·P_Ω(M), p = |Ω|/(m·n), computed by Sparrow's {@link RandomizedSvd} on the sparse matrix (default
 * options: oversampling 10, 2 power iterations, the completion seed); then the clipping step: every entry of U⁰ with
 * magnitude above 2μ√k/√m is set to zero and the columns are re-orthonormalized (Householder QR, EJML). The paper
 * clips entries, not rows; its μ is the incoherence of the unknown M, so here it is estimated from U⁰'s own row
 * norms: μ̂ = √(m/k)·q₉₀, q₉₀ the 90th percentile of ‖U⁰_i‖ — an incoherent U has every row norm about √(k/m), and
 * the percentile ignores the few rows that over-sampled rows of Ω inflate — so the threshold is 2·q₉₀.
 * Unlike the paper (which splits Ω into 2T + 1 disjoint parts so that each step sees fresh samples, an artefact of
 * its proof), every step here uses all of the training entries.
 *
 * <p><b>Alternating least squares</b>: one iteration solves, for every column j, v_j = argmin Σ_{i∈Ω^j}
 * (M_ij − u_i·v)² + λ‖v‖², then for every row i, u_i = argmin Σ_{j∈Ω_i} (M_ij − u·v_j)² + λ‖u‖², exactly (Cholesky
 * of the k × k normal equations) or sketched (Gu, Song, Yin, Zhang, ICLR 2024, arXiv 2302.11068; a CountSketch of
 * s = {@value #SKETCH_FACTOR}·k rows gives a preconditioner R, then at most {@value #SKETCH_ITERATIONS}
 * preconditioned CG steps warm-started from the current row); see {@link RowSolves} for both solves, the choice of s
 * and t and their costs, and the fallback for singular rows.
 *
 * <p><b>Stopping</b> (in this order after each iteration, X_t = U·Vᵀ):
 * <ul>
 * <li>{@link StopReason#NOT_FINITE}: the relative change or the training RMSE is not finite.</li>
 * <li>The iteration has settled when ‖P_Ω(X_t − X_{t−1})‖_F ≤ tolerance·‖P_Ω(X_t)‖_F on the training entries (|Ω|·k
 *     flops, no m × n product).</li>
 * <li>{@link StopReason#STAGNATION}, only with validation: the validation RMSE rose in {@value #RISING_LIMIT}
 *     consecutive iterations; the factors of the last iteration are returned.</li>
 * <li>{@link StopReason#MAX_ITERATIONS} when the cap is reached first.</li>
 * </ul>
 * A settled iteration is reported {@link StopReason#CONVERGED} only when nothing shows that it sits below the
 * information limit; otherwise {@code converged} is false and the detail says why:
 * <ul>
 * <li>{@link StopReason#BREAKDOWN} when the training entries cannot determine a rank-k matrix: fewer of them than
 *     its k·(m + n − k) degrees of freedom, or a row or column with fewer than k of them (its factor row is then
 *     underdetermined; with λ &gt; 0 the ridge picks one, the data do not) — whatever λ is.</li>
 * <li>{@link StopReason#STAGNATION} when validation is on and the held-out entries do not confirm the fit:
 *     validation RMSE &gt; {@value #VALIDATION_RATIO}·(training RMSE) + {@value #VALIDATION_FLOOR}·RMS(M_Ω) (a
 *     matrix that fits the training entries but not the others is not the hidden one).</li>
 * </ul>
 *
 * <p>Thread count: the row solves and the change sums run over fixed chunks of rows, summed in chunk order, so the
 * result is the same bit for bit for every {@link org.sparrow.core.Par}.
 */
public final class MatrixCompletion {

    /** s = SKETCH_FACTOR·k rows per row sketch (see {@link RowSolves}: ε ≈ √(k/s) = 1/2). */
    public static final int SKETCH_FACTOR = 4;

    /** The cap t on preconditioned CG steps per sketched row solve. */
    public static final int SKETCH_ITERATIONS = 10;

    /** Consecutive rises of the validation RMSE that stop the iteration. */
    public static final int RISING_LIMIT = 5;

    /** A settled fit is confirmed when validation RMSE ≤ this times the training RMSE plus the floor below. */
    public static final double VALIDATION_RATIO = 10.0;

    /** The floor of the validation check, relative to the RMS of the observed values. */
    public static final double VALIDATION_FLOOR = 1e-6;

    private MatrixCompletion() {
    }

    /**
     * Completes a matrix from its observed entries.
     *
     * @param observed the observed entries, rows × cols (duplicates refused; explicit zeros are observations)
     * @param o        rank, method, λ, limits, validation fraction, seed and parallelism
     * @return U, V and how far they can be trusted
     * @throws IllegalArgumentException with one sentence (1-based indices) for rank &gt; min(rows, cols), NaN or
     *                                  infinite values, an entry observed twice, or a row or column without any
     *                                  observation
     */
    public static CompletionResult complete(CooMatrix observed, CompletionOptions o) {
        if (observed == null) {
            throw new IllegalArgumentException("the matrix of observations is null");
        }
        checkOptions(o);
        return run(observed.rows(), observed.cols(), observed.rowIndices(), observed.columnIndices(),
                observed.values(), observed.values().length, o);
    }

    /**
     * Completes a matrix from its observed entries, the stored entries of a CSR matrix.
     *
     * @param observed the observed entries, rows × cols (explicit zeros are observations)
     * @param o        rank, method, λ, limits, validation fraction, seed and parallelism
     * @return U, V and how far they can be trusted
     * @throws IllegalArgumentException as {@link #complete(CooMatrix, CompletionOptions)}
     */
    public static CompletionResult complete(CsrMatrix observed, CompletionOptions o) {
        if (observed == null) {
            throw new IllegalArgumentException("the matrix of observations is null");
        }
        checkOptions(o);
        int rows = observed.rows();
        int[] ptr = observed.rowPointers();
        int nnz = ptr[rows];
        int[] ri = new int[nnz];
        for (int i = 0; i < rows; i++) {
            Arrays.fill(ri, ptr[i], ptr[i + 1], i);
        }
        return run(rows, observed.cols(), ri, observed.columnIndices(), observed.values(), nnz, o);
    }

    private static void checkOptions(CompletionOptions o) {
        if (o == null) {
            throw new IllegalArgumentException("the completion options are null (use CompletionOptions.defaults(k))");
        }
    }

    private static CompletionResult run(int m, int n, int[] ri, int[] ci, double[] v, int count, CompletionOptions o) {
        long t0 = System.nanoTime();
        int k = o.rank();
        Observations obs = Observations.of(m, n, ri, ci, v, count, k, o.validationFraction(), o.seed());
        int train = obs.trainingCount();
        int threads = Parallelism.threads(o.par(), (long) train * k);
        boolean sketched = o.method() == CompletionMethod.SKETCHED_ALTERNATING_MINIMIZATION;
        int s = SKETCH_FACTOR * k;

        double[] u = initialFactor(obs, k, o.seed());
        double[] vf = new double[n * k];
        RowSolves solves = new RowSolves(obs, k, o.lambda(), sketched, s, SKETCH_ITERATIONS, threads, o.seed());
        double[] predicted = new double[train];
        int tasks = (m + RowSolves.CHUNK - 1) / RowSolves.CHUNK;
        double[][] partial = new double[3][tasks];
        double rms = rootMeanSquare(obs);

        double[] history = new double[o.maxIterations()];
        int it = 0;
        double change = Double.NaN;
        double trainRmse = Double.NaN;
        double validRmse = Double.NaN;
        double prevValid = Double.NaN;
        int rising = 0;
        double risingFrom = Double.NaN;
        StopReason reason = StopReason.MAX_ITERATIONS;
        long loopStart = System.nanoTime();
        while (it < o.maxIterations()) {
            solves.sketchedSolves = 0;
            solves.innerSteps = 0;
            solves.update(n, obs.colPtr, obs.colRow, obs.colVal, false, u, vf);
            solves.update(m, obs.rowPtr, obs.rowCol, obs.rowVal, true, vf, u);
            it++;
            evaluate(obs, k, u, vf, predicted, partial, threads);
            double num = 0;
            double den = 0;
            double sse = 0;
            for (int t = 0; t < tasks; t++) {
                num += partial[0][t];
                den += partial[1][t];
                sse += partial[2][t];
            }
            change = den > 0 ? Math.sqrt(num / den) : (num == 0 ? 0.0 : Double.POSITIVE_INFINITY);
            trainRmse = Math.sqrt(sse / train);
            history[it - 1] = change;
            if (obs.validationCount() > 0) {
                validRmse = validationRmse(obs, k, u, vf);
                if (validRmse > prevValid) {
                    if (rising == 0) {
                        risingFrom = prevValid;
                    }
                    rising++;
                } else {
                    rising = 0;
                }
                prevValid = validRmse;
            }
            if (!Double.isFinite(change) || !Double.isFinite(trainRmse)) {
                reason = StopReason.NOT_FINITE;
                break;
            }
            if (change <= o.tolerance()) {
                reason = StopReason.CONVERGED;
                break;
            }
            if (rising >= RISING_LIMIT) {
                reason = StopReason.STAGNATION;
                break;
            }
        }
        long end = System.nanoTime();

        Limit limit = Limit.of(obs, k);
        boolean converged = false;
        String why;
        String figures = "training RMSE " + fmt(trainRmse)
                + (obs.validationCount() > 0 ? ", validation RMSE " + fmt(validRmse) : "");
        String settled = "the relative change of U·Vᵀ on the " + train + " training entries fell to " + fmt(change)
                + " ≤ " + fmt(o.tolerance()) + " after " + it + " iterations";
        if (reason == StopReason.NOT_FINITE) {
            why = "iteration " + it + " produced a non-finite U·Vᵀ (relative change " + fmt(change) + ", "
                    + figures + "): the row solves overflowed";
        } else if (reason == StopReason.STAGNATION) {
            why = "stopped after " + it + " iterations: the validation RMSE rose " + RISING_LIMIT
                    + " iterations in a row, from " + fmt(risingFrom) + " to " + fmt(validRmse)
                    + ", so further iterations fit the training entries at the expense of the held-out ones ("
                    + figures + ")";
        } else if (reason == StopReason.CONVERGED && limit.below()) {
            reason = StopReason.BREAKDOWN;
            why = settled + ", but the observations are below the information limit for rank " + k + ": "
                    + limit.describe() + ", so U·Vᵀ is not determined (" + figures + ")";
        } else if (reason == StopReason.CONVERGED && obs.validationCount() > 0
                && !(validRmse <= VALIDATION_RATIO * trainRmse + VALIDATION_FLOOR * rms)) {
            reason = StopReason.STAGNATION;
            why = settled + ", but the held-out entries do not confirm the fit: validation RMSE " + fmt(validRmse)
                    + " > " + fmt(VALIDATION_RATIO) + " × training RMSE " + fmt(trainRmse) + " + "
                    + fmt(VALIDATION_FLOOR) + " × RMS of the observations " + fmt(rms)
                    + ", so the observations do not determine a rank-" + k + " matrix";
        } else if (reason == StopReason.CONVERGED) {
            converged = true;
            why = "converged: " + settled + " (" + figures + ")";
        } else {
            why = "stopped after " + it + " iterations without settling: the relative change of U·Vᵀ on Ω is still "
                    + fmt(change) + " > " + fmt(o.tolerance()) + " (" + figures + ")"
                    + (limit.below() ? ", and the observations are below the information limit for rank " + k + ": "
                    + limit.describe() : "");
        }
        if (sketched) {
            long solvesPerIteration = (long) m + n;
            why += "; sketched solves for " + solves.sketchedSolves + " of " + solvesPerIteration
                    + " rows and columns in the last iteration (s = " + s + " sketch rows, "
                    + (solves.sketchedSolves > 0 ? fmt((double) solves.innerSteps / solves.sketchedSolves) : "0")
                    + " CG steps each on average, cap " + SKETCH_ITERATIONS + ")";
        }
        if (solves.pseudoInverseSolves > 0) {
            why += "; " + solves.pseudoInverseSolves + " row solves over the run met a numerically singular system and used the"
                    + " pseudo-inverse";
        }
        why += ".";
        LowRankMatrix factors = LowRankMatrix.ofFactors(new DenseMatrix(m, k, u), new DenseMatrix(n, k, vf));
        double loopSeconds = (end - loopStart) * 1e-9;
        return new CompletionResult(factors, trainRmse, obs.validationCount() > 0 ? validRmse : Double.NaN, it,
                it > 0 ? loopSeconds / it : 0.0, (end - t0) * 1e-9, converged, reason, why,
                Arrays.copyOf(history, it), m, n, count, obs.validationCount(), sketched ? s : 0,
                sketched ? SKETCH_ITERATIONS : 0);
    }

    /** JNS13 Algorithm 2, steps 2–3: the top-k left singular vectors of (1/p)·P_Ω(M), clipped and re-orthonormalized. */
    private static double[] initialFactor(Observations obs, int k, long seed) {
        int m = obs.rows;
        int n = obs.cols;
        double inv = (double) m * n / obs.trainingCount();
        double[] scaled = obs.rowVal.clone();
        for (int p = 0; p < scaled.length; p++) {
            scaled[p] *= inv;
        }
        CsrMatrix a = new CsrMatrix(m, n, obs.rowPtr, obs.rowCol, scaled);
        LowRankApproximation svd = RandomizedSvd.compute(a, RandomizedSvdOptions.defaults(k).withSeed(seed));
        double[] u = svd.u().data().clone();
        if (clip(u, m, k, clipThreshold(u, m, k)) > 0) {
            u = orthonormalize(u, m, k);
        }
        return u;
    }

    /**
     * The clipping threshold 2μ̂√k/√m with μ̂ = √(m/k)·q₉₀, that is 2·q₉₀, q₉₀ the 90th percentile of the row norms
     * of the row-major m × k factor u.
     */
    static double clipThreshold(double[] u, int m, int k) {
        double[] norms = new double[m];
        for (int i = 0; i < m; i++) {
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double x = u[i * k + c];
                sum += x * x;
            }
            norms[i] = Math.sqrt(sum);
        }
        Arrays.sort(norms);
        int at = Math.max(0, (int) Math.ceil(0.9 * m) - 1);
        return 2.0 * norms[at];
    }

    /** Sets every entry of u with magnitude above the threshold to zero; returns how many were. */
    static int clip(double[] u, int m, int k, double threshold) {
        int clipped = 0;
        for (int p = 0; p < m * k; p++) {
            if (Math.abs(u[p]) > threshold) {
                u[p] = 0.0;
                clipped++;
            }
        }
        return clipped;
    }

    /** The Q (m × k, row-major) of a Householder QR of u, through EJML. */
    static double[] orthonormalize(double[] u, int m, int k) {
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(m, k);
        qr.decompose(DMatrixRMaj.wrap(m, k, u.clone()));
        return qr.getQ(null, true).data;
    }

    /**
     * For each chunk of rows: Σ (x − x_prev)², Σ x², Σ (M − x)² over its training entries, x = u_i·v_j, into
     * partial[0..2][chunk]; the predictions are updated in place.
     */
    private static void evaluate(Observations obs, int k, double[] u, double[] v, double[] predicted,
                                 double[][] partial, int threads) {
        int m = obs.rows;
        int tasks = partial[0].length;
        Parallelism.forEachTask(threads, tasks, task -> {
            double num = 0;
            double den = 0;
            double sse = 0;
            int end = Math.min(m, (task + 1) * RowSolves.CHUNK);
            for (int i = task * RowSolves.CHUNK; i < end; i++) {
                int ui = i * k;
                for (int p = obs.rowPtr[i]; p < obs.rowPtr[i + 1]; p++) {
                    int vj = obs.rowCol[p] * k;
                    double x = 0;
                    for (int c = 0; c < k; c++) {
                        x += u[ui + c] * v[vj + c];
                    }
                    double d = x - predicted[p];
                    num += d * d;
                    den += x * x;
                    double r = obs.rowVal[p] - x;
                    sse += r * r;
                    predicted[p] = x;
                }
            }
            partial[0][task] = num;
            partial[1][task] = den;
            partial[2][task] = sse;
        });
    }

    private static double validationRmse(Observations obs, int k, double[] u, double[] v) {
        double sse = 0;
        for (int t = 0; t < obs.validationCount(); t++) {
            int ui = obs.valRow[t] * k;
            int vj = obs.valCol[t] * k;
            double x = 0;
            for (int c = 0; c < k; c++) {
                x += u[ui + c] * v[vj + c];
            }
            double r = obs.valVal[t] - x;
            sse += r * r;
        }
        return Math.sqrt(sse / obs.validationCount());
    }

    private static double rootMeanSquare(Observations obs) {
        double sum = 0;
        for (double x : obs.rowVal) {
            sum += x * x;
        }
        for (double x : obs.valVal) {
            sum += x * x;
        }
        return Math.sqrt(sum / (obs.rowVal.length + obs.valVal.length));
    }

    /** Whether the training entries can determine a rank-k matrix, and the figures if not. */
    private record Limit(long entries, long degrees, int rowsBelow, int firstRow, int firstRowCount, int colsBelow,
                         int firstCol, int firstColCount, int k) {

        static Limit of(Observations obs, int k) {
            int rowsBelow = 0;
            int firstRow = -1;
            int firstRowCount = 0;
            for (int i = 0; i < obs.rows; i++) {
                int c = obs.rowPtr[i + 1] - obs.rowPtr[i];
                if (c < k) {
                    if (rowsBelow++ == 0) {
                        firstRow = i;
                        firstRowCount = c;
                    }
                }
            }
            int colsBelow = 0;
            int firstCol = -1;
            int firstColCount = 0;
            for (int j = 0; j < obs.cols; j++) {
                int c = obs.colPtr[j + 1] - obs.colPtr[j];
                if (c < k) {
                    if (colsBelow++ == 0) {
                        firstCol = j;
                        firstColCount = c;
                    }
                }
            }
            long degrees = (long) k * (obs.rows + obs.cols - k);
            return new Limit(obs.trainingCount(), degrees, rowsBelow, firstRow, firstRowCount, colsBelow, firstCol,
                    firstColCount, k);
        }

        boolean below() {
            return entries < degrees || rowsBelow > 0 || colsBelow > 0;
        }

        /** What is below the limit, as a clause (1-based indices). */
        String describe() {
            StringBuilder b = new StringBuilder();
            if (entries < degrees) {
                b.append(entries).append(" training entries < k·(m + n − k) = ").append(degrees)
                        .append(" degrees of freedom");
            }
            if (rowsBelow > 0) {
                b.append(b.isEmpty() ? "" : "; ").append(rowsBelow).append(rowsBelow == 1 ? " row has" : " rows have")
                        .append(" fewer than k = ").append(k).append(" training entries (first: row ")
                        .append(firstRow + 1).append(" with ").append(firstRowCount).append(")");
            }
            if (colsBelow > 0) {
                b.append(b.isEmpty() ? "" : "; ").append(colsBelow)
                        .append(colsBelow == 1 ? " column has" : " columns have").append(" fewer than k = ").append(k)
                        .append(" training entries (first: column ").append(firstCol + 1).append(" with ")
                        .append(firstColCount).append(")");
            }
            return b.toString();
        }
    }

    /** Three significant digits, locale-independent. */
    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.3g", x);
    }
}

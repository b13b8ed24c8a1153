package org.sparrow.solvers.precond;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.sparrow.core.CsrMatrix;
import org.sparrow.solvers.PreconditionerKind;

/**
 * The dual-threshold incomplete LU factorization ILUT(τ, p) (Y. Saad, "ILUT: a dual threshold
 * incomplete LU factorization", Numer. Linear Algebra Appl. 1 (1994) 387–402, §2; also Saad,
 * "Iterative Methods for Sparse Linear Systems", 2nd ed., 2003, §10.4.1, Algorithm 10.6).
 *
 * <p>Row i is eliminated in the IKJ order of Gaussian elimination, in a full-length working row w:
 * <pre>
 *   w = aᵢ*,  τᵢ = τ·‖aᵢ*‖₂
 *   for k &lt; i with wₖ ≠ 0, in increasing k:
 *       wₖ = wₖ / U(k, k);  drop wₖ if |wₖ| &lt; τᵢ           (first rule, on the multiplier)
 *       otherwise w = w − wₖ·U(k, k+1:n)                  (may create fill in w)
 *   drop every wⱼ with |wⱼ| &lt; τᵢ, j ≠ i                      (second rule, on the row)
 *   keep the p largest |wⱼ| among j &lt; i (row i of L) and the p largest among j &gt; i (row i of U),
 *   and always U(i, i) = wᵢ
 * </pre>
 * The nonzeros of w are a sparse list over a dense array, the k to eliminate come from a binary
 * min-heap of column indices (fill below the diagonal joins it), and the p largest are kept by a
 * size-p min-heap on magnitude: O(|w|·log|w|) per row beyond the flops. With τ = 0 and p
 * unlimited nothing is dropped and L·U is the exact LU factorization without pivoting.
 *
 * <p>The drop rule is relative to the row's norm, so a row whose couplings lie many orders of magnitude
 * below its diagonal loses them: scale such a matrix (or lower τ) first.
 *
 * <p>No pivoting and no shift: a pivot U(i, i) that comes out zero or not finite is an error naming the
 * row (as for {@link Ilu0}); a smaller τ or a larger p, or a diagonally dominant ordering, helps.
 */
public final class Ilut implements Preconditioner {

    private final LuFactors lu;
    private final IlutOptions options;
    private final long matrixNonzeros;
    private final double setupSeconds;

    private Ilut(LuFactors lu, IlutOptions options, long matrixNonzeros, double setupSeconds) {
        this.lu = lu;
        this.options = options;
        this.matrixNonzeros = matrixNonzeros;
        this.setupSeconds = setupSeconds;
    }

    /**
     * ILUT with the {@linkplain IlutOptions#defaults() default} thresholds.
     *
     * @param a Input: square CSR, finite, no zero row
     * @return the factorization
     * @throws IllegalArgumentException as {@link #of(CsrMatrix, IlutOptions)}
     */
    public static Ilut of(CsrMatrix a) {
        return of(a, IlutOptions.defaults());
    }

    /**
     * The ILUT(τ, p) factorization of A.
     *
     * @param a       Input: square CSR (sorted or not), finite, no zero row
     * @param options τ and p; null means {@link IlutOptions#defaults()}
     * @return the factorization
     * @throws IllegalArgumentException if A is null, not square or not finite, a row of A is zero, or a
     *                                  pivot comes out zero or not finite (the message names the row)
     */
    public static Ilut of(CsrMatrix a, IlutOptions options) {
        long t0 = System.nanoTime();
        IlutOptions o = options == null ? IlutOptions.defaults() : options;
        CsrMatrix s = Inputs.squareFinite(a, "ILUT");
        int n = s.rows();
        int[] ap = s.rowPointers();
        int[] aj = s.columnIndices();
        double[] ax = s.values();
        int p = o.fill();
        LuFactors f = new LuFactors(n, (int) Math.min(Integer.MAX_VALUE - 8,
                Math.min((long) s.nnz() * 3, (long) n * Math.min((long) 2 * p + 1, n))));

        double[] w = new double[n];
        boolean[] in = new boolean[n];   // j is among the nonzeros of w
        int[] lower = new int[n];        // min-heap of the columns k < i still to eliminate
        int[] upper = new int[n];        // columns j > i of w
        int[] kept = new int[n];         // columns k < i that survived the first rule
        int[] heap = new int[n];         // scratch for the p largest
        int[] touched = new int[n];      // every column set in w, to reset it
        for (int i = 0; i < n; i++) {
            double norm = 0.0;
            for (int q = ap[i]; q < ap[i + 1]; q++) {
                norm += ax[q] * ax[q];
            }
            norm = Math.sqrt(norm);
            if (norm == 0.0) {
                throw new IllegalArgumentException("ILUT: row " + (i + 1) + " of A is zero, so A is singular");
            }
            double tau = o.dropTolerance() * norm;
            int nl = 0;
            int nu = 0;
            int nk = 0;
            int nt = 0;
            boolean hasDiag = false;
            for (int q = ap[i]; q < ap[i + 1]; q++) { // w = aᵢ*
                int j = aj[q];
                w[j] = ax[q];
                in[j] = true;
                touched[nt++] = j;
                if (j < i) {
                    nl = push(lower, nl, j);
                } else if (j > i) {
                    upper[nu++] = j;
                } else {
                    hasDiag = true;
                }
            }
            while (nl > 0) {
                int k = lower[0];
                nl = pop(lower, nl);
                double wk = w[k] / f.pivot(k);
                if (Math.abs(wk) < tau) { // first rule
                    w[k] = 0.0;
                    in[k] = false;
                    continue;
                }
                w[k] = wk;
                kept[nk++] = k;
                for (int q = f.diag[k] + 1; q < f.rowPtr[k + 1]; q++) { // w = w − wₖ·U(k, k+1:n)
                    int j = f.colIdx[q];
                    if (!in[j]) {
                        in[j] = true;
                        touched[nt++] = j;
                        w[j] = 0.0;
                        if (j < i) {
                            nl = push(lower, nl, j);
                        } else if (j > i) {
                            upper[nu++] = j;
                        } else {
                            hasDiag = true;
                        }
                    }
                    w[j] -= wk * f.values[q];
                }
            }
            // second rule and the p largest, L then U; kept[] is in increasing order already
            int ml = largest(w, kept, nk, tau, p, heap);
            Arrays.sort(kept, 0, ml);
            for (int t = 0; t < ml; t++) {
                f.append(kept[t], w[kept[t]]);
            }
            double pivot = hasDiag ? w[i] : 0.0;
            if (pivot == 0.0 || !Double.isFinite(pivot)) {
                throw new IllegalArgumentException(LuFactors.badPivot("ILUT", i, pivot, "lower the drop tolerance, raise"
                        + " the fill, or reorder A towards diagonal dominance"));
            }
            f.markDiagonal();
            f.append(i, pivot);
            int mu = largest(w, upper, nu, tau, p, heap);
            Arrays.sort(upper, 0, mu);
            for (int t = 0; t < mu; t++) {
                f.append(upper[t], w[upper[t]]);
            }
            f.endRow();
            for (int t = 0; t < nt; t++) { // reset w
                w[touched[t]] = 0.0;
                in[touched[t]] = false;
            }
        }
        f.finish();
        return new Ilut(f, o, s.nnz(), (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Moves to the front of {@code idx[0, m)} the entries with |w| ≥ τ, at most p of them, the largest
     * in magnitude, and returns how many; the order among them is arbitrary.
     */
    private static int largest(double[] w, int[] idx, int m, double tau, int p, int[] heap) {
        int c = 0;
        for (int t = 0; t < m; t++) { // second rule: compact the survivors
            if (!(Math.abs(w[idx[t]]) < tau)) {
                idx[c++] = idx[t];
            }
        }
        if (c <= p) {
            return c;
        }
        int h = 0; // a min-heap on |w| of the p largest so far
        for (int t = 0; t < c; t++) {
            int j = idx[t];
            if (h < p) {
                heap[h] = j;
                siftUp(heap, h++, w);
            } else if (Math.abs(w[j]) > Math.abs(w[heap[0]])) {
                heap[0] = j;
                siftDown(heap, h, w);
            }
        }
        System.arraycopy(heap, 0, idx, 0, h);
        return h;
    }

    private static void siftUp(int[] heap, int t, double[] w) {
        int j = heap[t];
        double v = Math.abs(w[j]);
        while (t > 0) {
            int parent = (t - 1) >>> 1;
            if (!(Math.abs(w[heap[parent]]) > v)) {
                break;
            }
            heap[t] = heap[parent];
            t = parent;
        }
        heap[t] = j;
    }

    private static void siftDown(int[] heap, int h, double[] w) {
        int j = heap[0];
        double v = Math.abs(w[j]);
        int t = 0;
        while (true) {
            int c = 2 * t + 1;
            if (c >= h) {
                break;
            }
            if (c + 1 < h && Math.abs(w[heap[c + 1]]) < Math.abs(w[heap[c]])) {
                c++;
            }
            if (!(Math.abs(w[heap[c]]) < v)) {
                break;
            }
            heap[t] = heap[c];
            t = c;
        }
        heap[t] = j;
    }

    /** Pushes column j on the min-heap {@code heap[0, h)}; returns the new size. */
    static int push(int[] heap, int h, int j) {
        int t = h;
        while (t > 0) {
            int parent = (t - 1) >>> 1;
            if (heap[parent] <= j) {
                break;
            }
            heap[t] = heap[parent];
            t = parent;
        }
        heap[t] = j;
        return h + 1;
    }

    /** Removes the smallest column from the min-heap {@code heap[0, h)}; returns the new size. */
    static int pop(int[] heap, int h) {
        int last = heap[--h];
        int t = 0;
        while (true) {
            int c = 2 * t + 1;
            if (c >= h) {
                break;
            }
            if (c + 1 < h && heap[c + 1] < heap[c]) {
                c++;
            }
            if (heap[c] >= last) {
                break;
            }
            heap[t] = heap[c];
            t = c;
        }
        if (h > 0) {
            heap[t] = last;
        }
        return h;
    }

    /**
     * The thresholds it was built with.
     *
     * @return τ and p
     */
    public IlutOptions options() {
        return options;
    }

    /**
     * Stored entries of L and U together (the unit diagonal of L not stored).
     *
     * @return nnz(L) + nnz(U) − n
     */
    public long factorNonzeros() {
        return lu.nnz();
    }

    @Override
    public PreconditionerKind kind() {
        return PreconditionerKind.ILUT;
    }

    /** "ILUT(τ = 1e-04, p = 20)", p "∞" when unlimited. */
    @Override
    public String name() {
        double tau = options.dropTolerance();
        String t = tau == 0 ? "0" : String.format(Locale.ROOT, "%.2e", tau).replaceAll("\\.?0+e", "e");
        return "ILUT(τ = " + t + ", p = "
                + (options.fill() == IlutOptions.UNLIMITED ? "∞" : Integer.toString(options.fill())) + ")";
    }

    @Override
    public PreconditionerView view() {
        return new PreconditionerView(name(), matrixNonzeros, lu.nnz(), setupSeconds, List.of());
    }

    @Override
    public int rows() {
        return lu.n;
    }

    /** {@code y = U⁻¹·L⁻¹·x}; allocates nothing; x and y may be the same array. */
    @Override
    public void apply(double[] x, double[] y) {
        lu.apply(x, y);
    }

    /** {@code y = L⁻ᵀ·U⁻ᵀ·x}; allocates nothing; x and y may be the same array. */
    @Override
    public void applyTranspose(double[] x, double[] y) {
        lu.applyTranspose(x, y);
    }
}
